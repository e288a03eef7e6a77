"""Weekdays and clock times: "am Freitag", "um 20 Uhr", "am Abend"; the weekend a text means,
found like a weekday; the day a clock time or part of the day falls on (a weekday, a date or
holiday told with it, the date told before, or the reference day).

Apart from the calendar dates because the day of a time is found through them (resolve_date,
resolve_holiday): this module builds on calendar_dates.py, never the other way round.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import cache

from timeline import periods
from timeline.calendar_dates import daypart_of, part_of, resolve_date, resolve_holiday
from timeline.durations import count_of
from timeline.grammar import Lexicon
from timeline.model import TimeExpression
from timeline.occurrence import month_of, shift_of, weekday_near
from timeline.periods import Period
from timeline.situation import LEANS_AHEAD, LOOKS_BACK, Reading, Situation, Unresolvable

SMALL_HOURS_END = 6  # hours before this, told after an evening, are past midnight
NOON = 12
EVENING = 18  # the first hour of an evening: before it, an hour after a night is the next day's
# The hours of a 12-hour clock that are after noon when told right after a part of the day: an
# afternoon's 1 to 6 ("yesterday afternoon ... hit the cable at about three-fifteen"), an
# evening's 5 to 11, a night's 7 to 11 ("last night. The first twister touched down at about
# eleven-thirty"); earlier ones after a night may be the morning after ("worked through the
# night. At six the first survivor was found")
AFTERNOON_HOURS = {"AF": range(1, 7), "EV": range(5, 12), "NI": range(7, 12)}
MIDWEEK = 3  # Wednesday: the last weekday on which a past "this weekend" is the one over


def resolve_weekday(slots: dict, params: dict, s: Situation) -> Reading:
    wd = int(slots["weekday"])
    if s.today is None or params.get("indefinite"):  # "fell on a Thursday": which one is open
        if params.get("containing") == "week":  # "the week ended Friday": some week
            return Reading("DATE", "XXXX-WXX", "week", None)
        return Reading("DATE", f"XXXX-WXX-{wd}", "day", None)
    if params.get("listed"):
        # "Tuesday, Wednesday and Thursday", "by Sunday or Monday", "made Friday and Thursday":
        # the weekday nearest the one listed before it, as the tense cannot part them (a list
        # told in the future on a Wednesday: "Tuesday and Wednesday" is not today's Wednesday)
        d = s.today + timedelta(days=(wd - s.today.isoweekday() + 3) % 7 - 3)
        return Reading("DATE", d.isoformat(), "day", periods.day(d), part_of(slots, params))
    if params.get("in_week"):  # "Dienstag vergangener Woche": that weekday of the shifted week
        monday = periods.week(periods.shift(s.today, "week", shift_of(slots, params) or 0)).earliest
        d, uses = monday + timedelta(days=wd - 1), False
    elif "start" in slots or "end_weekday" in slots:  # "von Montag bis Freitag"
        d, uses = _weekday_in_span(wd, slots, params, s)
    elif shift_of(slots, params) == 0 and s.tense != "unknown" and "anchor" not in params:
        # "this Friday" is the one the tense faces, not always the ISO week's: "The vote is
        # this Friday" told on a Saturday is the coming one, "closed this Friday" told on a
        # Wednesday the one over ("that Friday" after a date stays in that date's week)
        if s.tense in LOOKS_BACK:
            d = s.today - timedelta(days=(s.today.isoweekday() - wd) % 7)
        else:
            d = s.today + timedelta(days=(wd - s.today.isoweekday()) % 7)
        uses = True
    else:
        today_too = params.get("past_includes_today", s.conventions.same_day)
        tonight = params.get("future_includes_today", False)
        d, uses = weekday_near(s.today, wd, s, shift_of(slots, params), today_too, tonight)
        if shift_of(slots, params) is None and s.tense in LEANS_AHEAD:
            d = _later_in_coming_week(d, wd, s)
    if "sign" in params:  # "a week ago Friday", "a week from Monday", "10 years ago Tuesday";
        # British "Tuesday week" counts one, "a fortnight on Friday" its pattern's n
        count = int(count_of(slots, params))
        d = periods.shift(d, params["unit"], int(params["sign"]) * count)
    if "containing" in params:  # "the week <ended Friday>": the week of that day
        p = periods.containing(d, params["containing"])
        return Reading("DATE", p.value, p.granularity, p, None, uses)
    return Reading("DATE", d.isoformat(), "day", periods.day(d), part_of(slots, params), uses)


def _weekday_in_span(wd: int, slots: dict, params: dict, s: Situation) -> tuple[date, bool]:
    """The day of weekday `wd` at one end of a span of weekdays ("from Monday to Wednesday"),
    and whether the tense decided it. The end's pattern names the start (`start`), the start's
    the end (`end_weekday`). In a past clause the span is over: its end is the last such day
    (the reference's own where the language's past includes it) and the start the one before;
    with `running_in_present` a span told in the present that the reference falls in is the one
    running; otherwise the start is read by the tense (the reference's own day where
    `future_includes_today`) and the end is the first such day after it."""
    assert s.today is not None
    start, end = int(slots.get("start", wd)), int(slots.get("end_weekday", wd))
    days = timedelta(days=(end - start) % 7 or 7)
    today_too = params.get("past_includes_today", s.conventions.same_day)
    running = s.today - timedelta(days=(s.today.isoweekday() - start) % 7)
    if s.tense == "past":
        last, uses = weekday_near(s.today, end, s, None, today_too)
        first = last - days
    elif s.tense == "present" and params.get("running_in_present") and s.today <= running + days:
        # a span told in the present that the report falls in is the one running ("The
        # convention runs from Monday to Thursday" told on a Tuesday: this week's)
        first, last, uses = running, running + days, True
    else:
        tonight = params.get("future_includes_today", False)
        first, uses = weekday_near(s.today, start, s, None, today_too, tonight)
        last = first + days
    return (last if "start" in slots else first), uses


def _later_in_coming_week(d: date, wd: int, s: Situation) -> date:
    """A weekend day told after a Thursday, Friday or Saturday of the coming week (up to a week
    ahead) is the one of that weekend, not the nearest to the reference: a programme told on a
    Saturday ("Los geht es am Freitag, 28. Juni ... Am Samstag ...", "am Samstag, 7. September
    ... am Sonntag" told on 31 August) goes on on the next day, not the DCT's own weekend.
    Other weekdays keep the nearest ("Am Montag und Dienstag wird gestreikt. Von Donnerstag bis
    Samstag ..." told on a Wednesday: tomorrow), and a day further ahead is no such programme
    ("Die WM beginnt am 12. Juni. Am Sonntag trifft sich das Team" in May is the coming one)."""
    p = s.previous
    if p is None or s.today is None or p.granularity not in ("day", "time"):
        return d
    if not 0 < (p.earliest - s.today).days <= 7 or d >= p.earliest:
        return d  # a week ahead counts: "Samstag, 7. September ... am Sonntag" told on the 31st
    if wd >= 6 and 4 <= p.earliest.isoweekday() < wd:
        return p.earliest + timedelta(days=wd - p.earliest.isoweekday())
    return d


def weekend_meant(anchor: date, steps: int | None, params: dict, s: Situation) -> Period:
    """The weekend meant, found like a weekday (its Saturday): by the direction the text gives
    (`steps`), else by the tense."""
    current = params.get("current_unless_past")  # "this weekend": this week's ...
    direction = (1 if steps > 0 else -1) if steps else steps  # more steps: counted below
    today_too = params.get("past_includes_today", False)  # "nach dem heißen Wochenende" on Sunday
    saturday, _ = weekday_near(anchor, 6, s, direction if steps or current else None, today_too)
    if params.get("in_week"):  # "That weekend": the one of the week of the date told
        saturday = anchor + timedelta(days=6 - anchor.isoweekday())
    elif s.tense == "future" and not steps and anchor.isoweekday() == 6:
        saturday = anchor  # "Rain is expected over the weekend" told on a Saturday: this one
    elif s.tense == "present" and not steps and anchor.isoweekday() == 7:
        # "Polls taken over the weekend show ..." told on a Sunday: the one still going on
        saturday = anchor - timedelta(days=1)
    elif current and s.tense == "past" and saturday > anchor and anchor.isoweekday() <= MIDWEEK:
        # ... but told in the past early in the week, the one over; from Thursday on that one
        # is "last weekend" and this one is ahead ("massed for an attack as early as this
        # weekend" on a Friday)
        saturday -= timedelta(days=7)
    if steps and steps < 0 and saturday == anchor - timedelta(days=1):  # "last weekend" on a
        saturday -= timedelta(days=7)  # Sunday is the one before the weekend still going on
    if steps and abs(steps) > 1:  # "the weekend before last", "the weekend after next"
        saturday += timedelta(weeks=steps - (1 if steps > 0 else -1))
    return periods.weekend(saturday)


def _morning_start(hour: int, end_hour: int | None) -> bool:
    """Is the start of a span of hours whose end is p.m. ("10-1pm", "11–12pm") before noon:
    after noon it would come after its end."""
    if end_hour is None:
        return False
    end = int(end_hour) + 12 if int(end_hour) < 12 else int(end_hour)
    return hour + 12 > end


def resolve_time(slots: dict, params: dict, s: Situation) -> Reading:
    hour = slots.get("hour", params.get("hour"))
    minute = slots.get("minute", params.get("minute", 0))
    if hour is not None and int(hour) > 24:
        raise Unresolvable("no such hour")
    code = daypart_of(slots, params)
    if (
        hour is not None
        and int(hour) < 12
        and (
            params.get("pm")
            or code in ("AF", "EV")
            or (code == "NI" and int(hour) >= 6)
            or (code is None and params.get("twelve_hour") and _after_noon(int(hour), s))
        )
        and not _morning_start(int(hour), slots.get("end_hour"))
    ):
        hour = int(hour) + 12  # "8 Uhr abends", "2 p.m."
    if hour is not None and int(hour) == 12 and params.get("am"):
        hour = 0  # "12:01 a.m." is just after midnight
    d, uses, xvalue = _day_of(slots, params, s, None if hour is None else int(hour))
    # a time told before sets the evening of its day; a morning told before comes after a night
    # ("this morning ... lost their seats overnight": the night before it), not after a midnight
    # ("began at 5 a.m. EST, when the clocks struck midnight in Kiribati")
    after_clock = s.previous is not None and s.previous.granularity == "time"
    after_clock = after_clock and not (hour is None and _is_morning(s.previous))
    # a midnight a span runs to ("until midnight") ends the day told before it (`ends_day_told`)
    ends_told = bool(params.get("ends_day_told")) and s.previous is not None
    ends_told = ends_told and s.previous.granularity == "day" and d == s.previous.earliest
    # a night after the end of a day told ("late Thursday ... overnight"): the night after it
    after_late = hour is None and s.previous is not None and s.previous_mod == "END"
    if (
        d is not None
        and s.tense == "past"
        and "past_day_shift" in params
        and not after_clock
        and not ends_told
        and not after_late
    ):
        # a night told in the past began the evening before ("shelled the town overnight"),
        # unless a time told before sets its evening ("at 5 p.m. ... shortly before midnight"),
        # or the end of the day told before leads into it ("opened its borders late Thursday,
        # and thousands crossed overnight": Thursday's night; "quit Thursday after police
        # questioned riders overnight" is the night before); a midnight after a day begins it
        # unless a span runs to it (`ends_day_told`)
        d, uses = d + timedelta(days=int(params["past_day_shift"])), True
    if d is not None and d == s.today and s.tense == "past" and hour == 24 and "weekday" in slots:
        # the reference's own weekday told in the past ("broke out shortly after midnight
        # Saturday" in a Saturday story): its end is still ahead, so the midnight that began it
        d -= timedelta(days=1)
    if d is not None and hour == 24 and params.get("after_midnight"):
        # "kurz nach Mitternacht": the midnight found, told as the start of the day after it
        d, hour = d + timedelta(days=1), 0
    # told to the second ("10:32:15 GMT", "2024-03-12T14:05:00Z"): the seconds in the value
    second = None if slots.get("second") is None else int(slots["second"])
    seconds = "" if second is None else f":{second:02d}"
    tail = f"T{code}" if hour is None else f"T{int(hour):02d}:{int(minute):02d}{seconds}"
    mod = slots.get("mod")  # "around 7:15 p.m." APPROX
    if d is None:
        return Reading("TIME", (xvalue or "XXXX-XX-XX") + tail, "time", None, mod)
    if hour is None:
        p = periods.part_of_day(d, code)
    else:
        p = periods.time_of_day(d, int(hour), int(minute), second)
    return Reading("TIME", p.value, "time", p, mod, uses)


def _is_morning(period: Period) -> bool:
    """Is a time told a morning ("this morning", "4 a.m."): one that comes after a night."""
    clock = clock_of(period)
    return period.value.endswith("TMO") if clock is None else clock.hour < 12


def _after_noon(hour: int, s: Situation) -> bool:
    """Is an hour of a 12-hour clock told right after a part of the day (or a clock time: from
    noon an afternoon's, from 18:00 an evening's) one of that part's afternoon or evening hours
    (AFTERNOON_HOURS)? "at about noon ... and at one-ten it went dark" is 13:10."""
    if s.previous is None or s.previous.granularity != "time":
        return False
    return hour in AFTERNOON_HOURS.get(_part_of(s.previous), ())


def _part_of(period: Period) -> str:
    """The part of the day a time told is in: a clock time's by its hour, else its own."""
    clock = clock_of(period)
    if clock is None:
        return period.value[-2:]
    return "EV" if clock.hour >= EVENING else "AF" if clock.hour >= NOON else ""


def _day_of(
    slots: dict, params: dict, s: Situation, hour: int | None = None
) -> tuple[date | None, bool, str]:
    """The day a time or part of day belongs to, whether the tense chose it, and the value to
    write when there is no day ("XXXX-WXX-7"; "" for the default): a weekday, a relative day, a
    holiday, a date written with it, the previous date told (the day for `hour`: see
    _day_for_hour; the next one for a span's end past midnight), else the DCT."""
    explicit = slots.get("shift_day", params.get("shift_day"))
    if "weekday" in slots:
        if s.today is None or params.get("indefinite"):  # "on a Sunday afternoon": some Sunday
            return None, False, f"XXXX-WXX-{slots['weekday']}"
        today_too = params.get("past_includes_today", s.conventions.same_day)
        tonight = params.get("future_includes_today", False)
        d, uses = weekday_near(
            s.today, int(slots["weekday"]), s, params.get("shift"), today_too, tonight
        )
        return d, uses, ""
    if explicit is not None:
        shift = int(explicit)
        clock = clock_of(s.previous) if params.get("anchor") == "previous" else None
        if shift == 1 and clock is not None and clock.hour < SMALL_HOURS_END:
            shift = 0  # "gegen 1 Uhr ... Am nächsten Morgen": the morning after that night
        return (s.today + timedelta(days=shift) if s.today else None), False, "XXXX-XX-XX"
    if "holiday" in slots:  # "at midnight on Christmas Eve"
        r = resolve_holiday(slots, params, s)
        return (r.period.earliest if r.period else None), r.uses_tense, r.value
    if "day" in slots and month_of(slots):
        r = resolve_date(slots, params, s)
        return (r.period.earliest if r.period else None), r.uses_tense, r.value
    if s.previous is not None and s.previous.granularity in ("day", "time"):
        part = daypart_of(slots, params)
        d = _day_for_hour(
            s.previous,
            hour,
            s.tense,
            part,
            s.today,
            s.previous_mod == "END",
            s.conventions.night_holds_small_hours,
        )
        clock = clock_of(s.previous)
        if params.get("span_end") and clock and hour is not None and hour < clock.hour:
            # the end of a span of hours before its start is on the next day ("from 10 p.m.
            # to 6 a.m.": 06:00 tomorrow; the small-hours rule alone stops at 6)
            d = clock.date() + timedelta(days=1)
        elif (
            params.get("span_end")
            and clock is None
            and s.previous.value.endswith("TEV")
            and hour is not None
            and hour < NOON
        ):
            # a morning hour ending a span opened in an evening ("vom Silvesterabend bis 6 Uhr
            # früh", "zwischen 20 Uhr am Silvesterabend und 6 Uhr früh") is the next morning
            d = s.previous.earliest + timedelta(days=1)
        elif (
            params.get("span_end")
            and s.previous.granularity == "day"
            and hour is not None
            and hour < SMALL_HOURS_END
        ):
            # ... and a small hour ending a span after a day told with no clock time, in the
            # night after it ("On New Year's Eve, it ran extra trains until 3 a.m.": 1 January)
            d = s.previous.earliest + timedelta(days=1)
        if params.get("morning_after_told") and hour is None and d < s.today:
            # "celebrated Sunday ... went on until dawn": the dawn after that day's night; after
            # a night told, _day_for_hour has moved to its morning ("came back that night and
            # the fires burned until dawn")
            d += timedelta(days=1) if s.previous.granularity == "day" else timedelta()
        return d, False, ""
    return s.today, False, "XXXX-XX-XX"


def _day_for_hour(
    previous: Period,
    hour: int | None,
    tense: str,
    part: str | None = None,
    today: date | None = None,
    day_ended: bool = False,
    night_holds: bool = True,
) -> date:
    """The day of an hour told after `previous`: a night over two days holds the evening on the
    first and the rest on the second ("in der Nacht auf Sonntag gegen 23 Uhr" is Saturday's);
    the small hours after an evening or the end of a day told (`day_ended`: "began pumping late
    Tuesday, and by 3 a.m.") are on the next day ("am Samstagabend um 21 Uhr ... bis 1
    Uhr nachts": Sunday 01:00); an hour told in the past after a midnight (24:00) is on the next
    day ("talks went past midnight. At 9 a.m. the leaders emerged"), but in a programme only the
    small hours are: the others belong to the evening that midnight closes ("Das Fest dauert bis
    24 Uhr. Um 20 Uhr spielt die Musikkapelle"); so does a part of the day `part` but the night
    that midnight is in ("kurz nach Mitternacht. Bis zum Abend wurden 6000 gezählt" is the
    evening after, "ran past their midnight deadline and went on through the night" that
    night). Where a night does not hold its small hours (`night_holds`, the language's
    convention), they are the next day's, as after an evening ("Saturday night ... ended at 1:30
    a.m.": Sunday's)."""
    told = part not in (None, "NI") if hour is None else hour < 24
    if previous.value.endswith("T24:00") and told:
        if tense in LOOKS_BACK or (hour is not None and hour < SMALL_HOURS_END):
            return previous.earliest + timedelta(days=1)
        return previous.earliest
    if previous.earliest < previous.latest:
        # ... but an afternoon hour after a night is the day the night ends on ("in der Nacht
        # auf Sonntag ... um 14.30 Uhr": Sunday's), an evening hour the day it begins on
        evening = hour is not None and hour >= (EVENING if previous.value.endswith("TNI") else NOON)
        return previous.earliest if evening else previous.latest
    if previous.value.endswith("TNI") and hour is not None and tense in LOOKS_BACK:
        # a morning told in the past after a night is the morning after ("talks went on
        # through the night. At 9 a.m. the leaders emerged"); its small hours stay with the
        # night's day where the night holds them, as KRAUTS dates "in der Nacht des 14. August
        # gegen 3 Uhr"; elsewhere the next day's, if that is not past the report ("in orbit
        # tonight ... carried it into space at 1:40 a.m." is this morning's)
        small = hour < SMALL_HOURS_END and not night_holds
        small = small and (today is None or previous.earliest < today)
        after = SMALL_HOURS_END <= hour < NOON or small
        return previous.earliest + timedelta(days=int(after))
    clock = clock_of(previous)
    evening = previous.value.endswith("TEV") or (clock is not None and clock.hour >= EVENING)
    evening = evening or (day_ended and previous.granularity == "day")
    evening = evening or (previous.value.endswith("TNI") and not night_holds)
    # a morning told in the past after an evening or a night is the morning after ("Am
    # Samstagabend brach ein Feuer aus. Gelöscht war es erst am Morgen"), not one after the
    # report (`today`: "heute Abend ... Merkel hatte am Vormittag gesprochen")
    after = previous.earliest + timedelta(days=1)
    late = evening or previous.value.endswith("TNI")
    not_ahead = today is None or after <= today
    if part == "MO" and hour is None and tense in LOOKS_BACK and late and not_ahead:
        return after
    # ... and told as ahead after an evening clock time of the report's day, the morning after:
    # that day's is over ("23.47 Uhr: Das Endergebnis kommt erst in den frühen Morgenstunden")
    ahead = tense in ("future", "present") and clock is not None and clock.hour >= EVENING
    if part == "MO" and hour is None and ahead and previous.earliest == today:
        return after
    after_midnight = hour is not None and hour < SMALL_HOURS_END and evening
    # ... not past the reference in a past clause ("called the state at 7:50 p.m. At 2:16 a.m.,
    # they declared Bush the winner" after an evening read on the DCT's day: that day's 2:16)
    after_midnight = after_midnight and not (tense in LOOKS_BACK and not not_ahead)
    return previous.earliest + timedelta(days=int(after_midnight))


def clock_of(period: Period | None) -> datetime | None:
    """The moment of a clock time ("2021-03-03T14:00"), None for anything else."""
    if period is None or period.granularity != "time":
        return None
    for form in ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(period.value, form)
        except ValueError:  # a part of the day ("T14:00" of a 24:00, "TEV")
            continue
    return None


# a day's value, also with no report to place it ("XXXX-12-31", "XXXX-WXX-5"), and a clock's
# day with none at all
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-(?:\d{2}-\d{2}|WXX-\d)")
_NO_DAY = "XXXX-XX-XX"


@cache
def _joining(lexicon: Lexicon) -> re.Pattern | None:
    """The words between a clock time and the day written after it (`clock_day_joiners`: "on",
    "local time on", "{zone_city} time on"): a regex of the whole gap, a `{category}` any word
    of that lexicon category; as written, lower case ("by 11 a.m. On Friday, ..." opens the next
    sentence). None for a language without joiners."""
    joiners = lexicon.settings.get("clock_day_joiners", [])
    if not joiners:
        return None
    words = re.compile(r"\{(\w+)\}|\S+")

    def regex(joiner: str) -> str:
        return r"\s+".join(
            f"(?:{lexicon.slot_regex(m.group(1))})" if m.group(1) else re.escape(m.group())
            for m in words.finditer(joiner)
        )

    return re.compile(r"\s+(?:" + "|".join(map(regex, joiners)) + r")\s+")


def clock_on_day_after(
    found: list[TimeExpression], text: str, lexicon: Lexicon, today: date | None
) -> list[TimeExpression]:
    """A clock time or part of a day right before a joining word (`clock_day_joiners`: "on",
    "local time on", "Kuwait time on") and a day written is on that day ("at noon on 14 June
    1935", "at dawn on 22 June 1941", "at 8 a.m. Kuwait time on 28 February"): the date after
    it names its day, not the day told before it (was "noon" on the Christmas told two
    sentences earlier); "midnight on 14 June" is the one that ends that day (T24:00), as
    "midnight June 14" (was the past midnight before the day told before)."""
    between = _joining(lexicon)
    if between is None:
        return found
    out = list(found)
    for i, (clock, day) in enumerate(zip(found, found[1:], strict=False)):
        if clock.type != "TIME" or day.type != "DATE" or day.granularity != "day":
            continue
        if not _DAY_VALUE.fullmatch(day.value) or not between.fullmatch(
            text[clock.end : day.start]
        ):
            continue
        own, sep, tail = clock.value.partition("T")
        if not sep or not (_DAY_VALUE.fullmatch(own) or own == _NO_DAY) or own == day.value:
            continue
        # ... but the midnight that begins the report's day, as a past clause reads it, stays
        # ("The contract expired at midnight on Saturday" told that Saturday: its end is ahead)
        begins = clock.earliest is not None and clock.earliest + timedelta(days=1) == today
        if tail.startswith("24") and today is not None and day.earliest == today and begins:
            continue
        out[i] = replace(
            clock,
            value=f"{day.value}T{tail}",
            earliest=day.earliest,
            latest=day.latest,
            explanation=f"{clock.explanation}; on {day.text!r} after it",
        )
    return out
