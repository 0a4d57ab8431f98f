"""Where a relation took place: a venue (في مقر الوزارة) or a medium (في منشور على فيسبوك) is no
actor of it."""
from __future__ import annotations

from kg.normalize import match_key
from kg.relation_context import QUOTE_TOKENS, Ctx

PLACE_WORDS = {match_key(w) for w in ("في", "داخل", "بمقر", "مقر")}
MEDIUM_PREPOSITIONS = frozenset(match_key(w) for w in ("على", "عبر", "في", "ل", "لـ"))
MEDIUM_NOUNS = frozenset(match_key(w) for w in (
    "منشور", "تغريدة", "تدوينة", "حسابه", "حسابها", "صفحته", "صفحتها", "مقابلة", "تصريح", "تصريحات", "حديث"))


def venue(ctx: Ctx, k: int, trigger_end: int) -> bool:
    """Mention ``k`` follows "في" (استقبل ترامب في البيت الأبيض ميركل), and "في" is not the
    trigger's own (يعمل في)."""
    j = ctx.first[k] - 1
    while j > trigger_end and ctx.text[j] in QUOTE_TOKENS:
        j -= 1
    return j > trigger_end and ctx.raw[j] in PLACE_WORDS


def medium(ctx: Ctx, k: int) -> bool:
    """Mention ``k`` is where something was said (انتقد X القرار في منشور على فيسبوك، في تصريح لقناة Y)."""
    j = ctx.first[k] - 1
    while j >= 0 and ctx.text[j] in QUOTE_TOKENS:
        j -= 1
    glued = ctx.mentions[k].start > ctx.sent.words[ctx.first[k]].start and ctx.raw[ctx.first[k]][:1] in {"ل", "ع"}
    if glued:  # في تصريح لـ«الشرق الأوسط»
        return j >= 0 and ctx.keys[j] in MEDIUM_NOUNS
    return j >= 1 and ctx.raw[j] in MEDIUM_PREPOSITIONS and any(ctx.keys[i] in MEDIUM_NOUNS for i in range(max(0, j - 2), j))
