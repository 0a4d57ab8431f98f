"""One type per name within an article.

NER types the same name differently from one sentence to the next (سكوبلي a company after
"شركة", a person at the head of another sentence, an organisation in the headline), and every
type becomes a node of its own.  Within an article a name is one actor: its NER mentions take the
type with the most weight, where the gazetteer counts most, then the rules and a NER span typed
by a head word before or inside it (شركة سكوبلي), then a bare NER span.  A place and the
government named after it (بكين، واشنطن) may well be two actors: they are left apart.
"""
from __future__ import annotations

from collections import defaultdict

from kg.nlp.doc import Sentence
from kg.normalize import match_key, strip_clitic
from kg.rules import head_key, type_rules
from kg.schema import Mention

WEIGHTS = {"gazetteer": 3, "rule": 2, "ner": 1, "partial": 1}
HEAD_WEIGHT = 3  # a NER span whose type a head word gave (شركة X، وزارة X): as sure as the gazetteer
APART = frozenset({"LOCATION", "GOVERNMENT"})


def _keys(m: Mention) -> set[str]:
    key = match_key(m.text)
    return {key, strip_clitic(key)}


def _weight(m: Mention, sent: Sentence) -> int:
    if m.source != "ner":
        return WEIGHTS.get(m.source, 0)
    rules = type_rules()
    first = next((i for i, w in enumerate(sent.words) if w.start >= m.start), len(sent.words))
    for i in (first - 1, first):  # the word before the span and its first word
        if 0 <= i < len(sent.words) and rules.head_type([head_key(sent.words[i].text)]) == m.type:
            return HEAD_WEIGHT
    return WEIGHTS["ner"]


def vote_types(sentences: list[Sentence], per_sentence: list[list[Mention]]) -> list[list[Mention]]:
    """Retype NER mentions to the type their name has most weight for in the article."""
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for sent, mentions in zip(sentences, per_sentence):
        for m in mentions:
            weight = _weight(m, sent)
            for key in _keys(m):
                votes[key][m.type] += weight
    out = []
    for mentions in per_sentence:
        fixed = []
        for m in mentions:
            if m.source == "ner":
                tally: dict[str, int] = defaultdict(int)
                for key in _keys(m):
                    for etype, weight in votes[key].items():
                        tally[etype] = max(tally[etype], weight)
                best = max(sorted(tally), key=lambda t: (tally[t], t == m.type))
                if best != m.type and tally[best] > tally[m.type] and {best, m.type} != APART:
                    m = m.model_copy(update={"type": best})
            fixed.append(m)
        out.append(fixed)
    return out
