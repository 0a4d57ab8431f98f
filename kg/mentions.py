"""Mention records shared by the entity stage: the per-article container and span helpers."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.nlp.doc import AnnotatedArticle, Sentence
from kg.schema import Mention

# Mentions that point at an actor without naming it: never aliases, never name keys.
# descriptor: الشركة for a company named before; implied: a title's government (البريطاني);
# national: الحكومة with no government named before, for the article's own (references.py)
NON_NAME_SOURCES = frozenset({"descriptor", "implied", "national"})
QUOTES = set("\"'«»“”‘’")


@dataclass
class ArticleMentions:
    """Mentions of one article plus alias links found in the text (``"ريديت" (Reddit)``)."""

    mentions: list[Mention] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)


TATWEEL = "\u0640"


def mention(annotated: AnnotatedArticle, sent: Sentence, start: int, end: int, etype: str,
             source: str, key: str | None = None) -> Mention:
    while start < end - 1 and annotated.article.text[start] == TATWEEL:  # لـG42: the clitic's stretch is no part of the name
        start += 1
    text = annotated.article.text[start:end]
    return Mention(article=annotated.article.id, sentence=sent.index, start=start, end=end,
                   text=text, type=etype, source=source, key=key)


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def merge_mentions(preferred: list[Mention], others: list[Mention]) -> list[Mention]:
    """Keep every preferred mention; add the others that do not overlap a kept one.

    A place inside a longer name (the US in "the Chinese embassy in the US") stays as well.
    """
    kept = list(preferred)
    for m in others:
        clash = [k for k in kept if _overlaps(k, m)]
        if all(k.type == "LOCATION" and k.start >= m.start and k.end <= m.end and k.end - k.start < m.end - m.start
               for k in clash):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, -m.end))
