"""A person's name NER cut short: ``عبد الرزاق | النتشة``.

Compound first names (عبد + one of God's names, أبو + a name) are two words, and NER trained on
ANERcorp often ends the span there, leaving out the family name that follows.  A name that is
nothing but such a compound takes the next word when that word looks like a family name: it has
the article (النتشة، الشمري), follows after one space, is no title, post, nationality, time word
or known actor, and the article names someone by it alone elsewhere, as the subject of a verb of
saying (وقال النتشة، ونفى النتشة).  Without that last test a surname's object was taken in (وأكد
عبد الكافي الدخول في ...).
"""
from __future__ import annotations

from functools import lru_cache

from kg.clitics import leading_clitic
from kg.mentions import mention
from kg.national import country_names
from kg.nlp.doc import AnnotatedArticle, Sentence, Word
from kg.normalize import is_arabic, match_key
from kg.relation_context import SAYING
from kg.relation_rules import post_words, role_firsts, rule_set
from kg.rules import demonym_index, gazetteer, head_key, type_rules
from kg.schema import Mention

COMPOUND_FIRSTS = frozenset(match_key(w) for w in ("عبد", "أبو"))
_SAID: dict[str, frozenset[str]] = {}  # the last article's words after a verb of saying


@lru_cache(maxsize=1)
def _not_family_names() -> frozenset[str]:
    """Keys of one-word actors, nationalities, titles, time words and kind words (الحكومة، الشركة)."""
    types = type_rules()
    demonyms = {word for parts in demonym_index() for word in parts}
    actors = {match_key(a) for e in gazetteer().values() for a in (e.name_ar, *e.aliases) if " " not in a.strip()}
    kinds = {phrase[0] for phrase in (*types.descriptors, *types.institutions)} | {match_key(n) for n in types.government_nouns}
    return frozenset(demonyms | actors | kinds | post_words() | role_firsts() | rule_set().time_words | types.stop_mentions)


def _said(annotated: AnnotatedArticle) -> frozenset[str]:
    """Keys of the words right after a verb of saying in the article (its speakers' surnames)."""
    if annotated.article.id not in _SAID:
        _SAID.clear()
        _SAID[annotated.article.id] = frozenset(
            match_key(b.text) for sent in annotated.sentences for a, b in zip(sent.words, sent.words[1:])
            if match_key(a.text) in SAYING)
    return _SAID[annotated.article.id]


def family_name_end(annotated: AnnotatedArticle, sent: Sentence, words: list[Word], end: int) -> int:
    """The end of a person's name whose ``words`` (NER's, ending at ``end``) are only a compound
    first name, with the family name after it taken in; else ``end``."""
    if len(words) != 2 or match_key(words[0].text) not in COMPOUND_FIRSTS:
        return end
    after = next((w for w in sent.words if w.start >= end), None)
    if after is None or after.start != end + 1 or after.upos in {"VERB", "AUX", "ADP", "PUNCT"}:
        return end
    key = match_key(after.text)
    if not key.startswith("ال") or len(key) < 5 or key in _not_family_names() or head_key(after.text) in _not_family_names():
        return end
    if key not in _said(annotated):
        return end
    return after.end


NASAB_LINKS = frozenset(match_key(w) for w in ("بن", "بنت"))
FAMILY_PREFIX = match_key("آل")


def nasab_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    """``هلال بن خميس الرواحي``، ``فهد بن سعد العتيبي``: a name, بن or بنت, a name (the chain may go
    on), and a nisba or an آل family name after it, is a person's name wherever NER missed it.
    The first name is a word without the article that is no title or kind word."""
    words, out = sent.words, []
    i = 1
    while i < len(words) - 1:
        if match_key(words[i].text) not in NASAB_LINKS or not _given(words[i - 1]):
            i += 1
            continue
        first = i - 1 - (i >= 2 and match_key(words[i - 2].text) in COMPOUND_FIRSTS)
        end = i
        while end + 1 < len(words) and match_key(words[end].text) in NASAB_LINKS and _given(words[end + 1]):
            end += 2 + (end + 2 < len(words) and match_key(words[end + 1].text) in COMPOUND_FIRSTS)
        end = min(end, len(words))
        family = _family(words, end)  # without one, too many towns (بن قردان) and verbs (بنت)
        end += family
        if family and end - first >= 4:
            start = words[first].start + leading_clitic(words[first], set(), person_name=True)
            out.append(mention(annotated, sent, start, words[end - 1].end, "PERSON", "rule"))
        i = max(end, i + 1)
    return out


def _given(word: Word) -> bool:
    key = match_key(word.text)
    return (len(key) >= 2 and key.isalpha() and is_arabic(key) and not key.startswith("ال")
            and key not in _not_family_names() and head_key(word.text) not in _not_family_names())


def _family(words: list[Word], end: int) -> int:
    """Words of a family name after the chain: a nisba (الرواحي) or آل and a name (آل ثاني)."""
    if end >= len(words):
        return 0
    key = match_key(words[end].text)
    if key == FAMILY_PREFIX and end + 1 < len(words):
        return 2
    nisba = key.startswith("ال") and key.endswith("ي") and len(key) >= 5
    return 1 if nisba and key not in _not_family_names() and head_key(words[end].text) not in _not_family_names() else 0


def after_known_names(sent: Sentence, known: list[Mention], ner: list[Mention]) -> list[Mention]:
    """``المدير العام لهيئة أوجيرو سليم عبود``: an NER person whose first words are a known actor
    (the gazetteer's أوجيرو) is the name after it, when two words or more are left."""
    out = []
    for m in ner:
        lead = next((g for g in known if m.type == "PERSON" and g.start <= m.start < g.end < m.end), None)
        rest = [w for w in sent.words if lead is not None and w.start >= lead.end and w.end <= m.end]
        if len(rest) >= 3 and match_key(rest[0].text) in _places():  # أوريدو عمان | سعيد الحارثي
            rest = rest[1:]
        if lead is not None and len(rest) >= 2 and all(is_arabic(w.text) for w in rest):
            m = m.model_copy(update={"start": rest[0].start, "text": m.text[rest[0].start - m.start:]})
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Keys of one-word country and place names (a company's national branch: أوريدو عمان)."""
    places = {match_key(a) for e in gazetteer().values() if e.type == "LOCATION" for a in (e.name_ar, *e.aliases)}
    return frozenset(k for k in places | country_names() if " " not in k)


def given_name_before(annotated: AnnotatedArticle, sent: Sentence, ner: list[Mention]) -> list[Mention]:
    """``وقال المدير العام للهيئة، مصطفى يوسف عيلمي``: a NER person of two words or more right after
    a given name that is nothing else (``given_names``) lost that name; it gets it back."""
    given = type_rules().given_names
    taken = [(m.start, m.end) for m in ner]
    out = []
    for m in ner:
        before = [w for w in sent.words if w.end <= m.start]
        w = before[-1] if before else None
        if (m.type == "PERSON" and len(m.text.split()) >= 2 and w is not None and m.start - w.end == 1
                and match_key(w.text) in given and not any(a < w.end and b > w.start for a, b in taken)):
            m = mention(annotated, sent, w.start, m.end, "PERSON", m.source)
        out.append(m)
    return out

