"""Run the NLP stage in worker processes (local pool) or on a Dask cluster.

Workers load the Stanza pipeline once and annotate chunks of articles; each annotated article is
turned by a ``finish`` function, in the worker, into what goes back to the main process (by default
its JSON-able dict).  The build's finish also runs extraction and packs the cache rows there: the
main process, which shares the cores with the workers, then only stores bytes.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from typing import Any

from kg.errors import KGError
from kg.nlp.annotate import TagScope, annotate, make_pipeline
from kg.nlp.doc import AnnotatedArticle
from kg.nlp.models import resolve_models
from kg.schema import Article

Finish = Callable[[AnnotatedArticle], Any]  # a module-level function: it travels by reference
_PIPELINE: dict[str, Any] = {}  # one pipeline per worker process, keyed by the models choice


def _worker_pipeline(models: str) -> Any:
    if models not in _PIPELINE:
        import torch

        torch.set_num_threads(1)  # one core per worker: processes, not threads, give the speed-up
        _PIPELINE[models] = make_pipeline(resolve_models(models), use_gpu=False, only=("pos", "ner"))
    return _PIPELINE[models]


def as_json(annotated: AnnotatedArticle) -> dict[str, Any]:
    """The default finish: plain dicts (cheap to pickle, version-proof)."""
    return annotated.to_json()


def annotate_chunk(models: str, articles: list[dict[str, Any]], tag_scope: TagScope | None = None,
                   finish: Finish = as_json) -> list[tuple[str, Any]]:
    """Annotate a chunk in a worker: ``(article id, finish(annotated))`` for each article.
    ``tag_scope`` and ``finish`` travel by reference: module-level functions."""
    parsed = [Article.model_validate(a) for a in articles]
    return [(a.article.id, finish(a)) for a in annotate(_worker_pipeline(models), parsed, tag_scope=tag_scope)]


def chunk_sizes(lengths: Sequence[int], workers: int, largest: int = 250_000) -> list[int]:
    """Articles per task: near-equal chunks by characters, as many as a multiple of the workers.

    Stanza sorts and pads within one bulk call, so big calls are cheaper per character (on the
    raw news, 50,000-character calls cost 20 % more than one call over everything, 200,000-character
    ones 3 %); equal chunks in a multiple of the workers let every worker finish at about the same
    time (smaller tail chunks cost more than the idle time they save); and no chunk is so big that
    a killed build loses much (``largest`` characters are ~15 s of one core).

    >>> chunk_sizes([1000] * 1000, 2)
    [250, 250, 250, 250]
    >>> chunk_sizes([1000] * 1100, 2), chunk_sizes([100] * 10, 2), chunk_sizes([300_000, 10], 2)
    ([184, 183, 183, 184, 183, 183], [5, 5], [1, 1])
    """
    total, workers = sum(lengths), max(workers, 1)
    n_chunks = min(len(lengths), -(-max(-(-total // largest), 1) // workers) * workers)
    sizes: list[int] = []
    chars = start = 0
    for i, length in enumerate(lengths):
        chars += length
        if chars * n_chunks >= total * (len(sizes) + 1) or i == len(lengths) - 1:  # crossed the next boundary
            sizes.append(i + 1 - start)
            start = i + 1
    return sizes


def _sizes(articles: list[Article], workers: int, chunk: int | None) -> list[int]:
    """A fixed ``chunk`` (articles) when the caller gives one, else guided sizes."""
    if chunk:
        return [chunk] * -(-len(articles) // chunk)
    return chunk_sizes([len(a.text) for a in articles], workers)


def chunks(articles: list[Article], sizes: list[int]) -> list[list[dict[str, Any]]]:
    out, start = [], 0
    for size in sizes:
        out.append([a.model_dump() for a in articles[start:start + size]])
        start += size
    return out


def annotate_local(models: str, articles: list[Article], workers: int, chunk: int | None = None,
                   tag_scope: TagScope | None = None, finish: Finish = as_json) -> Iterator[tuple[Article, Any]]:
    """Annotate with ``workers`` processes; yields ``(article, finish(annotated))`` as each chunk
    finishes."""
    sizes = _sizes(articles, workers, chunk)
    by_id = {a.id: a for a in articles}
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(annotate_chunk, models, c, tag_scope, finish) for c in chunks(articles, sizes)]
        for future in as_completed(futures):
            for article_id, result in future.result():
                yield by_id[article_id], result


def annotate_dask(models: str, articles: list[Article], scheduler: str | Any, chunk: int | None = None,
                  tag_scope: TagScope | None = None, finish: Finish = as_json) -> Iterator[tuple[Article, Any]]:
    """Annotate on a Dask cluster (``scheduler`` is its address or a ``distributed.Client``), as
    ``annotate_local`` does.

    Every worker needs this package and its models installed (the bundled ones ship with it).
    """
    from distributed import Client
    from distributed import as_completed as dask_completed

    try:
        client = scheduler if isinstance(scheduler, Client) else Client(scheduler, timeout="20s")
    except OSError as exc:
        raise KGError(f"Cannot reach the Dask scheduler at {scheduler!r} ({exc}). Start one with "
                      "`dask scheduler` and `dask worker ADDRESS`, or use the local executor.") from exc
    by_id = {a.id: a for a in articles}
    n_workers = len(client.scheduler_info().get("workers", {})) or 1
    sizes = _sizes(articles, n_workers, chunk)
    try:
        parts = chunks(articles, sizes)
        n = len(parts)
        futures = client.map(annotate_chunk, [models] * n, parts, [tag_scope] * n, [finish] * n, pure=False)
        for future in dask_completed(futures):
            for article_id, result in future.result():
                yield by_id[article_id], result
    finally:
        if client is not scheduler:
            client.close()


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
