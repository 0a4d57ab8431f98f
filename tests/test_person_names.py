"""A compound first name NER cut off from its family name (kg/person_names.py), real models."""
import pytest

from kg.entities import find_mentions

pytestmark = pytest.mark.slow


def people(annotate_text, text):
    doc = annotate_text(text)
    return {m.text for m in find_mentions(doc).mentions if m.type == "PERSON"}


def test_a_compound_first_name_takes_the_family_name_the_article_names_the_speaker_by(annotate_text):
    text = ("اتهم وزير الاتصالات عبد الرزاق النتشة السلطات الإسرائيلية باحتجاز المعدات. "
            "وقال النتشة إن الوزارة ستتوجه إلى الاتحاد الدولي للاتصالات.")
    assert "عبد الرزاق النتشة" in people(annotate_text, text)


def test_an_object_after_a_surname_is_no_family_name(annotate_text):
    found = people(annotate_text, "وأكد عبد الكافي الدخول في مرحلة جديدة من الحوار. وقال عبد الكافي إن اللجنة جاهزة.")
    assert not any(name.endswith("الدخول") for name in found)


def test_no_title_or_nationality_is_taken_for_a_family_name(annotate_text):
    found = people(annotate_text, "وقال عبد الله الحكومة إن القرار نهائي. وقال الحكومة إن الاجتماع انتهى.")
    assert not any(name.endswith("الحكومة") for name in found)


def test_a_name_with_bin_and_a_nisba_is_a_person_where_ner_misses_it(annotate_text):
    text = "وقال الرئيس التنفيذي لعمانتل هلال بن خميس الرواحي إن المشروع سيبقي البيانات في البلاد."
    assert "هلال بن خميس الرواحي" in people(annotate_text, text)


def test_a_known_actor_before_a_name_is_not_the_persons(annotate_text):
    text = "وحذّر المدير العام لهيئة أوجيرو سليم عبود من دخول المشغل الأمريكي."
    found = people(annotate_text, text)
    assert "سليم عبود" in found and not any("أوجيرو" in name for name in found)


@pytest.mark.parametrize(("text", "name"), [
    ("وقال المدير العام للهيئة (NCA)، مصطفى يوسف عيلمي، إن القرار نهائي.", "مصطفى يوسف عيلمي"),
    ("وحثت سارة ليا ويتسن مديرة قسم الشرق الأوسط الولايات المتحدة على الضغط.", "سارة ليا ويتسن"),
])
def test_a_given_name_ner_left_out_is_put_back(annotate_text, text, name):
    """A given name that is nothing else (مصطفى، سارة) right before a NER person of two words is
    the person's first name."""
    assert name in people(annotate_text, text)
