"""The article's own government (kg/national.py): datelines and national titles, on the real models."""
import pytest

from kg.entities import find_mentions
from kg.relations import extract_relations

pytestmark = pytest.mark.slow


def _works_for(annotate_text, text):
    doc = annotate_text(text)
    return {(r.head.text, r.tail.key) for r in extract_relations(doc, find_mentions(doc)) if r.type == "works_for"}


def test_a_dateline_city_that_is_no_capital_gives_its_state(annotate_text):
    text = "إسطنبول - د ب أ\nوقال وزير العدل يلماز تونتش إن المنصة رفضت التعاون مع السلطات."
    assert any("تونتش" in h and key == "turkish_government" for h, key in _works_for(annotate_text, text))


def test_a_country_named_like_its_capital_in_the_dateline(annotate_text):
    text = "الجزائر - واج\nواستقبل وزير الاتصال محمد مزيان، الاثنين، المديرة العامة الجديدة للتلفزيون."
    assert any("مزيان" in h and key == "algeria_government" for h, key in _works_for(annotate_text, text))


def test_a_headline_opening_with_a_capital_is_no_dateline(annotate_text):
    text = ("طوكيو تحث الشركة على تقليص ارتباطها بشركة كورية\n\nسيول - يونهاب\n"
            "وعقد وزير العلوم والاتصالات باي كيونغ هون اجتماعا طارئا مع مسؤولين في الشركة.")
    got = _works_for(annotate_text, text)
    assert any("باي كيونغ هون" in h and key == "south_korea_government" for h, key in got)
    assert not any(key == "japan_government" for _, key in got)


def test_the_president_of_the_republic_is_the_datelines_state(annotate_text):
    text = "بغداد - واع\nاستقبل رئيس الجمهورية عبد اللطيف جمال رشيد وفدا من المفوضية."
    assert any("عبد اللطيف جمال رشيد" in h and key == "iraq_government" for h, key in _works_for(annotate_text, text))


def test_a_minister_of_state_for_a_portfolio(annotate_text):
    text = "الكويت - كونا\nوقال وزير الدولة لشؤون الاتصالات عمر سعود العمر إن الترخيص مشروط."
    assert any("عمر سعود العمر" in h and key == "kuwait_government" for h, key in _works_for(annotate_text, text))


@pytest.mark.parametrize(("text", "name", "key"), [
    ("من جهة أخرى، وصل وزير الدفاع الأوغندي كريسبوس كيونجا إلى بوجمبورا مبعوثا من رئيس بلاده.", "كيونجا", "uganda_government"),
    ("ونفت وزيرة الخارجية الرواندية لويز موشيكيوابو أي علاقة لبلدها بالاشتباكات.", "موشيكيوابو", "rwanda_government"),
    ("وقال سفير نيوزيلندا جيرارد فان بوهيمن إن القرار اعتمد بالإجماع.", "بوهيمن", "new_zealand_government"),
])
def test_titles_of_more_countries_name_their_government(annotate_text, text, name, key):
    """The gazetteer knows the governments of African, Asian, European and American states beyond
    the Arab world's usual partners (session 15's 62 countries)."""
    assert any(name in h and k == key for h, k in _works_for(annotate_text, text))
