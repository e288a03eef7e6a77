"""Dates counted from the reference: "gestern", "letzte Woche", "vor zwei Jahren", "zwei Stunden
später", "a year earlier" (in the unit of the date told before); and vague references to it
("derzeit", "kürzlich", "recently") with the window they span.

Apart because counting is one rule for all units, whereas the calendar dates and weekdays are
placed by name: this module builds on calendar_dates.py and weekdays_and_times.py (a clock time
counted from, a weekend meant), neither of which needs it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from timeline import periods
from timeline.calendar_dates import X_VALUES, day_in, narrow, part_of
from timeline.durations import (
    TIME_UNITS,
    VAGUE_COUNT,
    count_of,
    duration_value,
    offset_span,
    reading_in_tense,
    resolve_duration,
    unit_of,
    whole_units,
)
from timeline.occurrence import shift_of
from timeline.periods import CALENDAR_UNITS, GRANULARITIES, Period
from timeline.situation import LEANS_AHEAD, LOOKS_BACK, Reading, Situation, Unresolvable
from timeline.weekdays_and_times import clock_of, weekend_meant

# A count's modifier said of the point it leads to (TimeML 1.2.1 and TIDES 2005 mod): "more than
# a year ago" lies before the point a year back, "less than a year ago" after it; "in more than
# a year" after the point a year ahead. By the direction counted (the pattern's `sign`).
POINT_MODS = {
    -1: {
        "MORE_THAN": "BEFORE",
        "LESS_THAN": "AFTER",
        "EQUAL_OR_MORE": "ON_OR_BEFORE",
        "EQUAL_OR_LESS": "ON_OR_AFTER",
    },
    1: {
        "MORE_THAN": "AFTER",
        "LESS_THAN": "BEFORE",
        "EQUAL_OR_MORE": "ON_OR_AFTER",
        "EQUAL_OR_LESS": "ON_OR_BEFORE",
    },
}


def resolve_relative(slots: dict, params: dict, s: Situation) -> Reading:
    """Units counted from the reference: "gestern", "letzte Woche", "vor zwei Jahren". A
    quantity modifier in a `mod` slot ("vor rund drei Jahren") is the reading's mod; the point is
    counted as without it. A bound on the count of a DATE or TIME bounds its point the other
    way back ("more than a year ago": BEFORE); a DURATION ("vor mehr als zwei Jahren",
    KRAUTS) and APPROX, EQUAL or a part ("later today": END) keep it as said."""
    if reading_in_tense(params, s) == "length":  # "built the bridge in two years"
        return resolve_duration(slots, params, s)
    reading = _counted_from_reference(slots, params, s)
    mod = slots.get("mod")
    if mod and reading.type != "DURATION":
        mod = POINT_MODS[1 if int(params.get("sign", 1)) > 0 else -1].get(mod, mod)
    return replace(reading, mod=mod) if mod and reading.mod is None else reading


def _counted_from_reference(slots: dict, params: dict, s: Situation) -> Reading:
    unit = unit_of(slots, params)
    n, unit = whole_units(count_of(slots, params), unit)
    sign = int(params.get("sign", 1))
    steps = (
        (shift_of(slots, params) or 0) if "number" not in slots and "sign" not in params else None
    )
    part = part_of(slots, params)
    gran = "week" if unit == "weekend" else unit
    as_duration = params.get("type") == "DURATION"
    if as_duration:
        value = duration_value(
            n, unit, s.conventions.decades_in_years, params.get("fraction_parts", False)
        )
    elif s.today is None or n is None:
        value = "PAST_REF" if sign < 0 and n is None else X_VALUES[unit]
    else:
        value = ""
    anchor = s.today
    if anchor is not None and "in_unit_step" in params:
        # "Sixty-five years ago last month": counted back from last month, not this one
        anchor = periods.shift(anchor, params["in_unit"], int(params["in_unit_step"]))
    if n is not None and "number__2" in slots:
        # "two or three years ago", "in a year or two": a point between the two counts, as the
        # range where it lies; a date's value tells only the direction, a duration's ("vor zwei
        # oder drei Jahren", It-TimeML) is its first count
        low, high = sorted((n, float(slots["number__2"])))
        kind = params.get("type", "DATE")
        value = value if as_duration else "PAST_REF" if sign < 0 else "FUTURE_REF"
        if anchor is None:
            return Reading(kind, value, gran, None, part)
        span = offset_span(anchor, unit, low, high, sign)
        return Reading(kind, value, gran, Period(value, gran, *span), part)
    if anchor is not None and n is None and steps is None and "vague" in slots:
        # "a few weeks ago": a point two to seven weeks back, as the range where it can lie
        span = offset_span(anchor, unit, *VAGUE_COUNT, sign)
        return Reading(params.get("type", "DATE"), value, gran, Period(value, gran, *span), part)
    if anchor is None or n is None and steps is None:
        return Reading(params.get("type", "DATE"), value or X_VALUES[unit], gran, None, part)
    k = steps if steps is not None else sign * int(n if n == int(n) else round(n))
    if unit in TIME_UNITS:  # "zwei Stunden später": a clock time after a clock time
        clock = clock_of(s.previous)
        amount = k if steps is not None or n is None else sign * n  # "eine halbe Stunde": 0.5
        if clock is None:
            # after a day with no clock time, the day the whole days of the amount lead to
            # ("36 Stunden später" is the next day)
            passed = timedelta(**{unit + "s": amount})
            day = anchor + timedelta(days=int(passed / timedelta(days=1)))
            return Reading(params.get("type", "DATE"), value or day.isoformat(), "day",
                           periods.day(day), part)  # fmt: skip
        moment = clock + timedelta(**{unit + "s": amount})
        p = periods.time_of_day(moment.date(), moment.hour, moment.minute)
        return Reading("TIME" if not as_duration else "DURATION", value or p.value, "time", p)
    if unit == "weekend":
        p = weekend_meant(anchor, steps, params, s)
    else:
        p, gran = _counted(anchor, unit, k, params, s)
    p = narrow(p, part)
    if part and k == 0 and params.get("uses_tense") and unit != "weekend":
        # a part of this year or month the tense puts on the other side of the reference day
        # is the neighbour's ("Zum Jahresende wurde ..." told in January is last year's end;
        # a coarse reference is read at its first and last day: "the end of the month" told
        # in the past in a January paper is December's or January's)
        # an end is the moment the period closes: the start of a state that still holds
        # ("since year-end", "seit Jahresende" told in October) is the last end reached
        closes = periods.timex_mod(part) == "END" and s.tense == "since"
        not_reached = p.latest > anchor if closes else p.earliest > anchor
        step = -1 if s.tense in LOOKS_BACK and not_reached else 0
        # a part of the week ending on the reference day is over for a forecast ("In der
        # zweiten Wochenhälfte wird es wärmer" told on a Sunday is next week's); so is a part
        # over told in the present, which announces ("Erst zur Wochenmitte zieht ein Tief
        # heran" told on a Saturday)
        over = p.latest < anchor or (unit == "week" and p.latest == anchor)
        step = 1 if s.tense in ("future", "present") and over else step
        if step:
            p = narrow(periods.containing(periods.shift(anchor, unit, step), gran), part)
        return Reading(params.get("type", "DATE"), value or p.value, gran, p, part, True)
    if "day" in slots and gran == "month":  # "am 15. dieses Monats", "am 20. des Vormonats"
        p = day_in(p.earliest.year, p.earliest.month, int(slots["day"]))
        if p is None:
            raise Unresolvable("no such day in that month")
        gran = "day"
    if params.get("daypart") and gran == "day":  # "ten years ago tonight": that day's night
        moment = periods.part_of_day(p.earliest, params["daypart"])
        return Reading("TIME", moment.value, "time", moment, part)
    return Reading(params.get("type", "DATE"), value or p.value, gran, _side_of(p, params, s), part)


def _side_of(p: Period, params: dict, s: Situation) -> Period:
    """With `side`, only the days of the period on that side of the reference day inside it:
    "earlier this year" has happened by the report, "later this month" is still to come."""
    side = params.get("side")
    if side is None or s.today is None or not p.earliest <= s.today <= p.latest:
        return p
    return replace(p, latest=s.today) if side == "before" else replace(p, earliest=s.today)


def _counted(anchor: date, unit: str, k: int, params: dict, s: Situation) -> tuple[Period, str]:
    """The period `k` calendar units from `anchor`, and the granularity it is told in."""
    # `in_unit`: "50 years ago this month" is a month, "a year ago today" a day
    gran = params.get("in_unit") or _kept_unit(unit, k, params, s)
    moved = periods.shift(anchor, unit, k)
    if gran == "week" and unit == "year" and s.previous and s.previous.granularity == "week":
        # a week told before, counted by years: from its middle, not its Monday
        moved = periods.week_years_on(anchor, k)
    p = periods.containing(moved, gran)
    ahead = s.tense in LEANS_AHEAD
    if params.get("next_when_over") and ahead and gran == "week" and p.latest == anchor:
        # "Congress returns this week" told on a Sunday: the week that begins, not the one
        # ending that day (news weeks start on Sunday; a month or year has no such habit:
        # "later this month" told on March 31 is March)
        p = periods.containing(periods.shift(anchor, unit, k + 1), gran)
    elif (
        params.get("over_on_last_day")
        and k < 0
        and periods.containing(anchor, unit).latest == anchor
    ):
        # "leaving it up 11.3 percent for the quarter" on March 31: the day's close ends it
        p = periods.containing(periods.shift(anchor, unit, k + 1), gran)
    return p, gran


def _kept_unit(unit: str, k: int, params: dict, s: Situation) -> str:
    """The unit a counted date is given in: its own, or with `keep_granularity` the earlier
    date's when that is finer ("a year earlier" after "the third quarter" is a quarter, "a
    decade later" after 1989 is 1999). A unit as `keep_granularity` is the finest kept: a
    period ("Vorjahreszeitraum", "month") after a day is not a day but its year, a year back.
    A list names the granularities kept, coarser ones too: "the year-earlier period" (four
    quarters back) after a half is that half a year back. `k`: the units counted, signed."""
    earlier = s.previous.granularity if s.previous else None
    keep = params.get("keep_granularity")
    if isinstance(keep, list):
        return earlier if earlier in keep else unit
    if not keep or earlier is None:
        return unit
    earlier = "day" if earlier == "time" else earlier
    finest = GRANULARITIES.index(keep if isinstance(keep, str) else "day")
    # a season is kept one year back (`k`), as figures compare with a year before ("this spring,
    # from a year ago"); more years, or counted on, lead to a year of the story ("the autumn of
    # 1957 ... 20 years earlier", "the summer of 1968. Thirty years later"), no season
    seasons = ("season",) if k == -1 else ()
    if unit == "year" and abs(k) > 1 and earlier in ("day", "week", "month"):
        # so do a day and a month: "24 June 1340 ... Six years later" is 1346, "May 1618 ...
        # two years later" 1620 (were 1346-06-24, 1620-05); "a year earlier" keeps them
        return unit
    if earlier in ("day", *seasons, *CALENDAR_UNITS) and (
        finest <= GRANULARITIES.index(earlier) < GRANULARITIES.index(unit)
    ):
        # decades and centuries counted keep a year at the finest ("paid in October 2016 ...
        # an encounter a decade earlier" is 2006, not October 2006)
        year = GRANULARITIES.index("year")
        if unit in ("decade", "century") and GRANULARITIES.index(earlier) < year:
            return "year"
        return earlier
    return unit


def _offset(today: date, spec: str) -> date:
    """`today` moved by a signed ISO-like offset: "-P3M", "P2W", "P0D"."""
    sign = -1 if spec.startswith("-") else 1
    body = spec.lstrip("-+")[1:]
    n, letter = int(body[:-1]), body[-1]
    unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}[letter]
    return periods.shift(today, unit, sign * n)


def resolve_ref(slots: dict, params: dict, s: Situation) -> Reading:
    value = params["value"]
    window = params.get("range")
    if s.today is None or window is None:
        return Reading("DATE", value, "vague", None)
    lo, hi = _offset(s.today, window[0]), _offset(s.today, window[1])
    return Reading("DATE", value, "vague" if lo != hi else "day", Period(value, "day", lo, hi))
