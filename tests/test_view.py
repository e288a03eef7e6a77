"""Filter state <-> URL parameters, filtering, table rows and the highlighted source passage."""

from dataclasses import replace
from datetime import date, datetime

from extraction_fixture import build

from timeline.model import DocumentDate
from timeline.view import (
    ViewState,
    actor_counts,
    correct_documents,
    event_rows,
    filter_extraction,
    from_query_params,
    parse_window,
    precision_of,
    source_passage,
    to_query_params,
    zoom_window,
)


def ids(extraction) -> list[str]:
    return [e.id for e in extraction.events]


def test_query_params_round_trip():
    state = ViewState(
        corpus="abc123",
        actors=("anna-berger", "lars-haugen"),
        kinds=("PERSON",),
        start=date(2024, 5, 1),
        end=date(2024, 12, 31),
        query="Kabel",
        exact_only=True,
        lanes="country",
        event="de1-e1",
    )
    params = to_query_params(state)
    assert params["actor"] == ["anna-berger", "lars-haugen"]
    assert params["from"] == "2024-05-01" and params["exact"] == "1"
    assert "lang" not in params  # defaults stay out of the link
    assert from_query_params(params) == (state, [])


def test_bad_query_params_are_ignored_with_a_message():
    state, problems = from_query_params({"from": "2024-13-01", "lanes": "planet", "q": "x"})
    assert state.start is None and state.lanes == "actor" and state.query == "x"
    assert len(problems) == 2 and any("2024-13-01" in p for p in problems)


def test_filters():
    x = build()
    assert ids(filter_extraction(x, ViewState())) == ["de1-e1", "de1-e2", "en1-e1", "en1-e2"]
    assert ids(filter_extraction(x, ViewState(actors=("lars-haugen",)))) == ["de1-e1"]
    assert ids(filter_extraction(x, ViewState(kinds=("LOCATION",)))) == ["de1-e1"]
    assert ids(filter_extraction(x, ViewState(countries=("DEU",)))) == ["de1-e1", "en1-e1"]
    assert ids(filter_extraction(x, ViewState(languages=("en",)))) == ["en1-e1", "en1-e2"]
    assert ids(filter_extraction(x, ViewState(docs=("de1",)))) == ["de1-e1", "de1-e2"]
    assert ids(filter_extraction(x, ViewState(query="KABEL"))) == ["de1-e2"]
    assert ids(filter_extraction(x, ViewState(exact_only=True))) == ["de1-e1"]
    # a date range keeps overlapping intervals and drops undated events
    window = ViewState(start=date(2024, 5, 20), end=date(2030, 1, 1))
    assert ids(filter_extraction(x, window)) == ["de1-e2", "en1-e1"]


def test_filtered_extraction_keeps_only_what_its_events_refer_to():
    view = filter_extraction(build(), ViewState(actors=("lars-haugen",)))
    assert [d.id for d in view.documents] == ["de1"]
    assert [(t.doc, t.id) for t in view.timexes] == [("de1", "t1")]
    berger = next(a for a in view.actors if a.id == "anna-berger")
    assert [m.doc for m in berger.mentions] == ["de1"]


def test_actor_counts_and_rows():
    counts = [(a.name, n) for a, n in actor_counts(build())]
    assert counts == [("Anna Berger", 2), ("Lars Haugen", 1), ("Oslo", 1)]
    rows = {r["id"]: r for r in event_rows(build())}
    assert rows["de1-e2"]["future"] is True and rows["de1-e2"]["precision"] == "year"
    assert rows["en1-e1"]["article"] == "Cable <b>deal</b> & more"  # first line, raw text
    assert rows["en1-e1"]["published"] == "2024-05"
    assert rows["en1-e2"]["precision"] == "undated" and rows["en1-e2"]["earliest"] == ""


def test_precision_of():
    x = build()
    events = {e.id: e for e in x.events}
    vague = replace(x.timexes[1], value="PXY", mod=None)
    assert precision_of(events["de1-e2"], x.timexes[1]) == "year"
    assert precision_of(events["de1-e2"], vague) == "vague"
    assert precision_of(events["de1-e1"], replace(x.timexes[0], mod="APPROX")) == "vague"
    assert precision_of(events["de1-e1"], replace(x.timexes[0], mod="START")) == "day"
    assert [precision_of(events[i]) for i in ("de1-e1", "en1-e1", "de1-e2", "en1-e2")] == [
        "day",
        "month",
        "year",
        "undated",
    ]


def test_source_passage_marks_and_escapes():
    x = build()
    events = {e.id: e for e in x.events}
    passage = source_passage(x, events["de1-e1"])
    assert "Dienstag</mark>" in passage and "Lars Haugen</mark>" in passage
    assert 'title="DATE 2024-05-14"' in passage
    assert "Das Kabel" not in passage  # only the event's own sentence
    hostile = source_passage(x, events["en1-e2"])
    assert "<script>" not in hostile and "&lt;script&gt;" in hostile


def test_corrections_of_dct_and_language():
    docs = build().documents
    fixed, errors = correct_documents(docs, {"de1": ("en", "2024"), "en1": ("en", "2024-02-30")})
    assert fixed[0].language == "en" and fixed[0].dct == DocumentDate.parse("2024")
    assert fixed[1] == docs[1]  # the impossible date leaves it unchanged
    assert len(errors) == 1 and "day 30 does not exist" in errors[0]
    unchanged, none = correct_documents(docs, {})
    assert unchanged == docs and none == []
    cleared, _ = correct_documents(docs, {"en1": ("en", "")})
    assert cleared[1].dct is None


def test_zoom_window():
    corpus, shown = ["2024-01-01", "2024-12-31"], ["2024-03-01", "2024-04-30"]
    assert zoom_window(ViewState(), shown, corpus) == shown  # "all": what is shown
    assert zoom_window(ViewState(), None, corpus) == corpus  # nothing shown
    # a month (31 days) around the middle of the corpus, 2024-07-01, whatever is shown
    assert zoom_window(ViewState(zoom="month"), shown, corpus) == ["2024-06-16", "2024-07-17"]
    events = {e.id: e for e in build().events}
    # around the selected event (2024-05-14) unless a day is given
    assert zoom_window(ViewState(zoom="week"), shown, corpus, events["de1-e1"]) == [
        "2024-05-11",
        "2024-05-18",
    ]
    around = ViewState(zoom="week", around=date(2025, 1, 1))
    assert zoom_window(around, shown, corpus, events["de1-e1"]) == ["2024-12-29", "2025-01-05"]
    state, problems = from_query_params(to_query_params(around))
    assert state == around and not problems


def test_a_window_zoomed_to_in_the_chart():
    # Plotly reports ranges like these after a drag; the view keeps them to the minute
    window = parse_window(["2024-04-02 12:42:21.1765", "2024-08-04"])
    assert window == (datetime(2024, 4, 2, 12, 42), datetime(2024, 8, 4, 0, 0))
    state = ViewState(zoom="month", window=window)
    # the window wins over the zoom level and over what is shown
    assert zoom_window(state, ["2024-03-01", "2024-04-30"], ["2024-01-01", "2024-12-31"]) == [
        "2024-04-02 12:42",
        "2024-08-04 00:00",
    ]
    assert to_query_params(state)["window"] == "2024-04-02T12:42/2024-08-04T00:00"
    assert from_query_params(to_query_params(state)) == (state, [])
    for wrong in (
        ["2024-08-04", "2024-04-02"],  # backwards
        ["2024-08-04 10:00:05", "2024-08-04 10:00:50"],  # empty once kept to the minute
        ["2024-13-01", "2024-12-01"],
        ["2024-01-01"],
        None,
        ["2024-01-01T00:00+02:00", "2024-02-01T00:00+02:00"],
    ):
        assert parse_window(wrong) is None, wrong
    state, problems = from_query_params({"window": "2024-05-01/soon"})
    assert state.window is None and "window=2024-05-01/soon" in problems[0]
    # a window alone is no filter
    x = build()
    assert filter_extraction(x, ViewState(window=window)) is x
