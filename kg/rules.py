"""Rule and gazetteer data files, loaded once and keyed by normalized forms."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import yaml

from kg.normalize import match_key, strip_article, strip_clitic, strip_marks

DATA_FILES = ("ontology.yaml", "gazetteer.yaml", "type_rules.yaml", "relations.yaml")
# The extraction code is part of "the rules": a new version of it invalidates cached extractions.
CODE_FILES = ("entities.py", "mentions.py", "references.py", "national.py", "relations.py", "relation_context.py", "roles.py",
              "relation_rules.py", "normalize.py", "rules.py", "type_vote.py", "relation_subjects.py",
              "clitics.py", "institutions.py", "article_names.py", "negation.py", "party_seats.py", "venues.py",
              "person_names.py", "pronoun_roles.py", "described.py", "relation_objects.py", "role_spans.py", "quoted_names.py")


def read_data(name: str) -> Any:
    # libyaml's loader when PyYAML has it: the pure-Python one took ~0.3 s of every build
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(resources.files("kg.data").joinpath(name).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506


@lru_cache(maxsize=1)
def rules_version() -> str:
    """Hash of every rule file and of the extraction code: the cache is invalidated when one changes."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(resources.files("kg.data").joinpath(name).read_bytes())
    for name in CODE_FILES:
        digest.update(resources.files("kg").joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=200_000)  # every word of every sentence, by the institution rule and the tag scope
def head_key(text: str) -> str:
    """Key of a head word: normalized, one clitic and the article removed (وزارة -> وزاره)."""
    return strip_article(strip_clitic(match_key(text)))


@dataclass(frozen=True)
class GazEntry:
    id: str
    type: str
    name_en: str
    name_ar: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()  # other cities a report is filed from (إسطنبول - ...): datelines only


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, GazEntry]:
    entries = read_data("gazetteer.yaml")["entries"]
    rules = type_rules()
    return {e["id"]: GazEntry(e["id"], e["type"], e["en"], e["ar"], (*e["aliases"], *_government_aliases(e, rules)),
                              tuple(e.get("demonyms", [])), tuple(e.get("capitals", [])), tuple(e.get("cities", [])))
            for e in entries}


def _government_aliases(entry: dict[str, Any], rules: TypeRules) -> list[str]:
    """``السلطات الفرنسية``، ``الإدارة الأمريكية``، ``الجانب التركي``: a government noun with the
    demonym of its gender."""
    if entry["type"] != "GOVERNMENT":
        return []
    single = [d for d in entry.get("demonyms", []) if d.startswith("ال") and " " not in d]
    aliases = [f"{noun} {d}" for noun in rules.government_nouns for d in single if d.endswith("ة")]
    aliases += [f"{noun} {d}" for noun in rules.government_nouns_masculine for d in single if d.endswith("ي")]
    return [a for a in aliases if a not in entry["aliases"]]


@lru_cache(maxsize=1)
def demonym_index() -> dict[tuple[str, ...], str]:
    """Country words of titles (البريطاني، المملكة المتحدة) -> the government's gazetteer id."""
    return {tuple(match_key(w) for w in d.split()): e.id for e in gazetteer().values() for d in e.demonyms}


@lru_cache(maxsize=1)
def metonym_index() -> dict[str, str]:
    """Key of a capital (أنقرة) -> the government's gazetteer id: the seat that stands for the
    government as an actor.  A country stays a place (الصين طلبت من تيك توك: the shared gold reads
    China the place there, and بكين the government)."""
    return {match_key(c): e.id for e in gazetteer().values() for c in e.capitals}


@lru_cache(maxsize=1)
def dateline_index() -> dict[str, str]:
    """Key of a place a report is filed from (a capital, a country named like its capital: الكويت،
    الجزائر; another big city: إسطنبول، جدة) -> the government's gazetteer id: that state's own news."""
    return {match_key(place): e.id for e in gazetteer().values()
            for place in (*e.capitals, *e.cities, *(d for d in e.demonyms if not d.endswith(("ي", "ية"))))}


@lru_cache(maxsize=1)
def alias_index() -> dict[str, str]:
    """Normalized alias key -> gazetteer id (also under the key without the article)."""
    index: dict[str, str] = {}
    for entry in gazetteer().values():
        for alias in (entry.name_ar, entry.name_en, *entry.aliases):
            key = match_key(alias)
            index.setdefault(key, entry.id)
            index.setdefault(strip_article(key), entry.id)
    return index


@dataclass(frozen=True)
class TypeRules:
    ner_types: dict[str, str | None]
    head_words: dict[str, str]  # head key (may be several words) -> entity type
    refine: frozenset[str]
    legislation: dict[str, Any]
    stop_mentions: frozenset[str]
    descriptors: dict[tuple[str, ...], str]  # phrase of match keys -> entity type
    institutions: dict[tuple[str, ...], str]  # head phrase (head keys) -> entity type
    institution_max: int
    waw_words: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()  # keys of given names that are nothing else (محمد، مصطفى)
    institution_stops: frozenset[str] = frozenset()  # words an institution's name never runs into
    institution_words: frozenset[str] = frozenset()  # first words of the heads as written (وزاره، سفاره)
    name_adjectives: frozenset[str] = frozenset()  # adjectives that are part of a body's name (العليا، العامة)
    not_surnames: frozenset[str] = frozenset()  # as written, marks stripped: على is not علي
    same_head_descriptors: frozenset[str] = frozenset()  # head keys of descriptors that need a same-noun antecedent
    dateline_not_media: frozenset[str] = frozenset()  # a dateline's source that names no medium (وكالات)
    name_descriptors: frozenset[str] = frozenset()  # head keys of kind words before a name (شركة، منصة)
    not_descriptors: frozenset[str] = frozenset()  # words that look like a descriptor and are none (بالوكالة)
    government_nouns: tuple[str, ...] = ()  # السلطات، الإدارة: with a demonym they name that government
    government_nouns_masculine: tuple[str, ...] = ()  # الجانب: the same with a masculine demonym
    construct_nouns: frozenset[str] = frozenset()  # مالك: a given name, or "owner of" before a definite word

    @cached_property
    def institution_firsts(self) -> frozenset[str]:
        """First head keys of the institution phrases."""
        return frozenset(phrase[0] for phrase in self.institutions)

    def head_type(self, keys: list[str]) -> str | None:
        """Type given by the leading words ``keys`` (longest head first)."""
        for n in (3, 2, 1):
            if len(keys) >= n:
                found = self.head_words.get(" ".join(keys[:n]))
                if found:
                    return found
        return None

    def institution_heads(self, words: Sequence[str]) -> Iterator[tuple[int, int, str, bool]]:
        """``(start, size, type, definite)`` of each institution head (وزارة، شركة، مجلس الشيوخ ...)
        among ``words``; ``definite``: the head has the article (الهيئة), which alone is a reference
        to a body named before, and a name only in some shapes (kg/entities.py)."""
        heads = _head_keys(tuple(words))
        firsts = self.institution_firsts
        for i in range(len(heads)):
            if heads[i] not in firsts or match_key(words[i]) in NOT_HEADS:
                continue  # most words start no head phrase: skip the three slices and lookups
            for size in (3, 2, 1):
                etype = self.institutions.get(tuple(heads[i:i + size]))
                if etype and i + size <= len(heads):
                    break
            else:
                continue
            yield i, size, etype, strip_clitic(match_key(words[i])).startswith("ال")


# بلدية loses its ب to clitic stripping (لديه), and so would match "he has" (لديه، ولديه)
NOT_HEADS = frozenset(match_key(w) for w in ("لديه", "ولديه", "فلديه"))


@lru_cache(maxsize=16)
def _head_keys(words: tuple[str, ...]) -> list[str]:
    """Head keys of a sentence's words: several rules ask for the same sentence in turn."""
    return [head_key(w) for w in words]


@lru_cache(maxsize=1)
def type_rules() -> TypeRules:
    raw = read_data("type_rules.yaml")
    heads = {" ".join(head_key(w) for w in word.split()): etype
             for etype, words in raw["head_words"].items() for word in words}
    leg = dict(raw["legislation"])
    for field in ("triggers", "connectors", "stop_words"):
        leg[field] = {match_key(w) for w in leg[field]}
    same_head = raw.get("descriptors_same_head", {})
    descriptors = {tuple(match_key(w) for w in phrase.split()): etype
                   for group in (raw["descriptors"], same_head) for etype, phrases in group.items() for phrase in phrases}
    inst = dict(raw["institutions"])
    inst_max = int(inst.pop("max_tokens"))
    inst_stops = frozenset(match_key(w) for w in inst.pop("name_stops", []))
    inst_adjectives = inst.pop("name_adjectives", [])
    institutions = {tuple(head_key(w) for w in phrase.split()): etype
                    for etype, phrases in inst.items() for phrase in phrases}
    # a head that starts with و (وزارة، وكالة) loses it to head_key's clitic stripping, while the
    # text's لوزارة، ووزارة، الوكالة keep it: those forms are keys too
    for etype, phrases in inst.items():
        for phrase in phrases:
            institutions.setdefault(tuple(strip_article(match_key(w)) for w in phrase.split()), etype)
    return TypeRules(
        raw["ner_types"], heads, frozenset(raw["refine"]), leg, frozenset(match_key(w) for w in raw["stop_mentions"]),
        descriptors, institutions, inst_max,
        waw_words=frozenset(match_key(w) for w in raw.get("waw_words", [])),
        given_names=frozenset(match_key(w) for w in raw.get("given_names", [])),
        institution_stops=inst_stops,
        institution_words=frozenset(match_key(phrase.split()[0]) for phrases in inst.values() for phrase in phrases),
        name_adjectives=frozenset(match_key(w) for w in inst_adjectives),
        not_surnames=frozenset(strip_marks(w) for w in raw.get("not_surnames", [])),
        same_head_descriptors=frozenset(head_key(p.split()[0]) for phrases in same_head.values() for p in phrases),
        dateline_not_media=frozenset(match_key(w) for w in raw.get("dateline_not_media", [])),
        name_descriptors=frozenset(" ".join(head_key(w) for w in p.split()) for p in raw.get("name_descriptors", [])),
        not_descriptors=frozenset(match_key(w) for w in raw.get("not_descriptors", [])),
        government_nouns=tuple(raw.get("government_nouns", [])),
        construct_nouns=frozenset(match_key(w) for w in raw.get("construct_nouns", [])),
        government_nouns_masculine=tuple(raw.get("government_nouns_masculine", [])))
