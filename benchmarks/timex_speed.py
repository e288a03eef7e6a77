"""Characters per second of timeline's date engine, HeidelTime and dateparser, on one core.

    python -m benchmarks.timex_speed FOLDER [FOLDER...] [--limit N] [--repeat R]
        [--no-heideltime] [--no-dateparser]

Each FOLDER holds TimeML files (tags are ignored: raw or gold files both work); the first
--limit documents of each (by file name) are timed. All three tools get the same texts and
DCTs. The process and the JVM it starts are pinned to CPU 0 (like `taskset -c 0`).
See benchmarks/README.md for what each number includes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from benchmarks import heideltime_runner
from benchmarks.split import documents
from benchmarks.timeml_gold import GoldDocument, GoldError, read_gold
from benchmarks.timex_accuracy import corpus_language
from timeline.dates import find_dates


@dataclass(frozen=True)
class Text:
    doc: GoldDocument
    language: str


@dataclass(frozen=True)
class Timing:
    system: str
    seconds: float  # wall clock
    note: str = ""
    cpu: float | None = None  # this process's CPU time (None: the tool runs elsewhere)


def pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here)"
    try:
        os.sched_setaffinity(0, {0})
    except OSError as e:
        return f"not pinned ({e})"
    return "pinned to CPU 0"


def best_of(
    repeat: int, texts: Sequence[Text], call: Callable[[Text], object]
) -> tuple[float, float]:
    """The fastest of `repeat` passes over all texts (the others were slowed by neighbours),
    by the wall clock and by CPU time (which neighbours on a shared machine inflate less)."""
    call(texts[0])  # load resources before the clock starts
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            call(text)
        best = min(best, time.perf_counter() - began)
        best_cpu = min(best_cpu, time.process_time() - began_cpu)
    return best, best_cpu


def time_timeline(texts: Sequence[Text], repeat: int) -> Timing:
    def call(t: Text):
        return find_dates(t.doc.text, t.language, t.doc.document_date, t.doc.id)

    wall, cpu = best_of(repeat, texts, call)
    return Timing("timeline", wall, f"best of {repeat}", cpu)


def time_dateparser(texts: Sequence[Text], repeat: int) -> Timing:
    from dateparser.search import search_dates

    def call(t: Text):
        dct = t.doc.document_date
        settings = (
            {"RELATIVE_BASE": datetime.combine(dct.earliest, datetime.min.time())} if dct else {}
        )
        return search_dates(t.doc.text, languages=[t.language], settings=settings)

    wall, cpu = best_of(repeat, texts, call)
    return Timing("dateparser", wall, f"search_dates, best of {repeat}", cpu)


def time_heideltime(texts: Sequence[Text]) -> list[Timing]:
    """HeidelTime in one warm JVM per language; without and with the JVM start."""
    began = time.perf_counter()
    with heideltime_runner.HeidelTime(cache=False, log=None) as tagger:
        jobs = [heideltime_runner.Job(t.doc.text, t.language, t.doc.document_date) for t in texts]
        outputs = tagger.run(jobs)
        startup = tagger.startup_seconds
    wall = time.perf_counter() - began
    failed = sum(1 for out in outputs if out.error)
    note = f"; failed on {failed} documents" if failed else ""
    return [
        Timing("HeidelTime", sum(out.seconds for out in outputs), "warm JVM, per document" + note),
        Timing("HeidelTime+JVM", wall, f"wall clock incl. {startup:.1f} s JVM start" + note),
    ]


def measure(texts: Sequence[Text], args: argparse.Namespace, heideltime: str | None) -> dict:
    """The timings of every tool on `texts`, by system name; `heideltime`: why not run, if so."""
    timings: list[Timing] = []
    try:
        timings.append(time_timeline(texts, args.repeat))
    except Exception as e:  # noqa: BLE001 - an engine bug should not hide the other rows
        print(f"(no timeline row: find_dates failed: {type(e).__name__}: {e})")
    if not args.no_dateparser:
        timings.append(time_dateparser(texts, args.repeat))
    if heideltime is None:
        timings += time_heideltime(texts)
    else:
        print(f"(no HeidelTime row: {heideltime})")
    return {t.system: t for t in timings}


def print_speeds(chars: int, timings: dict) -> None:
    ours = timings.get("timeline")
    print(f"| {'system':<14} | {'chars/s':>12} | {'ours / it':>9} | {'CPU chars/s':>12} | note")
    print(f"| {'-' * 14} | {'-' * 12} | {'-' * 9} | {'-' * 12} | ----")
    for t in timings.values():
        speed = chars / t.seconds if t.seconds else float("inf")
        ratio = f"{t.seconds / ours.seconds:.1f}x" if ours and ours.seconds else "-"
        cpu = "-" if t.cpu is None else f"{chars / t.cpu if t.cpu else float('inf'):,.0f}"
        print(f"| {t.system:<14} | {speed:>12,.0f} | {ratio:>9} | {cpu:>12} | {t.note}")


def _total(system: str, timings: list[Timing]) -> Timing:
    cpu = None if None in (t.cpu for t in timings) else sum(t.cpu for t in timings)
    return Timing(system, sum(t.seconds for t in timings), "sum of the folders", cpu)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, metavar="FOLDER")
    parser.add_argument("--limit", type=int, default=100, help="documents per folder (100)")
    parser.add_argument("--repeat", type=int, default=3, help="passes for the Python tools (3)")
    parser.add_argument("--no-heideltime", action="store_true")
    parser.add_argument("--no-dateparser", action="store_true")
    args = parser.parse_args(argv)
    corpora: list[tuple[Path, list[Text]]] = []
    for folder in args.folders:
        if not folder.is_dir():
            parser.error(f"not a folder: {folder}")
        try:
            language = corpus_language(folder)
            texts = [Text(read_gold(p), language) for p in documents(folder)[: args.limit]]
        except GoldError as e:
            parser.error(str(e))
        if not texts:
            parser.error(f"no .tml files in {folder}")
        corpora.append((folder, texts))
    print(pin_to_one_core())
    heideltime = "--no-heideltime" if args.no_heideltime else heideltime_runner.unavailable()

    measured: list[tuple[int, dict]] = []
    for folder, texts in corpora:
        chars = sum(len(t.doc.text) for t in texts)
        print(f"\n## {folder} [{texts[0].language}]: {len(texts)} documents, {chars:,} characters")
        timings = measure(texts, args, heideltime)
        print_speeds(chars, timings)
        measured.append((chars, timings))
    if len(measured) > 1:  # a system is in the total only if it ran on every folder
        names = [name for name in measured[0][1] if all(name in t for _, t in measured)]
        totals = {name: _total(name, [t[name] for _, t in measured]) for name in names}
        chars = sum(chars for chars, _ in measured)
        print(f"\n## all folders: {chars:,} characters")
        print_speeds(chars, totals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
