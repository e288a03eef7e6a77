"""The dashboard script under Streamlit's AppTest: sample corpus, filters, links, bad uploads."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).parent.parent / "app.py")


@pytest.fixture(scope="module", autouse=True)
def store(tmp_path_factory):
    """One corpus store for the module: Streamlit caches the store per process."""
    path = tmp_path_factory.mktemp("store") / "corpora.sqlite3"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TIMELINE_STORE", str(path))
        yield path


def start(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(params or {})
    return at.run()


def shown(at: AppTest) -> int:
    """The number of events shown, from the caption '… N events, M shown …'."""
    caption = at.caption[0].value
    return int(caption.split(" shown")[0].rsplit(" ", 1)[1])


def chart_figure(at: AppTest) -> dict:
    """The Plotly figure the timeline chart component was given."""
    (chart,) = [e for e in at.get("bidi_component") if e.proto.component_name == "timeline_chart"]
    return json.loads(chart.proto.bytes)


def chart_events(at: AppTest) -> set[str]:
    return {c for trace in chart_figure(at)["data"] for c in trace.get("customdata") or [] if c}


def test_starts_on_the_sample_corpus():
    at = start()
    assert not at.exception
    assert at.caption[0].value.startswith("9 articles")
    assert shown(at) > 10
    docs = {e.split(":")[0] for e in chart_events(at)}
    assert "de-02-genehmigung.txt" in docs and "en-01-cable-deal.txt" in docs
    assert at.query_params["corpus"]


def test_filters_change_the_events_shown_and_the_url():
    at = start()
    everything = shown(at)
    at.multiselect(key="w_docs").select("de-03-abkommen-oslo.txt").run()
    oslo = shown(at)
    assert 0 < oslo < everything
    assert all(e.startswith("de-03-abkommen-oslo.txt:") for e in chart_events(at))
    assert at.query_params["doc"] in ("de-03-abkommen-oslo.txt", ["de-03-abkommen-oslo.txt"])
    at.checkbox(key="w_exact").check().run()
    assert shown(at) < oslo
    assert at.query_params["exact"] in ("1", ["1"])


def test_query_params_restore_a_view():
    first = start()
    corpus = first.query_params["corpus"]
    first.text_input(key="w_query").input("Oslo").run()
    expected = shown(first)
    events = chart_events(first)
    assert 0 < expected < 20
    again = start({"corpus": corpus, "q": "Oslo", "lanes": "country"})
    assert again.text_input(key="w_query").value == "Oslo"
    assert again.radio(key="w_lanes").value == "country"
    assert shown(again) == expected and chart_events(again) == events


def test_selected_event_from_the_link_shows_its_sentence():
    at = start()
    event = next(e for e in sorted(chart_events(at)) if e.startswith("de-03"))
    at = start({"corpus": at.query_params["corpus"], "event": event})
    assert not at.info  # no "click an event" hint: an event is selected
    assert at.query_params["event"] in (event, [event])
    assert any("<mark" in h.proto.body for h in at.get("html"))


def test_unknown_corpus_is_reported():
    at = start({"corpus": "ffffffffffffffff"})
    assert any("ffffffffffffffff" in w.value for w in at.warning)
    assert at.caption[0].value.startswith("9 articles")  # the sample instead


def test_bad_uploads_show_errors_and_good_ones_are_read():
    at = start()
    at.file_uploader(key="uploads").set_value(
        [
            ("photo.txt", bytes(range(256)) * 10, "text/plain"),
            ("empty.txt", b"", "text/plain"),
            ("broken.jsonl", b'{"text": "ok"\n{"text": "Am Montag kam er."}\n', "text/plain"),
            ("good.txt", b"date 2024-05\n\nAm Dienstag traf Berger Haugen.", "text/plain"),
            ("latin1.txt", "date 2024-05-02\n\nAm Montag äußerte er sich.".encode("cp1252"), "t"),
            ("huge.txt", b"Wort " * 2_200_000, "text/plain"),
        ]
    ).run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "huge" in errors and "too large" in errors
    assert any("latin1" in w.value and "1252" in w.value for w in at.warning)
    assert "photo" in errors and "binary" in errors
    assert "empty" in errors
    assert "line 1" in errors  # the malformed JSONL line; line 2 still read
    assert at.caption[0].value.startswith("3 articles")


def test_hostile_html_upload_is_escaped():
    page = (
        b"<html><head><title>T</title><script>alert(1)</script></head><body><article>"
        b"<p>Am 3. Mai 2024 sagte &lt;img src=x onerror=alert(1)&gt; Anna Berger etwas.</p>"
        b"</article></body></html>"
    )
    at = start()
    at.file_uploader(key="uploads").set_value([("evil.html", page, "text/html")]).run()
    assert not at.exception
    for h in at.get("html"):
        assert "<img" not in h.proto.body and "<script" not in h.proto.body


def x_range(at: AppTest) -> list[str]:
    return chart_figure(at)["layout"]["xaxis"]["range"]


def test_zoom_survives_filter_changes_and_travels_with_the_link():
    at = start()
    whole = x_range(at)
    at.segmented_control(key="w_zoom").set_value("year").run()
    zoomed = x_range(at)
    assert zoomed != whole and at.query_params["zoom"] in ("year", ["year"])
    at.checkbox(key="w_exact").check().run()
    assert x_range(at) == zoomed
    again = start({k: v for k, v in at.query_params.items()})
    assert x_range(again) == zoomed


def test_a_zoom_made_in_the_chart_travels_with_the_link_until_a_zoom_level_is_chosen():
    # what the chart reports after a drag is put in the URL as `window` (see test_browser)
    at = start({"window": "2024-05-06T00:00/2024-05-20T12:00", "q": "Oslo"})
    assert x_range(at) == ["2024-05-06 00:00", "2024-05-20 12:00"]
    assert at.segmented_control(key="w_zoom").value is None  # no zoom level: a custom one
    at.text_input(key="w_query").input("").run()
    assert x_range(at) == ["2024-05-06 00:00", "2024-05-20 12:00"]
    assert at.query_params["window"] in (
        "2024-05-06T00:00/2024-05-20T12:00",
        ["2024-05-06T00:00/2024-05-20T12:00"],
    )
    at.segmented_control(key="w_zoom").set_value("month").run()
    assert "window" not in at.query_params
    start_day = date.fromisoformat(x_range(at)[0][:10])
    assert date.fromisoformat(x_range(at)[1][:10]) - start_day == timedelta(days=31)


def test_a_malformed_window_in_a_link_is_reported():
    at = start({"window": "2024-05-20/2024-05-06"})  # backwards
    shown_text = [w.value.replace("\\", "") for w in at.warning]  # markdown escapes removed
    assert any("window=2024-05-20/2024-05-06" in w for w in shown_text)
    assert "window" not in at.query_params


def test_pasted_text_becomes_the_corpus():
    at = start()
    at.button[0].click().run()  # nothing pasted yet
    assert any("pasted" in e.value and "no article text" in e.value for e in at.error)
    at.text_area(key="paste").input("date 2024-05\n\nAnna Berger reiste am Dienstag nach Oslo.")
    at.button[0].click().run()  # "Analyse pasted text"
    assert not at.exception
    assert at.caption[0].value.startswith("1 article ·")
    assert shown(at) >= 1
    at.text_input(key="w_query").input("no such words").run()
    assert shown(at) == 0 and any("No event matches" in i.value for i in at.info)


def test_other_tabs_and_exports():
    at = start()
    at.segmented_control(key="w_zoom").set_value("month").run()
    for tab in ("Events", "Publication vs event", "Actors", "Articles", "Export"):
        at.session_state["tab"] = tab  # AppTest cannot click tabs
        at.run()
        assert not at.exception, tab
    assert {b.proto.label for b in at.get("download_button")} == {
        "JSON",
        "CSV",
        "TimeML (zip)",
        "HTML (works offline)",
        "TimelineJS",
        "iCalendar",
    }
    assert at.query_params["zoom"] in ("month", ["month"])  # kept while the chart was hidden


def test_correcting_a_publication_date_makes_a_new_corpus():
    at = start()
    corpus = at.query_params["corpus"]
    at.session_state["tab"] = "Articles"
    at.run()
    at.selectbox(key="fix_doc").set_value("de-02-genehmigung.txt").run()
    field = f"fix_dct_{corpus}_de-02-genehmigung.txt"
    assert at.text_input(key=field).value == "2024-05"  # the month-only header
    at.text_input(key=field).input("2024-13-01")
    at.button(key="fix_apply").click().run()
    assert any("month 13 does not exist" in e.value for e in at.error)
    assert at.query_params["corpus"] == corpus
    at.text_input(key=field).input("2024-05-21")
    at.button(key="fix_apply").click().run()
    assert not at.exception
    changed = at.query_params["corpus"]
    assert changed != corpus and at.session_state["documents"][1].dct.value == "2024-05-21"
    # the corrected corpus is stored: a link to it works in a new session
    again = start({"corpus": changed})
    assert not at.warning and again.session_state["documents"][1].dct.value == "2024-05-21"
