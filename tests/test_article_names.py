"""Names found once in an article, found again where NER missed them (real bundled models)."""
import pytest

from kg.entities import find_mentions
from tests.conftest import ROOT
from tests.test_relations import triples

pytestmark = pytest.mark.slow


def test_a_name_found_once_is_found_again_with_a_clitic(annotate_text):
    text = (ROOT / "benchmarks" / "news" / "heldout2" / "c1.txt").read_text(encoding="utf-8")
    doc = annotate_text(text)
    found = find_mentions(doc).mentions
    assert sum(1 for m in found if m.text == "جي42") >= 4  # NER finds it twice
    assert ("بنغ شياو", "works_for", "جي42") in triples(annotate_text, text)


def test_a_name_holding_a_place_is_found_again(annotate_text):
    text = ("فرضت الهيئة غرامة على شركة اتصالات المغرب.\n"
            "وتملك مجموعة اتصالات الإماراتية حصة الأغلبية في اتصالات المغرب منذ سنوات.")
    found = find_mentions(annotate_text(text)).mentions
    second = [m for m in found if m.sentence == 1]
    assert any(m.text == "اتصالات المغرب" and m.type == "COMPANY" for m in second)
