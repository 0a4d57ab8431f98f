"""Stage 5: a NetworkX MultiDiGraph projected from Entity and Relation models (no I/O)."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import networkx as nx

from kg.ontology import load_ontology
from kg.schema import Entity, Evidence, MentionKey, Relation, mention_key


def relation_key(head: str, rel_type: str, tail: str) -> str:
    """Content-derived edge key (``met`` is symmetric: its key ignores direction)."""
    if load_ontology().relation_types[rel_type].symmetric:
        head, tail = sorted((head, tail))
    return hashlib.sha256(f"{head}|{rel_type}|{tail}".encode()).hexdigest()[:12]


def _noisy_or(values: Iterable[float]) -> float:
    miss = 1.0
    for v in values:
        miss *= 1.0 - v
    return round(1.0 - miss, 3)


def _attrs(relations: list[Relation]) -> dict[str, object]:
    roles = Counter(str(r.attrs["role"]) for r in relations if r.attrs.get("role"))
    out: dict[str, object] = {}
    if roles:
        out["role"] = roles.most_common(1)[0][0]
    currents = [r.attrs.get("current") for r in relations if "current" in r.attrs]
    if currents:
        out["current"] = False if all(c is False for c in currents) else (True if True in currents else None)
    return out


def build_graph(entities: Iterable[Entity], relations: Iterable[Relation],
                mention_map: Mapping[MentionKey, str], meta: dict[str, object] | None = None) -> nx.MultiDiGraph:
    """Nodes are entities; one edge per (head, relation, tail) with all its evidence."""
    graph = nx.MultiDiGraph(**(meta or {}))
    for e in entities:
        graph.add_node(e.id, label=e.label, type=e.type, name_ar=e.name_ar, name_en=e.name_en,
                       aliases=list(e.aliases), mentions=e.mentions, articles=list(e.articles), merges=list(e.merges))
    grouped: dict[tuple[str, str, str], list[Relation]] = defaultdict(list)
    for r in relations:
        head = mention_map.get(mention_key(r.head))
        tail = mention_map.get(mention_key(r.tail))
        if head is None or tail is None or head == tail:
            continue
        if load_ontology().relation_types[r.type].symmetric:
            head, tail = sorted((head, tail))
        grouped[(head, r.type, tail)].append(r)
    for (head, rel_type, tail), rels in sorted(grouped.items()):
        evidence: dict[tuple[str, int, str], Evidence] = {}
        for r in sorted(rels, key=lambda r: (r.evidence.article, r.evidence.start, r.evidence.rule)):
            evidence.setdefault((r.evidence.article, r.evidence.start, r.evidence.rule), r.evidence)
        graph.add_edge(head, tail, key=relation_key(head, rel_type, tail), relation=rel_type,
                       attrs=_attrs(rels), confidence=_noisy_or(r.confidence for r in rels),
                       weight=len({r.evidence.article for r in rels}),
                       evidence=[e.model_dump() for e in evidence.values()])
    return graph
