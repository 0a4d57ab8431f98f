"""The ontology, loaded once from ``kg/data/ontology.yaml``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

ANY = "ANY"


@dataclass(frozen=True)
class RelationType:
    name: str
    head: frozenset[str]
    tail: frozenset[str]
    symmetric: bool = False

    def allows(self, head_type: str, tail_type: str) -> bool:
        """Whether an edge ``head_type -> tail_type`` is well-typed for this relation."""
        return (ANY in self.head or head_type in self.head) and (ANY in self.tail or tail_type in self.tail)


@dataclass(frozen=True)
class Ontology:
    version: int
    entity_types: dict[str, dict[str, str]]
    relation_types: dict[str, RelationType]

    def colour(self, entity_type: str) -> str:
        return self.entity_types.get(entity_type, {}).get("colour", "#999999")


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    raw = yaml.safe_load(resources.files("kg.data").joinpath("ontology.yaml").read_text(encoding="utf-8"))
    rels = {name: RelationType(name, frozenset(spec["head"]), frozenset(spec["tail"]), bool(spec.get("symmetric")))
            for name, spec in raw["relation_types"].items()}
    return Ontology(int(raw["version"]), dict(raw["entity_types"]), rels)


ENTITY_TYPES: tuple[str, ...] = tuple(load_ontology().entity_types)
RELATION_TYPES: tuple[str, ...] = tuple(load_ontology().relation_types)
