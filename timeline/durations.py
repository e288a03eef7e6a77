"""How long and how often: TIMEX3 duration values (P2Y, PT90M, PXW), durations with the span
they imply when anchored ("seit zwei Jahren"), and SETs ("jeden Montag")."""

from __future__ import annotations

import math
from datetime import date, timedelta

from timeline import periods
from timeline.occurrence import day_of
from timeline.periods import Period
from timeline.situation import LOOKS_BACK, Reading, Situation

UNIT_LETTERS = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "weekend": "WE",
    "week": "W",
    "month": "M",
    "quarter": "Q",
    "half": "H",  # never printed: halves become months
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
TIME_UNITS = {"second", "minute", "hour"}
VAGUE_COUNT = (2, 7)  # "einige", "a few": from two to seven units
# anchors of the months a report covers (_reported)
REPORTED = ("year_start", "report_end", "ended_day")
PART_UNITS = {"year", "month", "day", "hour", "minute"}  # "P2Y6M", "PT1H30M" are fine ISO
# Units whose multiples become a smaller unit when the count is a fraction or for TIMEX3 style.
SMALLER = {"hour": ("minute", 60), "minute": ("second", 60), "day": ("hour", 24),
           "week": ("day", 7), "month": ("day", 30), "year": ("month", 12),
           "half": ("month", 6), "quarter": ("month", 3), "decade": ("year", 10),
           "century": ("year", 100)}  # fmt: skip


def whole_units(n: float | None, unit: str) -> tuple[float | None, str]:
    """A fractional count of a calendar unit in the next smaller one when that makes it whole:
    "ein halbes Jahr später" counts six months, not round(0.5) = no year at all."""
    if n is None or n == int(n) or unit not in SMALLER or unit in TIME_UNITS:
        return n, unit
    smaller, factor = SMALLER[unit]
    return (n * factor, smaller) if (n * factor).is_integer() else (n, unit)


def duration_value(
    n: float | None, unit: str, decades_in_years: bool = False, parts: bool = False
) -> str:
    """The TIMEX3 value of `n` units: P2Y, PT3H, PXW (n None = vague). Halves and quarters of a
    unit in the next smaller one (1.5 h = PT90M; other decimals as written: 4.6 days = P4.6D),
    or with `parts` (pattern parameter `fraction_parts`) as whole units and the rest (1.5 h =
    PT1H30M, as TimeBank writes them); halves of a year and quarters always in months (P6M,
    P9M); with `decades_in_years` (lexicon.toml) decades and centuries in years (P20Y)."""
    if decades_in_years and n is not None and unit in ("decade", "century"):
        factor = 10 if unit == "decade" else 100
        return duration_value(n * factor, "year")
    if n is not None and n != int(n) and (unit not in SMALLER or not (n * 4).is_integer()):
        # "9,58 Sekunden": PT9.58S; a decimal that is no half or quarter as written ("4,6
        # Tage": P4.6D, not 6624 minutes)
        return _iso(f"{n:g}", unit)
    if n is not None and n != int(n) or unit == "half":
        smaller, factor = SMALLER[unit]
        if n is None:
            return duration_value(None, smaller)
        if parts and n > 1 and unit in PART_UNITS and ((n % 1) * factor).is_integer():
            whole, rest = duration_value(int(n), unit), duration_value((n % 1) * factor, smaller)
            rest = rest[2:] if "T" in whole else rest[1:]  # P2Y + P6M, PT1H + PT30M
            return whole + rest
        return duration_value(n * factor, smaller, parts=parts)
    if unit == "quarter":
        return duration_value(None if n is None else n * 3, "month")
    return _iso("X" if n is None else str(int(n)), unit)


def _iso(count: str, unit: str) -> str:
    """The ISO 8601 duration of `count` units: PT for the clock's units (PT3H), P else (P2Y)."""
    return ("PT" if unit in TIME_UNITS else "P") + count + UNIT_LETTERS[unit]


def count_of(slots: dict, params: dict) -> float | None:
    """The number of units: a slot, a parameter, or None for vague amounts ("einige")."""
    if "vague" in slots or params.get("vague"):
        return None
    if "number" in slots:
        return slots["number"]
    return params.get("n", 1)


def unit_of(slots: dict, params: dict) -> str:
    return slots.get("unit") or params["unit"]


def resolve_duration(slots: dict, params: dict, s: Situation) -> Reading:
    """Durations; anchored ones also get the interval they imply.

    `anchor`: "until_ref" ("seit zwei Jahren": the span up to the reference), "from_ref" ("in den
    nächsten zwei Jahren": the span from it), "ahead"/"ago" ("in einigen Wochen": a point some
    units away, as the range of where it can be), "year_start" ("the first nine months": from
    January 1), "report_end" ("the latest nine months": up to the last quarter's end),
    "ended_day" ("the six months ended Nov. 30": up to that day). Vague counts span
    VAGUE_COUNT units.
    """
    unit = unit_of(slots, params)
    n = count_of(slots, params)
    value = duration_value(
        n, unit, s.conventions.decades_in_years, params.get("fraction_parts", False)
    )
    k = 2  # "ein Jahr und drei Monate" = P1Y3M; "28 Jahre, zwei Monate und 27 Tage" = P28Y2M27D
    while f"unit__{k}" in slots and f"number__{k}" in slots:
        value = _joined(value, duration_value(slots[f"number__{k}"], slots[f"unit__{k}"]))
        k += 1
    mod = slots.get("mod") or params.get("mod")
    in_tense = reading_in_tense(params, s)
    anchor = "ahead" if in_tense == "ahead" else params.get("anchor")
    gran = "time" if unit in TIME_UNITS else unit
    if not anchor or s.today is None or in_tense == "length":
        return Reading("DURATION", value, gran, None, mod)
    n, unit = whole_units(n, unit)  # "half a century" spans 50 years (round(0.5) was none)
    low, high = VAGUE_COUNT if n is None else (n, n)
    if anchor in ("ahead", "ago"):
        span = offset_span(s.today, unit, low, high, 1 if anchor == "ahead" else -1)
    else:
        step, _, high = _in_days(unit, low, high) if unit in TIME_UNITS else (unit, low, high)
        if anchor in REPORTED:
            span = _reported(anchor, step, round(high), s, slots)
        elif anchor == "until_ref":
            span = (periods.shift(s.today, step, -round(high)), s.today)
        else:  # "from_ref"
            span = (s.today, periods.shift(s.today, step, round(high)))
    return Reading(params.get("type", "DURATION"), params.get("value", value), gran,
                   Period(value, gran, *span), mod)  # fmt: skip


def reading_in_tense(params: dict, s: Situation) -> str | None:
    """How "in/within N units" reads in the clause's tense (pattern parameter `tense_reading`):
    "length", the time something took ("built the bridge in two years": no date, not the
    point ahead it is in "will open in two years"); "ahead", a point that far ahead ("The
    second round will be held in two weeks", not the span back of "the second storm in two
    weeks"); None: as the pattern says. With no reference there is nothing to tell apart."""
    if s.today is None:
        return None
    return params.get("tense_reading", {}).get(s.tense)


def offset_span(today: date, unit: str, low: float, high: float, sign: int) -> tuple[date, date]:
    """The days a point `low` to `high` units after (`sign` 1) or before (-1) `today` can be on:
    "in einigen Wochen", "a few years ago" (VAGUE_COUNT units), "a few hours ago" (whole days)."""
    unit, low, high = _in_days(unit, low, high) if unit in TIME_UNITS else (unit, low, high)
    a = periods.shift(today, unit, sign * round(low))
    b = periods.shift(today, unit, sign * round(high))
    return min(a, b), max(a, b)


def _reported(anchor: str, unit: str, n: int, s: Situation, slots: dict) -> tuple[date, date]:
    """The months a report covers: the first `n` units of the reference's year, or of the year
    before when a past clause tells of them and they are not over ("In the first nine months,
    profit rose" told in February); or the `n` units up to the end of the last quarter over; or
    up to the day told, a fiscal year's months as a calendar year's ("the six months ended Nov.
    30": June-Nov.)."""
    assert s.today is not None
    if anchor in ("report_end", "ended_day"):
        end = _ended(slots, s.today) if anchor == "ended_day" else None
        end = end or periods.last_quarter_over(s.today).latest
        return periods.shift(end + timedelta(days=1), unit, -n), end
    start = date(s.today.year, 1, 1)
    if s.tense in LOOKS_BACK and periods.shift(start, unit, n) > s.today:
        start = date(s.today.year - 1, 1, 1)
    return start, periods.shift(start, unit, n) - timedelta(days=1)


def _ended(slots: dict, today: date) -> date | None:
    """The day a period told as ended ended: the year written, else the last such day by
    `today` (a period that has ended ends by the report); None for no such day (Feb. 30)."""
    year = int(slots.get("year", today.year))
    end = day_of(slots, year)
    if end is None or "year" in slots or end <= today:
        return end
    return day_of(slots, year - 1)


def _in_days(unit: str, low: float, high: float) -> tuple[str, int, int]:
    """Clock units as whole days on the calendar: the DCT has no hour, so "the next 48 hours"
    reaches two days on and "in three hours" may already be tomorrow."""
    seconds = {"second": 1, "minute": 60, "hour": 3600}[unit]
    return "day", math.floor(low * seconds / 86400), math.ceil(high * seconds / 86400)


def _joined(first: str, second: str) -> str:
    """Two durations as one: P1Y + P3M = P1Y3M, P2D + PT4H = P2DT4H, PT1H + PT30M = PT1H30M."""
    if second.startswith("PT"):
        return first + (second[2:] if "T" in first else second[1:])
    return first + second[1:]


def resolve_set(slots: dict, params: dict, s: Situation) -> Reading:
    value = params.get("value")
    if value is None and "holiday" in slots:
        # "every Christmas": that day of every year when the holiday's date is fixed ("12-25"),
        # else yearly
        fixed = periods.fixed_day(dict(s.conventions.holidays)[slots["holiday"]])
        value = f"XXXX-{fixed}" if fixed else "P1Y"
    if value is None:
        unit = unit_of(slots, params)
        value = duration_value(count_of(slots, params), unit)
    for name, slot_value in slots.items():  # "XXXX-WXX-{weekday}"; "{day:02}" zero-padded
        value = value.replace("{" + name + "}", str(slot_value))
        if "{" + name + ":02}" in value:
            value = value.replace("{" + name + ":02}", f"{int(slot_value):02d}")
    return Reading("SET", value, "set", None, params.get("mod"))
