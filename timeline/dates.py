"""Find and normalize the temporal expressions of a text (the date engine's entry point).

Two steps, as in HeidelTime's design: the language's patterns find candidates and fill an
underspecified frame (grammar.py); resolution turns each frame into a value and an interval
against its reference (the resolvers in resolve.RESOLVERS). This module walks the candidates
in text order and chooses each one's reference: the DCT, or the previous date in the text for
anchored expressions (whether one may be taken: anchors.py; what the text has told so far:
story.py), and the tense of the clause for direction-less ones (sentence_position.py). A
coarse DCT (a month or a year) is resolved at both of its ends and the two readings are
joined, so the interval stays honest and no day is made up; what counts from a date known only
within it is read from that date's readings at both ends (date_reading.py). Hours told after a
SET join its schedule (schedules.py). It assembles the TimeExpressions with their explanation.
"""

from __future__ import annotations

import re
from dataclasses import replace

from timeline import lexicon as resources
from timeline import periods
from timeline.anchors import (
    RESTATING,
    Mark,
    day_in_week_told,
    ended_day,
    history_scope,
    moved_to,
    restated_day,
)
from timeline.candidates import find_candidates
from timeline.clauses import plain_text, sentence_at
from timeline.date_engine import Engine, engine
from timeline.date_reading import ToldBefore, beyond_calendar, read_from_ends
from timeline.fallback import fallback_dates
from timeline.fiscal_quarters import as_fiscal_quarter, told_fiscal_quarters
from timeline.grammar import Candidate
from timeline.history_years import after_winter, after_year_end, back_to_opening, before_looked_back
from timeline.model import DocumentDate, TimeExpression
from timeline.remember import remember
from timeline.scene import clock_in_scene, day_in_scene
from timeline.schedules import (
    Schedule,
    hours_before,
    joins_schedule,
    schedule_after,
    scheduled,
    tells_habit,
    told_for_each,
)
from timeline.sentence_position import (
    after_word,
    commemorates,
    now_told_before,
    report_before,
    tense_of,
    timestamp,
    wire_copy,
)
from timeline.situation import Reading, Unresolvable
from timeline.story import ReadDate, Story, counted_from, setting_for
from timeline.tense import clause_tense
from timeline.weekdays_and_times import clock_on_day_after

NARRATIVE_REACH = 200  # characters


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
    if wire_copy(text, eng.lexicon.settings):
        eng = replace(eng, conventions=replace(eng.conventions, same_day=True))
    found: list[TimeExpression] = []
    counts: set[str] = set()  # tids of counts from a date told ("zwei Tage später")
    story = Story()
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
        if cand.pattern.params.get("schedule_only") and not (
            joins_schedule(cand, text, language, story.schedule)
            or hours_before(cand, candidates[at + 1 : at + 4], text, language)
        ):  # a bare number away from a SET may be a count ("stieg um zehn")
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
        tense = tense_of(cand, text, eng, unmarked)
        context = setting_for(cand, story, context, tense, text, language, scope)
        is_stamp = timestamp(cand, text)
        last, told = counted_from(cand, story, text, language, dct, tense, scope, is_stamp)
        if now_told_before(cand, last, text, eng, language):
            last, told = None, None
        if told is not None and commemorates(cand, text, eng, language):
            told = (
                None  # "Vor 100 Jahren, am 28. Juli 1914, ... Am Sonntag findet eine Gedenkfeier"
            )
        report = report_before(cand, text, eng, dct, tense, story.dated)
        try:
            before = ToldBefore(last, context, told, report)
            reading, used = read_from_ends(cand, eng, dct, tense, before)
            on = (
                after_winter(reading, story)
                or after_year_end(reading, story, scope)
                or before_looked_back(reading, story, scope, cand, text, language)
                or back_to_opening(reading, story, scope)
            )
            if used is not None and used is context and on:
                before = ToldBefore(last, replace(used, period=on), told, report)
                reading, used = read_from_ends(cand, eng, dct, tense, before)
        except (Unresolvable, KeyError, ValueError, OverflowError) as err:
            reading, used = beyond_calendar(cand, eng, tense, err), None
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
            reading, used = moved_to(reading, again.period.earliest), again
        elif ahead := _told_ahead(cand, reading, story, dct, text, eng, language):
            reading, used = moved_to(reading, ahead.period.earliest), ahead
        elif (
            story.scene is not None
            and (
                story.scene_in_present
                or clause_tense(text, cand.start, cand.end, language) not in ("present", "future")
            )
            and eng.lexicon.settings.get("weekday_in_scene")
            and (in_scene := day_in_scene(cand, reading, story.scene, story.day, dct))
        ):
            reading, used = in_scene, story.scene
        elif (
            used is None
            and (scene_day := story.scene_day()) is not None
            and eng.lexicon.settings.get("weekday_in_scene")
            and (on_scene_day := clock_in_scene(cand, reading, scene_day, dct))
        ):
            reading, used = on_scene_day, scene_day
        elif (
            previous is not None
            and eng.lexicon.settings.get("weekday_in_week_told")
            and (in_week := day_in_week_told(cand, reading, previous, tense, dct))
        ):
            reading, used = in_week, previous
        if told := told_fiscal_quarters(reading, ended_day(cand, reading), dct, cand.end):
            # "the fiscal first quarter ended Nov. 30" (1989-Q1): over Sept.-Nov. 1989
            story.fiscal, reading = told, told.told(reading)
        elif story.fiscal is not None and (
            fiscal := as_fiscal_quarter(
                cand, reading, used.period if used else None, story.fiscal, text, eng, dct
            )
        ):
            # "the quarter" after "the fiscal first quarter ended Nov. 30": that fiscal quarter
            reading = fiscal
        schedule = story.schedule
        joins = (
            joins_schedule(cand, text, language, schedule)
            or hours_before(cand, candidates[at + 1 : at + 4], text, language)
            or told_for_each(cand, text, eng.lexicon.settings.get("each_words", ()))
        )
        if not joins and tells_habit(cand, text, language, tense):
            joins, schedule = True, Schedule(cand.start, recurring=True)
        if joins:
            reading = scheduled(cand, reading, tense, schedule)
        tid = f"t{len(found) + 1}"
        found.append(_expression(cand, written_text, reading, dct, tense, tid, doc_id, used))
        if cand.pattern.frame == "relative" and cand.pattern.params.get("anchor") == "previous":
            counts.add(tid)
        exception = after_word(text, cand.start, eng, "schedule_exception_words")
        story.schedule = schedule_after(cand, reading, joins, schedule, exception)
        remember(story, ReadDate(cand, reading, tid, used), text, eng, dct, scope, is_stamp)
    today = dct.earliest if dct is not None and dct.earliest == dct.latest else None
    found = clock_on_day_after(found, text, eng.lexicon, today)
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


def _told_ahead(
    cand: Candidate,
    reading: Reading,
    story: Story,
    dct: DocumentDate | None,
    text: str,
    eng: Engine,
    language: str,
) -> Mark | None:
    """The day ahead of the report a weekday told before named, where a pattern with
    `told_ahead_again` read that weekday before the report in a sentence that looks ahead from
    the past (a word of the lexicon's `told_ahead_words` before it: "The Treasury will auction
    bills Thursday ... traders had been asking about Thursday's sale": the coming Thursday; not
    "Friday's rally pushed stocks higher", last Friday's)."""
    if not cand.pattern.params.get("told_ahead_again") or reading.period is None or dct is None:
        return None
    span = sentence_at(text, cand.start, language)
    before = re.findall(r"\w+(?:'\w+)?", text[span[0] if span else cand.start : cand.start])
    if not {w.lower() for w in before} & set(eng.lexicon.settings.get("told_ahead_words", ())):
        return None
    if reading.granularity != "day" or reading.period.earliest >= dct.earliest:
        return None
    told = story.weekdays_told.get(reading.period.earliest.weekday())
    return told if told is not None and told.period.earliest > dct.latest else None


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
