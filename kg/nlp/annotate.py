"""Run Stanza over articles in batches, keeping Stanza's character offsets for every span."""
from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kg.errors import ModelError
from kg.nlp import ner_tagger
from kg.nlp.doc import AnnotatedArticle, Sentence, Span, Word
from kg.nlp.models import ModelSpec
from kg.nlp.window_tagger import tag_pieces
from kg.schema import Article

log = logging.getLogger(__name__)
MAX_PARAGRAPH = 3000  # characters; longer paragraphs are cut at whitespace (a 200k-char line)
_NER_MAP = {"PERS": "PER"}
_TAGGERS = ("pos", "lemma", "depparse")  # processors that read sentences one by one, after NER
# the words of a sentence -> the word ranges [start, end) to tag (kg.tag_scope.tag_windows)
TagScope = Callable[[Sequence[str]], list[tuple[int, int]]]
UNTAGGED = "_"  # the part of speech of a word in a sentence left out of tagging
_DIRECT_ENTS = "kg_entities"  # attribute set on a Stanza sentence by the direct NER route


def make_pipeline(spec: ModelSpec, use_gpu: bool | None = None, pretokenized: bool = False,
                  only: tuple[str, ...] | None = None) -> Any:
    """Build a ``stanza.Pipeline`` on ``spec`` with no network access (download_method=None).

    ``pretokenized`` takes lists of tokens (for evaluation on gold tokens); ``only`` restricts
    the processors (tokenize is always kept).
    """
    import stanza
    import torch

    gpu = torch.cuda.is_available() if use_gpu is None else use_gpu
    if spec.stanza_dir is not None:
        config: dict[str, Any] = {"dir": str(spec.stanza_dir), "processors": "tokenize,mwt,pos,lemma,depparse,ner"}
    else:
        procs = [p for p in spec.processors if only is None or p in only or p == "tokenize"]
        if "lemma" in procs and "pos" not in procs:
            procs.remove("lemma")
        config = {"processors": ",".join(procs), "dir": str(_resources_stub(procs))}
        for proc in procs:
            config[f"{proc}_model_path"] = str(spec.paths[proc])
            if proc in ("pos", "depparse", "ner"):
                config[f"{proc}_pretrain_path"] = str(spec.paths["pretrain"])
        for direction in ("forward", "backward"):  # a NER model trained with character LMs needs them
            if "ner" in procs and f"{direction}_charlm" in spec.paths:
                config[f"ner_{direction}_charlm_path"] = str(spec.paths[f"{direction}_charlm"])
    try:
        cache = _float32_pretrains(spec)
        return stanza.Pipeline("ar", download_method=None, use_gpu=gpu, logging_level="WARN", foundation_cache=cache,
                               tokenize_pretokenized=pretokenized, ner_batch_size=64, pos_batch_size=3000, **config)
    except Exception as exc:  # stanza raises bare Exceptions, torch UnpicklingError, KeyError ...
        raise ModelError(
            f"Could not load the Stanza models '{spec.name}' ({exc.__class__.__name__}: {exc}). "
            "A model file is missing or damaged: restore it with `git checkout kg/stanza_models`, "
            "retrain with `kg models train`, or choose other models with --models.") from exc


def _float32_pretrains(spec: ModelSpec) -> Any:
    """Word vectors ship as float16 (half the size); the taggers need float32 matrices."""
    from stanza.models.common.foundation_cache import FoundationCache
    from stanza.models.common.pretrain import Pretrain

    cache = FoundationCache()
    path = spec.paths.get("pretrain")
    if path is not None:
        pretrain = Pretrain(str(path))
        pretrain._emb = pretrain.emb.float()
        cache.pretrains[str(path)] = pretrain
    return cache


def _resources_stub(procs: list[str]) -> Path:
    """Stanza wants a resources.json even when every model path is given: write a minimal one."""
    folder = Path(tempfile.gettempdir()) / "kg-stanza-resources"
    folder.mkdir(parents=True, exist_ok=True)
    stub = {"ar": {"lang_name": "Arabic", "packages": {"default": {}}, "default_processors": {},
                   **{p: {"default": {}} for p in (*procs, "pretrain")}}}
    # workers start together: write beside and rename, so none reads a half-written file
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(stub))
    os.replace(tmp, folder / "resources.json")
    return folder


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, paragraph)`` for each non-empty line, long lines cut at whitespace."""
    for match in re.finditer(r"[^\n]+", text):
        start, para = match.start(), match.group()
        while len(para) > MAX_PARAGRAPH:
            cut = para.rfind(" ", 0, MAX_PARAGRAPH)
            cut = cut if cut > MAX_PARAGRAPH // 2 else MAX_PARAGRAPH
            if para[:cut].strip():
                yield start, para[:cut]
            start, para = start + cut, para[cut:]
        if para.strip():
            yield start, para


def _sentences(doc: Any, offset: int, first_index: int) -> list[Sentence]:
    out = []
    for k, sent in enumerate(doc.sentences):
        words = []
        for token in sent.tokens:
            for word in token.words:
                words.append(Word(word.id, word.text, word.lemma or word.text, word.upos or UNTAGGED,
                                  int(word.head or 0), word.deprel or "_",
                                  offset + token.start_char, offset + token.end_char))
        start, end = sent.tokens[0].start_char, sent.tokens[-1].end_char
        found = getattr(sent, _DIRECT_ENTS, None)
        if found is None:  # Stanza's own NER route
            found = [(e.start_char, e.end_char, e.type) for e in sent.ents]
        else:  # token ranges from kg.nlp.ner_tagger
            found = [(sent.tokens[a].start_char, sent.tokens[b].end_char, kind) for a, b, kind in found]
        ents = [Span(offset + a, offset + b, _NER_MAP.get(kind, kind), doc.text[a:b]) for a, b, kind in found]
        out.append(Sentence(first_index + k, offset + start, offset + end, doc.text[start:end], words, ents))
    return out


def annotate(pipeline: Any, articles: Iterable[Article], batch_chars: int | None = None,
             tag_scope: TagScope | None = None) -> Iterator[AnnotatedArticle]:
    """Annotate articles, batching paragraphs of several articles into one Stanza bulk call.

    ``batch_chars`` (default 250,000, env ``KG_BATCH_CHARS``) bounds a batch: bigger batches are
    faster (Stanza sorts and pads within a call), smaller ones lose less work if the process is
    killed.  With ``tag_scope``, only the words it picks get parts of speech (the others get
    ``UNTAGGED``).
    """
    batch_chars = batch_chars or int(os.environ.get("KG_BATCH_CHARS", "250000"))
    batch: list[Article] = []
    size = 0
    for article in articles:
        batch.append(article)
        size += len(article.text)
        if size >= batch_chars:
            yield from _annotate_batch(pipeline, batch, tag_scope)
            batch, size = [], 0
    if batch:
        yield from _annotate_batch(pipeline, batch, tag_scope)


def _run(pipeline: Any, paras: list[str], tag_scope: TagScope | None) -> list[Any]:
    """Stanza over the paragraphs; with a scope, the taggers see only what it picks and NER runs
    by the direct route (kg/nlp/ner_tagger.py) where it can."""
    from stanza import Document

    if not paras:
        return []
    docs = [Document([], text=para) for para in paras]
    if tag_scope is None:
        return pipeline.bulk_process(docs)
    ner = pipeline.processors.get("ner")
    direct = ner is not None and ner_tagger.supported(ner)
    skip = (*_TAGGERS, "ner") if direct else _TAGGERS
    docs = pipeline.bulk_process(docs, processors=[p for p in pipeline.processors if p not in skip])
    sentences = [s for doc in docs for s in doc.sentences]
    if direct:
        found = ner_tagger.tag_sentences(ner, [[t.text for t in s.tokens] for s in sentences])
        for sent, ents in zip(sentences, found):
            setattr(sent, _DIRECT_ENTS, ents)
    if set(_TAGGERS) & set(pipeline.processors) == {"pos"}:
        _tag_windows(pipeline.processors["pos"], sentences, tag_scope)
    else:  # a parser needs whole sentences: tag every sentence with a window
        chosen = [s for s in sentences if tag_scope([w.text for w in s.words])]
        if chosen:  # one combined document, as Stanza's own bulk processing does for its taggers
            combined = Document([])
            combined.sentences = chosen
            combined.num_tokens = sum(len(s.tokens) for s in chosen)
            combined.num_words = sum(len(s.words) for s in chosen)
            for name in _TAGGERS:
                if name in pipeline.processors:
                    pipeline.processors[name].process(combined)
    return docs


def _tag_windows(pos: Any, sentences: list[Any], tag_scope: TagScope) -> None:
    """POS-tag only the scope's windows, as short sentences of their own, and copy the tags back
    onto the sentences' words."""
    places, pieces = [], []
    for sent in sentences:
        texts = [w.text for w in sent.words]
        for start, end in tag_scope(texts):
            places.append((sent, start))
            pieces.append(texts[start:end])
    for (sent, start), tags in zip(places, tag_pieces(pos, pieces)):
        for k, tag in enumerate(tags):
            sent.words[start + k].upos = tag


def _annotate_batch(pipeline: Any, articles: list[Article], tag_scope: TagScope | None) -> list[AnnotatedArticle]:
    parts = [(a, off, para) for a in articles for off, para in paragraphs(a.text)]
    docs = _run(pipeline, [para for _, _, para in parts], tag_scope)
    sentences: dict[str, list[Sentence]] = {a.id: [] for a in articles}
    for (article, offset, _), doc in zip(parts, docs):
        found = sentences[article.id]
        found.extend(_sentences(doc, offset, len(found)))
    return [AnnotatedArticle(a, sentences[a.id]) for a in articles]
