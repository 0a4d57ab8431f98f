"""Light annotation objects used in the hot loop (plain dataclasses, JSON-able for the cache)."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any, ClassVar

from kg.normalize import match_key, strip_clitic
from kg.schema import Article


@dataclass(slots=True)
class Word:
    """A token of the sentence; offsets index the article text."""

    index: int  # 1-based position in the sentence
    text: str
    lemma: str
    upos: str
    head: int  # 0 = root, else the index of the head word
    deprel: str
    start: int
    end: int


@dataclass(slots=True)
class Span:
    start: int
    end: int
    type: str
    text: str


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    words: list[Word] = field(default_factory=list)
    ents: list[Span] = field(default_factory=list)

    # Matching keys of the words, computed once: every rule of extraction reads them.
    @cached_property
    def raw_keys(self) -> list[str]:
        """``match_key`` of each word."""
        return [match_key(w.text) for w in self.words]

    @cached_property
    def word_keys(self) -> list[str]:
        """Each word's key without one proclitic (``relation_rules.word_key``)."""
        return [strip_clitic(k, min_rest=3) for k in self.raw_keys]


@dataclass
class AnnotatedArticle:
    article: Article
    sentences: list[Sentence]
    # the JSON this was read from (a worker's result): the main process caches it as it came
    source: dict[str, Any] | None = field(default=None, repr=False, compare=False)
    FORMAT: ClassVar[str] = "rows2"  # of to_json, part of the cache key: a new format redoes the NLP

    def to_json(self) -> dict[str, Any]:
        """Words and spans as rows in field order: ``dataclasses.asdict`` deep-copies every value and
        cost ~10 ms an article, in the worker and again in the main process."""
        if self.source is not None:
            return self.source
        return {"sentences": [{"index": s.index, "start": s.start, "end": s.end, "text": s.text,
                               "words": [[getattr(w, f) for f in _WORD_FIELDS] for w in s.words],
                               "ents": [[e.start, e.end, e.type, e.text] for e in s.ents]}
                              for s in self.sentences]}

    @classmethod
    def from_json(cls, article: Article, data: dict[str, Any]) -> AnnotatedArticle:
        sentences = []
        for s in data["sentences"]:
            words = [Word(*w) for w in s["words"]]
            ents = [Span(*e) for e in s["ents"]]
            sentences.append(Sentence(s["index"], s["start"], s["end"], s["text"], words, ents))
        return cls(article, sentences, source=data)


_WORD_FIELDS = tuple(f.name for f in fields(Word))
