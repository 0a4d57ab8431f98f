"""Stage 4: one entity per real actor, across articles, spellings and scripts.

Mentions are joined with a union-find; every union records why (gazetteer alias, bracketed
Latin name, partial name, same key, fuzzy match).  Cross-article joins use only specific keys:
a bare surname or a generic word never joins two articles' actors on its own.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from kg.entities import NON_NAME_SOURCES, ArticleMentions
from kg.normalize import is_arabic, key_variants, match_key, strip_article, strip_clitic
from kg.rules import alias_index, demonym_index, gazetteer
from kg.schema import Entity, Mention, MentionKey, mention_key

FUZZY_CUTOFF = 90
FUZZY_CUTOFF_PERSON = 94  # names differ by one letter more often than organisations do
_SKELETON_DROP = str.maketrans("", "", "اويىءأإآؤئ ")
_SKELETON_FOLD = str.maketrans("غ", "ج")  # غوغل / جوجل


@lru_cache(maxsize=100_000)
def skeleton(key: str) -> str:
    """A matching key without spaces and long vowels, غ folded into ج: transliterations of one
    foreign name share it (نتنياهو / نتانياهو، بوتين / بوتن، عبدالله / عبد الله), different words
    usually do not (الفرنسيه / الروسيه، كيري / كيربي، الدوله / الدول).

    >>> skeleton("بنيامين نتانياهو") == skeleton("بنيامين نتنياهو")
    True
    """
    return key.translate(_SKELETON_FOLD).translate(_SKELETON_DROP)
ORG_FAMILY = {"COMPANY", "GOVERNMENT", "PARTY", "MEDIA", "ORGANIZATION"}





@dataclass
class _UnionFind:
    parent: dict[int, int] = field(default_factory=dict)
    why: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int, reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.why[ra].extend(self.why.pop(rb, []))
            self.why[ra].append(reason)


def compatible(a: str, b: str) -> bool:
    return a == b or (a in ORG_FAMILY and b in ORG_FAMILY and "ORGANIZATION" in (a, b))


def _gaz_id(m: Mention) -> str | None:
    if m.key:
        return m.key
    if m.source in NON_NAME_SOURCES:
        return None
    return _gaz_lookup(m.text, m.type)


@lru_cache(maxsize=100_000)  # asked two or three times per mention, and names recur across articles
def _gaz_lookup(text: str, etype: str) -> str | None:
    index = alias_index()
    for key in key_variants(text):
        gid = index.get(key)
        if gid and compatible(gazetteer()[gid].type, etype):
            return gid
    return None


@lru_cache(maxsize=200_000)
def _name_keys(text: str, etype: str) -> tuple[str, ...]:
    """Keys a name joins others of its article under.  A person's name keeps its article: الفيصل
    (a family) is not فيصل (a given name), and joining them chained two princes into one node."""
    if etype != "PERSON":
        return key_variants(text)
    base = match_key(text)
    return tuple(dict.fromkeys((base, strip_clitic(base))))


def _is_partial(short: Mention, full: Mention) -> bool:
    """ليون is a partial of جيمس ليون: its key is one of the full name's words."""
    s, f = match_key(short.text).split(), match_key(full.text).split()
    return len(s) < len(f) and all(w in f for w in s)


class Resolver:
    """Collects mentions of all articles, then ``resolve()`` returns entities and a mention map."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.uf = _UnionFind()

    def add_article(self, found: ArticleMentions) -> None:
        base = len(self.mentions)
        mentions = found.mentions
        self.mentions.extend(mentions)
        for a, b, reason in found.links:
            self.uf.union(base + a, base + b, f"{reason}: {mentions[b].text} = {mentions[a].text}")
        by_key: dict[str, int] = {}
        for n, m in enumerate(mentions):
            idx = base + n
            self.uf.find(idx)
            if m.source in NON_NAME_SOURCES:
                continue
            keys = _name_keys(m.text, m.type)
            for key in keys:
                other = by_key.get(f"{m.type}|{key}")
                if other is not None:
                    self.uf.union(other, idx, f"same name in article: {m.text}")
                    break
            for key in keys:
                by_key.setdefault(f"{m.type}|{key}", idx)
        self._partials(base, mentions)

    def _partials(self, base: int, mentions: list[Mention]) -> None:
        people = [(n, m) for n, m in enumerate(mentions) if m.type == "PERSON"]
        for n, m in people:
            fulls = [(k, f) for k, f in people if _is_partial(m, f)]
            if not fulls:
                continue
            earlier = [(k, f) for k, f in fulls if f.start < m.start]
            k, full = (earlier or fulls)[-1 if earlier else 0]
            self.uf.union(base + k, base + n, f"partial name: {m.text} -> {full.text}")

    def _cross_article(self) -> None:
        anchors: dict[str, int] = {}
        for idx, m in enumerate(self.mentions):
            gid = _gaz_id(m) if m.source != "descriptor" else None
            if gid:
                key = f"gaz|{gid}"
                if key in anchors:
                    self.uf.union(anchors[key], idx, f"gazetteer {gid}: {m.text}")
                else:
                    anchors[key] = idx
        for idx, m in enumerate(self.mentions):
            if m.source in NON_NAME_SOURCES or _gaz_id(m) or (m.type == "PERSON" and len(match_key(m.text).split()) < 2):
                continue
            if m.type == "GOVERNMENT" and not _names_country(m.text):
                continue  # وزارة الاتصالات of Egypt and of Lebanon: a body named without its state joins only within its article
            family = "ORG" if m.type in ORG_FAMILY else m.type
            for key in key_variants(m.text):
                name = f"{family}|{key}"
                if name in anchors and compatible(self.mentions[anchors[name]].type, m.type):
                    self.uf.union(anchors[name], idx, f"same name: {m.text}")
                    break
            anchors.setdefault(f"{family}|{match_key(m.text)}", idx)
        self._fuzzy()

    def _fuzzy(self) -> None:
        """Join transliteration variants (بلومبيرغ / بلومبرغ) of the same type across clusters.

        A close spelling is not enough (الحكومة الفرنسية / الحكومة الروسية، جون كيري / جون كيربي):
        the two must also share their consonant skeleton (``skeleton``).

        Keys are compared only within a block (type and first three letters after ال), so the
        cost grows with the block sizes, not with the square of the corpus.
        """
        by_key: dict[tuple[str, str], int] = {}
        for idx, m in enumerate(self.mentions):
            key = match_key(m.text)
            if m.source not in NON_NAME_SOURCES and len(key) >= 6 and not (m.type == "PERSON" and len(key.split()) < 2) \
                    and not (m.type == "GOVERNMENT" and not _names_country(m.text)):
                by_key.setdefault((m.type, key), idx)
        blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
        for etype, key in sorted(by_key):
            blocks[(etype, strip_article(key)[:3])].append(key)
        for (etype, _), keys in sorted(blocks.items()):
            cutoff = FUZZY_CUTOFF_PERSON if etype == "PERSON" else FUZZY_CUTOFF
            for n, key in enumerate(keys[:-1]):
                rest = keys[n + 1:]
                for other, score, _j in process.extract(key, rest, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5):
                    if skeleton(other) == skeleton(key):
                        self.uf.union(by_key[(etype, key)], by_key[(etype, other)], f"fuzzy {score:.0f}: {other} ~ {key}")

    def resolve(self) -> tuple[list[Entity], dict[MentionKey, str]]:
        """Entities (sorted by id) and a map from mention (article, start, end) to entity id."""
        self._cross_article()
        clusters: dict[int, list[Mention]] = defaultdict(list)
        for idx, m in enumerate(self.mentions):
            clusters[self.uf.find(idx)].append(m)
        entities, mapping = [], {}
        for root, members in clusters.items():
            if all(m.source in NON_NAME_SOURCES and not m.key for m in members):
                continue
            entity = build_entity(members, self.uf.why.get(root, []))
            entities.append(entity)
            for m in members:
                mapping[mention_key(m)] = entity.id
        return sorted(entities, key=lambda e: e.id), mapping


def _names_country(text: str) -> bool:
    """A country word in the name (وزارة الاتصالات المصرية، مجلس النواب اللبناني، هيئة ... في سلطنة عمان)."""
    keys = match_key(text).split()
    demonyms = demonym_index()
    return any((k,) in demonyms or tuple(keys[i:i + 2]) in demonyms for i, k in enumerate(keys))


def _entity_type(members: list[Mention], gid: str | None) -> str:
    if gid:
        return gazetteer()[gid].type
    counts = Counter(m.type for m in members)
    specific = [(c, t) for t, c in counts.items() if t != "ORGANIZATION"]
    return max(specific)[1] if specific else counts.most_common(1)[0][0]


def _with_article(name: str) -> str:
    """A name read behind the preposition ل, which drops the article's alef, gets it back for display
    (the aliases keep the text as written; للا سلمى is a title, not a clitic).

    >>> _with_article("للاتحاد العام التونسي للشغل")
    'الاتحاد العام التونسي للشغل'
    >>> _with_article("للا سلمى")
    'للا سلمى'
    """
    first = name.split(" ", 1)[0]
    return "ا" + name[1:] if first.startswith("لل") and len(first) > 4 else name


def build_entity(all_members: list[Mention], merges: Iterable[str]) -> Entity:
    # descriptors (الشركة) and implied governments point at the entity but are not its names
    members = [m for m in all_members if m.source not in NON_NAME_SOURCES]
    gids = Counter(g for m in all_members if (g := _gaz_id(m)))
    gid = gids.most_common(1)[0][0] if gids else None
    forms = Counter(m.text for m in members)
    arabic = [f for f in forms if is_arabic(f)]
    latin = [f for f in forms if not is_arabic(f)]
    etype = _entity_type(members, gid)
    name_en: str | None
    if gid:
        entry = gazetteer()[gid]
        name_ar, name_en = entry.name_ar, entry.name_en
        ident = f"{etype.lower()}:{gid}"
    else:
        name_ar = _with_article(max(arabic, key=lambda f: (len(f.split()), forms[f], f))) if arabic else ""
        name_en = max(latin, key=lambda f: (forms[f], f)) if latin else None
        digest = hashlib.sha256(f"{etype}|{match_key(name_ar or name_en or '')}".encode()).hexdigest()[:12]
        ident = f"{etype.lower()}:{digest}"
    return Entity(id=ident, type=etype, label=name_ar or name_en or "", name_ar=name_ar or name_en or "",
                  name_en=name_en, aliases=sorted(forms, key=lambda f: (-forms[f], f)), mentions=len(all_members),
                  articles=sorted({m.article for m in all_members}), merges=sorted(set(merges)))
