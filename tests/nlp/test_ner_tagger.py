import gzip
import json

import pytest
from stanza import Document

from kg.nlp import annotate, make_pipeline, resolve_models
from kg.nlp.annotate import paragraphs
from kg.nlp.ner_tagger import supported, tag_sentences
from kg.pipeline import BUILD_PROCESSORS
from kg.tag_scope import tag_windows
from tests.conftest import SEEDS, SHARED, make_article


def _texts(raw_articles: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    found = sorted((SHARED / "data" / "raw").rglob("*.jsonl.gz"))
    if found:  # real news in many batches, where ../shared is beside the checkout
        with gzip.open(found[0], "rt", encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for _, line in zip(range(raw_articles), handle)]
    return texts


@pytest.mark.slow
def test_direct_entities_equal_stanzas_ner(pipeline):
    """Token for token, the direct route finds the entities Stanza's NERProcessor finds on the
    same tokens, over many batches (seeds and raw news)."""
    paras = [p for t in _texts(120) for _, p in paragraphs(t)]
    own = pipeline.bulk_process([Document([], text=p) for p in paras], processors=["tokenize", "ner"])
    sents = [s for d in own for s in d.sentences]
    expected = [[(s.tokens.index(e.tokens[0]), s.tokens.index(e.tokens[-1]), e.type) for e in s.ents] for s in sents]
    ner = pipeline.processors["ner"]
    assert supported(ner)
    got = tag_sentences(ner, [[t.text for t in s.tokens] for s in sents])
    assert len(sents) > ner.configs[0]["batch_size"] * 2
    assert sum(map(len, expected)) > 50
    assert got == expected


def test_build_annotation_keeps_stanzas_entity_spans():
    """The build's route (scoped tagging, direct NER) gives the entity spans, offsets and texts of
    Stanza's own full route on the seed articles."""
    pipe = make_pipeline(resolve_models("bundled"), only=BUILD_PROCESSORS)
    articles = [make_article(p.read_text(encoding="utf-8"), p.name) for p in sorted(SEEDS.glob("*.txt"))]
    full = [s.ents for a in annotate(pipe, articles) for s in a.sentences]
    built = [s.ents for a in annotate(pipe, articles, tag_scope=tag_windows) for s in a.sentences]
    assert sum(map(len, full)) > 20
    assert built == full
    for article in annotate(pipe, articles[:1], tag_scope=tag_windows):
        assert all(article.article.text[e.start:e.end] == e.text for s in article.sentences for e in s.ents)


def test_empty_input_has_no_entities(pipeline):
    assert tag_sentences(pipeline.processors["ner"], []) == []
