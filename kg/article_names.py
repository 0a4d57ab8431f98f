"""Names found once in an article, found again where NER missed them.

NER finds a name in one sentence and misses it in the next (جي42 in the lead, لجي42 three lines
on): within an article a name keeps its sense, so every later or earlier occurrence of a name
already found (with a leading clitic, بجي42، لجي42) becomes a mention of the same type.  Names of
one word count only for organisations and media, whose one-word names are brands (a one-word
person is a surname, kg/references.py; a one-word place may be a common word).
"""
from __future__ import annotations

from kg.mentions import mention
from kg.nlp.doc import AnnotatedArticle, Sentence
from kg.normalize import match_key
from kg.rules import type_rules
from kg.schema import Mention

ONE_WORD_TYPES = frozenset({"COMPANY", "MEDIA", "PARTY", "ORGANIZATION"})
SOURCES = frozenset({"ner", "rule", "gazetteer"})


def _names(per_sentence: list[list[Mention]]) -> dict[tuple[str, ...], str]:
    """Key tuple of each name of the article -> its type (the first seen)."""
    names: dict[tuple[str, ...], str] = {}
    stops = type_rules().stop_mentions
    for mentions in per_sentence:
        for m in mentions:
            key = tuple(match_key(m.text).split())
            if m.source not in SOURCES or not key or " ".join(key) in stops:  # no descriptor or implied one
                continue
            if len(key) >= 2 or (m.type in ONE_WORD_TYPES and len(key[0]) >= 3):
                names.setdefault(key, m.type)
    return names


def article_names(annotated: AnnotatedArticle, per_sentence: list[list[Mention]]) -> list[list[Mention]]:
    """Add a mention wherever a name of the article occurs outside every mention."""
    names = _names(per_sentence)
    if not names:
        return per_sentence
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(names, key=len, reverse=True):
        by_first.setdefault(key[0], []).append(key)
    out = []
    for sent, mentions in zip(annotated.sentences, per_sentence):
        found = _found(annotated, sent, mentions, names, by_first)
        text = annotated.article.text
        kept = [m for m in mentions if not any(_gives_way(m, f.start, f.end, text) for f in found)]
        out.append(sorted(kept + found, key=lambda m: (m.start, -m.end)))
    return out


def _found(annotated: AnnotatedArticle, sent: Sentence, mentions: list[Mention], names: dict[tuple[str, ...], str],
           by_first: dict[str, list[tuple[str, ...]]]) -> list[Mention]:
    raw, words = sent.raw_keys, sent.words
    found: list[Mention] = []
    # most words start no name: test both forms of a word against the first words at once
    starts = [i for i, (key, bare) in enumerate(zip(raw, sent.word_keys)) if key in by_first or bare in by_first]
    for i in starts:
        key, bare = raw[i], sent.word_keys[i]
        for first, clitic in ((key, 0), (bare, len(key) - len(bare))):
            for name in by_first.get(first, ()):
                n = len(name)
                if tuple(raw[i + 1:i + n]) != name[1:]:
                    continue
                start, end = words[i].start + clitic, words[i + n - 1].end
                if not any(_blocks(m, start, end, annotated.article.text) for m in mentions + found):
                    found.append(mention(annotated, sent, start, end, names[name], "ner"))
                break
    return found


def _blocks(m: Mention, start: int, end: int, text: str) -> bool:
    """``m`` overlaps the span and is not inside it: the place in a longer name (اتصالات المغرب)
    stays beside the name, as in merge_mentions; a shorter name inside it (the gazetteer's أرامكو
    in أرامكو الرقمية, named so elsewhere in the article) gives way to it."""
    return m.start < end and start < m.end and not (m.type == "LOCATION" and _inside(m, start, end)
                                                    or _gives_way(m, start, end, text))


def _inside(m: Mention, start: int, end: int) -> bool:
    return start <= m.start and m.end <= end and m.end - m.start < end - start


def _gives_way(m: Mention, start: int, end: int, text: str) -> bool:
    """``m``, a name of no place or person, lies inside a name of more words (not in its own form
    with a clitic: للفيفا)."""
    return (m.type not in {"LOCATION", "PERSON"} and _inside(m, start, end)
            and len(text[start:end].split()) > len(m.text.split()))
