"""works_for / member_of from role appositions and government titles.

``X، المدير التنفيذي في Y`` · ``الرئيس التنفيذي لـ Y، X`` · ``رئيس الوزراء البريطاني X``.
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.normalize import match_key
from kg.party_seats import parliament_seats, party_seats
from kg.pronoun_roles import ROLE_ADJECTIVES, pronoun_role, pronoun_roles, role_text
from kg.relation_context import (
    ORG_TYPES,
    PREPOSITIONS,
    QUOTE_TOKENS,
    RELATIVE_WORDS,
    Ctx,
    conjunct,
    glued_preposition,
    only_punct,
    person_epithet,
    role_at,
)
from kg.relation_rules import RuleSet, longest_match, role_firsts
from kg.role_spans import LADA, gloss_end, place_end, portfolio_end, posted_at

APPOSITION_GLUE = {"،", ",", "(", "-", "–", "وهو", "وهي", "هو", "هي", "ك"}
_NOT_IN_TITLE = PREPOSITIONS | RELATIVE_WORDS  # words between a title and its country word


def _not_apposition(ctx: Ctx, role: tuple[int, int], org_first: int) -> bool:
    """``X لمراسل Y`` (told Y's reporter), ``X والمدير العام لـ Y`` (and Y's director), ``X نائب رئيس
    المجلس في الحكومة التي تدعمها Y``: the role is not X's."""
    return (glued_preposition(ctx, role[0]) or conjunct(ctx, role[0])
            or any(ctx.raw[j] in RELATIVE_WORDS for j in range(role[1], org_first)))


def _role_span(ctx: Ctx, a: int, b: int) -> tuple[int, int] | None:
    """First role phrase within words ``[a, b)``: (start, end) word indices."""
    for i in range(a, b):
        n = role_at(ctx, i)
        if n:
            return i, i + n
    return None


def roles(ctx: Ctx, rules: RuleSet) -> Iterator[tuple[int, int, dict[str, object]]]:
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
                # only an apposition joins them: "X، وهو صحفي في Y" / "X، المدير التنفيذي في Y"
                if role is None or _not_apposition(ctx, role, hi) or not all(
                        ctx.text[j] in APPOSITION_GLUE or ctx.raw[j] in APPOSITION_GLUE for j in range(lo, role[0])):
                    continue
                role = _last_conjunct_role(ctx, role, hi)  # X، محافظ الصندوق ورئيس مجلس إدارة Y
                if (_far_from_role(ctx, role, hi) or _names_next(ctx, role, o, people) or _org_between(ctx, role[1], o, orgs)
                        or _titles_next(ctx, p, o, people) or _met_object(ctx, p, role)):
                    continue
            else:  # ROLE ... ORG، PERSON  (and "، P1 وROLE2 ...، P2" after it)
                role = _org_then_person(ctx, o, p, people)
                if role is None:
                    continue
            if _posted(ctx, role, o, rules) or _told(ctx, role, o) or _constituency(ctx, role, o):
                continue
            past_window = range(max(0, role[0] - 3), min(len(ctx.raw), role[1] + 6))
            role_end = role[1]
            if o_after(ctx, p, o):  # the role runs up to the first actor after it (صحفي سابق في X و Y)
                role_end = max(role[1], min((f for f in ctx.first if f >= role[1]), default=ctx.first[o]))
            attrs: dict[str, object] = {"role": role_text(ctx, role[0], role_end)}
            attrs["current"] = False if any(ctx.raw[i] in rules.past or ctx.keys[i] in rules.past for i in past_window) else None
            yield p, o, attrs
    yield from pronoun_roles(ctx)
    yield from party_seats(ctx)
    yield from parliament_seats(ctx)


def _last_conjunct_role(ctx: Ctx, role: tuple[int, int], hi: int) -> tuple[int, int]:
    """The last of the roles joined by و before word ``hi`` (المحافظ ... ورئيس مجلس إدارة Y):
    the organisation at ``hi`` is that role's."""
    later = [j for j in range(role[1], hi) if conjunct(ctx, j) and role_at(ctx, j)]
    return (later[-1], later[-1] + role_at(ctx, later[-1])) if later else role


def _org_between(ctx: Ctx, lo: int, o: int, orgs: list[int]) -> bool:
    """``X، الرئيس التنفيذي لشركة Y المطورة لبرنامج Z``: the role is Y's; Z is only X's too when
    joined to Y by و (صحفي سابق في Y وZ)."""
    hi = ctx.first[o]
    return any(lo <= ctx.first[k] and ctx.last[k] < hi for k in orgs) and not (
        conjunct(ctx, hi) or ctx.raw[hi - 1] in {"و", "،", ","})


def _far_from_role(ctx: Ctx, role: tuple[int, int], org_first: int) -> bool:
    """The organisation must follow the role closely (المدير التنفيذي في شركة X، رئيس مجلس إدارة
    شركة X), not after a comma or five words on (رئيس الهيئة العامة ...، وتضم ممثلين من وزارة Y)."""
    between = range(role[1], org_first)
    words = sum(any(c.isalnum() for c in ctx.text[j]) for j in between)
    return words > 5 or any(ctx.text[j] in {"،", ","} for j in between)


def _told(ctx: Ctx, role: tuple[int, int], o: int) -> bool:
    """``وقال X عضو مجلس المقاطعة لوكالة الأنباء الألمانية``: a statement given to the media, not
    the role's employer (which follows the role directly: مراسل لوكالة رويترز)."""
    word = ctx.sent.words[ctx.first[o]]
    glued = ctx.mentions[o].start > word.start and ctx.raw[ctx.first[o]].startswith("ل")
    return ctx.mentions[o].type == "MEDIA" and ctx.first[o] > role[1] and (glued or ctx.raw[ctx.first[o] - 1] == "ل")


AN = match_key("عن")
MP_TITLES = frozenset(match_key(w) for w in ("النائب", "النائبة"))


def _constituency(ctx: Ctx, role: tuple[int, int], o: int) -> bool:
    """``النائب المستقل عن جهة قفصة``: what a member sits for, other than a party, is no employer."""
    an = [j for j in range(role[1], ctx.first[o]) if ctx.raw[j] == AN]
    return (ctx.mentions[o].type != "PARTY" and bool(an) and ctx.first[o] - an[-1] <= 2
            and ctx.raw[role[0]] in MP_TITLES)


def _posted(ctx: Ctx, role: tuple[int, int], o: int, rules: RuleSet) -> bool:
    """``السفير البريطاني لدى الأمم المتحدة``: an envoy works for whoever sent them, not the host."""
    if ctx.first[o] == 0 or ctx.raw[ctx.first[o] - 1] != LADA:
        return False
    return any(ctx.keys[j] in rules.envoy_roles or ctx.raw[j] in rules.envoy_roles for j in range(role[0], role[1]))


def _names_next(ctx: Ctx, role: tuple[int, int], o: int, people: list[int]) -> bool:
    """``X، الرئيس السوري بشار الأسد``: the role directly names the organisation and a person right
    after it holds the role (not in ``X مستشارة الرئيس الأمريكي ترامب``, nor ``مؤسس أمازون، وY``)."""
    if role[1] != ctx.first[o]:
        return False
    end = portfolio_end(ctx, ctx.last[o])  # وزير الدولة لشؤون الاتصالات فهد العنزي
    return any(0 < ctx.first[k] - end <= 2 and only_punct(ctx, end + 1, ctx.first[k])
               and not conjunct(ctx, ctx.first[k]) for k in people)


MEETING_VERBS = frozenset(match_key(w) for w in ("التقى", "التقت", "يلتقي", "تلتقي", "استقبل", "استقبلت", "قابل", "قابلت"))


def _met_object(ctx: Ctx, p: int, role: tuple[int, int]) -> bool:
    """``أن يلتقي الإدريسي المدير العام للوكالة``: after a meeting verb and its subject, a title with
    no comma before it is the person met, not the subject's."""
    first = ctx.first[p]
    return (first > 0 and ctx.keys[first - 1] in MEETING_VERBS
            and not any(ctx.text[j] in {"،", ","} for j in range(ctx.last[p] + 1, role[0])))


def _titles_next(ctx: Ctx, p: int, o: int, people: list[int]) -> bool:
    """``استقبل رئيس الجمهورية X رئيس مجلس المفوضين في المفوضية القاضي Y``: a person who has a title
    of their own right before the name, with another person named right after the body (no comma
    between), leaves the role after the name to that person."""
    first = ctx.first[p]
    own = any(role_at(ctx, j) and j + role_at(ctx, j) >= first - 1 for j in range(max(0, first - 3), first))
    own = own or any(m.source == "implied" and 0 < first - ctx.last[k] <= 1 for k, m in enumerate(ctx.mentions))

    def no_comma(a: int, b: int) -> bool:
        return not any(ctx.text[j] in {"،", ","} for j in range(a, b))

    return own and any(0 < ctx.first[k] - ctx.last[o] <= 2 and no_comma(ctx.last[o] + 1, ctx.first[k])
                       and not conjunct(ctx, ctx.first[k]) for k in people)


def _org_then_person(ctx: Ctx, o: int, p: int, people: list[int]) -> tuple[int, int] | None:
    """Role span for ``ROLE ORG، PERSON`` or for a coordinated ``، P1 وROLE2 ...، PERSON``."""
    def only_punct(lo: int, hi: int) -> bool:
        return 0 <= hi - lo <= 3 and not any(any(c.isalnum() for c in ctx.text[i]) for i in range(lo, hi))

    if _and_person(ctx, p):
        return None  # "... في الاتحاد الدولي وديفيد تريسمان": a new conjunct, not the role's holder
    end = gloss_end(ctx, place_end(ctx, portfolio_end(ctx, ctx.last[o])))  # لشؤون X، P; في الجزائر P; (LFI)، P
    if only_punct(end + 1, ctx.first[p]) or _describes(ctx, end + 1, ctx.first[p]):
        quoted = ctx.first[o] > 0 and ctx.text[ctx.first[o] - 1] in QUOTE_TOKENS  # المدير التنفيذي لقطاع X في «Y»، P
        return _role_span(ctx, max(0, ctx.first[o] - 5 - quoted), ctx.first[o])
    prev = [k for k in people if ctx.last[o] < ctx.first[k] and ctx.last[k] < ctx.first[p]]
    if len(prev) != 1 or not only_punct(ctx.last[o] + 1, ctx.first[prev[0]]):
        return None
    lo = ctx.last[prev[0]] + 1
    if ctx.first[p] - lo > 10 or not (ctx.raw[lo] == "و" or ctx.raw[lo].startswith("و")):
        return None
    if any(lo <= f < ctx.first[p] for f in ctx.first):  # ورئيس الوزراء الأردني، P2: P2's own government
        return None
    if _role_span(ctx, max(0, ctx.first[o] - 5), ctx.first[o]) is None:
        return None
    return _role_span(ctx, lo, ctx.first[p]) or (lo, lo + 1)


def _describes(ctx: Ctx, lo: int, hi: int) -> bool:
    """Words between a role's body and the person that still describe the person: one adjective
    (زعيم حزب العمال المعارض كير ستارمر) or a second role of the body's (مؤسس ميتا ورئيسها
    التنفيذي مارك زوكربيرغ)."""
    words = [j for j in range(lo, hi) if any(c.isalnum() for c in ctx.text[j])]
    if person_epithet(ctx, words):  # المهندس X; مالك القناة، رجل الأعمال X
        return True
    if 1 < len(words) <= 3 and ctx.text[hi - 1] in {"،", ","} and all(_adjective(ctx, j) for j in words):
        return True  # رئيس المنظمة الإيفوارية للمؤسسات | الصغرى والمتوسطة، جوزيف بوغيفو: the name's end
    if not words or len(words) > 2 or not conjunct(ctx, words[0]):
        return False
    return pronoun_role(ctx, words[0]) and all(ctx.raw[j] in ROLE_ADJECTIVES for j in words[1:])


def _and_person(ctx: Ctx, p: int) -> bool:
    """Person mention ``p`` follows a و glued to its first word (وديفيد تريسمان): a new conjunct."""
    return conjunct(ctx, ctx.first[p]) and ctx.mentions[p].start > ctx.sent.words[ctx.first[p]].start


def _adjective(ctx: Ctx, j: int) -> bool:
    """A definite word that is no mention and no role (الصغرى، والمتوسطة; not والمدير)."""
    return (ctx.raw[j].startswith(("ال", "وال")) and ctx.mention_at(j) is None
            and ctx.keys[j] not in role_firsts() and not role_at(ctx, j))


def o_after(ctx: Ctx, p: int, o: int) -> bool:
    return ctx.first[o] > ctx.last[p]


def titles(ctx: Ctx, rules: RuleSet) -> Iterator[tuple[int, int, dict[str, object]]]:
    """``رئيس الوزراء البريطاني X`` / ``X، وزيرة خارجية المملكة المتحدة``: X works for that government."""
    for g, gov in enumerate(ctx.mentions):
        if gov.source != "implied":
            continue
        lo = max(0, ctx.first[g] - rules.title_max_between - 4)
        title = next(((i, i + n) for i in range(lo, ctx.first[g])
                      if (n := longest_match(ctx.keys, ctx.raw, i, rules.titles))), None)
        # وزير الداخلية أعضاء في البرلمان الألماني: the country word describes something else
        if title is None or any(ctx.raw[j] in _NOT_IN_TITLE for j in range(title[1], ctx.first[g])):
            continue
        role = ctx.sent.text[ctx.sent.words[title[0]].start - ctx.sent.start:ctx.sent.words[ctx.last[g]].end - ctx.sent.start]
        people = [p for p, m in enumerate(ctx.mentions) if m.type == "PERSON"]
        envoy = any(ctx.keys[j] in rules.envoy_roles or ctx.raw[j] in rules.envoy_roles for j in range(*title))
        # the place the government is implied from may run longer (الولايات المتحدة | الأمريكية)
        last = max(ctx.last[k] for k in range(len(ctx.mentions)) if ctx.first[k] == ctx.first[g])
        end = portfolio_end(ctx, posted_at(ctx, last, envoy))  # سفيرة الولايات المتحدة لدى العراق X
        after = [p for p in people if 0 <= ctx.first[p] - end - 1 <= 2 and only_punct(ctx, end + 1, ctx.first[p])
                 and not _and_person(ctx, p)]  # ممثلا عن الرئيس الجزائري، وأسعد بن طارق: someone else
        # "X، وزيرة خارجية المملكة المتحدة" — unless a person follows the title (X، الرئيس السوري Y)
        # or it opens a new conjunct (ترامب ورئيس الوزراء الإسرائيلي: someone else's title)
        before = [p for p in people if not after and not conjunct(ctx, title[0]) and not glued_preposition(ctx, title[0])
                  and 0 <= title[0] - ctx.last[p] - 1 <= 2 and only_punct(ctx, ctx.last[p] + 1, title[0])]
        for p in after + before:
            yield p, g, {"role": role, "current": None}
