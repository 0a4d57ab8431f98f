"""Shared fixtures: the real bundled Stanza pipeline, loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.nlp import annotate, make_pipeline, resolve_models
from kg.nlp.doc import AnnotatedArticle
from kg.schema import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    return make_pipeline(resolve_models("bundled"))


def make_article(text: str, source: str = "test.txt") -> Article:
    import hashlib

    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(id=digest[:16], source=source, text=text, sha256=digest)


@pytest.fixture(scope="session")
def annotate_text(pipeline):
    def run(text: str) -> AnnotatedArticle:
        return next(iter(annotate(pipeline, [make_article(text)])))
    return run


def triples(annotate_text, text: str) -> set[tuple[str, str, str]]:
    """(head text, relation type, tail text) of every relation the rules read in ``text``."""
    from kg.entities import find_mentions
    from kg.relations import extract_relations

    doc = annotate_text(text)
    return {(r.head.text, r.type, r.tail.text) for r in extract_relations(doc, find_mentions(doc))}
