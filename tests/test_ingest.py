import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from kg.ingest import clean_text, decode, ingest

ARABIC = "قال وزير الخارجية إن الحكومة ستعمل مع شركة تيك توك على قواعد جديدة للمحتوى في المنطقة."


def reasons(report):
    return {os.path.basename(s.path.split(" (")[0]): s.reason for s in report.skipped}


def test_reads_text_markdown_json_jsonl_and_html(tmp_path):
    (tmp_path / "a.txt").write_text("عنوان الخبر\n" + ARABIC, encoding="utf-8")
    (tmp_path / "b.md").write_text("# عنوان\n\n[رابط](http://x) " + ARABIC + " ثانية", encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"title": "ع", "text": ARABIC + " ثالثة", "url": "u", "date": "2024"}),
                                     encoding="utf-8")
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps({"text": ARABIC + f" {i}"}) for i in range(2)), encoding="utf-8")
    (tmp_path / "e.html").write_text(f"<html><head><title>عنوان</title><script>alert(1)</script><style>p{{}}</style>"
                                     f"</head><body><nav>قائمة</nav><article><p>{ARABIC} خامسة</p></article></body></html>",
                                     encoding="utf-8")
    report = ingest([tmp_path])
    assert len(report.articles) == 6
    html = next(a for a in report.articles if a.source.endswith("e.html"))
    assert "alert" not in html.text and "قائمة" not in html.text and html.title == "عنوان"
    md = next(a for a in report.articles if a.source.endswith("b.md"))
    assert "http" not in md.text and "#" not in md.text
    js = next(a for a in report.articles if "c.json" in a.source)
    assert (js.url, js.published) == ("u", "2024")


def test_ids_are_content_hashes_and_duplicates_are_built_once(tmp_path):
    (tmp_path / "one.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARABIC + "\n\n", encoding="utf-8")
    report = ingest([tmp_path])
    assert len(report.articles) == 1
    assert report.articles[0].id == report.articles[0].sha256[:16]
    assert "duplicate of" in reasons(report)["two.txt"]


def test_bad_files_are_reported_and_the_rest_still_builds(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "english.txt").write_text("The minister said the company will work on new rules. " * 5)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    report = ingest([tmp_path])
    got = reasons(report)
    assert [a.source for a in report.articles] == [str(tmp_path / "good.txt")]
    assert "empty" in got["empty.txt"] and "empty" in got["blank.txt"]
    assert "binary" in got["binary.txt"]
    assert "not Arabic" in got["english.txt"]
    assert "JSON" in got["broken.json"]
    assert "unsupported" in got["photo.png"]


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16", "utf-8-sig"])
def test_legacy_encodings_are_decoded(tmp_path, encoding):
    (tmp_path / "x.txt").write_bytes(ARABIC.encode(encoding))
    report = ingest([tmp_path])
    assert report.articles and report.articles[0].text == ARABIC


def test_invisible_and_control_characters_are_removed():
    assert clean_text("تيك\u200f توك\u202e\r\nسطر\x07") == "تيك توك\nسطر"


def test_huge_article_is_truncated_with_a_warning(tmp_path):
    (tmp_path / "huge.txt").write_text(ARABIC * 5000, encoding="utf-8")
    report = ingest([tmp_path], max_chars=10_000)
    assert len(report.articles[0].text) == 10_000
    assert "truncated" in report.warnings[0].reason


def test_symlink_loop_is_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARABIC, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    report = ingest([tmp_path])
    assert len(report.articles) == 1
    assert any("symlink" in s.reason for s in report.skipped)


def _ingest_as_nobody(folder: Path) -> dict:
    """Ingest in a forked child that drops root rights, so file permissions apply to it."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop to 'nobody', ingest, report as JSON, exit without pytest's cleanup
        code = 1
        try:
            os.close(read_end)
            os.setuid(65534)
            report = ingest([folder])
            result = {"articles": len(report.articles), "skipped": [[s.path, s.reason] for s in report.skipped]}
            os.write(write_end, json.dumps(result).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as handle:
        data = handle.read()
    assert os.waitpid(pid, 0)[1] == 0
    return json.loads(data)


def test_unreadable_file_is_skipped_and_named():
    folder = Path(tempfile.mkdtemp(prefix="kg-perm-"))
    try:
        folder.chmod(0o755)
        (folder / "a.txt").write_text(ARABIC, encoding="utf-8")
        locked = folder / "locked.txt"
        locked.write_text(ARABIC + " مقفل", encoding="utf-8")
        locked.chmod(0)
        if os.geteuid() == 0:  # root reads any file
            result = _ingest_as_nobody(folder)
        else:
            report = ingest([folder])
            result = {"articles": len(report.articles), "skipped": [[s.path, s.reason] for s in report.skipped]}
        assert result["articles"] == 1
        assert [r for p, r in result["skipped"] if "locked.txt" in p][0].startswith("cannot read")
    finally:
        shutil.rmtree(folder)


def test_missing_path_is_reported(tmp_path):
    report = ingest([tmp_path / "nope"])
    assert report.skipped[0].reason == "no such file or directory"


def test_decode_rejects_binary():
    from kg.errors import InputError

    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\xff\x00\xfe" * 50)
