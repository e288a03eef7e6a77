"""Read a gold TimeML file: the plain text of <TEXT>, its TIMEX3 spans, and the DCT.

The text is the content of <TEXT> with every tag removed and entities resolved (an XML parser
does both), so gold offsets and every system's offsets refer to the same string.
TIMEX3 tags outside <TEXT> (the DCT, empty anchor timexes) are not gold spans.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from benchmarks.timex_scorer import Span
from timeline.model import DocumentDate, InvalidDate


class GoldError(ValueError):
    """A file that is not usable TimeML."""


@dataclass(frozen=True)
class GoldDocument:
    id: str
    text: str
    dct: str | None
    spans: tuple[Span, ...]

    @property
    def document_date(self) -> DocumentDate | None:
        """The DCT as the engine takes it; None when missing or not a date."""
        try:
            return DocumentDate.parse(self.dct) if self.dct else None
        except InvalidDate:
            return None


def read_gold(path: Path) -> GoldDocument:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise GoldError(f"{path}: not well-formed XML ({e})") from None
    body = root.find("TEXT")
    if body is None:
        raise GoldError(f"{path}: no <TEXT> element")
    pieces: list[str] = []
    spans: list[Span] = []
    _walk(body, pieces, spans)
    dct = root.find("DCT/TIMEX3")
    doc_id = root.findtext("DOCID") or path.name.removesuffix(".tml")
    return GoldDocument(
        id=doc_id.strip(),
        text="".join(pieces),
        dct=dct.get("value") if dct is not None else None,
        spans=tuple(sorted(s for s in spans if s.end > s.start)),
    )


def _walk(element: ET.Element, pieces: list[str], spans: list[Span]) -> None:
    """Append the element's text to `pieces`, recording TIMEX3 offsets on the way."""
    start = sum(map(len, pieces))
    pieces.append(element.text or "")
    for child in element:
        _walk(child, pieces, spans)
        pieces.append(child.tail or "")
    if element.tag == "TIMEX3":
        end = start + len("".join(element.itertext()))
        spans.append(Span(start, end, element.get("type", ""), element.get("value", "")))
