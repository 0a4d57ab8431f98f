"""Triggers that report no event: negated, hypothetical or planned, cancelled, or denied (نفت X أن ...)."""
from __future__ import annotations

from functools import cache

from kg.normalize import match_key
from kg.relation_context import CLAUSE_WORDS, RELATIVE_WORDS, Ctx
from kg.relation_rules import Rule, RuleSet, rule_set

DENIALS = frozenset(match_key(w) for w in ("نفى", "نفت", "ينفي", "تنفي", "نفوا", "نفيا", "نافيا", "نافية", "نافين"))
THAT = frozenset(match_key(w) for w in ("أن", "أنه", "أنها", "بأن"))
# ونفت الوزارة ما تداولته تقارير عن استحواذ ...: what the reports a denial names say did not happen
TO = frozenset(match_key(w) for w in ("إلى", "الى"))
REPORT_REACH = 6  # words from ما / تقارير to the event they report
REPORTED = THAT | frozenset(match_key(w) for w in ("ما", "تقارير", "أنباء", "شائعات", "الأنباء", "التقارير"))


def negated(ctx: Ctx, rules: RuleSet, start: int, end: int, rule: Rule | None = None) -> bool:
    if rule is not None and rule.shape == "passive" and ctx.raw[start].startswith("ال"):
        return False  # نفت الشركة المالكة للتطبيق أن ...: a definite participle describes, the verb is denied
    window = range(max(0, start - rules.negation_window), start)
    blocked = rules.negations | rules.hypothetical
    planned = range(start, min(len(ctx.raw), end + rules.planned_after))  # لقاءً كان مقرراً مع ...
    return (any(_negates(ctx, i, blocked) for i in window)
            or any(ctx.raw[i] in rules.hypothetical for i in planned)
            or _denied(ctx, start) or _cancelled(ctx, rules, start) or (rule is not None and _demanded(ctx, rules, start, rule)))


CONJUNCTIONS = ("و", "ف")  # ولم، فلا: too short for the clitic stripping of word keys
# لا يزال، لم يزل: still; ولا سيما: especially
NOT_NEGATING = frozenset(match_key(w) for w in ("يزال", "تزال", "يزالون", "زال", "زالت", "يزل", "تزل", "سيما"))


def _negates(ctx: Ctx, i: int, blocked: frozenset[str]) -> bool:
    """Word ``i`` negates (or makes hypothetical) what follows: لم، ولم، فلا ...; not لا يزال / لم يزل
    ("still") nor ولا سيما ("especially")."""
    raw = ctx.raw[i]
    word = raw[1:] if raw[:1] in CONJUNCTIONS and raw[1:] in blocked else raw
    if word not in blocked and ctx.keys[i] not in blocked:
        return False
    return i + 1 >= len(ctx.raw) or ctx.raw[i + 1] not in NOT_NEGATING


@cache
def _trigger_firsts(name: str) -> frozenset[str]:
    """First words of a rule's triggers as written (a word that is one has no clitic stripped)."""
    return frozenset(t[0] for rule in rule_set().rules if rule.name == name for t in rule.triggers)


def _cancelled(ctx: Ctx, rules: RuleSet, start: int) -> bool:
    """``وألغى محامي الدفاع X لقاءً مع Y``: the clause's cancellation verb governs the event."""
    verb = next((i for i in range(start - 1, -1, -1) if ctx.raw[i] in rules.cancelled or ctx.keys[i] in rules.cancelled), None)
    return verb is not None and not ctx.clause_break(verb + 1, start)


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


def _demanded(ctx: Ctx, rules: RuleSet, start: int, rule: Rule) -> bool:
    """``وطالب X الجهاز بحجب التطبيق``، ``دعا إلى حظر``: a verbal noun (ب / ل glued on, or after إلى)
    that a demand or threat of its clause governs is what was asked for, not what was done."""
    glued = ctx.raw[start][:1] in {"ب", "ل"} and ctx.raw[start] not in _trigger_firsts(rule.name)  # not لقائه
    noun = glued or (start > 0 and ctx.raw[start - 1] in TO)
    if not noun:
        return False
    verb = next((i for i in range(start - 1, -1, -1) if ctx.raw[i] in rules.demands or ctx.keys[i] in rules.demands), None)
    return verb is not None and not ctx.clause_break(verb + 1, start)
