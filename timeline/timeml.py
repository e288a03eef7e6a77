"""TimeML: read the text, DCT and gold TIMEX3 tags of a TimeML file; write tagged TimeML.

The text of <TEXT> is kept as a list of pieces that remember their source form (`&amp;` for
"&"), so that writing inserts TIMEX3 tags without re-escaping anything: the output's <TEXT> is
the input's, byte for byte, plus our tags.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from xml.sax.saxutils import escape, quoteattr

from timeline.model import Document, TimeExpression


class TimeMLError(ValueError):
    """A file that claims to be TimeML but has no readable <TEXT>."""


_ENTITY_NAME = r"#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][\w.-]*"
_ENTITY = re.compile(rf"&({_ENTITY_NAME});")
# Markup inside <TEXT>: comments, CDATA, processing instructions, tags, entity references.
# A "<" or "&" that starts none of these is plain text (as in sloppy hand-made files).
_MARKUP = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<\?.*?\?>"
    r"|<(?P<close>/?)(?P<name>[A-Za-z_][\w.:-]*)(?P<attrs>(?:\s[^<>]*?)?)(?P<empty>/?)>"
    rf"|&(?P<entity>{_ENTITY_NAME});",
    re.DOTALL,
)
_ATTR = re.compile(r"([A-Za-z_][\w.:-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_TEXT_OPEN = re.compile(r"<TEXT\b[^>]*>")
_TEXT_CLOSE = re.compile(r"</TEXT\s*>")
_DCT = re.compile(r"<DCT\b[^>]*>(.*?)</DCT\s*>", re.DOTALL)
_DCT_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>")
_DOCID = re.compile(r"<DOCID\b[^>]*>(.*?)</DOCID\s*>", re.DOTALL)
_XML_ENCODING = re.compile(r"(<\?xml[^>]*\bencoding\s*=\s*)([\"'])[^\"']*\2")


@dataclass(frozen=True)
class Piece:
    """A run of text and how it is written in the source (`raw` differs only for entities)."""

    start: int
    text: str
    raw: str


@dataclass(frozen=True)
class GoldTimex:
    """A TIMEX3 tag found inside <TEXT>: its character span in the tag-free text."""

    start: int
    end: int
    attrs: dict[str, str]


@dataclass(frozen=True)
class Markup:
    """A piece of TimeML content with its tags removed and entities resolved."""

    text: str
    pieces: tuple[Piece, ...]
    timexes: tuple[GoldTimex, ...]
    warnings: tuple[str, ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [p.start for p in self.pieces]

    def raw(self, start: int, end: int) -> str:
        """The source form of text[start:end] (tags dropped, escaping kept)."""
        if start >= end:
            return ""
        i = bisect.bisect_right(self._starts, start) - 1
        out = []
        while i < len(self.pieces) and self.pieces[i].start < end:
            p = self.pieces[i]
            a, b = max(start, p.start), min(end, p.start + len(p.text))
            if p.raw == p.text:
                out.append(p.text[a - p.start : b - p.start])
            else:  # an entity is one character: it is either inside the span or not
                out.append(p.raw)
            i += 1
        return "".join(out)


def parse_attrs(attrs: str) -> dict[str, str]:
    """The attributes of a start tag, with entity references resolved."""
    return {m[1]: unescape(m[2] if m[2] is not None else m[3]) for m in _ATTR.finditer(attrs)}


def _entity(name: str) -> str | None:
    if name in _NAMED:
        return _NAMED[name]
    if name.startswith("#"):
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            return chr(code)
    return None


def unescape(raw: str) -> str:
    """Resolve XML entity references; unknown ones stay as they are."""
    return _ENTITY.sub(lambda m: _entity(m[1]) or m[0], raw)


def parse_markup(raw: str) -> Markup:
    """Split TimeML content into text pieces, dropping tags and reading gold TIMEX3 spans."""
    pieces: list[Piece] = []
    timexes: list[GoldTimex] = []
    warnings: list[str] = []
    open_timexes: list[tuple[int, dict[str, str]]] = []
    length = 0

    def add(text: str, source: str) -> None:
        nonlocal length
        if not text:
            return
        if text == source and pieces and pieces[-1].raw == pieces[-1].text:
            last = pieces.pop()  # merge neighbouring literal runs (after a dropped tag)
            pieces.append(Piece(last.start, last.text + text, last.raw + text))
        else:
            pieces.append(Piece(length, text, source))
        length += len(text)

    pos = 0
    for m in _MARKUP.finditer(raw):
        add(raw[pos : m.start()], raw[pos : m.start()])
        pos = m.end()
        if m["entity"] is not None:
            char = _entity(m["entity"])
            if char is None:
                warnings.append(f"unknown entity {m[0]} kept as text")
                add(m[0], m[0])
            else:
                add(char, m[0])
        elif m["cdata"] is not None:
            for char in m["cdata"]:  # written back escaped: tags may be inserted anywhere
                add(char, escape(char))
        elif m["name"] == "TIMEX3" and not m["empty"]:
            if m["close"]:
                if open_timexes:
                    start, attrs = open_timexes.pop()
                    timexes.append(GoldTimex(start, length, attrs))
            else:
                open_timexes.append((length, parse_attrs(m["attrs"])))
    add(raw[pos:], raw[pos:])
    if open_timexes:
        warnings.append(f"{len(open_timexes)} TIMEX3 tag(s) not closed")
    text = "".join(p.text for p in pieces)
    timexes.sort(key=lambda t: (t.start, -t.end))
    return Markup(text, tuple(pieces), tuple(timexes), tuple(warnings))


@dataclass(frozen=True)
class TimeMLFile:
    """A parsed TimeML document: where its <TEXT> content is, its DCT and DOCID."""

    source: str
    text_start: int  # where the <TEXT> content starts in `source`
    markup: Markup
    dct: str | None  # the value attribute of the DCT's TIMEX3, as written
    dct_span: tuple[int, int] | None  # where that value sits in `source`
    doc_id: str | None  # the content of <DOCID>

    @property
    def text(self) -> str:
        return self.markup.text


def is_timeml(source: str) -> bool:
    """Does the start of `source` look like a TimeML document?"""
    return "<TimeML" in source[:4096]


def parse(source: str) -> TimeMLFile:
    """Read a whole TimeML document (raises TimeMLError without <TEXT>...</TEXT>)."""
    opening = _TEXT_OPEN.search(source)
    if not opening:
        raise TimeMLError("no <TEXT> element")
    closing = _TEXT_CLOSE.search(source, opening.end())
    if not closing:
        raise TimeMLError("<TEXT> is never closed (no </TEXT>)")
    head = source[: opening.start()]
    docid = _DOCID.search(head)
    dct = dct_span = None
    dct_element = _DCT.search(head)
    if dct_element:
        tag = _DCT_TIMEX.search(dct_element[1])
        if tag:
            value = re.search(r"\bvalue\s*=\s*([\"'])(.*?)\1", tag[1])
            if value:
                offset = dct_element.start(1) + tag.start(1)
                dct_span = (offset + value.start(2), offset + value.end(2))
                dct = unescape(value[2])
    return TimeMLFile(
        source=source,
        text_start=opening.end(),
        markup=parse_markup(source[opening.end() : closing.start()]),
        dct=dct,
        dct_span=dct_span,
        doc_id=unescape(docid[1].strip()) if docid else None,
    )


def _timex_tag(t: TimeExpression, tid: str) -> str:
    attrs = [("tid", tid), ("type", t.type), ("value", t.value)]
    if t.mod:
        attrs.append(("mod", t.mod))
    if t.anchor:
        attrs.append(("anchorTimeID", t.anchor))
    return "<TIMEX3 " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs) + ">"


def _insertable(
    text: str, timexes: Iterable[TimeExpression]
) -> tuple[list[TimeExpression], list[str]]:
    """The expressions that can become tags (inside the text, matching it, not overlapping)."""
    kept: list[TimeExpression] = []
    problems: list[str] = []
    for t in sorted(timexes, key=lambda t: (t.start, -t.end)):
        where = f"{t.id or 'timex'} {t.text!r} at {t.start}-{t.end}"
        if not 0 <= t.start < t.end <= len(text) or text[t.start : t.end] != t.text:
            problems.append(f"{where} skipped: does not match the text")
        elif kept and t.start < kept[-1].end:
            problems.append(f"{where} skipped: overlaps {kept[-1].text!r}")
        else:
            kept.append(t)
    return kept, problems


def tag_markup(markup: Markup, timexes: Sequence[TimeExpression]) -> tuple[str, list[str]]:
    """The source form of `markup` with a TIMEX3 tag around each expression.

    Returns the content and a message for each expression that could not be tagged.
    """
    kept, problems = _insertable(markup.text, timexes)
    out, pos = [], 0
    for n, t in enumerate(kept, 1):
        out.append(markup.raw(pos, t.start))
        out.append(_timex_tag(t, t.id or f"t{n}"))
        out.append(markup.raw(t.start, t.end))
        out.append("</TIMEX3>")
        pos = t.end
    out.append(markup.raw(pos, len(markup.text)))
    return "".join(out), problems


def _dct_element(value: str) -> str:
    v = quoteattr(value)
    return (
        f'<DCT><TIMEX3 tid="t0" type="DATE" value={v} temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{escape(value)}</TIMEX3></DCT>'
    )


def write_timeml(
    document: Document, timexes: Sequence[TimeExpression], original: str | None = None
) -> tuple[str, list[str]]:
    """`document` as TimeML with its expressions tagged, and messages about skipped ones.

    With `original` (the TimeML source the document was read from) its header is kept, the
    DCT value updated if the document's DCT differs; what followed </TEXT> is dropped because
    it refers to the old tags. Otherwise a fresh TimeML document is written.
    """
    dct = document.dct.value if document.dct else None
    if original is None:
        body, problems = tag_markup(parse_markup(escape(document.text)), timexes)
        head = '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n'
        head += f"<DOCID>{escape(document.id)}</DOCID>\n"
        if dct:
            head += _dct_element(dct) + "\n"
        return f"{head}<TEXT>{body}</TEXT>\n</TimeML>\n", problems

    parsed = parse(original)
    if parsed.markup.text != document.text:
        raise ValueError("the document's text differs from the original TimeML's <TEXT>")
    body, problems = tag_markup(parsed.markup, timexes)
    head = original[: parsed.text_start]
    if dct and dct != parsed.dct:
        if parsed.dct_span:
            a, b = parsed.dct_span
            head = head[:a] + escape(dct, {'"': "&quot;", "'": "&apos;"}) + head[b:]
        else:
            opening = _TEXT_OPEN.search(head)
            head = head[: opening.start()] + _dct_element(dct) + "\n" + head[opening.start() :]
    # We always write UTF-8, so an older declaration must not claim otherwise.
    head = _XML_ENCODING.sub(lambda m: f"{m[1]}{m[2]}UTF-8{m[2]}", head, count=1)
    return f"{head}{body}</TEXT>\n</TimeML>\n", problems
