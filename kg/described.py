"""The noun a participle of ownership describes (التابعة لـ، المملوكة لـ، تابعة لـ).

Such a participle describes the noun right before it: ``"بتلكو"، المملوكة لمجموعة بيون``.  When that
noun is no mention (``"الإدارة المدنية" التابعة لوزارة الدفاع``، ``لجنة مراجعة تابعة للشركة``), the
owned thing is not a mention further back; unless the noun stands for one: the predicate of a
pronoun (X، وهي الذراع السحابية المملوكة لـ), a copula of a relative clause (التي كانت مملوكة لـ),
or the head of an apposition to a body (X، ذراع الحوسبة السحابية التابعة لـ).
"""
from __future__ import annotations

from kg.normalize import match_key
from kg.relation_context import APPOSITION_OPENERS, CLAUSE_WORDS, ORG_TYPES, QUOTE_TOKENS, Ctx

COPULAS = frozenset(match_key(w) for w in ("كان", "كانت", "أصبح", "أصبحت", "بات", "باتت", "ظل", "ظلت", "تعد", "يعد",
                                           "تزال", "يزال", "أضحت", "صارت", "وكانت", "وكان"))


def described_word(ctx: Ctx, t0: int) -> int:
    """The word a definite adjective at ``t0`` describes (``"بتلكو"، المملوكة لـ``، ``هواوي الصينية
    التابعة لـ``): the last word before it that is no mark and no nisba adjective; -1 when none."""
    j = t0 - 1
    while j >= 0 and (not ctx.text[j].isalnum() or (ctx.raw[j].startswith("ال") and ctx.raw[j].endswith(("ي", "يه"))
                                                    and ctx.mention_at(j) is None)):
        j -= 1
    return j


def describes_mention(ctx: Ctx, t0: int) -> bool:
    """Whether the definite adjective at ``t0`` describes a mention: the noun before it is one, or is
    the predicate of a pronoun that stands for one (X، وهي الذراع السحابية المملوكة لـ ...)."""
    j = described_word(ctx, t0)
    return (ctx.mention_at(j) is not None or any(ctx.text[k] in APPOSITION_OPENERS for k in range(max(0, j - 3), j + 1))
            or (j >= 0 and ctx.raw[j] in COPULAS)  # التي كانت مملوكة لـ: the relative clause's noun
            or _in_apposition(ctx, j))


APPOSITION_REACH = 4  # words from an apposition's comma to the noun a participle describes


def _in_apposition(ctx: Ctx, j: int) -> bool:
    """``أمازون ويب سيرفيسز، ذراع الحوسبة السحابية التابعة لـ``: the noun heads an apposition to
    the body before the comma (not to a place, and no clause opens between)."""
    k = j
    while k > 0 and j - k < APPOSITION_REACH and ctx.text[k] not in {"،", ","}:
        k -= 1
    i = k - 1
    if i > 0 and ctx.text[i] == ")":  # X (Latin X)، ذراع ...: the bracketed gloss is X's
        i = next((n - 1 for n in range(i - 1, max(0, i - 6), -1) if ctx.text[n] == "("), i)
    while i > 0 and ctx.text[i] in QUOTE_TOKENS:  # «X»، ذراع ...
        i -= 1
    m = ctx.mention_at(i) if k > 0 and ctx.text[k] in {"،", ","} else None
    return (m is not None and ctx.mentions[m].type in ORG_TYPES
            and not any(ctx.raw[i] in CLAUSE_WORDS or ctx.mention_at(i) is not None for i in range(k + 1, j + 1)))
