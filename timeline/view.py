"""What the dashboard shows: filter state <-> URL query parameters, and filtering.

Pure functions over an `Extraction`, so that a shared link restores exactly the same view and
everything here can be tested (and timed) without Streamlit.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from timeline.clauses import sentences
from timeline.language import supported_languages
from timeline.model import (
    Actor,
    Document,
    DocumentDate,
    Event,
    Extraction,
    InvalidDate,
    TimeExpression,
)

LANES = ("actor", "country")
# zoom level -> days shown ("all" = every event)
ZOOMS = {"all": 0, "year": 366, "month": 31, "week": 7}
NO_ACTOR = "(no actor)"
NO_COUNTRY = "(no country)"


@dataclass(frozen=True)
class ViewState:
    """Every choice the user can make; all of it travels in the URL."""

    corpus: str = ""
    actors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    query: str = ""
    exact_only: bool = False
    lanes: str = "actor"
    event: str = ""
    zoom: str = "all"
    around: date | None = None
    window: tuple[datetime, datetime] | None = None  # a zoom made in the chart (overrides `zoom`)


# field -> URL parameter name (short, readable links)
_PARAMS = {
    "corpus": "corpus",
    "actors": "actor",
    "kinds": "kind",
    "countries": "country",
    "languages": "lang",
    "docs": "doc",
    "start": "from",
    "end": "to",
    "query": "q",
    "exact_only": "exact",
    "lanes": "lanes",
    "event": "event",
    "zoom": "zoom",
    "around": "around",
    "window": "window",
}


def to_query_params(state: ViewState) -> dict[str, str | list[str]]:
    """The URL parameters for `state`; defaults are left out so links stay short."""
    out: dict[str, str | list[str]] = {}
    default = ViewState()
    for name, key in _PARAMS.items():
        value = getattr(state, name)
        if value == getattr(default, name):
            continue
        if name == "window":
            out[key] = "/".join(_minute(t) for t in value)
        elif isinstance(value, tuple):
            out[key] = list(value)
        elif isinstance(value, bool):
            out[key] = "1"
        elif isinstance(value, date):
            out[key] = value.isoformat()
        else:
            out[key] = str(value)
    return out


def _values(params: Mapping[str, str | list[str]], key: str) -> list[str]:
    raw = params.get(key)
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    return [v for v in (str(i).strip() for i in items) if v]


def from_query_params(params: Mapping[str, str | list[str]]) -> tuple[ViewState, list[str]]:
    """The view a URL names, and messages about the parameters that had to be ignored."""
    problems: list[str] = []

    def one(key: str) -> str:
        vals = _values(params, key)
        return vals[-1] if vals else ""

    def day(key: str) -> date | None:
        text = one(key)
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            problems.append(f"ignored '{key}={text}': not a date like 2024-05-31")
            return None

    lanes = one("lanes") or "actor"
    if lanes not in LANES:
        problems.append(f"ignored 'lanes={lanes}': use one of {', '.join(LANES)}")
        lanes = "actor"
    zoom = one("zoom") or "all"
    if zoom not in ZOOMS:
        problems.append(f"ignored 'zoom={zoom}': use one of {', '.join(ZOOMS)}")
        zoom = "all"
    window = parse_window(one("window").split("/")) if one("window") else None
    if one("window") and window is None:
        example = "2024-05-01T00:00/2024-06-01T12:00"
        problems.append(f"ignored 'window={one('window')}': use two times like {example}")
    state = ViewState(
        corpus=one("corpus"),
        actors=tuple(_values(params, "actor")),
        kinds=tuple(_values(params, "kind")),
        countries=tuple(_values(params, "country")),
        languages=tuple(_values(params, "lang")),
        docs=tuple(_values(params, "doc")),
        start=day("from"),
        end=day("to"),
        query=one("q"),
        exact_only=one("exact").lower() in ("1", "true", "yes"),
        lanes=lanes,
        event=one("event"),
        zoom=zoom,
        around=day("around"),
        window=window,
    )
    return state, problems


def _minute(t: datetime, separator: str = "T") -> str:
    return t.strftime(f"%Y-%m-%d{separator}%H:%M")


def parse_window(ends: object) -> tuple[datetime, datetime] | None:
    """A zoom window from two ISO times (as the URL or Plotly give them: "2024-05-01",
    "2024-05-01 12:42:21.17"), kept to the minute; None unless it is a real, forward range."""
    if not isinstance(ends, list | tuple) or len(ends) != 2:
        return None
    try:
        start, end = (
            datetime.fromisoformat(str(t).strip()).replace(second=0, microsecond=0) for t in ends
        )
    except ValueError:
        return None
    if start.tzinfo or end.tzinfo or start >= end:
        return None
    return start, end


def is_future(event: Event, extraction_dct: Mapping[str, date | None]) -> bool:
    """Planned, future tense, or starting after the latest possible publication day."""
    if event.planned or event.tense == "future":
        return True
    published = extraction_dct.get(event.doc)
    return bool(published and event.earliest and event.earliest > published)


def publication_days(extraction: Extraction) -> dict[str, date | None]:
    """doc id -> the latest day the article can have been published (None without a DCT)."""
    return {d.id: (d.dct.latest if d.dct else None) for d in extraction.documents}


def _overlaps(event: Event, start: date | None, end: date | None) -> bool:
    if start is None and end is None:
        return True
    if event.earliest is None or event.latest is None:
        return False
    return (start is None or event.latest >= start) and (end is None or event.earliest <= end)


def filter_extraction(extraction: Extraction, state: ViewState) -> Extraction:
    """The part of `extraction` the view shows: matching events, and what they refer to."""
    unfiltered = replace(
        state, corpus="", lanes="actor", event="", zoom="all", around=None, window=None
    )
    if unfiltered == ViewState():
        return extraction  # no filter at all
    actors = {a.id: a for a in extraction.actors}
    docs = {d.id: d for d in extraction.documents}
    want_actors, want_kinds = set(state.actors), set(state.kinds)
    want_countries, want_langs = set(state.countries), set(state.languages)
    want_docs, needle = set(state.docs), state.query.casefold().strip()

    def keep(e: Event) -> bool:
        if want_docs and e.doc not in want_docs:
            return False
        if want_langs and (docs[e.doc].language if e.doc in docs else None) not in want_langs:
            return False
        if want_actors and not want_actors.intersection(e.actors):
            return False
        mine = [actors[a] for a in e.actors if a in actors]
        if want_kinds and not any(str(a.kind) in want_kinds for a in mine):
            return False
        if want_countries and not any(a.country in want_countries for a in mine):
            return False
        if state.exact_only and not (e.earliest is not None and e.earliest == e.latest):
            return False
        if not _overlaps(e, state.start, state.end):
            return False
        return not needle or needle in e.text.casefold()

    events = tuple(e for e in extraction.events if keep(e))
    doc_ids = {e.doc for e in events}
    actor_ids = {a for e in events for a in e.actors}
    timex_keys = {(e.doc, e.timex) for e in events if e.timex}
    return replace(
        extraction,
        documents=tuple(d for d in extraction.documents if d.id in doc_ids),
        timexes=tuple(t for t in extraction.timexes if (t.doc, t.id) in timex_keys),
        actors=tuple(
            replace(a, mentions=tuple(m for m in a.mentions if m.doc in doc_ids))
            for a in extraction.actors
            if a.id in actor_ids
        ),
        events=events,
    )


def actor_counts(extraction: Extraction) -> list[tuple[Actor, int]]:
    """Actors with the number of events they take part in, most frequent first."""
    counts = Counter(a for e in extraction.events for a in set(e.actors))
    ranked = [(a, counts[a.id]) for a in extraction.actors]
    return sorted(ranked, key=lambda pair: (-pair[1], pair[0].name.casefold()))


def lane_names(event: Event, actors: Mapping[str, Actor], lanes: str) -> list[str]:
    """The lanes (actor names or countries) an event appears in; never empty."""
    mine = [actors[a] for a in event.actors if a in actors]
    if lanes == "country":
        names = sorted({a.country for a in mine if a.country})
        return names or [NO_COUNTRY]
    return [a.name for a in mine] or [NO_ACTOR]


def article_title(doc: Document) -> str:
    """The title, else the article's first line (plain-text files have no title field)."""
    if doc.title:
        return doc.title
    first = next((line.strip() for line in doc.text.splitlines() if line.strip()), "")
    return (first[:77] + "…" if len(first) > 80 else first) or doc.id


def find_event(extraction: Extraction, event_id: str) -> Event | None:
    return next((e for e in extraction.events if e.id == event_id), None)


def event_rows(extraction: Extraction) -> list[dict]:
    """One flat row per event for the sortable table and the CSV export."""
    actors = {a.id: a for a in extraction.actors}
    docs = {d.id: d for d in extraction.documents}
    timexes = {(t.doc, t.id): t for t in extraction.timexes}
    published = publication_days(extraction)
    rows = []
    for e in extraction.events:
        t = timexes.get((e.doc, e.timex)) if e.timex else None
        doc = docs.get(e.doc)
        rows.append(
            {
                "id": e.id,
                "earliest": e.earliest.isoformat() if e.earliest else "",
                "latest": e.latest.isoformat() if e.latest else "",
                "precision": precision_of(e, t),
                "event": e.text,
                "trigger": e.trigger,
                "actors": "; ".join(actors[a].name for a in e.actors if a in actors),
                "expression": t.text if t else "",
                "value": t.value if t else "",
                "future": is_future(e, published),
                "article": article_title(doc) if doc else e.doc,
                "language": (doc.language or "") if doc else "",
                "published": doc.dct.value if doc and doc.dct else "",
            }
        )
    return rows


PRECISIONS = ("day", "week", "month", "quarter", "year", "vague", "undated")


# TIMEX3 modifiers that leave the edges of an interval open or fuzzy
VAGUE_MODS = frozenset(
    {"APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN"}
)


def precision_of(event: Event, timex: TimeExpression | None = None) -> str:
    """How precisely an event is dated: from the width of its interval of days, and "vague"
    when it is wider than a year or its time expression is fuzzy ("einige Wochen" PXW,
    "etwa 2020", FUTURE_REF)."""
    if event.earliest is None or event.latest is None:
        return "undated"
    if timex and (timex.mod in VAGUE_MODS or "X" in timex.value or timex.value.endswith("_REF")):
        return "vague"
    days = (event.latest - event.earliest).days + 1
    for name, limit in (("day", 1), ("week", 7), ("month", 31), ("quarter", 92), ("year", 366)):
        if days <= limit:
            return name
    return "vague"


MARK_STYLES = {
    "timex": "background:#ffe08a;padding:0 2px;border-radius:3px",
    "actor": "background:#cfe3ff;padding:0 2px;border-radius:3px",
    "event": "text-decoration:underline;text-decoration-color:#1f4e79",
}


def source_passage(extraction: Extraction, event: Event) -> str:
    """The sentence(s) an event comes from as HTML: its time expression and the actor mentions
    marked, the event clause underlined, every piece of article text escaped."""
    doc = next((d for d in extraction.documents if d.id == event.doc), None)
    if doc is None:
        return ""
    bounds = sentences(doc.text, doc.language or "en") or [(0, len(doc.text))]
    start = min([s for s, e in bounds if e > event.start] or [event.start])
    end = max([e for s, e in bounds if s < event.end] or [event.end])
    start, end = min(start, event.start), max(end, event.end)
    marks: list[tuple[int, int, str, str]] = []
    for t in extraction.timexes:
        if t.doc == doc.id and t.id == event.timex:
            marks.append((t.start, t.end, "timex", f"{t.type} {t.value}"))
    for a in extraction.actors:
        for m in a.mentions:
            if m.doc == doc.id and start <= m.start and m.end <= end:
                marks.append((m.start, m.end, "actor", f"{a.kind}: {a.name}"))
    out, pos = [], start
    for s, e, kind, title in sorted(marks):
        if s < pos:
            continue  # overlapping marks: the first one wins
        out.append(_underlined(doc.text, pos, s, event))
        piece = html.escape(doc.text[s:e])
        out.append(f'<mark style="{MARK_STYLES[kind]}" title="{html.escape(title)}">{piece}</mark>')
        pos = e
    out.append(_underlined(doc.text, pos, end, event))
    return "".join(out)


def _underlined(text: str, start: int, end: int, event: Event) -> str:
    """Escaped text[start:end] with the part inside the event clause underlined."""
    a, b = max(start, event.start), min(end, event.end)
    if a >= b:
        return html.escape(text[start:end])
    style = MARK_STYLES["event"]
    return (
        html.escape(text[start:a])
        + f'<span style="{style}">{html.escape(text[a:b])}</span>'
        + html.escape(text[b:end])
    )


def event_details(extraction: Extraction, event: Event) -> str:
    """A small HTML table about an event: dates, time expression, explanation, actors."""
    timex = next(
        (t for t in extraction.timexes if t.doc == event.doc and t.id == event.timex), None
    )
    actors = {a.id: a for a in extraction.actors}
    rows = []
    if event.earliest and event.latest:
        span = event.earliest.isoformat()
        if event.latest != event.earliest:
            span += f" … {event.latest.isoformat()}"
        rows.append(("Date", f"{span} ({precision_of(event, timex)})"))
    else:
        rows.append(("Date", "undated"))
    if timex:
        rows.append(("Expression", f"„{timex.text}“ ({timex.type}) → {timex.value}"))
        if timex.explanation:
            rows.append(("Explanation", timex.explanation))
    if event.planned or event.tense == "future":
        rows.append(("Status", "planned / future"))
    names = [f"{actors[a].name} ({actors[a].kind})" for a in event.actors if a in actors]
    rows.append(("Actors", ", ".join(names) or "none found"))
    cells = "".join(
        f'<tr><th style="text-align:left;padding-right:1em">{html.escape(k)}</th>'
        f"<td>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    return f"<table>{cells}</table>"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def plain_markdown(text: str) -> str:
    """Text (file names, messages quoting input) made inert for Streamlit's markdown."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def correct_documents(
    documents: tuple[Document, ...], corrections: Mapping[str, tuple[str, str]]
) -> tuple[tuple[Document, ...], list[str]]:
    """Documents with the user's (language, DCT text) corrections applied. A DCT may be a
    day, a month or a year; invalid corrections are reported and leave the document as it was."""
    out, errors = [], []
    languages = supported_languages()
    for doc in documents:
        language, dct_text = corrections.get(
            doc.id, (doc.language or "", doc.dct.value if doc.dct else "")
        )
        new = doc
        if language and language != doc.language:
            if language in languages:
                new = replace(new, language=language)
            else:
                errors.append(f"{article_title(doc)}: language {language!r} is not supported")
        current = doc.dct.value if doc.dct else ""
        dct_text = (dct_text or "").strip()
        if dct_text != current:
            try:
                new = replace(new, dct=DocumentDate.parse(dct_text) if dct_text else None)
            except InvalidDate as e:
                errors.append(f"{article_title(doc)}: {e}")
        out.append(new)
    return tuple(out), errors


def zoom_window(
    state: ViewState,
    shown: list[str] | None,
    corpus: list[str] | None,
    selected: Event | None = None,
) -> list[str] | None:
    """The x range to draw: the window zoomed to in the chart; else, for "all", the frame of
    the events shown (else of the corpus); else, for a zoom level, that many days around
    `state.around`, else the selected event, else the middle of the corpus, so that the window
    stays put while filters change. Kept on the server and in the URL, so a link restores it."""
    if state.window:
        return [_minute(t, " ") for t in state.window]  # Plotly's own date format
    days = ZOOMS.get(state.zoom, 0)
    if not days or not corpus:
        return shown or corpus
    if state.around:
        center = state.around
    elif selected and selected.earliest and selected.latest:
        center = selected.earliest + (selected.latest - selected.earliest) / 2
    else:
        lo, hi = (date.fromisoformat(d) for d in corpus)
        center = lo + (hi - lo) / 2
    start = center - timedelta(days=days // 2)
    return [start.isoformat(), (start + timedelta(days=days)).isoformat()]
