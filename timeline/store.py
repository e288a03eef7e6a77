"""An embedded SQLite store of corpora, keyed by a hash of their content.

A shared dashboard link names its corpus by this hash, so anyone opening the link on the same
server gets the same articles (with the same corrected DCTs and languages) back.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from timeline.model import Document, DocumentDate

ENV_PATH = "TIMELINE_STORE"
HASH_LENGTH = 16


class StoreError(Exception):
    """The store cannot be opened or written; the message says why, for the user."""


def default_path() -> Path:
    """$TIMELINE_STORE, else corpora.sqlite3 in the user's data folder."""
    configured = os.environ.get(ENV_PATH)
    if configured:
        return Path(configured)
    return platformdirs.user_data_path("timeline", appauthor=False) / "corpora.sqlite3"


def _record(doc: Document) -> dict:
    return {
        "id": doc.id,
        "text": doc.text,
        "title": doc.title,
        "language": doc.language,
        "dct": doc.dct.value if doc.dct else None,
        "source": doc.source,
        "url": doc.url,
        "warnings": list(doc.warnings),
    }


def _document(record: dict) -> Document:
    return Document(
        id=record["id"],
        text=record["text"],
        title=record.get("title", ""),
        language=record.get("language"),
        dct=DocumentDate.parse(record["dct"]) if record.get("dct") else None,
        source=record.get("source", ""),
        url=record.get("url", ""),
        warnings=tuple(record.get("warnings", ())),
    )


def _payload(documents: Sequence[Document]) -> str:
    return json.dumps([_record(d) for d in documents], ensure_ascii=False, sort_keys=True)


def corpus_hash(documents: Sequence[Document]) -> str:
    """A short content hash: the same articles with the same DCTs give the same name."""
    return hashlib.sha256(_payload(documents).encode("utf-8")).hexdigest()[:HASH_LENGTH]


class CorpusStore:
    """Corpora in one SQLite file; `put` returns the key, `get` gives the documents back."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                db.execute(
                    "CREATE TABLE IF NOT EXISTS corpora ("
                    "key TEXT PRIMARY KEY, created TEXT NOT NULL, documents TEXT NOT NULL)"
                )
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"cannot open the corpus store {self.path}: {e}") from None

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection that commits on success and is always closed."""
        db = sqlite3.connect(self.path, timeout=10)
        try:
            with db:
                yield db
        finally:
            db.close()

    def put(self, documents: Sequence[Document]) -> str:
        key = corpus_hash(documents)
        try:
            with self._connect() as db:
                db.execute(
                    "INSERT OR IGNORE INTO corpora (key, created, documents) VALUES (?, ?, ?)",
                    (key, datetime.now(UTC).isoformat(timespec="seconds"), _payload(documents)),
                )
        except sqlite3.Error as e:
            raise StoreError(f"cannot save the corpus in {self.path}: {e}") from None
        return key

    def get(self, key: str) -> tuple[Document, ...] | None:
        """The documents stored under `key`, or None if there is no such corpus."""
        try:
            with self._connect() as db:
                row = db.execute("SELECT documents FROM corpora WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as e:
            raise StoreError(f"cannot read the corpus store {self.path}: {e}") from None
        if row is None:
            return None
        return tuple(_document(r) for r in json.loads(row[0]))
