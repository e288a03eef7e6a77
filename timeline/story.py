"""The story a text has told so far, as find_dates walks its dates (Story), and what it offers
the next date before it is read: the written year that sets the narrative it is read in
(setting_for) and the earlier date its count starts from (counted_from). What each date read
leaves for the ones after it is in remember.py, the scene of a reportage in scene.py, the year a
history's year-less date moves into in history_years.py; the reading of a date against all
these is in date_reading.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from timeline.anchors import HistoryScope, Mark, anchored_unit, can_count_from, goes_on
from timeline.clauses import sentence_at
from timeline.fiscal_quarters import FiscalQuarters
from timeline.grammar import Candidate
from timeline.model import DocumentDate
from timeline.occurrence import month_of
from timeline.schedules import Schedule
from timeline.sentence_position import same_sentence
from timeline.situation import Reading
from timeline.tense import clause_tense

RECENT_DAYS = 7  # a day told this many days before the DCT is one of the report's days


@dataclass
class Story:
    """What find_dates has read so far that the expressions after it count from. It changes
    with every expression read (so it is not frozen): in find_dates, close and remember only."""

    previous: Mark | None = None  # the last date known for sure
    written: Mark | None = None  # the last date with its year written out (as the whole year)
    schedule: Schedule = Schedule()  # the schedule later hours may join (schedules.py)
    stamp: Mark | None = None  # the last time stamp of a live blog (timestamp)
    dated: Mark | None = None  # the last date read, a context or not (report_before)
    day: Mark | None = None  # the last day told (a history counts days on from it)
    label: Mark | None = None  # the last label's year ("Bilanz für 2012"): no setting
    stayed: Mark | None = None  # the last day counted back that keeps the anchor ("Vorabend")
    # the days written with their year so far, by (month, day): a history told again from its
    # start names them without it ("began on 8 September 1941 ... a raid on 8 September")
    days_written: dict[tuple[int, int], Mark | None] = field(default_factory=dict)
    # the last day told by each weekday (0 Monday) within a week of the report: an event named by
    # that weekday later ("Thursday's sale", told_ahead_again) is on it if it lies ahead
    weekdays_told: dict[int, Mark] = field(default_factory=dict)
    # the first day a history tells (its opening: "on the night of 5 to 6 May" 1860), which the
    # story comes back to after a look back at earlier years (history_years.back_to_opening)
    opening: Mark | None = None
    # the first day of the scene a reportage sets days before its report (scene.scene_after), which
    # the bare weekdays after it fall in (scene.day_in_scene) until a day outside it is told
    scene: Mark | None = None
    # the scene was set in the historic present ("Es ist Montag, der 8. Oktober"): a weekday told
    # in the present is one of its days; after a past one ("Am Sonntag, dem 12. Mai, wählte ...")
    # a weekday in the present is news of the coming days ("Am Dienstag tritt der Rat zusammen")
    scene_in_present: bool = False
    # the fiscal quarters a quarter told with the day it ended names ("the fiscal first quarter
    # ended Nov. 30"): the quarters counted after it are theirs (fiscal_quarters.py)
    fiscal: FiscalQuarters | None = None

    def scene_day(self) -> Mark | None:
        """The day a scene has got to: the last day told in it, or its first."""
        scene, day = self.scene, self.day
        if scene is None:
            return None
        if day is not None and scene.period.earliest <= day.period.earliest:
            return day
        return scene

    def close(self, position: int) -> None:
        """Leave what is over at `position`: a quotation (its speaker's dates with it) and a
        history's relative clause (its year with it)."""
        while self.previous and self.previous.until is not None and position >= self.previous.until:
            self.previous = self.previous.outer
        written = self.written
        while written and written.outer and written.until is not None and position >= written.until:
            written = written.outer
        self.written = written


@dataclass(frozen=True)
class ReadDate:
    """A date as find_dates read it: what the dates after it may count from."""

    cand: Candidate
    reading: Reading
    tid: str
    used: Mark | None  # the earlier date it counted from (None: the DCT)


def setting_for(
    cand: Candidate,
    story: Story,
    context: Mark | None,
    tense: str,
    text: str,
    language: str,
    scope: HistoryScope,
) -> Mark | None:
    """The written year `cand` is read in: `context`, the one within reach, or a history's
    that the sentence goes on with, none for a state that still holds in news, and a year of
    its own sentence for an expression that takes only such a one (`written_in_sentence`)."""
    written, label = story.written, story.label
    if written and written.history and (scope.whole or goes_on(written, cand, text, language)):
        context = written
    if (
        tense == "since"
        and not scope.whole
        and not _since_in_history(cand, context, text, language)
    ):
        # in news, a state that still holds began near the report, not in a year told
        # before ("who took over in early 2021, said demand had picked up since mid-July")
        context = None
    if context is not None and _month_named_again(cand, story.previous, context, text):
        # "beating Green Bay in January 1998 and Atlanta in January": another January
        context = None
    if cand.pattern.params.get("written_in_sentence"):
        opens = sentence_at(text, cand.start, language)[0]
        if context is not None and context.end < opens:
            # "Vorjahr" is the year before one told in its own sentence ("Im Jahr 2010 ...
            # mehr als im Vorjahr"); a year told sentences before leaves it the DCT's ("Der
            # Verein wurde 1985 gegründet. Er hat 300 Mitglieder, im Vorjahr waren es 280.")
            context = None
        if (
            label is not None
            and label.end >= opens
            and (context is None or context.end < label.end)
        ):
            # ... also a label's year, though it sets nothing else ("den Bericht für 2012
            # vor: 214 Einsätze, um 40 mehr als im Vorjahr" is 2011)
            context = label
    return context


def _since_in_history(cand: Candidate, context: Mark | None, text: str, language: str) -> bool:
    """Is a span's start ("seit September") told in the past of a history's narrative, a state
    that held then, not one that still holds ("Am 9. Oktober 1989 zogen 70.000 um den Ring. Die
    Friedensgebete waren seit September zum Ausgangspunkt von Demonstrationen geworden": 1989's
    September)? In the present it began near the report ("Seit September wird das Museum
    renoviert")."""
    if context is None or not (context.history and context.narrated):
        return False
    return clause_tense(text, cand.start, cand.end, language) == "past"


def _month_named_again(cand: Candidate, previous: Mark | None, context: Mark, text: str) -> bool:
    """Is `cand` a bare month (no digit in it) named right after that same month with its year
    written, which sets the year `context` ("in January 1998 and Atlanta in January")? Naming
    the month again tells another one: that year's would be "the same month"."""
    if previous is None or previous.tid != context.tid or not previous.has_year:
        return False
    if previous.period.granularity != "month" or previous.mod is not None:
        return False  # "in early January 1998 ... by late January" is that January
    if any(k in cand.slots for k in ("year", "day", "part")):
        return False
    if any(c.isdigit() for c in text[cand.start : cand.end]):
        return False
    return month_of(cand.slots) == previous.period.earliest.month


def counted_from(
    cand: Candidate,
    story: Story,
    text: str,
    language: str,
    dct: DocumentDate | None,
    tense: str,
    scope: HistoryScope,
    is_stamp: bool,
) -> tuple[Mark | None, Mark | None]:
    """The earlier date `cand` may count from (the last date known, or a day told before it
    where that one is a look back, an aside or a span's start) and the date it goes on from in
    the next sentence (anchors.goes_on)."""
    previous, day, stayed = story.previous, story.day, story.stayed
    told = previous if previous and goes_on(previous, cand, text, language) else None
    last = previous
    if (
        last
        and last.aside_end is not None
        and cand.start > last.aside_end
        and cand.pattern.frame == "time"
        and same_sentence(text, last.end, cand.start, language)
    ):
        # a day told in a relative clause set off by commas is that clause's own: a clock
        # time after it in its sentence is on the day told before ("began at 1 a.m. ...
        # Bush, who gave the order Sunday, said in an address at 7:20 a.m.": not Sunday's);
        # the next sentence may go on with it ("Flight 111, which crashed late Wednesday,
        # ... The pilots reported smoke at 10:14 p.m.")
        last = last.before_aside
    if _clock_after_saying(cand, last):
        # "crashed late Tuesday night, killing 79, officials said Wednesday. The jet was taking
        # off at 11:18 p.m.": a clock time after a saying's day is on the day the saying told
        last = last.before_span
    if (
        last
        and (last.starts_span or last.bound)
        and _recent_day(day, dct)
        and cand.pattern.frame == "time"
        and not same_sentence(text, last.end, cand.start, language)
    ):
        # "plunged Friday, the heaviest selling since October 1987. Most of it came after
        # 2 p.m.": a clock time is on the last day told, not in a span's start; in the start's
        # own sentence it is the start's ("streikt seit Mittwoch, 2 Uhr"); so after a bound
        # ("will speak on Friday. Restrictions will be lifted no earlier than 21 June. He will
        # take questions at 7pm": Friday's)
        last = day
    near = day and (scope.whole or same_sentence(text, day.end, cand.start, language, 1))
    if near and last and _counts_days_past(cand, last, day):
        # in a history, "The following day" after a look back at a year ("had begun in
        # early 1941") counts from the last day told, not somewhere in that year; in news
        # from a day told in its sentence or the one before ("next Tuesday and
        # second-quarter GNP the following week"; "fell at yesterday's auction, as investors
        # bet on a cut before the end of the year. The rate was 7.61%, down from 7.72% a
        # week earlier")
        last = day
    elif day and last and _past_after_plan(cand, last, day, dct, tense):
        # "The next round is set for September. ... Beijing suspended talks the next day": a
        # day told in the past counts from the last day told before the report, not on from a
        # month or year still ahead of it
        last = day
    if cand.pattern.frame == "time" and _no_frame_of_clock(last, day, dct, tense):
        last = day
    elif scope.whole and cand.pattern.frame == "time" and _coarse_before_clock(last, day, cand):
        # in a history, a clock time after a month or year told ("am 16. Dezember 1944 ...
        # hatte den Plan im September gefasst ... Um 5.30 Uhr eröffneten") is on the last day
        # told, not on the DCT's day
        last = day
    if (
        stayed is not None
        and cand.pattern.frame == "time"
        and "hour" in cand.slots.keys() | cand.pattern.params.keys()
        and (last is None or last.end < stayed.end)
        and same_sentence(text, stayed.end, cand.start, language)
    ):
        # "Am Vorabend wird um 19 Uhr der Rosenkranz gebetet": a clock time in the sentence
        # of a day counted back is on that day, though the story's anchor stays; a part of a
        # day counted is not ("died at 7.22 a.m. the next morning": from the day told)
        last = stayed
    if _night_after_clock_today(cand, last, dct, tense) and not same_sentence(
        text, last.end, cand.start, language
    ):
        # a clock told on the report's day sets the evening of a night after it in its own
        # sentence ("shelled the town at 6 p.m. and again overnight"), not one told in the past
        # sentences on: that night is not over, the one before is ("by midday thousands were
        # on the roads. A ship took foreigners off the beach overnight")
        last = None
    if is_stamp:
        # "9:30 a.m.: Schools will be closed today and Tuesday. 11:15 a.m.: ...": a live
        # blog's time stamp is on the day of the one before it, not on a day told in an
        # entry; the first counts from the date before it (a page's "Thu 3 Jul 2025")
        last, told = story.stamp or previous, None
    return last, told


def _clock_after_saying(cand: Candidate, last: Mark | None) -> bool:
    """Is `cand` a clock time or part of a day with no day of its own, after a day that dates a
    saying (`reported`) of a day or time told before it in its sentence?"""
    if last is None or not last.reported or last.before_span is None:
        return False
    if cand.pattern.frame != "time" or "day" in cand.slots or "weekday" in cand.slots:
        return False
    told = last.before_span.period.granularity
    return told in ("day", "time") and last.period.granularity == "day"


def _night_after_clock_today(
    cand: Candidate, last: Mark | None, dct: DocumentDate | None, tense: str
) -> bool:
    """Is `cand` a night with no hour that a past clause puts before the day found
    (`past_day_shift`), told after a clock time on the DCT's own day?"""
    params = cand.pattern.params
    return (
        last is not None
        and dct is not None
        and tense == "past"
        and "past_day_shift" in params
        and "hour" not in cand.slots.keys() | params.keys()
        and last.period.granularity == "time"
        and dct.earliest <= last.period.earliest <= dct.latest
    )


def _counts_days_past(cand: Candidate, last: Mark, day: Mark) -> bool:
    """Does `cand` count on from a date told ("the following day") that `last` is too coarse
    for, and the day told before it would do, `last` being a look back before that day ("On
    December 7, 1941 ... had begun in early 1941. The following day"; not "On 6 June ... until
    mid-July. Two days later": the story has moved on past that day)?"""
    return (
        cand.pattern.params.get("anchor") == "previous"
        and not can_count_from(last.period, cand)
        and can_count_from(day.period, cand)
        and last.period.earliest <= day.period.earliest
    )


def _past_after_plan(
    cand: Candidate, last: Mark, day: Mark, dct: DocumentDate | None, tense: str
) -> bool:
    """Does `cand`, told in the past, count days on from a date told ("the next day") that
    `last`, a month or year ahead of the report, is too coarse for, while the `day` told before
    it, not after the report, would do? (A week goes on with the report's: "the trial in May.
    Aides spent the week ...")"""
    return (
        dct is not None
        and tense == "past"
        and cand.pattern.params.get("anchor") == "previous"
        and anchored_unit(cand) == "day"
        and not can_count_from(last.period, cand)
        and can_count_from(day.period, cand)
        and last.period.earliest > dct.latest
        and day.period.latest <= dct.latest
    )


def _no_frame_of_clock(
    last: Mark | None, day: Mark | None, dct: DocumentDate | None, tense: str
) -> bool:
    """Is `last`, told after a recent `day` (_recent_day), no frame for a clock time or part of
    the day after it, which then falls on that day:
    - the DCT's year or month named as such, around both the DCT and the day ("hat am
      Donnerstagabend den Haushalt genehmigt, weniger als im laufenden Jahr. Die Abstimmung fand
      kurz vor 23 Uhr statt"); not a year written out ("the arrival of the year 2000. At
      midnight ...": that year's start);
    - in a past clause after a day over, a date ahead of the report ("Stocks rallied yesterday
      after the Treasury said it would sell less debt next week. Stocks gave back some gains in
      the afternoon") or a look back at a year, month or decade before the day ("refused
      yesterday to testify, the first since the 1920s. He left the hearing room at 10:40 a.m.")?"""
    if last is None or day is None or dct is None or not _recent_day(day, dct):
        return False
    period, told = last.period, day.period
    coarse = period.granularity not in ("day", "time")
    if coarse and not last.has_year and period.earliest <= told.earliest <= period.latest:
        return period.earliest <= dct.earliest <= period.latest
    if tense != "past" or told.latest >= dct.earliest:
        return False
    return period.earliest > dct.latest or (coarse and period.latest < told.earliest)


def _coarse_before_clock(last: Mark | None, day: Mark | None, cand: Candidate) -> bool:
    """Is `last` a month, season or year with no day, told after the `day`, before a clock
    time or part of a day that names no day of its own?"""
    if last is None or day is None or last is day or "day" in cand.slots:
        return False
    return last.period.granularity not in ("day", "time") and day.end < last.end


def _recent_day(day: Mark | None, dct: DocumentDate | None) -> bool:
    """Is `day` within a week of the report (RECENT_DAYS), the days news tells clock times on
    ("At its May 16 meeting ... fell to 8.05% at 4 p.m." told July 6 is the DCT's 4 p.m.)?"""
    if day is None or dct is None:
        return False
    return abs(dct.earliest - day.period.earliest) <= timedelta(RECENT_DAYS)
