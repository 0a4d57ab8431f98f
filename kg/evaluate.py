"""Scores of the NLP models: NER exact-span P/R/F1 on BIO files, tokens / UPOS / lemmas on CoNLL-U.

The pipelines come from the NLP stage; this module only reads files and compares spans.
"""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.nlp import make_pipeline, resolve_models
from kg.training.ner_data import WOJOOD_MAP, read_bio, repair_bio
from kg.training.ud_data import merge_sentence, read_conllu

Span = tuple[int, int, int, str]  # sentence, start token, end token, type


def bio_spans(sent_index: int, tags: list[str]) -> set[Span]:
    spans, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and kind == tag[2:]:
            continue
        if start is not None:
            spans.add((sent_index, start, i, str(kind)))
            start, kind = None, None
        if tag.startswith(("B-", "I-")):
            start, kind = i, tag[2:]
    return spans


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "gold": n_gold, "predicted": n_pred}


def score_spans(gold: set[Span], pred: set[Span]) -> dict[str, Any]:
    out: dict[str, Any] = {"micro": prf(len(gold & pred), len(pred), len(gold)), "per_type": {}}
    for kind in sorted({s[3] for s in gold | pred}):
        g = {s for s in gold if s[3] == kind}
        p = {s for s in pred if s[3] == kind}
        out["per_type"][kind] = prf(len(g & p), len(p), len(g))
    return out


def evaluate_ner(spec_or_models: Any, path: Path, wojood: bool = False) -> dict[str, Any]:
    """Exact-span micro P/R/F1 (and per type) of the NER model on gold tokens of ``path``."""
    if not path.is_file():
        raise InputError(f"{path}: no such BIO file")
    spec = resolve_models(spec_or_models) if not hasattr(spec_or_models, "paths") else spec_or_models
    pipeline = make_pipeline(spec, pretokenized=True, only=("ner",))
    sentences = [repair_bio(s) for s in read_bio(path, WOJOOD_MAP if wojood else None)]
    gold: set[Span] = set()
    for k, sent in enumerate(sentences):
        gold |= bio_spans(k, [t for _, t in sent])
    tokens = [[tok for tok, _ in sent] for sent in sentences]
    started = time.perf_counter()
    doc = pipeline(tokens)
    seconds = time.perf_counter() - started
    pred: set[Span] = set()
    for k, sent in enumerate(doc.sentences):
        pred |= bio_spans(k, [_bio(t.ner) for t in sent.tokens])
    if wojood:  # the mapped gold has no MISC: predictions outside PER/LOC/ORG are not scored
        pred = {s for s in pred if s[3] in set(WOJOOD_MAP.values())}
    result = score_spans(gold, pred)
    n_tokens = sum(len(t) for t in tokens)
    result["tokens"] = n_tokens
    result["tokens_per_second"] = round(n_tokens / seconds, 1)
    return result


def _bio(tag: str) -> str:
    """Stanza predicts BIOES; fold it to BIO."""
    if tag.startswith("S-"):
        return "B-" + tag[2:]
    if tag.startswith("E-"):
        return "I-" + tag[2:]
    return tag


def _gold_offsets(text: str, forms: list[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for form in forms:
        at = text.find(form, pos)
        if at < 0:
            raise InputError(f"token {form!r} not found in the sentence text; is the CoNLL-U '# text' line right?")
        spans.append((at, at + len(form)))
        pos = at + len(form)
    return spans


def evaluate_conllu(spec_or_models: Any, path: Path) -> dict[str, Any]:
    """Token F1 (raw text in), UPOS and lemma accuracy (gold tokens in) on a CoNLL-U file.

    Gold tokens follow our convention: PUD's glued clitics are merged back into their host word.
    """
    if not path.is_file():
        raise InputError(f"{path}: no such CoNLL-U file")
    spec = resolve_models(spec_or_models) if not hasattr(spec_or_models, "paths") else spec_or_models
    sentences = [merge_sentence(s) for s in read_conllu(path)]
    texts = [next(c for c in s.comments if c.startswith("# text =")).split("=", 1)[1].strip() for s in sentences]
    raw_pipe = make_pipeline(spec, only=("tokenize",))
    tp = n_pred = n_gold = 0
    for text, sent in zip(texts, sentences):
        gold = set(_gold_offsets(text, [r[1] for r in sent.rows]))
        doc = raw_pipe(text)
        pred = {(t.start_char, t.end_char) for s in doc.sentences for t in s.tokens}
        tp, n_pred, n_gold = tp + len(gold & pred), n_pred + len(pred), n_gold + len(gold)
    tag_pipe = make_pipeline(spec, pretokenized=True, only=("pos", "lemma"))
    doc = tag_pipe([[r[1] for r in s.rows] for s in sentences])
    upos: Counter[bool] = Counter()
    lemma: Counter[bool] = Counter()
    for sent, pred_sent in zip(sentences, doc.sentences):
        for row, word in zip(sent.rows, pred_sent.words):
            upos[word.upos == row[3]] += 1
            lemma[(word.lemma or "") == row[2]] += 1
    total = sum(upos.values()) or 1
    return {"tokens": prf(tp, n_pred, n_gold), "upos_accuracy": round(upos[True] / total, 4),
            "lemma_accuracy": round(lemma[True] / total, 4), "words": total}
