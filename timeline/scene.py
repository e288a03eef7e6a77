"""The scene a reportage sets days before its report ("Es ist Montag, der 8. Oktober", "Am
Sonntag, dem 28. Oktober, wählte Hessen"): which day told opens it, and what ends or leaves it
(scene_after, kept as story.Story.scene), and the bare weekdays and clock times told after it
that fall in it, not on the days the tense would count from the DCT (day_in_scene,
clock_in_scene). A question of its own, apart from the marks every text leaves (remember.py)
and the rules for any earlier date (anchors.py)."""

from __future__ import annotations

from datetime import timedelta

from timeline import periods
from timeline.anchors import Mark, moved_to
from timeline.date_engine import Engine
from timeline.grammar import Candidate
from timeline.model import DocumentDate
from timeline.sentence_position import after_word
from timeline.situation import Reading
from timeline.story import ReadDate, Story
from timeline.tense import clause_tense

SCENE_DAYS = 42  # days before the DCT a reportage's scene may lie (scene_after)
WEEK_DAYS = 7


def scene_after(
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


def day_in_scene(
    cand: Candidate, reading: Reading, scene: Mark, day: Mark | None, dct: DocumentDate | None
) -> Reading | None:
    """A bare weekday (or a part of one: "Samstagmorgen") in a scene a reportage set days before
    the report ("Es ist Montag, der 8. Oktober ... Am Dienstag ist es kalt"; scene_after)
    is one of the seven days from the scene's first on, not one counted from the DCT by the
    tense; the scene's days are over, so none on or after the DCT. Where the story has told a
    `day` past those seven ("5. Jänner: ... 20.1.: Insolvenzantrag. Am Montag: ..."), one of
    the seven after that day. None where the reading is that day already or the weekday is not
    bare ("kommenden Dienstag", "von Montag bis Freitag")."""
    params, slots = cand.pattern.params, cand.slots
    if dct is None or "weekday" not in slots or cand.pattern.frame not in ("weekday", "time"):
        return None
    if {"shift", "start", "end_weekday", "day", "month"} & slots.keys():
        return None
    if {"in_week", "anchor", "indefinite", "listed"} & params.keys():
        return None
    if reading.period is None or reading.granularity not in ("day", "time"):
        return None
    first = scene.period.earliest
    if day is not None and (day.period.earliest - first).days >= WEEK_DAYS:
        first = day.period.earliest + timedelta(days=1)
    meant = first + timedelta(days=(int(slots["weekday"]) - first.isoweekday()) % 7)
    if meant >= dct.earliest or meant == reading.period.earliest:
        return None
    return moved_to(reading, meant)


# the slots of a clock time or part of a day that names no day of its own ("um 4.30 Uhr", "am
# Nachmittag", "Mitternacht"; not "heute Abend", "Samstagmorgen")
DAYLESS_TIME_SLOTS = frozenset({"hour", "minute", "daypart", "hour__1", "minute__1", "daypart__1"})


def clock_in_scene(
    cand: Candidate, reading: Reading, day: Mark, dct: DocumentDate | None
) -> Reading | None:
    """A clock time or part of a day that names no day, read on the DCT's day in a scene a
    reportage set days before the report ("Es ist Freitag, der 1. Februar ... Um 3.15 Uhr kommt
    eine junge Frau"), is on the scene's `day` (story.Story.scene_day), as the days told
    around it are; None where it is not read on the DCT's day."""
    if dct is None or cand.pattern.frame != "time" or not cand.slots.keys() <= DAYLESS_TIME_SLOTS:
        return None
    if reading.period is None or reading.granularity != "time":
        return None
    if reading.period.earliest != dct.earliest or day.period.earliest >= dct.earliest:
        return None
    return moved_to(reading, day.period.earliest)
