"""Figure builders, tested without Streamlit, on a hand-built Extraction."""

from datetime import date

import plotly.graph_objects as go
from extraction_fixture import build

from timeline.figures import (
    DAY_MS,
    PRECISION_STYLES,
    WEBGL_THRESHOLD,
    actor_overview_figure,
    hover_texts,
    publication_figure,
    timeline_figure,
    x_frame,
)
from timeline.model import Event, Extraction
from timeline.view import ViewState, filter_extraction


def traces(fig: go.Figure) -> dict[str, object]:
    return {t.name: t for t in fig.data}


def test_exact_day_is_a_marker_and_month_range_a_bar():
    fig = timeline_figure(build())
    by_name = traces(fig)
    exact = by_name["exact day"]
    assert exact.type == "scatter" and exact.mode == "markers"
    # "traf am Dienstag" appears in the lanes of Anna Berger, Lars Haugen and Oslo
    assert list(exact.x) == ["2024-05-14"] * 3
    assert set(exact.customdata) == {"de1-e1"}
    month = by_name["within a month"]
    assert month.type == "bar" and month.orientation == "h"
    assert list(month.base) == ["2024-04-30"]
    # 2024-04-30 .. 2024-05-28 inclusive = 29 days
    assert list(month.x) == [29 * DAY_MS]
    year = by_name["within a year"]
    assert list(year.base) == ["2028-01-01"] and list(year.x) == [366 * DAY_MS]  # leap year


def test_precision_styles_get_lighter_and_vague_is_hatched():
    day, month, year = (PRECISION_STYLES[p] for p in ("day", "month", "year"))
    assert day.opacity > month.opacity > year.opacity
    assert len({day.color, month.color, year.color}) == 3
    assert PRECISION_STYLES["vague"].pattern and not month.pattern
    fig = timeline_figure(build())
    assert traces(fig)["within a month"].marker.opacity == month.opacity


def test_undated_at_publication_date_and_future_marked():
    by_name = traces(timeline_figure(build()))
    undated = by_name["undated (at publication date)"]
    # the English article's DCT is the month 2024-05: shown in its middle, 2024-05-16
    assert list(undated.x) == ["2024-05-16"]
    assert undated.marker.symbol == "circle-open"
    future = by_name["planned / future"]
    assert list(future.customdata) == ["de1-e2"]


def test_lanes_per_actor_and_per_country():
    fig = timeline_figure(build())
    ticks = list(fig.layout.yaxis.ticktext)
    assert set(ticks) == {"Anna Berger", "Lars Haugen", "Oslo", "(no actor)"}
    # bottom-up: the lane with most events (Anna Berger, 2) is at the top
    assert ticks[-1] == "Anna Berger" and ticks[0] == "(no actor)"
    by_country = timeline_figure(build(), lanes="country")
    assert set(by_country.layout.yaxis.ticktext) == {"DEU", "NOR", "(no country)"}


def test_hover_is_escaped_and_explains():
    hovers = hover_texts(build())
    assert "<script>" not in hovers["en1-e2"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hovers["en1-e2"]
    assert "Date: undated" in hovers["en1-e2"]
    month = hovers["en1-e1"]
    assert "„Tuesday“ → 2024-05" in month
    assert "DCT is only a month: &lt;any&gt; Tuesday" in month
    assert "Cable &lt;b&gt;deal&lt;/b&gt; &amp; more (2024-05)" in month


def test_range_slider_frame_and_uirevision():
    fig = timeline_figure(build(), uirevision="abc")
    assert fig.layout.uirevision == "abc"
    assert fig.layout.xaxis.rangeslider.visible
    # events from 2024-04-30 to 2028-12-31 (end exclusive 2029-01-01, 1707 days): 5% margin
    # = 85 days on each side
    assert list(fig.layout.xaxis.range) == ["2024-02-05", "2029-03-27"]


def test_a_few_days_still_show_two_months():
    view = filter_extraction(build(), ViewState(exact_only=True))
    # the event (2024-05-14) and its article's day (05-15): 2 days + 29 on each side = 60
    assert list(timeline_figure(view).layout.xaxis.range) == ["2024-04-15", "2024-06-14"]
    # the frame of the whole corpus is kept when given (so zoom survives filter changes)
    framed = timeline_figure(view, frame=x_frame(build()))
    assert list(framed.layout.xaxis.range) == ["2024-02-05", "2029-03-27"]


def test_selected_event_is_ringed():
    fig = timeline_figure(build(), selected="en1-e1")
    sel = traces(fig)["selected"]
    assert list(sel.customdata) == ["en1-e1"]
    assert list(sel.x) == ["2024-05-14"]  # middle of 2024-04-30 .. 2024-05-28


def test_filtered_view_drops_events_from_the_figure():
    view = filter_extraction(build(), ViewState(exact_only=True))
    by_name = traces(timeline_figure(view))
    assert set(by_name) == {"exact day"}


def test_many_events_use_webgl():
    base = build()
    template = base.events[0]
    many = tuple(
        Event(
            f"x{i}",
            "de1",
            0,
            5,
            "Ereignis",
            "traf",
            ("anna-berger",),
            earliest=date(2024, 1, 1 + i % 28),
            latest=date(2024, 1, 1 + i % 28),
            undated=False,
        )
        for i in range(WEBGL_THRESHOLD + 1)
    )
    fig = timeline_figure(Extraction(base.documents, (), base.actors, (*many, template)))
    assert traces(fig)["exact day"].type == "scattergl"


def test_publication_figure_and_actor_overview():
    fig = publication_figure(build())
    by_name = traces(fig)
    exact = by_name["exact day"]
    assert list(exact.x) == ["2024-05-15"] and list(exact.y) == ["2024-05-14"]
    assert "1 day before publication" in exact.hovertext[0]
    year = by_name["within a year"]
    assert list(year.y) == ["2028-07-01"]  # middle of 2028
    assert "same day" in by_name
    heat = actor_overview_figure(build()).data[0]
    assert list(heat.x) == ["Anna Berger", "Lars Haugen", "Oslo"]
    # Anna Berger: 2 events; shares one with Lars Haugen and Oslo
    assert list(heat.z[0]) == [2, 1, 1]
    assert list(heat.z[1]) == [1, 1, 1]


def test_many_ranges_are_webgl_lines_with_hover_markers():
    base = build()
    many = tuple(
        Event(f"r{i}", "de1", 0, 5, "Ereignis", "traf", ("anna-berger",),
              earliest=date(2024, 1, 1), latest=date(2024, 1, 31), undated=False)
        for i in range(WEBGL_THRESHOLD + 1)
    )  # fmt: skip
    fig = timeline_figure(Extraction(base.documents, (), base.actors, many))
    lines, markers = [t for t in fig.data if t.name == "within a month"]
    assert lines.type == markers.type == "scattergl"
    assert lines.mode == "lines" and lines.hoverinfo == "skip"
    # 2024-01-01 = 19723 days after 1970-01-01; the segment ends after Jan 31 (exclusive)
    assert list(lines.x[:2]) == [19723 * DAY_MS, 19754 * DAY_MS]
    assert markers.x[0] == "2024-01-16" and len(markers.customdata) == WEBGL_THRESHOLD + 1


def test_overlapping_events_in_a_lane_get_their_own_rows():
    base = build()
    same_day = tuple(
        Event(f"s{i}", "de1", 0, 5, "Ereignis", "traf", ("lars-haugen",),
              earliest=date(2024, 5, 14), latest=date(2024, 5, 14), undated=False)
        for i in range(2)
    )  # fmt: skip
    later = Event("s2", "de1", 0, 5, "Ereignis", "traf", ("lars-haugen",),
                  earliest=date(2024, 6, 1), latest=date(2024, 6, 1), undated=False)  # fmt: skip
    fig = timeline_figure(Extraction(base.documents, (), base.actors, (*same_day, later)))
    ys = dict(zip(fig.data[0].customdata, fig.data[0].y, strict=True))
    assert ys["s0"] != ys["s1"]  # same day: two rows
    assert ys["s2"] == ys["s0"]  # later and free again: back in the first row
