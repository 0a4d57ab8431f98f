"""Roles with "its": ``أعلنت شركة أوبن إيه آي إقالة رئيسها التنفيذي سام ألتمان`` · ``وانتقدت حركة
مجتمع السلم القرار، إذ قال الناطق باسمها، يوسف بلحاج`` · across sentences: ``وكانت stc البحرين قد
طالبت ... . ونفى رئيسها التنفيذي نزار بانبيله ...``.

A role with a possessive pronoun right before a person (a comma between them allowed) is a role at
the nearest body named before it in the sentence.  When the role opens its sentence and no body
stands before it, it is a role at the subject of the sentence before: that sentence's first
mention, when it is a body (a company, a ministry, a party ...) and not a person or a place.
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.nlp.doc import AnnotatedArticle, Sentence
from kg.normalize import match_key
from kg.relation_context import ORG_TYPES, PREPOSITIONS, Ctx, role_at
from kg.relation_rules import role_firsts
from kg.schema import Evidence, Mention, Relation

PRONOUNS = ("ها", "ه")
ROLE_ADJECTIVES = frozenset(match_key(w) for w in ("التنفيذي", "التنفيذية", "العام", "العامة", "الرسمي", "الرسمية",
                                                   "الأول", "الأولى"))  # سكرتيرها الأول
IN_IT = frozenset(match_key(w) for w in ("فيها", "لديها"))  # مراسل فيها X: a role "in it"
IN_ITS_NAME = frozenset(match_key(w) for w in ("باسمها",))  # الناطق باسمها: the role word is the one before
PRONOUN_REACH = 12  # words from a role like رئيسها back to its body
OPENING = 3  # words before a carried role: a verb with و and قد at most (ونفى، وقال، كما أكد)
CARRIED_RULE = "works_for.pronoun_previous.v1"
CARRIED_CONFIDENCE = 0.6


def role_text(ctx: Ctx, start: int, org_first: int) -> str:
    end = org_first
    while end > start + 1 and (ctx.raw[end - 1] in PREPOSITIONS or not any(c.isalnum() for c in ctx.text[end - 1])):
        end -= 1
    words = ctx.sent.words
    return ctx.sent.text[words[start].start - ctx.sent.start:words[end - 1].end - ctx.sent.start]


def pronoun_role(ctx: Ctx, j: int, pronouns: tuple[str, ...] = PRONOUNS) -> bool:
    """Word ``j`` is a role with a possessive pronoun (رئيسها، ومديره)."""
    own = ctx.keys[j]
    bare = next((own[:-len(p)] for p in pronouns if own.endswith(p) and len(own) > len(p) + 2), "")
    return bare in role_firsts()


def its_role(ctx: Ctx, p: int) -> int:
    """Index of the role word with "its" (a body's) before person ``p`` (رئيسها التنفيذي، X · الناطق
    باسمها X); -1 when there is none.  نائبه ("his" deputy) is a person's role, not a body's."""
    j = ctx.first[p] - 1
    if j > 0 and ctx.text[j] in {"،", ","}:
        j -= 1
    while j > 0 and ctx.raw[j] in ROLE_ADJECTIVES:
        j -= 1
    if j > 0 and ctx.raw[j] in IN_ITS_NAME and ctx.keys[j - 1] in role_firsts():
        return j - 1
    if j > 0 and ctx.raw[j] in IN_IT:  # محررة الشؤون التقنية فيها X: the role a few words before
        return next((n for n in range(j - 1, max(-1, j - 5), -1) if role_at(ctx, n)), -1)
    return j if j >= 1 and pronoun_role(ctx, j, ("ها",)) else -1


def pronoun_roles(ctx: Ctx) -> Iterator[tuple[int, int, dict[str, object]]]:
    """A role with "its" before a person: a role at the nearest body before it in the sentence."""
    for p, m in enumerate(ctx.mentions):
        j = its_role(ctx, p) if m.type == "PERSON" else -1
        if j < 0:
            continue
        before = [o for o, n in enumerate(ctx.mentions) if n.type in ORG_TYPES and n.source != "implied"
                  and j - PRONOUN_REACH <= ctx.last[o] < j and not ctx.clause_break(ctx.last[o] + 1, j, frozenset())]
        if before:
            o = max(before, key=lambda o: ctx.last[o])
            if _new_statement(ctx, ctx.last[o] + 1, j):  # انتقدت نقابة X ميتا، وقال نقيبها Y: the subject's head
                o = min(before, key=lambda o: ctx.first[o])
            yield p, o, {"role": role_text(ctx, j, ctx.first[p]), "current": None}


STATEMENT_OPENERS = frozenset(match_key(w) for w in ("وقال", "وقالت", "إذ", "حيث", "وأكد", "وأكدت", "وأوضح", "وأوضحت"))


def _new_statement(ctx: Ctx, a: int, b: int) -> bool:
    """A comma and a verb of saying (or إذ) between words ``a`` and ``b``: a new statement, whose
    "its" is the clause's subject rather than its object."""
    comma = next((k for k in range(a, b) if ctx.text[k] in {"،", ","}), None)
    return comma is not None and any(ctx.raw[k] in STATEMENT_OPENERS for k in range(comma + 1, b))


def carried_roles(annotated: AnnotatedArticle, by_sentence: dict[int, list[Mention]]) -> list[Relation]:
    """Roles with "its" opening a sentence, at the body the sentence before opened with."""
    out: list[Relation] = []
    previous: Sentence | None = None
    for sent in annotated.sentences:
        if previous is not None and previous.index == sent.index - 1:
            body = _subject(by_sentence.get(previous.index, []))
            if body is not None:
                out.extend(_roles_at(annotated, sent, by_sentence.get(sent.index, []), body))
        previous = sent
    return out


def _subject(mentions: list[Mention]) -> Mention | None:
    first = min(mentions, key=lambda m: m.start, default=None)
    return first if first is not None and first.type in ORG_TYPES and first.source != "implied" else None


def _roles_at(annotated: AnnotatedArticle, sent: Sentence, mentions: list[Mention], body: Mention) -> list[Relation]:
    ctx = Ctx.build(sent, mentions)
    out = []
    for p, m in enumerate(ctx.mentions):
        j = its_role(ctx, p) if m.type == "PERSON" else -1
        if j < 1 or j > OPENING:
            continue
        if any(ctx.mentions[o].type in ORG_TYPES and ctx.last[o] < j for o in range(len(ctx.mentions))):
            continue  # a body in this sentence: pronoun_roles reads it
        rel_type = "member_of" if body.type == "PARTY" else "works_for"
        ev = Evidence(article=annotated.article.id, sentence=sent.text, start=sent.start, end=sent.end, rule=CARRIED_RULE)
        out.append(Relation(type=rel_type, head=m, tail=body, evidence=ev, confidence=CARRIED_CONFIDENCE,
                            attrs={"role": role_text(ctx, j, ctx.first[p]), "current": None}))
    return out
