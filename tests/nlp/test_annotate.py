import pytest

from kg.nlp import make_pipeline, resolve_models
from kg.nlp.annotate import MAX_PARAGRAPH, UNTAGGED, annotate, paragraphs
from kg.nlp.doc import AnnotatedArticle
from kg.pipeline import BUILD_PROCESSORS, extract
from kg.tag_scope import tag_windows
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
def test_tagging_only_the_scoped_windows_changes_no_extraction():
    """The builds tag only the windows kg.tag_scope picks: on the seed articles, the words a rule
    reads get the tags of a full run, words outside every window stay untagged, and mentions and
    relations agree with the full run."""
    pipeline = make_pipeline(resolve_models("bundled"), only=BUILD_PROCESSORS)
    articles = [make_article(p.read_text(encoding="utf-8"), p.name) for p in sorted(SEEDS.glob("*.txt"))]
    full = list(annotate(pipeline, articles))
    scoped = list(annotate(pipeline, articles, tag_scope=tag_windows))
    read = agree = untagged = 0
    for a, b in zip(full, scoped):
        for s_full, s_scoped in zip(a.sentences, b.sentences, strict=True):
            words = [w.text for w in s_full.words]
            inside = {j for start, end in tag_windows(words) for j in range(start, end)}
            untagged += sum(w.upos == UNTAGGED for j, w in enumerate(s_scoped.words) if j not in inside)
            assert all(w.upos == UNTAGGED for j, w in enumerate(s_scoped.words) if j not in inside)
            for start, end in tag_windows(words, margin=0):
                read += end - start
                agree += sum(s_full.words[j].upos == s_scoped.words[j].upos for j in range(start, end))
            assert s_scoped.ents == s_full.ents
        assert extract(a).to_json() == extract(b).to_json()
    assert read > 20 and untagged > 100 and agree / read >= 0.97
