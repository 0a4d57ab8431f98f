"""Arabic news -> knowledge graph of political and tech influence.

>>> import kg
>>> kg.__version__
'0.1.0'
"""
from __future__ import annotations

__version__ = "0.1.0"
