"""A sentence prepared for the relation rules, and the positional helpers they share."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kg.nlp.doc import Sentence
from kg.normalize import match_key
from kg.relation_rules import longest_match, rule_set
from kg.rules import type_rules
from kg.schema import Mention

CLAUSE_BREAKS = {".", "؛", ";", "!", "؟", "?"}  # not ":" — it often opens the list of tails
# Words that open a clause: no list of tails runs across them.  A subject before a trigger may be
# across "إن" (قالت الجهة إن الاجتماعات شملت ...: the speaker met them), not across a relative
# clause unless that clause is about it (X، الذي يعمل في Y).
RELATIVE_WORDS = frozenset(match_key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"))
# A participle after the clause opens one of its own (انتقد X الاتفاق، مطالبا Y بـ ...)
PARTICIPLES = ("مطالبا", "مطالبة", "مطالبين", "داعيا", "داعية", "متهما", "متهمة", "منتقدا", "منتقدة", "محذرا", "محذرة")
# A reporting verb joined to the clause (، وقال ...، مضيفا) opens a new one.
SPEECH_WORDS = frozenset(match_key(w) for w in (
    "وقال", "وقالت", "وأضاف", "وأضافت", "وأكد", "وأكدت", "وأشار", "وأشارت", "مضيفا", "مضيفة", "مؤكدا", "مؤكدة",
    "مشيرا", "مشيرة", "قائلا", "قائلة", "معتبرا", "معتبرة",
    *PARTICIPLES,
    "وفق", "وفقا", "حسب", "بحسب", "نقلا"))  # the source of the report (وفق ما أفاد به مراسل الجوهرة أف أم)
# Verbs of saying that open a sentence (وقال X إن ...): their subject is the speaker.
SAYING = frozenset(match_key(w) for w in (
    "قال", "وقال", "يقول", "ويقول", "أكد", "وأكد", "أضاف", "وأضاف", "أوضح", "وأوضح", "أشار", "وأشار", "نفى", "ونفى",
    "اعتبر", "واعتبر", "رأى", "ورأى", "طالب", "وطالب", "دعا", "ودعا", "انتقد", "وانتقد", "اتهم", "واتهم", "أعلن", "وأعلن"))
# "فيما غاب ممثلو X عن الاجتماع": "while" opens a clause of its own
OPENERS = ("إن", "أن", "حيث", "فيما", "وفيما", "بينما", "وبينما", "إذ")  # انتقدت X القرار، إذ قال ...
CLAUSE_WORDS = frozenset(match_key(w) for w in OPENERS) | RELATIVE_WORDS | SPEECH_WORDS
PREPOSITIONS = {match_key(w) for w in ("مع", "من", "على", "في", "إلى", "الى", "عن", "لدى", "ب", "ل", "عبر", "بين", "حول")}
APPOSITION_OPENERS = {"وهو", "وهي", "الذي", "التي", "هو", "هي", "المنتمي", "المنتمية"}  # X، المنتمي إلى حزب Y،
QUOTE_TOKENS = set("\"'«»“”‘’")
ORG_TYPES = {"COMPANY", "GOVERNMENT", "PARTY", "MEDIA", "ORGANIZATION"}


@dataclass
class Ctx:
    """One sentence prepared for the rules: word keys and mention positions (word indices)."""

    sent: Sentence
    keys: list[str]
    raw: list[str]
    text: list[str]
    mentions: list[Mention]
    first: list[int]
    last: list[int]
    stops: set[int] = field(default_factory=set)  # word indices where some rule's trigger starts
    order: list[int] = field(default_factory=list)  # mention indices in text order

    def __post_init__(self) -> None:
        self.order = sorted(range(len(self.mentions)), key=lambda k: self.first[k])

    def following(self, k: int) -> int | None:
        """The first mention that starts after mention ``k`` ends."""
        return next((m for m in self.order if self.first[m] > self.last[k]), None)

    @classmethod
    def build(cls, sent: Sentence, mentions: list[Mention]) -> Ctx:
        words = sent.words
        first, last, kept = [], [], []
        for m in mentions:
            idx = [i for i, w in enumerate(words) if w.end > m.start and w.start < m.end]
            if idx:
                kept.append(m)
                first.append(idx[0])
                last.append(idx[-1])
        return cls(sent, sent.word_keys, sent.raw_keys, [w.text for w in words], kept, first, last)

    def mention_at(self, i: int) -> int | None:
        return next((k for k, f in enumerate(self.first) if f <= i <= self.last[k]), None)

    def clause_break(self, a: int, b: int, words: frozenset[str] = CLAUSE_WORDS) -> bool:
        """A sentence mark, or one of ``words``: they open a clause of its own (إن القرار، الذي، حيث)."""
        return any((self.text[i] in CLAUSE_BREAKS and not self._decimal(i)) or self.raw[i] in words for i in range(a, b))

    def _decimal(self, i: int) -> bool:
        """The point of a number the tokenizer split (1.8 مليار -> 1 . 8): no sentence mark."""
        return 0 < i < len(self.text) - 1 and self.text[i - 1].isdigit() and self.text[i + 1].isdigit()


def after_preposition(ctx: Ctx, k: int) -> bool:
    """Whether mention ``k`` is the object of a preposition (so not a clause's subject)."""
    j = ctx.first[k] - 1
    while j >= 0 and ctx.text[j] in QUOTE_TOKENS:
        j -= 1
    word = ctx.sent.words[ctx.first[k]].text
    glued = match_key(word)[:1] in {"ب", "ل"} and ctx.mentions[k].start > ctx.sent.words[ctx.first[k]].start
    return glued or (j >= 0 and ctx.raw[j] in PREPOSITIONS)


def _after_relative(ctx: Ctx, a: int, i: int) -> int:
    """Skip a relative pronoun right after a mention (X، الذي يعمل في Y): its clause is about X."""
    j = a
    while j < i and (ctx.text[j] in {"،", ",", ")"} or ctx.text[j] in QUOTE_TOKENS):  # "تيك توك" الذي، (SpaceX) التي
        j += 1
    return j + 1 if j < i and ctx.raw[j] in RELATIVE_WORDS else a


def mention_before(ctx: Ctx, i: int, gap: int, subject: bool = True,
                   types: frozenset[str] | set[str] = frozenset()) -> int | None:
    """Nearest mention ending before word ``i`` in the same clause (not a prepositional object)."""
    best = None
    for k, last in enumerate(ctx.last):
        if (subject and after_preposition(ctx, k)) or ctx.mentions[k].source == "implied":
            continue
        if types and ctx.mentions[k].type not in types:
            continue
        if last < i and i - last <= gap and not ctx.clause_break(_after_relative(ctx, last + 1, i), i, RELATIVE_WORDS):
            if best is None or last > ctx.last[best]:
                best = k
    return best


def mentions_after(ctx: Ctx, i: int, gap: int, types: frozenset[str] | set[str] = frozenset(),
                   first_gap: int | None = None, skip: Callable[[int], bool] | None = None) -> list[int]:
    """Mentions starting after word ``i``, in order, until a clause break, a negation or another trigger;
    ``skip`` passes over mentions that are no tails (a meeting's venue) without ending the list."""
    out: list[int] = []
    prev = i
    negs = rule_set().negations
    for k in ctx.order:
        f = ctx.first[k]
        if f <= i:
            continue
        if ctx.mentions[k].source == "implied":  # a title's government is not an actor of the clause
            continue
        limit = first_gap if first_gap is not None and not out else gap
        between = range(prev + 1, f)
        # the first tail may sit in a relative clause on the object (انتقد X التعليقات التي صدرت عن Y)
        breaks = CLAUSE_WORDS if out else CLAUSE_WORDS - RELATIVE_WORDS
        if (f - prev > limit or ctx.clause_break(prev + 1, f, breaks)
                or any(ctx.raw[j] in negs or j in ctx.stops for j in between)):
            break
        if out and any(role_at(ctx, j) for j in between):
            break  # "مع سمير جعجع رئيس حزب القوات": the party describes the tail, it is not another tail
        if (not types or ctx.mentions[k].type in types) and not (skip and skip(k)):
            out.append(k)
        prev = ctx.last[k]
    return out


def glued_preposition(ctx: Ctx, j: int) -> bool:
    """Word ``j`` carries a proclitic preposition (بولاية، لطلب)."""
    return ctx.raw[j] != ctx.keys[j] and ctx.raw[j][:1] in {"ب", "ل"}


def direct_object(ctx: Ctx, i: int, types: frozenset[str] | set[str] = frozenset(), own_prep: bool = False) -> int | None:
    """The actor that is the object of a verb whose subject (or the verb itself) ends at word ``i``
    (طالبت بيونغ يانغ الولايات المتحدة؛ not دعا الحزب مقاتليه إلى وقف أنشطتهم في تركيا, nor دعت إلى
    ملاحقة ...): at most one other word before it, besides quotes, commas, time words and, before a
    person, a title (دعا الطبوبي رئيس الحكومة يوسف الشاهد), and no preposition.  ``own_prep``: word
    ``i`` is the trigger's own preposition (طلب من X), which the object may follow."""
    k = next((k for k in ctx.order
              if ctx.first[k] > i and ctx.mentions[k].source != "implied"), None)
    if k is None or (after_preposition(ctx, k) and not (own_prep and ctx.first[k] == i + 1)):
        return None
    word = ctx.sent.words[ctx.first[k]]
    if ctx.first[k] == i + 1 and ctx.mentions[k].start > word.start and ctx.raw[ctx.first[k]].startswith("و"):
        return None  # دعت بريطانيا وفرنسا ...: a second subject, not the object
    others, j = 0, i + 1
    time_words = rule_set().time_words
    while j < ctx.first[k]:
        if ctx.raw[j] in PREPOSITIONS or ctx.clause_break(j, j + 1) or ctx.text[j] in {"(", ")"} or glued_preposition(ctx, j):
            return None  # (النهضة) after a name is its party; بولاية أوهايو is where, not whom
        title = role_at(ctx, j)
        if title and ctx.mentions[k].type != "PERSON":
            return None  # دعا X، سفير الولايات المتحدة بنواكشوط، إلى ...: the body is in X's title
        if title and ctx.first[k] - j <= title + 2:  # the title and its adjectives (الأميركي المنتخب)
            break
        if ctx.text[j] not in QUOTE_TOKENS and ctx.text[j] not in {"،", ","} and ctx.raw[j] not in time_words:
            others += 1
        j += 1
    if others > 1:
        return None
    return k if not types or ctx.mentions[k].type in types else None


def coordinated(ctx: Ctx, k: int) -> list[int]:
    """Mentions joined to mention ``k`` by "و" (حظرت الهند تيك توك ووي تشات، تملك ألفابت غوغل وموقع
    يوتيوب): they share its verb.  Between two of them only و، a comma, or one و-word naming the kind
    (وموقع، وشركة)."""
    out, prev = [], ctx.last[k]
    for m in ctx.order:
        f = ctx.first[m]
        if f <= prev or ctx.mentions[m].source == "implied":
            continue
        at = [j for j in range(prev + 1, f) if ctx.text[j] not in QUOTE_TOKENS]  # "فيسبوك" و"إنستغرام"
        joined = (not at and conjunct(ctx, f) and ctx.mentions[m].start > ctx.sent.words[f].start) or (
            len(at) == 1 and (ctx.text[at[0]] in {"و", "،", ","} or conjunct(ctx, at[0])))
        if not joined:
            break
        out.append(m)
        prev = ctx.last[m]
    return out


def conjunct(ctx: Ctx, j: int) -> bool:
    """Word ``j`` carries the conjunction و (والمدير، وديفيد، وموقع): it opens a new conjunct."""
    # وزير، وزارة، وليد begin with the letter, not the conjunction
    return ctx.raw[j] != ctx.keys[j] and ctx.raw[j].startswith("و") and ctx.raw[j] not in type_rules().waw_words


def apposition_owner(ctx: Ctx, k: int, t0: int) -> int:
    """``سام ألتمان، الرئيس التنفيذي لشركة أوبن إيه آي، قد اجتمع``: when mention ``k`` sits in an
    apposition (comma, title, comma) after a person, that person is the subject before ``t0``."""
    commas = {"،", ","}
    if not any(ctx.text[j] in commas for j in range(ctx.last[k] + 1, t0)):
        return k
    owners = [p for p in range(len(ctx.mentions))
              if ctx.mentions[p].type == "PERSON" and ctx.last[p] + 2 < ctx.first[k]
              and ctx.text[ctx.last[p] + 1] in commas and role_at(ctx, ctx.last[p] + 2)
              and not any(ctx.text[j] in commas for j in range(ctx.last[p] + 2, ctx.first[k]))]
    return max(owners, key=lambda p: ctx.last[p], default=k)


def skip_apposition(ctx: Ctx, k: int) -> int:
    """After ``X، وهو ناطق باسم Y،`` return the index where the clause resumes (after the 2nd comma);
    after ``X رئيس حزب Y`` (a title with no comma), the index after the title and the body it names;
    a bracketed gloss of X (منظمة أكسس ناو (Access Now)) is skipped first."""
    end = ctx.last[k]
    while end + 2 < len(ctx.raw) and ctx.text[end + 1] in QUOTE_TOKENS and ctx.text[end + 2] == "(":
        end += 1  # «إي آند» (e&)
    if end + 1 < len(ctx.raw) and ctx.text[end + 1] == "(":
        end = next((n for n in range(end + 2, min(len(ctx.raw), end + 8)) if ctx.text[n] == ")"), end)
    j = end + 1
    if j + 1 < len(ctx.raw) and ctx.text[j] in {"،", ","} and (
            ctx.raw[j + 1] in APPOSITION_OPENERS or role_at(ctx, j + 1) or party_of(ctx, j + 1)):
        for n in range(j + 1, min(len(ctx.raw), j + 15)):
            if ctx.text[n] in {"،", ","}:
                return n
    body = ctx.mention_at(j + 1) if j + 1 < len(ctx.raw) and ctx.raw[j] == "في" else None
    if body is not None and ctx.mentions[body].type != "LOCATION":
        return ctx.last[body]  # انتقدت لجنة الصين في مجلس النواب الخطوة: the subject's body, not the object
    n = role_at(ctx, j) if j < len(ctx.raw) else 0
    if n:  # X رئيس حزب الجيل: the body in X's title is not the verb's object
        inside = [m for m, f in enumerate(ctx.first) if j + n <= f <= j + n + 1]
        if not any(ctx.mentions[m].type == "PERSON" for m in inside):  # دعا X رئيس الحكومة Y: Y is the object
            return max((ctx.last[m] for m in inside), default=j + n - 1)
    return end


SEAT_PREPOSITIONS = frozenset(match_key(w) for w in ("عن", "من"))
PARTY_WORD = match_key("حزب")


def party_of(ctx: Ctx, j: int) -> int | None:
    """``عن حزب القوات اللبنانية``، ``من التيار الوطني الحر`` at word ``j``: the party a member sits for."""
    if j + 1 >= len(ctx.raw) or ctx.raw[j] not in SEAT_PREPOSITIONS:
        return None
    n = j + 1
    while n < min(len(ctx.raw), j + 4) and ctx.mention_at(n) is None and (
            ctx.raw[n] == PARTY_WORD or ctx.text[n] in QUOTE_TOKENS):
        n += 1  # عن حزب "فرنسا الأبية"
    k = ctx.mention_at(n) if n < len(ctx.raw) else None
    return k if k is not None and ctx.mentions[k].type == "PARTY" else None


def role_at(ctx: Ctx, i: int) -> int:
    return longest_match(ctx.keys, ctx.raw, i, rule_set().roles)


def titles_person(ctx: Ctx, k: int) -> bool:
    """Mention ``k`` is the body in a title before a person (التقى رئيسة المفوضية أورسولا ...):
    it describes that person, it is no actor of the clause."""
    j = ctx.first[k] - 1  # the role may end a word early (الرئيس التنفيذي لشركة آبل تيم كوك)
    if j < 0 or not any(role_at(ctx, i) and i + role_at(ctx, i) >= j for i in range(max(0, j - 3), j + 1)):
        return False
    nxt = ctx.following(k)
    return nxt is not None and ctx.mentions[nxt].type == "PERSON" and ctx.first[nxt] - ctx.last[k] <= 2


def only_punct(ctx: Ctx, lo: int, hi: int) -> bool:
    return not any(any(c.isalnum() for c in ctx.text[i]) for i in range(lo, hi))


def named_apposition(ctx: Ctx, k: int, after: int) -> int:
    """``نفت الشركة المالكة للتطبيق، بايت دانس، ...``: a descriptor ``k`` (الشركة) is named by the
    name set off by a comma right after mention ``after``; ``k`` itself otherwise."""
    if ctx.mentions[k].source != "descriptor":
        return k
    name = ctx.following(after)
    if (name is None or ctx.mentions[name].source == "descriptor" or ctx.mentions[name].type not in ORG_TYPES
            or not only_punct(ctx, ctx.last[after] + 1, ctx.first[name])
            or not any(ctx.text[i] in {"،", ","} for i in range(ctx.last[after] + 1, ctx.first[name]))):
        return k
    return name


def person_epithet(ctx: Ctx, words: list[int]) -> bool:
    """Words ``words`` describe the person named right after them: one definite word that is no
    mention (المهندس، الإعلامي) or a listed epithet (رجل الأعمال)."""
    if len(words) == 1:
        return ctx.raw[words[0]].startswith("ال") and ctx.mention_at(words[0]) is None
    return bool(words) and tuple(ctx.keys[j] for j in words) in rule_set().epithets
