"""graph.graphml for Gephi: scalar attributes only, lists joined, XML-illegal characters removed.

Written as a stream (networkx's writer builds an element tree: too slow on 100k edges);
networkx reads it back (tests/export).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from kg.export.atomic import atomic_write
from kg.export.flatten import edge_row, node_row

_TYPES = {int: "long", float: "double", str: "string"}


def _keys(kind: str, sample: dict[str, Any], skip: tuple[str, ...]) -> tuple[list[str], str]:
    names = [n for n in sample if n not in skip]
    decl = "".join(f'<key id="{kind[0]}_{n}" for="{kind}" attr.name="{n}" attr.type="{_TYPES[type(sample[n])]}"/>\n'
                   for n in names)
    return names, decl


def _data(prefix: str, row: dict[str, Any], names: list[str]) -> str:
    return "".join(f'<data key="{prefix}_{n}">{escape(str(row[n]))}</data>' for n in names if row[n] != "")


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    node_names, node_decl = _keys("node", node_row("", {}), ("id",))
    edge_names, edge_decl = _keys("edge", {**edge_row("", "", "", {}), "label": ""}, ("source", "target", "key"))
    with atomic_write(path) as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/'
                  'xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        out.write(node_decl + edge_decl + '<graph edgedefault="directed">\n')
        for node, data in sorted(graph.nodes(data=True)):
            out.write(f"<node id={quoteattr(node)}>{_data('n', node_row(node, data), node_names)}</node>\n")
        for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
            row = {**edge_row(u, v, key, data), "label": data.get("relation", "")}
            out.write(f"<edge id={quoteattr(key)} source={quoteattr(u)} target={quoteattr(v)}>"
                      f"{_data('e', row, edge_names)}</edge>\n")
        out.write("</graph>\n</graphml>\n")
