"""Where a role's body ends before the person it names: a portfolio (لشؤون ...), a place (في
الجزائر، بتونس), a host (لدى العراق) or a bracketed gloss ((LFI)) may stand between them."""
from __future__ import annotations

from kg.normalize import match_key, strip_clitic
from kg.relation_context import Ctx

LADA = match_key("لدى")
FI = match_key("في")


def gloss_end(ctx: Ctx, i: int) -> int:
    """``النائب عن حزب فرنسا الأبية (LFI)، توما دولاكروا``: the closing bracket of a short gloss right
    after word ``i``, else ``i``."""
    if i + 1 >= len(ctx.raw) or ctx.text[i + 1] != "(":
        return i
    close = next((n for n in range(i + 2, min(len(ctx.raw), i + 6)) if ctx.text[n] == ")"), i)
    # رئيس لجنة الانضباط (إبراهيم الربيش): a name in the brackets is the role's holder
    return i if any(m.type == "PERSON" and i < ctx.first[k] < close for k, m in enumerate(ctx.mentions)) else close


PORTFOLIO = frozenset(match_key(w) for w in ("لشؤون", "لشئون", "للشؤون", "للشئون"))


def place_end(ctx: Ctx, i: int) -> int:
    """``المدير العام ليسير في الجزائر رضا مقراني``، ``بعثة الصليب الأحمر بتونس X``: the last word of
    a place right after the body (في + place, or a place glued to ب / في), else ``i``."""
    j = i + 1 + (i + 1 < len(ctx.raw) and ctx.raw[i + 1] in PLACE_PREPOSITIONS)  # في X; عن ولاية صحار
    region = j < len(ctx.raw) and (ctx.raw[j] in REGION_WORDS or strip_clitic(ctx.raw[j]) in REGION_WORDS)  # لمنطقة
    j += region
    k = ctx.mention_at(j) if j < len(ctx.raw) else None
    if k is None or ctx.first[k] != j or ctx.mentions[k].type != "LOCATION":
        return i
    glued = ctx.mentions[k].start > ctx.sent.words[j].start and ctx.raw[j][:1] == "ب"
    if not (j > i + 1 or glued):
        return i
    end = ctx.last[k]  # ... الشرق الأوسط وشمال أفريقيا
    while (nxt := ctx.mention_at(end + 1) if end + 1 < len(ctx.raw) else None) is not None and \
            ctx.mentions[nxt].type == "LOCATION" and ctx.raw[end + 1].startswith("و"):
        end = ctx.last[nxt]
    return end


REGION_WORDS, PLACE_PREPOSITIONS = (frozenset(match_key(w) for w in words) for words in (
    ("منطقة", "إقليم", "ولاية", "محافظة", "دائرة"), ("في", "عن")))


def portfolio_end(ctx: Ctx, i: int) -> int:
    """``وزير الدولة لشؤون الاتصالات [وتقنية المعلومات] X``: the last word of the portfolio after a
    title (up to the person, four words at most), else ``i``."""
    if i + 1 >= len(ctx.raw) or ctx.raw[i + 1] not in PORTFOLIO:
        return i
    for j in range(i + 2, min(len(ctx.raw), i + 6)):
        k = ctx.mention_at(j)
        if k is not None and ctx.mentions[k].type == "PERSON":
            return j - 1
        if ctx.raw[j] in PLACE_PREPOSITIONS and j > i + 2:  # لشؤون البنية التحتية | في أفريقيا، X
            return j - 1
        if not any(c.isalnum() for c in ctx.text[j]):  # نائبة رئيسة المفوضية لشؤون السيادة التكنولوجية، X
            k = ctx.mention_at(j + 1) if j + 1 < len(ctx.raw) else None
            return j - 1 if k is not None and ctx.mentions[k].type == "PERSON" else i
    return i


def posted_at(ctx: Ctx, i: int, envoy: bool = False) -> int:
    """``سفيرة الولايات المتحدة لدى العراق``: the last word of the host after لدى, else ``i``;
    an envoy's host may also follow في or a glued ب (السفير الفلسطيني بتونس)."""
    if envoy and i + 1 < len(ctx.raw):
        glued = ctx.mention_at(i + 1)
        if glued is not None and ctx.raw[i + 1].startswith("ب") and ctx.mentions[glued].start > ctx.sent.words[i + 1].start:
            return ctx.last[glued]
    if i + 2 >= len(ctx.raw) or not (ctx.raw[i + 1] == LADA or (envoy and ctx.raw[i + 1] == FI)):
        return i
    host = ctx.mention_at(i + 2)
    return ctx.last[host] if host is not None else i
