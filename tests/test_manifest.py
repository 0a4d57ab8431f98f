"""The build manifest: an unchanged corpus reuses its outputs, anything else rebuilds."""
import pytest

from kg import manifest
from kg.errors import KGError


def _outputs(tmp_path):
    files = {"json": tmp_path / "graph.json", "html": tmp_path / "graph.html"}
    files["json"].write_text('{"nodes": []}', encoding="utf-8")
    files["html"].write_text("<html></html>", encoding="utf-8")
    return files


def test_the_key_changes_with_any_article_its_order_or_a_version():
    arts = [("a", "1"), ("b", "2")]
    key = manifest.build_key(arts, "models", "rules")
    assert key == manifest.build_key(iter(arts), "models", "rules")
    assert key != manifest.build_key([("a", "1"), ("b", "3")], "models", "rules")  # an edited article
    assert key != manifest.build_key(arts[::-1], "models", "rules")  # corpus order decides ids and merges
    assert key != manifest.build_key(arts[:1], "models", "rules")  # a deleted article
    assert key != manifest.build_key(arts, "models", "rules2")


def test_outputs_are_up_to_date_only_with_the_same_key_and_intact_files(tmp_path):
    files = _outputs(tmp_path)
    manifest.write(tmp_path, "k1", files, {"entities": {"PERSON": 2}})
    found = manifest.up_to_date(tmp_path, "k1")
    assert found is not None and found["summary"] == {"entities": {"PERSON": 2}}
    assert found["outputs"] == {"json": "graph.json", "html": "graph.html"}
    assert manifest.up_to_date(tmp_path, "k2") is None
    files["html"].write_text("<html>edited</html>", encoding="utf-8")
    assert manifest.up_to_date(tmp_path, "k1") is None
    manifest.write(tmp_path, "k1", files, {})
    files["json"].unlink()
    assert manifest.up_to_date(tmp_path, "k1") is None


def test_a_missing_or_foreign_manifest_means_rebuild(tmp_path):
    assert manifest.up_to_date(tmp_path, "k") is None
    for text in ("not json", "[]", '{"key": "k"}', '{"key": "k", "files": ["graph.json"]}'):
        (tmp_path / manifest.NAME).write_text(text, encoding="utf-8")
        assert manifest.up_to_date(tmp_path, "k") is None
    manifest.write(tmp_path, "k", _outputs(tmp_path), {})
    manifest.remove(tmp_path)
    assert manifest.up_to_date(tmp_path, "k") is None


def test_a_manifest_that_cannot_be_replaced_is_a_clear_error(tmp_path):
    (tmp_path / manifest.NAME).mkdir()
    assert manifest.up_to_date(tmp_path, "k") is None
    with pytest.raises(KGError, match="another --out folder"):
        manifest.remove(tmp_path)
