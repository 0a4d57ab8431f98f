"""Per-article results in SQLite, keyed by (article sha256, models version[, rules version]).

NLP results depend on the models only; extraction results also on the rules, so editing a rule
re-runs extraction but not Stanza.  Each article is committed as soon as it is done, so a
killed build loses at most the batch in flight.
"""
from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS nlp (sha TEXT, models TEXT, data BLOB, PRIMARY KEY (sha, models));
CREATE TABLE IF NOT EXISTS extract (sha TEXT, models TEXT, rules TEXT, data BLOB, PRIMARY KEY (sha, models, rules));
"""


class Cache:
    """A small key-value store over SQLite (WAL mode, one row per article and stage)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.db = sqlite3.connect(str(path) if path else ":memory:", timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        # a commit per article survives kill -9 without an fsync each (only a power cut could lose
        # the last articles, which the next build redoes)
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    @staticmethod
    def pack(data: Any) -> bytes:
        """The stored form of a result (a worker packs its own, so the main process stores bytes)."""
        return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 3)

    @staticmethod
    def unpack(blob: bytes) -> Any:
        return json.loads(zlib.decompress(blob).decode("utf-8"))

    def get_nlp(self, sha: str, models: str) -> Any | None:
        row = self.db.execute("SELECT data FROM nlp WHERE sha=? AND models=?", (sha, models)).fetchone()
        return self.unpack(row[0]) if row else None

    def put_nlp(self, sha: str, models: str, data: Any) -> None:
        self.put_nlp_packed(sha, models, self.pack(data))

    def put_nlp_packed(self, sha: str, models: str, blob: bytes) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO nlp VALUES (?,?,?)", (sha, models, blob))

    def get_extract(self, sha: str, models: str, rules: str) -> Any | None:
        row = self.db.execute("SELECT data FROM extract WHERE sha=? AND models=? AND rules=?",
                              (sha, models, rules)).fetchone()
        return self.unpack(row[0]) if row else None

    def put_extract(self, sha: str, models: str, rules: str, data: Any) -> None:
        self.put_extract_packed(sha, models, rules, self.pack(data))

    def put_extract_packed(self, sha: str, models: str, rules: str, blob: bytes) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO extract VALUES (?,?,?,?)", (sha, models, rules, blob))

    def close(self) -> None:
        self.db.close()
