"""Named entities for tokenized sentences, from the Stanza NER network directly.

Stanza's own route (``NERProcessor``: Document -> DataLoader -> tensors -> per-sentence Viterbi ->
tags set on tokens -> spans) costs about half as much as the network on the raw news: the
document is read and written token by token, every character is mapped on every occurrence,
padded tensors are filled row by row and the CRF is decoded one sentence at a time.  Here the
same vocabularies and network run on plain lists, in the same batches (``batch_size`` sentences
in order, each batch sorted as Stanza sorts it, so the numbers are the same), characters are
mapped once per word form, and the Viterbi decoding runs over a whole batch at once with the
same float operations.  The spans are the ones ``NERProcessor`` gives (checked against it in
tests/nlp/test_ner_tagger.py).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

Entity = tuple[int, int, str]  # first token, last token (inclusive), type


def supported(ner: Any) -> bool:
    """One model with one tag column and no BERT: what this route reproduces; any other falls back to Stanza's."""
    trainers: Any = getattr(ner, "trainers", None)
    return (bool(trainers) and len(trainers) == 1 and trainers[0].model.bert_model is None
            and len(trainers[0].model.tag_clfs) == 1)


def tag_sentences(ner: Any, sentences: Sequence[Sequence[str]]) -> list[list[Entity]]:
    """The entities of every sentence (a sentence: its tokens' texts), in order."""
    trainer, config = ner.trainers[0], ner.configs[0]
    state = _State(trainer, config)
    out: list[list[Entity]] = []
    size = config["batch_size"]
    for start in range(0, len(sentences), size):
        out.extend(_batch(state, sentences[start:start + size]))
    return out


class _State:
    """The model, its vocabularies and the per-word-form character ids of one call."""

    def __init__(self, trainer: Any, config: dict[str, Any]) -> None:
        self.trainer, self.model, self.vocab = trainer, trainer.model, trainer.vocab
        self.lower = bool(config.get("char_lowercase", False))
        self.chars: dict[str, list[int]] = {}
        self.no_tag = self.vocab["tag"].map([(None,)])[0]  # what an untagged token maps to
        self.start_id, self.end_id = self.vocab["char"].unit2id("\n"), self.vocab["char"].unit2id(" ")

    def char_ids(self, word: str) -> list[int]:
        ids = self.chars.get(word)
        if ids is None:
            ids = self.chars[word] = self.vocab["char"].map(list(word.lower() if self.lower else word))
        return ids


def _char_streams(state: _State, sents: list[list[list[int]]]) -> tuple[Any, Any, Any, Any, list[int]]:
    """``DataLoader.process_chars``: each sentence as one character stream for the forward and one
    for the backward character LM, and where each word ends in them."""
    start, end = state.start_id, state.end_id
    forward, backward, offsets_f, offsets_b = [], [], [], []
    for sent in sents:
        fwd, ends = [start], []
        for word in sent:
            fwd += word
            ends.append(len(fwd))
            fwd.append(end)
        bwd, starts = [start], []
        for word in reversed(sent):
            bwd += word[::-1]
            starts.append(len(bwd))
            bwd.append(end)
        forward.append(fwd)
        backward.append(bwd)
        offsets_f.append(ends)
        offsets_b.append(starts[::-1])
    return forward, backward, offsets_f, offsets_b, [len(s) for s in forward]


def _padded(rows: Sequence[Sequence[Any]], n: int, pad: int = 0) -> Any:
    """Stanza's ``get_long_tensor`` for 2-d rows, built in one go."""
    import torch

    width = max(len(r) for r in rows)
    return torch.tensor([list(r) + [pad] * (width - len(r)) for r in rows] + [[pad] * width] * (n - len(rows)),
                        dtype=torch.long)


def _batch(state: _State, sents: Sequence[Sequence[str]]) -> list[list[Entity]]:
    """One batch as ``DataLoader.__getitem__`` and ``Trainer.predict`` make and run it."""
    import torch
    from stanza.models.common.data import sort_all
    from stanza.models.common.utils import unsort
    from stanza.models.common.vocab import PAD_ID

    n = len(sents)
    batch: list[Any] = [[list(s) for s in sents], [[state.char_ids(w) for w in s] for s in sents],
             [[state.no_tag] * len(s) for s in sents]]
    batch, orig_idx = sort_all(batch, [len(s) for s in sents])
    sentlens = [len(x) for x in batch[0]]
    forward, backward, offsets_f, offsets_b, charlens = _char_streams(state, batch[1])
    (forward, backward, offsets_f, offsets_b), char_orig_idx = sort_all([forward, backward, offsets_f, offsets_b],
                                                                        charlens)
    charlens = [len(s) for s in forward]
    words = [w for s in batch[1] for w in s]
    (words,), word_orig_idx = sort_all([words], [len(w) for w in words])
    wordchars = _padded(words, len(words))
    chars = torch.cat([_padded(forward, n, state.end_id).unsqueeze(0), _padded(backward, n, state.end_id).unsqueeze(0)])
    tags = torch.tensor([r + [[PAD_ID] * len(state.no_tag)] * (sentlens[0] - len(r)) for r in batch[2]], dtype=torch.long)
    model = state.model
    model.eval()
    with torch.no_grad():
        _, logits, trans = model(batch[0], wordchars, torch.eq(wordchars, PAD_ID), tags, word_orig_idx, sentlens,
                                 [len(w) for w in words], chars, [offsets_f, offsets_b], charlens, char_orig_idx)
    paths = _viterbi(logits[0].detach().cpu().numpy(), trans[0].detach().cpu().numpy(), sentlens)
    return unsort([_entities(state, path) for path in paths], orig_idx)


def _viterbi(scores: np.ndarray, transitions: np.ndarray, lengths: list[int]) -> list[list[int]]:
    """``stanza.models.common.crf.viterbi_decode`` for every sentence of a batch at once: the same
    float32 sums and maxima, step by step (positions past a sentence's end are never read)."""
    batch, steps, _ = scores.shape
    trellis = np.zeros_like(scores)
    back = np.zeros(scores.shape, dtype=np.int32)
    trellis[:, 0] = scores[:, 0]
    for t in range(1, steps):
        v = trellis[:, t - 1, :, None] + transitions[None]
        trellis[:, t] = scores[:, t] + v.max(axis=1)
        back[:, t] = v.argmax(axis=1)
    paths = []
    for i, length in enumerate(lengths):
        path = [int(trellis[i, length - 1].argmax())]
        for t in range(length - 1, 0, -1):
            path.append(int(back[i, t, path[-1]]))
        paths.append(path[::-1])
    return paths


def _entities(state: _State, path: list[int]) -> list[Entity]:
    """Tag ids -> BIOES tags (as ``Trainer.predict`` unmaps and fixes them) -> entity spans."""
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.ner.trainer import fix_singleton_tags
    from stanza.models.ner.utils import decode_from_bioes

    tagset = state.trainer.args["predict_tagset"]
    tags = state.vocab["tag"].unmap([(max(t, VOCAB_PREFIX_SIZE),) for t in path])
    tags = fix_singleton_tags([t[tagset] if isinstance(t, list) else t for t in tags])
    return [(e["start"], e["end"], e["type"]) for e in decode_from_bioes(tags)]
