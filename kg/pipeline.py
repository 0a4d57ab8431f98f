"""``kg build``: articles -> NLP (cached) -> mentions and relations (cached) -> entities -> graph -> files."""
from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from kg import manifest
from kg.cache import Cache
from kg.entities import ArticleMentions, find_mentions
from kg.export import export_all
from kg.graph import build_graph
from kg.ingest import IngestReport, ingest
from kg.nlp import AnnotatedArticle, ModelSpec, annotate, make_pipeline, resolve_models
from kg.relations import extract_relations
from kg.resolve import Resolver
from kg.rules import rules_version
from kg.schema import Article, Mention, Relation
from kg.tag_scope import scope_version, tag_windows

log = logging.getLogger(__name__)
# The rules read words, parts of speech and NER spans; the lemmatizer is left out of builds
# (it would cost more than the rest of the pipeline) and kept for `kg models evaluate`, and only
# the words the rules read tags of (with context) are POS-tagged (kg/tag_scope.py).
BUILD_PROCESSORS = ("pos", "ner")
Progress = Callable[[str, int, int], None]


@dataclass
class Extraction:
    mentions: ArticleMentions
    relations: list[Relation]

    def to_json(self) -> dict[str, Any]:
        return {"mentions": [m.model_dump() for m in self.mentions.mentions],
                "links": [list(link) for link in self.mentions.links],
                "relations": [r.model_dump() for r in self.relations]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        found = ArticleMentions([Mention.model_validate(m) for m in data["mentions"]],
                                [(a, b, str(why)) for a, b, why in data["links"]])
        return cls(found, [Relation.model_validate(r) for r in data["relations"]])


@dataclass
class BuildResult:
    report: IngestReport
    outputs: dict[str, Path] = field(default_factory=dict)
    from_cache: int = 0
    processed: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # entities and relations by type
    up_to_date: bool = False  # the outputs were built from this very corpus: nothing was redone
    built_graph: nx.MultiDiGraph | None = field(default=None, repr=False)

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The influence graph; read back from ``graph.json`` when the outputs were up to date."""
        if self.built_graph is None:
            from kg.query import load

            self.built_graph = load(self.outputs["json"]).graph
        return self.built_graph


def type_counts(graph: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    return {"entities": dict(sorted(Counter(d["type"] for _, d in graph.nodes(data=True)).items())),
            "relations": dict(sorted(Counter(d["relation"] for _, _, d in graph.edges(data=True)).items()))}


def extract(annotated: AnnotatedArticle) -> Extraction:
    found = find_mentions(annotated)
    return Extraction(found, extract_relations(annotated, found))


@dataclass
class Finished:
    """What a worker sends back for an article: its packed NLP row, its extraction and that
    extraction's packed row, made with the worker's rules (``rules``: their version)."""
    nlp: bytes
    rules: str
    extraction: Extraction
    packed: bytes


def finish_in_worker(annotated: AnnotatedArticle) -> Finished:
    """Run in the NLP worker (kg/nlp/parallel.py): extraction and packing there leave the main
    process, which shares the cores with the workers, nothing but storing bytes."""
    ex = extract(annotated)
    return Finished(Cache.pack(annotated.to_json()), rules_version(), ex, Cache.pack(ex.to_json()))


class Builder:
    """Runs the stages over a corpus, using and filling the cache."""

    def __init__(self, models: str | Path | None = None, cache_path: Path | None = None,
                 progress: Progress | None = None, workers: int = 1, executor: str = "local",
                 scheduler: Any = None) -> None:
        self.models_choice = str(models or "bundled")
        self.spec: ModelSpec = resolve_models(models)
        self.workers, self.executor, self.scheduler = workers, executor, scheduler
        self.models_version = self.spec.version()
        self.rules_version = rules_version()
        # NLP cache key: the models, the tag scope and the cached format
        self.nlp_version = f"{self.models_version}-{scope_version()}-{AnnotatedArticle.FORMAT}"
        self.cache_path = cache_path  # None: no cache, and no reuse of earlier outputs either
        self.cache = Cache(cache_path)
        self.progress = progress or (lambda stage, done, total: None)
        self._pipeline: Any = None

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            self._pipeline = make_pipeline(self.spec, only=BUILD_PROCESSORS)
        return self._pipeline

    def extractions(self, articles: list[Article], result: BuildResult) -> dict[str, Extraction]:
        out: dict[str, Extraction] = {}
        todo = []
        for article in articles:
            data = self.cache.get_extract(article.sha256, self.nlp_version, self.rules_version)
            if data is None:
                todo.append(article)
            else:
                out[article.id] = Extraction.from_json(data)
        result.from_cache = len(articles) - len(todo)
        done = len(out)
        self.progress("nlp", done, len(articles))
        for article, ex in self._fresh(todo):
            out[article.id] = ex
            done += 1
            result.processed += 1
            self.progress("nlp", done, len(articles))
        return out

    def _fresh(self, articles: list[Article]) -> Iterator[tuple[Article, Extraction]]:
        """Extract articles with no cached extraction: cached NLP first, then the misses through
        Stanza (here, in a local pool, or on Dask), each result cached as soon as it is done."""
        misses = []
        for article in articles:
            data = self.cache.get_nlp(article.sha256, self.nlp_version)
            if data is None:
                misses.append(article)
            else:
                yield article, self._extract_here(AnnotatedArticle.from_json(article, data))
        if not misses:  # no models to load
            return
        if self.executor != "dask" and (self.workers <= 1 or len(misses) <= 2 * self.workers):
            for annotated in annotate(self.pipeline, misses, tag_scope=tag_windows):
                self.cache.put_nlp(annotated.article.sha256, self.nlp_version, annotated.to_json())
                yield annotated.article, self._extract_here(annotated)
            return
        for article, finished in self._in_workers(misses):
            self.cache.put_nlp_packed(article.sha256, self.nlp_version, finished.nlp)
            if finished.rules != self.rules_version:  # a Dask worker with other rules installed
                yield article, self._extract_here(AnnotatedArticle.from_json(article, Cache.unpack(finished.nlp)))
            else:
                self.cache.put_extract_packed(article.sha256, self.nlp_version, self.rules_version, finished.packed)
                yield article, finished.extraction

    def _in_workers(self, misses: list[Article]) -> Iterator[tuple[Article, Finished]]:
        from kg.nlp.parallel import annotate_dask, annotate_local

        if self.executor == "dask":
            return annotate_dask(self.models_choice, misses, self.scheduler, tag_scope=tag_windows,
                                 finish=finish_in_worker)
        return annotate_local(self.models_choice, misses, self.workers, tag_scope=tag_windows, finish=finish_in_worker)

    def _extract_here(self, annotated: AnnotatedArticle) -> Extraction:
        ex = extract(annotated)
        self.cache.put_extract(annotated.article.sha256, self.nlp_version, self.rules_version, ex.to_json())
        return ex

    def build(self, paths: list[Path], out_dir: Path | None) -> BuildResult:
        clock = time.perf_counter()
        report = ingest(paths)
        result = BuildResult(report)
        result.stage_seconds["ingest"] = round(time.perf_counter() - clock, 3)
        key = manifest.build_key(((a.id, a.sha256) for a in report.articles), self.nlp_version, self.rules_version)
        if out_dir is not None and self.cache_path is not None and self._reuse(out_dir, key, result):
            return result
        clock = time.perf_counter()
        extractions = self.extractions(report.articles, result)
        result.stage_seconds["nlp_and_extract"] = round(time.perf_counter() - clock, 3)
        clock = time.perf_counter()
        resolver = Resolver()
        relations: list[Relation] = []
        for article in report.articles:  # corpus order: deterministic ids and merges
            ex = extractions[article.id]
            resolver.add_article(ex.mentions)
            relations.extend(ex.relations)
        entities, mapping = resolver.resolve()
        meta = {"models": self.spec.name, "models_version": self.models_version,
                "rules_version": self.rules_version, "articles": len(report.articles)}
        result.built_graph = build_graph(entities, relations, mapping, meta)
        result.counts = type_counts(result.built_graph)
        result.stage_seconds["resolve_and_graph"] = round(time.perf_counter() - clock, 3)
        clock = time.perf_counter()
        if out_dir is not None:
            manifest.remove(out_dir)  # until every output is rewritten
            result.outputs = export_all(result.built_graph, out_dir)
            manifest.write(out_dir, key, result.outputs, result.counts)
        result.stage_seconds["export"] = round(time.perf_counter() - clock, 3)
        return result

    def _reuse(self, out_dir: Path, key: str, result: BuildResult) -> bool:
        """Serve an unchanged corpus from the outputs already in ``out_dir`` (kg/manifest.py)."""
        clock = time.perf_counter()
        found = manifest.up_to_date(out_dir, key)
        result.stage_seconds["check_outputs"] = round(time.perf_counter() - clock, 3)
        if found is None or "json" not in found["outputs"]:
            return False
        result.up_to_date = True
        result.from_cache = len(result.report.articles)
        result.outputs = {fmt: out_dir / name for fmt, name in found["outputs"].items()}
        result.counts = found["summary"]
        self.progress("nlp", result.from_cache, result.from_cache)
        return True


def summary(result: BuildResult) -> dict[str, Any]:
    return {
        "articles_read": len(result.report.articles),
        "files_skipped": len(result.report.skipped),
        "from_cache": result.from_cache,
        "processed": result.processed,
        "up_to_date": result.up_to_date,
        **result.counts,
        "outputs": {k: str(v) for k, v in result.outputs.items()},
    }
