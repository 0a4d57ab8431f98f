"""graph.gexf with Gephi viz attributes: colour by entity type, size by degree.

Written as a stream (networkx's GEXF writer builds an element tree: too slow on 100k edges).
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import networkx as nx

from kg.export.atomic import atomic_write
from kg.export.flatten import edge_row, node_row
from kg.ontology import load_ontology

NODE_ATTRS = ("type", "name_ar", "name_en", "aliases", "mentions", "articles")
EDGE_ATTRS = ("relation", "role", "current", "confidence", "evidence", "rules")
_GEXF_TYPES = {int: "integer", float: "double", str: "string"}


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _attr_decl(kind: str, names: tuple[str, ...], sample: dict[str, Any]) -> str:
    rows = "".join(f'<attribute id="{n}" title="{n}" type="{_GEXF_TYPES[type(sample[n])]}"/>' for n in names)
    return f'<attributes class="{kind}">{rows}</attributes>'


def _values(row: dict[str, Any], names: tuple[str, ...]) -> str:
    return "".join(f"<attvalue for=\"{n}\" value={quoteattr(str(row[n]))}/>" for n in names)


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    onto = load_ontology()
    nodes = sorted(graph.nodes(data=True))
    count = max(len(nodes), 1)
    with atomic_write(path) as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" '
                  'xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n<graph defaultedgetype="directed" mode="static">\n')
        out.write(_attr_decl("node", NODE_ATTRS, node_row("", {})) + "\n")
        out.write(_attr_decl("edge", EDGE_ATTRS, edge_row("", "", "", {})) + "\n<nodes>\n")
        for i, (node, data) in enumerate(nodes):
            row = node_row(node, data)
            r, g, b = _rgb(onto.colour(row["type"]))
            angle = 2 * math.pi * i / count  # a circle: every node visible before any layout
            out.write(f"<node id={quoteattr(node)} label={quoteattr(row['label'])}><attvalues>{_values(row, NODE_ATTRS)}"
                      f'</attvalues><viz:color r="{r}" g="{g}" b="{b}"/><viz:size value="{10 + 4 * graph.degree(node)}"/>'
                      f'<viz:position x="{500 * math.cos(angle):.2f}" y="{500 * math.sin(angle):.2f}" z="0"/></node>\n')
        out.write("</nodes>\n<edges>\n")
        edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
        for u, v, key, data in edges:
            row = edge_row(u, v, key, data)
            out.write(f"<edge id={quoteattr(key)} source={quoteattr(u)} target={quoteattr(v)} "
                      f"label={quoteattr(row['relation'])} weight=\"{row['weight']}\"><attvalues>"
                      f"{_values(row, EDGE_ATTRS)}</attvalues></edge>\n")
        out.write("</edges>\n</graph>\n</gexf>\n")



