"""The quarters of a fiscal year a report has named with the day one of them ended ("the fiscal
first quarter ended Nov. 30": 1989-Q1). A quarter the text then counts from the report or from a
day ("the quarter", "the latest quarter", "the current quarter", "the year-earlier quarter" after
"Christmas") is one of that fiscal year's quarters, not a calendar quarter, named as the quarter
told is (TimeBank): by its number in the fiscal year and the year its last day falls in.

Each is drawn over its own months, not over the calendar quarter its name gives: its period has
the name as value and the fiscal quarter's days as interval (1989-Q1 = Sept.-Nov. 1989). A
quarter counted from one ("a year earlier", "the year-earlier quarter") is counted in fiscal
quarters from it (as_fiscal_quarter), which gives both its name, the one told a year back
(1988-Q1), and its days (Sept.-Nov. 1988): the calendar quarter those days fall in (1988-Q3) is
not its name, nor are the months that name gives on the calendar (Jan.-March 1988) its days.
A fiscal half told with the day it ended ("the fiscal first half ended Dec. 31": 1989-H1) is
two of these quarters, the second ended that day: July-Dec. 1989, a year earlier 1988-H1 over
July-Dec. 1988."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline import periods
from timeline.calendar_dates import narrow
from timeline.date_engine import Engine
from timeline.grammar import Candidate
from timeline.model import DocumentDate
from timeline.periods import Period
from timeline.situation import Reading

# what a quarter is counted from when it is read as a fiscal one: the report or a day of the
# text; a quarter, half or year told keeps its own count ("a year earlier" than 1989-Q1: 1988-Q1)
COUNTED_FROM_DAYS = ("day", "time", "week", "month")
# how many fiscal quarters a period told with the day it ended spans, its last one among them
QUARTERS_IN = {"quarter": 1, "half": 2}
# how far into a paragraph a company's name that opens it may end (new_report_between)
OPENING_WORDS = 6
OPENING_CHARS = 80


@dataclass(frozen=True)
class FiscalQuarters:
    """The fiscal quarters told: the last day of one (`ended`) and its number (`ordinal`)."""

    ended: date
    ordinal: int
    told_at: int  # where the quarter told ends in the text
    # the year of the quarter's name after the year of its last day: 0 as TimeBank names them,
    # 1 where the text names the fiscal year ("its fiscal 1990 first quarter ended Sept. 30")
    named_on: int = 0

    def last_day(self, n: int) -> date:
        """The last day of the fiscal quarter `n` quarters after the one told (a month's last
        day stays one: Nov. 30, Feb. 28, May 31)."""
        moved = periods.shift(self.ended, "quarter", n)
        if self.ended == periods.month(self.ended.year, self.ended.month).latest:
            return periods.month(moved.year, moved.month).latest
        return moved

    def number_of(self, d: date) -> int:
        """How many quarters after the one told the fiscal quarter with day `d` comes."""
        n = _number(d, "quarter") - _number(self.ended, "quarter")
        while self.last_day(n - 1) >= d:
            n -= 1
        while self.last_day(n) < d:
            n += 1
        return n

    def named(self, n: int, unit: str = "quarter") -> Period:
        """The fiscal quarter `n` quarters after the one told, or the fiscal half (`unit`) that
        ends with it: its name and its own days."""
        year = self.last_day(n).year + self.named_on
        size = QUARTERS_IN[unit]
        number = (self.ordinal - 1 + n) % 4 // size + 1
        name = periods.quarter(year, number) if unit == "quarter" else periods.half(year, number)
        return Period(
            name.value, unit, self.last_day(n - size) + timedelta(days=1), self.last_day(n)
        )

    def last_of(self, d: date, unit: str) -> int:
        """How many quarters after the one told the last fiscal quarter of the fiscal quarter
        or half (`unit`) with day `d` comes."""
        n = self.number_of(d)
        while (self.ordinal + n) % QUARTERS_IN[unit]:
            n += 1
        return n

    def told(self, reading: Reading) -> Reading:
        """The quarter or half told, over its own days (a part told of it: of those days)."""
        own = self.named(0, reading.granularity)
        return replace(reading, period=narrow(own, reading.mod))

    def holds(self, p: Period) -> bool:
        """Is `p` one of these fiscal quarters or halves (its days too, not only its name)?"""
        unit = p.granularity
        return unit in QUARTERS_IN and p == self.named(self.last_of(p.latest, unit), unit)


def _number(d: date, unit: str) -> int:
    """Which calendar quarter or half (`unit`) since year 0 `d` falls in."""
    return (4 * d.year + (d.month - 1) // 3) // QUARTERS_IN[unit]


def told_fiscal_quarters(
    reading: Reading, ended: date | None, dct: DocumentDate | None, told_at: int
) -> FiscalQuarters | None:
    """The fiscal quarters a quarter or half told with the day it ended (anchors.ended_day)
    names (the fiscal first half ended Dec. 31: the second quarter ended then); not one that
    ends after the report (a forecast: "expects the fourth quarter, which ends June 30, to be
    weak")."""
    value = reading.value
    quarters = QUARTERS_IN.get(reading.granularity)
    if ended is None or quarters is None or not value[-1:].isdigit():
        return None
    if not value[:4].isdigit():
        return None
    if dct is None or ended > dct.latest:
        return None
    ordinal = quarters * int(value[-1])
    return FiscalQuarters(ended, ordinal, told_at, int(value[:4]) - ended.year)


def new_report_between(text: str, start: int, end: int, company_ends: Sequence[str]) -> bool:
    """Does a paragraph between `start` and `end` open with a company's name (a word of the
    lexicon's `company_name_ends` among its first words: "Coastal Gas Transmission Co. said
    earnings for the quarter")? In a column of earnings briefs it is another company's report,
    whose quarters are not the fiscal ones told before."""
    at = text.find("\n", start, end)
    while at != -1:
        opening = text[at + 1 : at + 1 + OPENING_CHARS].split()[:OPENING_WORDS]
        if any(w.lower().rstrip(",") in company_ends for w in opening):
            return True
        at = text.find("\n", at + 1, end)
    return False


def as_fiscal_quarter(
    cand: Candidate,
    reading: Reading,
    counted_from: Period | None,
    fiscal: FiscalQuarters,
    text: str,
    eng: Engine,
    dct: DocumentDate | None,
) -> Reading | None:
    """`reading`, a calendar quarter or half counted from `counted_from`, as the fiscal quarter
    or half as many on from the fiscal one of a base day as the calendar one is from the base
    day's calendar one:

    counted from                    base day                        e.g. after "the quarter
                                                                    ended Nov. 30"
    one of the fiscal quarters      its first day                   "a year earlier"
    (or halves, for a half)
    the DCT (`counted_from` None)   the DCT's first day             "the latest quarter"
    a time, day, week or month      its first day, but not before   "the year-ago quarter"
    (COUNTED_FROM_DAYS)             the fiscal quarter told begins  after "in August"
    anything else                   none: None

    The first holds in whatever report; the DCT and a day only for a quarter of the "relative"
    frame in the same company's report (new_report_between). A reading that is no quarter or
    half DATE without a mod is None."""
    unit = reading.granularity
    if (
        reading.type != "DATE"
        or unit not in QUARTERS_IN
        or reading.period is None
        or reading.mod is not None
    ):
        return None
    company_ends = eng.lexicon.settings.get("company_name_ends", ())
    if counted_from is not None and counted_from.granularity == unit and fiscal.holds(counted_from):
        # "a year earlier", "the 1988 quarter" after the fiscal quarter (half) told or counted,
        # in whatever report: as many fiscal quarters from it, not the calendar quarter its
        # days give (its name a year back: 1988-Q1, not 1988-Q3)
        base = counted_from.earliest
    elif cand.pattern.frame != "relative" or new_report_between(
        text, fiscal.told_at, cand.start, company_ends
    ):
        return None
    elif counted_from is None:
        if dct is None:
            return None
        base = dct.earliest
    elif counted_from.granularity in COUNTED_FROM_DAYS:
        # a day before the quarter told is an event's ("restated to reflect the sale of three
        # hospitals in August. Admissions rose from the year-ago quarter" after the quarter
        # ended Nov. 30): the quarter compared is counted from the one told
        base = max(counted_from.earliest, fiscal.last_day(-1) + timedelta(days=1))
    else:
        return None
    steps = _number(reading.period.earliest, unit) - _number(base, unit)
    p = fiscal.named(fiscal.last_of(base, unit) + QUARTERS_IN[unit] * steps, unit)
    return replace(reading, value=p.value, period=p)
