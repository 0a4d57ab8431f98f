"""Arabic news -> knowledge graph of political and tech influence.

>>> import kg
>>> kg.__version__
'0.1.0'
"""
from __future__ import annotations

__version__ = "0.1.0"

from kg.query import EXAMPLE_GRAPH, Hop, InfluenceGraph, load  # noqa: E402

__all__ = ["EXAMPLE_GRAPH", "Hop", "InfluenceGraph", "load", "__version__"]
