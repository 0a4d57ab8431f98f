"""graph.gexf with Gephi viz attributes: colour by entity type, size by degree."""
from __future__ import annotations

import math
from pathlib import Path

import networkx as nx

from kg.export.atomic import atomic_write
from kg.export.graphml_export import flat_graph
from kg.ontology import load_ontology


def _rgb(colour: str) -> dict[str, int | float]:
    value = colour.lstrip("#")
    return {"r": int(value[0:2], 16), "g": int(value[2:4], 16), "b": int(value[4:6], 16), "a": 1.0}


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    flat = flat_graph(graph)
    onto = load_ontology()
    n = max(len(flat), 1)
    for i, (node, data) in enumerate(sorted(flat.nodes(data=True))):
        angle = 2 * math.pi * i / n  # a circle, so Gephi shows every node before any layout
        data["viz"] = {"color": _rgb(onto.colour(data["type"])), "size": 10.0 + 4.0 * flat.degree(node),
                       "position": {"x": 500.0 * math.cos(angle), "y": 500.0 * math.sin(angle), "z": 0.0}}
    with atomic_write(path, "wb") as handle:
        nx.write_gexf(flat, handle, encoding="utf-8", prettyprint=True)
