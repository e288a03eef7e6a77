"""Exports of a filtered view: JSON, CSV, TimeML zip, standalone HTML, TimelineJS, iCal."""

import csv
import io
import json
import re
import zipfile
from datetime import UTC, datetime

from extraction_fixture import build

from timeline.export import to_csv, to_html, to_ical, to_json, to_timelinejs, to_timeml
from timeline.figures import timeline_figure
from timeline.view import ViewState, filter_extraction


def test_json_is_the_extract_contract():
    data = json.loads(to_json(build()))
    assert set(data) == {"documents", "timexes", "actors", "events", "errors"}
    assert data["events"][2]["earliest"] == "2024-04-30"
    assert data["documents"][1]["dct"]["precision"] == "month"


def test_csv_rows_and_formula_guard():
    x = build()
    rows = list(csv.DictReader(io.StringIO(to_csv(x))))
    assert [r["id"] for r in rows] == ["de1-e1", "de1-e2", "en1-e1", "en1-e2"]
    assert rows[0]["actors"] == "Anna Berger; Lars Haugen; Oslo"
    hostile = x.events[0].__class__(**{**x.events[0].__dict__, "text": "=HYPERLINK(1)"})
    x = x.__class__(x.documents, x.timexes, x.actors, (hostile,))
    assert list(csv.DictReader(io.StringIO(to_csv(x))))[0]["event"] == "'=HYPERLINK(1)"


def test_timeml_zip_has_a_file_per_document_with_its_timexes():
    view = filter_extraction(build(), ViewState(docs=("de1",)))
    with zipfile.ZipFile(io.BytesIO(to_timeml(view))) as archive:
        assert archive.namelist() == ["de1.tml"]
        text = archive.read("de1.tml").decode("utf-8")
    assert '<TIMEX3 tid="t1" type="DATE" value="2024-05-14">Dienstag</TIMEX3>' in text
    assert ">2028</TIMEX3>" in text
    assert 'value="2024-05-15"' in text  # the DCT


def test_html_is_standalone_and_escaped():
    x = build()
    page = to_html(x, timeline_figure(x), title="A <title>")
    assert "<title>A &lt;title&gt;</title>" in page
    assert not re.search(r"<script[^>]+src=", page)  # plotly.js inlined, nothing loaded
    assert not re.search(r"<link[^>]+href=\"?https?:", page)
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt; happened.</td>" in page
    assert len(page) > 1_000_000  # the plotly.js bundle is inside


def test_timelinejs():
    data = json.loads(to_timelinejs(build()))
    slides = {s["unique_id"]: s for s in data["events"]}
    assert set(slides) == {"de1-e1", "de1-e2", "en1-e1"}  # undated left out
    assert slides["en1-e1"]["start_date"] == {"year": 2024, "month": 4, "day": 30}
    assert slides["en1-e1"]["end_date"] == {"year": 2024, "month": 5, "day": 28}
    assert "end_date" not in slides["de1-e1"]
    assert slides["de1-e1"]["group"] == "Anna Berger"
    assert slides["de1-e2"]["text"]["headline"] == "Das Kabel soll 2028 fertig sein."
    assert "Cable &lt;b&gt;deal" in slides["en1-e1"]["text"]["text"]


def test_ical():
    text = to_ical(build(), stamp=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 3
    assert "DTSTART;VALUE=DATE:20240514\r\nDTEND;VALUE=DATE:20240515" in text
    # the whole of 2028: end is exclusive
    assert "DTSTART;VALUE=DATE:20280101\r\nDTEND;VALUE=DATE:20290101" in text
    assert "DTSTAMP:20250102T030405Z" in text
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:Anna Berger traf am Dienstag in Oslo Lars Haugen." in unfolded
    assert "Expression: Tuesday (2024-05)" in unfolded
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
