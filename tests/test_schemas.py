from pathlib import Path

from kg.schemas_gen import schema_texts

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def test_schemas_match_the_models():
    """Fails when a Pydantic model changes without `kg schemas` being run."""
    for name, text in schema_texts().items():
        path = SCHEMAS / f"{name}.schema.json"
        assert path.exists(), f"{path} missing: run `kg schemas`"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `kg schemas`"
