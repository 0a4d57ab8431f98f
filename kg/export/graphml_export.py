"""graph.graphml for Gephi: scalar attributes only, lists joined, XML-illegal characters removed."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.export.atomic import atomic_write
from kg.export.flatten import edge_row, node_row


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` whose attributes are all strings or numbers."""
    flat = nx.MultiDiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        row = node_row(node, data)
        row.pop("id")
        flat.add_node(node, **row)
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        row = edge_row(u, v, key, data)
        for name in ("source", "target", "key"):
            row.pop(name)
        row["label"] = row["relation"]
        flat.add_edge(u, v, key=key, **row)
    return flat


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_write(path, "wb") as handle:
        nx.write_graphml(flat_graph(graph), handle, encoding="utf-8", prettyprint=True)
