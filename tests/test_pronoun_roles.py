"""A role with "its" takes the body the sentence before opened with (kg/carried_roles.py)."""
import pytest

from kg.entities import find_mentions
from tests.conftest import triples

pytestmark = pytest.mark.slow


def test_a_role_with_its_at_the_opening_of_a_sentence(annotate_text):
    text = ("وكانت شركة زين قد طالبت الهيئة بخفض الرسوم. "
            "وقال رئيسها التنفيذي بدر الخرافي إن الشركة ستواصل الاستثمار.")
    assert any("الخرافي" in h and r == "works_for" and "زين" in t for h, r, t in triples(annotate_text, text))


def test_a_person_opening_the_sentence_before_is_no_employer(annotate_text):
    text = ("وكان الوزير خالد المهدي قد زار الشركة أمس. "
            "وقال رئيسها التنفيذي بدر الخرافي إن الزيارة كانت مثمرة.")
    assert not any("الخرافي" in h and r == "works_for" and "المهدي" in t for h, r, t in triples(annotate_text, text))


def test_a_spokesman_in_its_name_works_for_the_body(annotate_text):
    text = "وانتقدت حركة النهضة القرار، إذ قال الناطق باسمها، عماد الخميري، إن الخطوة غير قانونية."
    got = triples(annotate_text, text)
    assert any("الخميري" in h and r in {"works_for", "member_of"} and "النهضة" in t for h, r, t in got)
    assert not any(r == "criticized" and "الخميري" in t for h, r, t in got)  # إذ opens a clause of its own


def test_the_company_named_after_its_kind_in_quotes_is_the_company(annotate_text):
    text = ('قاد الصندوق جولة تمويل في شركة "نيوروكور" الأمريكية، وشاركت فيها مجموعة "تيماسيك" السنغافورية، '
            "فيما احتفظ مؤسس الشركة ورئيسها التنفيذي، دانيال ريفز، بحصة 22% منها.")
    found = find_mentions(annotate_text(text))
    linked = {(found.mentions[a].text, found.mentions[b].text) for a, b, why in found.links if why == "descriptor"}
    assert ("نيوروكور", "الشركة") in linked  # not تيماسيك, the last company named


def test_its_head_in_a_new_statement_is_the_subjects(annotate_text):
    text = "كما انتقدت نقابة الصحفيين الفلسطينيين ميتا، وقال نقيبها سامر عودة إن القرار يحرم الملايين من الأخبار."
    got = triples(annotate_text, text)
    assert any("سامر" in h and r == "works_for" and "نقابة" in t for h, r, t in got)
    assert not any("سامر" in h and r == "works_for" and "ميتا" in t for h, r, t in got)


def test_a_role_in_it_before_the_name(annotate_text):
    text = "وكانت صحيفة القبس قد نشرت، نقلا عن محررة الشؤون التقنية فيها فاطمة الشمري، أن الاجتماع عقد في برلين."
    assert any("الشمري" in h and r == "works_for" and "القبس" in t for h, r, t in triples(annotate_text, text))
