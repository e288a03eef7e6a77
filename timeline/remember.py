"""What each date read leaves in the story (story.Story) for the dates after it (remember): the
last date known for sure, the written year that sets the narrative and how far a history a year
long past reaches (_marks_after, _year_setting), the last day told, a history's opening, a
label's year, a live blog's time stamp and a reportage's scene (scene.py). Apart from story.py,
which offers a date what the story has told before it is read: writing the story and reading
from it are two questions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from timeline import periods
from timeline.anchors import HISTORY_YEARS, HistoryScope, Mark, ended_day, long_past, years_back
from timeline.clauses import sentence_at
from timeline.date_engine import Engine
from timeline.durations import REPORTED
from timeline.model import DocumentDate
from timeline.periods import Period
from timeline.scene import scene_after
from timeline.sentence_position import (
    after_word,
    aside_end,
    compared_figure,
    comparison_base,
    dates_saying,
    fronted,
    opens_sentence,
    opens_setting_clause,
    opens_span_clause,
    quote_end,
)
from timeline.situation import Reading
from timeline.story import ReadDate, Story
from timeline.tense import clause_tense, past_perfect_end


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
    if (
        cand.pattern.frame == "weekday"
        and reading.granularity == "day"
        and reading.period is not None
        and dct is not None
        and abs((reading.period.earliest - dct.latest).days) < 7  # a day of the report's weeks
    ):
        story.weekdays_told[reading.period.earliest.weekday()] = Mark(reading.period, tid, cand.end)
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
        story.scene, story.scene_in_present = scene_after(story, read_date, text, eng, dct)
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
    if after_word(text, cand.start, eng, "comparison_words") or compared_figure(
        text, cand.start, cand.end, eng
    ):
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
        sentence = sentence_at(text, cand.start, eng.language)
        # a year naming a thing in news ("the 1983 rescue law") is counted from in its
        # sentence only, then the date told before it again (_named_in_news)
        if quoted_until is None and sentence and _named_in_news(read_date, text, eng, scope):
            quoted_until = sentence[1]
        outer = previous if quoted_until is not None else None
        reported = dates_saying(text, cand, eng, previous) or comparison_base(
            text, cand, eng, previous
        )
        before_span = previous if starts_span or reported else None
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


def _named_in_news(read_date: ReadDate, text: str, eng: Engine, scope: HistoryScope) -> bool:
    """Is `read_date` a year in news right after a word of the lexicon's
    `news_named_year_words`, naming a thing ("the 1983 rescue law", "The 1991 race")? It sets
    its own sentence only: "the first nine months of the year" after it is the report's year,
    "The 1991 race ends July 28" 1991's July."""
    cand = read_date.cand
    return (
        not scope.whole
        and cand.pattern.frame == "year"
        and read_date.reading.granularity == "year"
        and after_word(text, cand.start, eng, "news_named_year_words")
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
    named = _named_in_news(read_date, text, eng, scope)
    in_sentence = (
        (
            params.get("context_in_sentence")
            or eng.lexicon.settings.get("narrative_in_sentence")
            or after_words
            or ahead
            or named
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


def _edge_on_new_day(reading: Reading, previous: Mark) -> bool:
    """Is a part of the day at an edge of its light ("At dawn", after "on the night of 12-13
    September") on a day after the one told: the story's next day, which "the following
    morning" counts from (was the night's day, so that the following morning was dawn's)?"""
    period = reading.period
    if period is None or reading.granularity != "time" or not reading.value[-2:].isalpha():
        return False
    return period.earliest > previous.period.latest
