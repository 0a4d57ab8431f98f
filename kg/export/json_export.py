"""graph.json: node-link data exactly as docs/design.md describes (validated by GraphDocument)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export.atomic import atomic_write
from kg.schema import GraphDocument


def graph_document(graph: nx.MultiDiGraph) -> GraphDocument:
    nodes = [{"id": n, **{k: v for k, v in d.items()}} for n, d in sorted(graph.nodes(data=True))]
    links = [{"source": u, "target": v, "key": k, **d}
             for u, v, k, d in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))]
    return GraphDocument.model_validate({"directed": True, "multigraph": True,
                                         "graph": dict(graph.graph), "nodes": nodes, "links": links})


def to_json_dict(graph: nx.MultiDiGraph) -> dict[str, Any]:
    return graph_document(graph).model_dump(mode="json")


def write_json(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_write(path) as handle:
        json.dump(to_json_dict(graph), handle, ensure_ascii=False, indent=1, sort_keys=False)
        handle.write("\n")
