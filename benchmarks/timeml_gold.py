"""A gold TimeML file as the benchmarks see it: text, DCT and TIMEX3 spans in scorer form.

Reading is timeline's own (timeline.timeml, the reader behind the CLI): the text is the content
of <TEXT> with tags removed and entities resolved, so gold offsets and every system's offsets
refer to the same string; TIMEX3 tags outside <TEXT> (the DCT, empty anchors) are not gold.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from benchmarks.timex_scorer import Span
from timeline import timeml
from timeline.model import DocumentDate, InvalidDate
from timeline.reading import ReadError, load


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
        parsed = timeml.parse(load(path)[0])
    except (ReadError, timeml.TimeMLError) as e:
        raise GoldError(f"{path}: not readable as TimeML: {e}") from None
    spans = (
        Span(t.start, t.end, t.attrs.get("type", ""), t.attrs.get("value", ""))
        for t in parsed.markup.timexes
        if t.end > t.start
    )
    return GoldDocument(
        id=path.name.removesuffix(".tml"),
        text=parsed.text,
        dct=parsed.dct,
        spans=tuple(sorted(spans)),
    )
