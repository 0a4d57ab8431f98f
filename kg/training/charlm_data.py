"""Plain text for the character language models: shuffled news paragraphs, capped in size.

Stanza's charlm reads a folder of training text and a dev file.  A capped share of the raw news
(40 MB of UTF-8, about 22M characters) is enough for the small models we ship, and keeps their
training under half an hour on 2 CPU cores (one thread per direction, run side by side).
"""
from __future__ import annotations

import random
from pathlib import Path

from kg.training.vectors import raw_sentences_text

DEV_PARAGRAPHS = 2000
TRAIN_BYTES = 40_000_000


def prepare_charlm(raw_dir: Path, out_dir: Path, seed: int = 1, train_bytes: int = TRAIN_BYTES) -> dict[str, Path]:
    """Write ``out_dir/train/news.txt`` and ``out_dir/dev.txt`` (deterministic for a seed)."""
    paras = list(raw_sentences_text(raw_dir))
    random.Random(seed).shuffle(paras)
    (out_dir / "train").mkdir(parents=True, exist_ok=True)
    dev = out_dir / "dev.txt"
    dev.write_text("\n".join(paras[:DEV_PARAGRAPHS]), encoding="utf-8")
    data = "\n".join(paras[DEV_PARAGRAPHS:]).encode("utf-8")[:train_bytes]
    text = data.decode("utf-8", errors="ignore")
    train = out_dir / "train" / "news.txt"
    train.write_text(text[:text.rfind("\n")], encoding="utf-8")
    return {"train_dir": train.parent, "dev": dev}
