"""Stage 6: exporters, one module per format, registered by name."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx

from kg.export.atomic import atomic_write
from kg.export.csv_export import write_entities_csv, write_relations_csv
from kg.export.gexf_export import write_gexf
from kg.export.graphml_export import write_graphml
from kg.export.html_export import write_html
from kg.export.json_export import write_json

Exporter = Callable[[nx.MultiDiGraph, Path], None]
EXPORTERS: dict[str, tuple[str, Exporter]] = {
    "json": ("graph.json", write_json),
    "graphml": ("graph.graphml", write_graphml),
    "gexf": ("graph.gexf", write_gexf),
    "html": ("graph.html", write_html),
    "entities_csv": ("entities.csv", write_entities_csv),
    "relations_csv": ("relations.csv", write_relations_csv),
}


def export_all(graph: nx.MultiDiGraph, out_dir: Path, formats: tuple[str, ...] = tuple(EXPORTERS)) -> dict[str, Path]:
    """Write every format into ``out_dir`` (each file atomically); return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in formats:
        filename, exporter = EXPORTERS[name]
        exporter(graph, out_dir / filename)
        written[name] = out_dir / filename
    return written


__all__ = ["EXPORTERS", "atomic_write", "export_all"]
