"""Stage 3a: typed entity mentions from NER spans, the gazetteer and type rules.

The gazetteer runs as a spaCy PhraseMatcher over a Doc of the matching keys of Stanza's words
(Stanza's character offsets are kept: spaCy only sees the key list), and every alias is also
added with a leading clitic (و، ب، ل ...), so ``لبايت دانس`` matches ``بايت دانس`` and the
mention starts after the clitic.  Sentences with no word that can start an alias skip spaCy.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

from kg.mentions import NON_NAME_SOURCES, QUOTES, ArticleMentions, mention, merge_mentions
from kg.nlp.doc import AnnotatedArticle, Sentence, Word
from kg.normalize import is_arabic, match_key, simple_tokens, strip_clitic
from kg.references import (
    descriptor_mentions,
    link_descriptors,
    parenthetical_links,
    surname_mentions,
    title_mentions,
)
from kg.rules import gazetteer, head_key, type_rules
from kg.schema import Mention

FIRST_CLITICS = ("و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "فل", "وك")
PUNCT_UPOS = {"PUNCT", "SYM"}
NASAB = {"بن", "بنت", "ابن", "ابو", "ال"}
_OTHER = "<other>"  # never a matching key: match_key drops < and >


def _import_spacy() -> Any:
    """spaCy, without torch when no one has loaded it: thinc imports torch if it can (~3 s of CPU
    in the main process of every parallel build, whose workers need the cores), and the
    PhraseMatcher uses none of spaCy's neural parts."""
    if "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` fails: thinc goes on without it
    try:
        import spacy
    finally:
        del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=1)
def _matcher() -> tuple[Any, Any, frozenset[str], frozenset[str]]:
    """spaCy's matcher over every alias variant, the words a variant can start with, and every
    word of a variant."""
    spacy = _import_spacy()
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("xx")
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")  # the Doc's words are already matching keys
    starts: set[str] = set()
    words: set[str] = set()
    for entry in gazetteer().values():
        patterns = []
        for alias in {entry.name_ar, entry.name_en, *entry.aliases}:
            keys = [match_key(t) for t in simple_tokens(alias)]
            variants = [keys] + [[c + keys[0], *keys[1:]] for c in FIRST_CLITICS if is_arabic(keys[0])]
            if keys[0].startswith("ال"):
                variants.append(["لل" + keys[0][2:], *keys[1:]])
            patterns += [_pattern_doc(nlp, v) for v in variants if all(v)]
            starts.update(v[0] for v in variants if all(v))
            words.update(w for v in variants if all(v) for w in v)
        matcher.add(entry.id, patterns)
    return nlp, matcher, frozenset(starts), frozenset(words)


def _pattern_doc(nlp: Any, keys: list[str]) -> Any:
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=keys)


def gazetteer_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    nlp, matcher, starts, words = _matcher()  # first: it imports spaCy without torch
    from spacy.tokens import Doc
    from spacy.util import filter_spans

    keys = sent.raw_keys
    if not any(key in starts for key in keys):
        return []  # many sentences name nothing in the gazetteer: building a Doc would cost more
    # a word of no alias matches nothing: one stand-in for all of them keeps spaCy's vocabulary
    # (a lexeme per new word, costly to make) from growing with the corpus
    doc = Doc(nlp.vocab, words=[key if key in words else _OTHER for key in keys])
    found = []
    matches = matcher(doc)
    spans = filter_spans([doc[start:end] for _, start, end in matches])  # longest wins
    ids = {(start, end): match_id for match_id, start, end in matches}
    for span in spans:
        match_id, start, end = ids[(span.start, span.end)], span.start, span.end
        if start > 0 and match_key(sent.words[start - 1].text) in NASAB:
            continue  # "محمد بن سلمان بن عبد العزيز": a famous name inside a longer one
        entry = gazetteer()[nlp.vocab.strings[match_id]]
        if entry.type == "PERSON":  # "محمد بن سلمان بن عبد العزيز": the whole chain is the person
            while end + 1 < len(sent.words) and match_key(sent.words[end].text) in {"بن", "بنت"}:
                end += 3 if end + 2 < len(sent.words) and match_key(sent.words[end + 1].text) == "عبد" else 2
                end = min(end, len(sent.words))
        first, last = sent.words[start], sent.words[end - 1]
        begin = first.start + _strip_prefix(first)
        found.append(mention(annotated, sent, begin, last.end, entry.type, "gazetteer", entry.id))
    return found


def _strip_prefix(word: Word) -> int:
    """Characters of a leading clitic to skip: the word without it is a gazetteer key token."""
    key = match_key(word.text)
    for clitic in sorted(FIRST_CLITICS, key=len, reverse=True):
        rest = key[len(clitic):]
        if key.startswith(clitic) and len(rest) >= 2 and rest in _alias_tokens():
            return len(clitic)
    if key.startswith("لل") and "ال" + key[2:] in _alias_tokens():
        return 2
    return 0


@lru_cache(maxsize=1)
def _alias_tokens() -> frozenset[str]:
    keys: set[str] = set()
    for entry in gazetteer().values():
        for alias in (entry.name_ar, *entry.aliases):
            keys.update(match_key(t) for t in simple_tokens(alias)[:1])
    return frozenset(keys)


def _word_keys(words: list[Word]) -> list[str]:
    return [head_key(w.text) for w in words]


def _words_in(sent: Sentence, start: int, end: int) -> list[Word]:
    return [w for w in sent.words if w.start >= start and w.end <= end]


def _leading_clitic(word: Word, article_keys: set[str], person_name: bool = False) -> int:
    """Characters of a proclitic glued to a name's first word (وتيك، لبايت، والحكومة).

    ``person_name``: the word opens a person's name of two words or more, where a leading و is
    "and" (وديفيد تريسمان) unless the name itself begins with it (وليد، وائل، ويليام)."""
    key = match_key(word.text)
    for clitic in ("وال", "بال", "فال", "كال"):
        # كاليفورنيا، فالنسيا: ك and ف glue to the article rarely, to foreign names often
        if not key.startswith(clitic) or len(key) <= len(clitic) + 2:
            continue
        article_form = "ال" + key[len(clitic):]
        if clitic in ("وال", "بال") or article_form in article_keys or article_form in _alias_tokens():
            return len(clitic) - 2  # keep the article: والحكومة -> الحكومة
    if (person_name and key.startswith("و") and len(key) >= 4 and key[1] not in "اوي"
            and key not in type_rules().waw_words):
        return 1
    stripped = strip_clitic(key)
    heads = type_rules().institution_words
    if stripped != key and not stripped.startswith("ال") and stripped in heads and key not in heads:
        return len(key) - len(stripped)  # لسفارة، لاتحاد: a preposition before an institution's head word
    # names often begin with these letters (ليون، بيتر، وليد): strip only when the bare form
    # is itself a word of the article or of a known name
    if stripped != key and not stripped.startswith("ال") and (stripped in article_keys or stripped in _alias_tokens()):
        return len(key) - len(stripped)
    return 0


def refine_type(ner_type: str, words: list[Word], before: list[Word]) -> str | None:
    """Entity type of a NER span from its own head word, or the word right before it."""
    rules = type_rules()
    base = rules.ner_types.get(ner_type)
    if base == "PERSON":
        return base
    own = rules.head_type(_word_keys(words))
    if own:
        return own
    if base == "LOCATION":
        return base
    prev = rules.head_type(_word_keys(before[-2:])) or rules.head_type(_word_keys(before[-1:]))
    return prev or base


def ner_mentions(annotated: AnnotatedArticle, sent: Sentence, article_keys: set[str]) -> list[Mention]:
    rules = type_rules()
    found = []
    for span in sent.ents:
        words = _words_in(sent, span.start, span.end)
        if not words:
            continue
        before = [w for w in sent.words if w.end <= words[0].start]
        etype = refine_type(span.type, words, before)
        if etype is None:
            continue
        person_name = etype == "PERSON" and len(words) >= 2
        start = words[0].start + _leading_clitic(words[0], article_keys, person_name)
        text = annotated.article.text[start:span.end]
        key = match_key(text)
        if len(key) < 2 or key in rules.stop_mentions or not any(ch.isalpha() for ch in key):
            continue
        found.append(mention(annotated, sent, start, span.end, etype, "ner"))
    return found


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
            start = word.start + _leading_clitic(word, set())
            found.append(mention(annotated, sent, start, words[j - 1].end, "LEGISLATION", "rule"))
    return found


NAME_UPOS = {"NOUN", "ADJ", "PROPN", "X"}


def _name_word(word: Word, not_first: bool, after_definite: bool) -> bool:
    """A word that can continue an institution's name: a noun, a proper noun or a nisba adjective,
    and not where a new phrase starts: a time word (مساء الجمعة), a prepositional phrase
    (بالشراكة، بإجماع) or a noun after a definite word (مجلس نواب الشعب | السلطات)."""
    key = match_key(word.text)
    if word.upos not in NAME_UPOS or key in type_rules().institution_stops or not QUOTES.isdisjoint(word.text):
        return False  # ل"جوهرة: a quote opens another name
    if not_first and key.startswith("و") and word.upos == "NOUN":
        return False
    nisba = key.endswith(("ي", "يه"))
    if not_first and word.upos in {"NOUN", "ADJ"} and key.startswith("ب") and strip_clitic(key) != key:
        return False
    if after_definite and word.upos == "NOUN" and not nisba and not key.startswith("ل") and is_arabic(key):
        return False  # only adjectives and prepositional complements (للشغل) follow a definite noun
    return word.upos != "ADJ" or nisba


def _definite(word: Word) -> bool:
    """A word with the article (الشعب): the end of a genitive chain (مجلس نواب الشعب).  Proper nouns
    end one too, but the tagger calls many common nouns in names proper (جمعية منتدى الشباب)."""
    return strip_clitic(match_key(word.text)).startswith("ال")


def institution_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    """``وزارة الاتصالات والتقنية``، ``شركة أرامكو``: a head word and the name after it."""
    rules = type_rules()
    words = sent.words
    found = []
    for i, size, etype in rules.institution_heads([w.text for w in words]):
        j, definite = i + size, False
        while j < len(words) and j - i - size < rules.institution_max and _name_word(words[j], j > i + size, definite):
            # a prepositional complement (لتمويل القروض) opens a genitive chain of its own
            definite = not match_key(words[j].text).startswith("ل") and (definite or _definite(words[j]))
            j += 1
        name = words[i + size:j]
        standalone = size >= 2 and not name  # مجلس الوزراء names the body by itself
        if not standalone and (not name or (etype != "GOVERNMENT" and not any(w.upos in {"PROPN", "X"} for w in name))):
            continue
        start = words[i].start + _leading_clitic(words[i], set())
        found.append(mention(annotated, sent, start, words[j - 1].end, etype, "rule"))
    return found


def find_mentions(annotated: AnnotatedArticle) -> ArticleMentions:
    """All typed mentions of an article, in text order, and the alias links between them."""
    article_keys = {key for s in annotated.sentences for key in s.raw_keys}
    per_sentence = []
    for sent in annotated.sentences:
        gaz = gazetteer_mentions(annotated, sent)
        found = merge_mentions(gaz, ner_mentions(annotated, sent, article_keys))
        found = merge_mentions(found, legislation_mentions(annotated, sent))
        per_sentence.append(merge_mentions(found, institution_mentions(annotated, sent)))
    surnames = {match_key(m.text).split()[-1] for ms in per_sentence for m in ms
                if m.type == "PERSON" and len(m.text.split()) >= 2 and len(match_key(m.text).split()[-1]) >= 3}
    surnames -= type_rules().stop_mentions
    out = ArticleMentions()
    for sent, found in zip(annotated.sentences, per_sentence):
        # NER sometimes types a bare surname as an organisation (ماسك): it is the person
        found = [m.model_copy(update={"type": "PERSON"}) if m.source == "ner" and match_key(m.text) in surnames else m
                 for m in found]
        found = merge_mentions(found, surname_mentions(annotated, sent, surnames))
        found = merge_mentions(found, descriptor_mentions(annotated, sent))
        new, links = parenthetical_links(annotated, sent, found, len(out.mentions))
        # implied governments may overlap a place name (المملكة المتحدة): they are kept beside it
        out.mentions.extend(found + new + title_mentions(annotated, sent))
        out.links.extend(links)
    return link_descriptors(out)


__all__ = ["NON_NAME_SOURCES", "ArticleMentions", "find_mentions", "merge_mentions"]
