"""JSON Schemas generated from the Pydantic models (``kg schemas`` writes them to schemas/)."""
from __future__ import annotations

import json

from kg.schema import SCHEMA_MODELS


def schema_texts() -> dict[str, str]:
    return {name: json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            for name, model in SCHEMA_MODELS.items()}
