"""One exception hierarchy; every message says how to fix the problem.  Only the CLI exits."""
from __future__ import annotations


class KGError(Exception):
    """Base class of every error the tool raises on purpose."""


class InputError(KGError):
    """An input path or file cannot be used."""


class ModelError(KGError):
    """A Stanza model is missing, broken or cannot be fetched."""


class GraphFileError(KGError):
    """A built graph file cannot be read back."""


class ActorNotFound(KGError):
    """A query names an actor that is not in the graph."""
