"""A candidate read against its reference: the date told before it (ToldBefore), the written year
of the narrative or the DCT; a coarse DCT (a month or a year) is read at both of its ends and
the two readings are joined (read_from_ends, _join), so no day is made up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline import periods
from timeline.anchors import (
    Mark,
    across_dct,
    can_count_from,
    somewhere_in,
    span_from_told,
    told_is_no_anchor,
    weekday_in_history,
    weekday_of_day_told,
)
from timeline.date_engine import YEAR_SLOTS, YEARLESS_FRAMES, Engine, counts_on
from timeline.grammar import Candidate
from timeline.model import DocumentDate, Precision
from timeline.occurrence import shift_of
from timeline.periods import GRANULARITIES, Period
from timeline.resolve import RESOLVERS
from timeline.situation import Reading, Situation, Unresolvable

# Frames whose resolvers choose a year (occurrence.py), reading a coarse DCT as a whole: the
# year-less ones and a clock time on such a day ("midnight Aug. 31"); the others read its days.
WHOLE_DCT_FRAMES = YEARLESS_FRAMES | {"time"}
PLANS = ("future",)  # tenses of clauses that cannot speak of a time already over


def _unit_told_running(
    params: dict, previous: Mark | None, dct: DocumentDate | None, tense: str
) -> bool:
    """Does the pattern (`unit_told_running`) name the period of its unit told just before,
    one not over at the DCT (a quarter told as over, "a year earlier", is not the one meant)?
    Not in a past clause: results told ("Net income in the quarter rose 45%") are of a period
    over, not of the one still running."""
    if not params.get("unit_told_running") or previous is None or dct is None:
        return False
    if tense == "past":
        return False
    period = previous.period
    return period.granularity == params.get("unit") and period.latest >= dct.earliest


def beyond_calendar(cand: Candidate, eng: Engine, tense: str, err: Exception) -> Reading | None:
    """A duration whose interval leaves the calendar ("vor 5300 Jahren": before year 1) keeps
    its value, read as without a DCT (no interval); any other reading that fails is dropped."""
    params = cand.pattern.params
    if not isinstance(err, (ValueError, OverflowError)):
        return None
    if cand.pattern.frame != "duration" and params.get("type") != "DURATION":
        return None
    try:
        return _read(cand, eng, None, tense, ToldBefore())[0]
    except (Unresolvable, KeyError, ValueError, OverflowError):
        return None


# At most so many characters between a day and a clock time that belongs to it (" ab ",
# ", um ", " gegen ")
CLOCK_AFTER_DAY = 8


@dataclass(frozen=True)
class ToldBefore:
    """What the text told before a candidate that its reading may count from: the last date
    known (`previous`), the written year that sets the narrative (`written`), the date the
    candidate goes on from in the next sentence (`told`, anchors.goes_on) and the date of the
    past report whose future it tells (`report`, report_before)."""

    previous: Mark | None = None
    written: Mark | None = None
    told: Mark | None = None
    report: Mark | None = None


def _read(
    cand: Candidate, eng: Engine, dct: DocumentDate | None, tense: str, before: ToldBefore
) -> tuple[Reading, Mark | None]:
    """The reading of a candidate, and the earlier date it counted from (None: the DCT).
    Besides counting from `previous` or `told`, the reading depends on `previous` only where it
    is lent to the resolver (_lent) or the pattern is `now_unanchored` (read_from_ends)."""
    params = cand.pattern.params
    previous, written, told, report = before.previous, before.written, before.told, before.report
    # a span start is no anchor of a date told ("since April"), the period of the same unit
    # told before it is ("rose in September, the most since April. In the month, ...")
    before = previous.before_span if previous and previous.starts_span else None
    if before and params.get("anchor_told") and before.period.granularity == params.get("unit"):
        previous = None if told_is_no_anchor(params, before, tense, dct) else before
    elif (
        previous
        and previous.reported
        and previous.before_span
        and params.get("anchor") == "previous"
        and ("unit" in cand.slots or "unit" in params)
        and can_count_from(previous.before_span.period, cand)
    ):
        previous = previous.before_span
    if told_is_no_anchor(params, previous, tense, dct):
        previous = None
    if previous is None and params.get("now_unanchored"):
        # "A year on, the town is rebuilding" opening a story: the report is that long after
        params = {**params, "sign": 0}
    last = previous.period if previous else None

    conventions = eng.conventions
    if "tense_penalty_days" in params:  # the pattern's own, over the language's
        penalties = conventions.tense_penalty + tuple(params["tense_penalty_days"].items())
        conventions = replace(conventions, tense_penalty=penalties)

    def at(today, span, tense=tense):
        near = _lent(params, last)
        plans = tuple(params.get("not_over_in", PLANS))
        crossed = near and previous and across_dct(near, tense, dct, plans)
        if crossed and cand.pattern.frame == "time" and not previous.has_year:
            # a clock time told in the past is not on a day placed ahead ("set Oct. 31 as the
            # date. Trading, halted at 11:30 a.m., resumed"), nor a planned one on a day over;
            # right after the day it is that day's all the same ("Am 25. Juli ab 14 Uhr")
            near = near if cand.start - previous.end <= CLOCK_AFTER_DAY else None
        late = previous.mod if near is not None and previous is not None else None
        s = Situation(today, tense, span, near, conventions, late)
        return RESOLVERS[cand.pattern.frame](cand.slots, params, s)

    if report is not None:
        # "said in March that it would close the plant in June": the June after that report
        return at(report.period.latest, None), report
    if _unit_told_running(params, previous, dct, tense):
        # "the first quarter could end weakly. Profits for the quarter ..." told in February:
        # the quarter just told, not the one over
        params = {**params, "shift": 0}
        return at(previous.period.earliest, None, "unknown"), previous
    if weekday_of_day_told(cand, previous, dct):
        # "Am 9. Oktober 1989 ... Denn an diesem Montag entschied sich ...": that day's week
        return at(previous.period.earliest, None, "unknown"), previous
    if told is not None and weekday_in_history(cand, told, dct):
        # "started on Wednesday, Aug. 4, 2010. By Friday, it was out": that week's Friday
        return at(told.period.earliest, None, "unknown"), told
    if span_from_told(params, previous, tense, dct):
        # "seized the city in 2014. For the next three years, they held it": the span runs on
        # from the date told, not from the DCT (nor is it the length the past would tell)
        return at(previous.period.latest, None, "unknown"), previous
    if params.get("anchor") == "previous":
        if previous is not None and (counted := _read_from_previous(cand, previous, tense, at)):
            if not _ahead_told_now(params, previous, counted, tense, dct):
                return counted, previous
            # "lines to be built by 1940. Seventy years later, it remains unbuilt": a point
            # counted on past the report and told in the present is the report's own period
            params, last = {**params, "sign": 0}, None
    elif written is not None and (reading := _read_in_written(cand, written, tense, dct, at)):
        return reading, written
    if dct is None:
        return at(None, None), None
    return _read_from_dct(cand, params, dct, tense, at), None


def _ahead_told_now(
    params: dict, previous: Mark, counted: Reading, tense: str, dct: DocumentDate | None
) -> bool:
    """Is `counted` (a pattern with `now_in_present`) a year or more, from a date over, after the
    DCT, told in a present clause? From a date ahead the present is a schedule ("the clocks go
    back on Sunday; in the US daylight time ends a week later"); days and weeks are counted
    exactly all the same ("Your Dec. 20 editorial ... reads badly three weeks later")."""
    return bool(
        params.get("now_in_present")
        and tense == "present"
        and counted.granularity in ("year", "decade", "century")
        and dct is not None
        and previous.period.latest < dct.earliest
        and counted.period is not None
        and counted.period.earliest > dct.latest
    )


def _lent(params: dict, last: Period | None) -> Period | None:
    """The earlier date a resolver counts in (its Situation.previous), in that date's unit: a
    day or a clock time, or any with `keep_granularity`."""
    keep = params.get("keep_granularity")
    return last if last and (keep or last.granularity in ("day", "time")) else None


def _read_from_previous(
    cand: Candidate, previous: Mark, tense: str, at: Callable[..., Reading]
) -> Reading | None:
    """The reading counted from the last date told (`anchor = "previous"`; `at`: `_read`'s
    resolver call), None where it cannot count from it and counts from the DCT. Split from
    `_read`: what a date told lends is a question of its own."""
    params = cand.pattern.params
    if params.get("in_year_told"):
        # "By the spring of 1956 it was a hit. That March, ...": that year's March, whatever the
        # tense and however far back the year was told
        return _in_year(periods.year(previous.period.earliest.year), at)
    if can_count_from(previous.period, cand):
        # a time counts from its own day (a night over two days: the day it is named by)
        counted = previous.period
        day = counted.latest if counted.granularity == "time" else counted.earliest
        if counted.granularity == "year" and counted.value.isdigit() and len(counted.value) == 4:
            # a year named by the year it ends in ("2024-25" 2025): counted from the year named,
            # not from its interval's first year ("up 9% on the previous year" is 2024)
            day = max(day, date(int(counted.value), 1, 1))
        if counted.granularity == "year" and int(params.get("shift", 0)) > 0:
            # "qualified as a lawyer in 1836 and settled there the following spring": the
            # spring after that year, not the one after its first day
            day = counted.latest
        # a past clause that counts from a date told (`anchor_in_past`) goes on from it:
        # "On Jan. 13 the real fell. By the end of the month ..." is January's end, not
        # the end the past tense would put before Jan. 13
        told_tense = "unknown" if params.get("anchor_in_past") else tense
        return at(day, None, told_tense)
    if not params.get("anchor_in_unit") and (within := somewhere_in(previous.period, cand)):
        return within
    if cand.pattern.frame == "time":
        # "Im Folgejahr ... In derselben Nacht": some night, not the DCT's
        return at(None, None)
    return None


def _read_in_written(
    cand: Candidate, written: Mark, tense: str, dct: DocumentDate | None, at: Callable[..., Reading]
) -> Reading | None:
    """The reading of a year-less date in the year written before it (the whole year as the
    reference; `at`: `_read`'s resolver call), None where that year is not its setting."""
    params = cand.pattern.params
    if (
        not (
            cand.pattern.frame in YEARLESS_FRAMES
            or params.get("anchor") == "written"
            # a time on a day written without its year ("2:00 p.m. on October 6")
            or (cand.pattern.frame == "time" and {"day", "month"} <= cand.slots.keys())
        )
        or YEAR_SLOTS & cand.slots.keys()
        # a present clause is not set in a written year that is over either ("1985 gegründet,
        # feiert im November")
        or across_dct(written.period, tense, dct, ("future", "present"))
    ):
        return None
    # the tense tells the direction from the DCT, not from a date in the text
    reading = _in_year(written.period, at)
    if (
        dct is not None
        and _off_weekday(cand, reading)
        and not _off_weekday(cand, at(dct.earliest, None))
    ):
        # "Im Winter 1999 ... Vor drei Wochen, am Sonntag, dem 18. September": a weekday that
        # misses in the year written but fits near the DCT tells the recent day
        return None
    # "Das Jahr 2012 war ... Im Jänner will ...": a month of that year already over is no
    # plan; the DCT and the tense decide. A present clause may look back at a month of it
    # ("im März liegt die Quote bei ...").
    return None if across_dct(reading.period, tense, dct, PLANS) else reading


def _in_year(year: Period, at: Callable[..., Reading]) -> Reading:
    """The reading set in `year` (`at`: `_read`'s resolver call): counted from its last day, by
    which all its quarters and months have begun ("In 1997, first-quarter profit rose" is
    1997's, from its first day 1996's; "That March" is not the March nearest January 1)."""
    return at(year.latest, (year.earliest, year.latest), "unknown")


def _off_weekday(cand: Candidate, reading: Reading) -> bool:
    """Is `reading` a day that does not fall on the weekday written with it?"""
    wd = cand.slots.get("weekday")
    p = reading.period
    return (
        wd is not None
        and p is not None
        and reading.granularity == "day"
        and p.earliest.isoweekday() != int(wd)
    )


def _read_from_dct(
    cand: Candidate, params: dict, dct: DocumentDate, tense: str, at: Callable[..., Reading]
) -> Reading:
    """The reading counted from the DCT, `at` one day of it (`_read`'s resolver call): from its
    day, or from a coarse DCT's first and last day, joined. Split from `_read`: a coarse DCT
    is a question of its own, apart from choosing the date counted from."""
    # "For the year, sales rose 5%" told on January 2, "For the week, the Dow rose" on a
    # Monday: a period begun fewer than `fresh_past` days ago has nothing to report yet, the
    # one just over is meant (as for quarters, occurrence.FRESH_PERIOD_DAYS); of a coarse DCT,
    # at its first and its last day
    fresh = tense == "past" and params.get("fresh_past")
    back = timedelta(days=int(params["fresh_past"]) if fresh else 0)
    if dct.precision == Precision.DAY:
        if fresh:
            return at(dct.earliest - back, None)
        reading = at(dct.earliest, None)
        if (
            params.get("anchor") == "previous"
            and counts_on(params)
            and tense == "past"
            and reading.period is not None
            and reading.period.earliest > dct.latest
        ):
            # "Two days later, he died" with no date told before: not two days after the
            # report, some day unknown
            return at(None, None)
        return reading
    first, last = dct.earliest - back, dct.latest - back
    yearly = cand.pattern.frame in WHOLE_DCT_FRAMES
    if yearly and shift_of(cand.slots, params) is None:
        # a year-less date (the whole DCT as the reference chose its year, occurrence.py) is
        # of the DCT's year where that puts it in the DCT: any such date in a paper known to
        # its year, "am 15. März" in a March 2014 paper. Elsewhere, or with a direction ("last
        # spring"), it is read at the DCT's first and last day ("June 12" in an October 1999
        # paper: 1999's or 2000's)
        span = (dct.earliest, dct.latest)
        joined = _join(at(first, span), at(last, span), dct, True)
        if joined.period is None or _gap(joined.period, dct) == 0:
            return joined
    return _join(at(first, None), at(last, None), dct, yearly)


def read_from_ends(
    cand: Candidate, eng: Engine, dct: DocumentDate | None, tense: str, before: ToldBefore
) -> tuple[Reading, Mark | None]:
    """`_read`, where a date was told before in a paper known to its month or year. A date
    known only within it ("Rebels seized the town on Monday. Two days later, ..." in a January
    paper): what counts from it is read at the DCT's first and last day from that date's
    reading there, and joined (Monday's range + 2 days), as the date itself was; what does not
    is read as after no date told. A day known is counted from where the DCT's first and last
    day agree to ("the fourth quarter of 1988. A year ago, ..." in a January 1990 paper: from
    it on January 1, from the DCT on January 31)."""
    previous = before.previous
    if dct is None or dct.precision == Precision.DAY or previous is None:
        return _read(cand, eng, dct, tense, before)
    no_mark = replace(before, previous=None, told=None)
    known = previous.ends is None
    ends = (previous.period, previous.period) if known else previous.ends
    readings, counts = [], []
    for i, (end, day) in enumerate(zip(ends, (dct.earliest, dct.latest), strict=True)):
        day_dct = DocumentDate.parse(day.isoformat())
        # the date told before a saying is read at the same end ("in the January-March period,
        # the government said Thursday ... from the previous quarter" in a 1998 paper)
        told_before = previous.before_span
        if told_before is not None and told_before.ends is not None:
            told_before = replace(told_before, period=told_before.ends[i], ends=None)
        mark = replace(previous, period=end, ends=None, before_span=told_before)
        try:
            at_end = replace(before, previous=mark, told=before.told and mark)
            reading, used = _read(cand, eng, day_dct, tense, at_end)
            # not counted from, nor lent to the resolver, the mark left the reading as without it
            params = cand.pattern.params
            lent = _lent(params, end) is not None or params.get("now_unanchored")
            counted = used is mark or bool(lent)
            counts.append(counted and reading != _read(cand, eng, day_dct, tense, no_mark)[0])
        except (Unresolvable, KeyError, ValueError, OverflowError):
            counts = [known, known]  # no such date from one end ("31. Februar"): as if none
            break
        readings.append((reading, used))
    if not any(counts):
        return _read(cand, eng, dct, tense, no_mark)
    if known and all(counts):
        return _read(cand, eng, dct, tense, before)
    (lo, used_lo), (hi, used_hi) = readings
    return _join(lo, hi, dct), (previous if used_lo or used_hi else None)


def _join(lo: Reading, hi: Reading, dct: DocumentDate, yearly: bool = False) -> Reading:
    """One reading from the readings at both ends of a coarse DCT. `yearly`: of a date that
    comes back every year ("June 12", "Christmas", "the fourth quarter")."""
    if lo.period is None or hi.period is None or lo == hi:
        return lo
    value = lo.value
    if lo.value != hi.value:
        finer = GRANULARITIES.index(lo.granularity) < GRANULARITIES.index(str(dct.precision))
        common = _common_value(lo.value, hi.value)
        # a day told finer than the DCT is the DCT's period, unless both ends agree on one as
        # fine as it elsewhere ("a year ago today" in a March 1998 paper is 1997-03), or on a
        # coarser one outside it ("a year ago Thursday" in a March 2000 paper: 1999)
        elsewhere = not dct.value.startswith(common)
        shifted = (len(common) >= len(dct.value) or elsewhere) and not common.startswith("X")
        value = dct.value if finer and not shifted else common
        # one as coarse as the DCT is the end's nearer the DCT, or in it ("the end of the
        # month" told in the past in a January paper: December's or January's end, told as
        # January's; "a year earlier" than the nine months reported, in a 1989 paper: 1987 or
        # 1988, told as 1988)
        gaps = [_gap(r.period, dct) for r in (lo, hi)]
        nearer = (lo, hi)[gaps.index(min(gaps))]
        value = nearer.value if not finer and gaps[0] != gaps[1] else value
        before = max(lo.period.latest, hi.period.latest) < dct.earliest
        after = min(lo.period.earliest, hi.period.earliest) > dct.latest
        if finer and (before or after) and value == dct.value:
            # both ends on one side of the DCT: not its period, but what they share ("78 days
            # ago" in a June 1999 paper: 1999), else the year of the one nearer it ("a year
            # earlier" than a quarter in a 1989 paper: 1987-Q4 or 1988-Q3, told as 1988)
            value = common if not common.startswith("X") else nearer.value[:4]
        if (yearly or min(gaps) > 0) and lo.value[4:] == hi.value[4:] and lo.value[4:]:
            # the same yearly date in two years: that date, the year unknown ("Christmas" in
            # an October paper, past or to come: XXXX-12-25); so is one of two years both
            # outside the DCT ("the previous quarter" after a first quarter told in a 1998
            # paper: 1996-Q4 or 1997-Q4, not 1998)
            value = "XXXX" + lo.value[4:]
    told = hi if value == hi.value != lo.value else lo  # the end the value is told as
    period = Period(
        value,
        told.granularity,
        min(lo.period.earliest, hi.period.earliest),
        max(lo.period.latest, hi.period.latest),
    )
    # a mod tells of the finer reading: "late Saturday" in a January paper is not late January
    mod = told.mod if value in (told.value, "XXXX" + told.value[4:]) else None
    ends = (lo.ends[0] if lo.ends else lo.period, hi.ends[1] if hi.ends else hi.period)
    return Reading(told.type, value, told.granularity, period, mod, lo.uses_tense or hi.uses_tense,
                   ends=ends)  # fmt: skip


def _gap(period: Period, dct: DocumentDate) -> int:
    """The days between `period` and the DCT (0: they overlap)."""
    return max((period.earliest - dct.latest).days, (dct.earliest - period.latest).days, 0)


def _common_value(a: str, b: str) -> str:
    """The longest shared leading part of two date values, cut at a component ("2024")."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    cut = a[:n]
    return cut if n == len(a) else cut[: max(cut.rfind("-"), 0)] or "XXXX"
