"""End to end on the bundled seed articles, with the real models."""
import json
import subprocess
import sys

import pytest

from kg.pipeline import Builder
from kg.query import load
from tests.conftest import SEEDS, SHARED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    cache = out / "cache.sqlite"
    first = Builder(cache_path=cache).build([SEEDS], out)
    second = Builder(cache_path=cache).build([SEEDS], out)
    return out, first, second


def test_seed_build_writes_every_output(built):
    out, first, _ = built
    assert first.processed == 3
    for name in ("graph.json", "graph.graphml", "graph.gexf", "graph.html", "entities.csv", "relations.csv"):
        assert (out / name).stat().st_size > 0


def test_second_build_is_served_from_the_cache(built):
    _, first, second = built
    assert second.from_cache == 3 and second.processed == 0
    assert sorted(first.graph.nodes) == sorted(second.graph.nodes)


def test_tiktok_is_one_node_across_scripts_and_articles(built):
    g = load(built[0])
    node = g.find("TikTok")
    assert g.find("تيخوك") == g.find("تيك توك") == g.find("Tiktok") == node
    assert len(g.graph.nodes[node]["articles"]) == 3


def test_labour_is_one_node(built):
    g = load(built[0])
    assert g.find("حزب العمال") == g.find("حزب العمل")


def test_ofcom_did_not_meet_twitter(built):
    g = load(built[0])
    ofcom, twitter = g.find("Ofcom"), g.find("تويتر")
    assert not any(d["relation"] == "met" for u, v, d in g.graph.edges(data=True) if {u, v} == {ofcom, twitter})


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="needs ../shared/eval beside the checkout")
def test_scores_on_the_dev_gold_meet_the_bars(built):
    result = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "eval" / "dev" / "gold.jsonl"),
                             str(built[0] / "graph.json"), "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(result.stdout)
    print(scores)
    assert scores["entities"]["f1"] >= 0.70
    assert scores["relations"]["f1"] >= 0.50
    assert not scores["negatives_produced"]


def test_an_unchanged_corpus_reuses_its_outputs_and_an_edited_output_is_rebuilt(built):
    out, first, second = built
    assert second.up_to_date and not first.up_to_date
    assert second.counts == first.counts and sum(first.counts["entities"].values()) == len(first.graph)
    assert sorted(second.graph.edges) == sorted(first.graph.edges)  # read back from graph.json
    written = (out / "graph.json").read_bytes()
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("graph.*")}
    again = Builder(cache_path=out / "cache.sqlite").build([SEEDS], out)
    assert again.up_to_date and {p.name: p.stat().st_mtime_ns for p in out.glob("graph.*")} == stamps
    (out / "graph.json").write_text("{}", encoding="utf-8")  # a user edited (or broke) an output
    fixed = Builder(cache_path=out / "cache.sqlite").build([SEEDS], out)
    assert not fixed.up_to_date and fixed.from_cache == 3 and fixed.processed == 0
    assert (out / "graph.json").read_bytes() == written
