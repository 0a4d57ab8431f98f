"""graph.json: node-link data exactly as docs/design.md describes (schema: schemas/graph.schema.json).

The graph's attributes were validated when the Entity and Relation models were built; the
export writes them as they are (``graph_document`` re-validates, for tests and other callers).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export.atomic import atomic_write
from kg.schema import GraphDocument


def to_json_dict(graph: nx.MultiDiGraph) -> dict[str, Any]:
    nodes = [{"id": n, **d} for n, d in sorted(graph.nodes(data=True))]
    links = [{"source": u, "target": v, "key": k, **d}
             for u, v, k, d in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))]
    return {"directed": True, "multigraph": True, "graph": dict(graph.graph), "nodes": nodes, "links": links}


def graph_document(graph: nx.MultiDiGraph) -> GraphDocument:
    return GraphDocument.model_validate(to_json_dict(graph))


def write_json(graph: nx.MultiDiGraph, path: Path) -> None:
    # one dumps call with no indent: the C encoder, several times faster than json.dump
    with atomic_write(path) as handle:
        handle.write(json.dumps(to_json_dict(graph), ensure_ascii=False) + "\n")
