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

from kg.article_names import article_names
from kg.clitics import alias_first_tokens, leading_clitic
from kg.institutions import dateline_mentions, institution_mentions, kind_word, legislation_mentions
from kg.mentions import NON_NAME_SOURCES, ArticleMentions, mention, merge_mentions
from kg.national import local_governments, national_branches, national_titles
from kg.nlp.doc import AnnotatedArticle, Sentence, Span, Word
from kg.normalize import is_arabic, match_key, simple_tokens, strip_clitic
from kg.person_names import after_known_names, family_name_end, given_name_before, nasab_mentions
from kg.quoted_names import acronym_mentions, glossed_mentions, quoted_mentions
from kg.references import (
    descriptor_mentions,
    link_descriptors,
    minister_fields,
    parenthetical_links,
    surname_mentions,
    title_mentions,
)
from kg.relation_context import PARTICIPLES
from kg.relation_rules import post_words, role_firsts, verb_trigger_firsts
from kg.rules import demonym_index, gazetteer, head_key, type_rules
from kg.schema import Mention
from kg.type_vote import vote_types

# not ك (as, like): it rarely glues to a name and makes words of short ones (كابل = ك + آبل)
FIRST_CLITICS = ("و", "ب", "ل", "ف", "وب", "ول", "فب", "فل")
LATIN_CLITICS = ("و", "ب", "ل", "ول", "وب")
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
            # a Latin name takes an Arabic clitic too (لـG42، وMeta)
            clitics = FIRST_CLITICS if is_arabic(keys[0]) else LATIN_CLITICS
            variants = [keys] + [[c + keys[0], *keys[1:]] for c in clitics]
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
        start += kind_word(sent.words, start, end)  # منصة إكس -> إكس
        first, last = sent.words[start], sent.words[end - 1]
        begin = first.start + _strip_prefix(first)
        found.append(mention(annotated, sent, begin, last.end, entry.type, "gazetteer", entry.id))
    return found


def _strip_prefix(word: Word) -> int:
    """Characters of a leading clitic to skip: the word without it is a gazetteer key token."""
    key = match_key(word.text)
    for clitic in sorted(FIRST_CLITICS, key=len, reverse=True):
        rest = key[len(clitic):]
        if key.startswith(clitic) and len(rest) >= 2 and rest in alias_first_tokens():
            return len(clitic)
    if key.startswith("لل") and "ال" + key[2:] in alias_first_tokens():
        return 2
    return 0


def _word_keys(words: list[Word]) -> list[str]:
    return [head_key(w.text) for w in words]


def _words_in(sent: Sentence, start: int, end: int) -> list[Word]:
    return [w for w in sent.words if w.start >= start and w.end <= end]


def refine_type(ner_type: str, words: list[Word], before: list[Word]) -> str | None:
    """Entity type of a NER span from its own head word, or the word right before it."""
    rules = type_rules()
    base = rules.ner_types.get(ner_type)
    own = rules.head_type(_word_keys(words))
    if base == "PERSON":  # راديو دبنقا، شركة سوداتل: no person is named by a company's or a medium's head
        return base if own not in {"MEDIA", "COMPANY"} else (own if len(words) >= 2 else None)
    if own:
        return own
    if base == "LOCATION":
        return base
    prev = rules.head_type(_word_keys(before[-2:])) or rules.head_type(_word_keys(before[-1:]))
    return prev or base


def _country_after(sent: Sentence, last: Word, etype: str) -> int:
    """``البنك المركزي | المصري``، ``حزب القوات | اللبنانية``: a body NER ends before its country
    adjective takes it."""
    nxt = next((w for w in sent.words if w.start > last.start), None)
    if etype not in {"GOVERNMENT", "PARTY"} or nxt is None or not match_key(last.text).startswith("ال"):
        return last.end
    return nxt.end if (match_key(nxt.text),) in demonym_index() else last.end  # not a surname (الشاذلي العياري)


def _not_name_end(word: Word) -> bool:
    key = match_key(word.text)
    return (key in post_words() or key.startswith("لل")
            or (word.upos == "VERB" and strip_clitic(key) in verb_trigger_firsts()))


NAME_LINKS = frozenset({"بن", "بنت", "ابن", "ابو", "عبد", "ال"})  # as match_key writes them
# متهما بن سالم، نفى بن طاهر: a participle or a verb of saying NER took in is no part of the name
NOT_NAME_STARTS = frozenset(match_key(w) for w in (*PARTICIPLES, "نفى", "نفت", "ونفى", "ونفت", "قال", "وقال", "أكد", "وأكد"))


def _joined_names(sent: Sentence) -> list[Span]:
    """NER's spans, with a person's name it cut in two made whole again: two person spans with only a
    space between (لينا | عطا الله), or a person span ending in بن / أبو before any span (فيصل بن | ثاني آل
    ثاني); not a second person joined by و (مبارك | وحبيب العادلي)."""
    out: list[Span] = []
    for span in sent.ents:
        prev = out[-1] if out else None
        gap = sent.text[prev.end - sent.start:span.start - sent.start] if prev else "x"
        links = prev is not None and prev.type == "PER" and match_key(prev.text.split()[-1]) in NAME_LINKS
        first = match_key(span.text.split()[0]) if span.text.split() else ""
        listed = first.startswith("و") and first not in type_rules().waw_words  # مبارك وحبيب العادلي: two people
        titled = prev is not None and prev.type == "PER" and strip_clitic(match_key(prev.text.split()[0])) in role_firsts()
        if prev is not None and titled and gap.isspace() and span.type == "PER" and len(prev.text.split()) <= 2:
            out[-1] = span  # نقيب الصحفيين | زياد دبار: the title is no person, the name after it is
        elif prev is not None and gap.isspace() and not listed and (links or (prev.type == "PER" and span.type == "PER")):
            text = sent.text[prev.start - sent.start:span.end - sent.start]
            out[-1] = Span(start=prev.start, end=span.end, type="PER", text=text)
        else:
            out.append(span)
    return out


def ner_mentions(annotated: AnnotatedArticle, sent: Sentence, article_keys: set[str]) -> list[Mention]:
    rules = type_rules()
    found = []
    for span in _joined_names(sent):
        words = _words_in(sent, span.start, span.end)
        if not words:
            continue
        before = [w for w in sent.words if w.end <= words[0].start]
        etype = refine_type(span.type, words, before)
        if etype is None:
            continue
        person_name = etype == "PERSON" and len(words) >= 2
        skip = kind_word(words, 0, len(words)) if etype != "PERSON" else 0  # مجلس إدارة جي42 -> جي42
        words = words[skip:]
        # تعيين أحمد علي مديرا، عبد الله للحرمين، وكان سلام يشغل: NER took a post, a complement (لل...)
        # or the verb after the name into it
        while person_name and len(words) > 1 and _not_name_end(words[-1]):
            words = words[:-1]
        while person_name and len(words) > 1 and match_key(words[0].text) in NOT_NAME_STARTS:
            words = words[1:]
        start = words[0].start + leading_clitic(words[0], article_keys, person_name)
        end = _country_after(sent, words[-1], etype)
        end = family_name_end(annotated, sent, words, end) if etype == "PERSON" else end
        text = annotated.article.text[start:end]
        key = match_key(text)
        if len(key) < 2 or key in rules.stop_mentions or not any(ch.isalpha() for ch in key):
            continue
        if etype == "PERSON" and key in rules.construct_nouns and _construct_next(sent, words[-1]):
            continue
        if etype != "PERSON" and _described_apposition(sent, words, rules.stop_mentions):
            continue
        found.append(mention(annotated, sent, start, end, etype, "ner"))
    return found


def _described_apposition(sent: Sentence, words: list[Word], stops: frozenset[str]) -> bool:
    """``X، الشركة الاستثمارية المملوكة لـ``: after a comma, definite words that open with a generic
    head describe X; they name nothing."""
    before = [w for w in sent.words if w.end <= words[0].start]
    return (bool(before) and before[-1].text in {"،", ","} and match_key(words[0].text) in stops
            and all(w.text.startswith("ال") for w in words))


def _construct_next(sent: Sentence, last: Word) -> bool:
    """A definite word or a body's head word (مالك القناة، مالك موقع «...») follows."""
    nxt = next((w for w in sent.words if w.start >= last.end), None)
    return nxt is not None and (nxt.text.startswith("ال") or head_key(nxt.text) in type_rules().head_words)


def _after_head(m: Mention, text: str, bodies: list[Mention]) -> bool:
    """NER cut the one-word head off a government body's name (هيئة | تنظيم الاتصالات): the rule's
    whole name stands (not where the rule's name runs on past NER's, into a person's name)."""
    return any(b.type == "GOVERNMENT" and b.start < m.start and m.end == b.end and " " not in text[b.start:m.start].strip()
               for b in bodies)


def find_mentions(annotated: AnnotatedArticle) -> ArticleMentions:
    """All typed mentions of an article, in text order, and the alias links between them."""
    article_keys = {key for s in annotated.sentences for key in s.raw_keys}
    per_sentence = []
    for sent in annotated.sentences:
        gaz = gazetteer_mentions(annotated, sent)
        ner = given_name_before(annotated, sent, after_known_names(sent, gaz, ner_mentions(annotated, sent, article_keys)))
        bodies = institution_mentions(annotated, sent)
        ner = [m for m in ner if not _after_head(m, annotated.article.text, bodies)]
        found = merge_mentions(merge_mentions(gaz, quoted_mentions(annotated, sent)), ner)
        found = merge_mentions(found, legislation_mentions(annotated, sent))
        found = glossed_mentions(annotated, sent, merge_mentions(found, bodies))
        found = acronym_mentions(annotated, sent, found)
        found = merge_mentions(found, nasab_mentions(annotated, sent))
        per_sentence.append(national_branches(annotated, dateline_mentions(annotated, sent, found)))
    per_sentence = vote_types(annotated.sentences, article_names(annotated, per_sentence))
    surnames = {match_key(m.text).split()[-1] for ms in per_sentence for m in ms
                if m.type == "PERSON" and len(m.text.split()) >= 2 and len(match_key(m.text).split()[-1]) >= 3}
    surnames -= type_rules().stop_mentions
    out = ArticleMentions()
    for sent, found in zip(annotated.sentences, per_sentence):
        # NER sometimes types a bare surname as an organisation (ماسك): it is the person
        found = [m.model_copy(update={"type": "PERSON"}) if m.source == "ner" and match_key(m.text) in surnames else m
                 for m in found]
        found = merge_mentions(local_governments(annotated, sent, found), surname_mentions(annotated, sent, surnames))
        found = merge_mentions(found, descriptor_mentions(annotated, sent))
        new, links = parenthetical_links(annotated, sent, found, len(out.mentions))
        # implied governments may overlap a place name (المملكة المتحدة): they are kept beside it
        out.mentions.extend(found + new + title_mentions(annotated, sent))
        out.links.extend(links)
    return national_titles(annotated, minister_fields(annotated, link_descriptors(out, annotated.article.text)))


__all__ = ["NON_NAME_SOURCES", "ArticleMentions", "find_mentions", "merge_mentions"]
