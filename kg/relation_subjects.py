"""Subjects that stand before their verb.

Arabic news is mostly verb-first (التقى X Y), and the rules take the actor right after the verb as
its subject.  Four common shapes put the subject first instead:

- ``وكان X قد التقى Y``: the pluperfect names its subject between كان and قد;
- ``X، التي التقت Y``: a relative clause is about the actor before the relative pronoun;
- ``X انتقد Y``: an actor right before the verb is its subject (headlines, translated text);
- ``X يستضيف ... ويلتقي Y وZ``: in a sentence that opens "actor, verb", a later verb joined by و
  shares that actor;
- ``وكان X قد عمل ...، وهو يملك Y``: a pronoun before the verb stands for the sentence's first actor.
"""
from __future__ import annotations

from kg.normalize import match_key
from kg.relation_context import (
    PREPOSITIONS,
    QUOTE_TOKENS,
    RELATIVE_WORDS,
    SAYING,
    Ctx,
    after_preposition,
    conjunct,
    person_epithet,
    role_at,
    titles_person,
)

KANA = frozenset(match_key(w) for w in ("كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"))
QAD = frozenset(match_key(w) for w in ("قد", "لقد"))
IMPERFECT = ("ي", "ت")
KANA_REACH = 16  # words back from قد to كان
COMMAS = {"،", ","}
PRONOUNS = frozenset({"وهو", "وهي", "هو", "هي"})
SPEAKER_OPENING = 3  # words before a sentence's verb of saying (من جهته، قال ...)
OPENERS = frozenset(match_key(w) for w in ("إن", "أن", "بأن", ":"))


def _actor(ctx: Ctx, k: int, types: frozenset[str] | set[str]) -> bool:
    """Mention ``k`` can be a subject: named or a reference, not a title's government, not the
    object of a preposition, and of an allowed type."""
    return (ctx.mentions[k].source != "implied" and not after_preposition(ctx, k)
            and (not types or ctx.mentions[k].type in types))


def _kana(ctx: Ctx, i: int) -> int | None:
    """Index of كان/كانت opening the clause that ends at word ``i``."""
    kana = next((j for j in range(i - 1, max(-1, i - 1 - KANA_REACH), -1) if ctx.raw[j] in KANA), None)
    return None if kana is None or ctx.clause_break(kana + 1, i, frozenset()) else kana


def qad_subject(ctx: Ctx, t0: int, types: frozenset[str] | set[str]) -> int | None:
    """``وكان الرئيس التنفيذي لآبل تيم كوك قد التقى``: the actor right after كان (or after a title
    right after it) before قد; not one deep in a longer subject (وكانت عدة جهات من بينها ... X قد)."""
    if t0 < 2 or ctx.raw[t0 - 1] not in QAD:
        return None
    kana = _kana(ctx, t0 - 1)
    if kana is None:
        return None
    k = next((k for k in ctx.order if kana < ctx.first[k] and ctx.last[k] < t0 - 1 and _actor(ctx, k, types)), None)
    if k is None:
        return None
    lead = sum(ctx.text[j] not in QUOTE_TOKENS for j in range(kana + 1, ctx.first[k]))  # وكانت منظمة "X"
    if lead > 1 and not role_at(ctx, kana + 1):
        return None
    if titles_person(ctx, k):  # وكان الرئيس التنفيذي لشركة آبل تيم كوك قد ...: the person
        nxt = ctx.following(k)  # titles_person found one
        k = k if nxt is None else nxt
    if ctx.mentions[k].type != "PERSON" and (not types or "PERSON" in types):
        # وكان رئيس مجلس الوزراء وزير الخارجية الشيخ محمد ... قد التقى: the person the titles introduce
        k = next((p for p in ctx.order if ctx.first[k] < ctx.first[p] and ctx.last[p] < t0 - 1
                  and ctx.mentions[p].type == "PERSON"), k)
    return k


PLACE_PREPOSITIONS = frozenset(match_key(w) for w in ("في", "من", "ب"))


def relative_subject(ctx: Ctx, t0: int, types: frozenset[str] | set[str]) -> int | None:
    """``كامالا هاريس، التي التقت سوناك``: the actor right before the relative pronoun."""
    if t0 < 2 or ctx.raw[t0 - 1] not in RELATIVE_WORDS:
        return None
    j = t0 - 2
    while j >= 0 and (ctx.text[j] in COMMAS or ctx.text[j] in QUOTE_TOKENS):
        j -= 1
    # the antecedent may be a preposition's object (حصة في أوريدو، التي تتخذ من الدوحة مقرا لها),
    # not a place (اتحاد ناشري الصحف في تركيا، الذي طالب ...: the union asked)
    k = next((k for k in ctx.order if ctx.last[k] == j and ctx.mentions[k].source != "implied"), None)
    if k is not None and ctx.mentions[k].type == "LOCATION" and ctx.raw[ctx.first[k] - 1] in PLACE_PREPOSITIONS:
        k = next((n for n in ctx.order if ctx.last[n] == ctx.first[k] - 2), None)
    return k if k is not None and (not types or ctx.mentions[k].type in types) else None


SELF_THAT = frozenset(match_key(w) for w in ("أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها"))


def reported_subject(ctx: Ctx, t0: int, types: frozenset[str] | set[str]) -> int | None:
    """``وأكد الوزير X أنه التقى Y``: a verb right after "that he / she" is the speaker's (the last
    person named between the verb of saying and أنه, else the first actor there)."""
    if t0 < 1 or ctx.raw[t0 - 1] not in SELF_THAT:
        return None
    j = next((j for j in range(t0 - 2, -1, -1) if ctx.raw[j] in SAYING), None)
    if j is None or ctx.clause_break(j + 1, t0 - 1, frozenset()):
        return None
    return _named_speaker(ctx, j, t0 - 1, types)


def pronoun_subject(ctx: Ctx, t0: int, types: frozenset[str] | set[str]) -> int | None:
    """``وكان الحلبي قد عمل ...، وهو يملك صحيفة Y``: after a comma, the sentence's first actor, the
    subject of its first clause (not a prepositional object)."""
    if t0 < 2 or ctx.text[t0 - 1] not in PRONOUNS or ctx.text[t0 - 2] not in COMMAS:
        return None  # a clause set off by a comma (ومن خطابه وهو يدعو ...: the speech's speaker)
    k = next((k for k in ctx.order if ctx.last[k] < t0 - 1 and not after_preposition(ctx, k)
              and ctx.mentions[k].source != "implied"), None)
    return k if k is not None and _actor(ctx, k, types) and not titles_person(ctx, k) else None


def adjacent_subject(ctx: Ctx, t0: int, types: frozenset[str] | set[str]) -> int | None:
    """``ترامب انتقد بايدن``، ``وكانت مديرة الصندوق X دعت``: an actor ending right before the verb
    (quotes aside) that opens the sentence, follows كان, or precedes a present-tense verb (a
    headline's "X يلتقي Y").  Elsewhere in verb-first text the word before a verb ends the last
    clause (هجوم على بلدة خان شيخون اتهمت واشنطن ...)."""
    j = t0 - 1
    while j >= 0 and ctx.text[j] in QUOTE_TOKENS:
        j -= 1
    k = next((k for k in ctx.order if ctx.last[k] == j and _actor(ctx, k, types)), None)
    if k is None:
        return None
    i = ctx.first[k] - 1
    while i >= 0 and (ctx.text[i] in QUOTE_TOKENS or ctx.raw[i] in {"و", "ف"}):
        i -= 1
    opens = i < 0 or ctx.raw[i] in OPENERS  # the sentence, or a reported clause (إن "حكومة X أمرت ...)
    return k if opens or ctx.keys[t0].startswith(IMPERFECT) or _kana(ctx, ctx.first[k]) is not None else None


def headline_subject(ctx: Ctx, t0: int, types: frozenset[str] | set[str]) -> int | None:
    """``سوناك يستضيف قمة ... ويلتقي ألتمان وماسك``: a و-joined present-tense verb in a sentence
    that opens with an actor and a present-tense verb has that actor as its subject."""
    if not conjunct(ctx, t0) or not ctx.keys[t0].startswith(IMPERFECT):
        return None
    k = next(iter(ctx.order), None)
    if k is None or ctx.first[k] != 0 or not _actor(ctx, k, types):
        return None
    after = ctx.last[k] + 1
    if after >= t0 or ctx.mention_at(after) is not None or not ctx.raw[after].startswith(IMPERFECT):
        return None
    return None if ctx.clause_break(after, t0) else k


def subject_before_verb(ctx: Ctx, t0: int, verb: bool, types: frozenset[str] | set[str]) -> int | None:
    """The subject of the verb at word ``t0`` when it stands before it, else None.  ``verb``: the
    word is tagged a verb (a noun trigger takes none of these shapes, except after قد)."""
    found = qad_subject(ctx, t0, types)
    if found is not None or not verb:
        return found
    # a headline's "X يوقف Y ويطالب Z": the second verb is X's too, not Y's
    for shape in (reported_subject, relative_subject, headline_subject, adjacent_subject, pronoun_subject):
        found = shape(ctx, t0, types)
        if found is not None:
            return found
    return None


def clause_subject(ctx: Ctx, t0: int, types: frozenset[str] | set[str]) -> int | None:
    """``وانتقد X، عضو مجلس الشيوخ، الاتفاق، مطالبا وزارة التجارة بـ ...``: a participle's subject is
    the subject of the first relation trigger of its sentence, when that is a verb before it."""
    main = min((j for j in ctx.stops if j < t0), default=None)
    if main is None:
        return _speaker(ctx, t0, types)
    if ctx.sent.words[main].upos not in {"VERB", "AUX"} or ctx.clause_break(main + 1, t0, frozenset()):
        return None
    before = subject_before_verb(ctx, main, True, types)
    if before is not None:
        return before
    after = subject_after(ctx, main + 1, types)
    # only a subject right after the verb or its title (ودعا الصدر الحكومة ...: when NER missed
    # الصدر, the first actor after the verb is the object)
    return after if after is not None and (ctx.first[after] == main + 1 or role_at(ctx, main + 1)) else None


def _speaker(ctx: Ctx, t0: int, types: frozenset[str] | set[str]) -> int | None:
    """``وقال رئيس اللجنة، النائب X، إن "..."، منتقدا Y``: with no relation verb before it, a
    participle takes the subject of the verb of saying that opens the sentence."""
    j = next((j for j in range(min(SPEAKER_OPENING, t0)) if ctx.raw[j] in SAYING), None)
    if j is None or ctx.clause_break(j + 1, t0, frozenset()):
        return None
    said = next((e for e in range(j + 1, t0) if ctx.raw[e] and ctx.raw[e] in OPENERS), None)  # إن / أن: what was said
    if said is None:
        return None
    return _named_speaker(ctx, j, said, types)


def _named_speaker(ctx: Ctx, j: int, said: int, types: frozenset[str] | set[str]) -> int | None:
    """The speaker between the verb of saying at ``j`` and what was said at ``said``: the last person
    named there (the name the titles lead to), else the first actor."""
    speakers = [k for k in ctx.order if j < ctx.first[k] and ctx.last[k] < said and not after_preposition(ctx, k)
                and ctx.mentions[k].source != "implied" and _actor(ctx, k, types)]
    people = [k for k in speakers if ctx.mentions[k].type == "PERSON"]
    return people[-1] if people else (speakers[0] if speakers else None)


PARTICIPANT_TYPES = frozenset({"PERSON", "COMPANY", "GOVERNMENT", "PARTY", "MEDIA", "ORGANIZATION"})
BETWEEN_REACH = 12  # words from the first participant to the second


def _participant(ctx: Ctx, k: int | None) -> int | None:
    """Mention ``k``, or the person its title introduces (وزير الخارجية الرواندي أوليفييه ...)."""
    while k is not None and (ctx.mentions[k].type not in PARTICIPANT_TYPES or titles_person(ctx, k)
                             or ctx.mentions[k].source == "implied" or _in_title(ctx, k)):
        k = ctx.following(k)
    return k


def _in_title(ctx: Ctx, k: int) -> bool:
    """A body or country inside a person's title (وزيرة خارجية جمهورية الكونغو الديمقراطية X)."""
    if ctx.mentions[k].type == "PERSON":
        return False
    titled = any(role_at(ctx, i) for i in range(max(0, ctx.first[k] - 3), ctx.first[k] + 1))
    person = next((p for p in ctx.order if ctx.first[p] > ctx.last[k] and ctx.mentions[p].type == "PERSON"), None)
    return titled and person is not None and ctx.first[person] - ctx.last[k] <= 6 and not any(
        conjunct(ctx, j) or ctx.text[j] in {"،", ","} for j in range(ctx.last[k] + 1, ctx.first[person]))


def between_pair(ctx: Ctx, t1: int) -> tuple[int, int] | None:
    """``اجتماعا بين وزيرة خارجية الكونغو X (Latin) ووزير الخارجية الرواندي Y``: the first participant
    after the trigger and the one after the next word that opens with و."""
    first = _participant(ctx, next((k for k in ctx.order if ctx.first[k] >= t1), None))
    if first is None or ctx.first[first] - t1 > 6:
        return None
    and_word = next((j for j in range(ctx.last[first] + 1, min(len(ctx.raw), ctx.last[first] + BETWEEN_REACH))
                     if conjunct(ctx, j) and ctx.raw[j - 1] not in {"،", ","}), None)
    if and_word is None or ctx.clause_break(ctx.last[first] + 1, and_word):
        return None
    second = _participant(ctx, next((k for k in ctx.order if ctx.first[k] >= and_word), None))
    if second is None or ctx.first[second] - and_word > 6 or ctx.clause_break(and_word, ctx.first[second]):
        return None
    return first, second


def titled_subject(ctx: Ctx, t1: int) -> int | None:
    """``انتقد رئيس نادي أبها الأدبي الدكتور أحمد ...``: when a title follows the verb, the person
    it introduces (within ten words, no clause break, a comma only right before the name) is the
    subject, not the body or place named inside the title."""
    n = role_at(ctx, t1) if t1 < len(ctx.raw) else 0
    if not n:
        return None
    for k in ctx.order:
        f = ctx.first[k]
        if f < t1 + n or ctx.mentions[k].type != "PERSON":
            continue
        commas = [j for j in range(t1, f) if ctx.text[j] in {"،", ","}]
        described = all(j == f - 1 or person_epithet(ctx, list(range(j + 1, f))) for j in commas)
        if f - t1 > 10 or ctx.clause_break(t1, f) or not described:
            return None
        return k
    return None


def subject_after(ctx: Ctx, t1: int, types: frozenset[str] | set[str] = frozenset()) -> int | None:
    """VSO: the person a title after the verb introduces, else the first actor within three words
    after the verb, with no preposition before it (اجتمع مسؤولو "أوفكوم" ...; التقى الرئيس
    التنفيذي لـ... is not a subject)."""
    titled = titled_subject(ctx, t1)
    if titled is not None and (not types or "PERSON" in types):
        return titled
    for k in ctx.order:
        f = ctx.first[k]
        if f < t1:
            continue
        if f - t1 > 3:
            return None
        between = range(t1, f)
        if any(ctx.raw[j] in PREPOSITIONS or ctx.text[j] in {"،", ","} or ctx.clause_break(j, j + 1) for j in between):
            return None
        if ctx.mentions[k].source == "implied":
            continue
        if titles_person(ctx, k):  # دعا الخبير ورئيس الجمعية X، محمد مقديش، ...: the person
            nxt = ctx.following(k)  # titles_person found one
            k = k if nxt is None else nxt
        if after_preposition(ctx, k) or (types and ctx.mentions[k].type not in types):
            return None
        return k
    return None
