"""Mentions that refer to an actor named elsewhere in the article.

A bare surname (ماسك) of a person named in full, a definite description (الجهة التنظيمية) of a
named body, the government implied by a title (رئيس الوزراء البريطاني), and a Latin name in
brackets after its Arabic form (``"ريديت" (Reddit)``).
"""
from __future__ import annotations

from functools import lru_cache

from kg.mentions import NON_NAME_SOURCES, QUOTES, ArticleMentions, mention
from kg.national import GOVERNMENT_WORD, national_government, one_government
from kg.nlp.doc import AnnotatedArticle, Sentence
from kg.normalize import is_arabic, match_key, strip_marks
from kg.relation_rules import longest_match, rule_set, start_positions
from kg.rules import demonym_index, head_key, type_rules
from kg.schema import Mention


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
        if existing is not None and mentions[existing].end < inner[-1].end and len(m.text.split()) >= len(inner):
            if mentions[existing].type != "LOCATION" or m.type == "LOCATION":
                continue  # فودافون قطر (Vodafone Qatar): the gazetteer's Vodafone in the gloss is the parent
            existing = None  # جيبوتي تيليكوم (Djibouti Telecom): the gloss is the company's, whole
        if existing is None:
            new.append(mention(annotated, sent, inner[0].start, inner[-1].end, m.type, "rule", m.key))
            existing = offset + len(mentions) + len(new) - 1 - offset
        links.append((offset + n, offset + existing, "parenthetical"))
    return new, links


def surname_mentions(annotated: AnnotatedArticle, sent: Sentence, surnames: set[str]) -> list[Mention]:
    """A bare surname (ماسك، باخرست) of a person named in full elsewhere in the article."""
    found = []
    not_names = type_rules().not_surnames
    for w, key, bare in zip(sent.words, sent.raw_keys, sent.word_keys):
        if key not in surnames and bare not in surnames:
            continue
        clitic = len(key) - len(bare) if key not in surnames else 0
        if strip_marks(w.text)[clitic:] not in not_names:  # وعلى is "and on", not Ali
            start = w.start + clitic
            found.append(mention(annotated, sent, start, w.end, "PERSON", "partial"))
    return found


@lru_cache(maxsize=1)
def _descriptors_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Descriptor phrases grouped by their first key, longest first within each group."""
    grouped: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, etype in sorted(type_rules().descriptors.items(), key=lambda p: -len(p[0])):
        grouped.setdefault(phrase[0], []).append((tuple(phrase), etype))
    return grouped


def _named_after(sent: Sentence, j: int, phrase: tuple[str, ...]) -> bool:
    """``المجلس النيابي اللبناني``: a same-noun descriptor with an adjective after it names a body of
    its own (unknown to the rules), it refers to none named before."""
    if head_key(phrase[0]) not in type_rules().same_head_descriptors or j >= len(sent.words):
        return False
    key = sent.raw_keys[j]
    return key.startswith("ال") and key.endswith(("ي", "يه"))


def descriptor_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    """Definite descriptions (الجهة التنظيمية، الشركة) that may stand for a named actor."""
    by_first = _descriptors_by_first_word()
    keys, stripped = sent.raw_keys, sent.word_keys  # word_keys: strip_clitic of each key
    found, i = [], 0
    while i < len(keys):
        if (keys[i] not in by_first and stripped[i] not in by_first) or keys[i] in type_rules().not_descriptors:
            i += 1  # most words start no descriptor
            continue
        firsts = dict.fromkeys((keys[i], stripped[i]))  # the first word may carry a clitic
        candidates = sorted((c for f in firsts for c in by_first.get(f, ())), key=lambda c: -len(c[0]))
        for phrase, etype in candidates:
            n = len(phrase)
            if tuple(keys[i + 1:i + n]) == phrase[1:] and not _named_after(sent, i + n, phrase):
                found.append(mention(annotated, sent, sent.words[i].start, sent.words[i + n - 1].end, etype, "descriptor"))
                i += n - 1
                break
        i += 1
    return found


def title_mentions(annotated: AnnotatedArticle, sent: Sentence) -> list[Mention]:
    """The government implied by a title: "رئيس الوزراء البريطاني" -> the UK government."""
    rules, demonyms = rule_set(), demonym_index()
    keys, raw = sent.word_keys, sent.raw_keys
    found = []
    for i in start_positions(keys, raw, rules.titles):
        n = longest_match(keys, raw, i, rules.titles)
        if not n or (i + n < len(raw) and raw[i + n] in rules.title_not_after):
            continue
        for j in range(i + n, min(len(raw), i + n + rules.title_max_between + 1)):
            for size in (2, 1):
                gov = demonyms.get(tuple(raw[j:j + size])) or demonyms.get(tuple(keys[j:j + size]))
                if gov and len(raw[j:j + size]) == size:
                    words = sent.words[j:j + size]
                    found.append(mention(annotated, sent, words[0].start, words[-1].end, "GOVERNMENT", "implied", gov))
                    break
            else:
                continue
            break
    return found


def _same_head(text: str, mentions: list[Mention], k: int) -> int | None:
    """Latest earlier named organisation whose name opens with the descriptor's noun, or follows it
    as a kind word: الهيئة -> هيئة المنافسة والأسواق، الشركة -> (شركة) ميتا, not the last company of
    a list in between.  ``text``: the article's."""
    head = head_key(mentions[k].text.split()[0])

    def heads(m: Mention) -> set[str]:
        before = "".join(" " if c in QUOTES else c for c in text[max(0, m.start - 30):m.start]).split()[-1:]  # شركة "X"
        return {head_key(w) for w in [m.text.split()[0], *before]}

    found = [n for n, m in enumerate(mentions[:k]) if m.source not in NON_NAME_SOURCES
             and m.type not in {"PERSON", "LOCATION"} and head in heads(m)]
    return found[-1] if found else None


def _antecedent(text: str, mentions: list[Mention], k: int) -> int | None:
    """The latest earlier named organisation with the descriptor's noun (الهيئة -> هيئة ...); else,
    unless the noun names too many bodies to guess (الحكومة، المحكمة), the nearest earlier named
    mention of the descriptor's type, else the next within 2 sentences."""
    d = mentions[k]
    same = _same_head(text, mentions, k)
    if same is not None or head_key(d.text.split()[0]) in type_rules().same_head_descriptors:
        return same
    named = [n for n, m in enumerate(mentions) if m.source not in NON_NAME_SOURCES and m.type == d.type]
    earlier = [n for n in named if mentions[n].start < d.start]
    if earlier:
        return earlier[-1]
    later = [n for n in named if mentions[n].start > d.start and mentions[n].sentence - d.sentence <= 2]
    return later[0] if later else None


def link_descriptors(out: ArticleMentions, text: str) -> ArticleMentions:
    """Keep descriptors that have an antecedent, linked to it; drop the others."""
    mentions, links = list(out.mentions), list(out.links)
    keep = []
    nation = national_government(mentions, text)
    for k, m in enumerate(mentions):
        if m.source != "descriptor":
            keep.append(k)
        elif (ante := _antecedent(text, mentions, k)) is not None:
            keep.append(k)
            links.append((ante, k, "descriptor"))
            mentions[k] = m.model_copy(update={"type": mentions[ante].type})  # الصندوق -> the fund's type
        elif nation and head_key(m.text.split()[0]) == GOVERNMENT_WORD:
            keep.append(k)  # وطالب النائب ... الحكومة بنشر اللائحة: the article's own government
            mentions[k] = m.model_copy(update={"source": "national", "key": nation})
    new_index = {old: new for new, old in enumerate(keep)}
    return ArticleMentions([mentions[k] for k in keep],
                           [(new_index[a], new_index[b], why) for a, b, why in links if a in new_index and b in new_index])


MINISTER = frozenset(head_key(w) for w in ("وزير", "وزيرة", "سكرتير", "سكرتيرة"))  # as head_key reads them
MINISTRY = head_key("وزارة")


def _field(words: list[str]) -> tuple[str, str]:
    """A ministry's field: its head word, and its second word when that is one more noun of it
    (الشؤون الخارجية / الشؤون الثقافية), not a country or a name."""
    second = words[1] if len(words) > 1 else ""
    if not second.startswith("ال") or (match_key(second),) in demonym_index():
        second = ""
    return head_key(words[0]), head_key(second) if second else ""


def minister_fields(annotated: AnnotatedArticle, out: ArticleMentions) -> ArticleMentions:
    """``وزيرة التجارة جينا ريموندو``: the field after a minister's title with no country of its own
    (وزيرة خارجية المملكة المتحدة is that country's) stands for the ministry the article names
    (وزارة التجارة الأمريكية), else for the one national government the article names, so the role
    joins the minister to it."""
    ministries = [(k, _field(m.text.split()[1:3])) for k, m in enumerate(out.mentions)
                  if m.type == "GOVERNMENT" and m.source not in NON_NAME_SOURCES and len(m.text.split()) >= 2
                  and head_key(m.text.split()[0]) == MINISTRY]
    # the dateline's state first: the one government a report names may be a foreign partner's
    nation = national_government(out.mentions, annotated.article.text, named=False)
    government = [] if nation else one_government(out.mentions)
    if not ministries and not nation and not government:
        return out
    mentions, links = list(out.mentions), list(out.links)
    for sent in annotated.sentences:
        for i in _minister_titles(sent, mentions):
            field_start, field_end = _field_span(sent, mentions, i)
            own = _field([w.text for w in sent.words[i + 1:i + 3]])
            same = [k for k, (head, second) in ministries if head == own[0] and not (second and own[1] and second != own[1])]
            # a country word the gazetteer does not know (وزير العدل البلجيكي) rules the fallback out
            targets = same or ([] if _nisba_after(sent, i) else government)
            if not targets and nation and not _nisba_after(sent, i):  # the dateline's government (نواكشوط - ...)
                mentions.append(mention(annotated, sent, field_start, field_end, "GOVERNMENT", "national", nation))
            if targets:
                before = [k for k in targets if mentions[k].start < field_start]
                mentions.append(mention(annotated, sent, field_start, field_end, "GOVERNMENT", "descriptor"))
                links.append((before[-1] if before else targets[0], len(mentions) - 1, "descriptor"))
    return ArticleMentions(mentions, links)


FIELD_MAX = 4  # words of a ministry's field (الاتصالات وتكنولوجيا المعلومات)


def _field_span(sent: Sentence, mentions: list[Mention], i: int) -> tuple[int, int]:
    """Offsets of the field after the minister's title at word ``i``: up to the person it names
    (وزير الاتصالات وتكنولوجيا المعلومات | محمد بن علي المناعي), else its first word."""
    words, keys = sent.words, sent.raw_keys
    starts = {m.start for m in mentions if m.sentence == sent.index and m.type == "PERSON"}
    named = {m.start for m in mentions if m.sentence == sent.index}
    for j in range(i + 2, min(len(words), i + 2 + FIELD_MAX)):
        if words[j].start in starts:
            return words[i + 1].start, words[j - 1].end
        if j + 1 < len(words) and words[j + 1].start in starts and keys[j].startswith("ال") and words[j].start not in named:
            return words[i + 1].start, words[j - 1].end  # an epithet before the name (... المعلومات | المهندس سالم)
        # a field goes on with و (وتكنولوجيا المعلومات) or a nisba (المهني), not into a name
        # (الخارجية | الطيب البكوش) or a country (خارجية | كوبا)
        after_waw = keys[j - 1].startswith("و") and j - 1 > i + 1
        if not (keys[j].startswith("و") or keys[j].endswith(("ي", "يه")) or after_waw):
            break
    return words[i + 1].start, words[i + 1].end


NOT_COUNTRY = frozenset(match_key(w) for w in ("الحكومي", "الحكومية", "الرسمي", "الرسمية", "الوطني", "الوطنية"))


def _nisba_after(sent: Sentence, i: int) -> bool:
    """A definite nisba adjective (البلجيكي، الخارجية) among the two words after the field; not one
    that names no country (وزير الاتصال الحكومي، وزير الدفاع الوطني)."""
    return any(k.startswith("ال") and k.endswith(("ي", "يه")) and k not in NOT_COUNTRY for k in sent.raw_keys[i + 2:i + 4])


def _minister_titles(sent: Sentence, mentions: list[Mention]) -> list[int]:
    """Words of ``sent`` that are a minister's title followed by a field with no country after it
    and in no mention."""
    demonyms, raw, words = demonym_index(), sent.raw_keys, sent.words
    out = []
    for i in range(len(words) - 1):
        if head_key(words[i].text) not in MINISTER:
            continue
        near = [(raw[j],) for j in range(i + 2, min(len(raw), i + 5))] + [tuple(raw[j:j + 2]) for j in range(i + 2, i + 5)]
        taken = any(m.start < words[i + 1].end and words[i + 1].start < m.end for m in mentions if m.sentence == sent.index)
        if not taken and not any(key in demonyms for key in near):
            out.append(i)
    return out
