"""Subjects that stand before their verb.

Arabic news is mostly verb-first (التقى X Y), and the rules take the actor right after the verb as
its subject.  Four common shapes put the subject first instead:

- ``وكان X قد التقى Y``: the pluperfect names its subject between كان and قد;
- ``X، التي التقت Y``: a relative clause is about the actor before the relative pronoun;
- ``X انتقد Y``: an actor right before the verb is its subject (headlines, translated text);
- ``X يستضيف ... ويلتقي Y وZ``: in a sentence that opens "actor, verb", a later verb joined by و
  shares that actor.
"""
from __future__ import annotations

from kg.normalize import match_key
from kg.relation_context import QUOTE_TOKENS, RELATIVE_WORDS, Ctx, after_preposition, conjunct, role_at, titles_person

KANA = frozenset(match_key(w) for w in ("كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"))
QAD = frozenset(match_key(w) for w in ("قد", "لقد"))
IMPERFECT = ("ي", "ت")
KANA_REACH = 16  # words back from قد to كان
COMMAS = {"،", ","}
OPENERS = frozenset(match_key(w) for w in ("إن", "أن", "بأن", ":"))


def _actor(ctx: Ctx, k: int, types: frozenset[str] | set[str]) -> bool:
    """Mention ``k`` can be a subject: named or a reference, not a title's government, not the
    object of a preposition, and of an allowed type."""
    return (ctx.mentions[k].source != "implied" and not after_preposition(ctx, k)
            and (not types or ctx.mentions[k].type in types))


def _kana(ctx: Ctx, i: int) -> int | None:
    """Index of كان/كانت opening the clause that ends at word ``i``."""
    kana = next((j for j in range(i - 1, max(-1, i - 1 - KANA_REACH), -1) if ctx.raw[j] in KANA), None)
    return None if kana is None or ctx.clause_break(kana + 1, i, frozenset()) else kana


def qad_subject(ctx: Ctx, t0: int, types: frozenset[str] | set[str]) -> int | None:
    """``وكان الرئيس التنفيذي لآبل تيم كوك قد التقى``: the actor right after كان (or after a title
    right after it) before قد; not one deep in a longer subject (وكانت عدة جهات من بينها ... X قد)."""
    if t0 < 2 or ctx.raw[t0 - 1] not in QAD:
        return None
    kana = _kana(ctx, t0 - 1)
    if kana is None:
        return None
    k = next((k for k in ctx.order if kana < ctx.first[k] and ctx.last[k] < t0 - 1 and _actor(ctx, k, types)), None)
    if k is None or (ctx.first[k] - kana > 2 and not role_at(ctx, kana + 1)):
        return None
    if titles_person(ctx, k):  # وكان الرئيس التنفيذي لشركة آبل تيم كوك قد ...: the person
        nxt = ctx.following(k)  # titles_person found one
        k = k if nxt is None else nxt
    return k


def relative_subject(ctx: Ctx, t0: int, types: frozenset[str] | set[str]) -> int | None:
    """``كامالا هاريس، التي التقت سوناك``: the actor right before the relative pronoun."""
    if t0 < 2 or ctx.raw[t0 - 1] not in RELATIVE_WORDS:
        return None
    j = t0 - 2
    while j >= 0 and (ctx.text[j] in COMMAS or ctx.text[j] in QUOTE_TOKENS):
        j -= 1
    # the antecedent may be a preposition's object (حصة في أوريدو، التي تتخذ من الدوحة مقرا لها)
    return next((k for k in ctx.order if ctx.last[k] == j and ctx.mentions[k].source != "implied"
                 and (not types or ctx.mentions[k].type in types)), None)


def adjacent_subject(ctx: Ctx, t0: int, types: frozenset[str] | set[str]) -> int | None:
    """``ترامب انتقد بايدن``، ``وكانت مديرة الصندوق X دعت``: an actor ending right before the verb
    (quotes aside) that opens the sentence, follows كان, or precedes a present-tense verb (a
    headline's "X يلتقي Y").  Elsewhere in verb-first text the word before a verb ends the last
    clause (هجوم على بلدة خان شيخون اتهمت واشنطن ...)."""
    j = t0 - 1
    while j >= 0 and ctx.text[j] in QUOTE_TOKENS:
        j -= 1
    k = next((k for k in ctx.order if ctx.last[k] == j and _actor(ctx, k, types)), None)
    if k is None:
        return None
    i = ctx.first[k] - 1
    while i >= 0 and (ctx.text[i] in QUOTE_TOKENS or ctx.raw[i] in {"و", "ف"}):
        i -= 1
    opens = i < 0 or ctx.raw[i] in OPENERS  # the sentence, or a reported clause (إن "حكومة X أمرت ...)
    return k if opens or ctx.keys[t0].startswith(IMPERFECT) or _kana(ctx, ctx.first[k]) is not None else None


def headline_subject(ctx: Ctx, t0: int, types: frozenset[str] | set[str]) -> int | None:
    """``سوناك يستضيف قمة ... ويلتقي ألتمان وماسك``: a و-joined present-tense verb in a sentence
    that opens with an actor and a present-tense verb has that actor as its subject."""
    if not conjunct(ctx, t0) or not ctx.keys[t0].startswith(IMPERFECT):
        return None
    k = next(iter(ctx.order), None)
    if k is None or ctx.first[k] != 0 or not _actor(ctx, k, types):
        return None
    after = ctx.last[k] + 1
    if after >= t0 or ctx.mention_at(after) is not None or not ctx.raw[after].startswith(IMPERFECT):
        return None
    return None if ctx.clause_break(after, t0) else k


def subject_before_verb(ctx: Ctx, t0: int, verb: bool, types: frozenset[str] | set[str]) -> int | None:
    """The subject of the verb at word ``t0`` when it stands before it, else None.  ``verb``: the
    word is tagged a verb (a noun trigger takes none of these shapes, except after قد)."""
    found = qad_subject(ctx, t0, types)
    if found is not None or not verb:
        return found
    for shape in (relative_subject, adjacent_subject, headline_subject):
        found = shape(ctx, t0, types)
        if found is not None:
            return found
    return None
