"""Worker processes and a Dask cluster give the same graph as a single-process build."""
import json

import pytest

from kg.pipeline import Builder

pytestmark = pytest.mark.slow

ARTICLES = [
    "اجتمع مسؤولو أوفكوم مع ممثلي شركة ميتا في لندن لبحث قواعد السلامة على الإنترنت.",
    "قال رئيس الوزراء البريطاني بوريس جونسون إن الحكومة ستراقب تطبيق تيك توك.",
    'ويستخدم الملايين تطبيق "تيك توك" الذي تملكه شركة "بايت دانس" الصينية.',
    "انتقد الرئيس الأمريكي جو بايدن شركة فيسبوك بسبب المعلومات المضللة.",
    "وقال كيفن ماير، المدير التنفيذي في شركة أمازون، إن الأرباح ارتفعت هذا العام.",
    "التقى وزير الخارجية المصري سامح شكري نظيره الفرنسي في باريس أمس.",
    "أعلنت وزارة الاتصالات السعودية عن شراكة مع شركة هواوي الصينية.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for n, text in enumerate(ARTICLES):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    return folder


def graph_json(tmp_path, corpus, **kwargs):
    out = tmp_path / "out"
    Builder(cache_path=None, **kwargs).build([corpus], out)
    return json.loads((out / "graph.json").read_text(encoding="utf-8"))


def test_process_pool_matches_single_process(tmp_path, corpus):
    single = graph_json(tmp_path / "a", corpus, workers=1)
    pooled = graph_json(tmp_path / "b", corpus, workers=2)
    assert pooled == single and single["nodes"]


def test_dask_local_cluster_matches_single_process(tmp_path, corpus):
    from distributed import Client, LocalCluster

    single = graph_json(tmp_path / "a", corpus, workers=1)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        dask = graph_json(tmp_path / "b", corpus, executor="dask", scheduler=client)
    assert dask == single


def test_a_worker_with_other_rules_is_redone_with_the_main_process_rules(tmp_path, corpus, monkeypatch):
    """A Dask worker may run another version of the rules: its extraction is not cached or used."""
    import dataclasses

    from kg.nlp.annotate import annotate
    from kg.pipeline import Extraction, finish_in_worker
    from kg.tag_scope import tag_windows

    single = graph_json(tmp_path / "a", corpus, workers=1)

    def stale_workers(self, misses):
        for annotated in annotate(self.pipeline, misses, tag_scope=tag_windows):
            finished = finish_in_worker(annotated)
            empty = Extraction(dataclasses.replace(finished.extraction.mentions, mentions=[], links=[]), [])
            yield annotated.article, dataclasses.replace(finished, rules="other", extraction=empty)

    monkeypatch.setattr(Builder, "_in_workers", stale_workers)
    out = tmp_path / "b"
    Builder(cache_path=tmp_path / "cache.sqlite", workers=2).build([corpus], out)
    assert json.loads((out / "graph.json").read_text(encoding="utf-8")) == single
