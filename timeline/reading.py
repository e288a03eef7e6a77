"""Reading articles into `Document`s: plain text, TimeML, HTML, JSON Lines, CSV and folders.

Every problem with the input becomes a message (a `ReadError` for a whole file, a line in
`Reading.errors` for one record, a `Document.warning` for something we worked around), so that
one bad file or line never stops the others.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import NamedTuple

from timeline import timeml
from timeline.language import detect_language, supported_languages
from timeline.model import Document, DocumentDate, InvalidDate


class ReadError(Exception):
    """A file that cannot be read at all; the message says why, for the user."""


class Reading(NamedTuple):
    """What was read, and a `name: message` line for everything that could not be."""

    documents: list[Document]
    errors: list[str]


# File name endings we read, and how.
FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".tml": "timeml",
    ".xml": "timeml",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}

# "date 2024-05-15" (or 2024-05, 2024) opening a plain-text file; the rest of the line is text.
_HEADER = re.compile(r"[ \t]*date[ \t]+(\S*\d\S*)(?:[ \t]+|(?=\r?\n|$))")
_SNIFF = 65536

# The HTML libraries log every page they find little in; our messages say it once.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 with a warning."""
    if not data.strip():
        raise ReadError("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as e:
            raise ReadError(f"broken UTF-16 text: {e.reason} at byte {e.start}") from None
    sample = data[:_SNIFF]
    controls = sum(sample.count(bytes([c])) for c in range(32) if c not in b"\t\n\r\f\v")
    if b"\x00" in data or controls > len(sample) // 10:
        raise ReadError("looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as e:
        utf8_error = f"byte {e.start}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ReadError(f"not UTF-8 (bad {utf8_error}) and not Windows-1252 text") from None
    return text, [f"not valid UTF-8 (bad {utf8_error}); read as Windows-1252 (cp1252)"]


def _dct(value: object, warnings: list[str]) -> DocumentDate | None:
    """A DCT from input metadata; a malformed one is dropped with a warning."""
    if value is None or str(value).strip() == "":
        return None
    raw = str(value).strip().split()[0]  # "2024-05-15 10:30" -> the date part
    try:
        return DocumentDate.parse(raw)
    except InvalidDate as e:
        warnings.append(f"DCT ignored: {e}")
        return None


def _language(value: object, text: str, warnings: list[str]) -> str:
    """A supported language code from input metadata ("de-AT" -> "de"), else detected."""
    if value:
        code = str(value).strip().lower().replace("_", "-").split("-")[0]
        if code in supported_languages():
            return code
        warnings.append(f"language {value!r} not supported; detected from the text instead")
    return detect_language(text)


def _document(
    doc_id: str,
    text: str,
    *,
    date: object = None,
    title: object = None,
    lang: object = None,
    url: object = None,
    source: str = "",
    warnings: Iterable[str] = (),
) -> Document:
    notes = list(warnings)
    if not text.strip():
        raise ReadError("no article text")
    dct = _dct(date, notes)
    return Document(
        id=doc_id,
        text=text,
        title=str(title).strip() if title else "",
        language=_language(lang, text, notes),
        dct=dct,
        source=source,
        url=str(url).strip() if url else "",
        warnings=tuple(notes),
    )


def read_text(
    text: str, doc_id: str, *, source: str = "", warnings: Iterable[str] = ()
) -> Document:
    """A plain-text article, with an optional first line `date YYYY[-MM[-DD]]`.

    Whatever follows the date on that line (often a photo caption) is article text.
    """
    date = None
    header = _HEADER.match(text)
    if header:
        date = header[1]
        pos = header.end()
        pos += 2 if text.startswith("\r\n", pos) else 1 if text.startswith("\n", pos) else 0
        text = text[pos:]
    return _document(doc_id, text, date=date, source=source, warnings=warnings)


def read_timeml(
    source: str, doc_id: str, *, path: str = "", warnings: Iterable[str] = ()
) -> Document:
    """A TimeML document: DCT from <DCT>, text = the content of <TEXT> without tags."""
    try:
        parsed = timeml.parse(source)
    except timeml.TimeMLError as e:
        raise ReadError(f"not readable as TimeML: {e}") from None
    notes = list(warnings) + list(parsed.markup.warnings)
    if parsed.dct is None:
        notes.append("no DCT (<DCT><TIMEX3 value=...>) in the TimeML header")
    return _document(doc_id, parsed.text, date=parsed.dct, source=path, warnings=notes)


def read_html(
    source: str, doc_id: str, *, path: str = "", warnings: Iterable[str] = ()
) -> Document:
    """An HTML page: main text and title by trafilatura, publication date by htmldate."""
    import trafilatura  # imported here: slow to load, and only HTML needs it

    try:
        found = trafilatura.bare_extraction(
            source,
            with_metadata=True,
            # trafilatura passes these to htmldate.find_date
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
        text = found.text if found else trafilatura.html2txt(source)
    except Exception as e:  # lxml and friends on hostile markup: the file fails, not the run
        raise ReadError(f"cannot parse HTML: {type(e).__name__}: {e}") from None
    if not text or not text.strip():
        raise ReadError("no article text found in the HTML")
    return _document(
        doc_id,
        text,
        date=found.date if found else None,
        title=found.title if found else None,
        url=found.url if found else None,
        source=path,
        warnings=warnings,
    )


def _record(record: object, default_id: str, path: str) -> Document:
    """One JSON Lines or CSV record: id, text, date, title, lang, url; only text is required."""
    if not isinstance(record, dict):
        raise ReadError(f"expected an object with a 'text' field, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError("no 'text'")
    doc_id = record.get("id")
    return _document(
        str(doc_id).strip() if doc_id not in (None, "") else default_id,
        text,
        date=record.get("date"),
        title=record.get("title"),
        lang=record.get("lang"),
        url=record.get("url"),
        source=path,
    )


def _unique_ids(documents: list[Document]) -> list[Document]:
    """Documents with unique ids: a repeated id gets `#2`, `#3`, ... and a warning."""
    seen: dict[str, int] = {}
    out = []
    for doc in documents:
        n = seen[doc.id] = seen.get(doc.id, 0) + 1
        if n > 1:
            new = f"{doc.id}#{n}"
            doc = replace(doc, id=new, warnings=(*doc.warnings, f"id {doc.id!r} repeated: {new}"))
        out.append(doc)
    return out


def read_jsonl(source: str, name: str, *, path: str = "") -> Reading:
    """One article per line; bad lines are reported by number and the rest still read."""
    documents, errors = [], []
    for number, line in enumerate(source.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {number}: not JSON ({e.msg} at column {e.colno})")
            continue
        except RecursionError:
            errors.append(f"line {number}: JSON nested too deeply")
            continue
        try:
            documents.append(_record(record, f"{name}:{number}", path))
        except ReadError as e:
            errors.append(f"line {number}: {e}")
    return Reading(_unique_ids(documents), errors)


def read_csv(source: str, name: str, *, path: str = "") -> Reading:
    """A table whose header row names the record fields; `,`, `;` or tab separated."""
    first = source.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    csv.field_size_limit(max(csv.field_size_limit(), len(source) + 1))
    reader = csv.reader(io.StringIO(source, newline=""), delimiter=delimiter)
    documents, errors = [], []
    try:
        header = [h.strip().lower() for h in next(reader)]
        if "text" not in header:
            raise ReadError(f"the CSV header has no 'text' column (found: {', '.join(header)})")
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            line = reader.line_num
            try:
                documents.append(
                    _record(dict(zip(header, row, strict=False)), f"{name}:{line}", path)
                )
            except ReadError as e:
                errors.append(f"line {line}: {e}")
    except csv.Error as e:
        errors.append(f"line {reader.line_num}: {e}; the rest of the file was not read")
    return Reading(_unique_ids(documents), errors)


def file_format(path: Path, source: str) -> str:
    """How to read a file: by its ending, else by a look at its content."""
    kind = FORMATS.get(path.suffix.lower())
    if kind:
        return kind
    if timeml.is_timeml(source):
        return "timeml"
    if source[:4096].lstrip().lower().startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def load(path: Path | str) -> tuple[str, list[str]]:
    """The decoded content of a file and warnings about its encoding."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise ReadError(e.strerror or str(e)) from None
    return decode(data)


def read_source(path: Path, source: str, warnings: list[str], name: str) -> Reading:
    """Every document in the decoded content of the file `path`, read by its format."""
    kind = file_format(path, source)
    if kind == "jsonl":
        return read_jsonl(source, name, path=str(path))
    if kind == "csv":
        return read_csv(source, name, path=str(path))
    if kind == "timeml" and not timeml.is_timeml(source):
        raise ReadError("not TimeML: no <TimeML> element at the start of the file")
    reader = {"timeml": read_timeml, "html": read_html}.get(kind)
    if reader:
        return Reading([reader(source, name, path=str(path), warnings=warnings)], [])
    return Reading([read_text(source, name, source=str(path), warnings=warnings)], [])


def read_file(path: Path | str, doc_id: str | None = None) -> Reading:
    """Every document in one file (raises ReadError if the file cannot be read at all)."""
    path = Path(path)
    return read_source(path, *load(path), doc_id or path.name)


def find_inputs(path: Path | str) -> list[tuple[Path, str]]:
    """The files to read for `path` with their names: a file itself, or every supported file
    in a folder (recursively, sorted, hidden ones skipped) named by its path in the folder."""
    path = Path(path)
    if path.is_file():
        return [(path, path.name)]
    if not path.is_dir():
        raise ReadError("no such file or folder")
    found = []
    for folder, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if not f.startswith(".") and Path(f).suffix.lower() in FORMATS:
                file = Path(folder) / f
                found.append((file, file.relative_to(path).as_posix()))
    if not found:
        raise ReadError(f"no supported files in the folder ({', '.join(sorted(FORMATS))})")
    return sorted(found, key=lambda item: item[1])


def read_all(sources: Iterable[tuple[str, Callable[[], Reading]]]) -> Reading:
    """The documents of every (label, reader) source, with unique ids; a source that fails,
    or a line of it, is reported as `label: message` and the others are still read."""
    documents, errors = [], []
    for label, read in sources:
        try:
            found = read()
        except ReadError as e:
            errors.append(f"{label}: {e}")
            continue
        documents += found.documents
        errors += [f"{label}: {message}" for message in found.errors]
    return Reading(_unique_ids(documents), errors)


def read_paths(paths: Iterable[Path | str]) -> Reading:
    """Every document in the given files and folders; failures become `path: message` lines."""

    def sources() -> Iterator[tuple[str, Callable[[], Reading]]]:
        for given in paths:
            try:
                inputs = find_inputs(given)
            except ReadError as e:
                yield str(given), partial(_fail, e)
                continue
            for path, name in inputs:
                yield str(path), partial(read_file, path, name)

    return read_all(sources())


def _fail(error: ReadError) -> Reading:
    raise error
