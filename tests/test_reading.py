"""Reading inputs into Documents: every format, and every kind of bad input."""

import json
import time
from datetime import date
from pathlib import Path

import pytest

from timeline import timeml
from timeline.model import Precision
from timeline.reading import (
    ReadError,
    decode,
    find_inputs,
    read_file,
    read_paths,
    read_text,
)

GERMAN = "Am Dienstag hat die Feuerwehr in Passau mit dem Aufräumen begonnen, und es regnet."
ENGLISH = "On Tuesday the fire brigade in Passau began to clean up, and it was raining again."


# --- plain text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "value", "precision"),
    [
        ("date 2024-05-15", "2024-05-15", Precision.DAY),
        ("date 2024-05", "2024-05", Precision.MONTH),
        ("date 2024", "2024", Precision.YEAR),
        ("   date 2024-5-3", "2024-05-03", Precision.DAY),
        ("date\t2024-05-15  ", "2024-05-15", Precision.DAY),
    ],
)
def test_header_variants(header, value, precision):
    doc = read_text(f"{header}\n{GERMAN}\n", "a.txt")
    assert doc.dct.value == value
    assert doc.dct.precision == precision
    assert doc.text == GERMAN + "\n"
    assert doc.warnings == ()


def test_header_with_crlf():
    doc = read_text(f"date 2024-05-15\r\n{GERMAN}\r\n", "a.txt")
    assert doc.text == f"{GERMAN}\r\n"


def test_month_header_interval():
    doc = read_text(f"date 2024-02\n{GERMAN}", "a.txt")
    assert (doc.dct.earliest, doc.dct.latest) == (date(2024, 2, 1), date(2024, 2, 29))


def test_caption_after_header_is_text():
    doc = read_text("date 2024-05-15 Foto: dpa/Peter Kneffel\nDer Pegel stieg.", "a.txt")
    assert doc.dct.value == "2024-05-15"
    assert doc.text == "Foto: dpa/Peter Kneffel\nDer Pegel stieg."


def test_no_header():
    doc = read_text(GERMAN, "a.txt")
    assert doc.dct is None
    assert doc.text == GERMAN
    assert doc.language == "de"


def test_words_after_date_are_not_a_header():
    doc = read_text("date palms grow in Egypt, and the harvest is good.", "a.txt")
    assert doc.dct is None
    assert doc.text.startswith("date palms")


@pytest.mark.parametrize("bad", ["2021-13", "31.02.2021", "2021-02-30"])
def test_malformed_dct_gives_warning(bad):
    doc = read_text(f"date {bad}\n{GERMAN}", "a.txt")
    assert doc.dct is None
    assert doc.text == GERMAN
    assert len(doc.warnings) == 1
    assert "DCT ignored" in doc.warnings[0]
    assert bad in doc.warnings[0]


def test_header_only_is_an_error():
    with pytest.raises(ReadError, match="no article text"):
        read_text("date 2024-05-15\n  \n", "a.txt")


# --- encodings and bad files -----------------------------------------------------------------


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n ")
    for name in ("empty.txt", "blank.txt"):
        with pytest.raises(ReadError, match="empty file"):
            read_file(tmp_path / name)


def test_binary_file(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    with pytest.raises(ReadError, match="binary"):
        read_file(tmp_path / "photo.txt")


def test_control_characters_without_nul_are_binary():
    with pytest.raises(ReadError, match="binary"):
        decode(bytes(range(1, 9)) * 100 + b"some text")


def test_cp1252_with_warning(tmp_path):
    path = tmp_path / "alt.txt"
    path.write_bytes("date 2024-05-15\nDie Brücke über die Straße kostet 5 €.".encode("cp1252"))
    (doc,) = read_file(path).documents
    assert doc.text == "Die Brücke über die Straße kostet 5 €."
    assert doc.dct.value == "2024-05-15"
    assert any("cp1252" in w for w in doc.warnings)


def test_utf8_bom_and_utf16(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfdate 2024\n" + GERMAN.encode())
    (tmp_path / "u16.txt").write_bytes(("date 2024\n" + GERMAN).encode("utf-16"))
    for name in ("bom.txt", "u16.txt"):
        (doc,) = read_file(tmp_path / name).documents
        assert doc.dct.value == "2024"
        assert doc.text == GERMAN
        assert doc.warnings == ()


def test_undecodable_bytes(tmp_path):
    # 0x81 and 0x8d are undefined in cp1252 and invalid as UTF-8 here.
    (tmp_path / "x.txt").write_bytes(b"Text \x81\x8d text " * 10)
    with pytest.raises(ReadError, match="not UTF-8"):
        read_file(tmp_path / "x.txt")


def test_ten_megabyte_file(tmp_path):
    path = tmp_path / "big.txt"
    line = "Der Landtag hat am Dienstag über den Haushalt für das Jahr 2025 beraten.\n"
    text = line * (10_000_000 // len(line.encode()) + 1)
    path.write_text("date 2024-05-15\n" + text, encoding="utf-8")
    began = time.perf_counter()
    (doc,) = read_file(path).documents
    assert time.perf_counter() - began < 5
    assert doc.text == text
    assert doc.language == "de"


# --- TimeML ----------------------------------------------------------------------------------

TIMEML = (Path(__file__).parent / "data" / "att.tml").read_text(encoding="utf-8")
TIMEML_TEXT = "\nAT&T said on Tuesday that profits rose <5%> in 1997.\n"


def test_timeml_document(tmp_path):
    path = tmp_path / "x1.tml"
    path.write_text(TIMEML, encoding="utf-8")
    (doc,) = read_file(path).documents
    assert doc.id == "x1.tml"
    assert doc.text == TIMEML_TEXT
    assert doc.dct.value == "1998-01-08"
    assert doc.language == "en"


def test_timeml_gold():
    parsed = timeml.parse(TIMEML)
    text, gold = parsed.text, parsed.markup.timexes
    assert text == TIMEML_TEXT
    assert [(g.start, g.end) for g in gold] == [(14, 21), (48, 52)]
    assert [text[g.start : g.end] for g in gold] == ["Tuesday", "1997"]
    assert gold[0].attrs == {"tid": "t1", "type": "DATE", "value": "1998-01-06"}


def test_timeml_malformed_dct_and_missing_text(tmp_path):
    (tmp_path / "bad.tml").write_text(TIMEML.replace("1998-01-08", "1998-13-08"))
    (doc,) = read_file(tmp_path / "bad.tml").documents
    assert doc.dct is None
    assert "month 13" in doc.warnings[0]
    (tmp_path / "notext.tml").write_text("<TimeML><DOCID>x</DOCID></TimeML>")
    with pytest.raises(ReadError, match="no <TEXT>"):
        read_file(tmp_path / "notext.tml")
    (tmp_path / "other.xml").write_text("<rss><item>news</item></rss>")
    with pytest.raises(ReadError, match="not TimeML"):
        read_file(tmp_path / "other.xml")


# --- HTML ------------------------------------------------------------------------------------

HOSTILE_HTML = """<!DOCTYPE html><html><head><title>Hochwasser in Passau</title>
<meta property="article:published_time" content="2024-06-04T08:00:00+02:00">
<script>var date = "1999-01-01"; document.write("<p>GEHEIM</p>");</script>
<style>p { color: red } .x:after { content: "STIL" }</style></head>
<body><nav><a href="/">Start</a></nav><article><h1>Hochwasser in Passau</h1>
<p>Am Dienstag hat die Donau in Passau einen Pegel von fast zehn Metern erreicht. Die Feuerwehr
war die ganze Nacht im Einsatz und hat Hunderte Keller leer gepumpt.</p>
<script>alert("GEHEIM")</script><p onclick="evil()">Nach Angaben der Stadt sollen die Schulen
bis Freitag geschlossen bleiben, weil viele Straßen noch unter Wasser stehen.</p>
<p>Unclosed <b>bold <i>italic</p></div></span></article></body></html><script>GEHEIM</script>
"""


def test_hostile_html(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HOSTILE_HTML, encoding="utf-8")
    (doc,) = read_file(path).documents
    assert "Pegel von fast zehn Metern" in doc.text
    assert "bis Freitag geschlossen" in doc.text
    assert "GEHEIM" not in doc.text
    assert "STIL" not in doc.text
    assert "color" not in doc.text
    assert doc.title == "Hochwasser in Passau"
    assert doc.dct.value == "2024-06-04"
    assert doc.language == "de"


def test_short_html_page_falls_back_to_all_text(tmp_path):
    path = tmp_path / "short.htm"
    path.write_text("<html><body><p>Am Dienstag.</p><script>GEHEIM()</script></body></html>")
    (doc,) = read_file(path).documents
    assert doc.text == "Am Dienstag."
    assert doc.dct is None


def test_html_without_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>x()</script></head><body></body></html>")
    with pytest.raises(ReadError, match="no article text"):
        read_file(path)


# --- JSON Lines and CSV ----------------------------------------------------------------------


def test_jsonl_with_malformed_lines(tmp_path):
    huge = "Der Rat tagt. " * 200_000  # one line of 2.8 MB
    lines = [
        json.dumps({"id": "a", "text": GERMAN, "date": "2024-05-15", "title": "T", "lang": "de"}),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": ENGLISH, "date": "2024-13", "url": "https://example.org/x"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "text": huge, "lang": "fr"}),
        "[" * 100_000,
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = read_file(path)
    assert [d.id for d in found.documents] == ["a", "news.jsonl:5", "7"]
    first, second, third = found.documents
    assert (first.title, first.language, first.dct.value) == ("T", "de", "2024-05-15")
    assert (second.dct, second.language, second.url) == (None, "en", "https://example.org/x")
    assert "month 13" in second.warnings[0]
    assert third.text == huge
    assert third.language == "de"  # "fr" is not supported: detected instead, with a warning
    assert "not supported" in third.warnings[0]
    assert [e.split(":")[0] for e in found.errors] == ["line 2", "line 3", "line 6", "line 8"]


def test_jsonl_repeated_ids(tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_text("\n".join(json.dumps({"id": "x", "text": GERMAN}) for _ in range(3)))
    assert [d.id for d in read_file(path).documents] == ["x", "x#2", "x#3"]


def test_csv(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        'id,date,text,title\r\n1,2024-05-15,"Erste Zeile,\nzweite Zeile",Titel\r\n'
        "2,2024-05,,leer\r\n3,,Ohne Datum,\r\n",
        encoding="utf-8",
    )
    found = read_file(path)
    assert [(d.id, d.text, d.dct and d.dct.value) for d in found.documents] == [
        ("1", "Erste Zeile,\nzweite Zeile", "2024-05-15"),
        ("3", "Ohne Datum", None),
    ]
    assert found.errors == ["line 4: no 'text'"]


def test_csv_semicolons_and_missing_column(tmp_path):
    (tmp_path / "a.csv").write_text("text;date\nEin Text;2024\n", encoding="utf-8")
    (doc,) = read_file(tmp_path / "a.csv").documents
    assert (doc.text, doc.dct.value) == ("Ein Text", "2024")
    (tmp_path / "b.csv").write_text("body,date\nx,2024\n", encoding="utf-8")
    with pytest.raises(ReadError, match="no 'text' column"):
        read_file(tmp_path / "b.csv")


# --- folders and many files ------------------------------------------------------------------


def test_folder_recursive_sorted_and_errors_collected(tmp_path):
    (tmp_path / "b.txt").write_text(GERMAN)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ENGLISH)
    (tmp_path / "a.txt").write_bytes(bytes(100))
    (tmp_path / "notes.docx").write_bytes(b"ignored")
    (tmp_path / ".hidden.txt").write_text("ignored")
    assert [name for _, name in find_inputs(tmp_path)] == ["a.txt", "b.txt", "sub/a.txt"]
    docs, errors = read_paths([tmp_path, tmp_path / "missing.txt"])
    assert [d.id for d in docs] == ["b.txt", "sub/a.txt"]
    assert len(errors) == 2
    assert errors[0].endswith("a.txt: looks like a binary file, not text")
    assert errors[1].endswith("missing.txt: no such file or folder")


def test_empty_folder(tmp_path):
    docs, errors = read_paths([tmp_path])
    assert docs == []
    assert "no supported files" in errors[0]
