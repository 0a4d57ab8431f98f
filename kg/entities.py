"""Stage 3a: typed entity mentions from NER spans, the gazetteer and type rules.

The gazetteer runs as a spaCy PhraseMatcher over a Doc built from Stanza's words (Stanza's
character offsets are kept: spaCy only sees the word list).  Token NORMs are our matching keys,
and every alias is also added with a leading clitic (و، ب، ل ...), so ``لبايت دانس`` matches
``بايت دانس`` and the mention starts after the clitic.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kg.nlp.doc import AnnotatedArticle, Sentence, Word
from kg.normalize import is_arabic, match_key, simple_tokens, strip_clitic
from kg.relation_rules import match_phrase, rule_set, word_key
from kg.rules import demonym_index, gazetteer, head_key, type_rules
from kg.schema import Mention

# Mentions that point at an actor without naming it: never aliases, never name keys.
NON_NAME_SOURCES = frozenset({"descriptor", "implied"})
FIRST_CLITICS = ("و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "فل", "وك")
PUNCT_UPOS = {"PUNCT", "SYM"}
QUOTES = set("\"'«»“”‘’")


@dataclass
class ArticleMentions:
    """Mentions of one article plus alias links found in the text (``"ريديت" (Reddit)``)."""

    mentions: list[Mention] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _matcher() -> tuple[Any, Any]:
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("xx")
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    for entry in gazetteer().values():
        patterns = []
        for alias in {entry.name_ar, entry.name_en, *entry.aliases}:
            keys = [match_key(t) for t in simple_tokens(alias)]
            variants = [keys] + [[c + keys[0], *keys[1:]] for c in FIRST_CLITICS if is_arabic(keys[0])]
            if keys[0].startswith("ال"):
                variants.append(["لل" + keys[0][2:], *keys[1:]])
            patterns += [_pattern_doc(nlp, v) for v in variants if all(v)]
        matcher.add(entry.id, patterns)
    return nlp, matcher


def _pattern_doc(nlp: Any, keys: list[str]) -> Any:
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=keys)
    for tok, key in zip(doc, keys):
        tok.norm_ = key
    return doc


def _sentence_doc(nlp: Any, sent: Sentence) -> Any:
    from spacy.tokens import Doc

    words = sent.words
    spaces = [i + 1 < len(words) and words[i + 1].start > w.end for i, w in enumerate(words)]
    doc = Doc(nlp.vocab, words=[w.text for w in words], spaces=spaces)
    for tok, word in zip(doc, words):
        tok.norm_ = match_key(word.text) or word.text
    return doc


def gazetteer_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    from spacy.util import filter_spans

    nlp, matcher = _matcher()
    doc = _sentence_doc(nlp, sent)
    found = []
    spans = filter_spans([doc[start:end] for _, start, end in matcher(doc)])  # longest wins
    ids = {(start, end): match_id for match_id, start, end in matcher(doc)}
    for span in spans:
        match_id, start, end = ids[(span.start, span.end)], span.start, span.end
        entry = gazetteer()[nlp.vocab.strings[match_id]]
        first, last = sent.words[start], sent.words[end - 1]
        begin = first.start + _strip_prefix(first)
        found.append(_mention(annotated, sent, begin, last.end, entry.type, "gazetteer", entry.id))
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


def _mention(annotated: AnnotatedArticle, sent: Sentence, start: int, end: int, etype: str,
             source: str, key: str | None = None) -> Mention:
    text = annotated.article.text[start:end]
    return Mention(article=annotated.article.id, sentence=sent.index, start=start, end=end,
                   text=text, type=etype, source=source, key=key)


def _word_keys(words: list[Word]) -> list[str]:
    return [head_key(w.text) for w in words]


def _words_in(sent: Sentence, start: int, end: int) -> list[Word]:
    return [w for w in sent.words if w.start >= start and w.end <= end]


def _leading_clitic(word: Word, article_keys: set[str]) -> int:
    """Characters of a proclitic glued to a name's first word (وتيك، لبايت، والحكومة)."""
    key = match_key(word.text)
    for clitic in ("وال", "بال", "فال", "كال"):
        if key.startswith(clitic) and len(key) > len(clitic) + 2:
            return len(clitic) - 2  # keep the article: والحكومة -> الحكومة
    stripped = strip_clitic(key)
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
        start = words[0].start + _leading_clitic(words[0], article_keys)
        text = annotated.article.text[start:span.end]
        key = match_key(text)
        if len(key) < 2 or key in rules.stop_mentions or not any(ch.isalpha() for ch in key):
            continue
        found.append(_mention(annotated, sent, start, span.end, etype, "ner"))
    return found


def legislation_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    """``قانون السلامة على الإنترنت``: a trigger noun and the noun phrase after it."""
    leg = type_rules().legislation
    found = []
    words = sent.words
    for i, word in enumerate(words):
        if strip_clitic(match_key(word.text)) not in leg["triggers"]:
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
            found.append(_mention(annotated, sent, start, words[j - 1].end, "LEGISLATION", "rule"))
    return found


NAME_UPOS = {"NOUN", "ADJ", "PROPN", "X"}


def _name_word(word: Word, not_first: bool) -> bool:
    """A word that can continue an institution's name: a noun, a proper noun or a nisba adjective."""
    key = match_key(word.text)
    if word.upos not in NAME_UPOS or (not_first and key.startswith("و") and word.upos == "NOUN"):
        return False
    return word.upos != "ADJ" or key.endswith(("ي", "يه"))


def institution_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    """``وزارة الاتصالات والتقنية``، ``شركة أرامكو``: a head word and the name after it."""
    rules = type_rules()
    words = sent.words
    keys = [head_key(w.text) for w in words]
    found = []
    for i in range(len(words)):
        for size in (3, 2, 1):
            etype = rules.institutions.get(tuple(keys[i:i + size]))
            if etype and len(keys[i:i + size]) == size:
                break
        else:
            continue
        if strip_clitic(match_key(words[i].text)).startswith("ال"):
            continue  # "الحزب"، "الشركة": a reference, not the start of a name (حزب العمال)
        j = i + size
        while j < len(words) and j - i - size < rules.institution_max and _name_word(words[j], j > i + size):
            j += 1
        name = words[i + size:j]
        standalone = size >= 2 and not name  # مجلس الوزراء names the body by itself
        if not standalone and (not name or (etype != "GOVERNMENT" and not any(w.upos in {"PROPN", "X"} for w in name))):
            continue
        start = words[i].start + _leading_clitic(words[i], set())
        found.append(_mention(annotated, sent, start, words[j - 1].end, etype, "rule"))
    return found


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def merge_mentions(preferred: list[Mention], others: list[Mention]) -> list[Mention]:
    """Keep every preferred mention; add the others that do not overlap a kept one.

    A place inside a longer name (the US in "the Chinese embassy in the US") stays as well.
    """
    kept = list(preferred)
    for m in others:
        clash = [k for k in kept if _overlaps(k, m)]
        if all(k.type == "LOCATION" and k.start >= m.start and k.end <= m.end and k.end - k.start < m.end - m.start
               for k in clash):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, -m.end))


def parenthetical_links(annotated: AnnotatedArticle, sent: Sentence, mentions: list[Mention],
                        offset: int) -> tuple[list[Mention], list[tuple[int, int, str]]]:
    """``"ريديت" (Reddit)``: a Latin name in brackets right after a mention is the same actor."""
    words = sent.words
    new: list[Mention] = []
    links: list[tuple[int, int, str]] = []
    for n, m in enumerate(mentions):
        idx = next((i for i, w in enumerate(words) if w.start >= m.end), None)
        while idx is not None and idx < len(words) and words[idx].text in QUOTES:
            idx += 1
        if idx is None or idx >= len(words) or words[idx].text != "(":
            continue
        close = next((k for k in range(idx + 1, min(idx + 6, len(words))) if words[k].text == ")"), None)
        if close is None or close == idx + 1:
            continue
        inner = words[idx + 1:close]
        text = annotated.article.text[inner[0].start:inner[-1].end]
        if is_arabic(text) or not any(ch.isalpha() for ch in text):
            continue
        existing = next((k for k, o in enumerate(mentions) if o.start == inner[0].start), None)
        if existing is None:
            new.append(_mention(annotated, sent, inner[0].start, inner[-1].end, m.type, "rule", m.key))
            existing = offset + len(mentions) + len(new) - 1 - offset
        links.append((offset + n, offset + existing, "parenthetical"))
    return new, links


def surname_mentions(annotated: AnnotatedArticle, sent: Sentence, surnames: set[str]) -> list[Mention]:
    """A bare surname (ماسك، باخرست) of a person named in full elsewhere in the article."""
    found = []
    for w in sent.words:
        key = match_key(w.text)
        bare = strip_clitic(key)
        if key in surnames or bare in surnames:
            start = w.start + (len(key) - len(bare) if key not in surnames else 0)
            found.append(_mention(annotated, sent, start, w.end, "PERSON", "partial"))
    return found


def descriptor_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    """Definite descriptions (الجهة التنظيمية، الشركة) that may stand for a named actor."""
    phrases = type_rules().descriptors
    keys = [match_key(w.text) for w in sent.words]
    found, i = [], 0
    while i < len(keys):
        for phrase, etype in sorted(phrases.items(), key=lambda p: -len(p[0])):
            n = len(phrase)
            window = keys[i:i + n]
            if len(window) == n and (window == list(phrase) or [strip_clitic(window[0]), *window[1:]] == list(phrase)):
                found.append(_mention(annotated, sent, sent.words[i].start, sent.words[i + n - 1].end, etype, "descriptor"))
                i += n - 1
                break
        i += 1
    return found


def title_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    """The government implied by a title: "رئيس الوزراء البريطاني" -> the UK government."""
    rules, demonyms = rule_set(), demonym_index()
    keys = [word_key(w.text) for w in sent.words]
    raw = [match_key(w.text) for w in sent.words]
    found = []
    for i in range(len(keys)):
        n = max((match_phrase(keys, raw, i, t) for t in rules.titles), default=0)
        if not n or (i + n < len(raw) and raw[i + n] in rules.title_not_after):
            continue
        for j in range(i + n, min(len(raw), i + n + rules.title_max_between + 1)):
            for size in (2, 1):
                gov = demonyms.get(tuple(raw[j:j + size])) or demonyms.get(tuple(keys[j:j + size]))
                if gov and len(raw[j:j + size]) == size:
                    words = sent.words[j:j + size]
                    found.append(_mention(annotated, sent, words[0].start, words[-1].end, "GOVERNMENT", "implied", gov))
                    break
            else:
                continue
            break
    return found


def _antecedent(mentions: list[Mention], k: int) -> int | None:
    """Nearest earlier named mention of the descriptor's type, else the next within 2 sentences."""
    d = mentions[k]
    named = [n for n, m in enumerate(mentions) if m.source not in NON_NAME_SOURCES and m.type == d.type]
    earlier = [n for n in named if mentions[n].start < d.start]
    if earlier:
        return earlier[-1]
    later = [n for n in named if mentions[n].start > d.start and mentions[n].sentence - d.sentence <= 2]
    return later[0] if later else None


def link_descriptors(out: ArticleMentions) -> ArticleMentions:
    """Keep descriptors that have an antecedent, linked to it; drop the others."""
    mentions, links = out.mentions, list(out.links)
    keep = []
    for k, m in enumerate(mentions):
        if m.source != "descriptor":
            keep.append(k)
        elif (ante := _antecedent(mentions, k)) is not None:
            keep.append(k)
            links.append((ante, k, "descriptor"))
    new_index = {old: new for new, old in enumerate(keep)}
    return ArticleMentions([mentions[k] for k in keep],
                           [(new_index[a], new_index[b], why) for a, b, why in links if a in new_index and b in new_index])


def find_mentions(annotated: AnnotatedArticle) -> ArticleMentions:
    """All typed mentions of an article, in text order, and the alias links between them."""
    article_keys = {match_key(w.text) for s in annotated.sentences for w in s.words}
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
