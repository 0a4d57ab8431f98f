"""Word vectors from the raw news, converted into a Stanza pretrain file.

The tokens fed to word2vec follow the NER corpora's convention (whitespace tokens with the
punctuation split off, clitics left attached), because the NER tagger looks its input tokens
up in this vocabulary.
"""
from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterator
from pathlib import Path

from kg.normalize import simple_tokens

log = logging.getLogger(__name__)



def raw_sentences_text(raw_dir: Path) -> Iterator[str]:
    """Yield every paragraph (and title) of every article under ``raw_dir``."""
    for path in sorted(raw_dir.rglob("*.jsonl.gz")):
        log.info("reading %s", path)
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                article = json.loads(line)
                for para in (article.get("title", ""), *article["text"].split("\n")):
                    if para.strip():
                        yield para


def raw_sentences(raw_dir: Path) -> Iterator[list[str]]:
    """Yield one token list per paragraph of every article under ``raw_dir``."""
    for para in raw_sentences_text(raw_dir):
        tokens = simple_tokens(para)
        if len(tokens) > 2:
            yield tokens


class _Corpus:
    """Restartable iterable, as gensim makes several passes."""

    def __init__(self, raw_dir: Path) -> None:
        self.raw_dir = raw_dir

    def __iter__(self) -> Iterator[list[str]]:
        return raw_sentences(self.raw_dir)


def _vocabulary(wv, limit: int, must_have: list[str]) -> list[str]:
    """The ``limit`` most frequent news words, then the NER training words the news lacks.

    fastText composes a vector for any word from its character n-grams, so the NER training
    words get sensible vectors even when they are rare in the news.
    """
    words = list(wv.index_to_key[:limit])
    seen = set(words)
    for word in must_have:
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def _write_text_vectors(wv, path: Path, words: list[str]) -> None:
    """word2vec text format; Stanza keeps the order, so the most frequent words come first."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(f"{len(words)} {wv.vector_size}\n")
        for word in words:
            handle.write(word + " " + " ".join(f"{x:.5f}" for x in wv[word]) + "\n")


def train_vectors(raw_dir: Path, out_dir: Path, must_have: list[str] | None = None, dim: int = 100,
                  max_vocab: int = 150_000, epochs: int = 5, workers: int = 2, seed: int = 1234) -> Path:
    """Train skip-gram fastText on the news; write ``out_dir/ar_news.pretrain.pt`` (float16).

    The vocabulary is the ``max_vocab`` most frequent news words plus ``must_have`` (the words
    of the NER training data), so the tagger's training words all have a vector.
    """
    import numpy as np
    import torch
    from gensim.models import FastText
    from stanza.models.common.pretrain import Pretrain

    out_dir.mkdir(parents=True, exist_ok=True)
    txt = out_dir / "ar_news.vec.txt"
    if not txt.exists():
        saved = out_dir / "fasttext.model"
        if saved.exists():
            model = FastText.load(str(saved))
        else:
            model = FastText(_Corpus(raw_dir), vector_size=dim, window=5, min_count=3, sg=1, negative=5,
                             min_n=2, max_n=5, bucket=1_000_000, epochs=epochs, workers=workers, seed=seed)
            model.save(str(saved))
        _write_text_vectors(model.wv, txt, _vocabulary(model.wv, max_vocab, must_have or []))
    pt32 = out_dir / "ar_news.pretrain.f32.pt"
    if not pt32.exists():
        Pretrain(str(pt32), str(txt)).load()  # the text file already holds the capped vocabulary
    # float16 halves the shipped size; Stanza copies the matrix into float32 weights on load.
    data = torch.load(pt32, weights_only=True)
    emb = data["emb"]
    emb = torch.from_numpy(emb) if isinstance(emb, np.ndarray) else emb
    data["emb"] = emb.to(torch.float16)
    out = out_dir / "ar_news.pretrain.pt"
    torch.save(data, out, _use_new_zipfile_serialization=False)
    return out
