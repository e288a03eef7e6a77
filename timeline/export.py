"""Exports of a (filtered) `Extraction`: JSON, CSV, TimeML, standalone HTML, TimelineJS, iCal.

Each function takes what the view shows and returns the file content, so the dashboard, the
command line and the tests share one implementation.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import plotly.graph_objects as go

from timeline.model import Extraction
from timeline.timeml import write_timeml
from timeline.view import article_title, event_rows


def to_json(extraction: Extraction) -> str:
    """The `extract` output contract as JSON."""
    return json.dumps(extraction.to_dict(), ensure_ascii=False, indent=2)


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(extraction: Extraction) -> str:
    """One row per event (the columns of the dashboard's table)."""
    rows = event_rows(extraction)
    out = io.StringIO()
    columns = list(rows[0]) if rows else ["id", "earliest", "latest", "event"]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
    return out.getvalue()


def _file_name(doc_id: str, used: set[str]) -> str:
    base = re.sub(r"[^\w.-]+", "_", doc_id).strip("._") or "document"
    base = re.sub(r"\.(txt|tml|xml|html?|jsonl|csv)$", "", base, flags=re.IGNORECASE)
    name, n = f"{base}.tml", 1
    while name in used:
        n += 1
        name = f"{base}-{n}.tml"
    used.add(name)
    return name


def to_timeml(extraction: Extraction) -> bytes:
    """A zip with one TimeML file per document, its time expressions tagged."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for doc in extraction.documents:
            own = sorted((t for t in extraction.timexes if t.doc == doc.id), key=lambda t: t.start)
            # TimeML ids are per document: t1, t2, ... (corpus ids contain the doc id)
            timexes = [replace(t, id=f"t{i}") for i, t in enumerate(own, 1)]
            text, _problems = write_timeml(doc, timexes)
            archive.writestr(_file_name(doc.id, used), text)
    return buffer.getvalue()


def to_html(extraction: Extraction, figure: go.Figure, title: str = "timeline") -> str:
    """A single HTML file that works offline: plotly.js inlined, the events as a table."""
    light = go.Figure(figure).update_layout(template="plotly_white")  # the caller's stays as is
    chart = light.to_html(include_plotlyjs=True, full_html=False, config={"displaylogo": False})
    rows = event_rows(extraction)
    columns = ["earliest", "latest", "precision", "event", "actors", "expression", "article"]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(str(r[c]))}</td>" for c in columns) + "</tr>"
        for r in rows
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: sans-serif; margin: 1.5em; }}
table {{ border-collapse: collapse; font-size: 0.9em; }}
th, td {{ border: 1px solid #ccc; padding: 0.25em 0.5em; vertical-align: top; text-align: left; }}
</style></head>
<body>
<h1>{html.escape(title)}</h1>
<p>{len(rows)} events from {len(extraction.documents)} articles.</p>
{chart}
<table><thead><tr>{head}</tr></thead>
<tbody>
{body}
</tbody></table>
</body></html>
"""


def _tl_date(day) -> dict:
    return {"year": day.year, "month": day.month, "day": day.day}


def to_timelinejs(extraction: Extraction, title: str = "timeline") -> str:
    """TimelineJS 3 JSON: one slide per dated event, grouped by its first actor."""
    actors = {a.id: a.name for a in extraction.actors}
    docs = {d.id: d for d in extraction.documents}
    events = []
    for e in extraction.events:
        if e.earliest is None or e.latest is None:
            continue
        doc = docs.get(e.doc)
        article = article_title(doc) if doc else e.doc
        slide = {
            "unique_id": re.sub(r"[^\w-]+", "-", e.id),
            "start_date": _tl_date(e.earliest),
            "text": {
                "headline": html.escape(e.text if len(e.text) <= 80 else e.text[:79] + "…"),
                "text": f"<p>{html.escape(e.text)}</p><p><i>{html.escape(article)}</i></p>",
            },
        }
        if e.latest != e.earliest:
            slide["end_date"] = _tl_date(e.latest)
        names = [actors[a] for a in e.actors if a in actors]
        if names:
            slide["group"] = html.escape(names[0])
        events.append(slide)
    doc = {"title": {"text": {"headline": html.escape(title)}}, "events": events}
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _ical_text(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """RFC 5545 line folding: at most 75 octets per line, continuation lines start with a
    space; never split inside a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += n
    out.append(current)
    return "\r\n".join(out)


def to_ical(extraction: Extraction, stamp: datetime | None = None) -> str:
    """An iCalendar file with one all-day VEVENT per dated event (undated ones left out)."""
    stamp = stamp or datetime.now(UTC)
    docs = {d.id: d for d in extraction.documents}
    timexes = {(t.doc, t.id): t for t in extraction.timexes}
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline//events//EN"]
    for e in extraction.events:
        if e.earliest is None or e.latest is None:
            continue
        doc = docs.get(e.doc)
        t = timexes.get((e.doc, e.timex)) if e.timex else None
        notes = [e.text]
        if t:
            notes.append(f"Expression: {t.text} ({t.value})")
        if doc:
            notes.append(f"Article: {article_title(doc)}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_ical_text(e.id)}@timeline",
            f"DTSTAMP:{stamp.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART;VALUE=DATE:{e.earliest.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(e.latest + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ical_text(' '.join(e.text.split())[:200])}",
            f"DESCRIPTION:{_ical_text(chr(10).join(notes))}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
