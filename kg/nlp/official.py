"""Stanza's official Arabic models, for users who are online."""
from __future__ import annotations

import os
from pathlib import Path

from kg.errors import ModelError

OFFICIAL_PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"


def official_dir() -> Path:
    return Path(os.environ.get("STANZA_RESOURCES_DIR", Path.home() / "stanza_resources"))


def ensure_official() -> Path:
    """Download Stanza's Arabic models unless already present; return the resources folder."""
    import stanza

    target = official_dir()
    if (target / "ar" / "ner").is_dir() and (target / "resources.json").is_file():
        return target
    try:
        stanza.download("ar", model_dir=str(target), processors=OFFICIAL_PROCESSORS, logging_level="WARN")
    except Exception as exc:  # network errors come in many types (requests, OSError, ...)
        raise ModelError(
            f"Could not download Stanza's official Arabic models into {target} ({exc.__class__.__name__}: "
            f"{exc}). Are you online? Without network use the bundled models: `--models bundled`.") from exc
    return target
