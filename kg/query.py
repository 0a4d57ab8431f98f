"""Query a built graph from a notebook or the command line.

>>> import kg
>>> g = kg.load(kg.EXAMPLE_GRAPH)
>>> g.find("تيخوك")            # any alias or spelling: diacritics, hamza, ال and clitics folded
'company:tiktok'
>>> [hop.relation for hop in g.shortest_path("جيمس ليون", "بايت دانس")]
['works_for', 'owns']
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from rapidfuzz import fuzz, process

from kg.errors import ActorNotFound, GraphFileError
from kg.normalize import key_variants, match_key

EXAMPLE_GRAPH = Path(__file__).parent / "data" / "example_graph.json"


@dataclass(frozen=True)
class Hop:
    """One edge of a path, read in the direction of travel."""

    source: str
    relation: str
    target: str
    forward: bool  # False when the edge points against the direction of travel
    evidence: tuple[dict[str, Any], ...]

    def __str__(self) -> str:
        arrow = f"-[{self.relation}]->" if self.forward else f"<-[{self.relation}]-"
        return f"{self.source} {arrow} {self.target}"


class InfluenceGraph:
    """A built influence graph (``graph.json``) with path and neighbourhood queries.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        Nodes are entities, edges are relations with their evidence.
    """

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        self._keys: dict[str, str] = {}
        for node, data in graph.nodes(data=True):
            for name in [data.get("label"), data.get("name_ar"), data.get("name_en"), *data.get("aliases", [])]:
                for key in key_variants(name or ""):
                    self._keys.setdefault(key, node)

    @classmethod
    def load(cls, path: str | Path) -> InfluenceGraph:
        """Read a ``graph.json`` written by ``kg build``.

        Parameters
        ----------
        path : str or Path
            The file, or the output folder that holds ``graph.json``.

        Returns
        -------
        InfluenceGraph

        Examples
        --------
        >>> g = InfluenceGraph.load(EXAMPLE_GRAPH)
        >>> len(g)
        6
        """
        path = Path(path)
        if path.is_dir():
            path = path / "graph.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
        except FileNotFoundError as exc:
            raise GraphFileError(f"{path}: no graph file. Build one first: kg build ARTICLES --out {path.parent}") from exc
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GraphFileError(f"{path}: not a graph.json written by kg build ({exc}). Rebuild it.") from exc
        return cls(graph)

    def __len__(self) -> int:
        return len(self.graph)

    def label(self, node: str) -> str:
        return str(self.graph.nodes[node].get("label", node))

    def find(self, name: str) -> str:
        """Node id of the actor called ``name`` (any alias, spelling or script).

        Parameters
        ----------
        name : str
            A name as written in any article, with or without diacritics, ال or a clitic;
            a node id is accepted too.

        Returns
        -------
        str
            The node id.

        Raises
        ------
        ActorNotFound
            When no actor matches; the message suggests close names.

        Examples
        --------
        >>> g = InfluenceGraph.load(EXAMPLE_GRAPH)
        >>> g.find("TikTok") == g.find("تيك توك") == g.find("وتيك توك")
        True
        """
        if name in self.graph:
            return name
        for key in [match_key(name), *sorted(key_variants(name))]:
            if key in self._keys:
                return self._keys[key]
        best = process.extract(match_key(name), list(self._keys), scorer=fuzz.ratio, limit=3, score_cutoff=85)
        if len(best) == 1 or (best and best[0][1] - best[1][1] >= 5):
            return self._keys[best[0][0]]
        hints = ", ".join(self.label(self._keys[k]) for k, _, _ in best) or "none"
        raise ActorNotFound(f"No actor called {name!r} in the graph (close names: {hints}). "
                            "Try another spelling, or `kg who` with part of the name.")

    def describe(self, name: str) -> dict[str, Any]:
        """Names, type, aliases and articles of an actor.

        Examples
        --------
        >>> InfluenceGraph.load(EXAMPLE_GRAPH).describe("ليون")["name_ar"]
        'جيمس ليون'
        """
        node = self.find(name)
        return {"id": node, **self.graph.nodes[node], "degree": self.graph.degree(node)}

    def neighbours(self, name: str, relation: str | None = None) -> list[dict[str, Any]]:
        """Actors linked to ``name``, optionally by one relation type.

        Examples
        --------
        >>> g = InfluenceGraph.load(EXAMPLE_GRAPH)
        >>> [n["label"] for n in g.neighbours("تيك توك", relation="owns")]
        ['بايت دانس']
        """
        node = self.find(name)
        out = []
        for u, v, data in [*self.graph.out_edges(node, data=True), *self.graph.in_edges(node, data=True)]:
            if relation is None or data["relation"] == relation:
                other = v if u == node else u
                out.append({"id": other, "label": self.label(other), "relation": data["relation"],
                            "direction": "out" if u == node else "in", "weight": data.get("weight", 1),
                            "evidence": data.get("evidence", [])})
        return sorted(out, key=lambda n: (-n["weight"], n["label"]))

    def _hops(self, path: list[str]) -> list[Hop]:
        hops = []
        for a, b in zip(path, path[1:]):
            forward = self.graph.has_edge(a, b)
            u, v = (a, b) if forward else (b, a)
            data = max(self.graph.get_edge_data(u, v).values(), key=lambda d: d.get("weight", 1))
            hops.append(Hop(self.label(a), data["relation"], self.label(b), forward, tuple(data.get("evidence", []))))
        return hops

    def shortest_path(self, source: str, target: str) -> list[Hop]:
        """The shortest chain of relations between two actors (edges in either direction).

        Examples
        --------
        >>> g = InfluenceGraph.load(EXAMPLE_GRAPH)
        >>> print(*g.shortest_path("ليون", "ByteDance"), sep="\\n")
        جيمس ليون -[works_for]-> تيك توك
        تيك توك <-[owns]- بايت دانس
        """
        a, b = self.find(source), self.find(target)
        try:
            return self._hops(nx.shortest_path(self.graph.to_undirected(as_view=True), a, b))
        except nx.NetworkXNoPath as exc:
            raise ActorNotFound(f"{self.label(a)} and {self.label(b)} are not connected in this graph.") from exc

    def all_paths(self, source: str, target: str, max_length: int = 3) -> list[list[Hop]]:
        """Every simple path of at most ``max_length`` relations, shortest first.

        Examples
        --------
        >>> len(InfluenceGraph.load(EXAMPLE_GRAPH).all_paths("ليون", "بايت دانس", max_length=2))
        1
        """
        a, b = self.find(source), self.find(target)
        simple = nx.Graph(self.graph.to_undirected(as_view=True))
        paths = nx.all_simple_paths(simple, a, b, cutoff=max_length)
        return [self._hops(p) for p in sorted(paths, key=lambda p: (len(p), p))]

    def ego(self, name: str, radius: int = 1) -> InfluenceGraph:
        """The actors within ``radius`` relations of ``name``, as a graph of their own.

        Examples
        --------
        >>> len(InfluenceGraph.load(EXAMPLE_GRAPH).ego("بايت دانس", radius=1))
        2
        """
        node = self.find(name)
        return InfluenceGraph(nx.ego_graph(self.graph, node, radius=radius, undirected=True).copy())

    def brokers(self, top: int = 10) -> list[tuple[str, float]]:
        """Actors that sit on the most shortest paths (betweenness centrality).

        Examples
        --------
        >>> InfluenceGraph.load(EXAMPLE_GRAPH).brokers(1)[0][0]
        'تيك توك'
        """
        scores = nx.betweenness_centrality(nx.Graph(self.graph.to_undirected(as_view=True)))
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        return [(self.label(n), round(s, 4)) for n, s in ranked]

    def communities(self) -> list[list[str]]:
        """Groups of densely connected actors (greedy modularity), largest first.

        Examples
        --------
        >>> sum(len(c) for c in InfluenceGraph.load(EXAMPLE_GRAPH).communities())
        6
        """
        simple = nx.Graph(self.graph.to_undirected(as_view=True))
        groups = nx.community.greedy_modularity_communities(simple) if simple.number_of_edges() else [{n} for n in simple]
        return [sorted(self.label(n) for n in g) for g in sorted(groups, key=lambda g: (-len(g), sorted(g)))]

    def write(self, out_dir: str | Path, formats: tuple[str, ...] = ("json", "graphml", "gexf", "html")) -> dict[str, Path]:
        """Export this (sub)graph, e.g. an ego network for Gephi."""
        from kg.export import export_all

        return export_all(self.graph, Path(out_dir), formats)


def load(path: str | Path) -> InfluenceGraph:
    """Read a ``graph.json`` (see :meth:`InfluenceGraph.load`)."""
    return InfluenceGraph.load(path)
