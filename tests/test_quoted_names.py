"""Names marked by quotes or a Latin gloss (kg/quoted_names.py), through the real bundled models."""
import pytest

from kg.entities import find_mentions
from kg.relations import extract_relations

pytestmark = pytest.mark.slow


def typed(annotate_text, text):
    return {(m.text, m.type) for m in find_mentions(annotate_text(text)).mentions if m.source != "descriptor"}


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("وقال النائب أوبيو ماتيانغي، عن الحركة الديمقراطية البرتقالية (ODM)، إن القرار خاطئ.",
     "الحركة الديمقراطية البرتقالية", "PARTY"),
    ("وانتقد النائب أحمد يوسف بوراله، عضو حزب التحالف الجمهوري من أجل التنمية (ARD)، الحكومة.",
     "حزب التحالف الجمهوري من أجل التنمية", "PARTY"),
    ("ووقعت الشركة اتفاقا مع بنك التصدير والاستيراد (EXIM) لتمويل المشروع.", "بنك التصدير والاستيراد", "COMPANY"),
])
def test_a_head_and_definite_words_glossed_by_an_acronym_are_a_name(annotate_text, text, name, etype):
    assert (name, etype) in typed(annotate_text, text)


def test_the_acronym_names_the_body_without_its_preposition(annotate_text):
    """المملوكة لصندوق الاستثمارات العامة (PIF): the name starts after the glued ل, so the owner is found."""
    doc = annotate_text("ووقعت شركة هيوماين، المملوكة لصندوق الاستثمارات العامة (PIF)، اتفاقية شراكة مع شركة أمريكية.")
    found = find_mentions(doc)
    assert any(m.text == "صندوق الاستثمارات العامة" for m in found.mentions)
    got = {(r.head.text, r.type, r.tail.text) for r in extract_relations(doc, found)}
    assert any("صندوق الاستثمارات" in h and rel == "owns" and "هيوماين" in t for h, rel, t in got)


def test_an_acronym_after_a_bare_head_names_nothing_new(annotate_text):
    """رئيس الهيئة (PTA): a reference and its acronym, no name of their own."""
    assert not any(n.startswith("الهيئة") and t == "GOVERNMENT" for n, t in
                   typed(annotate_text, "وقال رئيس الهيئة (PTA)، اللواء طارق حسين، إن الحجب مؤقت."))
