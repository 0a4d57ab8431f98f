"""Names NER misses, found by rule: institutions (وزارة الاتصالات، هيئة المنافسة والأسواق) and
legislation (قانون السلامة على الإنترنت): a head word and the noun phrase after it."""
from __future__ import annotations

from kg.clitics import leading_clitic
from kg.mentions import QUOTES, mention
from kg.nlp.doc import AnnotatedArticle, Sentence, Word
from kg.normalize import is_arabic, match_key, strip_clitic
from kg.relation_rules import role_firsts
from kg.rules import dateline_index, head_key, type_rules
from kg.schema import Mention

PUNCT_UPOS = {"PUNCT", "SYM"}


def legislation_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    """``قانون السلامة على الإنترنت``: a trigger noun and the noun phrase after it."""
    leg = type_rules().legislation
    found: list[Mention] = []
    words = sent.words
    if leg["triggers"].isdisjoint(sent.word_keys):  # word_keys: each key without one clitic
        return found
    for i, (word, key) in enumerate(zip(words, sent.word_keys)):
        if key not in leg["triggers"]:
            continue
        j = i + 1
        while j < len(words) and j - i <= leg["max_tokens"]:
            w = words[j]
            if w.upos in PUNCT_UPOS or w.upos == "VERB" or match_key(w.text) in leg["stop_words"]:
                break
            j += 1
        while j > i + 1 and match_key(words[j - 1].text) in leg["connectors"]:
            j -= 1
        if j > i + 1:
            start = word.start + leading_clitic(word, set())
            found.append(mention(annotated, sent, start, words[j - 1].end, "LEGISLATION", "rule"))
    return found


NAME_UPOS = {"NOUN", "ADJ", "PROPN", "X"}


def _name_word(word: Word, not_first: bool, after_definite: bool, joins: bool, next_definite: bool = False) -> bool:
    """A word that can continue an institution's name: a noun, a proper noun, a nisba adjective or
    a naming adjective (العليا، العامة), and not where a new phrase starts: a time word (مساء
    الجمعة), a prepositional phrase (بالشراكة، بإجماع), a noun after a definite word (مجلس نواب
    الشعب | السلطات) or, unless the name ``joins`` nouns with و (a ministry's: وزارة العلوم
    والتكنولوجيا), a second noun."""
    rules = type_rules()
    key = match_key(word.text)
    if word.upos not in NAME_UPOS or key in rules.institution_stops or not QUOTES.isdisjoint(word.text):
        return False  # ل"جوهرة: a quote opens another name
    if strip_clitic(key) in role_firsts():
        return False  # رئاسة الجمهورية | السفير أحمد فهمي: a title opens a person's name
    if key in dateline_index():
        return True  # غرفة تجارة دمشق: a known city, whatever its tag (a capital is often tagged ADJ)
    named_adjective = strip_clitic(key) in rules.name_adjectives
    bare = strip_clitic(key)
    if not_first and bare != key and key.startswith("و") and word.upos != "ADJ":
        # ووزارة، والمركز open another body, والناطق باسم another person's title; بلدية جمال والأمن:
        # a name only joins common nouns (after a definite one)
        other = rules.head_type([head_key(word.text)]) is not None or bare in rules.institution_words or bare in role_firsts()
        # ... a definite one, or a construct that ends in one (وزارة الانتقال الرقمي وإصلاح الإدارة)
        return joins and after_definite and (bare.startswith("ال") or next_definite) and not other
    nisba = key.endswith(("ي", "يه", "يين", "يون"))  # السوري، السورية، السوريين
    if not_first and word.upos in {"NOUN", "ADJ"} and key.startswith("ب") and strip_clitic(key) != key:
        return False
    # an adjective after a definite noun has the article too (نبيه is a name, not a nisba)
    definite_nisba = nisba and key.startswith("ال")
    if after_definite and word.upos in {"NOUN", "PROPN"} and not definite_nisba and not key.startswith("ل") and is_arabic(key):
        return False  # only adjectives and prepositional complements (للشغل) follow a definite noun, no
        # name (رئيس مجلس النواب | نبيه بري)
    return word.upos != "ADJ" or nisba or named_adjective


def _definite(word: Word) -> bool:
    """A word with the article (الشعب): the end of a genitive chain (مجلس نواب الشعب).  Proper nouns
    end one too, but the tagger calls many common nouns in names proper (جمعية منتدى الشباب)."""
    return strip_clitic(match_key(word.text)).startswith("ال")


def _complement(word: Word) -> bool:
    """A prepositional complement that names a body's field (للاتصالات، للاستثمار، لتقنين المواصلات)."""
    key = match_key(word.text)
    if key.startswith("لل"):
        return True
    # ل + an indefinite noun opens a field too, but not with a pronoun: لتسليمها is a purpose
    return key.startswith("ل") and len(key) > 3 and word.upos == "NOUN" and not key.endswith(("ها", "هم", "هما"))


def _field_end(words: list[Word], n: int, end: int) -> int:
    """End of the field that opens at word ``n``: the word itself (للاتصالات), or with an indefinite
    noun (لتنظيم قطاع الاتصالات) the genitive chain up to its first definite word; a chain with none
    is a purpose, not a field (الاتحاد الأفريقي | لجلب): the name ends before it."""
    if match_key(words[n].text).startswith("لل"):
        return n + 1
    k = n + 1
    while k < end and not _definite(words[k]):
        k += 1
    return k + 1 if k < end else n


def _named(etype: str, size: int, definite: bool, name: list[Word]) -> bool:
    """Whether a head and the words after it name a body.  ``وزارة الاتصالات``: a government head
    takes common nouns; ``شركة أرامكو``: the others need a proper noun; ``مجلس الشيوخ``: a head of
    two words names the body by itself; with the article, a one-word head is a reference to a
    body named before (الهيئة، الشركة الأمريكية) unless a field follows (الهيئة الوطنية للاتصالات)."""
    if size >= 2:  # with what follows it (غرفة تجارة دمشق، مجلس الشيوخ الأمريكي)
        return True
    if not name:
        return False
    if definite and size == 1 and etype == "PARTY":  # a party is named by its adjectives (الحزب المصري الديمقراطي)
        return all(w.upos == "ADJ" for w in name)
    if definite and size == 1:  # a field alone is a purpose (المنظمة للمشاركة في ...), and the body's
        # adjective comes first (الهيئة الوطنية للاتصالات; not الوزارة بإعطاء دفع للتظاهرات)
        return (etype in {"GOVERNMENT", "ORGANIZATION"} and len(name) >= 2 and name[0].upos == "ADJ"
                and any(_complement(w) for w in name[1:]))
    # اتحاد الصحفيين السوريين، نقابة المحامين، حزب العمال: an association named by a genitive noun
    genitive = etype in {"ORGANIZATION", "PARTY"} and not definite and name[0].upos == "NOUN" and _definite(name[0])
    return etype == "GOVERNMENT" or genitive or any(w.upos in {"PROPN", "X"} for w in name)


def institution_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    """``وزارة الاتصالات وتكنولوجيا المعلومات``، ``شركة أرامكو``، ``الهيئة الوطنية للاتصالات``:
    a head word and the name after it."""
    rules = type_rules()
    words = sent.words
    found = []
    for i, size, etype, head_definite in rules.institution_heads([w.text for w in words]):
        # a head that ends with the article (مجلس الشيوخ، رئاسة الجمهورية) takes adjectives only
        j, definite = i + size, size >= 2 and _definite(words[i + size - 1])
        while j < len(words) and j - i - size < rules.institution_max and _name_word(
                words[j], j > i + size, definite, etype == "GOVERNMENT", j + 1 < len(words) and _definite(words[j + 1])):
            # a prepositional complement (لتمويل القروض) opens a genitive chain of its own
            key = match_key(words[j].text)
            opens = key.startswith("و") and not _definite(words[j])  # وإصلاح | الإدارة: a new construct
            definite = not key.startswith("ل") and not opens and (definite or _definite(words[j]))
            j += 1
        if head_definite and size == 1:  # الهيئة الوطنية للاتصالات | تنفيذ القرار: the field ends it
            j = next((_field_end(words, n, j) for n in range(i + size + 1, j) if _complement(words[n])), j)
        if _named(etype, size, head_definite, words[i + size:j]):
            skip = kind_word(words, i, j) if size == 1 else 0
            start = words[i + skip].start + (0 if skip else leading_clitic(words[i], set()))
            found.append(mention(annotated, sent, start, words[j - 1].end, etype, "rule"))
    return found


QUOTED_MAX = 5  # words of a quoted name


def quoted_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    """``صحيفة "الاقتصادي اليوم"``، ``إذاعة «صوت الفيحاء»``، ``قناة "الوفاق تي في"``: the quoted words
    after a one-word head without the article are the name, whole (NER often cuts them short)."""
    words = sent.words
    found = []
    for i, size, etype, head_definite in type_rules().institution_heads([w.text for w in words]):
        quoted = _quoted_end(words, i + size) if size == 1 and not head_definite else None
        if quoted is not None:
            found.append(mention(annotated, sent, words[i + 2].start, words[quoted - 1].end, etype, "rule"))
    for opened, etype in _kind_phrases(sent):  # تطبيق توصيل الطعام "طلبات"
        quoted = _quoted_end(words, opened)
        if quoted is not None:
            found.append(mention(annotated, sent, words[opened + 1].start, words[quoted - 1].end, etype, "rule"))
    for i, etype in _dual_heads(words):  # موقعي «نبض الأردن» و«المرصد نيوز»: two names, each whole
        open_ = i + 1
        while (close := _quoted_end(words, open_)) is not None:
            found.append(mention(annotated, sent, words[open_ + 1].start, words[close - 1].end, etype, "rule"))
            if open_ > i + 1 or close + 1 >= len(words) or words[close + 1].text != "و":
                break
            open_ = close + 2
    return found


KIND_PHRASE_MAX = 2  # words between a head and a quoted name: تطبيق [توصيل الطعام] "طلبات"


PREPOSED = ("بال", "لل", "كال", "فال")  # a prepositional phrase (بالكويت، للاتصالات) is no part of a kind


def _kind_phrases(sent: Sentence) -> list[tuple[int, str]]:
    """``لتطبيق توصيل الطعام "طلبات"``، ``منصة التواصل الاجتماعي «إكس»``: a kind word before names
    (``name_descriptors``: شركة، تطبيق، صحيفة ...) without the article, a few words of its kind
    ending in one with the article, then a quote: ``(quote, type)``, the name follows the quote.
    Not after a government head (وكالة الأمن القومي "...") nor across a name NER found (صحيفة
    الشرق الأوسط "..."); other heads are left out, as their quotes are as often scare quotes
    (حركة البيع «ضعيفة»)."""
    words, rules = sent.words, type_rules()
    out = []
    for j, w in enumerate(words):
        if w.text not in QUOTES or j < 2 or not _opens(words, j):
            continue
        for i in range(j - 2, max(-1, j - 2 - KIND_PHRASE_MAX), -1):
            head = head_key(words[i].text)
            if head not in rules.name_descriptors or strip_clitic(match_key(words[i].text)).startswith("ال"):
                continue
            etype = rules.head_type([head_key(x.text) for x in words[i:j]])
            if etype is None or etype == "GOVERNMENT":
                break
            between = words[i + 1:j]
            if (strip_clitic(match_key(between[-1].text)).startswith("ال")
                    and all(is_arabic(b.text) and b.text.isalpha() and not b.text.startswith(PREPOSED) for b in between)
                    and not any(e.start < between[-1].end and e.end > between[0].start for e in sent.ents)):
                out.append((j, etype))
            break
    return out


CLOSING = frozenset("»”’")


def _opens(words: list[Word], j: int) -> bool:
    """The quote at ``j`` opens a quotation: not a closing mark, and a straight quote after an even
    number of its kind (``"شبكة قدس" التي ...``: the second one closes)."""
    mark = words[j].text
    return mark not in CLOSING and (mark in "«“‘" or sum(w.text == mark for w in words[:j]) % 2 == 0)


def _dual_heads(words: list[Word]) -> list[tuple[int, str]]:
    """``(index, type)`` of a one-word head in the dual construct form before a quote (موقعي،
    صحيفتي، وكالتا «...»): the stem, its ت back to ة, is a head.  A final ا is the dual only after
    that ت (تحالفا «عفا عليه الزمن» is an accusative); a government head (ديواني «...», "my
    collection") is left out."""
    heads = type_rules().head_words
    out = []
    for i, w in enumerate(words[:-1]):
        if words[i + 1].text not in QUOTES:  # first: most words are before no quote
            continue
        key = strip_clitic(match_key(w.text))
        if len(key) < 4 or key.startswith("ال"):
            continue
        if not (key.endswith("ي") or key.endswith("تا")):
            continue
        stem = key[:-1]
        etype = heads.get(stem[:-1] + "ه" if stem.endswith("ت") else stem)
        if etype and etype != "GOVERNMENT":
            out.append((i, etype))
    return out


def glossed_mentions(annotated: AnnotatedArticle, sent: Sentence, found: list[Mention]) -> list[Mention]:
    """``«أرامكو الرقمية» (Aramco Digital)``، ``«تاتش» (Touch)``: quoted words glossed by a Latin
    name in brackets are a name, whole.  Mentions inside it (the gazetteer's أرامكو) give way: a
    subsidiary is not its parent.  The type is theirs, ORGANIZATION when there is none."""
    words, out = sent.words, list(found)
    for j, w in enumerate(words):
        close = _quoted_end(words, j) if w.text in QUOTES else None
        gloss = None if close is None else _latin_gloss(annotated, words, close + 1)
        if close is None or gloss is None:
            continue
        j += kind_word(words, j + 1, close)  # «شركة نيوروكور» (NeuroCore): the name alone
        start, end = words[j + 1].start, words[close - 1].end
        inside = [m for m in out if m.start < end and m.end > start]
        same = [m for m in inside if (m.start, m.end) == (start, end) and m.type == "ORGANIZATION"]
        if same:  # NER's «القابضة» (ADQ)، الشركة ...: typed by the apposition
            out = [m.model_copy(update={"type": _apposition_type(words, gloss)}) if m in same else m for m in out]
        if any(m.start < start or m.end > end or (m.start, m.end) == (start, end) for m in inside):
            continue
        etype = next((m.type for m in inside if m.type not in {"LOCATION", "PERSON"}), _apposition_type(words, gloss))
        latin = [m for m in out if m.start < gloss[1] and m.end > gloss[0]]  # Aramco in (Aramco Digital)
        out = [m for m in out if m not in inside and m not in latin] + [
            mention(annotated, sent, start, end, etype, "rule"), mention(annotated, sent, *gloss, etype, "rule")]
    return sorted(out, key=lambda m: (m.start, -m.end))


def _apposition_type(words: list[Word], gloss: tuple[int, int]) -> str:
    """``«القابضة» (ADQ)، الشركة الاستثمارية``: the head word of an apposition after the gloss gives
    the type; ORGANIZATION when there is none."""
    after = [w for w in words if w.start >= gloss[1]]
    if len(after) >= 3 and after[1].text in {"،", ","}:
        return type_rules().head_words.get(head_key(after[2].text), "ORGANIZATION")
    return "ORGANIZATION"


def _latin_gloss(annotated: AnnotatedArticle, words: list[Word], j: int) -> tuple[int, int] | None:
    """Offsets of the bracketed Latin name that opens at word ``j`` (``(Aramco Digital)``), or None."""
    if j >= len(words) or words[j].text != "(":
        return None
    close = next((k for k in range(j + 1, min(j + 6, len(words))) if words[k].text == ")"), None)
    if close is None or close == j + 1:
        return None
    start, end = words[j + 1].start, words[close - 1].end
    text = annotated.article.text[start:end]
    return (start, end) if not is_arabic(text) and any(ch.isalpha() for ch in text) else None


def _quoted_end(words: list[Word], j: int) -> int | None:
    """Index of the quote closing a short name opened by a quote at ``j``; None when there is none."""
    if j >= len(words) or words[j].text not in QUOTES:
        return None
    close = next((k for k in range(j + 1, min(len(words), j + QUOTED_MAX + 2)) if words[k].text in QUOTES), None)
    inner = words[j + 1:close] if close is not None else []
    if len(inner) == 1 and match_key(inner[0].text).endswith("يه") and not match_key(inner[0].text).startswith("ال"):
        return None  # منظمة "إرهابية": a word in scare quotes, not a name
    return close if inner and all(any(c.isalnum() for c in w.text) for w in inner) else None


def kind_word(words: list[Word], start: int, end: int) -> int:
    """Words of a kind phrase (شركة، منصة، مجلس إدارة) that open ``words[start:end]`` before a name
    without the article (شركة سكوبلي، منصة إكس، مجلس إدارة جي42): the name alone is the mention
    (not in صحيفة الغارديان)."""
    kinds = type_rules().name_descriptors
    for size in (2, 1):
        phrase = " ".join(head_key(w.text) for w in words[start:start + size])
        if end - start > size and phrase in kinds:
            return 0 if strip_clitic(match_key(words[start + size].text)).startswith("ال") else size
    return 0


DATELINE_MARKS = {"-", "–", "—", "(", ")", ":", "|", "/"}
DATELINE_MAX = 4  # words of a source's name
DATELINE_SENTENCES = 4  # a dateline is one of the first lines


def dateline_mentions(annotated: AnnotatedArticle, sent: Sentence, found: list[Mention]) -> list[Mention]:
    """``بروكسل - رويترز``، ``باريس (أ ف ب)``: the source after a dateline's place is a medium.
    Returns ``found`` with the source added (replacing a NER guess over it, such as الشرق الأوسط
    read as the region)."""
    words = sent.words
    if sent.index >= DATELINE_SENTENCES or not found or found[0].type != "LOCATION" or found[0].start != words[0].start:
        return found
    j = next((i for i, w in enumerate(words) if w.start >= found[0].end), len(words))
    if j >= len(words) or words[j].text not in DATELINE_MARKS:
        return found
    end = j + 1
    while end < len(words) and words[end].text not in DATELINE_MARKS and end - j <= DATELINE_MAX:
        end += 1
    name = words[j + 1:end]
    closed = end == len(words) or words[end].text in DATELINE_MARKS
    if not name or not closed or any(not any(c.isalnum() for c in w.text) for w in name):
        return found
    start, stop = name[0].start, name[-1].end
    if match_key(annotated.article.text[start:stop]) in type_rules().dateline_not_media:
        return found
    kept = [m for m in found if not (m.start < stop and start < m.end) or m.source == "gazetteer"]
    if len(kept) < len(found) or not any(m.start < stop and start < m.end for m in kept):
        kept.append(mention(annotated, sent, start, stop, "MEDIA", "rule"))
    return sorted(kept, key=lambda m: (m.start, -m.end))
