"""Quoted and glossed names: ``صحيفة "الأنباء الجديدة"``، ``موقعي «صدى الجنوب» و«المرصد اليوم»``،
``لتطبيق توصيل الطعام "طلبات"``، ``«أرامكو الرقمية» (Aramco Digital)``: the quotes or the Latin
gloss mark the whole name, where NER often cuts it short or types it wrong."""
from __future__ import annotations

from kg.clitics import leading_clitic
from kg.institutions import kind_word
from kg.mentions import QUOTES, mention
from kg.nlp.doc import AnnotatedArticle, Sentence, Word
from kg.normalize import is_arabic, match_key, strip_clitic
from kg.rules import head_key, type_rules
from kg.schema import Mention

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




ACRONYM_REACH = 6  # words from a head to the acronym's bracket
FOR = (match_key("من"), match_key("أجل"))  # التحالف الجمهوري من أجل التنمية


def acronym_mentions(annotated: AnnotatedArticle, sent: Sentence, found: list[Mention]) -> list[Mention]:
    """``الحركة الديمقراطية البرتقالية (ODM)``، ``حزب التحالف الجمهوري من أجل التنمية (ARD)``: a head
    word and the definite words after it (joined by ل or من أجل), glossed by a Latin acronym in
    brackets, are a name, whole, of the head's type; mentions inside it give way."""
    words, out = sent.words, list(found)
    for j, w in enumerate(words):
        if w.text != "(" or j < 2 or not _acronym(words, j):
            continue
        head = _acronym_head(words, j)
        if head is None:
            continue
        i, etype = head
        start, end = words[i].start + leading_clitic(words[i], set()), words[j - 1].end  # لصندوق ...
        inside = [m for m in out if m.start < end and m.end > start]
        if any(m.start < start or m.end > end or (m.start, m.end) == (start, end) for m in inside):
            continue
        out = [m for m in out if m not in inside] + [mention(annotated, sent, start, end, etype, "rule")]
    return sorted(out, key=lambda m: (m.start, -m.end))


def _acronym(words: list[Word], j: int) -> bool:
    """``(ODM)``: one Latin word of capitals in brackets."""
    return j + 2 < len(words) and words[j + 2].text == ")" and 2 <= len(words[j + 1].text) <= 8 \
        and words[j + 1].text.isascii() and words[j + 1].text.isupper()


def _acronym_head(words: list[Word], j: int) -> tuple[int, str] | None:
    """``(index, type)`` of the head word the acronym at ``j`` glosses, over definite words (and ل or
    من أجل joining them); None when another word stands between."""
    heads = type_rules().head_words
    for i in range(j - 1, max(-1, j - 1 - ACRONYM_REACH), -1):
        key = strip_clitic(match_key(words[i].text))
        etype = heads.get(head_key(words[i].text))
        if etype is not None and i < j - 1:
            outer = heads.get(head_key(words[i - 1].text)) if i > 0 else None
            i, etype = (i - 1, outer) if outer else (i, etype)  # حزب التحالف ...: the party's head
            return None if match_key(words[i].text).startswith("لل") else (i, etype)  # للهيئة: no substring is the name
        between = key.startswith("ال") or match_key(words[i].text).startswith(("لل", "وال")) or key in FOR
        if not between or not is_arabic(words[i].text):
            return None
    return None
