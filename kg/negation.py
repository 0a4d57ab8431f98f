"""Triggers that report no event: negated, hypothetical or planned, or denied (نفت X أن ...)."""
from __future__ import annotations

from kg.normalize import match_key
from kg.relation_context import CLAUSE_WORDS, RELATIVE_WORDS, Ctx
from kg.relation_rules import RuleSet

DENIALS = frozenset(match_key(w) for w in ("نفى", "نفت", "ينفي", "تنفي", "نفوا", "نفيا"))
THAT = frozenset(match_key(w) for w in ("أن", "أنه", "أنها", "بأن"))
# ونفت الوزارة ما تداولته تقارير عن استحواذ ...: what the reports a denial names say did not happen
REPORT_REACH = 6  # words from ما / تقارير to the event they report
REPORTED = THAT | frozenset(match_key(w) for w in ("ما", "تقارير", "أنباء", "شائعات", "الأنباء", "التقارير"))


def negated(ctx: Ctx, rules: RuleSet, start: int, end: int) -> bool:
    window = range(max(0, start - rules.negation_window), start)
    blocked = rules.negations | rules.hypothetical
    return any(ctx.raw[i] in blocked or ctx.keys[i] in blocked for i in window) or any(
        ctx.raw[i] in rules.hypothetical for i in range(start, end)) or _denied(ctx, start)


def _denied(ctx: Ctx, start: int) -> bool:
    """``ونفت X، في بيان، أن تكون قد تلقت أي طلب من الحكومة``، ``نفت X ما تداولته تقارير عن ...``:
    what a denial's أن-clause or the reports it names say did not happen."""
    denial = next((i for i in range(start - 1, -1, -1) if ctx.keys[i] in DENIALS or ctx.raw[i] in DENIALS), None)
    # a report's own event follows it closely (ما تردد عن منعه ...), not what describes its actors
    # further on (... على قناة إم بي سي مصر التابعة لمجموعة MBC)
    if denial is None or not any(ctx.raw[j] in THAT or (ctx.raw[j] in REPORTED and start - j <= REPORT_REACH)
                                 for j in range(denial + 1, start)):
        return False
    return not ctx.clause_break(denial + 1, start, CLAUSE_WORDS - RELATIVE_WORDS - THAT)
