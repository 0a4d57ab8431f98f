"""The build manifest: what the outputs in a folder were built from, so an unchanged re-run is a no-op.

``kg build`` writes ``.kg-manifest.json`` beside its outputs, last and atomically: a key over
everything the outputs depend on (the articles' ids and content hashes in corpus order, the models,
the rules, this package's code) and the SHA-256 of every output file.  When the next build of the
same folder has the same key and every output is still there, byte for byte, resolution, graph and
exports are skipped; anything else (an article added, edited or deleted, a rule changed, an output
edited or removed) rebuilds as usual.  A full build removes the manifest before it rewrites the
outputs, so a build killed half-way leaves none, and the next build redoes the stages.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import KGError
from kg.export.atomic import atomic_write

NAME = ".kg-manifest.json"


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of this package's code and rule data (not the models, which have their own version)."""
    digest = hashlib.sha256()
    root = resources.files("kg")
    for folder, suffixes in (("", (".py",)), ("export", (".py",)), ("nlp", (".py",)), ("data", (".yaml", ".json"))):
        base = root.joinpath(folder) if folder else root
        for item in sorted(base.iterdir(), key=lambda p: p.name):
            if item.is_file() and item.name.endswith(suffixes):
                digest.update(f"{folder}/{item.name}".encode())
                digest.update(item.read_bytes())
    return digest.hexdigest()[:16]


def build_key(articles: Iterable[tuple[str, str]], *versions: str) -> str:
    """Key of a build: the ``(id, sha256)`` of each article in corpus order, and the versions given."""
    digest = hashlib.sha256(json.dumps([code_version(), *versions]).encode())
    for article_id, sha in articles:
        digest.update(f"{article_id}\t{sha}\n".encode())
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def up_to_date(out_dir: Path, key: str) -> dict[str, Any] | None:
    """The manifest of ``out_dir`` when it was built with ``key`` and its outputs are intact, else None."""
    try:
        manifest = json.loads((out_dir / NAME).read_text(encoding="utf-8"))
        if manifest.get("key") != key:
            return None
        for name, sha in manifest["files"].items():
            if file_sha256(out_dir / name) != sha:
                return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, unreadable or foreign: rebuild
    return dict(manifest)


def remove(out_dir: Path) -> None:
    try:
        (out_dir / NAME).unlink(missing_ok=True)
    except OSError as exc:  # a folder of that name, or no permission
        raise KGError(f"{out_dir / NAME}: cannot remove the old build manifest ({exc.strerror}); "
                      "delete it by hand or choose another --out folder") from exc


def write(out_dir: Path, key: str, outputs: dict[str, Path], summary: dict[str, Any]) -> None:
    """Record ``key``, the outputs' hashes and the build's summary counts (after the outputs)."""
    manifest = {"key": key, "outputs": {fmt: path.name for fmt, path in outputs.items()},
                "files": {path.name: file_sha256(path) for path in outputs.values()}, "summary": summary}
    with atomic_write(out_dir / NAME) as handle:
        handle.write(json.dumps(manifest, ensure_ascii=False, indent=1))
