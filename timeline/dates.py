"""Find and normalize the temporal expressions of a text (the date engine's entry point).

Two steps, as in HeidelTime's design: the language's patterns find candidates and fill an
underspecified frame (grammar.py); resolution turns each frame into a value and an interval
against its reference (the resolvers in resolve.RESOLVERS). This module chooses the
reference: the DCT, or the previous date in the text for anchored expressions (whether one may
be taken: anchors.py), and the tense of the clause for direction-less ones. A coarse DCT (a
month or a year) is resolved at both of its ends and the two readings are joined, so the
interval stays honest and no day is made up; what counts from a date known only within it is
read from that date's readings at both ends. Hours told after a SET join its schedule
(schedules.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from timeline import lexicon as resources
from timeline import periods
from timeline.anchors import (
    HISTORY_YEARS,
    RESTATING,
    HistoryScope,
    Mark,
    across_dct,
    can_count_from,
    day_in_week_told,
    ended_day,
    goes_on,
    history_scope,
    long_past,
    restated_day,
    somewhere_in,
    span_from_told,
    told_is_no_anchor,
    weekday_in_history,
    weekday_of_day_told,
    years_back,
)
from timeline.clauses import (
    plain_text,
    quotation_around,
    sentence_at,
    sentences,
    starts_sentence,
)
from timeline.durations import REPORTED
from timeline.fallback import fallback_dates
from timeline.grammar import Candidate, Lexicon, Pattern, compile_patterns, find_candidates
from timeline.model import DocumentDate, Precision, TimeExpression
from timeline.occurrence import month_of, shift_of
from timeline.periods import GRANULARITIES, Period
from timeline.resolve import RESOLVERS
from timeline.schedules import (
    Schedule,
    hours_before,
    joins_schedule,
    schedule_after,
    scheduled,
    tells_habit,
    told_for_each,
)
from timeline.situation import Conventions, Reading, Situation, Unresolvable
from timeline.tense import clause_tense
from timeline.tense_cues import NO_SIDE

WIRE_HEAD = 300  # characters at a text's start where an agency's dateline stands (_wire_copy)
# Frames whose direction may come from the tense when the text gives no year or direction.
TENSE_FRAMES = {"date", "weekday", "season", "holiday", "time", "quarter"}
# Frames that take their year from a year written shortly before ("im März 2010 ... im April").
YEARLESS_FRAMES = {"date", "season", "quarter", "holiday"}
# Slots that place a date's year themselves: no year told before or report sets it ("fiscal
# 1989, which ends March 31" told in November 1989 is the March ahead, occurrence.year_of)
YEAR_SLOTS = {"year", "year2", "shift", "year_shift", "fiscal_year", "fiscal_end", "fiscal_start"}
# Frames whose resolvers choose a year (occurrence.py), reading a coarse DCT as a whole: the
# year-less ones and a clock time on such a day ("midnight Aug. 31"); the others read its days.
WHOLE_DCT_FRAMES = YEARLESS_FRAMES | {"time"}
NARRATIVE_REACH = 200  # characters
RECENT_DAYS = 7  # a day told this many days before the DCT is one of the report's days
BEFORE_WINTER_DAYS = 90  # a date so far before a winter told: the spring after it (_after_winter)
# a year-less date this many days or more before the last day told in a history, that lies
# at most NEXT_YEAR_DAYS after it in the next year, is the next year's (_after_year_end)
YEAR_END_BACK_DAYS = 300
NEXT_YEAR_DAYS = 45
PLANS = ("future",)  # tenses of clauses that cannot speak of a time already over


@dataclass(frozen=True)
class Engine:
    """A language's compiled patterns, lexicon and annotation conventions."""

    language: str
    lexicon: Lexicon
    patterns: list[Pattern]
    conventions: Conventions


@cache
def engine(language: str) -> Engine:
    """The compiled patterns of a language (cached: compiling takes a few milliseconds)."""
    data = resources.resource(language, "lexicon.toml")
    lex = Lexicon(data)
    entries = resources.resource(language, "patterns.toml")["pattern"]
    conventions = Conventions(
        decades_in_years=bool(data.get("decades_in_years")),
        tense_penalty=tuple(data.get("tense_penalty_days", {}).items()),
        holidays=tuple(data.get("holiday_rule", {}).items()),
        night_holds_small_hours=bool(data.get("night_holds_small_hours", True)),
    )
    return Engine(language, lex, compile_patterns(entries, lex), conventions)


def find_dates(
    text: str,
    language: str,
    dct: DocumentDate | None = None,
    doc_id: str = "",
    notes: list[str] | None = None,
) -> list[TimeExpression]:
    """Every temporal expression in `text`, in text order, normalized against `dct`.

    `language` is a code with resources under timeline/resources/ ("de", "en"); for other
    languages dateparser reads what it can (fallback.py). Ids are "t1", "t2", ... in text
    order. Dates that cannot exist ("31. Februar") are left out; pass a list as `notes` to
    hear about them.
    """
    if language not in resources.languages():
        return fallback_dates(text, language, dct, doc_id)
    written_text, text = text, plain_text(text)  # offsets stay; extents as written
    eng = engine(language)
    if _wire_copy(text, eng.lexicon.settings):
        eng = replace(eng, conventions=replace(eng.conventions, same_day=True))
    found: list[TimeExpression] = []
    counts: set[str] = set()  # tids of counts from a date told ("zwei Tage später")
    story = _Story()
    reach = eng.lexicon.settings.get("narrative_reach", NARRATIVE_REACH)
    candidates = find_candidates(text, eng.patterns, eng.lexicon, language)
    scope = history_scope(candidates, dct, eng.lexicon.settings, len(text))
    kind = "history" if scope.whole else "news"
    if any(c.pattern.params.get("only_in", kind) != kind for c in candidates):
        # "on the night of Oct. 23" in news is the date alone, as AQUAINT tags it; "the pocket
        # was soon split" in a history is no future of the report
        kept = [p for p in eng.patterns if p.params.get("only_in", kind) == kind]
        candidates = find_candidates(text, kept, eng.lexicon, language)
    if scope.whole:  # a text that is all history: every year written reaches on
        reach = len(text) + 1
    for at, cand in enumerate(candidates):
        if cand.pattern.frame == "none":  # a longer reading that is not a date ("Nr. 2015")
            continue
        story.close(cand.start)
        written = story.written
        history_reach = scope.reach if written and written.history else None
        within = reach if history_reach is None else history_reach
        context = written if written and written.reaches(cand.start, within) else None
        # a clause with no tense cue is in the present the language assumes, but in the past in
        # a text that is all history ("UN forces advanced toward the Yalu through October"), and
        # of no tense in a narrative of a history that reaches beyond its sentence (past forms
        # the cue lists miss: "Am 10. Mai 1940 ... Am 15. Mai durchbrachen Panzer die Linien";
        # a historic present: "Am 23. Mai 1949 ... Steinmeier lädt am Donnerstag"); a bare year
        # ("gegenüber 2018", "Jahrgang 1992") tells no narrative
        unmarked = eng.lexicon.settings.get("unmarked_tense", "unknown")
        if scope.whole:
            unmarked = "past"
        elif context is not None and context.history and context.narrated and scope.far:
            unmarked = "unknown"
        tense = _tense_of(cand, text, eng, unmarked)
        context = _setting(cand, story, context, tense, text, language, scope)
        is_stamp = _timestamp(cand, text)
        last, told = _counted_from(cand, story, text, language, dct, tense, scope, is_stamp)
        if _now_told_before(cand, last, text, eng, language):
            last, told = None, None
        report = _report_before(cand, text, eng, dct, tense, story.dated)
        try:
            before = _Before(last, context, told, report)
            reading, used = _read_from_ends(cand, eng, dct, tense, before)
            on = _after_winter(reading, story) or _after_year_end(reading, story, scope)
            if used is not None and used is context and on:
                before = _Before(last, replace(used, period=on), told, report)
                reading, used = _read_from_ends(cand, eng, dct, tense, before)
        except (Unresolvable, KeyError, ValueError, OverflowError) as err:
            reading, used = _beyond_calendar(cand, eng, tense, err), None
            if reading is None:
                if notes is not None:
                    where = f"{cand.start}-{cand.end}"
                    notes.append(f"{text[cand.start : cand.end]!r} ({where}) ignored: {err}")
                continue
        previous = story.previous
        again = scope.whole and _day_written(cand, reading, story.days_written)
        if previous is not None and (same := restated_day(cand, reading, previous, text)):
            reading, used = same, previous
        elif again:
            reading, used = _on_day_written(reading, again.period), again
        elif (
            previous is not None
            and eng.lexicon.settings.get("weekday_in_week_told")
            and (in_week := day_in_week_told(cand, reading, previous, text, tense, dct))
        ):
            reading, used = in_week, previous
        schedule = story.schedule
        joins = (
            joins_schedule(cand, text, language, schedule)
            or hours_before(cand, candidates[at + 1 : at + 4], text, language)
            or told_for_each(cand, text, eng.lexicon.settings.get("each_words", ()))
        )
        if not joins and tells_habit(cand, text, language, tense):
            joins, schedule = True, Schedule(cand.start, recurring=True)
        if joins:
            reading = scheduled(cand, reading, tense, schedule.recurring)
        tid = f"t{len(found) + 1}"
        found.append(_expression(cand, written_text, reading, dct, tense, tid, doc_id, used))
        if cand.pattern.frame == "relative" and cand.pattern.params.get("anchor") == "previous":
            counts.add(tid)
        exception = _after_word(text, cand.start, eng, "schedule_exception_words")
        story.schedule = schedule_after(cand, reading, joins, schedule, exception)
        _remember(story, _ReadDate(cand, reading, tid, used), text, eng, dct, scope, is_stamp)
    return _restated_counts(found, text, counts)


RESTATED_REACH = 31  # days between a count on ("zwei Tage später") and the day restating it


def _restated_counts(
    found: list[TimeExpression], text: str, counts: set[str]
) -> list[TimeExpression]:
    """A count of days from a date told, set off by a comma before a day written that restates
    it ("erklärten beide Staaten zwei Tage später, am 3. September, den Krieg"), is that day:
    the writer's own reckoning, not the count from whatever date was told last (a glance ahead:
    "bis zum 7. September ... zwei Tage später" is no 9th)."""
    out = list(found)
    for i, (count, day) in enumerate(zip(found, found[1:], strict=False)):
        if count.id not in counts or count.type != "DATE" or day.type != "DATE":
            continue
        # "zwei Monate später" stays the month, "Zwei Wochen später, am 7. Juli" the week (as
        # the project's de gold set6 has it; set1 has the day for "Eine Woche danach, am ...")
        if count.granularity != "day":
            continue
        if day.granularity != "day" or day.earliest is None or count.earliest is None:
            continue
        if not any(c.isdigit() for c in day.text) or not RESTATING.fullmatch(
            text[count.end : day.start]
        ):
            continue
        if abs((day.earliest - count.earliest).days) > RESTATED_REACH or count.value == day.value:
            continue
        out[i] = replace(
            count,
            value=day.value,
            earliest=day.earliest,
            latest=day.latest,
            granularity="day",
            explanation=f"{count.explanation}; restated by {day.text!r}",
        )
    return out


@dataclass
class _Story:
    """What find_dates has read so far that the expressions after it count from. It changes
    with every expression read (so it is not frozen): in find_dates, close and _remember only."""

    previous: Mark | None = None  # the last date known for sure
    written: Mark | None = None  # the last date with its year written out (as the whole year)
    schedule: Schedule = Schedule()  # the schedule later hours may join (schedules.py)
    stamp: Mark | None = None  # the last time stamp of a live blog (_timestamp)
    dated: Mark | None = None  # the last date read, a context or not (_report_before)
    day: Mark | None = None  # the last day told (a history counts days on from it)
    label: Mark | None = None  # the last label's year ("Bilanz für 2012"): no setting
    stayed: Mark | None = None  # the last day counted back that keeps the anchor ("Vorabend")
    # the days written with their year so far, by (month, day): a history told again from its
    # start names them without it ("began on 8 September 1941 ... a raid on 8 September")
    days_written: dict[tuple[int, int], Mark | None] = field(default_factory=dict)

    def close(self, position: int) -> None:
        """Leave what is over at `position`: a quotation (its speaker's dates with it) and a
        history's relative clause (its year with it)."""
        while self.previous and self.previous.until is not None and position >= self.previous.until:
            self.previous = self.previous.outer
        written = self.written
        while written and written.outer and written.until is not None and position >= written.until:
            written = written.outer
        self.written = written


def _setting(
    cand: Candidate,
    story: _Story,
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


def _counted_from(
    cand: Candidate,
    story: _Story,
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
        and _same_sentence(text, last.end, cand.start, language)
    ):
        # a day told in a relative clause set off by commas is that clause's own: a clock
        # time after it in its sentence is on the day told before ("began at 1 a.m. ...
        # Bush, who gave the order Sunday, said in an address at 7:20 a.m.": not Sunday's);
        # the next sentence may go on with it ("Flight 111, which crashed late Wednesday,
        # ... The pilots reported smoke at 10:14 p.m.")
        last = last.before_aside
    if (
        last
        and last.starts_span
        and _recent_day(day, dct)
        and cand.pattern.frame == "time"
        and not _same_sentence(text, last.end, cand.start, language)
    ):
        # "plunged Friday, the heaviest selling since October 1987. Most of it came after
        # 2 p.m.": a clock time is on the last day told, not in a span's start; in the start's
        # own sentence it is the start's ("streikt seit Mittwoch, 2 Uhr")
        last = day
    near = day and (scope.whole or _same_sentence(text, day.end, cand.start, language, 1))
    if near and last and _counts_days_past(cand, last, day):
        # in a history, "The following day" after a look back at a year ("had begun in
        # early 1941") counts from the last day told, not somewhere in that year; in news
        # from a day told in its sentence or the one before ("next Tuesday and
        # second-quarter GNP the following week"; "fell at yesterday's auction, as investors
        # bet on a cut before the end of the year. The rate was 7.61%, down from 7.72% a
        # week earlier")
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
        and _same_sentence(text, stayed.end, cand.start, language)
    ):
        # "Am Vorabend wird um 19 Uhr der Rosenkranz gebetet": a clock time in the sentence
        # of a day counted back is on that day, though the story's anchor stays; a part of a
        # day counted is not ("died at 7.22 a.m. the next morning": from the day told)
        last = stayed
    if is_stamp:
        # "9:30 a.m.: Schools will be closed today and Tuesday. 11:15 a.m.: ...": a live
        # blog's time stamp is on the day of the one before it, not on a day told in an
        # entry; the first counts from the date before it (a page's "Thu 3 Jul 2025")
        last, told = story.stamp or previous, None
    return last, told


def _after_winter(reading: Reading, story: _Story) -> Period | None:
    """The next year, where a year-less date read in the year a winter told began lies more
    than BEFORE_WINTER_DAYS before that winter ("That winter fog closed the airports ... To
    mark Easter": the Easter after it, as the winter ends in the next year; "spent the winter
    in tents ... who had reached Scutari in early November" stays a look back), else None."""
    told = story.previous.period if story.previous else None
    if told is None or reading.period is None or not told.value.endswith("-WI"):
        return None
    before = (told.earliest - reading.period.latest).days
    if before <= BEFORE_WINTER_DAYS or reading.period.latest.year != told.earliest.year:
        return None
    return periods.year(told.earliest.year + 1)


def _after_year_end(reading: Reading, story: _Story, scope: HistoryScope) -> Period | None:
    """The next year, where a history told day by day crosses the year's end ("Am Nachmittag
    des 26. Dezember ... In der Neujahrsnacht ... am 3. Januar": 1945's, not the January almost
    a year before the December told; also after a month told, "In December 1878 ... On 11
    January"), else None. A look back a few weeks over New Year stays
    (the next year's date would lie more than NEXT_YEAR_DAYS ahead)."""
    told = story.previous.period if story.previous else None
    if not scope.whole or told is None or reading.period is None:
        return None
    # a month told: only a year's last ("In December 1878 ... On 11 January")
    if told.granularity not in ("day", "time") and not (
        told.granularity == "month" and told.latest.month == 12
    ):
        return None
    start = reading.period.earliest
    if start.year != told.earliest.year or (told.earliest - start).days < YEAR_END_BACK_DAYS:
        return None
    try:
        ahead = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        return None
    # after a December told, from its last day
    if (ahead - told.latest).days > NEXT_YEAR_DAYS:
        return None
    return periods.year(start.year + 1)


def _day_written(cand: Candidate, reading: Reading, days: dict) -> Mark | None:
    """The day written with its year before that a year-less day names again (its month and
    day), None for any other expression."""
    if "year" in cand.slots or not {"month", "day"} <= cand.slots.keys():
        return None
    # also a part of that day ("6. Oktober 1973 ... in den frühen Morgenstunden des 6. Oktober")
    frames = {"date": "day", "time": "time"}
    if frames.get(cand.pattern.frame) != reading.granularity or reading.period is None:
        return None
    if reading.granularity == "time" and reading.period.earliest != reading.period.latest:
        return None
    return days.get((reading.period.earliest.month, reading.period.earliest.day))


def _on_day_written(reading: Reading, day: Period) -> Reading:
    """`reading` (a day or a part of it) on the day written before with its year."""
    if reading.granularity == "day":
        return replace(reading, value=day.value, period=day)
    value = day.value + reading.value[len(day.value) :]  # "1973-10-06" + "TMO"
    return replace(
        reading,
        value=value,
        period=replace(reading.period, value=value, earliest=day.earliest, latest=day.latest),
    )


def _remember(
    story: _Story,
    read_date: _ReadDate,
    text: str,
    eng: Engine,
    dct: DocumentDate | None,
    scope: HistoryScope,
    is_stamp: bool,
) -> None:
    """What the expression just read tells the ones after it: the last date read, a day
    counted back that keeps the anchor, a label's year, the marks of _marks_after, the last
    day told and a live blog's time stamp."""
    cand, reading, tid = read_date.cand, read_date.reading, read_date.tid
    if "year" in cand.slots and reading.granularity == "day" and reading.period is not None:
        day, days = reading.period.earliest, story.days_written
        told = days.get((day.month, day.day))
        # the same day written in two years ("2 December 1805 ... on 2 December 1804") names
        # neither when it comes again without its year
        mark = (
            None
            if told is None and (day.month, day.day) in days
            else Mark(reading.period, tid, cand.end)
        )
        if told is not None and told.period.earliest.year != day.year:
            mark = None
        days[(day.month, day.day)] = mark
    if reading.type in ("DATE", "TIME") and reading.period and not reading.value.endswith("_REF"):
        # "A year ago, economists predicted it would ...": a report's date, though counted
        # from the DCT it sets no context; the start of a state is none ("which has operated
        # under Chapter 11 since January 1988, said the plant would open in June")
        starts = _after_word(text, cand.start, eng, "span_start_words")
        story.dated = None if starts else Mark(reading.period, tid, cand.end)
    stays = cand.pattern.params.get("anchor_stays") and reading.period is not None
    if stays and reading.granularity in ("day", "time"):
        story.stayed = Mark(reading.period, tid, cand.end)
    if cand.pattern.params.get("labels_sentence") and reading.period is not None:
        story.label = Mark(reading.period, tid, cand.end)
    story.previous, story.written = _marks_after(
        read_date, text, eng, dct, story.previous, story.written, scope
    )
    previous = story.previous
    if (
        previous is not None
        and previous.period.granularity in ("day", "time")
        and not previous.starts_span
    ):
        # a day that starts a span ("its highest close since Oct. 24") is no day of the
        # story: a clock time or part of the day after it is on the day told before it
        story.day = previous
    if is_stamp and previous is not None and previous.tid == tid:
        story.stamp = previous  # the stamp's own mark (within a coarse DCT: with both its ends)


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


def _same_sentence(text: str, before: int, at: int, language: str, back: int = 0) -> bool:
    """Is position `before` in the sentence that holds position `at`, or in one of the `back`
    sentences before that one?"""
    span = sentence_at(text, at, language)
    if span is None:
        return False
    spans = sentences(text, language)
    return spans[max(0, spans.index(span) - back)][0] <= before


def _wire_copy(text: str, settings: dict) -> bool:
    """Is `text` wire copy, written the day it tells of: an agency's dateline at its start
    (lexicon `wire_agencies`: "Berlin (dpa) -") and no word for the day before (`day_before_words`:
    a print paper dated the morning after rewrites agency news with "gestern")?"""
    head = text[:WIRE_HEAD]
    if not any(f"({agency}" in head for agency in settings.get("wire_agencies", ())):
        return False
    words = settings.get("day_before_words", ())
    return not any(re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE) for w in words)


def _timestamp(cand: Candidate, text: str) -> bool:
    """Is `cand` a clock time that opens its sentence before a colon, a live blog's or ticker's
    time stamp ("11:15 a.m.: The storm ...", "14.30 Uhr: Die Polizei ...")?"""
    after = text[cand.end : cand.end + 3].lstrip(" \t")
    return cand.pattern.frame == "time" and after[:1] == ":" and starts_sentence(text, cand.start)


@dataclass(frozen=True)
class _ReadDate:
    """A date as find_dates read it: what the dates after it may count from."""

    cand: Candidate
    reading: Reading
    tid: str
    used: Mark | None  # the earlier date it counted from (None: the DCT)


def _marks_after(
    read_date: _ReadDate,
    text: str,
    eng: Engine,
    dct: DocumentDate | None,
    previous: Mark | None,
    written: Mark | None,
    scope: HistoryScope,
) -> tuple[Mark | None, Mark | None]:
    """What the expressions after `read_date` count from: the last date known for sure and
    the written year that sets the narrative (how far a history reaches: `scope`). Split from
    find_dates: which dates become a context is a question of its own, apart from finding and
    reading them."""
    cand, reading, used = read_date.cand, read_date.reading, read_date.used
    tid = read_date.tid
    params = cand.pattern.params
    if "context_in" in params and (
        clause_tense(text, cand.start, cand.end, eng.language) in params["context_in"]
    ):
        # no aside in such a clause: there the year sets the story as any other
        params = {k: v for k, v in params.items() if k not in ("no_context", "context_in")}
        cand = replace(cand, pattern=replace(cand.pattern, params=params))
        read_date = replace(read_date, cand=cand)
    dated = reading.type in ("DATE", "TIME")
    if (
        scope.whole
        and cand.pattern.frame == "year"
        and _after_word(text, cand.start, eng, "named_year_words")
    ):
        # in a history, a year that names a thing ("lost in the Six-Day War of 1967. At 2:00
        # p.m. on October 6", "beyond the 1967 ceasefire line. Four days later") is no setting
        return previous, written
    if reading.uncertain and dated and not params.get("anchor_stays"):
        # a date known only within a coarse DCT ("heute" in a November paper) is counted from
        # at both ends of its range (_read_from_ends) where a day known would be, and the
        # story has moved on from the last day known ("Am 9. November 1989 ... Heute feiern
        # Tausende. Das Fest beginnt um 19 Uhr" is no 1989 evening); counted from the DCT, it
        # ends the narrative as a day known would
        known = replace(read_date, reading=replace(reading, ends=None))
        mark = _marks_after(known, text, eng, dct, previous, written, scope)[0]
        if mark is not None and mark is not previous:
            mark = replace(mark, ends=reading.ends)
        return mark, (written if used is not None else None)
    if params.get("names_day") and reading.period is not None:
        # "heute" (PRESENT_REF, as in KRAUTS) is the report's day: what follows counts from it,
        # not from a date told before ("Morgen Abend ... Heute um Mitternacht")
        return Mark(periods.day(reading.period.earliest), tid, cand.end), None
    if reading.period is None or reading.value.endswith("_REF"):
        return previous, written
    if params.get("anchor_stays"):  # "a year earlier" twice: same anchor
        if written is not None and written.history and used is not None:
            # ... but a day counted back in a history is told in it: it reaches on from here
            # ("Am 18. Oktober 1813 ... Zwei Tage zuvor hatten die Kämpfe begonnen ...")
            written = replace(written, end=max(written.end, cand.end))
        return previous, written
    if _after_word(text, cand.start, eng, "comparison_words"):
        # a date compared with ("im selben Eisenbahnwagen wie 1918") is an aside: the story
        # goes on in its own time ("Im Herbst scheiterte ..." is not 1918's autumn)
        return previous, written
    if params.get("no_context") and previous and previous.period.granularity in ("day", "time"):
        # a year that sets no time of the story ("hat am Donnerstagabend den Haushalt für 2013
        # genehmigt. Die Abstimmung fand kurz vor 23 Uhr statt") leaves the day told before it
        return previous, written
    if params.get("span_end") and previous is not None:
        # the end of a span of hours is no setting: what follows counts from the span's start
        # ("von 18 Uhr bis 6 Uhr verboten. Die Party beginnt um 20 Uhr" is that evening)
        return previous, written
    if reading.type == "DURATION" and params.get("anchor") in REPORTED:
        # "In the first nine months, profit rose from $2 million a year earlier": the months a
        # report covers are what "a year earlier" compares with, named by the year they end in
        # (fiscal: "the nine months" to March 31, 1990 are 1990's, a year earlier 1989), which
        # is where counting starts (of a coarse DCT, at its first and last day)
        def named(p: Period) -> Period:
            start = max(p.earliest, date(p.latest.year, 1, 1))
            return replace(p, value=str(p.latest.year), granularity="year", earliest=start)

        ends = tuple(map(named, reading.ends)) if reading.ends else None
        return Mark(named(reading.period), tid, cand.end, ends=ends), written
    if not dated and cand.pattern.frame == "relative" and reading.type == "DURATION":
        # "vor zwei Wochen" (a DURATION in KRAUTS) names a point: what counts on from a date
        # told counts from it ("Sie sind vor zwei Wochen 70 geworden ... am Samstag danach");
        # within a coarse DCT, from both ends of its range; "Vor einem Jahr" opening a sentence
        # sets that sentence's year, as "Im Vorjahr" ("Vor einem Jahr hatte sich der Verkehr
        # an Allerheiligen gestaut" is last year's)
        setting = _year_setting(read_date, text, eng, dct, scope, False)
        mark = Mark(reading.period, tid, cand.end, ends=reading.ends)
        return mark, (written if setting is None else setting)
    if not dated:
        return previous, written
    if (
        reading.granularity in ("decade", "century")
        and previous is not None
        and reading.period.earliest <= previous.period.earliest
        and previous.period.latest <= reading.period.latest
    ):
        # a decade around the date told ("set in the autumn of 1957 ... love the 1950s") is no
        # new point of the story: what follows still counts from that date
        return previous, written
    period = reading.period
    if params.get("from_evening_before"):  # "Nacht auf Sonntag": a night named by the day it
        # ends on began the evening before; the hours told after it fall on either day
        # (weekdays_and_times._day_of)
        period = replace(period, earliest=period.earliest - timedelta(days=1))
    starts_span = _after_word(text, cand.start, eng, "span_start_words")
    # a decade or century written ("throughout the 1890s") sets no year for what follows
    has_year = "year" in cand.slots and reading.granularity not in ("decade", "century")
    # a date counted from the DCT in a quotation is the speaker's, not the narration's: what
    # the speaker counts from it ("“Sales fell from a year ago,” he said") up to the quote's end
    quote_end = None
    if used is None and not has_year:
        quote_end = _quote_end(text, cand.start, eng.lexicon.settings)
    if not _after_word(text, cand.start, eng, "span_end_words"):
        outer = previous if quote_end is not None else None
        reported = _dates_saying(text, cand, eng, previous) or _comparison_base(
            text, cand, eng, previous
        )
        before_span = previous if starts_span or reported else None
        sentence = sentence_at(text, cand.start, eng.language)
        aside = _aside_end(text, cand.start, sentence, eng) if sentence else None
        previous = Mark(
            period,
            tid,
            cand.end,
            quote_end,
            starts_span,
            has_year,
            outer=outer,
            before_span=before_span,
            reported=reported,
            ended=ended_day(cand, reading),
            mod=reading.mod,
            aside_end=aside,
            before_aside=previous if aside else None,
        )
    # a span's start sets no year for what follows, but a clause that tells what happened then
    # does ("the first since 1986, when cuts were imposed March 1": March 1, 1986)
    spans_on = starts_span and not _opens_setting_clause(text, cand.end, eng)
    # ... as does one opening a history's past clause (lexicon `span_start_clause_openers`:
    # "und seit Anfang März 1941 landeten britische Truppen. Jugoslawien trat am 25. März
    # bei": 1941's), not one after a noun ("der größte Vorstoß seit 1914")
    if spans_on and scope.whole and has_year and _opens_span_clause(text, cand.start, eng):
        spans_on = clause_tense(text, cand.start, cand.end, eng.language) != "past"
    # an anniversary's hook counted back from the report ("Thirty years ago today, a well blew
    # out. By the middle of February ...") writes its year as "On Jan. 28, 1969" would
    hook = used is None and years_back(cand) >= HISTORY_YEARS
    setting = (
        None if spans_on else _year_setting(read_date, text, eng, dct, scope, has_year or hook)
    )
    if setting is not None:
        # in a history, the year of a relative clause that looks back holds to the clause's
        # end, then the year told before it again ("On 18 July Iran accepted Resolution 598,
        # which had been passed in July 1987; ... On 20 August": 1988's); one that moves on
        # moves the story ("the plan for the invasion, which began on 22 June 1941. ... in
        # mid-July": 1941's)
        looks_back = (
            scope.whole
            and setting.until is not None
            and written is not None
            and setting.period.latest < written.period.earliest
        )
        if looks_back:
            written = replace(setting, outer=written)
        else:
            written = replace(setting, until=None) if scope.whole else setting
    elif (
        written is not None
        and written.history
        and _reads_on(written, used, reading, dct, scope.far)
    ):
        # a history read on goes on with the next sentence ("In the spring of 2003, troops
        # invaded. By April 9, Baghdad had fallen. On May 1, ...")
        sentence = sentence_at(text, cand.start, eng.language)
        until = sentence[1] if sentence else None
        if scope.far:
            until = None  # or as far as the history reaches from here
        year = periods.year(reading.period.earliest.year)  # "Thu 14 Mar." may move it on
        written = replace(written, period=year, end=cand.end, until=until, narrated=True)
    elif (
        used is None
        and not scope.whole
        and not (
            (starts_span or _after_word(text, cand.start, eng, "since_words"))
            and _era_looked_back(reading, written)
        )
    ):
        written = None  # a date counted from the DCT ends the narrative
    return previous, written


def _era_looked_back(reading: Reading, written: Mark | None) -> bool:
    """Is `reading`, the start of a span ("seit"), a decade or century up to a history's year
    (`written`, long past), looked back at in it ("Am 6. Oktober 1973 ... die ihren Wohlstand
    seit den Fünfzigerjahren auf Öl gebaut hatte. Am 9. November ...": 1973's)? Read from the
    DCT as it is, it sets no time of the story and does not end it, as a date counted from the
    DCT does; a decade told on its own may open a story of its own ("Ihr Vater kam Ende der
    Siebzigerjahre ...")."""
    return (
        written is not None
        and written.history
        and reading.granularity in ("decade", "century")
        and reading.period is not None
        and reading.period.earliest <= written.period.latest
    )


def _year_setting(
    read_date: _ReadDate,
    text: str,
    eng: Engine,
    dct: DocumentDate | None,
    scope: HistoryScope,
    has_year: bool,
) -> Mark | None:
    """The year `read_date` sets for the narrative after it (`_marks_after`), where it writes
    one out (`has_year`) or opens a sentence with one; None where it sets none. Split from
    `_marks_after`: which year is the setting is a question of its own, apart from the date
    known for sure."""
    cand, reading, tid = read_date.cand, read_date.reading, read_date.tid
    params = cand.pattern.params
    period = reading.period
    assert period is not None
    # the DCT's own year adds no setting ("This year's talks have dragged on since May" is this
    # May, not the last May before January 1)
    opens_year = (
        reading.granularity == "year"
        and _opens_sentence(
            text, cand.start, eng.language, eng.lexicon.settings.get("year_opening_words", ())
        )
        and not (dct and period.earliest <= dct.earliest <= period.latest)
    )
    # a history's span ("fought from 11 October 1899 until 31 May 1902") is told from its start:
    # the year of its end sets nothing ("... from 10 to 17 December" is 1899's); nor does the
    # end of a span still ahead in news ("a loan that runs through 1991, and set a hearing for
    # March 19": this March)
    ahead = dct is not None and period.earliest > dct.latest
    ends_span = (scope.whole or ahead) and _after_word(
        text, cand.start, eng, "history_span_end_words"
    )
    if not (has_year or opens_year) or params.get("no_context") or ends_span:
        return None
    # the whole year is the context, also of "Ende 2027" (not of "seit 2010"); with
    # `context_in_sentence` (or the language's `narrative_in_sentence`) only up to the
    # sentence end ("die Wahlen 2018 ...", "set in 1961. ... in June alone")
    sentence = sentence_at(text, cand.start, eng.language)
    # ... as of a year opening it after `year_opening_words` ("Im Vorjahr waren es 30. Am
    # 3. April ..." is this April)
    after_words = opens_year and not _opens_sentence(text, cand.start, eng.language)
    in_sentence = (
        (
            params.get("context_in_sentence")
            or eng.lexicon.settings.get("narrative_in_sentence")
            or after_words
            or ahead
        )
        and sentence
        and not scope.whole
    )
    # a year long past sets a history beyond its sentence ("On Jan. 20, 2021, Biden was
    # sworn in. In June, cases fell" told in 2026), unlike last year's ("sales fell in 1988.
    # In June ..." told in 1989 is the DCT's June: TimeBank)
    long_ago = long_past(period, dct)
    until = sentence[1] if in_sentence else None
    if sentence and (aside := _aside_end(text, cand.start, sentence, eng, scope.whole)):
        # a year in a relative clause set off by commas is that clause's own ("Doe, who set
        # a record in 1958, died March 3": March 3 is the DCT's; "Die Reform, die der Bundestag
        # im März 2023 beschlossen hatte, ... Die Verhandlung hatte am 24. April stattgefunden":
        # this April), in a history too ("On 18 July Iran accepted Resolution 598, which had
        # been passed in July 1987; ... The ceasefire took effect on 20 August": 1988's)
        until = aside
    return Mark(
        periods.year(period.earliest.year),
        tid,
        cand.end,
        until,
        history=long_ago,
        narrated=reading.granularity not in ("year", "decade", "century"),
        whole_clause=bool(until)
        and (_opens_setting_clause(text, cand.end, eng) or _fronted(text, cand, eng)),
    )


def _reads_on(
    written: Mark, used: Mark | None, reading: Reading, dct: DocumentDate | None, far: bool
) -> bool:
    """Does a date read on with the history `written` sets: one counted from it, or (where the
    history reaches beyond its sentence, `far`) one counted from a day told in it
    ("Am 25. Juni 1950 ... drei Tage später ... Am 27. Juni"), or one counted from the DCT
    that lands in its year ("Am 2. April 1982 – heute vor 40 Jahren – landeten ...", a clock
    time on the day told: "Am 1. September 1939 um 4:45 Uhr")?"""
    if used is written:
        return True
    if not far or reading.period is None:
        return False
    if used is None:
        year = written.period
        return year.earliest <= reading.period.earliest and reading.period.latest <= year.latest
    return long_past(reading.period, dct)


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


def _report_before(
    cand: Candidate,
    text: str,
    eng: Engine,
    dct: DocumentDate | None,
    tense: str,
    dated: Mark | None,
) -> Mark | None:
    """The date of a past report read last (`dated`) earlier in `cand`'s sentence, where
    `cand` tells the future it reported (lexicon [reported_future]: "said in March that it would
    close the plant in June" told in December is that June, not next year's)."""
    lex = eng.lexicon
    if (
        tense != "future"
        or dated is None
        or dct is None
        or dct.precision != Precision.DAY
        or dated.period.latest >= dct.earliest
        or cand.pattern.frame not in YEARLESS_FRAMES
        or YEAR_SLOTS & cand.slots.keys()
    ):
        return None
    sentence = sentence_at(text, cand.start, eng.language)
    if sentence is None or dated.end < sentence[0]:
        return None
    said = False  # a verb of saying or thinking seen so far in the sentence
    keys: tuple = (None, None)  # the [reported_future] keys of the two words before
    for m in re.finditer(r"[\w']+", text[sentence[0] : cand.start]):
        word, at = m.group(), sentence[0] + m.start()
        key = lex.key("reported_future", word.lower())
        if at >= dated.end and (
            (said and key == "WOULD")
            or (keys[1], key) == ("PAST_BE", "SCHEDULED")
            or ((keys[1], key) == ("THOUGHT", "INFINITIVE") and keys[0] != "PRESENT_BE")
        ):
            return dated
        if lex.key("reporting_verb", word) or key == "THOUGHT":
            said = True
        keys = (keys[1], key)
    return None


def _opens_span_clause(text: str, start: int, eng: Engine) -> bool:
    """Does the span word before `start` ("seit") open its clause: after a comma or a word of
    the lexicon's `span_start_clause_openers` ("und seit Anfang März 1941 landeten"), or at a
    sentence's start? Never in a language without that list."""
    openers = eng.lexicon.settings.get("span_start_clause_openers")
    before = text[max(0, start - 40) : start].split()
    if not openers or len(before) < 1:
        return False
    if len(before) == 1 or before[-2].endswith((",", ";", ":")):
        return True
    return before[-2].lower() in openers or _opens_sentence(
        text, start - len(before[-1]) - 1, eng.language
    )


def _opens_setting_clause(text: str, end: int, eng: Engine) -> bool:
    """Does a comma and a word of the lexicon's `setting_clause_openers` follow `end` ("in 1974,
    when the committee ...")? That clause tells what happened in the year before it."""
    openers = eng.lexicon.settings.get("setting_clause_openers", ())
    after = text[end : end + 20]
    if not after.startswith(","):
        return False
    words = after[1:].split()[:1]
    return bool(words) and words[0].lower() in openers


def _fronted(text: str, cand: Candidate, eng: Engine) -> bool:
    """Does the year open its sentence, alone ("Last year, a big promotion pulled some sales
    into October") or after a word of the lexicon's `fronted_setting_words` ("In 1980,
    inflation ran at 13.5%, the prime rate touched 21.5% in December"), set off by a comma?
    Such a phrase sets the whole sentence, not only the words near it."""
    if text[cand.end : cand.end + 1] != ",":
        return False
    if _opens_sentence(text, cand.start, eng.language):
        return True
    words = tuple(eng.lexicon.settings.get("fronted_setting_words", ()))
    return (
        bool(words)
        and _opens_sentence(text, cand.start, eng.language, words)
        and bool(text[: cand.start].split()[-1:])
        and text[: cand.start].split()[-1].lower() in words
    )


def _aside_end(
    text: str, start: int, sentence: tuple[int, int], eng: Engine, open_end: bool = False
) -> int | None:
    """The comma or semicolon that closes the relative clause set off by a comma `start`
    stands in (lexicon `aside_openers`: ", who set a record in 1958, died"), or None; with
    `open_end`, a clause that runs on to the sentence's end ends there."""
    openers = eng.lexicon.settings.get("aside_openers", ())
    comma = text.rfind(",", sentence[0], start)
    first = text[comma + 1 : start].split()[:1] if comma >= 0 else []
    if not first or first[0].lower() not in openers:
        return None
    end = text.find(",", start, sentence[1])
    while end >= 0 and text[end + 1 : end + 4].strip()[:1].isdigit():
        # a comma before a clock time or a day's number goes on with the date ("der seit
        # Mittwoch, 2 Uhr, den Verkehr lahmlegt"): the clause ends at a later comma
        end = text.find(",", end + 1, sentence[1])
    ends = [e for e in (end, text.find(";", start, sentence[1])) if e >= 0]
    return min(ends, default=sentence[1] if open_end else None)


def _dates_saying(text: str, cand: Candidate, eng: Engine, previous: Mark | None) -> bool:
    """Does `cand` date a saying (right after a verb of [reporting_verb]: "the exchange said
    yesterday") that reports a date told before it in its sentence (`previous`)?"""
    before = text[max(0, cand.start - 20) : cand.start].split()
    if not before or previous is None or not eng.lexicon.key("reporting_verb", before[-1]):
        return False
    sentence = sentence_at(text, cand.start, eng.language)
    return sentence is not None and previous.end >= sentence[0]


def _comparison_base(text: str, cand: Candidate, eng: Engine, previous: Mark | None) -> bool:
    """Is `cand` the base a figure of the date right before it is compared with ("fell 4.2
    percent in January from December": "a year earlier" then counts from January)?"""
    if previous is None or not _after_word(text, cand.start, eng, "comparison_base_words"):
        return False
    between = text[previous.end : cand.start].split()
    return len(between) == 1  # the base word alone stands between the two dates


def _now_told_before(
    cand: Candidate, last: Mark | None, text: str, eng: Engine, language: str
) -> bool:
    """Is a word of the lexicon's `present_words` told after `last` and before `cand` in its
    sentence, `cand` counting only from a date told as over (`anchor_told`)? "Owners now get
    $8,500 a day, up from $6,000 a year ago": a year before now, not before a summer told in a
    sentence before."""
    if last is None or not cand.pattern.params.get("anchor_told"):
        return False
    span = sentence_at(text, cand.start, language)
    lo = max(last.end, span[0]) if span else last.end
    words = eng.lexicon.settings.get("present_words", ())
    return any(w.strip(",;:\"'()").lower() in words for w in text[lo : cand.start].split())


def _after_word(text: str, start: int, eng: Engine, setting: str) -> bool:
    """Does a word of the lexicon's list `setting` stand right before `start`? A date after a
    word of `span_start_words` starts a span that reaches the report ("the lowest since the
    spring of 1988"): it is no setting for what follows, and "the year" or "a year ago" after
    it count from the DCT. One after a word of `span_end_words` is the bound of a time before
    it ("in der letzten Sitzung vor Weihnachten"), not when the text's events happen: the
    expressions after it do not count from it ("Die Sitzung beginnt um 9.30 Uhr"). One after a
    word of `since_words` starts a state that still holds (_tense_of)."""
    words = eng.lexicon.settings.get(setting, ())
    before = text[max(0, start - 20) : start].split()
    return bool(before) and before[-1].lower() in words


def _tense_of(cand: Candidate, text: str, eng: Engine, unmarked: str) -> str:
    """The tense that gives a direction-less expression its direction ("unknown" if none; a
    sentence with no cue is in the `unmarked` tense)."""
    params = cand.pattern.params
    if "tense" in params:  # the pattern knows ("Friday's ruling" is past) ...
        # ... unless it yields to the clause's tense ("Thursday's vote is expected to be close",
        # "Iraq faces Sunday's deadline")
        if "yields_to" in params:
            tense = clause_tense(text, cand.start, cand.end, eng.language)
            if tense in params["yields_to"]:
                return tense
        return params["tense"]
    needs_tense = cand.pattern.frame in TENSE_FRAMES or params.get("uses_tense")
    needs_tense = needs_tense or params.get("anchor_in_past")
    needs_tense = needs_tense or params.get("anchor") in ("from_ref", "year_start")
    # a count on from a date told ("two days later") in a past clause is not after the report
    needs_tense = needs_tense or (params.get("anchor") == "previous" and _counts_on(params))
    # the period told before is the one meant only if the clause tells no results of it
    needs_tense = needs_tense or params.get("unit_told_running")
    if not needs_tense or "year" in cand.slots:
        return "unknown"
    if _after_word(text, cand.start, eng, "since_words"):
        # "seit Sonntagabend wird ... vermisst": the start of a state that still holds is over,
        # whatever the clause's tense
        return "since"
    # from the context before the extent on: the preposition belongs to the date, so "began in
    # January is over" is as near to "began" as to "is"
    tense = clause_tense(text, cand.outer_start, cand.end, eng.language)
    if tense == NO_SIDE:  # "were supposed to end on Monday": the nearest, no tense's side
        return "unknown"
    if tense == "unknown" and _in_a_sentence(text, cand.start, eng.language):
        tense = unmarked  # a sentence with no past or future cue (a bare phrase has none)
    return tense


def _opens_sentence(
    text: str, position: int, language: str, opening_words: tuple[str, ...] = ()
) -> bool:
    """Does a sentence open at `position`, perhaps after `opening_words` ("Bereits im Vorjahr
    hatte es im August ...")? A year told there ("Last year, the holiday fell on Feb. 19") is
    the setting of the whole sentence, as a written one is."""
    span = sentence_at(text, position, language)
    if span is None:
        return False
    before = text[span[0] : position].strip(" \t\n\"'“‘(").split()
    return all(word.lower() in opening_words for word in before)


def _quote_end(text: str, position: int, settings: dict) -> int | None:
    """Where the quotation around `position` ends (its closing mark, else its paragraph's end),
    None outside one. A date counted from the DCT there is the speaker's ("\"Last year we
    lost,\" he added"), no anchor for the narration after it."""
    quoted = quotation_around(text, position, settings.get("quote_marks", []))
    return quoted[1] if quoted else None


def _in_a_sentence(text: str, position: int, language: str) -> bool:
    """Is `position` inside a sentence of at least four words (not a heading or a phrase)?"""
    span = sentence_at(text, position, language)
    return span is not None and len(text[span[0] : span[1]].split()) >= 4


def _beyond_calendar(cand: Candidate, eng: Engine, tense: str, err: Exception) -> Reading | None:
    """A duration whose interval leaves the calendar ("vor 5300 Jahren": before year 1) keeps
    its value, read as without a DCT (no interval); any other reading that fails is dropped."""
    params = cand.pattern.params
    if not isinstance(err, (ValueError, OverflowError)):
        return None
    if cand.pattern.frame != "duration" and params.get("type") != "DURATION":
        return None
    try:
        return _read(cand, eng, None, tense, _Before())[0]
    except (Unresolvable, KeyError, ValueError, OverflowError):
        return None


# At most so many characters between a day and a clock time that belongs to it (" ab ",
# ", um ", " gegen ")
CLOCK_AFTER_DAY = 8


def _counts_on(params: dict) -> bool:
    """Does the pattern count forward from its anchor ("later", "the following week")?"""
    return params.get("shift", 0) > 0 or params.get("sign", 0) > 0


@dataclass(frozen=True)
class _Before:
    """What the text told before a candidate that its reading may count from: the last date
    known (`previous`), the written year that sets the narrative (`written`), the date the
    candidate goes on from in the next sentence (`told`, anchors.goes_on) and the date of the
    past report whose future it tells (`report`, _report_before)."""

    previous: Mark | None = None
    written: Mark | None = None
    told: Mark | None = None
    report: Mark | None = None


def _read(
    cand: Candidate, eng: Engine, dct: DocumentDate | None, tense: str, before: _Before
) -> tuple[Reading, Mark | None]:
    """The reading of a candidate, and the earlier date it counted from (None: the DCT).
    Besides counting from `previous` or `told`, the reading depends on `previous` only where it
    is lent to the resolver (_lent) or the pattern is `now_unanchored` (_read_from_ends)."""
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
        and "unit" in cand.slots
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
    if can_count_from(previous.period, cand):
        # a time counts from its own day (a night over two days: the day it is named by)
        counted = previous.period
        day = counted.latest if counted.granularity == "time" else counted.earliest
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
    # the tense tells the direction from the DCT, not from a date in the text; the reference
    # day is the year's last, by which all its quarters have begun ("In 1997, first-quarter
    # profit rose" is 1997's; from its first day it was 1996's)
    year = written.period
    reading = at(year.latest, (year.earliest, year.latest), "unknown")
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
            and _counts_on(params)
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


def _read_from_ends(
    cand: Candidate, eng: Engine, dct: DocumentDate | None, tense: str, before: _Before
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


def _expression(
    cand: Candidate,
    text: str,
    r: Reading,
    dct: DocumentDate | None,
    tense: str,
    tid: str,
    doc_id: str,
    used: Mark | None,
) -> TimeExpression:
    period = r.period
    return TimeExpression(
        start=cand.start,
        end=cand.end,
        text=text[cand.start : cand.end],
        type=r.type,
        value=r.value,
        mod=periods.timex_mod(r.mod),
        earliest=period.earliest if period else None,
        latest=period.latest if period else None,
        granularity=r.granularity,
        explanation=_explain(cand, text, r, dct, tense, used),
        id=tid,
        doc=doc_id,
        anchor=used.tid if used else None,
    )


def _explain(
    cand: Candidate,
    text: str,
    r: Reading,
    dct: DocumentDate | None,
    tense: str,
    used: Mark | None,
) -> str:
    """One readable line: `Dienstag + DCT Wed 2024-05-15, past tense -> 2024-05-14`."""
    parts = [text[cand.start : cand.end]]
    if used:
        parts.append(f"+ earlier date {used.period.value} ({used.tid})")
    elif dct is not None and cand.pattern.frame != "set":
        weekday = periods.WEEKDAY_CODES[dct.earliest.weekday()].title()
        day_name = f"{weekday} " if dct.precision == "day" else ""
        parts.append(f"+ DCT {day_name}{dct.value}")
    elif dct is None:
        parts.append("(no DCT)")
    head = " ".join(parts)
    if r.uses_tense:
        head += f", {tense} tense"
    result = r.value
    if r.mod:
        result += f" ({periods.timex_mod(r.mod)})"
    if r.period is not None and r.period.earliest != r.period.latest:
        result += f" = {r.period.earliest}..{r.period.latest}"
    elif r.period is None and r.type != "SET":
        result += ", not anchored"
    return f"{head} -> {result} [{cand.pattern.id}]"
