"""Which words the rules read parts of speech of, so that the NLP stage tags only those.

After tokenization and NER, POS tagging is the NLP stage's biggest cost, yet the rules read parts
of speech in three places only: the words after a legislation trigger (قانون ...), the name after
an institution head without the article (وزارة ...), and the trigger word of a verb-shaped
relation rule.  A sentence holding none of them is never asked for a tag, so it stays untagged.
In 200 raw-news articles 26 % of the words are in such sentences.  Within them, only windows
around the words read are tagged (``tag_windows``): 10 % of the words; the BiLSTM tagger sees
six words of context on each side, and 99.3 % of the tags read (300 raw articles) come out as
in whole sentences.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from kg.normalize import match_key, strip_clitic
from kg.relation_rules import Phrases, Rule, first_match, longest_first, rule_set, start_positions
from kg.rules import type_rules

_CODE = ("tag_scope.py", "normalize.py", "relation_rules.py", "rules.py")


MARGIN = 6  # words of context on each side of a window (3 words: 98.8 % of tags as in whole sentences)


def tag_windows(words: Sequence[str], margin: int = MARGIN) -> list[tuple[int, int]]:
    """Word ranges ``[start, end)`` of this sentence whose parts of speech a rule may read, widened
    by ``margin`` words of context and merged; empty when no rule reads any (``words``: texts)."""
    reads = _reads(words)
    if not reads:
        return []
    merged: list[tuple[int, int]] = []
    for start, end in sorted((max(0, a - margin), min(len(words), b + margin)) for a, b in reads):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def needs_tags(words: Sequence[str]) -> bool:
    """True when a rule may read the part of speech of a word of this sentence (``words``: texts)."""
    return bool(_reads(words))


def _reads(words: Sequence[str]) -> list[tuple[int, int]]:
    """The words each rule reads tags of, as ranges (kg/entities.py and kg/relations.py)."""
    rules = type_rules()
    n = len(words)
    raw = [match_key(w) for w in words]
    keys = [strip_clitic(r, min_rest=3) for r in raw]  # relation_rules.word_key of each word
    leg = rules.legislation
    out = [] if leg["triggers"].isdisjoint(keys) else [  # the words after قانون ...
        (i + 1, min(n, i + 1 + leg["max_tokens"])) for i, k in enumerate(keys) if k in leg["triggers"] and i + 1 < n]
    # the name after وزارة ...; after a definite head (الهيئة) only when an adjective follows, as
    # kg/institutions.py reads no other name there (الهيئة الوطنية للاتصالات)
    out += [(i + size, min(n, i + size + rules.institution_max))
            for i, size, _, definite in rules.institution_heads(words)
            if i + size < n and not (definite and size == 1 and not raw[i + 1].startswith("ال"))]
    triggers = _verb_triggers()  # the trigger word of a verb-shaped relation rule
    out += [(i, i + 1) for i in start_positions(keys, raw, triggers) if first_match(keys, raw, i, triggers)]
    return out


@lru_cache(maxsize=1)
def _verb_rules() -> tuple[Rule, ...]:
    return tuple(rule for rule in rule_set().rules if rule.shape == "verb")


@lru_cache(maxsize=1)
def _verb_triggers() -> Phrases:
    """The triggers of all verb-shaped rules in one list: a word is read if any of them starts there."""
    return longest_first({phrase for rule in _verb_rules() for phrase in rule.triggers})


@lru_cache(maxsize=1)
def scope_version() -> str:
    """Hash of what decides the scope (trigger and head vocabularies, this code): cached NLP
    results tagged under another scope are redone, while other rule edits keep them."""
    rules = type_rules()
    digest = hashlib.sha256()
    for part in (sorted(rules.legislation["triggers"]), sorted(rules.institutions),
                 [rule.triggers for rule in _verb_rules()]):
        digest.update(repr(part).encode("utf-8"))
    for name in _CODE:
        digest.update(resources.files("kg").joinpath(name).read_bytes())
    return digest.hexdigest()[:12]
