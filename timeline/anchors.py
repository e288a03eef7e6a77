"""Anchors: the dates found earlier in a text that later expressions may count from (marks),
and the rules that take or refuse one as the anchor of an expression: whether it fits the unit
counted, lies on the side of the DCT its tense allows, is a history long past, or leaves the
expression somewhere within it.

Apart from dates.py, story.py and remember.py, which walk the text and decide what becomes a
mark: these rules only judge one expression against one earlier date, and need nothing of the
walk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from timeline import periods
from timeline.clauses import sentence_at
from timeline.durations import SMALLER, TIME_UNITS, count_of, whole_units
from timeline.grammar import Candidate
from timeline.model import DocumentDate
from timeline.occurrence import day_of, shift_of
from timeline.periods import CALENDAR_UNITS, GRANULARITIES, Period
from timeline.situation import LOOKS_BACK, TELLS_AHEAD, Reading

HISTORY_YEARS = 3  # a year so long before the DCT's sets a history (remember._marks_after)
HISTORY_TOLD = 3  # years written long past that can make a whole text a history (history_text)
HISTORY_TOLD_ALONE = 2  # as many, when a text tells HISTORY_DAYS_ALONE year-less days
HISTORY_DAYS_ALONE = 4  # year-less days that tell one war's course (history_text)
# a history may name its report now and then ("A hundred years ago this weekend", "survivors
# gather today", "the wreck was found this March") if it tells this many dates long past for
# each such name (history_text)
HISTORY_PER_REPORT_NAME = 8


@dataclass(frozen=True)
class Mark:
    """A date found earlier in the text that later expressions may count from."""

    period: Period
    tid: str
    end: int  # where it ends in the text
    until: int | None = None  # where it stops being the context (None: within reach)
    starts_span: bool = False  # "since 1981": the start of a span reaching the report
    has_year: bool = False  # written with its year ("March 3, 2021"), not placed by the tense
    history: bool = False  # a year long past: the setting beyond its sentence (dates.find_dates)
    narrated: bool = False  # ... told with a day, month or season, or read on: a narrative
    whole_clause: bool = False  # "in 1974, when ...": the setting up to `until`, however far
    outer: Mark | None = None  # the date counted from again after `until` (a quotation's end)
    # the date told before a span start, which "the month" may count from instead ("fell in
    # September, the most since April. Exports fell in the month": September)
    before_span: Mark | None = None
    # the date of a saying ("volume rose in the week ended Oct. 20, the exchange said
    # yesterday") or the base of a comparison right after a date ("fell in January from
    # December"): "the previous week", "a year earlier" compare with the date told before it
    # (`before_span`), the figure's, not with the saying's or the base's
    reported: bool = False
    # a date known only within a coarse DCT: its readings at the DCT's first and last day
    ends: tuple[Period, Period] | None = None
    # the day a period named by its end ended (ended_day): told as over by then, though its
    # name's calendar period may lie ahead ("its fiscal third quarter, ended March 31": 1990-Q3)
    ended: date | None = None
    mod: str | None = None  # its reading's mod ("late Thursday": END)
    # where the relative clause set off by commas it is told in ends (", who gave the order
    # Sunday,"), and the date told before that clause: what a clock time after it counts from
    aside_end: int | None = None
    before_aside: Mark | None = None
    # "no earlier than 21 June", "until at least September 13" (lexicon `bound_words`): a bound
    # of when something may happen, no day of the story
    bound: bool = False

    def reaches(self, position: int, reach: int) -> bool:
        """Is this date still the setting at `position`: fewer than `reach` characters on, and
        not past the end of the sentence it is bound to?"""
        near = self.whole_clause or position - self.end < reach
        return near and (self.until is None or position < self.until)


def ended_day(cand: Candidate, reading: Reading) -> date | None:
    """The day a quarter or half told with the day it ends on ended ("its fiscal third quarter,
    ended March 31" read as 1990-Q3: 1990-03-31; a fiscal period is named by the year of that
    day), None for any other expression."""
    if cand.pattern.frame != "quarter" or "month" not in cand.slots:
        return None
    return day_of(cand.slots, int(reading.value[:4]))


def long_past(period: Period, dct: DocumentDate | None) -> bool:
    """Does `period` lie so long before the DCT (HISTORY_YEARS) that it sets a history?"""
    return dct is not None and dct.earliest.year - period.latest.year >= HISTORY_YEARS


@dataclass(frozen=True)
class HistoryScope:
    """How far a year long past (long_past) stays the setting of what follows: through the
    whole text in a text that is all history (history_text), else as far as the language's
    `history_reach` says (characters; German: a war told over paragraphs in a news story), else
    as any year written (its sentence, or the narrative reach). Where it reaches beyond its
    sentence (`far`), a date counted from a day told in it reads on with it, and a sentence
    told in it with no tense cue is past (dates.find_dates)."""

    whole: bool = False
    reach: int | None = None

    @property
    def far(self) -> bool:
        return self.whole or self.reach is not None


def history_scope(
    cands: list[Candidate], dct: DocumentDate | None, settings: dict, length: int
) -> HistoryScope:
    """The HistoryScope of a text of `length` characters with these candidates."""
    if history_text(cands, dct):
        return HistoryScope(True, length + 1)
    return HistoryScope(False, settings.get("history_reach"))


def history_text(cands: list[Candidate], dct: DocumentDate | None) -> bool:
    """Is the whole text a history told long after (a war's course, as in WikiWars): at least
    HISTORY_TOLD years written long past (HISTORY_YEARS; "Sixty years ago" is one), twice as
    many as the dates that count from the report (a recent year, "in two years"), no weekday
    named from it (news: "Farkas said Saturday") and at most one day or unit named from it
    ("this weekend", "today", "last year") for each HISTORY_PER_REPORT_NAME dates long past
    and year-less days told (a hook or a close: "A hundred years ago this weekend"), one "today"
    or "this weekend" more after a hook counted back from it ("Thirty years ago this morning ...
    Today")? With HISTORY_DAYS_ALONE year-less days told, HISTORY_TOLD_ALONE years will do. Then
    a year-less date anywhere is one of the year last written ("landed on 6 June 1944 ... The
    breakout came on 25 July"), not of the DCT's, as news has it (goes_on)."""
    if dct is None:
        return False
    told = recent = days = named = hooks = today = 0
    for cand in cands:
        frame, params = cand.pattern.frame, cand.pattern.params
        from_report = not params.get("anchor")
        if isinstance(year := cand.slots.get("year"), int):
            if dct.earliest.year - year >= HISTORY_YEARS:
                told += 1
            else:
                recent += 1
        elif "day" in cand.slots and "month" in cand.slots:
            days += 1
        elif from_report and frame == "weekday" and params.get("that_day_told"):
            named += 1  # "an diesem Freitag" closing a history: a name of the report's day
        elif from_report and frame == "weekday" and not params.get("indefinite"):
            return False  # named from the report: "Farkas said Saturday"
        elif from_report and "shift" in params.keys() | cand.slots.keys():
            named += 1  # "last month", "last spring", "this weekend", "today"
            unit = cand.slots.get("unit") or params.get("unit")
            # the report's own day or weekend ("today", "this weekend")
            shift = cand.slots.get("shift", params.get("shift"))
            today += unit in ("day", "weekend") and shift == 0
        elif from_report and frame == "relative" and years_back(cand) >= HISTORY_YEARS:
            told += 1  # "Sixty years ago", "half a century ago": the story the report looks back to
            hooks += 1
        elif from_report and frame == "relative":
            recent += "sign" in params.keys() | cand.slots.keys()  # "in two years"
    # "in 1982. On 19 March ... 2 April ... 14 June ... in December 1983": one war told day by
    # day, its year written only once or twice
    enough = HISTORY_TOLD_ALONE if days >= HISTORY_DAYS_ALONE else HISTORY_TOLD
    # a hook counting back from the report ("Thirty years ago this morning") frames the story
    # from the report's day: one close naming that day or its weekend ("Today the embassy is a
    # museum", "veterans will gather in Bastogne this weekend") is its own, not news ("later
    # this decade" still is)
    long_told = told + days >= HISTORY_PER_REPORT_NAME * (named - min(hooks, today, 1))
    return told >= enough and told >= 2 * recent and long_told


def years_back(cand: Candidate) -> float:
    """How many years before the report a date counted back from it lies ("Sixty years ago":
    60, "half a century ago": 50; 0 for one counted ahead or in smaller units)."""
    params = cand.pattern.params
    unit = cand.slots.get("unit") or params.get("unit")
    # a year is one; a decade or a century as many as durations.SMALLER counts in it
    smaller, per = ("year", 1) if unit == "year" else SMALLER.get(unit, ("", 0))
    if int(params.get("sign", 0)) >= 0 or smaller != "year":
        return 0
    return (count_of(cand.slots, params) or 0) * per


def goes_on(history: Mark, cand: Candidate, text: str, language: str) -> bool:
    """Does `cand` go on with the history its year sets? Only opening the next sentence ("On
    Jan. 20, 2021, Biden was sworn in. In June, cases fell"); later in a sentence a year-less
    month is news of the DCT's year (TimeBank: "On May 22, 1995, he was made a general ...
    cited by police in December" told in April 1998 is December 1997)."""
    span = sentence_at(text, cand.start, language)
    if span is None or len(text[span[0] : cand.start].split()) > 1:
        return False
    before = sentence_at(text, span[0] - 2, language) if span[0] >= 2 else None
    return before is not None and before[0] <= history.end - 1 < before[1]


def across_dct(
    period: Period | None, tense: str, dct: DocumentDate | None, ahead: tuple[str, ...]
) -> bool:
    """Does `period` lie on the wrong side of the DCT for the clause's tense: a past clause (or
    a saying, tense "since") in a time still to come ("Ende 2027 ... hatte im März", "double by
    1995, the company said in March"), or a clause of a tense in `ahead` in a time that is over
    (a plan already past)?"""
    if period is None or dct is None:
        return False
    return (tense in LOOKS_BACK and period.earliest > dct.latest) or (
        tense in ahead and period.latest < dct.earliest
    )


def can_count_from(previous: Period, cand: Candidate) -> bool:
    """Can an anchored expression count from `previous`? Not days from a month, but a weekday
    from a week ("The following week ... By the following Monday": from that week's Monday),
    and a period of a granularity the pattern names to keep, though coarser (`keep_granularity`
    as a list)."""
    if cand.pattern.frame == "weekday" and previous.granularity == "week":
        return True
    keep = cand.pattern.params.get("keep_granularity")
    if isinstance(keep, list) and previous.granularity in keep:
        return True
    unit = anchored_unit(cand)
    if unit == "time" and previous.granularity == "day":
        # "Am 3. Februar brannte es. Zwei Stunden später ...": hours on from a day told are on
        # that day (or the next), not on the DCT's
        return True
    if unit not in GRANULARITIES or previous.granularity not in GRANULARITIES:
        return False
    if previous.granularity == "season" and unit in ("quarter", "half"):
        # a season straddles quarters: "helped by sales during a hot summer ... in the year-ago
        # period" compares with the quarter reported, not with June's (the summer's first day)
        return False
    return GRANULARITIES.index(previous.granularity) <= GRANULARITIES.index(unit)


def anchored_unit(cand: Candidate) -> str:
    """The granularity an anchored expression counts in ("two days later": day)."""
    frame, params = cand.pattern.frame, cand.pattern.params
    unit = cand.slots.get("unit") or params.get("unit")
    unit = unit or ("day" if frame in ("weekday", "time") else "year")
    _, unit = whole_units(count_of(cand.slots, params), unit)  # "ein halbes Jahr": months
    return "time" if unit in TIME_UNITS else "week" if unit == "weekend" else unit


# The unknown rest of a finer value inside a coarser period told before: how much of the told
# value stays, and what follows (a week is named by its year: "In March ... three weeks later"
# is 2000-WXX; only counted weeks: "the crash of October 1987 ... For the week" is the DCT's)
UNKNOWN_WITHIN = {
    ("month", "day"): (7, "-XX"),
    ("year", "month"): (4, "-XX"),
    ("year", "day"): (4, "-XX-XX"),
    ("year", "week"): (4, "-WXX"),
    ("month", "week"): (4, "-WXX"),
    # "Im Sommer 1968 ... Drei Monate später": some month of 1968, not one near the DCT
    ("season", "month"): (4, "-XX"),
    ("season", "day"): (4, "-XX-XX"),
    ("season", "week"): (4, "-WXX"),
    # "Zwei Wochen später ... Am Tag danach": a day of that week's year, not the DCT's next day
    ("week", "day"): (4, "-XX-XX"),
}


def somewhere_in(told: Period, cand: Candidate) -> Reading | None:
    """A relative date counted from a coarser date told before is somewhere in it ("In June,
    the court ruled, and she flew home two days later": 1998-06-XX, as AQUAINT writes "days
    after" a killing in October), not a date counted from the DCT. Its days are the told
    period moved by the count ("in early October ... A week earlier": Sep 24 - Oct 3)."""
    unit, params = anchored_unit(cand), cand.pattern.params
    rest = UNKNOWN_WITHIN.get((told.granularity, unit))
    if cand.pattern.frame != "relative" or params.get("type") or rest is None:
        return None
    n = whole_units(cand.slots.get("number"), cand.slots.get("unit") or params.get("unit", unit))[0]
    if unit == "week" and n is None and not params.get("anchor_named"):
        return None
    keep, unknown = rest
    # no count: the pattern's own step ("am Tag danach" is one day on)
    steps = round(n * int(params.get("sign", 1))) if n is not None else int(params.get("shift", 0))
    moved = (periods.shift(told.earliest, unit, steps), periods.shift(told.latest, unit, steps))
    # the value names the year or month the middle of those days lies in: the told one ("In
    # June ... two days later" is 1998-06-XX) or the one it moved into ("In 1960 ... A thousand
    # days later" is 1963-XX-XX)
    middle = moved[0] + (moved[1] - moved[0]) / 2
    value = middle.isoformat()[:keep] + unknown
    return Reading("DATE", value, unit, Period(told.value, told.granularity, *moved))


def weekday_in_history(cand: Candidate, told: Mark, dct: DocumentDate | None) -> bool:
    """Is a bare weekday opening the sentence after a day of a history (HISTORY_YEARS) a day
    of that day's week, not of the DCT's?"""
    params = cand.pattern.params
    return (
        cand.pattern.frame == "weekday"
        and not params.get("anchor")
        and shift_of(cand.slots, params) is None
        and told.period.granularity == "day"
        and long_past(told.period, dct)
    )


def weekday_of_day_told(cand: Candidate, previous: Mark | None, dct: DocumentDate | None) -> bool:
    """Is "an diesem Montag", "an jenem Freitag" (pattern parameter `that_day_told`) a day of
    the week of the last day told, one of a history (HISTORY_YEARS: "Am 9. Oktober 1989 ...
    Denn an diesem Montag entschied sich ..." is that day)? In news "an diesem Montag" is one of
    the DCT's week, as the tense faces."""
    return (
        bool(cand.pattern.params.get("that_day_told"))
        and previous is not None
        and previous.period.granularity in ("day", "time")
        and long_past(previous.period, dct)
    )


def span_from_told(
    params: dict, previous: Mark | None, tense: str, dct: DocumentDate | None
) -> bool:
    """Does a span that runs on from its reference ("the next three years") in a past clause
    run on from the date told before, in a history (HISTORY_YEARS)? Not from a recent date:
    "fired on Aug. 23 ... Analysts said the next two weeks would be critical" counts from the
    saying."""
    return (
        params.get("anchor") == "from_ref"
        and tense == "past"
        and previous is not None
        and long_past(previous.period, dct)
    )


RESTATING = re.compile(r"\s*,\s*(\w+\s+)?")  # a comma and at most a preposition between


def restated_day(cand: Candidate, reading: Reading, told: Mark, text: str) -> Reading | None:
    """A year-less day set off by a comma right after a date told that holds that month and day
    restates it ("The landing came four days later, on July 20" after a day of 1969): the day
    in the date's year, not the one the tense gives from the DCT (also where the date told is
    known only within a coarse DCT). None where it is no restatement."""
    period, span = reading.period, told.period
    if "year" in cand.slots or not {"month", "day"} <= cand.slots.keys() or period is None:
        return None  # a month and a day written, no year ("July 20"; not "Monday", "now")
    if reading.granularity != "day" or not RESTATING.fullmatch(text[told.end : cand.start]):
        return None
    a = period.earliest
    for year in sorted({span.earliest.year, span.latest.year}):
        try:
            day = date(year, a.month, a.day)
        except ValueError:
            continue
        if day != a and span.earliest <= day <= span.latest:
            return replace(
                reading, value=day.isoformat() + reading.value[10:], period=periods.day(day)
            )
    return None


ISO_WEEK = re.compile(r"\d{4}-W\d\d")
WEEK_TOLD_REACH = 160  # characters from a week told to a weekday in it (the next sentence)


def day_in_week_told(
    cand: Candidate, reading: Reading, told: Mark, tense: str, dct: DocumentDate | None
) -> Reading | None:
    """A bare weekday right after a week told that is not the DCT's is that week's day ("Die
    Buchtage finden kommende Woche statt. Zum Auftakt am Mittwoch liest ..." is next week's
    Wednesday, not the nearest one), if the tense looks that way: a week ahead in a clause not
    past, a week over in a past one. None where the weekday lies in that week already."""
    week = told.period
    if cand.pattern.frame != "weekday" or "weekday" not in cand.slots or dct is None:
        return None
    if "shift" in cand.slots or {"in_week", "anchor", "indefinite"} & cand.pattern.params.keys():
        return None
    if not ISO_WEEK.fullmatch(week.value) or reading.granularity != "day" or reading.period is None:
        return None  # a calendar week ("kommende Woche"), not seven days back ("the past week")
    if (week.latest - week.earliest).days != 6:
        return None  # a part of it ("ab Mitte nächster Woche ... ab Samstag": tomorrow's)
    if not 0 <= cand.start - told.end <= WEEK_TOLD_REACH:
        return None
    if (
        week.earliest <= dct.earliest <= week.latest
        or week.earliest <= reading.period.earliest <= week.latest
    ):
        return None
    ahead = week.earliest > dct.earliest
    if (tense in LOOKS_BACK) == ahead:  # a week ahead told in the present or future, one
        return None  # over in the past ("Vergangene Woche ... Am Freitag stimmt er ab": ahead)
    day = periods.shift(week.earliest, "day", int(cand.slots["weekday"]) - 1)
    return replace(reading, value=day.isoformat() + reading.value[10:], period=periods.day(day))


def moved_to(reading: Reading, day: date) -> Reading:
    """`reading` (a day, or a time or part of one) moved to start on `day`, its time of day and
    its length kept ("2024-03-04TMO" to the 1st: "2024-03-01TMO")."""
    assert reading.period is not None
    moved = day - reading.period.earliest
    period = replace(
        reading.period,
        value=day.isoformat() + reading.value[10:],
        earliest=reading.period.earliest + moved,
        latest=reading.period.latest + moved,
    )
    return replace(reading, value=period.value, period=period)


def told_is_no_anchor(
    params: dict, previous: Mark | None, tense: str, dct: DocumentDate | None
) -> bool:
    """Does an expression that counts from the date told before (`anchor` "previous") count
    from the DCT instead? So with `anchor_in_past` outside a past clause; with
    `anchor_max_age_days` after a date told longer ago; and with `anchor_told` ("a year ago"
    compares with a date already told) after the start of a span ("since 1981"), after a date
    ahead of the DCT or, in a past clause, one not over (a past clause tells nothing of it:
    "will take up the budget later this month. For the year, the economy grew" told on January
    2 is the year over), unless it is a fiscal quarter ended before the report, and in a clause
    ahead after a date over before the unit before the DCT's."""
    if params.get("anchor") != "previous" or previous is None:
        return False
    if params.get("anchor_in_past") and tense != "past":
        # "arrived in 1981. By the end of the decade it had tripled" counts from 1981, "By the
        # end of the decade, the budget will be balanced" from the DCT
        return True
    last = previous.period
    age = params.get("anchor_max_age_days")
    if age is not None and dct is not None and (dct.earliest - last.latest).days > age:
        # "ago" counts from now: after "the fourth quarter of 1988" told in 1990, "a year ago"
        # is not 1987's fourth quarter
        return True
    if not params.get("anchor_told"):
        return False
    unit = params.get("unit")
    if tense in TELLS_AHEAD and dct is not None and unit in CALENDAR_UNITS:
        # nor a clause ahead with a date over before the unit before the DCT's ("The index hit
        # a record on July 17. Markets will stay volatile for the rest of the week" told Aug.
        # 31: the DCT's week); the unit just over may still be ahead of its figures ("Revenues
        # in the first quarter fell, and lawmakers expect a shortfall for the year" told on
        # January 1: the year over)
        unit_before = periods.containing(periods.shift(dct.earliest, unit, -1), unit)
        if last.latest < unit_before.earliest:
            return True
    not_over = tense == "past" and dct is not None
    ahead = dct is not None and last.earliest > dct.latest
    ahead = ahead or (not_over and last.latest > dct.latest)
    # a fiscal quarter that ended before the report is over, whatever its name's calendar
    # period ("its fiscal third quarter, ended March 31" told in April: 1990-Q3)
    ended = previous.ended is not None and dct is not None and previous.ended <= dct.latest
    return previous.starts_span or (ahead and not ended)
