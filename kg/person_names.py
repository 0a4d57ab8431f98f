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

from kg.nlp.doc import AnnotatedArticle, Sentence, Word
from kg.normalize import match_key
from kg.relation_context import SAYING
from kg.relation_rules import post_words, role_firsts, rule_set
from kg.rules import demonym_index, gazetteer, head_key, type_rules

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
