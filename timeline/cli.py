"""The command line: `python -m timeline tag|dates|extract ...`.

Each subcommand is an `_add_<name>` function that declares its arguments and a `_run_<name>`
function that does the work and returns the exit code: 0 all went well, 1 some input failed,
2 the command itself was wrong. Problems go to stderr as `file: message`, one per line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from timeline import reading, timeml
from timeline.dates import find_dates
from timeline.language import supported_languages
from timeline.model import Document, DocumentDate, InvalidDate, TimeExpression


def _dct_argument(text: str) -> DocumentDate:
    try:
        return DocumentDate.parse(text)
    except InvalidDate as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _add_document_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=["auto", *supported_languages()],
        default="auto",
        help="language of the articles (default: detected per article)",
    )
    parser.add_argument(
        "--dct",
        type=_dct_argument,
        metavar="DATE",
        help="document creation time YYYY, YYYY-MM or YYYY-MM-DD for every article "
        "(overrides the one in the input)",
    )


def _prepare(document: Document, args: argparse.Namespace) -> Document:
    """The document with the command line's --dct and --lang applied."""
    if args.dct:
        document = replace(document, dct=args.dct)
    if args.lang != "auto":
        document = replace(document, language=args.lang)
    return document


def _dates_of(document: Document, notes: list[str] | None = None) -> list[TimeExpression]:
    return find_dates(document.text, document.language, document.dct, document.id, notes=notes)


class _Report:
    """Messages on stderr, a progress line when stderr is a terminal, and the failure count."""

    def __init__(self) -> None:
        self.total = self.done = self.failed = 0
        self.progress = False

    def start(self, total: int) -> None:
        self.total = total
        self.progress = total > 1 and sys.stderr.isatty()

    def message(self, where: object, text: str) -> None:
        self._clear()
        print(f"{where}: {text}", file=sys.stderr)

    def failure(self, where: object, text: str) -> None:
        self.failed += 1
        self.message(where, text)

    def step(self, name: str) -> None:
        self.done += 1
        if self.progress:
            print(f"\r[{self.done}/{self.total}] {name[-60:]}\x1b[K", end="", file=sys.stderr)

    def _clear(self) -> None:
        if self.progress:
            print("\r\x1b[K", end="", file=sys.stderr)

    def finish(self, summary: str) -> int:
        self._clear()
        print(summary, file=sys.stderr)
        return 1 if self.failed else 0


def _inputs(paths: Sequence[str], report: _Report) -> list[tuple[Path, str]]:
    found = []
    for given in paths:
        try:
            found += reading.find_inputs(given)
        except reading.ReadError as e:
            report.failure(given, str(e))
    return found


# --- tag -------------------------------------------------------------------------------------


def _add_tag(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "tag",
        help="write each input as TimeML with TIMEX3 tags",
        description="Tag the temporal expressions of each input (TimeML, text, HTML, JSON Lines, "
        "CSV, or folders of them) and write DIR/<file name> as TimeML. TimeML inputs keep "
        "their name and header; other inputs get .tml appended; a file with several articles "
        "gives one file per article.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file or folder")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    _add_document_options(parser)
    parser.set_defaults(run=_run_tag)


def _safe_name(doc_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in doc_id)


def _tag_file(
    path: Path, name: str, args: argparse.Namespace, report: _Report, written: set[Path]
) -> int:
    """Tag every document of one file; returns how many TIMEX3 tags were written.

    `written` holds the files this run wrote, so two inputs never silently share an output.
    """
    source, warnings = reading.load(path)
    kind = reading.file_format(path, source)
    found = reading.read_source(path, source, warnings, name)
    for message in found.errors:
        report.failure(path, message)
    tags = 0
    for document in found.documents:
        for warning in document.warnings:
            report.message(path, f"warning: {warning}")
        document = _prepare(document, args)
        if kind in ("jsonl", "csv"):
            target = args.out / Path(name).parent / f"{_safe_name(document.id)}.tml"
        elif kind == "timeml":
            target = args.out / name
        else:
            target = args.out / f"{name}.tml"
        if target.resolve() == path.resolve():
            raise reading.ReadError(
                f"writing {target} would overwrite the input; use another --out"
            )
        if target.resolve() in written:
            report.failure(path, f"not written: {target} was already written from another input")
            continue
        timexes = _dates_of(document)
        xml, skipped = timeml.write_timeml(document, timexes, source if kind == "timeml" else None)
        for message in skipped:
            report.message(path, f"warning: {message}")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(xml, encoding="utf-8", newline="")
            written.add(target.resolve())
        except OSError as e:
            report.failure(path, f"cannot write {target}: {e.strerror or e}")
            continue
        tags += len(timexes) - len(skipped)
    return tags


def _run_tag(args: argparse.Namespace) -> int:
    if args.out.exists() and not args.out.is_dir():
        print(f"--out {args.out}: exists and is not a folder", file=sys.stderr)
        return 2
    report = _Report()
    inputs = _inputs(args.inputs, report)
    report.start(len(inputs))
    tags = tagged = 0
    written: set[Path] = set()
    for path, name in inputs:
        report.step(name)
        failed = report.failed
        try:
            tags += _tag_file(path, name, args, report, written)
            tagged += report.failed == failed
        except reading.ReadError as e:
            report.failure(path, str(e))
        except Exception as e:  # a bug must not stop the other files; say what happened
            report.failure(path, f"unexpected error: {type(e).__name__}: {e}")
    return report.finish(
        f"{tagged} of {len(inputs)} files tagged without errors, "
        f"{tags} TIMEX3 tags written to {args.out}"
    )


# --- dates -----------------------------------------------------------------------------------


def _add_dates(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "dates",
        help="show the dates found in a file as a table",
        description="Show every temporal expression of the articles in FILE: its text, type, "
        "normalized value, the days it covers, and why.",
    )
    parser.add_argument("file", metavar="FILE")
    _add_document_options(parser)
    parser.set_defaults(run=_run_dates)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def date_table(timexes: Sequence[TimeExpression]) -> str:
    """A plain-text table of expressions for people to read."""
    rows = [("text", "type", "value", "earliest – latest", "explanation")]
    for t in timexes:
        if t.earliest is None:
            days = "–"
        elif t.earliest == t.latest:
            days = t.earliest.isoformat()
        else:
            days = f"{t.earliest.isoformat()} – {t.latest.isoformat()}"
        value = t.value + (f" ({t.mod})" if t.mod else "")
        rows.append((_clip(t.text, 40), t.type, value, days, " ".join(t.explanation.split())))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True)) + "  " + row[4]
        for row in rows
    ).rstrip()


def _run_dates(args: argparse.Namespace) -> int:
    report = _Report()
    try:
        found = reading.read_file(args.file)
    except reading.ReadError as e:
        report.failure(args.file, str(e))
        return report.finish("nothing read")
    for message in found.errors:
        report.failure(args.file, message)
    for document in found.documents:
        for warning in document.warnings:
            report.message(args.file, f"warning: {warning}")
        document = _prepare(document, args)
        dct = document.dct.value if document.dct else "none"
        print(f"{document.id}  (language {document.language}, DCT {dct})")
        notes: list[str] = []
        try:
            timexes = _dates_of(document, notes)
        except Exception as e:  # a bug must not hide the other articles; say what happened
            report.failure(document.id, f"unexpected error: {type(e).__name__}: {e}")
            continue
        print(date_table(timexes) if timexes else "no dates found")
        for note in notes:
            print(f"note: {note}")
        print()
    return 1 if report.failed else 0


# --- extract ---------------------------------------------------------------------------------


def _add_extract(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "extract",
        help="dates, actors and events of a corpus as JSON, CSV or TimeML",
        description="Read the articles (text, TimeML, HTML, JSON Lines, CSV, or folders of "
        "them), find their dates, actors and events, and write them as JSON (the extract "
        "contract), CSV (one row per event) or TimeML (a zip, one file per article).",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file or folder")
    parser.add_argument("--format", choices=["json", "csv", "timeml"], default="json")
    parser.add_argument("--out", type=Path, metavar="PATH", help="output file (default: stdout)")
    parser.add_argument("--aliases", metavar="FILE", help="alias file that names/merges actors")
    _add_document_options(parser)
    parser.set_defaults(run=_run_extract)


def _run_extract(args: argparse.Namespace) -> int:
    from timeline import export, pipeline  # imported here: plotly is slow to load
    from timeline.aliases import AliasFileError, load_aliases

    report = _Report()
    try:
        aliases = load_aliases(args.aliases) if args.aliases else None
    except (AliasFileError, OSError) as e:
        report.failure(args.aliases, str(e))
        return 2
    if args.format == "timeml" and args.out is None and sys.stdout.isatty():
        report.failure("--format timeml", "writes a zip file: give --out PATH")
        return 2
    found = reading.read_paths(args.inputs)
    for message in found.errors:
        report.failure("input", message)
    for document in found.documents:
        for warning in document.warnings:
            report.message(document.id, f"warning: {warning}")
    report.start(len(found.documents))
    extraction = pipeline.extract(
        found.documents,
        dct=args.dct,
        language=None if args.lang == "auto" else args.lang,
        aliases=aliases,
        progress=lambda done, total, doc_id: report.step(doc_id),
    )
    for message in extraction.errors:
        report.failure("extract", message)
    writer = {"json": export.to_json, "csv": export.to_csv, "timeml": export.to_timeml}
    content = writer[args.format](extraction)
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(data)
    undated = sum(e.undated for e in extraction.events)
    return report.finish(
        f"{len(extraction.documents)} articles: {len(extraction.timexes)} dates, "
        f"{len(extraction.actors)} actors, {len(extraction.events)} events ({undated} undated)"
        + (f", written to {args.out}" if args.out else "")
    )


# ---------------------------------------------------------------------------------------------

SUBCOMMANDS: tuple[Callable[[argparse._SubParsersAction], None], ...] = (
    _add_tag,
    _add_dates,
    _add_extract,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m timeline",
        description="Turn news articles into an event timeline.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in SUBCOMMANDS:
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; returns the exit code (argparse exits with 2 on usage errors)."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
