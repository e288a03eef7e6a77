"""The scene a reportage sets days before its report ("Es ist Montag, der 8. Oktober", "Am
Sonntag, dem 28. Oktober, wählte Hessen"): which day told opens it, and what ends or leaves it
(scene_after). The weekdays told after it fall in it (story.Story.scene, anchors.day_in_scene);
a question of its own, apart from the marks every text leaves (remember.py)."""

from __future__ import annotations

from timeline import periods
from timeline.anchors import SCENE_DAYS, Mark
from timeline.date_engine import Engine
from timeline.model import DocumentDate
from timeline.sentence_position import after_word
from timeline.story import ReadDate, Story
from timeline.tense import clause_tense


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
