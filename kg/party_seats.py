"""member_of from a member's seat: the party a member of parliament sits for.

``النائبة ريتا الحاج، عن حزب القوات اللبنانية`` · ``النائب عن حركة أمل علي حمدان`` ·
``سلمى فكري، عضو مجلس النواب المصري عن الحزب المصري الديمقراطي الاجتماعي``.
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.normalize import match_key
from kg.relation_context import Ctx, party_of

MEMBER_TITLES = frozenset(match_key(w) for w in ("النائب", "النائبة", "نائب", "نائبة", "السيناتور", "السيناتورة",
                                                 "العضو", "العضوة", "عضو", "عضوة"))
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
