"""entities.csv and relations.csv: one row per node / edge, for spreadsheets."""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from kg.export.atomic import atomic_write
from kg.export.flatten import edge_row, node_row


def write_entities_csv(graph: nx.MultiDiGraph, path: Path) -> None:
    rows = [node_row(n, d) for n, d in sorted(graph.nodes(data=True))]
    _write(path, rows, list(node_row("", {})))


def write_relations_csv(graph: nx.MultiDiGraph, path: Path) -> None:
    labels = {n: d.get("label", "") for n, d in graph.nodes(data=True)}
    rows = []
    for u, v, k, d in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        row = edge_row(u, v, k, d)
        rows.append({"source_label": labels[u], "target_label": labels[v], **row})
    _write(path, rows, ["source_label", "target_label", *edge_row("", "", "", {})])


def _write(path: Path, rows: list[dict[str, object]], fields: list[str]) -> None:
    # utf-8-sig: spreadsheet programs then read the Arabic correctly
    with atomic_write(path, encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
