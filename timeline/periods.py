"""Calendar periods: a TIMEX3 value together with the days it covers.

Pure date arithmetic, no language knowledge. Every resolved date is a `Period`; the engine
shifts and narrows periods, and reads the value and interval off them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MIN_YEAR = 1  # date(0, ...) does not exist: the first century starts in year 1

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
PART_OF_MONTH = {"START": (1, 10), "MID": (11, 20), "END": (21, 31)}
PART_OF_YEAR = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}
# Parts named as halves ("die zweite Märzhälfte", "the first half of the century"): a real half
# on the calendar, told as TIMEX3 START / END (TimeML has no mod for a half)
HALVES = {"START_HALF": "START", "END_HALF": "END"}
WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # Monday first, as in rules

# Granularities from fine to coarse; a period's granularity is the unit of its value.
GRANULARITIES = (
    "time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century",
)  # fmt: skip
# The calendar's units above the day a date is counted in ("the week before", "a year earlier")
CALENDAR_UNITS = ("week", "month", "quarter", "half", "year")


@dataclass(frozen=True)
class Period:
    value: str
    granularity: str
    earliest: date
    latest: date

    def narrowed(self, part: str) -> Period:
        """The START / MID / END third of this period, or its first or second half
        (`HALVES`); the interval only, the value is kept."""
        if part in HALVES:
            days = (self.latest - self.earliest).days + 1
            first = self.earliest + timedelta(days // 2 - 1)
            if self.granularity in ("year", "decade", "century"):  # halves of whole years, not
                # of days: "die zweite Hälfte des Jahrhunderts" begins 2050-01-01, not 2049-12-31
                months = (self.latest.year - self.earliest.year) * 12 + 12
                first = add_months(self.earliest, months // 2) - timedelta(1)
            if part == "START_HALF":
                return Period(self.value, self.granularity, self.earliest, first)
            return Period(self.value, self.granularity, first + timedelta(1), self.latest)
        if self.granularity == "month":
            lo, hi = PART_OF_MONTH[part]
            last = self.latest.day
            return Period(
                self.value,
                self.granularity,
                self.earliest.replace(day=lo),
                self.earliest.replace(day=min(hi, last)),
            )
        if self.granularity == "year":
            lo, hi = PART_OF_YEAR[part]
            return month_range(self.earliest.year, lo, hi, self.value, self.granularity)
        days = (self.latest - self.earliest).days + 1
        third = days // 3
        if third == 0:  # a day (or two) has no thirds in days: "the end of the day" is that day
            return self
        if part == "START":
            return Period(
                self.value, self.granularity, self.earliest, self.earliest + timedelta(third - 1)
            )
        if part == "MID":
            return Period(
                self.value,
                self.granularity,
                self.earliest + timedelta(third),
                self.latest - timedelta(third),
            )
        return Period(self.value, self.granularity, self.latest - timedelta(third - 1), self.latest)


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_range(year: int, first: int, last: int, value: str, granularity: str) -> Period:
    return Period(value, granularity, date(year, first, 1), date(year, last, last_day(year, last)))


def day(d: date) -> Period:
    return Period(d.isoformat(), "day", d, d)


def week(d: date) -> Period:
    y, w, wd = d.isocalendar()
    monday = d - timedelta(days=wd - 1)
    return Period(f"{y:04d}-W{w:02d}", "week", monday, monday + timedelta(days=6))


def weekend(d: date) -> Period:
    y, w, wd = d.isocalendar()
    saturday = d - timedelta(days=wd - 1) + timedelta(days=5)
    return Period(f"{y:04d}-W{w:02d}-WE", "week", saturday, saturday + timedelta(days=1))


def month(year: int, m: int) -> Period:
    return month_range(year, m, m, f"{year:04d}-{m:02d}", "month")


def year(y: int) -> Period:
    return Period(f"{y:04d}", "year", date(y, 1, 1), date(y, 12, 31))


def quarter(y: int, q: int) -> Period:
    return month_range(y, 3 * q - 2, 3 * q, f"{y:04d}-Q{q}", "quarter")


def half(y: int, h: int) -> Period:
    return month_range(y, 6 * h - 5, 6 * h, f"{y:04d}-H{h}", "half")


def season(y: int, code: str) -> Period:
    first, last = SEASON_MONTHS[code]
    if code == "WI":
        end_year = y + 1
        return Period(
            f"{y:04d}-WI", "season", date(y, 12, 1), date(end_year, 2, last_day(end_year, 2))
        )
    return month_range(y, first, last, f"{y:04d}-{code}", "season")


def decade(first_year: int) -> Period:
    d = first_year - first_year % 10
    return Period(f"{d // 10:03d}", "decade", date(d, 1, 1), date(d + 9, 12, 31))


def century(index: int) -> Period:
    """The n-th century as TIMEX3 writes it: "19" covers 1900-1999 (the 20th century)."""
    first = max(index * 100, MIN_YEAR)
    return Period(f"{index:02d}", "century", date(first, 1, 1), date(index * 100 + 99, 12, 31))


def time_of_day(d: date, hour: int, minute: int, second: int | None = None) -> Period:
    """A clock time; the seconds only where they were told ("10:32:15 GMT")."""
    seconds = "" if second is None else f":{second:02d}"
    return Period(f"{d.isoformat()}T{hour:02d}:{minute:02d}{seconds}", "time", d, d)


def part_of_day(d: date, code: str) -> Period:
    return Period(f"{d.isoformat()}T{code}", "time", d, d)


def add_months(d: date, n: int) -> date:
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, last_day(y, m + 1)))


# the calendar units a date moves by, in days or in months
DAYS_IN = {"day": 1, "week": 7, "weekend": 7}
MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}


def shift(d: date, unit: str, n: int) -> date:
    """`d` moved by n units (month ends clamp: Jan 31 + 1 month = Feb 28/29)."""
    if unit in DAYS_IN:
        return d + timedelta(days=DAYS_IN[unit] * n)
    if unit in MONTHS_IN:
        return add_months(d, MONTHS_IN[unit] * n)
    raise ValueError(f"no calendar unit {unit!r}")


def week_years_on(d: date, years: int) -> date:
    """The Monday of the ISO week `years` from the week of `d`: its Thursday, the middle, moved
    by the years decides (a year before 1989-W52 is 1988-W52; its Monday, Dec 25, moved by a
    year falls in W51)."""
    thursday = d + timedelta(days=4 - d.isoweekday())
    moved = add_months(thursday, 12 * years)
    return moved - timedelta(days=moved.isoweekday() - 1)


def last_quarter_over(d: date) -> Period:
    """The last quarter that ended before day `d`: the one results are reported for."""
    return containing(containing(d, "quarter").earliest - timedelta(days=1), "quarter")


def containing(d: date, unit: str) -> Period:
    """The period of the given unit that contains day `d`."""
    if unit == "day":
        return day(d)
    if unit == "week":
        return week(d)
    if unit == "weekend":
        return weekend(d)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "season":  # SEASON_MONTHS: three months each from March; a winter is named by
        # the year of its December
        code = ("SP", "SU", "FA", "WI")[(d.month - 3) % 12 // 3]
        return season(d.year - (d.month <= 2), code)
    if unit == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "half":
        return half(d.year, 1 if d.month <= 6 else 2)
    if unit == "year":
        return year(d.year)
    if unit == "decade":
        return decade(d.year)
    if unit == "century":
        return century(d.year // 100)
    raise ValueError(f"no calendar unit {unit!r}")


GREGORIAN_EASTER_FROM = 1583  # the first Easter reckoned by the Gregorian calendar (Oct 1582)


def easter(y: int) -> date:
    """Easter Sunday: Gregorian (anonymous Gregorian algorithm) from 1583, before that the
    Julian reckoning with the day as the Julian calendar wrote it, as histories date the events
    of its time ("Ostersonntag, dem 16. April 1525"; the Gregorian rule gave 19 April)."""
    if y < GREGORIAN_EASTER_FROM:
        d = (19 * (y % 19) + 15) % 30
        e = (2 * (y % 4) + 4 * (y % 7) - d + 34) % 7
        mo, da = divmod(d + e + 114, 31)
        return date(y, mo, da + 1)
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    mo, da = divmod(h + l_ - 7 * m + 114, 31)
    return date(y, mo, da + 1)


def fixed_day(rule: str) -> str | None:
    """The "MM-DD" of a holiday rule of the same day every year ("12-25"), None for others."""
    return rule if re.fullmatch(r"\d\d-\d\d", rule) else None


def history_day(rule: str) -> date | None:
    """The day of a holiday rule of history ("2001-09-11"), None for a yearly rule."""
    return date.fromisoformat(rule) if re.fullmatch(r"\d{4}-\d\d-\d\d", rule) else None


def holiday(y: int, rule: str) -> date | None:
    """A day from a holiday rule: "12-25" (fixed), "easter+49", "advent+7" / "advent-7" (days
    after / before the first Sunday of Advent), "11-thu-4" (4th Thursday), "05-mon-last" (last
    Monday), "11-mon-1+1" (the day after the first Monday), "2001-09-11" (a day of history, only
    in its year), "table:1998-01-28,1999-02-16,..." (a day listed for each year: the lunar new
    year). None when the rule gives no such day."""
    if rule.startswith("table:"):
        return next((d for d in map(date.fromisoformat, rule[6:].split(",")) if d.year == y), None)
    if rule.startswith("easter"):
        offset = int(rule[6:] or 0)
        return easter(y) + timedelta(days=offset)
    if rule.startswith("advent"):  # the fourth Sunday before Christmas: 27 Nov .. 3 Dec
        offset = int(rule[6:] or 0)
        fourth = date(y, 12, 24) - timedelta(days=(date(y, 12, 24).weekday() + 1) % 7)
        return fourth - timedelta(days=21 - offset)
    if day := history_day(rule):
        return day if day.year == y else None
    parts = rule.split("-")
    mo = int(parts[0])
    if len(parts) == 2:
        da = int(parts[1])
        return date(y, mo, da) if da <= last_day(y, mo) else None
    nth, _, offset = parts[2].partition("+")
    weekday = WEEKDAY_CODES.index(parts[1]) + 1
    found = nth_weekday(y, mo, weekday, "last" if nth == "last" else int(nth))
    return found + timedelta(days=int(offset or 0))


def nth_weekday(y: int, mo: int, weekday: int, nth: int | str) -> date:
    """The `nth` (1, 2, ... or "last") ISO `weekday` (1 = Monday) of a month: "the fourth
    Thursday in November", "am ersten Sonntag im Oktober"."""
    days = [date(y, mo, d) for d in range(1, last_day(y, mo) + 1)]
    matching = [d for d in days if d.isoweekday() == weekday]
    return matching[-1] if nth == "last" else matching[int(nth) - 1]


def timex_mod(part: str | None) -> str | None:
    """The TIMEX3 mod a part is told as ("END_HALF" is END)."""
    return HALVES.get(part, part) if part else part
