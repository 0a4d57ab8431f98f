"""Triggers that report no event: negated, hypothetical or planned, or denied (نفت X أن ...)."""
from __future__ import annotations

from kg.normalize import match_key
from kg.relation_context import CLAUSE_WORDS, RELATIVE_WORDS, Ctx
from kg.relation_rules import RuleSet

DENIALS = frozenset(match_key(w) for w in ("نفى", "نفت", "ينفي", "تنفي", "نفوا", "نفيا"))
THAT = frozenset(match_key(w) for w in ("أن", "أنه", "أنها", "بأن"))


def negated(ctx: Ctx, rules: RuleSet, start: int, end: int) -> bool:
    window = range(max(0, start - rules.negation_window), start)
    blocked = rules.negations | rules.hypothetical
    return any(ctx.raw[i] in blocked or ctx.keys[i] in blocked for i in window) or any(
        ctx.raw[i] in rules.hypothetical for i in range(start, end)) or _denied(ctx, start)


def _denied(ctx: Ctx, start: int) -> bool:
    """``ونفت X، في بيان، أن تكون قد تلقت أي طلب من الحكومة``: what a denial's أن-clause reports
    did not happen."""
    denial = next((i for i in range(start - 1, -1, -1) if ctx.keys[i] in DENIALS or ctx.raw[i] in DENIALS), None)
    return denial is not None and any(ctx.raw[j] in THAT for j in range(denial + 1, start)) and not ctx.clause_break(
        denial + 1, start, CLAUSE_WORDS - RELATIVE_WORDS - THAT)
