"""Never lose work: incremental builds, kill -9 mid-build, deterministic outputs (real models)."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from kg.pipeline import Builder

pytestmark = pytest.mark.slow

TEXTS = [f"قال المتحدث باسم شركة أمازون إن الشركة ستفتح مكتبا في مدينة رقم {n} بالتعاون مع وزارة الاتصالات."
         for n in range(1, 13)]


def write_corpus(folder, texts):
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(texts):
        (folder / f"{n:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_incremental_build_processes_only_new_articles_and_drops_deleted(tmp_path):
    corpus = write_corpus(tmp_path / "in", TEXTS[:3])
    cache = tmp_path / "cache.sqlite"
    Builder(cache_path=cache).build([corpus], tmp_path / "out")
    (corpus / "00.txt").unlink()
    (corpus / "99.txt").write_text(TEXTS[5], encoding="utf-8")
    again = Builder(cache_path=cache).build([corpus], tmp_path / "out")
    assert (again.from_cache, again.processed) == (2, 1)
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    ids = {a.id for a in again.report.articles}
    assert all(set(n["articles"]) <= ids for n in graph["nodes"]) and len(ids) == 3


def test_outputs_are_byte_identical_across_builds(tmp_path):
    """Same corpus, same models: same bytes, also from another process (another hash seed)."""
    corpus = write_corpus(tmp_path / "in", [*TEXTS[:3], "وتمثل الكونغو وإثيوبيا والهند نصف الأطفال.",
                                            "قال رئيس وزراء إثيوبيا إن بلاده ستوقع اتفاقا مع الصين وروسيا."])
    Builder(cache_path=None).build([corpus], tmp_path / "a")
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(tmp_path / "b"), "--no-cache",
                    "--workers", "1"], env={**os.environ, "PYTHONHASHSEED": "7"}, check=True, capture_output=True)
    for name in ("graph.json", "graph.graphml", "graph.gexf"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_kill_minus_nine_then_rerun_finishes_without_redoing_work(tmp_path):
    corpus = write_corpus(tmp_path / "in", TEXTS)
    out = tmp_path / "out"
    cache = out / ".kg-cache.sqlite"
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out), "--workers", "1"]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "KG_BATCH_CHARS": "200"})
    done = 0
    for _ in range(600):
        time.sleep(0.2)
        if cache.exists():
            try:
                done = sqlite3.connect(cache).execute("SELECT COUNT(*) FROM extract").fetchone()[0]
            except sqlite3.OperationalError:
                done = 0
        if done >= 2 or proc.poll() is not None:
            break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "graph.json").exists() or json.loads((out / "graph.json").read_text(encoding="utf-8"))
    result = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert f"{done} from cache" in result.stdout or done == len(TEXTS)
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert graph["graph"]["articles"] == len(TEXTS)
