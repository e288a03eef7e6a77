"""The timeline dashboard: widgets and layout only; everything else is in the timeline package.

Run: streamlit run app.py
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from timeline import export
from timeline.chart_widget import timeline_chart
from timeline.figures import (
    actor_overview_figure,
    hover_texts,
    publication_figure,
    timeline_figure,
    x_frame,
)
from timeline.language import supported_languages
from timeline.model import Document, Extraction
from timeline.pipeline import extract
from timeline.reading import read_paths
from timeline.store import CorpusStore, StoreError, corpus_hash
from timeline.uploads import read_pasted, read_uploads
from timeline.view import (
    LANES,
    ZOOMS,
    ViewState,
    actor_counts,
    article_title,
    correct_documents,
    event_details,
    event_rows,
    filter_extraction,
    find_event,
    from_query_params,
    parse_window,
    plain_markdown,
    source_passage,
    to_query_params,
    zoom_window,
)

SAMPLES = Path(__file__).parent / "samples"
UPLOAD_TYPES = ["txt", "text", "html", "htm", "tml", "xml", "jsonl", "ndjson", "csv"]
FAR_PAST, FAR_FUTURE = date(1000, 1, 1), date(2999, 12, 31)
# widget key -> ViewState field; the multiselects hold lists
WIDGETS = {
    "w_actors": "actors",
    "w_kinds": "kinds",
    "w_countries": "countries",
    "w_languages": "languages",
    "w_docs": "docs",
    "w_start": "start",
    "w_end": "end",
    "w_query": "query",
    "w_exact": "exact_only",
    "w_lanes": "lanes",
    "w_zoom": "zoom",
    "w_around": "around",
    "w_window": "window",  # not a widget: the zoom made in the chart
}
MULTI = {"w_actors", "w_kinds", "w_countries", "w_languages", "w_docs"}

st.set_page_config(page_title="timeline", layout="wide")
ss = st.session_state


@st.cache_resource
def corpus_store() -> CorpusStore | str:
    """The store, or why there is none (then links cannot name uploaded corpora)."""
    try:
        return CorpusStore()
    except StoreError as e:
        return str(e)


@st.cache_data(show_spinner=False)
def sample_documents() -> tuple[Document, ...]:
    return tuple(read_paths([SAMPLES]).documents)


@st.cache_data(show_spinner="Reading files…", max_entries=16)
def read_files(files: tuple[tuple[str, bytes], ...]) -> tuple[tuple[Document, ...], list[str]]:
    reading = read_uploads(files)
    return tuple(reading.documents), reading.errors


@st.cache_resource(show_spinner="Finding dates, events and actors…", max_entries=8)
def extraction_of(key: str, _documents: tuple[Document, ...]) -> Extraction:
    """Cached by the corpus hash, so filter changes never re-run the extraction (a resource:
    the frozen result is shared, not copied on every rerun)."""
    return extract(list(_documents))


@st.cache_resource(max_entries=8)
def hovers_of(key: str, _extraction: Extraction) -> dict[str, str]:
    return hover_texts(_extraction)


def set_widgets(state: ViewState) -> None:
    for key, name in WIDGETS.items():
        ss[key] = list(getattr(state, name)) if key in MULTI else getattr(state, name)
    if state.window:  # no zoom level is chosen while a zoom made in the chart is shown
        ss.w_zoom = None
    ss.event = state.event


def use_corpus(documents: tuple[Document, ...], view: ViewState | None = None) -> None:
    """Show `documents` (stored under their content hash, which links name) with `view`."""
    key = corpus_hash(documents)
    store = corpus_store()
    if isinstance(store, CorpusStore):
        try:
            store.put(documents)
        except StoreError as e:
            ss.messages = [*ss.get("messages", []), str(e)]
    ss.documents, ss.corpus = documents, key
    set_widgets(replace(view or ViewState(), corpus=key))


def open_link() -> None:
    """First run of a session: the corpus and the view the URL names."""
    state, problems = from_query_params({k: st.query_params.get_all(k) for k in st.query_params})
    ss.messages = problems
    store = corpus_store()
    if state.corpus and isinstance(store, CorpusStore):
        documents = store.get(state.corpus)
        if documents is not None:
            use_corpus(documents, state)
            return
    if state.corpus and state.corpus != corpus_hash(sample_documents()):
        ss.messages = [
            *problems,
            f"The link names the corpus {state.corpus}, which is not stored on this server. "
            "Showing the sample corpus instead.",
        ]
        state = ViewState()
    use_corpus(sample_documents(), state)


def apply_correction(doc_id: str, language_key: str, dct_key: str, view: ViewState) -> None:
    """Button callback: the corpus with one article's language and DCT corrected (read from
    the widgets' state: arguments bound at the last run would miss what was just typed)."""
    correction = {doc_id: (ss[language_key], ss[dct_key])}
    corrected, ss.fix_errors = correct_documents(ss.documents, correction)
    if not ss.fix_errors and corrected != ss.documents:
        use_corpus(corrected, view)


def zoomed_in_chart() -> None:
    """Chart callback: the x range the user zoomed to replaces the zoom level (null, from a
    double click or "autoscale", means everything)."""
    dragged = ss.chart.range
    window = parse_window(dragged)
    if dragged is None:
        ss.w_window, ss.w_zoom = None, "all"
    elif window:
        ss.w_window, ss.w_zoom = window, None


def clicked_in_chart() -> None:
    if ss.chart.clicked:
        ss.event = ss.chart.clicked


def zoom_level_chosen() -> None:
    ss.w_window = None


def picked_in_table(ids: list[str]) -> str:
    """The event newly selected in the table, else ""."""
    rows = ((ss.get("table") or {}).get("selection") or {}).get("rows") or []
    value = ids[rows[0]] if rows and rows[0] < len(ids) else ""
    changed = value and value != ss.get("last_table")
    ss.last_table = value
    return value if changed else ""


if "corpus" not in ss:
    open_link()

# --- input -----------------------------------------------------------------------------------
with st.sidebar:
    st.header("Articles")
    with st.expander("Upload, paste or use the sample"):
        uploads = st.file_uploader(
            "Files (.txt, .html, .tml, .jsonl, .csv)",
            type=UPLOAD_TYPES,
            accept_multiple_files=True,
            key="uploads",
        )
        if uploads:
            files = tuple((f.name, f.getvalue()) for f in uploads)
            signature = tuple((f.file_id, f.name) for f in uploads)
            if signature != ss.get("upload_signature"):
                ss.upload_signature = signature
                documents, ss.input_errors = read_files(files)
                ss.input_warnings = [f"{d.id}: {w}" for d in documents for w in d.warnings]
                if documents:
                    use_corpus(documents)
        pasted = st.text_area("Text (a first line `date 2024-05-15` sets its date)", key="paste")
        if st.button("Analyse pasted text"):
            reading = read_pasted(pasted)
            ss.input_errors = reading.errors
            ss.input_warnings = [w for d in reading.documents for w in d.warnings]
            if reading.documents:
                use_corpus(tuple(reading.documents))
        if st.button("Back to the sample corpus"):
            ss.input_errors = ss.input_warnings = []
            use_corpus(sample_documents())

documents: tuple[Document, ...] = ss.documents
extraction = extraction_of(ss.corpus, documents)
actor_labels = {a.id: f"{a.name} ({n})" for a, n in actor_counts(extraction)}
kinds = sorted({str(a.kind) for a in extraction.actors})
countries = sorted({a.country for a in extraction.actors if a.country})
languages = sorted({d.language for d in documents if d.language})
titles = {d.id: article_title(d) for d in documents}
for key, options in (
    ("w_actors", actor_labels),
    ("w_kinds", kinds),
    ("w_countries", countries),
    ("w_languages", languages),
    ("w_docs", titles),
):  # a link may name choices this corpus doesn't have
    ss[key] = [v for v in ss.get(key, []) if v in options]

# --- filters ---------------------------------------------------------------------------------
with st.sidebar:
    st.header("View")  # widgets outside the tabs: a hidden widget would lose its state
    st.radio("Lanes", LANES, key="w_lanes", horizontal=True, format_func=str.capitalize)
    st.segmented_control(
        "Zoom",
        list(ZOOMS),
        key="w_zoom",
        format_func=str.capitalize,
        on_change=zoom_level_chosen,
        help="Or drag across the chart, or move the range slider below it",
    )
    st.date_input(
        "Zoom around",
        key="w_around",
        min_value=FAR_PAST,
        max_value=FAR_FUTURE,
        on_change=zoom_level_chosen,
        disabled=ss.get("w_zoom") in (None, "all"),
        help="The day to zoom in on (default: the selected event, else the middle)",
    )
    st.header("Filters")
    st.multiselect("Actors", list(actor_labels), key="w_actors", format_func=actor_labels.get)
    st.multiselect("Actor kind", kinds, key="w_kinds")
    st.multiselect("Country", countries, key="w_countries")
    left, right = st.columns(2)
    left.date_input("From", key="w_start", min_value=FAR_PAST, max_value=FAR_FUTURE)
    right.date_input("To", key="w_end", min_value=FAR_PAST, max_value=FAR_FUTURE)
    st.multiselect("Language", languages, key="w_languages")
    st.multiselect("Article", list(titles), key="w_docs", format_func=titles.get)
    st.text_input("Search event text", key="w_query")
    st.checkbox("Only exact dates", key="w_exact")
    if st.button("Reset filters"):
        set_widgets(ViewState(corpus=ss.corpus))
        st.rerun()

fields = {name: tuple(ss[k]) if k in MULTI else ss[k] for k, name in WIDGETS.items()}
# no zoom level selected: a window zoomed to in the chart, or the control was unselected
state = ViewState(corpus=ss.corpus, **(fields | {"zoom": ss.w_zoom or "all"}))
view = filter_extraction(extraction, state)
ss.event = picked_in_table([r["id"] for r in ss.get("table_rows", [])]) or ss.event
state = replace(state, event=ss.event)
params = to_query_params(state)
if params != {k: st.query_params.get_all(k) for k in st.query_params}:
    st.query_params.from_dict(params)

# --- page ------------------------------------------------------------------------------------
st.title("timeline")
st.caption(
    f"{len(documents)} article{'s' if len(documents) != 1 else ''} · "
    f"{len(extraction.events)} events, {len(view.events)} shown · corpus {ss.corpus}"
)
for message in [*ss.get("messages", []), *ss.get("input_warnings", [])]:
    st.warning(plain_markdown(message))
if isinstance(corpus_store(), str):
    st.warning(plain_markdown(f"{corpus_store()}: links can only name the sample corpus."))
problems = [*ss.get("input_errors", []), *extraction.errors]
if len(problems) > 3:
    st.error(f"{len(problems)} problems with the input; the rest was read.")
    with st.expander("Show the problems"):
        for message in problems:
            st.error(plain_markdown(message))
else:
    for message in problems:
        st.error(plain_markdown(message))
link = f"{(st.context.url or 'http://localhost:8501/')}?{urlencode(params, doseq=True)}"
with st.expander("Copy link to this view"):
    st.code(link, language=None, wrap_lines=True)

# Only the open tab is drawn: the others cost nothing on a filter change.
timeline_tab, table_tab, lag_tab, actors_tab, articles_tab, export_tab = st.tabs(
    ["Timeline", "Events", "Publication vs event", "Actors", "Articles", "Export"],
    key="tab",
    on_change="rerun",
)
with timeline_tab:
    if timeline_tab.open:
        event = find_event(extraction, state.event) if state.event else None
        figure = timeline_figure(
            view,
            lanes=state.lanes,
            selected=state.event,
            uirevision=ss.corpus,
            hovers=hovers_of(ss.corpus, extraction),
            frame=zoom_window(state, x_frame(view), x_frame(extraction), event),
        )
        timeline_chart(
            figure,
            key="chart",
            config={"displaylogo": False, "scrollZoom": True, "responsive": True},
            on_zoom=zoomed_in_chart,
            on_click=clicked_in_chart,
        )
        if not view.events:
            st.info("No event matches these filters.")
        if event is None:
            st.info("Click an event to see the sentence it comes from.")
        else:
            st.subheader("Selected event")
            if find_event(view, event.id) is None:
                st.caption("The current filters hide this event.")
            st.html(
                '<div class="source-passage" style="font-size:1.1em;line-height:1.6">'
                f"{source_passage(extraction, event)}</div>"
            )
            st.html(event_details(extraction, event))
            doc = next((d for d in documents if d.id == event.doc), None)
            if doc:
                with st.expander("The article"):
                    st.html(
                        f"<h4>{html.escape(article_title(doc))}</h4>"
                        f"<p>{html.escape(doc.dct.value if doc.dct else 'no publication date')}</p>"
                        f'<div style="white-space:pre-wrap">{html.escape(doc.text)}</div>'
                    )

with table_tab:
    if table_tab.open:
        ss.table_rows = rows = event_rows(view)
        st.dataframe(
            rows,
            key="table",
            on_select="rerun",
            selection_mode="single-row",
            hide_index=True,
            column_order=[
                "earliest",
                "latest",
                "precision",
                "event",
                "actors",
                "expression",
                "value",
                "future",
                "article",
                "language",
                "published",
            ],
        )

with lag_tab:
    if lag_tab.open:
        st.plotly_chart(
            publication_figure(view, hovers=hovers_of(ss.corpus, extraction)),
            key="lag",
            config={"displaylogo": False},
        )

with actors_tab:
    if actors_tab.open:
        st.plotly_chart(actor_overview_figure(view), key="actors", config={"displaylogo": False})
        st.dataframe(
            [
                {"actor": a.name, "kind": str(a.kind), "country": a.country, "events": n}
                | {"also called": ", ".join(a.aliases)}
                for a, n in actor_counts(view)
            ],
            hide_index=True,
        )

with articles_tab:
    if articles_tab.open:
        st.dataframe(
            [
                {
                    "id": d.id,
                    "title": article_title(d),
                    "language": d.language,
                    "published": d.dct.value if d.dct else "",
                    "notes": "; ".join(d.warnings),
                }
                for d in documents
            ],
            hide_index=True,
        )
        st.subheader("Correct an article")
        by_id = {d.id: d for d in documents}
        doc = by_id[st.selectbox("Article", list(titles), format_func=titles.get, key="fix_doc")]
        languages_known = supported_languages()
        left, middle, right = st.columns([2, 1, 1], vertical_alignment="bottom")
        dct_key, language_key = f"fix_dct_{ss.corpus}_{doc.id}", f"fix_lang_{ss.corpus}_{doc.id}"
        left.text_input(
            "Publication date (YYYY, YYYY-MM or YYYY-MM-DD; empty: none)",
            value=doc.dct.value if doc.dct else "",
            key=dct_key,
        )
        middle.selectbox(
            "Language",
            languages_known,
            index=languages_known.index(doc.language) if doc.language in languages_known else 0,
            key=language_key,
        )
        right.button(
            "Apply",
            type="primary",
            key="fix_apply",
            on_click=apply_correction,  # a callback: it may reset the filter widgets
            args=(doc.id, language_key, dct_key, state),
        )
        for mistake in ss.pop("fix_errors", []):
            st.error(plain_markdown(mistake))

with export_tab:
    if export_tab.open:
        st.write(f"Exports of the current view ({len(view.events)} events).")
        exports = (
            ("JSON", lambda: export.to_json(view), "timeline.json", "application/json"),
            ("CSV", lambda: export.to_csv(view), "timeline.csv", "text/csv"),
            ("TimeML (zip)", lambda: export.to_timeml(view), "timeml.zip", "application/zip"),
            (
                "HTML (works offline)",
                lambda: export.to_html(view, timeline_figure(view, lanes=state.lanes)),
                "timeline.html",
                "text/html",
            ),
            ("TimelineJS", lambda: export.to_timelinejs(view), "timelinejs.json", "text/json"),
            ("iCalendar", lambda: export.to_ical(view), "timeline.ics", "text/calendar"),
        )
        for column, (label, make, name, mime) in zip(st.columns(3) * 2, exports, strict=True):
            column.download_button(label, make, file_name=name, mime=mime, on_click="ignore")
