"""Objects of verb-shaped rules: the marker words before them (مع، من، a glued ل), the first actor
after each marker, an object glued to the trigger, and the post of an appointment."""
from __future__ import annotations

from collections.abc import Iterator

from kg.normalize import match_key
from kg.pronoun_roles import its_role
from kg.relation_context import PREPOSITIONS, QUOTE_TOKENS, Ctx, mention_before, mentions_after
from kg.relation_rules import SINGLE_CLITICS, Rule, first_phrase, rule_set


def stray_object(ctx: Ctx, rule: Rule, t0: int, t1: int, head: int, tail: int) -> bool:
    """The trigger at ``t0`` ended with a clitic glued to word ``t1`` (مستشارا لخادم الحرمين،
    والأمير X; خلفا لعبيد البريكي، وأحمد عظوم): its object is that word, so ``tail``, a mention
    further on, is none.  A name that only begins with the clitic's letter (انضم ليون) is no object."""
    phrase = first_phrase(ctx.keys, ctx.raw, t0, rule.triggers)
    if phrase is None or len(phrase) != t1 - t0 + 1 or phrase[-1] not in SINGLE_CLITICS:
        return False
    at = ctx.mention_at(t1)
    if at is not None:
        return at != head and at != tail
    return apart(ctx, t1, ctx.first[tail])


def apart(ctx: Ctx, a: int, b: int, commas_only: bool = False) -> bool:
    """A comma, a clause or a preposition between words ``a`` and ``b`` (not خلفا لوالده الراحل X)."""
    return ctx.clause_break(a + 1, b) or any(
        ctx.text[j] in {"،", ","} or (ctx.raw[j] in PREPOSITIONS and not commas_only) for j in range(a + 1, b))


def marks(ctx: Ctx, rule: Rule, j: int) -> bool:
    """Word ``j`` is a marker of ``rule``, or starts with one that is a clitic (لشركة)."""
    raw = ctx.raw[j]
    return raw in rule.tail_after or any(raw.startswith(m) and len(raw) > 2 for m in rule.tail_after & SINGLE_CLITICS)


def each_marker(ctx: Ctx, rule: Rule, head: int, start: int, gap: int) -> Iterator[tuple[int, int]]:
    """``فرضت X غرامة قدرها ... على آبل و200 مليون يورو على ميتا``: the first actor right after
    every marker word of the clause."""
    for j in range(start + 1, min(len(ctx.raw), start + gap)):
        if ctx.clause_break(start + 1, j):
            return
        if ctx.raw[j] in rule.tail_after:
            tails = mentions_after(ctx, j, gap, first_gap=3)
            if tails and tails[0] != head and (not rule.tail_types or ctx.mentions[tails[0]].type in rule.tail_types):
                yield head, tails[0]


APPOSITION_WORDS = frozenset({match_key("عن"), match_key("من"), match_key("السيد"), match_key("السيدة")})
POST_GAP = 6  # words from the post to the body (رئيسا تنفيذيا لقسم الذكاء الاصطناعي في مايكروسوفت)


def appointed(ctx: Ctx, rule: Rule, t0: int, t1: int, gap: int) -> Iterator[tuple[int, int]]:
    """``عين X Y رئيسا تنفيذيا لشركة Z``، ``تعيين Y مديرا لZ``، ``Y ... عين سفيرا لدى Z``: the person
    named to the post works for the body after it (the appointer, X, does not)."""
    end = min(len(ctx.raw), t1 + gap)
    post = next((j for j in range(t1, end) if ctx.raw[j] in rule.posts or ctx.keys[j] in rule.posts), None)
    if post is None or ctx.clause_break(t1, post):
        return
    named = [k for k in ctx.order if ctx.first[k] >= t1 and ctx.last[k] < post
             and ctx.mentions[k].type == "PERSON" and ctx.mentions[k].source != "implied"]
    head = named[-1] if named else (mention_before(ctx, t0, gap, types={"PERSON"}) if post == t1 else None)
    if named and not only_names_between(ctx, ctx.last[named[-1]] + 1, post):
        return  # وعين الرئيس ماكرون ميشيل بارنييه رئيسا: a name NER missed sits between, the appointee
    body = next((k for k in ctx.order if post < ctx.first[k] <= post + POST_GAP
                 and ctx.mentions[k].source != "implied"), None)
    if head is not None and body is not None and not ctx.clause_break(post + 1, ctx.first[body]):
        yield head, body


def only_names_between(ctx: Ctx, a: int, b: int) -> bool:
    """Words ``a..b-1`` are punctuation, time words, عن / من, or inside mentions (عن حزب X)."""
    covered = {j for k in ctx.order for j in range(ctx.first[k], ctx.last[k] + 1)}
    allowed = rule_set().time_words | APPOSITION_WORDS
    return all(j in covered or not ctx.text[j].isalnum() or ctx.raw[j] in allowed for j in range(a, b))


def officer_of_subject(ctx: Ctx, t1: int, tail: int) -> bool:
    """``انتقدت الجبهة الاتفاق في بيان وقعه سكرتيرها الأول X``: a person named by a role of "its"
    after the trigger is the subject's officer, not the object."""
    return ctx.mentions[tail].type == "PERSON" and its_role(ctx, tail) > t1


def past_the_object(ctx: Ctx, rule: Rule, t1: int, tail: int) -> bool:
    """``حجب 14 قناة على تطبيق تيليغرام``: a word that is no mention is the verb's object and the
    tail after one of ``rule.not_object_after`` only says where it is."""
    if not rule.not_object_after:
        return False
    j = ctx.first[tail] - 1
    while j > t1 and (ctx.text[j] in QUOTE_TOKENS or match_key(ctx.text[j]) in KIND_WORDS):
        j -= 1
    return (j > t1 and ctx.raw[j] in rule.not_object_after
            and any(ctx.text[n].isalnum() and ctx.mention_at(n) is None for n in range(t1, j)))


KIND_WORDS = frozenset(match_key(w) for w in ("تطبيق", "منصة", "موقع", "شبكة", "خدمة"))
