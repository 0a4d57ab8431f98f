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
