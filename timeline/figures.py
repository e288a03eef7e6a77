"""Plotly figures of an `Extraction`: the timeline, publication vs event date, actor overview.

No Streamlit here: the same figures go into the dashboard, the standalone HTML export and the
tests. All article text is HTML-escaped before it reaches a hover label or an axis.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

import numpy as np
import plotly.graph_objects as go

from timeline.model import Event, Extraction
from timeline.view import (
    NO_ACTOR,
    NO_COUNTRY,
    PRECISIONS,
    article_title,
    is_future,
    lane_names,
    precision_of,
    publication_days,
)

DAY_MS = 86_400_000
# Above this many points a trace is drawn with WebGL (Scattergl) instead of SVG.
WEBGL_THRESHOLD = 1000
# Above this many items Plotly's (slow) validation of every value is skipped; the tests build
# smaller figures, so the same code is validated there.
VALIDATE_LIMIT = 2000
MAX_LANES = 30
SUBROWS = 4


@dataclass(frozen=True)
class Style:
    """How one precision class is drawn: coarser dates are lighter, vague ones hatched."""

    label: str
    color: str
    opacity: float
    pattern: str = ""


PRECISION_STYLES = {
    "day": Style("exact day", "#1f4e79", 1.0),
    "week": Style("within a week", "#2e75b6", 0.75),
    "month": Style("within a month", "#4a90c8", 0.55),
    "quarter": Style("within a quarter", "#6fa8dc", 0.45),
    "year": Style("within a year", "#8fb8de", 0.35),
    "vague": Style("vague / longer", "#a9c4e0", 0.3, "/"),
    "undated": Style("undated (at publication date)", "#7f7f7f", 0.9),
}
FUTURE_COLOR = "#e07b00"
SELECTED_COLOR = "#d62728"


def escape(text: str, width: int = 70, limit: int = 400) -> str:
    """Plain text made safe for a Plotly label: shortened, escaped, wrapped with <br>."""
    if len(text) <= width and "\n" not in text:
        return html.escape(text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    lines, line = [], ""
    for word in text.split():  # greedy wrapping; textwrap is ten times slower
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "<br>".join(html.escape(line) for line in lines)


_EPOCH = date(1970, 1, 1).toordinal()


def _ms(day: date) -> int:
    return (day.toordinal() - _EPOCH) * DAY_MS


def _mid(earliest: date, latest: date) -> date:
    return earliest + timedelta(days=(latest - earliest).days // 2)


def hover_texts(extraction: Extraction) -> dict[str, str]:
    """event id -> hover label: event text, time expression, value, explanation, article."""
    timexes = {(t.doc, t.id): t for t in extraction.timexes}
    docs = {d.id: d for d in extraction.documents}
    actors = {a.id: a for a in extraction.actors}
    out = {}
    for e in extraction.events:
        parts = [f"<b>{escape(e.text)}</b>"]
        t = timexes.get((e.doc, e.timex)) if e.timex else None
        if t:
            parts.append(f"Expression: „{escape(t.text)}“ → {escape(t.value)}")
        if e.earliest and e.latest:
            span = e.earliest.isoformat()
            if e.latest != e.earliest:
                span += f" … {e.latest.isoformat()}"
            parts.append(f"Date: {span} ({PRECISION_STYLES[precision_of(e, t)].label})")
        else:
            parts.append("Date: undated")
        if t and t.explanation:
            parts.append(f"<i>{escape(t.explanation)}</i>")
        if e.planned or e.tense == "future":
            parts.append("planned / future")
        names = [actors[a].name for a in e.actors if a in actors]
        if names:
            parts.append("Actors: " + escape(", ".join(names)))
        doc = docs.get(e.doc)
        if doc:
            published = f" ({doc.dct.value})" if doc.dct else ""
            parts.append("Article: " + escape(article_title(doc) + published))
        out[e.id] = "<br>".join(parts)
    return out


def _lane_order(placed: list[tuple[Event, list[str]]]) -> list[str]:
    counts = Counter(name for _, names in placed for name in names)
    named = [n for n in counts if n not in (NO_ACTOR, NO_COUNTRY)]
    ranked = sorted(named, key=lambda n: (-counts[n], n.casefold()))
    lanes = ranked[:MAX_LANES]
    if len(ranked) > MAX_LANES:
        lanes.append(f"other ({len(ranked) - MAX_LANES})")
    lanes += [n for n in (NO_ACTOR, NO_COUNTRY) if n in counts]
    return lanes


def _subrow_offsets(items: list[tuple[str, date, date, str]]) -> dict[tuple[str, str], float]:
    """(lane, event id) -> vertical offset so that overlapping items in a lane don't cover
    each other: each goes to the first of SUBROWS rows that is free, else to the one that
    frees up first."""
    by_lane: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for lane, start, end, eid in items:
        by_lane[lane].append((start.toordinal(), end.toordinal(), eid))
    offsets = {}
    rows = range(SUBROWS)
    shift = [(row - (SUBROWS - 1) / 2) * 0.7 / SUBROWS for row in rows]
    for lane, spans in by_lane.items():
        ends = [0] * SUBROWS  # the last day taken in each row
        for start, end, eid in sorted(spans):
            for row in rows:
                if ends[row] < start:
                    break
            else:
                row = ends.index(min(ends))
            ends[row] = max(ends[row], end)
            offsets[(lane, eid)] = shift[row]
    return offsets


def x_frame(extraction: Extraction, minimum_days: int = 60) -> list[str] | None:
    """The days the timeline shows at first: every dated event and publication date with a
    margin, and never less than two months (else Plotly zooms in to hours)."""
    spans = [(e.earliest, e.latest) for e in extraction.events if e.earliest and e.latest]
    spans += [(d.dct.earliest, d.dct.latest) for d in extraction.documents if d.dct]
    if not spans:
        return None
    lo, hi = min(s for s, _ in spans), max(t for _, t in spans) + timedelta(days=1)
    days = (hi - lo).days
    pad = max(days // 20, -((days - minimum_days) // 2), 7)  # the latter: ceil of the shortfall/2
    return [(lo - timedelta(days=pad)).isoformat(), (hi + timedelta(days=pad)).isoformat()]


def timeline_figure(
    extraction: Extraction,
    *,
    lanes: str = "actor",
    selected: str = "",
    uirevision: str = "timeline",
    hovers: Mapping[str, str] | None = None,
    frame: list[str] | None = None,
) -> go.Figure:
    """One lane per actor (or country): exact days as markers, ranges as bars whose opacity
    and hatching show how precise they are; undated events at their article's date and
    planned/future events marked; a range slider to pan and zoom.

    `hovers`: `hover_texts` of a larger extraction (computed once per corpus), else they are
    made here. `frame`: the x range to show (default: `x_frame` of what is shown); the
    dashboard passes its zoom window (`view.zoom_window`). `uirevision` keeps what the user
    changed in the browser (zoom, hidden legend entries) while new data is drawn."""
    actors = {a.id: a for a in extraction.actors}
    published = publication_days(extraction)
    docs = {d.id: d for d in extraction.documents}
    hovers = hovers if hovers is not None else hover_texts(extraction)

    placed: list[tuple[Event, list[str]]] = [
        (e, lane_names(e, actors, lanes)) for e in extraction.events
    ]
    order = _lane_order(placed)
    index = {name: i for i, name in enumerate(order)}
    overflow = next((n for n in order if n.startswith("other (")), "")

    # (precision, lane y, start, end, event)
    items: list[tuple[str, str, date, date, Event]] = []
    timexes = {(t.doc, t.id): t for t in extraction.timexes}
    for e, names in placed:
        precision = precision_of(e, timexes.get((e.doc, e.timex)))
        if precision == "undated":
            doc = docs.get(e.doc)
            if not doc or not doc.dct:
                continue
            start = end = _mid(doc.dct.earliest, doc.dct.latest)
        else:
            start, end = e.earliest, e.latest
        seen = set()
        for name in names:
            lane = name if name in index else overflow
            if lane in seen:
                continue
            seen.add(lane)
            items.append((precision, lane, start, end, e))
    offsets = _subrow_offsets([(lane, s, t, e.id) for _, lane, s, t, e in items])

    def y_of(lane: str, e: Event) -> float:
        return len(order) - 1 - index[lane] + offsets[(lane, e.id)]

    check = len(items) <= VALIDATE_LIMIT
    fig = go.Figure(_validate=check)
    by_precision: dict[str, list] = defaultdict(list)
    for item in items:
        by_precision[item[0]].append(item)
    for precision in PRECISIONS:
        group = by_precision.get(precision, [])
        if not group:
            continue
        style = PRECISION_STYLES[precision]
        ys = [y_of(lane, e) for _, lane, _, _, e in group]
        ids = [e.id for *_, e in group]
        texts = [hovers[e.id] for *_, e in group]
        if precision in ("day", "undated"):
            scatter = go.Scattergl if len(group) > WEBGL_THRESHOLD else go.Scatter
            fig.add_trace(
                scatter(
                    x=np.asarray([s.isoformat() for _, _, s, _, _ in group]),
                    y=np.asarray(ys),
                    mode="markers",
                    name=style.label,
                    marker={
                        "color": style.color,
                        "size": 11,
                        "opacity": style.opacity,
                        "symbol": "circle-open" if precision == "undated" else "circle",
                        "line": {"width": 2 if precision == "undated" else 0},
                    },
                    customdata=np.asarray(ids),
                    hovertext=np.asarray(texts),
                    hoverinfo="text",
                    _validate=check,
                )
            )
        elif len(group) > WEBGL_THRESHOLD:
            # Many ranges: WebGL line segments, and a marker in the middle for hover and click.
            xs, yl = [], []  # x in ms since 1970 (a date axis takes them), NaN = gap
            for (_, _, s, t, _), y in zip(group, ys, strict=True):
                xs += [_ms(s), _ms(t + timedelta(days=1)), np.nan]
                yl += [y, y, np.nan]
            fig.add_trace(
                go.Scattergl(
                    x=np.asarray(xs),
                    y=np.asarray(yl),
                    mode="lines",
                    name=style.label,
                    legendgroup=precision,
                    line={"color": style.color, "width": 8},
                    opacity=style.opacity,
                    hoverinfo="skip",
                    _validate=check,
                )
            )
            fig.add_trace(
                go.Scattergl(
                    x=np.asarray([_mid(s, t).isoformat() for _, _, s, t, _ in group]),
                    y=np.asarray(ys),
                    mode="markers",
                    name=style.label,
                    legendgroup=precision,
                    showlegend=False,
                    marker={"color": style.color, "size": 5},
                    customdata=np.asarray(ids),
                    hovertext=np.asarray(texts),
                    hoverinfo="text",
                    _validate=check,
                )
            )
        else:
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    base=np.asarray([s.isoformat() for _, _, s, _, _ in group]),
                    x=np.asarray([((t - s).days + 1) * DAY_MS for _, _, s, t, _ in group]),
                    y=np.asarray(ys),
                    width=0.6 / SUBROWS,
                    name=style.label,
                    marker={
                        "color": style.color,
                        "opacity": style.opacity,
                        "line": {"color": style.color, "width": 1},
                        "pattern": {"shape": style.pattern, "fgcolor": "#1f4e79"},
                    },
                    customdata=np.asarray(ids),
                    hovertext=np.asarray(texts),
                    hoverinfo="text",
                    _validate=check,
                )
            )

    future = [(lane, s, t, e) for _, lane, s, t, e in items if is_future(e, published)]
    if future:
        scatter = go.Scattergl if len(future) > WEBGL_THRESHOLD else go.Scatter
        fig.add_trace(
            scatter(
                x=np.asarray([s.isoformat() for _, s, _, _ in future]),
                y=np.asarray([y_of(lane, e) for lane, _, _, e in future]),
                mode="markers",
                name="planned / future",
                marker={
                    "symbol": "triangle-right",
                    "size": 13,
                    "color": "rgba(0,0,0,0)",
                    "line": {"color": FUTURE_COLOR, "width": 2},
                },
                customdata=np.asarray([e.id for *_, e in future]),
                hoverinfo="none",  # the event's own marker or bar has the label
                _validate=check,
            )
        )
    chosen = [(lane, s, t, e) for _, lane, s, t, e in items if e.id == selected]
    if chosen:
        fig.add_trace(
            go.Scatter(
                x=np.asarray([_mid(s, t).isoformat() for _, s, t, _ in chosen]),
                y=np.asarray([y_of(lane, e) for lane, _, _, e in chosen]),
                mode="markers",
                name="selected",
                marker={
                    "symbol": "circle-open",
                    "size": 22,
                    "color": SELECTED_COLOR,
                    "line": {"width": 3},
                },
                customdata=np.asarray([e.id for *_, e in chosen]),
                hovertext=np.asarray([hovers[e.id] for *_, e in chosen]),
                hoverinfo="text",
                _validate=check,
            )
        )

    fig.update_layout(
        barmode="overlay",
        height=max(320, 46 * len(order) + 220),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        hovermode="closest",
        clickmode="event",  # the selected event gets a ring (`selected`)
        uirevision=uirevision,
        legend={"orientation": "v", "x": 1.01, "y": 1, "yanchor": "top", "title": "Date"},
        hoverlabel={"align": "left"},
        xaxis={
            "type": "date",
            "range": frame or x_frame(extraction),
            "rangeslider": {"visible": True, "thickness": 0.06},
        },
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(order))),
            "ticktext": [escape(n, width=40) for n in reversed(order)],
            "range": [-0.6, len(order) - 0.4],
            "fixedrange": True,
            "automargin": True,
            "showgrid": True,
        },
    )
    return fig


def publication_figure(
    extraction: Extraction, hovers: Mapping[str, str] | None = None
) -> go.Figure:
    """Publication date against event date: how long before or after its article an event
    lies (the diagonal is "same day")."""
    docs = {d.id: d for d in extraction.documents}
    hovers = hovers if hovers is not None else hover_texts(extraction)
    check = len(extraction.events) <= VALIDATE_LIMIT
    fig = go.Figure(_validate=check)
    lo, hi = None, None
    timexes = {(t.doc, t.id): t for t in extraction.timexes}
    for precision in PRECISIONS[:-1]:
        xs, ys, ids, texts = [], [], [], []
        for e in extraction.events:
            doc, timex = docs.get(e.doc), timexes.get((e.doc, e.timex))
            if precision_of(e, timex) != precision or not doc or not doc.dct:
                continue
            pub = _mid(doc.dct.earliest, doc.dct.latest)
            when = _mid(e.earliest, e.latest)
            lag = (when - pub).days
            xs.append(pub.isoformat())
            ys.append(when.isoformat())
            ids.append(e.id)
            side = "after" if lag > 0 else "before"
            days = f"{abs(lag)} day{'s' if abs(lag) != 1 else ''}"
            relation = f"{days} {side} publication" if lag else "on the publication day"
            texts.append(f"{hovers[e.id]}<br>{relation}")
            lo = min(x for x in (lo, pub, when) if x is not None)
            hi = max(x for x in (hi, pub, when) if x is not None)
        if xs:
            style = PRECISION_STYLES[precision]
            scatter = go.Scattergl if len(xs) > WEBGL_THRESHOLD else go.Scatter
            fig.add_trace(
                scatter(
                    x=xs,
                    y=ys,
                    mode="markers",
                    name=style.label,
                    marker={"color": style.color, "opacity": max(style.opacity, 0.5), "size": 9},
                    customdata=ids,
                    hovertext=texts,
                    hoverinfo="text",
                    _validate=check,
                )
            )
    if lo and hi:
        fig.add_trace(
            go.Scatter(
                x=[lo.isoformat(), hi.isoformat()],
                y=[lo.isoformat(), hi.isoformat()],
                mode="lines",
                name="same day",
                line={"color": "#999", "dash": "dot"},
                hoverinfo="skip",
            )
        )
    fig.update_layout(
        height=420,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        xaxis_title="publication date",
        yaxis_title="event date (above the line: after publication)",
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom"},
        hoverlabel={"align": "left"},
    )
    return fig


def actor_overview_figure(extraction: Extraction, top: int = 20) -> go.Figure:
    """Co-occurrence of the most frequent actors: how many events they share (the diagonal
    is each actor's own number of events)."""
    counts = Counter(a for e in extraction.events for a in set(e.actors))
    names = {a.id: a.name for a in extraction.actors}
    ranked = sorted((a for a in counts if a in names), key=lambda a: (-counts[a], names[a]))
    chosen = ranked[:top]
    pos = {a: i for i, a in enumerate(chosen)}
    matrix = [[0] * len(chosen) for _ in chosen]
    for e in extraction.events:
        mine = sorted({a for a in e.actors if a in pos})
        for a in mine:
            matrix[pos[a]][pos[a]] += 1
        for a, b in combinations(mine, 2):
            matrix[pos[a]][pos[b]] += 1
            matrix[pos[b]][pos[a]] += 1
    labels = [escape(names[a], width=40) for a in chosen]
    fig = go.Figure(
        go.Heatmap(
            z=matrix,
            x=labels,
            y=labels,
            colorscale="Blues",
            hovertemplate="%{y} & %{x}: %{z} events<extra></extra>",
        )
    )
    fig.update_layout(
        height=max(300, 28 * len(chosen) + 160),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"automargin": True},
    )
    return fig
