"""The SQLite corpus store: content-hash keys, round trip, unknown keys, configurable path."""

import pytest

from timeline.model import Document, DocumentDate
from timeline.store import ENV_PATH, CorpusStore, StoreError, corpus_hash, default_path

DOCS = (
    Document("a.txt", "Am Dienstag.", language="de", dct=DocumentDate.parse("2024-05")),
    Document("b.txt", "On Monday.", title="B", language="en", warnings=("read as cp1252",)),
)


def test_round_trip_and_hash_key(tmp_path):
    store = CorpusStore(tmp_path / "c.sqlite3")
    key = store.put(DOCS)
    assert key == corpus_hash(DOCS) and len(key) == 16
    assert store.put(DOCS) == key  # same content, same key, stored once
    assert CorpusStore(tmp_path / "c.sqlite3").get(key) == DOCS


def test_changed_dct_is_another_corpus(tmp_path):
    changed = (Document("a.txt", "Am Dienstag.", language="de", dct=DocumentDate.parse("2024")),)
    assert corpus_hash(changed) != corpus_hash(DOCS[:1])


def test_unknown_key(tmp_path):
    assert CorpusStore(tmp_path / "c.sqlite3").get("0123456789abcdef") is None


def test_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_PATH, str(tmp_path / "x" / "store.db"))
    assert default_path() == tmp_path / "x" / "store.db"
    CorpusStore().put(DOCS)
    assert (tmp_path / "x" / "store.db").is_file()


def test_unwritable_place_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot open the corpus store"):
        CorpusStore(blocker / "c.sqlite3")
