"""Which occurrence a text means: the year of a yearly period told without one ("im Mai",
"Ostern"), the weekday nearest the reference on the side the tense or the text points to, and
the year of two-digit and shifted years. Shared by the calendar resolvers (calendar_dates.py,
weekdays_and_times.py, relative_dates.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from timeline.periods import Period
from timeline.situation import LEANS_AHEAD, LOOKS_BACK, Situation, Unresolvable

# A quarter or half begun fewer days ago than this has no results to tell in the past yet:
# "Revenues in the first quarter fell" told on January 3 is last year's first quarter.
FRESH_PERIOD_DAYS = 14


def year_of(slots: dict[str, Any], today: date | None) -> int | None:
    if "year" in slots:
        return slots["year"]
    if "year2" in slots and "from_year" in slots:  # "1998-99", "2009-10": after the first
        first = slots["from_year"]
        y = first - first % 100 + slots["year2"]
        if y <= first and first % 100 < 90:  # "2024-03" is a month, no span to 2103
            raise Unresolvable(f"{slots['year2']:02d} ends no span of years from {first}")
        return y if y > first else y + 100
    if "year2" in slots:  # the year of those digits from 90 years before to 10 after today
        yy = slots["year2"]
        if today is None:
            return (2000 if yy <= 30 else 1900) + yy
        y = today.year - today.year % 100 + yy
        if y > today.year + 10:
            return y - 100
        return y + 100 if y <= today.year - 90 else y
    if "fiscal_year" in slots:  # "fiscal 1991, which begins Oct. 1": a fiscal year is named
        # by the year it ends in, so a start after January 1 lies in the year before
        return int(slots["fiscal_year"]) - (month_of(slots) != 1 or slots.get("day", 1) != 1)
    if "fiscal_start" in slots:  # "fiscal 1990, which begins April 1": the start still told in
        # the present lies in the year before the one named (American naming) or in it (Japan
        # names a fiscal year by the year it starts in): the one nearer today
        y, start = int(slots["fiscal_start"]), (month_of(slots) or 1, int(slots.get("day", 1)))
        if start == (1, 1) or today is None:  # a fiscal year begun Jan. 1 is that calendar year
            return y - (start != (1, 1))
        return min((y - 1, y), key=lambda c: abs((date(c, *start) - today).days))
    if "fiscal_end" in slots:  # "fiscal 1989, which ends March 31" told in November 1989: an
        # end still to come lies in the year named, or the next (Japan names a fiscal year by
        # the year it starts in)
        y, end = int(slots["fiscal_end"]), (month_of(slots) or 12, int(slots.get("day", 31)))
        ahead = today is None or (y, *end) >= (today.year, today.month, today.day)
        return y if ahead else y + 1
    if "fiscal_shift" in slots and today is not None:
        # "the current financial year, which ends on 31 March": named by the year of the end
        # still to come (told 17 October 2024: 2025), or one before or after it
        end = (month_of(slots), slots.get("day", 31))
        y = today.year + (end < (today.month, today.day))
        return y + int(slots["fiscal_shift"])
    if "year_shift" in slots and today is not None:  # "the third quarter of next year"
        return today.year + int(slots["year_shift"])
    return None


def month_of(slots: dict[str, Any]) -> int | None:
    if "month" in slots:
        return int(slots["month"])
    if "monthnum" in slots:
        return slots["monthnum"]
    return None


def day_of(slots: dict[str, Any], year: int) -> date | None:
    """The day of the month and day in `slots` in `year`; None for none or no such day (Feb. 30)."""
    month = month_of(slots)
    if month is None or "day" not in slots:
        return None
    try:
        return date(year, month, int(slots["day"]))
    except ValueError:
        return None


def begun(
    period_in: Callable[[int], Period | None], today: date, fresh_days: int = FRESH_PERIOD_DAYS
) -> Period:
    """The latest quarter or half begun by `today` ("Profit fell in the third quarter" in March
    is last year's), however near the coming one is, and not begun just now (`fresh_days`; a
    calendar week has results once begun: "stieg in der KW 4" told in week 5 is this year's)."""
    begun = [p for y in (today.year - 1, today.year) if (p := period_in(y))]
    told = today - timedelta(days=fresh_days)
    return max((p for p in begun if p.earliest <= told), key=lambda p: p.earliest)


def occurrence(
    period_in: Callable[[int], Period | None],
    s: Situation,
    shift: int | None = None,
    this_year_by_default: bool = False,
) -> tuple[Period, bool]:
    """Which year's occurrence of a yearly period ("Mai", "9. Dezember", "Sommer", "Ostern")
    is meant, and whether the tense decided it.

    With a direction ("vergangenen Sommer") the last one before or the next one after the
    reference; else the one nearest the reference, unless the tense points the other way and
    that one is not much farther (news report the recent past and the near future).
    """
    assert s.today is not None
    first, last = s.span or (s.today, s.today)
    options: list[tuple[Period, int]] = []  # (period, days from the reference; 0 = overlaps)
    # two years back: a winter begins in the year before, so in February the last one is two
    # years' winters ago ("letzten Winter" on 2013-02-12 is 2011-WI)
    for y in range(s.today.year - 2, s.today.year + 2):
        p = period_in(y)
        if p is None:
            continue
        if p.earliest > last:
            delta = (p.earliest - last).days
        elif p.latest < first:
            delta = (p.latest - first).days
        else:
            delta = 0
        options.append((p, delta))
    if not options:
        raise Unresolvable("no such day in these years")
    if shift == 0:  # "this September", "diesen Winter": the current one, else this year's ...
        current = [p for p, delta in options if delta == 0]
        if current:
            return current[0], False
        year = s.today.year
        this_year = [o for o in options if year in (o[0].earliest.year, o[0].latest.year)]
        # ... and of two (a winter begun last December, one to begin this December) the one
        # the tense points to, else the nearer ("nach diesem strengen Winter" in March)
        toward = [o for o in this_year if not against_tense(o[1], s.tense)]
        return min(toward or this_year, key=lambda o: abs(o[1]))[0], False
    if this_year_by_default and s.tense in ("unknown", "present") and not shift:
        # "drittes Quartal": the reference's year unless the clause says otherwise; the present
        # states ("Nach einem Einbruch im ersten Halbjahr rechnen die Experten ...")
        return next(p for p, _ in options if p.earliest.year == s.today.year), False
    if shift:
        ahead = [o for o in options if (o[1] > 0 if shift > 0 else o[1] < 0)]
        return min(ahead, key=lambda o: abs(o[1]))[0], False

    def cost(option: tuple[Period, int], with_tense: bool) -> int:
        delta = option[1]
        against = with_tense and against_tense(delta, s.tense)
        return abs(delta) + (s.conventions.penalty(s.tense) if against else 0)

    chosen = min(options, key=lambda o: cost(o, True))[0]
    return chosen, chosen != min(options, key=lambda o: cost(o, False))[0]


def weekday_near(
    today: date,
    weekday: int,
    s: Situation,
    shift: int | None,
    past_today: bool = False,
    future_today: bool = False,
) -> tuple[date, bool]:
    """The day of ISO `weekday` (1 = Monday) meant, from explicit direction or the tense.

    `past_today` (pattern parameter `past_includes_today`): a past-tense weekday that is the
    reference's own weekday is that day (wire news: "said Friday" in a Friday story);
    `future_today` (`future_includes_today`) the same for a future one, where a later part of
    the day is meant ("will speak Thursday night" in a Thursday story).
    """
    delta = weekday - today.isoweekday()
    if shift is None:
        if s.tense == "past" and past_today and delta == 0:
            return today, True
        if s.tense == "future" and future_today and delta == 0:
            return today, True
        if s.tense in LOOKS_BACK:
            shift = -1
        elif s.tense == "future":
            shift = 1
        elif s.tense in LEANS_AHEAD:  # news in the present announce: "Am Montag beginnt ..."
            return today + timedelta(days=(weekday - today.isoweekday()) % 7), True
        else:
            return today + timedelta(days=delta), False  # the same ISO week
        uses_tense = True
    else:
        uses_tense = False
    weeks_more = 7 * (abs(shift) - 1)  # "vorletzten Sonntag": one more week away
    if shift < 0:
        back = (today.isoweekday() - weekday) % 7 or 7
        return today - timedelta(days=back + weeks_more), uses_tense
    if shift > 0:
        ahead = (weekday - today.isoweekday()) % 7 or 7
        return today + timedelta(days=ahead + weeks_more), uses_tense
    return today + timedelta(days=delta), uses_tense


def against_tense(delta: int, tense: str) -> bool:
    """Is a day `delta` days from the reference on the other side than the tense points?"""
    return delta > 0 if tense in LOOKS_BACK else delta < 0 and tense in LEANS_AHEAD


def shift_of(slots: dict, params: dict) -> int | None:
    """The direction the text gives ("letzte" -1, "diese" 0, "nächste" +1), None if none."""
    if "shift" in slots:
        return int(slots["shift"])
    return params.get("shift")
