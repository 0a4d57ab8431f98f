"""The command line as a user runs it (real models)."""
import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query import EXAMPLE_GRAPH

runner = CliRunner()
GOOD = "قال رئيس الوزراء البريطاني بوريس جونسون إن شركة تيك توك التي تملكها بايت دانس ستخضع لقواعد جديدة."


@pytest.mark.slow
def test_build_survives_bad_files_and_reports_them(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "copy.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "bin.txt").write_bytes(b"\x00\x01" * 50)
    (corpus / "evil.html").write_text("<html><body><script>alert(1)</script><p>" + GOOD.replace("تيك توك", "<b>تيك توك</b>")
                                      + "<img src=x onerror=alert(2)> وأضاف أن القرار نهائي.</p></body></html>", encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output and "empty.txt" in result.output and "bin.txt" in result.output
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert any(n["name_en"] == "TikTok" for n in graph["nodes"])
    again = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out")])
    assert "2 from cache, 0 processed" in again.output


def test_build_of_a_missing_folder_is_a_clear_message(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "no such file or directory" in result.output


def test_unknown_models_option_exits_with_a_message(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path), "--models", str(tmp_path / "none")])
    assert result.exit_code == 2 and "not 'bundled', 'official'" in result.output


def test_unknown_training_step_is_named_before_any_work(tmp_path):
    result = runner.invoke(app, ["models", "train", "--work", str(tmp_path / "w"), "--steps", "ner,parser"])
    assert result.exit_code == 2 and "parser" in result.output and "charlm_forward" in result.output
    assert not (tmp_path / "w").exists()


def test_who_and_path_print_readable_arabic():
    who = runner.invoke(app, ["who", "تيخوك", "--graph", str(EXAMPLE_GRAPH)])
    assert who.exit_code == 0 and "تيك توك" in who.output and "owns" in who.output
    path = runner.invoke(app, ["path", "جيمس ليون", "بايت دانس", "--graph", str(EXAMPLE_GRAPH)])
    assert path.exit_code == 0 and "works_for" in path.output and "تملكه" in path.output


def test_unknown_actor_is_explained():
    result = runner.invoke(app, ["who", "شخص مجهول تماما", "--graph", str(EXAMPLE_GRAPH)])
    assert result.exit_code == 2 and "No actor called" in result.output


def test_show_writes_an_ego_network(tmp_path):
    result = runner.invoke(app, ["show", "تيك توك", "--graph", str(EXAMPLE_GRAPH), "--radius", "1", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert (tmp_path / "graph.html").exists() and (tmp_path / "graph.graphml").exists()


def test_schemas_check_passes():
    assert runner.invoke(app, ["schemas", "--check"]).exit_code == 0
