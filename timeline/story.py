"""The story a text has told so far, as find_dates walks its dates: the year written that
sets the narrative (setting_for), the date the next count starts from (counted_from), the
history a year long past opens (_year_setting, _marks_after), what each date read leaves
for the next (remember). The reading of a date against these is in date_reading.py."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from timeline import periods
from timeline.anchors import (
    HISTORY_YEARS,
    SCENE_DAYS,
    HistoryScope,
    Mark,
    can_count_from,
    ended_day,
    goes_on,
    long_past,
    years_back,
)
from timeline.clauses import sentence_at
from timeline.date_engine import Engine
from timeline.durations import REPORTED
from timeline.grammar import Candidate
from timeline.model import DocumentDate
from timeline.occurrence import month_of
from timeline.periods import Period
from timeline.schedules import Schedule
from timeline.sentence_position import (
    after_word,
    aside_end,
    comparison_base,
    dates_saying,
    fronted,
    opens_sentence,
    opens_setting_clause,
    opens_span_clause,
    quote_end,
    same_sentence,
)
from timeline.situation import Reading
from timeline.tense import clause_tense, past_perfect_end

RECENT_DAYS = 7  # a day told this many days before the DCT is one of the report's days
BEFORE_WINTER_DAYS = 90  # a date so far before a winter told: the spring after it (after_winter)
# a year-less date this many days or more before the last day told in a history, that lies
# at most NEXT_YEAR_DAYS after it in the next year, is the next year's (after_year_end)
YEAR_END_BACK_DAYS = 300
NEXT_YEAR_DAYS = 45


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
    # the first day a history tells (its opening: "on the night of 5 to 6 May" 1860), which the
    # story comes back to after a look back at earlier years (back_to_opening)
    opening: Mark | None = None
    # the first day of the scene a reportage sets days before its report (_scene_after), which
    # the bare weekdays after it fall in (anchors.day_in_scene) until a day outside it is told
    scene: Mark | None = None
    # the scene was set in the historic present ("Es ist Montag, der 8. Oktober"): a weekday told
    # in the present is one of its days; after a past one ("Am Sonntag, dem 12. Mai, wählte ...")
    # a weekday in the present is news of the coming days ("Am Dienstag tritt der Rat zusammen")
    scene_in_present: bool = False

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
    if is_stamp:
        # "9:30 a.m.: Schools will be closed today and Tuesday. 11:15 a.m.: ...": a live
        # blog's time stamp is on the day of the one before it, not on a day told in an
        # entry; the first counts from the date before it (a page's "Thu 3 Jul 2025")
        last, told = story.stamp or previous, None
    return last, told


def after_winter(reading: Reading, story: Story) -> Period | None:
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


def after_year_end(reading: Reading, story: Story, scope: HistoryScope) -> Period | None:
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


def remember(
    story: Story,
    read_date: ReadDate,
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
        starts = after_word(text, cand.start, eng, "span_start_words")
        story.dated = None if starts else Mark(reading.period, tid, cand.end)
    if (
        scope.whole
        and story.opening is None
        and reading.granularity in ("day", "time")
        and reading.period is not None
        and not reading.value.endswith("_REF")
        # a day long past: not the report's own ("heutigen", "today" in a hook)
        and long_past(reading.period, dct)
    ):
        story.opening = Mark(reading.period, tid, cand.end)
    if eng.lexicon.settings.get("weekday_in_scene"):
        story.scene, story.scene_in_present = _scene_after(story, read_date, text, eng, dct)
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
        and not previous.bound
    ):
        # a day that starts a span ("its highest close since Oct. 24") or bounds one ("no
        # earlier than 21 June") is no day of the story: a clock time or part of the day after
        # it is on the day told before it
        story.day = previous
    if is_stamp and previous is not None and previous.tid == tid:
        story.stamp = previous  # the stamp's own mark (within a coarse DCT: with both its ends)


def _scene_after(
    story: Story, read_date: ReadDate, text: str, eng: Engine, dct: DocumentDate | None
) -> tuple[Mark | None, bool]:
    """The scene a reportage is in after `read_date`: a day of the weeks before the report
    (1 to SCENE_DAYS days back) written with its day and month that the text tells in the present
    ("Es ist Montag, der 8. Oktober", "Um 19.28 Uhr am Freitag, dem 14. Februar, rollt der Zug":
    a historic present) or with its weekday ("Am Sonntag, dem 28. Oktober, wählte Hessen") opens
    one; a day of the report's own (the DCT's or after) ends it, as "Heute" does; a look back
    ("Der Bergführer hat am Vorabend gesagt") and coarser dates ("Im vergangenen Sommer") leave
    it. A span's start or end opens none ("ist erst seit 7. Jänner im Amt", "sind es bereits seit
    dem 16. Dezember": news in the present). With the scene: whether it was told in the present."""
    cand, reading = read_date.cand, read_date.reading
    scene, in_present = story.scene, story.scene_in_present
    if dct is None or reading.period is None or reading.granularity not in ("day", "time"):
        return scene, in_present
    day = reading.period.earliest
    span = (
        any(
            after_word(text, cand.start, eng, words)
            for words in ("span_start_words", "since_words", "span_end_words", "bound_words")
        )
        or cand.pattern.params.get("tense") == "since"
    )
    if (
        {"day", "month"} <= cand.slots.keys()
        and 1 <= (dct.earliest - day).days <= SCENE_DAYS
        and not span
    ):
        present = clause_tense(text, cand.start, cand.end, eng.language) == "present"
        if present or "weekday" in cand.slots:
            return Mark(periods.day(day), read_date.tid, cand.end), present
    if scene is not None and day >= dct.earliest:
        return None, False
    return scene, in_present


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


@dataclass(frozen=True)
class ReadDate:
    """A date as find_dates read it: what the dates after it may count from."""

    cand: Candidate
    reading: Reading
    tid: str
    used: Mark | None  # the earlier date it counted from (None: the DCT)


def _marks_after(
    read_date: ReadDate,
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
        and after_word(text, cand.start, eng, "named_year_words")
    ):
        # in a history, a year that names a thing ("lost in the Six-Day War of 1967. At 2:00
        # p.m. on October 6", "beyond the 1967 ceasefire line. Four days later") is no setting
        return previous, written
    if reading.uncertain and dated and not params.get("anchor_stays"):
        # a date known only within a coarse DCT ("heute" in a November paper) is counted from
        # at both ends of its range (read_from_ends) where a day known would be, and the
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
    if after_word(text, cand.start, eng, "comparison_words"):
        # a date compared with ("im selben Eisenbahnwagen wie 1918") is an aside: the story
        # goes on in its own time ("Im Herbst scheiterte ..." is not 1918's autumn)
        return previous, written
    if params.get("no_context") and previous and previous.period.granularity in ("day", "time"):
        # a year that sets no time of the story ("hat am Donnerstagabend den Haushalt für 2013
        # genehmigt. Die Abstimmung fand kurz vor 23 Uhr statt") leaves the day told before it
        return previous, written
    if params.get("span_end") and previous is not None and not _edge_on_new_day(reading, previous):
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
    starts_span = after_word(text, cand.start, eng, "span_start_words")
    # a decade or century written ("throughout the 1890s") sets no year for what follows
    has_year = "year" in cand.slots and reading.granularity not in ("decade", "century")
    # a date counted from the DCT in a quotation is the speaker's, not the narration's: what
    # the speaker counts from it ("“Sales fell from a year ago,” he said") up to the quote's end
    quoted_until = None
    if used is None and not has_year:
        quoted_until = quote_end(text, cand.start, eng.lexicon.settings)
    if not after_word(text, cand.start, eng, "span_end_words"):
        outer = previous if quoted_until is not None else None
        reported = dates_saying(text, cand, eng, previous) or comparison_base(
            text, cand, eng, previous
        )
        before_span = previous if starts_span or reported else None
        sentence = sentence_at(text, cand.start, eng.language)
        aside = aside_end(text, cand.start, sentence, eng) if sentence else None
        previous = Mark(
            period,
            tid,
            cand.end,
            quoted_until,
            starts_span,
            has_year,
            outer=outer,
            before_span=before_span,
            reported=reported,
            ended=ended_day(cand, reading),
            mod=reading.mod,
            aside_end=aside,
            bound=after_word(text, cand.start, eng, "bound_words"),
            before_aside=previous if aside else None,
        )
    # a span's start sets no year for what follows, but a clause that tells what happened then
    # does ("the first since 1986, when cuts were imposed March 1": March 1, 1986)
    spans_on = starts_span and not opens_setting_clause(text, cand.end, eng)
    # ... as does one opening a history's past clause (lexicon `span_start_clause_openers`:
    # "und seit Anfang März 1941 landeten britische Truppen. Jugoslawien trat am 25. März
    # bei": 1941's), not one after a noun ("der größte Vorstoß seit 1914")
    if spans_on and scope.whole and has_year and opens_span_clause(text, cand.start, eng):
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
            (starts_span or after_word(text, cand.start, eng, "since_words"))
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
    read_date: ReadDate,
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
        and opens_sentence(
            text, cand.start, eng.language, eng.lexicon.settings.get("year_opening_words", ())
        )
        and not (dct and period.earliest <= dct.earliest <= period.latest)
    )
    # a history's span ("fought from 11 October 1899 until 31 May 1902") is told from its start:
    # the year of its end sets nothing ("... from 10 to 17 December" is 1899's); nor does the
    # end of a span still ahead in news ("a loan that runs through 1991, and set a hearing for
    # March 19": this March)
    ahead = dct is not None and period.earliest > dct.latest
    ends_span = (scope.whole or ahead) and after_word(
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
    after_words = opens_year and not opens_sentence(text, cand.start, eng.language)
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
    if sentence and (aside := aside_end(text, cand.start, sentence, eng, scope.whole)):
        # a year in a relative clause set off by commas is that clause's own ("Doe, who set
        # a record in 1958, died March 3": March 3 is the DCT's; "Die Reform, die der Bundestag
        # im März 2023 beschlossen hatte, ... Die Verhandlung hatte am 24. April stattgefunden":
        # this April), in a history too ("On 18 July Iran accepted Resolution 598, which had
        # been passed in July 1987; ... The ceasefire took effect on 20 August": 1988's)
        until = aside
    elif scope.whole and (flashback := past_perfect_end(text, cand.start, cand.end, eng.language)):
        # ... as is one in a past perfect: a look back from where the history has got to ("the
        # road Cortés had taken in 1519. In August he reached the Valley": the story's August)
        until = flashback
    return Mark(
        periods.year(period.earliest.year),
        tid,
        cand.end,
        until,
        history=long_ago,
        narrated=reading.granularity not in ("year", "decade", "century"),
        whole_clause=bool(until)
        and (opens_setting_clause(text, cand.end, eng) or fronted(text, cand, eng)),
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


def _edge_on_new_day(reading: Reading, previous: Mark) -> bool:
    """Is a part of the day at an edge of its light ("At dawn", after "on the night of 12-13
    September") on a day after the one told: the story's next day, which "the following
    morning" counts from (was the night's day, so that the following morning was dawn's)?"""
    period = reading.period
    if period is None or reading.granularity != "time" or not reading.value[-2:].isalpha():
        return False
    return period.earliest > previous.period.latest


BACK_TO_OPENING_DAYS = 31  # days after a history's opening day a year-less date comes back to it
LOOK_BACK_AHEAD_DAYS = 183  # days ahead of the date told a history's past perfect may still reach


def before_looked_back(
    reading: Reading, story: Story, scope: HistoryScope, cand: Candidate, text: str, language: str
) -> Period | None:
    """The year before, where a history's year-less date in a past perfect lies after the date
    told last in the year written ("By early 1943 ... had decided at the end of December":
    December 1942, not 1943's, which was still to come), else None."""
    told = story.previous.period if story.previous else None
    if not scope.whole or told is None or reading.period is None:
        return None
    ahead = (reading.period.earliest - told.latest).days
    # a past perfect a little ahead is still the story's ("Roberts entered Bloemfontein on 13
    # March ... The news that Mafeking had been relieved on 17 May"): only one that would leap
    # far ahead within the year written looks back into the year before
    if ahead <= LOOK_BACK_AHEAD_DAYS or reading.period.earliest.year != told.latest.year:
        return None
    if past_perfect_end(text, cand.start, cand.end, language) is None:
        return None
    return periods.year(reading.period.earliest.year - 1)


def back_to_opening(reading: Reading, story: Story, scope: HistoryScope) -> Period | None:
    """The year of a history's opening day, where a year-less date read in an earlier year
    written in a look back lies, in the opening's year, up to BACK_TO_OPENING_DAYS after that
    day ("on the night of 5 to 6 May [1860] ... Born in Nice in 1807 ... in August [1849] ...
    The Thousand landed at Marsala on 11 May": 1860's, was 1849's), else None."""
    opening = story.opening
    if not scope.whole or opening is None or reading.period is None:
        return None
    start = reading.period.earliest
    if reading.granularity not in ("day", "time") or start.year >= opening.period.earliest.year:
        return None
    try:
        back = start.replace(year=opening.period.earliest.year)
    except ValueError:  # 29 February
        return None
    if not 0 < (back - opening.period.latest).days <= BACK_TO_OPENING_DAYS:
        return None
    return periods.year(back.year)
