"""The article's own government, for references that name none.

Local news names its own state without a country word: الحكومة، وزير الاتصال محمد المومني، رئيس
الوزراء جعفر حسان (عمّان - بترا).  Such a reference is the one national government the article names
or implies by a title, else the government of the capital in its dateline.
"""
from __future__ import annotations

from functools import lru_cache

from kg.institutions import DATELINE_MARKS, DATELINE_SENTENCES
from kg.mentions import ArticleMentions, mention, merge_mentions
from kg.nlp.doc import AnnotatedArticle, Sentence
from kg.normalize import match_key
from kg.relation_rules import longest_match, rule_set, start_positions
from kg.rules import dateline_index, demonym_index, gazetteer, head_key
from kg.schema import Mention

GOVERNMENT_WORD = head_key("الحكومة")


def one_government(mentions: list[Mention]) -> list[int]:
    """Mentions of the article's national government when it names exactly one (a gazetteer
    government with a country word, named or implied by a title)."""
    gaz = gazetteer()
    found = [k for k, m in enumerate(mentions) if m.type == "GOVERNMENT" and m.key in gaz and gaz[m.key].demonyms]
    return found if len({mentions[k].key for k in found}) == 1 else []


def national_government(mentions: list[Mention], text: str, named: bool = True) -> str | None:
    """The gazetteer id of the article's own government: the one national government it names or
    implies by a title (unless not ``named``), else the government of the capital in its dateline
    (القاهرة - أ ش أ)."""
    one = one_government(mentions) if named else []
    if one:
        return mentions[one[0]].key
    for m in mentions:
        if m.sentence >= DATELINE_SENTENCES:
            break
        # a dateline is a place at a line's start and a mark after it (سيول - يونهاب), not a
        # headline that begins with a capital (طوكيو تحث ...)
        if (m.type == "LOCATION" and (m.start == 0 or text[m.start - 1] == "\n")
                and text[m.end:m.end + 3].strip()[:1] in DATELINE_MARKS):
            return dateline_index().get(match_key(m.text))
    return None


def national_titles(annotated: AnnotatedArticle, out: ArticleMentions) -> ArticleMentions:
    """``رئيس الوزراء جعفر حسان`` with no country word: the title implies the article's own government,
    as رئيس الوزراء الأردني implies Jordan's (a mention over the title's last word, for the title rule)."""
    phrases = rule_set().national_titles
    # only the dateline's: a title without a country in a report on another state (a foreign prime
    # minister in a story naming one government) is too often someone else's
    nation = national_government(out.mentions, annotated.article.text, named=False) if phrases else None
    if nation is None:
        return out
    demonyms, reach = demonym_index(), rule_set().title_max_between + 1
    implied = {(m.sentence, m.start) for m in out.mentions if m.source == "implied"}
    mentions = list(out.mentions)
    for sent in annotated.sentences:
        keys, raw = sent.word_keys, sent.raw_keys
        for i in start_positions(keys, raw, phrases):
            n = longest_match(keys, raw, i, phrases)
            after = range(i + n, min(len(raw), i + n + reach))
            if not n or any((raw[j],) in demonyms or tuple(raw[j:j + 2]) in demonyms for j in after):
                continue  # رئيس الوزراء الأردني: the title names its country (references.title_mentions)
            if any((sent.index, w.start) in implied for w in sent.words[i:i + n + reach]):
                continue
            last = sent.words[i + n - 1]
            mentions.append(mention(annotated, sent, last.start, last.end, "GOVERNMENT", "implied", nation))
    return ArticleMentions(mentions, out.links)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Keys of country names (تونس، الأردن، المملكة المتحدة), not their adjectives (التونسية)."""
    # an adjective is definite and ends in ي / ية (التونسية); a country may end so without the
    # article (جيبوتي، سوريا، كوريا الجنوبية)
    return frozenset(" ".join(d) for d in demonym_index() if not (d[0].startswith("ال") and d[-1].endswith(("ي", "يه"))))


GOVERNMENT_HEAD = match_key("حكومة")


def local_governments(annotated: AnnotatedArticle, sent: Sentence, found: list[Mention]) -> list[Mention]:
    """``حكومة أبوظبي``، ``لحكومة دبي``: the government of a place that is no country (an emirate, a
    region) is a body of its own; a country's (حكومة لبنان) is left to the national government."""
    new = []
    for m in found:
        if m.type != "LOCATION":
            continue
        i = next((i for i, w in enumerate(sent.words) if w.start == m.start), None)
        if not i or sent.word_keys[i - 1] != GOVERNMENT_HEAD or match_key(m.text) in country_names():
            continue
        head = sent.words[i - 1]
        start = head.start + len(sent.raw_keys[i - 1]) - len(sent.word_keys[i - 1])
        new.append(mention(annotated, sent, start, m.end, "GOVERNMENT", "rule"))
    return merge_mentions(new, found) if new else found


def national_branches(annotated: AnnotatedArticle, found: list[Mention]) -> list[Mention]:
    """``أوريدو تونس``، ``زين الأردن``: a company's name with a country right after it is the
    company's national branch, a company of its own; ``ليبيا تيليكوم``، ``جيبوتي تيليكوم``: a country
    that opens a company's name is part of it, no place of its own."""
    out: list[Mention] = []
    text = annotated.article.text
    for m in found:
        prev = out[-1] if out else None
        country = m.type == "LOCATION" and match_key(m.text) in country_names()
        if prev is not None and prev.type == "COMPANY" and country and text[prev.end:m.start].isspace():
            out[-1] = prev.model_copy(update={"end": m.end, "text": text[prev.start:m.end], "source": "rule", "key": None})
        elif prev is not None and prev.type == "COMPANY" and country and prev.start == m.start and m.end < prev.end:
            continue  # جيبوتي تيليكوم found whole: its first word is no place
        elif (prev is not None and m.type == "COMPANY" and m.source == "ner" and prev.type == "LOCATION"
              and match_key(prev.text) in country_names() and text[prev.end:m.start] == " "):
            out[-1] = m.model_copy(update={"start": prev.start, "text": text[prev.start:m.end], "source": "rule"})
        else:
            out.append(m)
    return out
