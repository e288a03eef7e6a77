"""Schedules: hours and parts of the week told right after a SET hold on every day of it
("täglich von 9 bis 18 Uhr", "täglich bis 21 Uhr, am Wochenende bis 22 Uhr"), and hours after
a list of days on each of them ("am 18. und 19. April um 20 Uhr").

Apart from dates.py because a schedule is a thread of its own through the text, beside the
dates that later expressions count from: where the last one ended, whether it recurs, and what
an expression that joins it becomes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from timeline.candidates import word_in_sentence
from timeline.clauses import sentence_at
from timeline.grammar import Candidate
from timeline.resolve import RESOLVERS
from timeline.situation import Reading, Situation
from timeline.weekdays_and_times import AFTERNOON_HOURS

SCHEDULE_REACH = 20  # characters between a SET and a day that joins its schedule
# ... and between a SET and the hours of its schedule, which may follow the verb ("jeden Samstag
# gibt es ein Konzert um 17 Uhr")
DATELESS_REACH = 40


@dataclass(frozen=True)
class Schedule:
    """The schedule later expressions may join: where the last SET ("täglich", "wochentags")
    or the hours on a list of days ended, and whether it recurs weekly ("täglich", "Montag bis
    Freitag") rather than being hours on a list of days ("am 18. und 19. April")."""

    end: int | None = None
    recurring: bool = False
    hours: bool = False  # its hours are told ("täglich von 10 bis 19 Uhr")
    part: str = ""  # the part of the day its SET names ("every evening": EV)


def joins_schedule(cand: Candidate, text: str, language: str, schedule: Schedule) -> bool:
    """Is `cand` within reach of the schedule told before it, in the same sentence?"""
    reach = DATELESS_REACH if cand.pattern.params.get("dateless") else SCHEDULE_REACH
    return (
        schedule.end is not None
        and 0 <= cand.start - schedule.end <= reach
        and sentence_at(text, schedule.end - 1, language) == sentence_at(text, cand.start, language)
    )


def told_for_each(cand: Candidate, text: str, words: tuple[str, ...]) -> bool:
    """Is `cand` a clock time told for each of several days, after a word of `words` and perhaps
    a preposition ("jeweils um 20 Uhr", "jeweils von 8.30 bis 12.30 Uhr")? Then it holds on no
    one day, as the hours of a schedule."""
    if not cand.pattern.params.get("dateless"):
        return False
    before = text[max(0, cand.start - 20) : cand.start].split()[-2:]
    return any(word.lower() in words for word in before)


def tells_habit(cand: Candidate, text: str, language: str, tense: str) -> bool:
    """Does `cand` open a weekly schedule with no SET before it? A range of weekdays told in the
    present beside a word of habit ("Das Museum ist Montag bis Freitag geöffnet", "Office hours
    are Monday to Friday") holds every week; told ahead or in the past it is one week's
    ("Polling stations will be open Monday through Friday")."""
    words = cand.pattern.params.get("habit_word_of")
    one_week = cand.pattern.params.get("one_week_word_of")  # "in dieser Woche nur von Montag bis
    return (  # Mittwoch geöffnet": that week's days
        words is not None
        and tense == "present"
        and word_in_sentence(text, cand.start, words, language)
        and not (one_week and word_in_sentence(text, cand.start, one_week, language))
    )


def schedule_after(
    cand: Candidate, reading: Reading, joins: bool, schedule: Schedule, exception: bool = False
) -> Schedule:
    """The schedule the expressions after `cand` may join; `exception`: `cand` is a day named
    as one of its own, after a word of the lexicon's `schedule_exception_words` ("am")."""
    params = cand.pattern.params
    if reading.type == "SET" or (joins and params.get("dateless")):
        # "... und von 15 bis 18 Uhr": the same schedule
        hours = schedule.hours or bool(joins and params.get("dateless"))
        part = re.search(r"T(MO|AF|EV|NI)$", reading.value) if reading.type == "SET" else None
        part_told = part.group(1) if part else schedule.part
        return Schedule(cand.end, schedule.recurring or reading.type == "SET", hours, part_told)
    if params.get("opens_schedule"):  # "25. und 26. August von 10-18 Uhr": hours on each of
        return Schedule(cand.outer_end, "weekday" in cand.slots)  # several days (the list's end)
    ended = schedule.end is not None and cand.start >= schedule.end
    if reading.period and (not schedule.recurring or schedule.hours and exception) and ended:
        # a day after hours on a list of days ends them ("..., am Sonntag um 17 Uhr": that
        # Sunday's), and so does a day named after a SET's hours ("täglich von 10 bis 19 Uhr,
        # am 24. Dezember nur bis 14 Uhr": that day's); a SET's bounds do not ("täglich ab 1.
        # Juni von 9 bis 18 Uhr", "jeden Samstag von 9 bis 12 Uhr, ab 1. Juni auch ...")
        return Schedule(None, schedule.recurring)
    return schedule


def hours_before(cand: Candidate, following: list[Candidate], text: str, language: str) -> bool:
    """Is `cand` a clock time told right before a SET, in its sentence, perhaps through more
    clock times ("opens at 10 a.m. on Saturdays", "Open 9am–5pm daily", "um 19 Uhr jeden
    Dienstag")? Then it gives the schedule's hours, on no day of its own, as hours told after a
    SET do."""
    if not cand.pattern.params.get("dateless"):
        return False
    sentence = sentence_at(text, cand.start, language)
    before = cand
    for after in following:
        if (
            after.start - before.end > SCHEDULE_REACH
            or sentence_at(text, after.start, language) != sentence
        ):
            return False
        if after.pattern.frame == "set":
            return True
        if not after.pattern.params.get("dateless"):
            return False
        before = after
    return False


def scheduled(cand: Candidate, reading: Reading, tense: str, schedule: Schedule) -> Reading:
    """An expression right after a SET, in its sentence, is part of that schedule: hours hold
    on every day of it ("täglich von 9 bis 18 Uhr": "T09:00", the day left out), and a part of
    the week is every such part ("täglich bis 21 Uhr, am Wochenende bis 22 Uhr"), unless a past
    clause tells of one ("kontrolliert täglich, am Wochenende wurden ...") or the schedule is
    hours on a list of days, not a SET ("am 18., 19. und 20. April um 20 Uhr, am Sonntag um
    17 Uhr": that Sunday). An hour of a 12-hour clock after an evening's SET is an evening hour
    ("every evening at eight o'clock": T20:00)."""
    params = cand.pattern.params
    if params.get("dateless"):
        if reading.type != "TIME":
            return reading
        if "T" not in reading.value:  # a coarse DCT names no day: the hours read on none
            reading = RESOLVERS[cand.pattern.frame](cand.slots, params, Situation(None))
        if "T" not in reading.value:
            return reading
        clock = reading.value.split("T", 1)[1]
        hour = int(clock[:2]) if clock[:2].isdigit() else None
        if params.get("twelve_hour") and hour in AFTERNOON_HOURS.get(schedule.part, ()):
            clock = f"{hour + 12:02d}{clock[2:]}"
        return replace(reading, value="T" + clock, period=None)
    if "in_schedule" in params and tense != "past" and schedule.recurring:
        schedule = {"value": params["in_schedule"]}
        return RESOLVERS["set"](cand.slots, schedule, Situation(None))
    return reading
