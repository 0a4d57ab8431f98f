"""Stage 1: files -> ``Article`` objects.

Every file that cannot be used is reported with its reason and the rest of the corpus goes on.
Text is decoded (charset detection), cleaned of invisible and control characters, truncated
when huge, and identified by the sha256 of the cleaned text so exact duplicates collapse.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from kg.errors import InputError
from kg.html_text import html_to_text
from kg.schema import Article

SUPPORTED = {".txt", ".md", ".json", ".jsonl", ".html", ".htm"}
MAX_CHARS = 200_000
MIN_ARABIC_SHARE = 0.3
# Arabic letters (the alphabetic characters of the Arabic blocks), and those plus what surrounds them in news
_ARABIC_ALPHA = "".join(ch for n in (*range(0x600, 0x700), *range(0x750, 0x780)) if (ch := chr(n)).isalpha())
_ARABIC_LETTERS = re.compile(f"[{_ARABIC_ALPHA}]+")
_ARABIC_LETTERS_OR_COMMON = re.compile(f"[{_ARABIC_ALPHA}\\s0-9\u0660-\u0669\u064b-\u065f.,:;!?()\\-\u060c\u061b\u061f\"']+")
# Zero-width, bidi overrides and other format/control characters, except newline and tab.
_CONTROL = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f"
                      "\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\u061c]")
_MD = [(re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"), (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
       (re.compile(r"^\s{0,3}(#{1,6}|>|[-*+])\s+", re.M), ""), (re.compile(r"(\*\*|__|`)"), "")]


@dataclass
class Skipped:
    path: str
    reason: str


@dataclass
class IngestReport:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)
    files: int = 0


def clean_text(text: str) -> str:
    """Normalise newlines, drop invisible/control characters, trim trailing spaces per line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def arabic_share(text: str) -> float:
    """Share of the letters (in the first 20,000 characters) that are Arabic.

    >>> arabic_share("قالت Musk"), arabic_share("٢٠٢٤ - ok")
    (0.5, 0.0)
    """
    # regexes over runs instead of a Python loop over every character (a tenth of a re-run)
    sample = text[:20_000]
    arabic = sum(map(len, _ARABIC_LETTERS.findall(sample)))
    rest = _ARABIC_LETTERS_OR_COMMON.sub("", sample)  # what may hold other letters: short in Arabic news
    count = arabic + sum(map(str.isalpha, rest))
    return arabic / count if count else 0.0


def decode(data: bytes) -> str:
    """Decode bytes of unknown encoding; raises ``InputError`` for binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if b"\x00" in data[:4096]:  # text in UTF-8 or a legacy code page never holds NUL bytes
        raise InputError("binary data (NUL bytes); only text, Markdown, JSON and HTML files are read")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000], cp_isolation=["cp1256", "utf_8", "latin_1", "cp1252", "iso8859_6"]).best()
    if best is None:
        raise InputError("undecodable bytes; save the file as UTF-8 and try again")
    return data.decode(best.encoding, errors="replace")


def iter_files(paths: Iterable[Path], report: IngestReport) -> Iterator[Path]:
    """Files under ``paths`` (recursively), following directory links once, in sorted order."""
    seen: set[str] = set()
    for root in paths:
        if not root.exists():
            report.skipped.append(Skipped(str(root), "no such file or directory"))
            continue
        if root.is_file():
            yield root
            continue
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=lambda e: report.skipped.append(
                Skipped(str(e.filename), f"cannot list folder: {e.strerror}"))):
            real = os.path.realpath(dirpath)
            if real in seen:  # a symlink loop or a second link to the same folder
                dirnames[:] = []
                report.skipped.append(Skipped(dirpath, "folder already read (symlink loop or duplicate link)"))
                continue
            seen.add(real)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith("."):
                    yield Path(dirpath) / name


def _records(path: Path, raw: str) -> Iterator[dict[str, Any]]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for n, line in enumerate(raw.splitlines(), 1):
            if line.strip():
                try:
                    yield {**json.loads(line), "_where": f"line {n}"}
                except json.JSONDecodeError as exc:
                    raise InputError(f"line {n} is not valid JSON ({exc.msg})") from exc
    elif suffix == ".json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from exc
        for n, item in enumerate(data if isinstance(data, list) else [data], 1):
            yield {**item, "_where": f"item {n}"} if isinstance(item, dict) else {"_where": f"item {n}"}
    elif suffix in {".html", ".htm"}:
        title, text = html_to_text(raw)
        yield {"title": title, "text": text}
    elif suffix == ".md":
        text = raw
        for pattern, repl in _MD:
            text = pattern.sub(repl, text)
        yield {"text": text}
    else:
        yield {"text": raw}


def _first_line_title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 200 else None


def _article(path: Path, record: dict[str, Any], max_chars: int, report: IngestReport) -> Article | None:
    where = f"{path} ({record['_where']})" if "_where" in record else str(path)
    text = record.get("text")
    if not isinstance(text, str):
        report.skipped.append(Skipped(where, "no 'text' field (JSON articles need a text string)"))
        return None
    text = clean_text(text)
    if not text:
        report.skipped.append(Skipped(where, "empty (no text after cleaning)"))
        return None
    if arabic_share(text) < MIN_ARABIC_SHARE:
        report.skipped.append(Skipped(where, "not Arabic text (under 30% Arabic letters)"))
        return None
    if len(text) > max_chars:
        report.warnings.append(Skipped(where, f"truncated from {len(text):,} to {max_chars:,} characters"))
        text = text[:max_chars]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    title = record.get("title") if isinstance(record.get("title"), str) else None
    return Article(id=digest[:16], source=where, title=clean_text(title) if title else _first_line_title(text),
                   published=_str(record.get("date") or record.get("published")), url=_str(record.get("url")),
                   text=text, sha256=digest)


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def read_file(path: Path, max_chars: int, report: IngestReport) -> Iterator[Article]:
    if path.suffix.lower() not in SUPPORTED:
        report.skipped.append(Skipped(str(path), f"unsupported file type '{path.suffix}' (use {', '.join(sorted(SUPPORTED))})"))
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.skipped.append(Skipped(str(path), f"cannot read: {exc.strerror or exc}"))
        return
    try:
        raw = decode(data)
        records = list(_records(path, raw))
    except (InputError, UnicodeDecodeError) as exc:
        report.skipped.append(Skipped(str(path), str(exc)))
        return
    for record in records:
        article = _article(path, record, max_chars, report)
        if article is not None:
            yield article


def ingest(paths: Iterable[Path], max_chars: int = MAX_CHARS) -> IngestReport:
    """Read every supported file under ``paths``; duplicates (same cleaned text) are kept once."""
    report = IngestReport()
    by_hash: dict[str, str] = {}
    for path in iter_files(paths, report):
        report.files += 1
        for article in read_file(path, max_chars, report):
            if article.sha256 in by_hash:
                report.skipped.append(Skipped(article.source, f"duplicate of {by_hash[article.sha256]}"))
                continue
            by_hash[article.sha256] = article.source
            report.articles.append(article)
    return report
