"""The data model the whole project shares: documents, dates, actors, events.

Every record is a frozen dataclass so that results can be cached, hashed and compared;
`to_dict` gives the JSON shape of the `extract` output contract.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum


class InvalidDate(ValueError):
    """A date given by the user (DCT, --dct option) that cannot exist."""


class Precision(StrEnum):
    """How precisely a document creation time is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_DCT_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


@dataclass(frozen=True)
class DocumentDate:
    """The document creation time (DCT): a day, a month or a year, as an interval of days."""

    value: str
    precision: Precision
    earliest: date
    latest: date

    @classmethod
    def parse(cls, text: str) -> DocumentDate:
        """Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also with a time part, which is ignored)."""
        raw = text.strip()
        head = raw.split("T", 1)[0]
        m = _DCT_RE.match(head)
        if not m:
            raise InvalidDate(
                f"not a date: {raw!r} (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-05-15)"
            )
        year = int(m.group(1))
        if year < 1:
            raise InvalidDate(f"year out of range in {raw!r}")
        if m.group(2) is None:
            return cls(f"{year:04d}", Precision.YEAR, date(year, 1, 1), date(year, 12, 31))
        month = int(m.group(2))
        if not 1 <= month <= 12:
            raise InvalidDate(f"month {month} does not exist in {raw!r}")
        last = calendar.monthrange(year, month)[1]
        if m.group(3) is None:
            return cls(
                f"{year:04d}-{month:02d}",
                Precision.MONTH,
                date(year, month, 1),
                date(year, month, last),
            )
        day = int(m.group(3))
        if not 1 <= day <= last:
            raise InvalidDate(
                f"day {day} does not exist in {calendar.month_name[month]} {year} ({raw!r})"
            )
        d = date(year, month, day)
        return cls(d.isoformat(), Precision.DAY, d, d)

    def to_dict(self) -> dict:
        return {
            "value": self.value,
            "precision": str(self.precision),
            "earliest": self.earliest.isoformat(),
            "latest": self.latest.isoformat(),
        }


@dataclass(frozen=True)
class Document:
    """One article. `text` is exactly what offsets refer to."""

    id: str
    text: str
    title: str = ""
    language: str | None = None
    dct: DocumentDate | None = None
    source: str = ""
    url: str = ""
    # Messages about the input that the user should see (e.g. "DCT '2021-13' ignored: ...").
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "dct": self.dct.to_dict() if self.dct else None,
            "text": self.text,
            "source": self.source,
            "url": self.url,
            "warnings": list(self.warnings),
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


@dataclass(frozen=True)
class TimeExpression:
    """A TIMEX3: where it is, what it means (`value`), and the days it covers.

    `earliest`/`latest` are inclusive days; they are None when nothing anchors the expression
    (no DCT for a relative date, a bare duration like "drei Tage lang").
    `granularity` is the unit of the expression itself ("day" for "Dienstag"), even when the
    reference is coarse; the interval then shows the honest uncertainty.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None = None
    earliest: date | None = None
    latest: date | None = None
    granularity: str = "day"
    explanation: str = ""
    id: str = ""
    doc: str = ""
    # tid of the expression this one was anchored on ("zwei Tage später"), if not the DCT.
    anchor: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["earliest"], d["latest"] = _iso(self.earliest), _iso(self.latest)
        return d


class ActorKind(StrEnum):
    PERSON = "PERSON"
    COUNTRY = "COUNTRY"
    ORGANIZATION = "ORGANIZATION"
    LOCATION = "LOCATION"


@dataclass(frozen=True)
class Mention:
    """One place in a document where an actor is named."""

    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Actor:
    """A canonical actor with every name it was found under."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166 alpha-3
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "kind": str(self.kind),
            "country": self.country,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True)
class Event:
    """A clause with its trigger, actors and the time that dates it (if any)."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    trigger: str
    actors: tuple[str, ...] = ()
    timex: str | None = None
    earliest: date | None = None
    latest: date | None = None
    granularity: str | None = None
    tense: str = "unknown"  # past, present, future, planned (intended in a report), unknown
    undated: bool = True
    planned: bool = False

    def to_dict(self) -> dict:
        d = asdict(self)
        d["actors"] = list(self.actors)
        d["earliest"], d["latest"] = _iso(self.earliest), _iso(self.latest)
        return d


@dataclass(frozen=True)
class Extraction:
    """Everything found in a corpus: the `extract` output contract."""

    documents: tuple[Document, ...] = ()
    timexes: tuple[TimeExpression, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return {
            "documents": [d.to_dict() for d in self.documents],
            "timexes": [t.to_dict() for t in self.timexes],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "errors": list(self.errors),
        }
