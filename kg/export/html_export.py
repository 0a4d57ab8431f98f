"""graph.html: an interactive pyvis page that works offline and never runs article text.

We render pyvis's data with our own template (no Bootstrap or CDN links; vis-network inlined
from pyvis's bundled copy).  Node and edge data reach the page through Jinja's ``tojson``,
which escapes ``<``, ``>`` and ``&``, and the page shows text with ``textContent`` only; a
Content-Security-Policy forbids every network request.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network

from kg.export.atomic import atomic_write
from kg.ontology import load_ontology

MAX_NODES = 1500
TEMPLATES = Path(__file__).parent / "templates"


def _keep(graph: nx.MultiDiGraph, max_nodes: int) -> tuple[nx.MultiDiGraph, str]:
    if len(graph) <= max_nodes:
        return graph, ""
    ranked = sorted(graph.degree, key=lambda nd: (-nd[1], nd[0]))[:max_nodes]
    sub = graph.subgraph(n for n, _ in ranked).copy()
    note = (f"Showing the {max_nodes:,} most connected of {len(graph):,} actors "
            f"({graph.number_of_edges() - sub.number_of_edges():,} relations left out). "
            "For one actor's neighbourhood run: kg show ACTOR --radius 2")
    return sub, note


def _network(graph: nx.MultiDiGraph) -> Network:
    onto = load_ontology()
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line")
    for node, d in sorted(graph.nodes(data=True)):
        kg = {k: d.get(k) for k in ("type", "name_ar", "name_en", "aliases", "articles", "mentions")}
        net.add_node(node, label=d["label"], color=onto.colour(d["type"]),
                     size=10 + 3 * math.sqrt(graph.degree(node) + d.get("mentions", 1)), kg=kg)
    for u, v, _key, d in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        kg = {"relation": d["relation"], "role": (d.get("attrs") or {}).get("role"), "weight": d["weight"],
              "confidence": d["confidence"], "head": graph.nodes[u]["label"], "tail": graph.nodes[v]["label"],
              "symmetric": onto.relation_types[d["relation"]].symmetric,
              "evidence": [{"article": e["article"], "sentence": e["sentence"]} for e in d["evidence"]]}
        net.add_edge(u, v, kg=kg)
    return net


def render_html(graph: nx.MultiDiGraph, title: str = "Influence graph", max_nodes: int = MAX_NODES) -> str:
    shown, note = _keep(graph, max_nodes)
    net = _network(shown)
    onto = load_ontology()
    meta = {"title": f"{title}: {len(shown):,} actors, {shown.number_of_edges():,} relations", "note": note,
            "types": [[t, onto.colour(t)] for t in onto.entity_types],
            "relations": sorted({d["relation"] for _, _, d in shown.edges(data=True)})}
    net.heading = json.dumps(meta, ensure_ascii=False)
    big = len(shown) > 100
    net.set_options(json.dumps({
        "physics": {"solver": "barnesHut", "stabilization": {"enabled": True, "iterations": 1000 if big else 300}},
        "interaction": {"hover": True, "navigationButtons": False},
        "edges": {"smooth": {"type": "dynamic"} if not big else False},
        "nodes": {"font": {"size": 14}}}))
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATES)),
                                  jinja2.FileSystemLoader(str(Path(pyvis.__file__).parent / "templates"))])
    net.templateEnv = jinja2.Environment(loader=loader, autoescape=True)
    net.path = "graph.html"
    return net.generate_html()


def write_html(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_write(path) as handle:
        handle.write(render_html(graph))
