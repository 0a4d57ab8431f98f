"""A role whose body was named in the sentence before: ``وكانت stc البحرين قد طالبت ... . ونفى
رئيسها التنفيذي نزار بانبيله ...``.

A role with "its" (رئيسها، مديرها العام) before a person at the opening of a sentence, with no body
before it in that sentence, is a role at the subject of the sentence before: its first mention,
when that is a body (a company, a ministry, a party ...) and not a person or a place.
"""
from __future__ import annotations

from kg.nlp.doc import AnnotatedArticle, Sentence
from kg.relation_context import ORG_TYPES, Ctx
from kg.roles import ROLE_ADJECTIVES, pronoun_role, role_text
from kg.schema import Evidence, Mention, Relation

RULE = "works_for.pronoun_previous.v1"
OPENING = 3  # words before the role: a verb with و and قد at most (ونفى، وقال، كما أكد)
CONFIDENCE = 0.6


def carried_roles(annotated: AnnotatedArticle, by_sentence: dict[int, list[Mention]]) -> list[Relation]:
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
        j = ctx.first[p] - 1
        if m.type != "PERSON" or j < 1:
            continue
        if ctx.raw[j] in ROLE_ADJECTIVES:
            j -= 1
        if j < 1 or j > OPENING or not pronoun_role(ctx, j, ("ها",)):
            continue
        if any(ctx.mentions[o].type in ORG_TYPES and ctx.last[o] < j for o in range(len(ctx.mentions))):
            continue  # a body in this sentence: kg/roles.py's pronoun_roles reads it
        rel_type = "member_of" if body.type == "PARTY" else "works_for"
        ev = Evidence(article=annotated.article.id, sentence=sent.text, start=sent.start, end=sent.end, rule=RULE)
        out.append(Relation(type=rel_type, head=m, tail=body, evidence=ev, confidence=CONFIDENCE,
                            attrs={"role": role_text(ctx, j, ctx.first[p]), "current": None}))
    return out
