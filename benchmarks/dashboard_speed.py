"""How fast the dashboard redraws: figure + table for 100, 1,000 and 10,000 synthetic events,
and the server-side work of one filter change with the extraction cached (target: < 300 ms
at 10,000 events).

A filter change re-runs app.py; with the extraction (and its hover labels) cached that is:
filter the Extraction, build the table rows, build the timeline figure and serialize it to
JSON as the chart component does. The last columns run app.py itself under Streamlit's AppTest
(with the synthetic extraction as the pipeline's result): its first run, a rerun after a text
search (few events left) and one after switching lanes (every event shown).

    python benchmarks/dashboard_speed.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from timeline.figures import hover_texts, timeline_figure  # noqa: E402
from timeline.model import (  # noqa: E402
    Actor,
    ActorKind,
    Document,
    DocumentDate,
    Event,
    Extraction,
    TimeExpression,
)
from timeline.view import ViewState, event_rows, filter_extraction, to_query_params  # noqa: E402

SIZES = (100, 1_000, 10_000)
TARGET_MS = 300


def synthetic(n_events: int, seed: int = 1) -> Extraction:
    """A corpus of n_events events: 50 actors in 10 countries, 1 article per 20 events,
    dates over four years with every precision (day, month, year, vague, undated)."""
    rng = random.Random(seed)
    countries = ["DEU", "NOR", "DNK", "FRA", "POL", "NLD", "BEL", "SWE", "AUT", "CHE"]
    kinds = list(ActorKind)
    actors = tuple(
        Actor(f"a{i}", f"Actor {i}", kinds[i % len(kinds)], countries[i % len(countries)])
        for i in range(50)
    )
    start = date(2021, 1, 1)
    documents, timexes, events = [], [], []
    for d in range(max(1, n_events // 20)):
        published = start + timedelta(days=rng.randrange(4 * 365))
        text = "Am Dienstag traf Actor 1 Actor 2 in Oslo. " * 3
        documents.append(
            Document(
                f"doc{d}",
                text,
                language=rng.choice(["de", "en"]),
                dct=DocumentDate.parse(published.isoformat()),
            )
        )
    for i in range(n_events):
        doc = documents[i % len(documents)]
        day = start + timedelta(days=rng.randrange(4 * 365))
        width = rng.choice([0, 0, 0, 30, 365, 900, None])
        latest = None if width is None else day + timedelta(days=width)
        earliest = None if width is None else day
        tid = f"{doc.id}:t{i}"
        timexes.append(
            TimeExpression(3, 11, "Dienstag", "DATE", day.isoformat(), None, earliest, latest,
                           explanation="synthetic", id=tid, doc=doc.id)
        )  # fmt: skip
        chosen = tuple(rng.sample(actors, rng.randrange(0, 4)))
        events.append(
            Event(f"e{i}", doc.id, 0, 40, f"Event {i} with some text", "traf",
                  tuple(a.id for a in chosen), tid, earliest, latest, "day",
                  rng.choice(["past", "future", "unknown"]), earliest is None)
        )  # fmt: skip
    return Extraction(tuple(documents), tuple(timexes), actors, tuple(events))


def best_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        action()
        times.append((time.perf_counter() - t) * 1000)
    return min(times)


def app_rerun_ms(extraction: Extraction, repeat: int) -> tuple[float, float, float]:
    """The real app under Streamlit's AppTest with `extraction` as the pipeline's result:
    first run, best rerun after a narrowing filter change, best rerun that shows every event
    (lanes switched). A filter change is a full script rerun."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    import timeline.pipeline

    original = timeline.pipeline.extract
    timeline.pipeline.extract = lambda documents, **_: extraction
    st.cache_resource.clear()  # the sample's cached extraction must not be reused
    try:
        at = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=600)
        t = time.perf_counter()
        at.run()
        first = (time.perf_counter() - t) * 1000
        narrow, wide = [], []
        for i in range(repeat):
            # a text search (few events left), then lanes by country (every event shown)
            at.text_input(key="w_query").input(f"Event {i + 1}")
            t = time.perf_counter()
            at.run()
            narrow.append((time.perf_counter() - t) * 1000)
            at.text_input(key="w_query").input("")
            at.run()
            at.radio(key="w_lanes").set_value("country" if i % 2 == 0 else "actor")
            t = time.perf_counter()
            at.run()
            wide.append((time.perf_counter() - t) * 1000)
        if at.exception:
            raise RuntimeError(at.exception[0].message)
        return first, min(narrow), min(wide)
    finally:
        timeline.pipeline.extract = original


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-app", action="store_true", help="skip the AppTest runs")
    args = parser.parse_args(argv)
    print(
        f"{'events':>7} {'figure+table ms':>16} {'filter change ms':>17} {'shown':>6}"
        + ("" if args.no_app else f" {'app 1st run':>12} {'app rerun':>10} {'(all shown)':>11}")
    )
    slow = False
    for n in SIZES:
        extraction = synthetic(n)

        hovers = hover_texts(extraction)  # cached per corpus in the app

        def draw(view: Extraction, hovers: dict = hovers) -> str:
            rows = event_rows(view)
            figure = timeline_figure(view, selected="e1", hovers=hovers)
            return figure.to_json() + str(len(rows))

        build = best_ms(lambda ex=extraction: draw(ex), args.repeat)
        state = ViewState(corpus="x", actors=("a1", "a2", "a3", "a4", "a5"), query="Event 1")

        def change(ex: Extraction = extraction, st: ViewState = state) -> None:
            to_query_params(st)
            draw(filter_extraction(ex, st))

        # the full view (no filter) is the worst case of a filter change
        full = best_ms(lambda ex=extraction: draw(filter_extraction(ex, ViewState())), 1)
        filtered = best_ms(change, args.repeat)
        shown = len(filter_extraction(extraction, state).events)
        line = f"{n:>7} {build:>16.0f} {max(full, filtered):>17.0f} {shown:>6}"
        reruns = (0.0,)
        if not args.no_app:
            first, *reruns = app_rerun_ms(extraction, args.repeat)
            line += f" {first:>12.0f} {reruns[0]:>10.0f} {reruns[1]:>11.0f}"
        print(line)
        slow |= n == SIZES[-1] and max(full, filtered, *reruns) > TARGET_MS
    print(f"target: filter change < {TARGET_MS} ms at {SIZES[-1]:,} events: " + (
        "MISSED" if slow else "met"))  # fmt: skip
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
