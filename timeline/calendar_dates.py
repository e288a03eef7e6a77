"""Dates the calendar names: a day or month ("am 3. März", "im Mai"), a year, decade or
century, a season, a numbered quarter, half or calendar week ("im dritten Quartal", "KW 34"), a
holiday ("Ostern", "the day after Thanksgiving").

The lowest of the resolver modules: the helpers every resolver reads its slots with (the part
told, the part of day) and the placeholder values of what cannot be placed live here, and the
weekday and clock-time resolvers take the day of "at midnight on Christmas Eve" or "am 3. März
um 20 Uhr" from resolve_date and resolve_holiday, never the other way round.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from timeline import periods
from timeline.occurrence import FRESH_PERIOD_DAYS, begun, month_of, occurrence, shift_of, year_of
from timeline.periods import GRANULARITIES, Period
from timeline.situation import (
    LEANS_AHEAD,
    LOOKS_BACK,
    TELLS_AHEAD,
    Reading,
    Situation,
    Unresolvable,
)

# A future clause may still speak of a quarter or half-year just over ("expects to report a
# third-quarter loss" in October), not of one over for longer than a quarter.
PLAN_REACH_BACK_DAYS = 92

# The value of a unit told where there is no reference to place it
X_VALUES = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "season": "XXXX-XX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
    "hour": "XXXX-XX-XXTXX:XX",
    "minute": "XXXX-XX-XXTXX:XX",
    "second": "XXXX-XX-XXTXX:XX",
}


def narrow(period: Period, part: str | None) -> Period:
    return period.narrowed(part) if part else period


def part_of(slots: dict[str, Any], params: dict[str, Any]) -> str | None:
    return slots.get("part") or params.get("mod")


def daypart_of(slots: dict[str, Any], params: dict[str, Any]) -> str | None:
    """The TIMEX3 part of day ("EV", "NI") the text or the pattern names."""
    return slots.get("daypart") or params.get("daypart")


def day_in(y: int, m: int, d: int) -> Period | None:
    return periods.day(date(y, m, d)) if d <= periods.last_day(y, m) else None


def _with_weekday(p: Period, weekday: int, m: int, d: int, today: date) -> Period:
    """A day written with its weekday is in the year next to `p`'s where it falls on that
    weekday, if `p`'s own does not: one on the same side of `today` (the tense chose the
    side), else one across it within half a year (the tense was read from another clause:
    "kündigte die Tagung an, die am Sonntag, 15. März, stattfindet"); else `p` (a wrong
    weekday is the writer's slip)."""
    if p.earliest.isoweekday() == weekday:
        return p
    others = [o for step in (-1, 1) if (o := day_in(p.earliest.year + step, m, d))]
    fitting = [o for o in others if o.earliest.isoweekday() == weekday]
    for other in fitting:
        if (other.earliest > today) == (p.earliest > today):
            return other
    for other in fitting:
        if abs((other.earliest - today).days) <= 183:
            return other
    return p


def _month_near(d: int, slots: dict, s: Situation, shift: int | None) -> tuple[Period, bool]:
    """Day `d` of the month before, of or after the reference's: the one a shift names ("the
    15th of next month"), else in the past the latest not after the reference, ahead the first
    not before it, else the reference's month; a weekday written ("Thursday the 26th") keeps
    the months where day `d` falls on it."""
    t = s.today
    assert t is not None
    steps = (-1, 0, 1) if shift is None else (shift,)
    months = [divmod(t.year * 12 + t.month - 1 + k, 12) for k in steps]
    options = [p for y, m0 in months if (p := day_in(y, m0 + 1, d))]
    if "weekday" in slots:
        wd = int(slots["weekday"])
        options = [p for p in options if p.earliest.isoweekday() == wd] or options
    if not options:
        raise Unresolvable(f"no day {d} near the reference")
    if shift is not None:
        return options[0], False
    if s.tense in LOOKS_BACK and (back := [p for p in options if p.earliest <= t]):
        return back[-1], True
    if s.tense in LEANS_AHEAD and (ahead := [p for p in options if p.earliest >= t]):
        return ahead[0], True
    return next((p for p in options if p.earliest.month == t.month), options[0]), False


def resolve_date(slots: dict, params: dict, s: Situation) -> Reading:
    m = month_of(slots)
    if m is None and params.get("month_near") and "day" in slots:
        if s.today is None:
            return Reading("DATE", f"XXXX-XX-{slots['day']:02d}", "day", None, None)
        p, uses_tense = _month_near(slots["day"], slots, s, shift_of(slots, params))
        return Reading("DATE", p.value, "day", p, None, uses_tense)
    if m is None or not 1 <= m <= 12:
        raise Unresolvable("no month")
    d = slots.get("day")
    if params.get("month_after_end") and d:
        m, slots = _range_across_months(m, d, slots)
    y = year_of(slots, s.today)
    ends = _span_ends(m, d, slots)
    across = int(ends is not None and ends[1] < ends[0])  # "28. Dezember bis 3. Jänner"
    if y is not None and ends and ends[2]:
        y -= across  # "Dezember bis März 2015": the start is in the year before its end's
    elif y is None and "start_year" in slots:
        y = int(slots["start_year"]) + across  # "Dec. 28, 2020 to Jan. 3": the end's is after
    uses_tense = False
    part = part_of(slots, params)
    mod = part or slots.get("mod")  # "around Nov. 1": APPROX, the day itself
    if y is None and ends is not None:
        (sm, sd), (em, ed), is_start = ends
        # an end told with its part ("bis Ende Februar") has begun when that part has
        end_part = slots.get("end_part") if is_start else part

        def end_in(year: int) -> Period | None:
            whole = _day_or_month(em, ed)(year)
            return narrow(whole, end_part) if whole and not ed else whole

        y, uses_tense = _year_in_span(_day_or_month(sm, sd), end_in, across, is_start, s)
    if d is not None and d > periods.last_day(y or 2000, m):
        raise Unresolvable(f"day {d} does not exist in month {m}")
    nth = slots.get("nth")  # "am ersten Sonntag im Oktober"
    gran = "day" if d or nth else "month"
    if y is None and s.today is None:
        if "containing" in params:  # "am Wochenende vom 13. bis 14. Juni": which one is open
            unit = params["containing"]
            return Reading("DATE", X_VALUES[unit], "week" if unit == "weekend" else unit, None)
        return Reading("DATE", f"XXXX-{m:02d}" + (f"-{d:02d}" if d else ""), gran, None, mod)

    def period_in(year: int) -> Period | None:
        if nth:
            return periods.day(periods.nth_weekday(year, m, int(slots["weekday"]), nth))
        return _day_or_month(m, d or 0)(year)

    if y is not None:
        p = period_in(y)
    else:
        p, uses_tense = occurrence(period_in, s, shift_of(slots, params))
        if "years_back" in slots:  # "40 years ago last June": that June so many years back
            p = period_in(p.earliest.year - int(slots["years_back"])) or p
        if d and "weekday" in slots:  # "Mittwoch, 2. Jänner": a year where it is a Wednesday
            p = _with_weekday(p, int(slots["weekday"]), m, d, s.today)
    if "containing" in params:  # "the quarter <ended Sept. 30>": the quarter of that day
        p = periods.containing(p.earliest, params["containing"])
        return Reading("DATE", p.value, p.granularity, p, None, uses_tense)
    return Reading("DATE", p.value, gran, narrow(p, part), mod, uses_tense)


def _range_across_months(m: int, d: int, slots: dict) -> tuple[int, dict]:
    """The month of day `d` and the slots, where a range of days names one month after its end
    and its start day is the greater ("vom 31. bis 8. November": the 31st is October's)."""
    before = 12 if m == 1 else m - 1
    end_day, start_day = slots.get("end_day"), slots.get("start_day")
    if end_day is not None and "end_month" not in slots and d > int(end_day):
        return before, {**slots, "end_month": m}  # the start: its own month is the one before
    if start_day is not None and "start" not in slots and int(start_day) > d:
        return m, {**slots, "start": before}  # the end: its start is in the month before
    return m, slots


def _span_ends(
    m: int, d: int | None, slots: dict
) -> tuple[tuple[int, int], tuple[int, int], bool] | None:
    """The (month, day) of the start and of the end of a span of yearly dates that month `m`,
    day `d` is one end of ("von Mai bis September", "from Dec. 28 to Jan. 3"; day 0 for a
    month), and whether it is the start; None when it is told alone. The end's pattern names
    the start (`start`, `start_day`), the start's the end (`end_month`, `end_day`)."""
    if "start" in slots or "start_day" in slots:  # "vom 10. bis 14. Februar": one month
        return (int(slots.get("start", m)), int(slots.get("start_day", 0))), (m, d or 0), False
    if "end_month" in slots or "end_day" in slots:
        end = (int(slots.get("end_month", m)), int(slots.get("end_day", 0)))
        if "end_month" not in slots and d and end[1] <= d:  # "sentenced Nov. 21 to 10 years"
            return None
        return (m, d or 0), end, True
    return None


def _day_or_month(m: int, d: int) -> Callable[[int], Period | None]:
    """Day `d` of month `m` (the month for day 0) in a given year."""
    return lambda year: day_in(year, m, d) if d else periods.month(year, m)


def _year_in_span(
    start_in: Callable[[int], Period | None],
    end_in: Callable[[int], Period | None],
    across: int,
    is_start: bool,
    s: Situation,
) -> tuple[int | None, bool]:
    """The year of one end of a span of yearly dates told without a year ("from Dec. 28 to
    Jan. 3", "zwischen Weihnachten und Neujahr"), and whether the tense decided it; None when
    the end is read on its own. In a past clause the span is over: its end is the last begun by
    the reference (never ahead, as a date read alone may be) and the start the one before it.
    Otherwise the start is read by the tense and the end is the first after it. `across`: the
    end is in the year after the start's."""
    if s.today is None:
        return None, False
    if s.tense == "past":  # both ends must exist ("from Feb. 29 to March 2": a leap year)
        years = range(s.today.year - 4, s.today.year + 1)
        begun = [
            y for y in years if (p := end_in(y)) and p.earliest <= s.today and start_in(y - across)
        ]
        if not begun:
            return None, False
        return begun[-1] - (across if is_start else 0), True
    if is_start:
        return None, False
    first, uses_tense = occurrence(start_in, s)
    return first.earliest.year + across, uses_tense


def resolve_year(slots: dict, params: dict, s: Situation) -> Reading:
    y = year_of(slots, s.today)
    part = part_of(slots, params)
    p = periods.year(y)
    unit = params.get("part_of_previous")
    within = _same_part_in(y, unit, s.previous)
    if within is None and unit == "quarter" and s.today is not None:
        # with no quarter told, the quarter compared is the last one reported ("earned $376,000
        # in the 1988 quarter" after "it reported last year", told in October 1989: 1988-Q3)
        within = _same_part_in(y, unit, periods.last_quarter_over(s.today))
    if within is not None:  # "the 1988 quarter" after "the third quarter": 1988-Q3
        return Reading("DATE", within.value, within.granularity, within)
    if "until" in slots:  # "Saison 2014/15": one period across years; `value` may say X
        last = slots["until"] if slots["until"] >= 100 else y - y % 100 + slots["until"]
        last += 100 if last < y else 0
        if last == y:
            raise Unresolvable(f"no span from {y} to {last}")
        p = Period(params.get("value", p.value), "year", p.earliest, periods.year(last).latest)
    if "fiscal_shift" in slots:  # a fiscal year whose end is told: its own days
        month = periods.month(y, month_of(slots))
        end = month.latest.replace(day=slots["day"]) if "day" in slots else month.latest
        start = periods.shift(end, "year", -1) + timedelta(days=1)
        p = Period(p.value, "year", start, end)
    if params.get("year_across"):  # "the 2022-23 financial year": named by 2023, both years
        p = Period(p.value, "year", periods.year(slots["from_year"]).earliest, p.latest)
    mod = part or slots.get("mod")  # "around 2005": APPROX, the year itself
    return Reading(params.get("type", "DATE"), p.value, "year", narrow(p, part), mod)


def _same_part_in(y: int, unit: str | None, previous: Period | None) -> Period | None:
    """The period of `unit` in year `y` that lies where the earlier date lies in its year
    (pattern parameter `part_of_previous`: a unit, or "same" for the earlier date's own unit
    when that is a month, quarter or half); None when there is nothing to take it from."""
    if unit is None or previous is None:
        return None
    unit = previous.granularity if unit == "same" else unit
    if unit not in ("month", "quarter", "half") or GRANULARITIES.index(
        previous.granularity
    ) > GRANULARITIES.index(unit):
        return None
    moved = periods.shift(previous.earliest, "year", y - previous.earliest.year)
    return periods.containing(moved, unit)


def resolve_decade(slots: dict, params: dict, s: Situation) -> Reading:
    if "year" in slots:
        first = slots["year"]
        if first % 10:  # "der 2015er Lagrein": a vintage, no decade
            raise Unresolvable(f"{first} does not start a decade")
    else:
        digit = int(slots.get("decade_word", slots.get("year2", 0)))
        digit = digit // 10 if digit >= 10 else digit
        first = 100 * int(slots.get("hundreds", 19)) + 10 * digit  # "the eighteen-forties"
        # "The '20s will be hard" told in 2026: the decade under way, when a clause ahead says so;
        # told in 2014 "Anfang der Zwanzigerjahre wird ... erwartet": the next one
        ahead = s.tense in TELLS_AHEAD and "hundreds" not in slots
        if ahead and s.today and s.today.year >= 2000:
            first += 100 if 0 <= digit - (s.today.year // 10) % 10 <= 1 else 0
    part = part_of(slots, params)
    p = periods.decade(first)
    return Reading("DATE", p.value, "decade", narrow(p, part), part)


def resolve_century(slots: dict, params: dict, s: Situation) -> Reading:
    n = int(slots.get("ordinal") or slots.get("number"))
    part = part_of(slots, params)
    p = periods.century(n - 1)
    return Reading("DATE", p.value, "century", narrow(p, part), part)


WINTER_LAST_MONTH = 2  # February: a day after it is followed by its year's winter


def resolve_season(slots: dict, params: dict, s: Situation) -> Reading:
    code = slots["season"]
    y = year_of(slots, s.today)
    part = part_of(slots, params)
    uses = False
    if y is not None:
        p = periods.season(y, code)
    elif s.today is None:
        return Reading("DATE", f"XXXX-{code}", "season", None, part)
    else:
        if params.get("anchor") == "previous":  # "That winter" after "the fall of 1996" is the
            s = replace(s, tense="unknown")  # one nearest that fall, whatever the clause's tense
        p, uses = occurrence(
            lambda year: periods.season(year, code), s, shift_of(slots, params), True
        )
        if "years_back" in slots:  # "Twelve years ago this fall": that fall so many years back
            p = periods.season(p.earliest.year - int(slots["years_back"]), code)
        told = s.previous
        if (
            code == "WI"
            and params.get("anchor") == "previous"
            and shift_of(slots, params) == 0
            and told is not None
            and told.granularity in ("day", "time")
            and told.earliest.month > WINTER_LAST_MONTH
        ):
            # "went on sale on 15 July 1983. That winter the market collapsed": the winter of
            # that year, which begins in its December (was the one before, a few days nearer)
            p = periods.season(told.earliest.year, code)
    return Reading("DATE", p.value, "season", narrow(p, part), part, uses)


def _iso_week(year: int, n: int) -> Period:
    """ISO week `n` of `year` ("KW 34"); a week 53 the year lacks cannot exist (ValueError)."""
    return periods.week(date.fromisocalendar(year, n, 1))


# A numbered part of the year: how many there are, the period of number n, its unknown value
NUMBERED_PARTS: dict[str, tuple[int, Callable[[int, int], Period], str]] = {
    "quarter": (4, periods.quarter, "XXXX-Q{n}"),
    "half": (2, periods.half, "XXXX-H{n}"),
    "week": (53, _iso_week, "XXXX-W{n:02d}"),
}


def resolve_quarter(slots: dict, params: dict, s: Situation) -> Reading:
    """A quarter, half or calendar week named by its number ("im dritten Quartal", "KW 34")."""
    unit = params.get("unit", "quarter")
    n = int(slots.get("ordinal") or slots.get("number") or params.get("n", 1))
    count, make, unknown = NUMBERED_PARTS[unit]
    if not 1 <= n <= count:
        raise Unresolvable(f"no {unit} {n}")
    y = year_of(slots, s.today)
    uses = False
    if y is None and "month" in slots and s.today is not None:
        # "its fiscal third quarter <ended March 31>": a fiscal period is named by the year of
        # the day it ends on (TimeBank), which the tense places like any day
        end = resolve_date({"month": slots["month"], "day": slots.get("day")}, {}, s)
        y = end.period.earliest.year if end.period else None
    if y is not None:
        p = make(y, n)
    elif s.today is None:
        return Reading("DATE", unknown.format(n=n), unit, None)
    elif (s.tense == "past" or params.get("begun")) and not shift_of(slots, params):
        # `begun`: results named by their quarter ("fourth-quarter earnings" in January are
        # last year's) are the latest quarter begun, whatever the tense
        fresh = 0 if unit == "week" else FRESH_PERIOD_DAYS
        p, uses = begun(lambda year: make(year, n), s.today, fresh), not params.get("begun")
    else:
        p, uses = occurrence(lambda year: make(year, n), s, shift_of(slots, params), True)
    if y is None and s.tense in TELLS_AHEAD and (s.today - p.latest).days > PLAN_REACH_BACK_DAYS:
        # "will cut jobs in the first quarter", "expects first-quarter earnings to fall" told
        # in December: next year's; also an act intended ("Analysts expect demand to fall in the
        # second quarter" told in November, planned)
        p, uses = make(p.earliest.year + 1, n), True
    part = part_of(slots, params)  # "the end of the third quarter"
    return Reading("DATE", p.value, unit, narrow(p, part), part, uses)


def _holiday_span_year(
    slots: dict, own_in: Callable[[int], Period | None], s: Situation
) -> tuple[int | None, bool]:
    """The year of a holiday at one end of a span of holidays ("zwischen Weihnachten und
    Neujahr", "vom Stefanitag bis Dreikönig"), as for other yearly dates (_year_in_span); the
    end's pattern names the start (`start`), the start's the end (`end_holiday`)."""
    rules = dict(s.conventions.holidays)

    def holiday_in(key: str) -> Callable[[int], Period | None]:
        return lambda year: periods.day(d) if (d := periods.holiday(year, rules[key])) else None

    if "start" in slots:
        start_in, end_in, is_start = holiday_in(slots["start"]), own_in, False
    elif "end_holiday" in slots:
        start_in, end_in, is_start = own_in, holiday_in(slots["end_holiday"]), True
    else:
        return None, False
    if (
        s.today is None
        or not (start := start_in(s.today.year))
        or not (end := end_in(s.today.year))
    ):
        return None, False
    return _year_in_span(start_in, end_in, int(end.earliest < start.earliest), is_start, s)


def resolve_holiday(slots: dict, params: dict, s: Situation) -> Reading:
    rule = dict(s.conventions.holidays)[slots["holiday"]]
    y = year_of(slots, s.today)
    if history := periods.history_day(rule):  # "9/11": a day of history, in its year; told
        # before it, the words are only a day of the calendar ("the Jan. 6 hearing" in 1998)
        if s.today is None or s.today >= history:
            y = history.year if y is None else y
        else:
            rule = f"{history:%m-%d}"

    def period_in(year: int) -> Period | None:
        d = periods.holiday(year, rule)
        if d and "day_offset" in params:  # "the day after Thanksgiving"
            offset = int(params["day_offset"])
            d += timedelta(days=offset)
            wd = int(slots.get("weekday", params.get("weekday", 0)))
            if wd:  # "the Saturday before Christmas": that weekday on or beyond the offset day
                back, ahead = (d.isoweekday() - wd) % 7, (wd - d.isoweekday()) % 7
                d += timedelta(days=ahead if offset > 0 else -back)
        return periods.day(d) if d else None

    uses = False
    code = daypart_of(slots, params)
    if y is not None:
        p = period_in(y)
        if p is None:
            raise Unresolvable(f"{slots['holiday']} does not exist in {y}")
    elif s.today is None:
        moved = "day_offset" in params or "containing" in params
        if moved:  # "the week before Christmas", "am Tag vor Heiligabend": which one is open
            unit = params.get("containing", "day")
            return Reading("DATE", X_VALUES[unit], "week" if unit == "weekend" else unit, None)
        fixed = periods.fixed_day(rule)
        value = f"XXXX-{fixed}" if fixed else "XXXX-XX-XX"
        if code:  # "Silvesternacht" without a DCT: XXXX-12-31TNI
            return Reading("TIME", f"{value}T{code}", "time", None)
        return Reading("DATE", value, "day", None)
    elif (span := _holiday_span_year(slots, period_in, s))[0] is not None:
        y, uses = span
        p = period_in(y)
        if p is None:
            raise Unresolvable(f"{slots['holiday']} does not exist in {y}")
    else:
        p, uses = occurrence(period_in, s, shift_of(slots, params))
    if params.get("containing") == "weekend":  # "Memorial Day weekend": the nearest weekend
        ahead = (5 - p.earliest.weekday()) % 7  # days to the next Saturday
        p = periods.weekend(p.earliest + timedelta(days=ahead if ahead <= 3 else ahead - 7))
    elif "containing" in params:  # "Easter week": the week of that day
        p = periods.containing(p.earliest, params["containing"])
    if code:  # "Silvesternacht", "am Abend des Ostermontags": a part of that day
        p = periods.part_of_day(p.earliest, code)
        return Reading("TIME", p.value, "time", p, None, uses)
    return Reading("DATE", p.value, p.granularity, p, None, uses)
