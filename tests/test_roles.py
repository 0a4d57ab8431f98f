"""Roles and titles (kg/roles.py) on the real models."""
import pytest

from kg.entities import find_mentions
from kg.relations import extract_relations

pytestmark = pytest.mark.slow


def test_a_title_after_a_titled_name_is_the_next_persons(annotate_text):
    doc = annotate_text("بغداد - واع\nاستقبل رئيس الجمهورية عبد اللطيف جمال رشيد رئيس مجلس المفوضين في "
                        "المفوضية العليا المستقلة للانتخابات القاضي عمر أحمد محمد، وبحثا الاستعدادات.")
    got = {(r.head.text, r.type, r.tail.text) for r in extract_relations(doc, find_mentions(doc))}
    assert not any("رشيد" in h and rel == "works_for" and "المفوضية" in t for h, rel, t in got)
    assert any("عمر أحمد محمد" in h and rel == "works_for" and "المفوضية" in t for h, rel, t in got)



def test_a_title_with_a_portfolio_before_the_name(annotate_text):
    doc = annotate_text("وقالت نائبة رئيسة المفوضية الأوروبية لشؤون السيادة التكنولوجية، هينا فيركونين، "
                        "إن المنصات ليست فوق القانون.")
    got = {(r.head.text, r.type, r.tail.text) for r in extract_relations(doc, find_mentions(doc))}
    assert any("فيركونين" in h and rel == "works_for" and "المفوضية" in t for h, rel, t in got)
