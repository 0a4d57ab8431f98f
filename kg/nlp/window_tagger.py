"""Part-of-speech tags for short word windows, from the Stanza tagger's network directly.

On the build's windows (a few words around each name, ~14 % of the words) Stanza's own route
(Document -> Dataset -> DataLoader -> collate -> unmap) cost as much as the network itself: its
collate sorts sentences by 0-d tensors and the words are mapped and unmapped column by column.
Here the same vocabularies and the same network run on plain lists; the tags are the ones
``PosProcessor.process`` gives (checked against it in tests/nlp/test_window_tagger.py).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MAX_WORDS = 5000  # words per forward pass, Stanza's default ``batch_maximum_tokens`` for POS


def tag_pieces(pos: Any, pieces: Sequence[Sequence[str]], max_words: int = MAX_WORDS) -> list[list[str]]:
    """UPOS for every word of every piece (a piece is a short sentence of its own), in order."""
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]), reverse=True)
    out: list[list[str]] = [[] for _ in pieces]
    batch: list[int] = []
    size = 0
    for i in order:
        if batch and size + len(pieces[i]) > max_words:
            _fill(pos, pieces, batch, out)
            batch, size = [], 0
        batch.append(i)
        size += len(pieces[i])
    if batch:
        _fill(pos, pieces, batch, out)
    return out


def _fill(pos: Any, pieces: Sequence[Sequence[str]], batch: list[int], out: list[list[str]]) -> None:
    batch = [i for i in batch if pieces[i]]  # an empty piece has nothing to tag
    if batch:
        for i, tags in zip(batch, _predict(pos, [pieces[i] for i in batch])):
            out[i] = tags


def _predict(pos: Any, sents: list[Sequence[str]]) -> list[list[str]]:
    """One forward pass over ``sents``, longest first (the packed LSTM needs that order)."""
    import torch
    from torch.nn.utils.rnn import pad_sequence

    trainer = pos.trainer
    model, vocab = trainer.model, trainer.vocab
    device = next(model.parameters()).device

    def padded(rows: list[list[int]]) -> Any:
        return pad_sequence([torch.tensor(r, dtype=torch.long) for r in rows], batch_first=True).to(device)

    words = padded([vocab["word"].map(list(s)) for s in sents])
    pretrain_vocab = pos.pretrain.vocab if pos.pretrain is not None else None
    pretrained = padded([pretrain_vocab.map([w.lower() for w in s]) if pretrain_vocab else [0] * len(s)
                         for s in sents])
    chars = [vocab["char"].map(list(w)) for s in sents for w in s]
    char_order = sorted(range(len(chars)), key=lambda i: len(chars[i]), reverse=True)
    wordchars = padded([chars[i] for i in char_order])
    sentlens = [len(s) for s in sents]
    with torch.no_grad():
        model.eval()
        _, preds = model(words, words.eq(0), wordchars, wordchars.eq(0), None, pretrained, char_order,
                         sentlens, [len(chars[i]) for i in char_order], [list(s) for s in sents])
    upos = preds[[c.name for c in model.tag_columns].index("upos")].tolist()
    id2unit = vocab["upos"]._id2unit
    return [[id2unit[t] for t in row[:n]] for row, n in zip(upos, sentlens)]
