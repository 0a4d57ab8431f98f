"""Names NER misses, found by rule: institutions (وزارة الاتصالات، هيئة المنافسة والأسواق) and
legislation (قانون السلامة على الإنترنت): a head word and the noun phrase after it; and the source
named in a dateline.  Quoted and glossed names are in kg/quoted_names.py."""
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
