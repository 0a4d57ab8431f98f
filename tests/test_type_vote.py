"""One type per name within an article, through the real bundled models."""
import pytest

from kg.entities import find_mentions

pytestmark = pytest.mark.slow


def test_a_name_keeps_one_type_in_an_article(annotate_text):
    text = ("صندوق الاستثمارات العامة يستحوذ على سكوبلي الأمريكية\n"
            "أعلن الصندوق استحواذه على شركة سكوبلي الأمريكية لألعاب الهاتف المحمول.\n"
            "وتتخذ سكوبلي من مدينة كولفر سيتي بولاية كاليفورنيا مقرا لها.")
    types = {m.type for m in find_mentions(annotate_text(text)).mentions if m.text == "سكوبلي"}
    assert types == {"COMPANY"}


def test_a_place_and_its_government_stay_apart(annotate_text):
    text = "وصل الوزير إلى بكين أمس.\nوقالت بكين إنها ترفض الاتهامات."
    found = find_mentions(annotate_text(text)).mentions
    assert any(m.type == "LOCATION" for m in found if "بكين" in m.text)


def test_a_kind_word_outweighs_two_bare_ner_guesses(annotate_text):
    text = ('"نوفاتيك" السعودية توقع اتفاقا مع مايكروسوفت\n'
            "وقعت شركة نوفاتيك، المملوكة لصندوق الاستثمارات العامة، اتفاقية مع مايكروسوفت.\n"
            "وقال سامي الحربي، الرئيس التنفيذي لنوفاتيك، إن الاتفاق يشمل مراكز البيانات.")
    types = {m.type for m in find_mentions(annotate_text(text)).mentions if "نوفاتيك" in m.text}
    assert types == {"COMPANY"}
