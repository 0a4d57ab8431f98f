"""Which Stanza models to run: the bundled ones, Stanza's official ones, or a folder of the user's.

The choice comes from ``--models`` or the ``KG_MODELS`` environment variable:
``bundled`` (default, offline), ``official`` (downloads Stanza's Arabic models; needs network),
or a path to a folder in Stanza's resource layout (``ar/<processor>/<name>.pt``).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ModelError

BUNDLED_DIR = Path(__file__).resolve().parent.parent / "stanza_models"
PROCESSORS = ("tokenize", "pos", "lemma", "depparse", "ner")
REQUIRED = ("tokenize", "ner")
OPTIONAL_ORDER = ("pos", "lemma", "depparse")
# files the taggers read beside their own: word vectors and the NER's character language models
RESOURCES = ("pretrain", "forward_charlm", "backward_charlm")
PACKAGE = "kgnews"


@dataclass(frozen=True)
class ModelSpec:
    """A resolved set of models.  ``paths`` maps processor (and ``pretrain``) to a file."""

    name: str
    paths: dict[str, Path] = field(default_factory=dict)
    stanza_dir: Path | None = None  # set for the official models / a resources.json folder

    @property
    def processors(self) -> list[str]:
        return [p for p in PROCESSORS if p in self.paths]

    def version(self) -> str:
        """A content hash of the model files: the cache key changes when any model does."""
        digest = hashlib.sha256(self.name.encode())
        files = sorted(self.paths.values()) if self.paths else sorted((self.stanza_dir or Path()).rglob("*.pt"))
        for path in files:
            digest.update(path.name.encode())
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
        return digest.hexdigest()[:16]


def _pick(folder: Path) -> Path | None:
    if not folder.is_dir():
        return None
    preferred = folder / f"{PACKAGE}.pt"
    if preferred.is_file():
        return preferred
    found = sorted(folder.glob("*.pt"))
    return found[0] if len(found) == 1 else None


def _from_layout(name: str, root: Path) -> ModelSpec:
    lang = root / "ar"
    paths = {proc: p for proc in (*PROCESSORS, *RESOURCES) if (p := _pick(lang / proc)) is not None}
    missing = [p for p in REQUIRED if p not in paths]
    if missing:
        raise ModelError(
            f"No Arabic {' and '.join(missing)} model in {lang}. Expected files like "
            f"{lang}/ner/{PACKAGE}.pt. Retrain them with `kg models train`, use the bundled models "
            "(`--models bundled`), or Stanza's official ones when online (`--models official`).")
    if "pretrain" not in paths:
        raise ModelError(f"No word-vector file in {lang}/pretrain/: the NER and POS models need it. "
                         "Copy the pretrain .pt the models were trained with next to them.")
    charlms = [d for d in ("forward", "backward") if f"{d}_charlm" in paths]
    if len(charlms) == 1:  # a NER model uses both character LMs or neither
        other = "backward" if charlms == ["forward"] else "forward"
        raise ModelError(
            f"The {other} charlm of the NER model (ar/{other}_charlm/ in {root}) is missing or damaged, while the "
            f"{charlms[0]} one is there. Restore it (`git checkout kg/stanza_models` for the bundled models) "
            "or retrain both with `kg models train`.")
    return ModelSpec(name, paths)


def resolve_models(choice: str | Path | None = None) -> ModelSpec:
    """Resolve a ``--models`` value (``bundled``, ``official`` or a folder) to a ``ModelSpec``."""
    choice = str(choice or os.environ.get("KG_MODELS") or "bundled")
    if choice == "bundled":
        return _from_layout("bundled", BUNDLED_DIR)
    if choice == "official":
        from kg.nlp.official import ensure_official

        return ModelSpec("official", stanza_dir=ensure_official())
    root = Path(choice).expanduser()
    if not root.is_dir():
        raise ModelError(f"--models {choice!r}: not 'bundled', 'official' or an existing folder of models.")
    if (root / "resources.json").is_file():
        return ModelSpec(f"dir:{root.resolve()}", stanza_dir=root)
    return _from_layout(f"dir:{root.resolve()}", root)
