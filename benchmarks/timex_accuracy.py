"""TIMEX3 accuracy of timeline's date engine, with HeidelTime side by side (TempEval-3 scores).

    python -m benchmarks.timex_accuracy GOLD_DIR [GOLD_DIR...] [--part dev test all]
        [--lang de|en] [--no-heideltime] [--no-cache] [--errors N]

Each GOLD_DIR is one corpus of TimeML files (searched recursively). Both systems get the same
text (the content of <TEXT>, tags removed) and the gold DCT. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import heideltime_runner
from benchmarks.heideltime_runner import HeidelTime
from benchmarks.split import PARTS, documents
from benchmarks.timeml_gold import GoldDocument, GoldError, read_gold
from benchmarks.timex_scorer import Scores, Span, relaxed_pairs, same_value, score
from timeline.dates import find_dates
from timeline.language import detect_language, supported_languages

# Corpus folder names that tell the language of their documents.
CORPUS_LANGUAGES = {"krauts": "de", "tempeval": "en", "timebank": "en", "aquaint": "en"}


@dataclass(frozen=True)
class Run:
    """One system's spans for each document, and the seconds it took."""

    system: str
    spans: tuple[tuple[Span, ...], ...]
    seconds: float
    note: str = ""


def corpus_language(folder: Path) -> str:
    """The language of a corpus: from its folder name, else from its first document's text."""
    name = str(folder.resolve()).lower()
    known = next((lang for key, lang in CORPUS_LANGUAGES.items() if key in name), None)
    if known:
        return known
    first = documents(folder)[:1]
    return detect_language(read_gold(first[0]).text) if first else "en"


def run_timeline(docs: Sequence[GoldDocument], language: str) -> Run:
    """Our engine on each text; a document on which it fails counts as finding nothing."""
    failures: list[str] = []

    def spans_of(doc: GoldDocument) -> tuple[Span, ...]:
        try:
            found = find_dates(doc.text, language, doc.document_date, doc.id)
        except Exception as e:  # noqa: BLE001 - the benchmark reports engine bugs, not dies
            failures.append(f"{doc.id}: {type(e).__name__}: {e}")
            return ()
        return tuple(Span(t.start, t.end, t.type, t.value) for t in found)

    if docs:  # load the language resources before the clock starts, as HeidelTime's JVM is
        spans_of(docs[0])
        failures.clear()
    spans, seconds = [], 0.0
    for doc in docs:
        began = time.perf_counter()
        spans.append(spans_of(doc))
        seconds += time.perf_counter() - began
    note = ""
    if failures:
        note = f"find_dates failed on {len(failures)} documents, e.g. {failures[0]}"
    return Run("timeline", tuple(spans), seconds, note)


def run_heideltime(docs: Sequence[GoldDocument], language: str, tagger: HeidelTime) -> Run:
    jobs = [heideltime_runner.Job(doc.text, language, doc.document_date) for doc in docs]
    outputs = tagger.run(jobs)
    errors = [f"{doc.id}: {out.error}" for doc, out in zip(docs, outputs, strict=True) if out.error]
    spans = tuple(
        tuple(heideltime_runner.spans_on(doc.text, out.timeml))
        for doc, out in zip(docs, outputs, strict=True)
    )
    note = f"HeidelTime failed on {len(errors)} documents, e.g. {errors[0]}" if errors else ""
    return Run("HeidelTime", spans, sum(out.seconds for out in outputs), note)


COLUMNS = (
    "system",
    "strict P",
    "strict R",
    "strict F1",
    "relax P",
    "relax R",
    "relax F1",
    "type F1",
    "value acc",
    "value F1",
    "docs/s",
)


def table_row(name: str, scores: Scores, docs_per_second: float | None) -> list[str]:
    numbers = [
        scores.strict_p,
        scores.strict_r,
        scores.strict_f1,
        scores.relaxed_p,
        scores.relaxed_r,
        scores.relaxed_f1,
        scores.type_f1,
        scores.value_accuracy,
        scores.value_f1,
    ]
    speed = f"{docs_per_second:.1f}" if docs_per_second is not None else "-"
    return [name, *(f"{100 * x:.1f}" for x in numbers), speed]


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in [list(COLUMNS), *rows]) for i in range(len(COLUMNS))]
    for row in [list(COLUMNS), ["-" * w for w in widths], *rows]:
        print("| " + " | ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) + " |")


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def print_errors(docs: Sequence[GoldDocument], run: Run, how_many: int) -> None:
    """Missed, spurious, wrong-extent and wrong-value examples, a fixed random sample of each."""
    kinds: dict[str, list[str]] = {"missed": [], "spurious": [], "extent": [], "value/type": []}
    for doc, system in zip(docs, run.spans, strict=True):
        pairs = relaxed_pairs(doc.spans, system)
        paired_gold = {i for i, _ in pairs}
        paired_system = {j for _, j in pairs}
        for i, g in enumerate(doc.spans):
            if i not in paired_gold:
                kinds["missed"].append(
                    f"{doc.id}: {_context(doc.text, g.start, g.end)}  gold={g.type} {g.value}"
                )
        for j, s in enumerate(system):
            if j not in paired_system:
                kinds["spurious"].append(
                    f"{doc.id}: {_context(doc.text, s.start, s.end)}  ours={s.type} {s.value}"
                )
        for i, j in pairs:
            g, s = doc.spans[i], system[j]
            if (g.start, g.end) != (s.start, s.end):
                kinds["extent"].append(
                    f"{doc.id}: gold {doc.text[g.start : g.end]!r} ours "
                    f"{doc.text[s.start : s.end]!r}  in {_context(doc.text, g.start, g.end, 30)}"
                )
            if not same_value(g.value, s.value) or g.type != s.type:
                kinds["value/type"].append(
                    f"{doc.id}: {_context(doc.text, g.start, g.end)}  "
                    f"gold={g.type} {g.value}  ours={s.type} {s.value}"
                )
    sample = random.Random(0)
    for kind, lines in kinds.items():
        print(f"\n{run.system} errors on dev, {kind}: {len(lines)}")
        chosen = sorted(sample.sample(range(len(lines)), min(how_many, len(lines))))
        for k in chosen:
            print(f"  {lines[k]}")


def evaluate(
    folder: Path, language: str, part: str, heideltime: HeidelTime | str, errors: int
) -> None:
    """Score both systems on one part of one corpus; `heideltime` is a tagger or why not."""
    docs = [read_gold(path) for path in documents(folder, part)]
    gold_count = sum(len(d.spans) for d in docs)
    print(f"\n## {folder} [{language}], part {part}: {len(docs)} documents, {gold_count} timexes")
    if not docs:
        print("no .tml files in this part")
        return
    runs = [run_timeline(docs, language)]
    if isinstance(heideltime, HeidelTime) and language not in heideltime_runner.LANGUAGES:
        heideltime = f"HeidelTime is run for {sorted(heideltime_runner.LANGUAGES)} only"
    if isinstance(heideltime, HeidelTime):
        runs.append(run_heideltime(docs, language, heideltime))
    rows = []
    for run in runs:
        scores = score(zip((d.spans for d in docs), run.spans, strict=True))
        rows.append(table_row(run.system, scores, len(docs) / run.seconds if run.seconds else None))
    print_table(rows)
    for run in runs:
        found = sum(len(s) for s in run.spans)
        print(f"{run.system}: {found} timexes found" + (f"; {run.note}" if run.note else ""))
    if isinstance(heideltime, str):
        print(f"(no HeidelTime row: {heideltime})")
    if errors and part == "dev":
        print_errors(docs, runs[0], errors)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dirs", nargs="+", type=Path, metavar="GOLD_DIR")
    parser.add_argument("--part", nargs="+", choices=PARTS, default=["dev"])
    parser.add_argument("--lang", choices=supported_languages(), help="default: from the folder")
    parser.add_argument("--no-heideltime", action="store_true", help="score timeline only")
    parser.add_argument("--no-cache", action="store_true", help="re-run HeidelTime everywhere")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="N dev examples")
    args = parser.parse_args(argv)
    if args.errors and "dev" not in args.part:
        parser.error("--errors shows examples from the dev part only: add --part dev")
    for folder in args.gold_dirs:
        if not folder.is_dir():
            parser.error(f"not a folder: {folder}")
    heideltime = "--no-heideltime" if args.no_heideltime else heideltime_runner.unavailable()
    if heideltime is None:
        heideltime = HeidelTime(cache=not args.no_cache)
    try:
        for folder in args.gold_dirs:
            language = args.lang or corpus_language(folder)
            for part in args.part:
                evaluate(folder, language, part, heideltime, args.errors)
    except GoldError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    finally:
        if isinstance(heideltime, HeidelTime):
            heideltime.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
