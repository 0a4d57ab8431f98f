"""Stage 3b: typed relations between mentions, by the rules in ``kg/data/relations.yaml``.

Rules look at one sentence at a time: its words (normalized keys), the mentions in it and the
rule's trigger phrases.  Negated or hypothetical triggers (لم يشمل، فشل، رفض، لخلافة) yield
nothing.  Every relation carries the sentence as evidence and the name of the rule that fired.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.entities import ArticleMentions
from kg.nlp.doc import AnnotatedArticle, Sentence
from kg.normalize import match_key
from kg.ontology import load_ontology
from kg.relation_rules import Rule, RuleSet, match_phrase, rule_set, word_key
from kg.schema import Evidence, Mention, Relation

CLAUSE_BREAKS = {".", "؛", ";", "!", "؟", "?"}  # not ":" — it often opens the list of tails
PREPOSITIONS = {match_key(w) for w in ("مع", "من", "على", "في", "إلى", "الى", "عن", "لدى", "ب", "ل", "عبر", "بين", "حول")}
APPOSITION_OPENERS = {"وهو", "وهي", "الذي", "التي", "هو", "هي"}
QUOTE_TOKENS = set("\"'«»“”‘’")
ORG_TYPES = {"COMPANY", "GOVERNMENT", "PARTY", "MEDIA", "ORGANIZATION"}


@dataclass
class _Ctx:
    """One sentence prepared for the rules: word keys and mention positions (word indices)."""

    sent: Sentence
    keys: list[str]
    raw: list[str]
    text: list[str]
    mentions: list[Mention]
    first: list[int]
    last: list[int]
    stops: set[int] = field(default_factory=set)  # word indices where some rule's trigger starts

    @classmethod
    def build(cls, sent: Sentence, mentions: list[Mention]) -> _Ctx:
        words = sent.words
        first, last, kept = [], [], []
        for m in mentions:
            idx = [i for i, w in enumerate(words) if w.end > m.start and w.start < m.end]
            if idx:
                kept.append(m)
                first.append(idx[0])
                last.append(idx[-1])
        return cls(sent, [word_key(w.text) for w in words], [match_key(w.text) for w in words],
                   [w.text for w in words], kept, first, last)

    def mention_at(self, i: int) -> int | None:
        return next((k for k, f in enumerate(self.first) if f <= i <= self.last[k]), None)

    def clause_break(self, a: int, b: int) -> bool:
        return any(self.text[i] in CLAUSE_BREAKS for i in range(a, b))


def _negated(ctx: _Ctx, rules: RuleSet, start: int, end: int) -> bool:
    window = range(max(0, start - rules.negation_window), start)
    blocked = rules.negations | rules.hypothetical
    return any(ctx.raw[i] in blocked or ctx.keys[i] in blocked for i in window) or any(
        ctx.raw[i] in rules.hypothetical for i in range(start, end))


def _after_preposition(ctx: _Ctx, k: int) -> bool:
    """Whether mention ``k`` is the object of a preposition (so not a clause's subject)."""
    j = ctx.first[k] - 1
    while j >= 0 and ctx.text[j] in QUOTE_TOKENS:
        j -= 1
    word = ctx.sent.words[ctx.first[k]].text
    glued = match_key(word)[:1] in {"ب", "ل"} and ctx.mentions[k].start > ctx.sent.words[ctx.first[k]].start
    return glued or (j >= 0 and ctx.raw[j] in PREPOSITIONS)


def _before(ctx: _Ctx, i: int, gap: int, subject: bool = True) -> int | None:
    """Nearest mention ending before word ``i`` in the same clause (not a prepositional object)."""
    best = None
    for k, last in enumerate(ctx.last):
        if subject and _after_preposition(ctx, k):
            continue
        if last < i and i - last <= gap and not ctx.clause_break(last + 1, i):
            if best is None or last > ctx.last[best]:
                best = k
    return best


def _after(ctx: _Ctx, i: int, gap: int, types: frozenset[str] | set[str] = frozenset(),
           first_gap: int | None = None) -> list[int]:
    """Mentions starting after word ``i``, in order, until a clause break, a negation or another trigger."""
    out: list[int] = []
    prev = i
    negs = rule_set().negations
    for k in sorted(range(len(ctx.mentions)), key=lambda k: ctx.first[k]):
        f = ctx.first[k]
        if f <= i:
            continue
        limit = first_gap if first_gap is not None and not out else gap
        between = range(prev + 1, f)
        if f - prev > limit or ctx.clause_break(prev + 1, f) or any(ctx.raw[j] in negs or j in ctx.stops for j in between):
            break
        if not types or ctx.mentions[k].type in types:
            out.append(k)
        prev = ctx.last[k]
    return out


def _skip_apposition(ctx: _Ctx, k: int) -> int:
    """After ``X، وهو ناطق باسم Y،`` return the index where the clause resumes (after the 2nd comma)."""
    j = ctx.last[k] + 1
    if j + 1 < len(ctx.raw) and ctx.text[j] in {"،", ","} and (ctx.raw[j + 1] in APPOSITION_OPENERS or _role_at(ctx, j + 1)):
        for n in range(j + 1, min(len(ctx.raw), j + 15)):
            if ctx.text[n] in {"،", ","}:
                return n
    return ctx.last[k]


def _role_at(ctx: _Ctx, i: int) -> int:
    return max((match_phrase(ctx.keys, ctx.raw, i, r) for r in rule_set().roles), default=0)


def _subject_after(ctx: _Ctx, t1: int) -> int | None:
    """VSO: the first actor within three words after the verb, with no preposition before it
    (اجتمع مسؤولو "أوفكوم" ...; التقى الرئيس التنفيذي لـ... is not a subject)."""
    for k in sorted(range(len(ctx.mentions)), key=lambda k: ctx.first[k]):
        f = ctx.first[k]
        if f < t1:
            continue
        if f - t1 > 3:
            return None
        between = range(t1, f)
        if any(ctx.raw[j] in PREPOSITIONS or ctx.text[j] in {"،", ","} or ctx.clause_break(j, j + 1) for j in between):
            return None
        return None if _after_preposition(ctx, k) else k
    return None


def _verb(ctx: _Ctx, rule: Rule, t0: int, t1: int, gap: int) -> Iterator[tuple[int, int]]:
    # only a verb takes its subject after it (VSO); a noun trigger (الاجتماعات، سلفه) never does
    verb = ctx.sent.words[t0].upos in {"VERB", "AUX"}
    after_k = None if rule.subject_before or not verb else _subject_after(ctx, t1)
    head = after_k if after_k is not None else _before(ctx, t0, gap)
    if head is None:
        return
    resume = _skip_apposition(ctx, head) if after_k is not None else t1 - 1
    tails = [k for k in _after(ctx, resume, gap, rule.tail_types, rule_set().max_first_gap) if k != head]
    for k in tails[:1] if rule.first_tail_only else tails:
        yield head, k


def _apply(ctx: _Ctx, rule: Rule, t0: int, t1: int, gap: int) -> Iterator[tuple[int, int]]:
    if rule.shape == "verb":
        yield from _verb(ctx, rule, t0, t1, gap)
    elif rule.shape == "passive":
        before, after = _before(ctx, t0, gap), _after(ctx, t1 - 1, 6)
        if before is not None and after:
            yield (before, after[0]) if rule.reverse else (after[0], before)
    elif rule.shape == "noun_of":
        after = _after(ctx, t1 - 1, 3)
        if after:
            marker = next((i for i in range(ctx.last[after[0]] + 1, len(ctx.raw)) if ctx.raw[i] == rule.tail_marker), None)
            tails = _after(ctx, marker, 4) if marker is not None else []
            if tails:
                yield after[0], tails[0]
    elif rule.shape == "adjacent":
        before = _before(ctx, t0, 3 if not rule.head_words else 1)
        if before is None or (rule.head_words and ctx.keys[ctx.first[before]] not in rule.head_words
                              and ctx.raw[ctx.first[before]] not in rule.head_words):
            return
        after = _after(ctx, t1 - 1, 4, {"LOCATION"})
        if after:
            yield before, after[0]


def _triggers(ctx: _Ctx, rule: Rule) -> Iterator[tuple[int, int]]:
    for i in range(len(ctx.keys)):
        for phrase in rule.triggers:
            n = match_phrase(ctx.keys, ctx.raw, i, phrase)
            if n:
                yield i, i + n
                break


def _role_span(ctx: _Ctx, a: int, b: int) -> tuple[int, int] | None:
    """First role phrase within words ``[a, b)``: (start, end) word indices."""
    for i in range(a, b):
        n = _role_at(ctx, i)
        if n:
            return i, i + n
    return None


def _role_text(ctx: _Ctx, start: int, org_first: int) -> str:
    end = org_first
    while end > start + 1 and (ctx.raw[end - 1] in PREPOSITIONS or not any(c.isalnum() for c in ctx.text[end - 1])):
        end -= 1
    words = ctx.sent.words
    return ctx.sent.text[words[start].start - ctx.sent.start:words[end - 1].end - ctx.sent.start]


def _roles(ctx: _Ctx, rules: RuleSet) -> Iterator[tuple[int, int, dict[str, object]]]:
    """works_for / member_of from ``PERSON، ROLE في ORG`` and ``ROLE ORG، PERSON``."""
    people = [k for k, m in enumerate(ctx.mentions) if m.type == "PERSON"]
    orgs = [k for k, m in enumerate(ctx.mentions) if m.type in ORG_TYPES]
    for p in people:
        for o in orgs:
            if ctx.first[o] > ctx.last[p]:  # PERSON ... ROLE ... ORG
                lo, hi = ctx.last[p] + 1, ctx.first[o]
                if hi - lo > 10 or any(ctx.mentions[k].type == "PERSON" and lo <= ctx.first[k] < hi for k in people):
                    continue
                role = _role_span(ctx, lo, hi)
                if role is None or role[0] - lo > 3:
                    continue
            else:  # ROLE ... ORG، PERSON  (and "، P1 وROLE2 ...، P2" after it)
                role = _org_then_person(ctx, o, p, people)
                if role is None:
                    continue
            past_window = range(max(0, role[0] - 3), min(len(ctx.raw), role[1] + 6))
            role_end = role[1]
            if o_after(ctx, p, o):  # the role runs up to the first actor after it (صحفي سابق في X و Y)
                role_end = max(role[1], min((f for f in ctx.first if f >= role[1]), default=ctx.first[o]))
            attrs: dict[str, object] = {"role": _role_text(ctx, role[0], role_end)}
            attrs["current"] = False if any(ctx.raw[i] in rules.past or ctx.keys[i] in rules.past for i in past_window) else None
            yield p, o, attrs


def _org_then_person(ctx: _Ctx, o: int, p: int, people: list[int]) -> tuple[int, int] | None:
    """Role span for ``ROLE ORG، PERSON`` or for a coordinated ``، P1 وROLE2 ...، PERSON``."""
    def only_punct(lo: int, hi: int) -> bool:
        return 0 <= hi - lo <= 3 and not any(any(c.isalnum() for c in ctx.text[i]) for i in range(lo, hi))

    if only_punct(ctx.last[o] + 1, ctx.first[p]):
        return _role_span(ctx, max(0, ctx.first[o] - 5), ctx.first[o])
    prev = [k for k in people if ctx.last[o] < ctx.first[k] and ctx.last[k] < ctx.first[p]]
    if len(prev) != 1 or not only_punct(ctx.last[o] + 1, ctx.first[prev[0]]):
        return None
    lo = ctx.last[prev[0]] + 1
    if ctx.first[p] - lo > 10 or not (ctx.raw[lo] == "و" or ctx.raw[lo].startswith("و")):
        return None
    if _role_span(ctx, max(0, ctx.first[o] - 5), ctx.first[o]) is None:
        return None
    return _role_span(ctx, lo, ctx.first[p]) or (lo, lo + 1)


def o_after(ctx: _Ctx, p: int, o: int) -> bool:
    return ctx.first[o] > ctx.last[p]


def _titles(ctx: _Ctx, rules: RuleSet) -> Iterator[tuple[int, int, dict[str, object]]]:
    """``رئيس الوزراء البريطاني X`` / ``X، وزيرة خارجية المملكة المتحدة``: X works for that government."""
    for g, gov in enumerate(ctx.mentions):
        if gov.source != "implied":
            continue
        lo = max(0, ctx.first[g] - rules.title_max_between - 4)
        title = next(((i, i + n) for i in range(lo, ctx.first[g])
                      if (n := max(match_phrase(ctx.keys, ctx.raw, i, t) for t in rules.titles))), None)
        if title is None:
            continue
        role = ctx.sent.text[ctx.sent.words[title[0]].start - ctx.sent.start:ctx.sent.words[ctx.last[g]].end - ctx.sent.start]
        for p, m in enumerate(ctx.mentions):
            if m.type != "PERSON":
                continue
            after = 0 <= ctx.first[p] - ctx.last[g] - 1 <= 2 and _only_punct(ctx, ctx.last[g] + 1, ctx.first[p])
            before = 0 <= title[0] - ctx.last[p] - 1 <= 2 and _only_punct(ctx, ctx.last[p] + 1, title[0])
            if after or before:
                yield p, g, {"role": role, "current": None}


def _only_punct(ctx: _Ctx, lo: int, hi: int) -> bool:
    return not any(any(c.isalnum() for c in ctx.text[i]) for i in range(lo, hi))


def _allowed(rel_type: str, head: Mention, tail: Mention) -> bool:
    spec = load_ontology().relation_types[rel_type]
    return head.start != tail.start and spec.allows(head.type, tail.type)


def sentence_relations(annotated: AnnotatedArticle, sent: Sentence, mentions: list[Mention]) -> list[Relation]:
    rules = rule_set()
    ctx = _Ctx.build(sent, mentions)
    if len(ctx.mentions) < 2:
        return []
    triggers = {rule.name: list(_triggers(ctx, rule)) for rule in rules.rules if rule.shape not in {"role", "title"}}
    # a list of tails ends where another relation's trigger starts (... و"تيك توك" التابعة لـ ...)
    ctx.stops = {t0 for rule in rules.rules if rule.shape in {"verb", "passive", "noun_of"}
                 for t0, _ in triggers[rule.name]}
    evidence = {}
    found: dict[tuple[str, int, int], Relation] = {}

    def add(rule_name: str, rel_type: str, h: int, t: int, conf: float, attrs: dict[str, object]) -> None:
        head, tail = ctx.mentions[h], ctx.mentions[t]
        if not _allowed(rel_type, head, tail) or (rel_type, h, t) in found:
            return
        if "ev" not in evidence:
            evidence["ev"] = Evidence(article=annotated.article.id, sentence=sent.text, start=sent.start,
                                      end=sent.end, rule=rule_name)
        ev = evidence["ev"].model_copy(update={"rule": rule_name})
        found[(rel_type, h, t)] = Relation(type=rel_type, head=head, tail=tail, evidence=ev,
                                           confidence=conf, attrs=attrs)

    taken: set[frozenset[int]] = set()
    for rule in rules.rules:
        if rule.shape == "title":
            for p, g, attrs in _titles(ctx, rules):
                add(rule.name, rule.type, p, g, rule.confidence, attrs)
            continue
        if rule.shape == "role":
            for p, o, attrs in _roles(ctx, rules):
                member = ctx.mentions[o].type == "PARTY" and any(k in rules.member_roles for k in str(attrs["role"]).split())
                add(rule.name, "member_of" if member else rule.type, p, o, rule.confidence, attrs)
            continue
        for t0, t1 in triggers[rule.name]:
            if _negated(ctx, rules, t0, t1):
                continue
            for h, t in _apply(ctx, rule, t0, t1, rules.max_gap):
                if frozenset((h, t)) in taken:  # owns vs part_of on the same pair: first rule wins
                    continue
                before = len(found)
                add(rule.name, rule.type, h, t, rule.confidence, {})
                if len(found) > before:
                    taken.add(frozenset((h, t)))
    # people who work for an organisation named beside them did not "meet" it
    employed = {frozenset((h, t)) for (kind, h, t) in found if kind in {"works_for", "member_of"}}
    return [r for (kind, h, t), r in found.items() if not (kind == "met" and frozenset((h, t)) in employed)]


def extract_relations(annotated: AnnotatedArticle, found: ArticleMentions) -> list[Relation]:
    """Relations of one article, sentence by sentence."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in found.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Relation] = []
    for sent in annotated.sentences:
        out.extend(sentence_relations(annotated, sent, by_sentence.get(sent.index, [])))
    return out
