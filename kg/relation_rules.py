"""Relation rules loaded from ``kg/data/relations.yaml`` into matchable records."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.normalize import match_key, strip_clitic
from kg.rules import read_data

SINGLE_CLITICS = {"ل", "ب"}


def word_key(text: str) -> str:
    """Key of a running-text word: normalized with one proclitic removed."""
    return strip_clitic(match_key(text), min_rest=3)


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    shape: str
    confidence: float
    triggers: tuple[tuple[str, ...], ...]  # each trigger as a tuple of word keys
    first_tail_only: bool = False
    subject_before: bool = False
    subject_clause: bool = False  # a participle (مطالبا): the head is the subject of the clause's first verb
    reverse: bool = False
    tail_marker: str | None = None
    tail_after: frozenset[str] = frozenset()
    head_words: frozenset[str] = frozenset()
    head_types: frozenset[str] = frozenset()
    tail_types: frozenset[str] = frozenset()
    direct_object: bool = False  # the tail is the verb's object: right after it, never after a preposition
    verb_only: frozenset[str] = frozenset()  # triggers that are also nouns (طالب student): count when tagged VERB
    object_preps: frozenset[str] = frozenset()  # a preposition after the subject that opens the object (طلب X من Y)
    requires: frozenset[str] = frozenset()  # one of these words must follow the trigger in the clause (مقرا)
    unless: frozenset[str] = frozenset()  # none of these may follow it there (رأسمالها: another rule's shape)
    not_object_after: frozenset[str] = frozenset()  # حجب 14 قناة على تيليغرام: a tail after these, past the object, is none
    not_next: frozenset[str] = frozenset()  # the trigger means something else when one of these follows it
    posts: frozenset[str] = frozenset()  # appointed: the post the appointee is named to (رئيسا، وزيرا)
    each_marker: bool = False  # verb: the first tail after every tail_after word of the clause


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    negations: frozenset[str]
    hypothetical: frozenset[str]
    negation_window: int
    planned_after: int
    cancelled: frozenset[str]
    demands: frozenset[str]
    max_gap: int
    max_first_gap: int
    time_words: frozenset[str]
    roles: tuple[tuple[str, ...], ...]
    past: frozenset[str]
    member_roles: frozenset[str]
    envoy_roles: frozenset[str]
    owner_roles: frozenset[str]
    titles: tuple[tuple[str, ...], ...]
    title_not_after: frozenset[str]
    title_max_between: int
    metonym_types: frozenset[str] = frozenset()
    national_titles: tuple[tuple[str, ...], ...] = ()  # titles of the article's own state when no country follows
    epithets: frozenset[tuple[str, ...]] = frozenset()  # رجل الأعمال: a person's description before the name


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(match_key(w) for w in text.split())


def longest_first(phrases: set[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Longest phrases first, ties in a fixed order: a set's order changes with the process's hash
    seed, and both the first phrase that matches and the NLP cache key depend on this order."""
    return tuple(sorted(phrases, key=lambda phrase: (-len(phrase), phrase)))


@lru_cache(maxsize=1)
def rule_set() -> RuleSet:
    raw = read_data("relations.yaml")
    rules = []
    for spec in raw["rules"]:
        rules.append(Rule(
            name=spec["name"], type=spec["type"], shape=spec["shape"], confidence=float(spec["confidence"]),
            triggers=longest_first({_phrase(t) for t in spec.get("triggers", [])}),
            first_tail_only=bool(spec.get("first_tail_only")), reverse=bool(spec.get("reverse")),
            subject_before=spec.get("subject") == "before", subject_clause=spec.get("subject") == "clause",
            tail_marker=match_key(spec["tail_marker"]) if spec.get("tail_marker") else None,
            tail_after=frozenset(match_key(w) for w in spec.get("tail_after", [])),
            head_words=frozenset(match_key(w) for w in spec.get("head_words", [])),
            head_types=frozenset(spec.get("head_types", [])), tail_types=frozenset(spec.get("tail_types", [])),
            direct_object=bool(spec.get("direct_object")),
            verb_only=frozenset(match_key(w) for w in spec.get("verb_only", [])),
            object_preps=frozenset(match_key(w) for w in spec.get("object_preps", [])),
            requires=frozenset(match_key(w) for w in spec.get("requires", [])),
            unless=frozenset(match_key(w) for w in spec.get("unless", [])),
            not_object_after=frozenset(match_key(w) for w in spec.get("not_object_after", [])),
            not_next=frozenset(match_key(w) for w in spec.get("not_next", [])),
            posts=frozenset(match_key(w) for w in spec.get("posts", [])),
            each_marker=bool(spec.get("each_marker"))))
    neg, roles, titles = raw["negation"], raw["roles"], raw["titles"]
    return RuleSet(
        rules=tuple(rules),
        negations=frozenset(match_key(w) for w in neg["words"]),
        hypothetical=frozenset(match_key(w) for w in neg["hypothetical"]),
        negation_window=int(neg["window"]), planned_after=int(neg.get("planned_after", 0)),
        cancelled=frozenset(match_key(w) for w in neg.get("cancelled", [])),
        demands=frozenset(match_key(w) for w in neg.get("demands", [])),
        max_gap=int(raw["max_gap"]), max_first_gap=int(raw["max_first_gap"]),
        time_words=frozenset(match_key(w) for w in raw.get("time_words", [])),
        roles=longest_first({_phrase(r) for r in roles["words"]}),
        past=frozenset(match_key(w) for w in roles["past"]),
        member_roles=frozenset(match_key(w) for w in roles["member_roles"]),
        envoy_roles=frozenset(match_key(w) for w in roles.get("envoy_roles", [])),
        owner_roles=frozenset(match_key(w) for w in roles.get("owner_roles", [])),
        titles=longest_first({_phrase(t) for t in titles["words"]}),
        title_not_after=frozenset(match_key(w) for w in titles["not_after"]),
        title_max_between=int(titles["max_between"]),
        metonym_types=frozenset(raw.get("metonym_types", [])),
        national_titles=longest_first({_phrase(t) for t in titles.get("national", [])}),
        epithets=frozenset(_phrase(t) for t in roles.get("epithets", [])))


@lru_cache(maxsize=1)
def role_firsts() -> frozenset[str]:
    """First words of the role phrases (رئيس، مدير، الناطق ...)."""
    return frozenset(phrase[0] for phrase in rule_set().roles)


@lru_cache(maxsize=1)
def post_words() -> frozenset[str]:
    """Posts a person is named to (رئيسا، وزيرا): never part of the person's name."""
    return frozenset(w for rule in rule_set().rules for w in rule.posts)


@lru_cache(maxsize=1)
def verb_trigger_firsts() -> frozenset[str]:
    """First words of the verb rules' triggers (يشغل، التقى): tagged a verb, never a name's last word."""
    return frozenset(t[0] for rule in rule_set().rules if rule.shape == "verb" for t in rule.triggers)


def match_phrase(keys: list[str], raw: list[str], i: int, phrase: tuple[str, ...]) -> int:
    """Number of words matched by ``phrase`` at word ``i`` (0 if none).

    A phrase's last part may be a clitic glued to the next word (``طلب من`` vs ``التابعة لبايت``):
    then it matches a word that starts with it.
    """
    n = len(phrase)
    for k, part in enumerate(phrase):
        j = i + k
        if j >= len(keys):
            return 0
        if keys[j] == part or raw[j] == part:
            continue
        if k == n - 1 and part in SINGLE_CLITICS and raw[j].startswith(part) and len(raw[j]) > 2:
            return n - 1  # the clitic belongs to the next (name) word
        return 0
    return n


Phrases = tuple[tuple[str, ...], ...]


_INDEX: dict[int, tuple[Any, Any]] = {}


def _first_word_index(phrases: Phrases) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Phrase positions by first word, plus the one-word clitic phrases that match word starts.

    Checking only the phrases that can start at a word keeps matching linear in sentence length
    (every rule has dozens of triggers; trying each one at every word dominated extraction time).
    """
    hit = _INDEX.get(id(phrases))
    if hit is not None and hit[0] is phrases:  # by identity: hashing a rule's phrase tuples costs more than matching
        return hit[1]
    by_first: dict[str, list[int]] = {}
    anywhere = []
    for n, phrase in enumerate(phrases):
        if len(phrase) == 1 and phrase[0] in SINGLE_CLITICS:
            anywhere.append(n)
        else:
            by_first.setdefault(phrase[0], []).append(n)
    index = {k: tuple(v) for k, v in by_first.items()}, tuple(anywhere)
    _INDEX[id(phrases)] = (phrases, index)
    return index


@lru_cache(maxsize=1)
def rules_by_first_word() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Names of the rules a trigger of which may start at a word, by that word's key; and the rules
    whose triggers may start anywhere (a clitic alone).  One lookup per word of a sentence then
    finds the few rules worth matching (~40 rules; most sentences start the triggers of none)."""
    by_word: dict[str, set[str]] = {}
    anywhere = set()
    for rule in rule_set().rules:
        by_first, clitics = _first_word_index(rule.triggers)
        if clitics:
            anywhere.add(rule.name)
        for word in by_first:
            by_word.setdefault(word, set()).add(rule.name)
    return {w: frozenset(names) for w, names in by_word.items()}, frozenset(anywhere)


def _candidates(keys: list[str], raw: list[str], i: int, phrases: Phrases) -> list[int]:
    by_first, anywhere = _first_word_index(phrases)
    first, other = by_first.get(keys[i], ()), by_first.get(raw[i], ())
    if not (first or other or anywhere):
        return []  # most words start no phrase: skip building and sorting a set
    return sorted({*first, *other, *anywhere})


def start_positions(keys: list[str], raw: list[str], phrases: Phrases) -> list[int]:
    """Words at which one of ``phrases`` may start (set lookups only; ``first_match`` decides)."""
    by_first, anywhere = _first_word_index(phrases)
    # a one-word clitic phrase (ب) matches only a word that is that clitic alone (match_phrase)
    firsts = by_first.keys() | {phrases[n][0] for n in anywhere} if anywhere else by_first.keys()
    if firsts.isdisjoint(keys) and firsts.isdisjoint(raw):
        return []  # the usual case, found by C-level lookups (this was extraction's top line)
    return [i for i, (key, word) in enumerate(zip(keys, raw)) if key in firsts or word in firsts]


def first_match(keys: list[str], raw: list[str], i: int, phrases: Phrases) -> int:
    """Words matched at ``i`` by the first phrase (in ``phrases`` order) that matches; 0 if none."""
    for n in _candidates(keys, raw, i, phrases):
        if matched := match_phrase(keys, raw, i, phrases[n]):
            return matched
    return 0


def first_phrase(keys: list[str], raw: list[str], i: int, phrases: Phrases) -> tuple[str, ...] | None:
    """The phrase ``first_match`` matches at ``i`` (None if none)."""
    return next((phrases[n] for n in _candidates(keys, raw, i, phrases) if match_phrase(keys, raw, i, phrases[n])), None)


def longest_match(keys: list[str], raw: list[str], i: int, phrases: Phrases) -> int:
    """The most words any of ``phrases`` matches at word ``i`` (0 if none)."""
    return max((match_phrase(keys, raw, i, phrases[n]) for n in _candidates(keys, raw, i, phrases)), default=0)

