"""Pydantic models at the pipeline's boundaries and for graph.json (see docs/design.md).

JSON Schemas in ``schemas/`` are generated from these models by ``kg schemas``.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Article(_Model):
    """One input article. ``id`` is derived from the text's sha256, so duplicates collapse."""

    id: str
    source: str = Field(description="Path of the file the article came from")
    title: str | None = None
    published: str | None = None
    url: str | None = None
    text: str
    sha256: str


class Evidence(_Model):
    """Where a relation was read: the article, the sentence and the character span in the article."""

    article: str
    sentence: str
    start: int = Field(ge=0, description="Start offset of the sentence in the article text")
    end: int = Field(ge=0)
    rule: str


class Mention(_Model):
    """A typed span of an article (offsets into ``Article.text``)."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    type: str
    source: str = Field(description="What found it: ner, gazetteer, rule")
    key: str | None = Field(default=None, description="Gazetteer entry id when known")



MentionKey = tuple[str, int, int, str]


def mention_key(m: Mention) -> MentionKey:
    """A mention's key from the resolver to the graph: a title's government may share its span with
    the place it names (سفيرة الولايات المتحدة), so the type is part of it."""
    return (m.article, m.start, m.end, m.type)


class Relation(_Model):
    """A typed relation between two mentions, as read in one sentence."""

    type: str
    head: Mention
    tail: Mention
    evidence: Evidence
    confidence: float = Field(ge=0.0, le=1.0)
    attrs: dict[str, Any] = Field(default_factory=dict)


class Entity(_Model):
    """One real actor across articles, spellings and scripts."""

    id: str
    type: str
    label: str
    name_ar: str
    name_en: str | None = None
    aliases: list[str]
    mentions: int
    articles: list[str]
    merges: list[str] = Field(default_factory=list, description="Why each alias joined this node")


class GraphNode(_Model):
    id: str
    label: str
    type: str
    name_ar: str
    name_en: str | None
    aliases: list[str]
    mentions: int
    articles: list[str]
    merges: list[str] = Field(default_factory=list)


class GraphLink(_Model):
    source: str
    target: str
    key: str
    relation: str
    attrs: dict[str, Any] = Field(default_factory=dict)
    confidence: float
    weight: int
    evidence: list[Evidence]


class GraphDocument(_Model):
    """graph.json: networkx node-link data with the fields the evaluation reads."""

    directed: bool = True
    multigraph: bool = True
    graph: dict[str, Any] = Field(default_factory=dict)
    nodes: list[GraphNode]
    links: list[GraphLink]


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "article": Article,
    "mention": Mention,
    "relation": Relation,
    "entity": Entity,
    "graph": GraphDocument,
}
