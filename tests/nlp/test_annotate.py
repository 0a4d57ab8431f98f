import pytest

from kg.nlp.annotate import MAX_PARAGRAPH, UNTAGGED, annotate, paragraphs
from kg.nlp.doc import AnnotatedArticle
from kg.pipeline import extract
from kg.tag_scope import needs_tags
from tests.conftest import SEEDS, make_article


def test_paragraphs_keep_offsets_and_cut_huge_lines():
    text = "أ ب\n\n" + ("كلمة " * 2000)
    parts = list(paragraphs(text))
    assert parts[0] == (0, "أ ب")
    assert all(len(p) <= MAX_PARAGRAPH for _, p in parts)
    assert all(text[off:off + len(p)] == p for off, p in parts)


def test_annotation_round_trips_through_json(annotate_text):
    doc = annotate_text("اجتمع مديرو أوفكوم مع تيك توك في لندن.")
    again = AnnotatedArticle.from_json(doc.article, doc.to_json())
    assert again.sentences == doc.sentences


@pytest.mark.slow
def test_tagging_only_the_scoped_sentences_changes_no_extraction(pipeline):
    """The builds tag only the sentences kg.tag_scope picks: on the seed articles, those sentences get
    the same tags as in a full run, the rest are left untagged, and mentions and relations agree."""
    articles = [make_article(p.read_text(encoding="utf-8"), p.name) for p in sorted(SEEDS.glob("*.txt"))]
    full = list(annotate(pipeline, articles))
    scoped = list(annotate(pipeline, articles, tag_scope=needs_tags))
    kinds = set()
    for a, b in zip(full, scoped):
        for s_full, s_scoped in zip(a.sentences, b.sentences, strict=True):
            chosen = needs_tags([w.text for w in s_full.words])
            kinds.add(chosen)
            expected = [w.upos for w in s_full.words] if chosen else [UNTAGGED] * len(s_full.words)
            assert [w.upos for w in s_scoped.words] == expected
            assert s_scoped.ents == s_full.ents
        assert extract(a).to_json() == extract(b).to_json()
    assert kinds == {True, False}
