"""A member of parliament's seat: the party a member sits for (member_of), and the parliament
named after the members (works_for).

``النائبة ريتا الحاج، عن حزب القوات اللبنانية`` · ``النائب عن حركة أمل علي حمدان`` ·
``سلمى فكري، عضو مجلس النواب المصري عن الحزب المصري الديمقراطي الاجتماعي`` ·
``النائبان محمد الهاجري وسعد العنزي في مجلس الأمة``; and an MP whose parliament the sentence does
not name works for the one parliament the article names (``وطالب النائب X ...`` in a report on
مجلس النواب العراقي).
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.nlp.doc import AnnotatedArticle
from kg.normalize import match_key, strip_clitic
from kg.relation_context import Ctx, coordinated, party_of
from kg.schema import Evidence, Mention, Relation

MEMBER_TITLES = frozenset(match_key(w) for w in ("النائب", "النائبة", "نائب", "نائبة", "السيناتور", "السيناتورة",
                                                 "العضو", "العضوة", "عضو", "عضوة"))
MPS = frozenset(match_key(w) for w in ("النائب", "النائبة", "النائبان", "النائبين", "النواب", "النائبتان", "النائبتين"))
IN = frozenset(match_key(w) for w in ("في", "داخل"))
SEAT_REACH = 8  # words from a member's title after the name to the party (عضو مجلس النواب المصري عن الحزب ...)


def party_seats(ctx: Ctx) -> Iterator[tuple[int, int, dict[str, object]]]:
    """``النائبة ريتا الحاج، عن حزب القوات اللبنانية`` · ``النائب عن حركة أمل علي حمدان`` ·
    ``سلمى فكري، عضو مجلس النواب عن الحزب المصري الديمقراطي``: a member sits for a party."""
    for p, m in enumerate(ctx.mentions):
        if m.type != "PERSON":
            continue
        f, j = ctx.first[p], ctx.last[p] + 1
        before = f >= 1 and _member_title(ctx, f - 1)
        n = _party_length(ctx, f)
        if n and f - n >= 2 and (k := party_of(ctx, f - n - 1)) is not None and ctx.last[k] == f - 1 \
                and _member_title(ctx, ctx.first[k] - 2):
            yield p, k, {"role": ctx.text[ctx.first[k] - 2], "current": None}  # النائب عن حركة أمل X
        if j + 1 >= len(ctx.raw) or ctx.text[j] not in {"،", ","}:
            continue
        if before and (k := party_of(ctx, j + 1)) is not None:  # النائبة X، عن حزب Y
            yield p, k, {"role": ctx.text[f - 1], "current": None}
        elif _member_title(ctx, j + 1):  # X، عضو مجلس النواب عن الحزب Y
            for n in range(j + 2, min(len(ctx.raw), j + 2 + SEAT_REACH)):
                if ctx.text[n] in {"،", ","}:
                    break
                if (k := party_of(ctx, n)) is not None:
                    yield p, k, {"role": ctx.text[j + 1], "current": None}
                    break


def _member_title(ctx: Ctx, i: int) -> bool:
    return 0 <= i < len(ctx.raw) and (ctx.raw[i] in MEMBER_TITLES or ctx.keys[i] in MEMBER_TITLES)


def _party_length(ctx: Ctx, f: int) -> int:
    """Words of the party mention that ends right before word ``f`` (0 when none does)."""
    k = next((k for k in range(len(ctx.mentions)) if ctx.last[k] == f - 1 and ctx.mentions[k].type == "PARTY"), None)
    return 0 if k is None else ctx.last[k] - ctx.first[k] + 1


def parliament_seats(ctx: Ctx) -> Iterator[tuple[int, int, dict[str, object]]]:
    """``النائبان محمد الهاجري وسعد العنزي في مجلس الأمة``: members named after an MP title and
    before "in" a parliament work for it."""
    for p, m in enumerate(ctx.mentions):
        f = ctx.first[p]
        if m.type != "PERSON" or f < 1 or not (ctx.raw[f - 1] in MPS or ctx.keys[f - 1] in MPS):
            continue
        members = [p, *(k for k in coordinated(ctx, p) if ctx.mentions[k].type == "PERSON")]
        j = max(ctx.last[k] for k in members) + 1
        body = ctx.mention_at(j + 1) if j < len(ctx.raw) and ctx.raw[j] in IN else None
        if body is not None and ctx.first[body] == j + 1 and ctx.mentions[body].type == "GOVERNMENT":
            attrs: dict[str, object] = {"role": ctx.text[f - 1], "current": None}
            yield from ((k, body, dict(attrs)) for k in members)


PARLIAMENTS = ("مجلس النواب", "مجلس الأمة", "مجلس الشعب", "مجلس نواب الشعب", "البرلمان", "الكنيست", "مجلس الشورى",
               "الجمعية الوطنية", "مجلس الشيوخ", "الكونغرس", "البرلمان الأوروبي")
_PARLIAMENT_KEYS = tuple(match_key(p) for p in PARLIAMENTS)
NATIONAL_SEAT_RULE = "works_for.parliament_of_article.v1"
NATIONAL_SEAT_CONFIDENCE = 0.55


def article_parliament_seats(annotated: AnnotatedArticle, mentions: list[Mention], found: list[Relation]) -> list[Relation]:
    """MPs (النائب X) with no employer found, at the article's one parliament (none when it names
    several or none)."""
    bodies = [m for m in mentions if m.type == "GOVERNMENT" and m.source not in {"descriptor", "implied"}
              and strip_clitic(match_key(m.text)).startswith(_PARLIAMENT_KEYS)]
    if len({strip_clitic(match_key(m.text)) for m in bodies}) != 1:
        return []
    employed = {(r.head.sentence, r.head.start) for r in found if r.type == "works_for"}
    by_start = {s.index: s for s in annotated.sentences}
    out = []
    for m in mentions:
        sent = by_start.get(m.sentence)
        if m.type != "PERSON" or sent is None or (m.sentence, m.start) in employed:
            continue
        before = [w for w in sent.words if w.end <= m.start]
        if not before or match_key(before[-1].text) not in MPS:
            continue
        ev = Evidence(article=annotated.article.id, sentence=sent.text, start=sent.start, end=sent.end, rule=NATIONAL_SEAT_RULE)
        out.append(Relation(type="works_for", head=m, tail=bodies[0], evidence=ev, confidence=NATIONAL_SEAT_CONFIDENCE,
                            attrs={"role": before[-1].text, "current": None}))
    return out
