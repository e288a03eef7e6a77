"""Is a date the one a plan is set for, ahead of the report ("The tribunal set March 22 for the
start of the trial", "called elections for Jan. 30", "hat die Lockerungen ab 1. Juli
beschlossen")? The verbs, markers and reaches are tense.toml [planned] `scheduling_...`.

A rule of its own beside the tense of the clause (timeline.tense asks it first): it reads the
words around the date for a verb of setting one, not the cue nearest to the date."""

from __future__ import annotations

from timeline.clauses import pieces, words
from timeline.tense_cues import PAST, Cues
from timeline.verb_cues import tense_cues


def date_set_for_plan(
    text: str, sentence: tuple[int, int], start: int, end: int, cues: Cues, language: str
) -> bool:
    """Is text[start:end] the date a plan is set for, ahead of the report: right after a verb of
    setting a date and before "for"/"as" ("set March 22 for the start of the trial"), or right
    after "for" (and an article: "für den 30. Juni") a few words after such a verb ("called
    elections for Jan. 30") or, where the verb may close the clause, a few words before it
    ("hat die Lockerungen ab 1. Juli beschlossen"), or between an article after such a verb and
    its noun ("setting a Jan. 14 return date")? Not "called for calm on Friday", nor a date set
    in a past perfect ("had ruled ... and set Friday as the deadline" may be over)."""
    if not cues.planned.scheduling_verbs:
        return False
    inside = words(text, language, start, end)
    before = words(text, language, sentence[0], start) + inside[:1]
    if inside and inside[0][2] not in cues.planned.scheduling_markers:
        before = before[:-1]
    named = [t for t in inside if t[2] not in cues.planned.scheduling_markers][:1]
    if not named or not text[named[0][0]][:1].isupper() and not text[named[0][0]].isdigit():
        return False  # a date opens with a name or a number; "set a record" is none
    after = words(text, language, end, end + 20)[:1]
    if not before:
        return False
    said = [w for _, _, w in before]
    if said[-1] in cues.planned.scheduling_verbs:
        verb = len(said) - 1
        found = bool(after) and after[0][2] in cues.planned.scheduling_markers
    elif (
        len(said) > 1
        and said[-1] in cues.planned.scheduling_articles
        and said[-2] in cues.planned.scheduling_verbs
    ):
        verb = len(said) - 2
        found = bool(after)
    else:  # also the marker opening the sentence ("Für Montag hat der Verband ... aufgerufen")
        verb, found = _scheduled_by_marker(text, sentence, start, end, before, cues, language)
    return found and not cues.planned.scheduling_not_after & set(said[:verb])


def _scheduled_by_marker(
    text: str,
    sentence: tuple[int, int],
    start: int,
    end: int,
    before: list[tuple[int, int, str]],
    cues: Cues,
    language: str,
) -> tuple[int, bool]:
    """Is text[start:end], after "for" (and an article) as the last of the words `before` it,
    the date a verb of setting sets: a few words after the verb ("called elections for Jan.
    30") or, where the verb may close the clause, a few words before it ("hat die Lockerungen
    ab 1. Juli beschlossen")? With where in `before` that verb stands (past its end where it
    comes after the date). Split from `date_set_for_plan`: a rule of its own, with its own piece."""
    said = [w for _, _, w in before]
    marker = len(said) - 1
    if marker >= 2 and said[marker] in cues.planned.scheduling_coordinators:
        marker -= 2  # "für Donnerstag und Freitag": the marker before the first date
    if said[marker] in cues.planned.scheduling_marker_articles:
        marker -= 1
    # the verb of the date's own piece, not of one after a comma or a conjunction ("kündigte
    # an, die Sperre ab 22 Uhr zu verlängern" has the infinitive's future, "hat bis Freitag
    # verhandelt und dann das Budget beschlossen" is past)
    parts = pieces(text, sentence[0], sentence[1], language)
    at = next((i for i, p in enumerate(parts) if p.start <= start < p.end), None)
    lo, hi = (parts[at].start, parts[at].end) if at is not None else sentence
    if at is not None and at + 1 < len(parts) and not words(text, language, end, hi):
        # the first date of a pair ("für Donnerstag | und Freitag ... aufgerufen"): the verb
        # stands in the piece the coordinator opens
        opener = words(text, language, parts[at + 1].start, parts[at + 1].end)[:1]
        if opener and opener[0][2] in cues.planned.scheduling_coordinators:
            hi = parts[at + 1].end
    first = next((i for i, t in enumerate(before) if t[0] >= lo), marker)
    reach = said[max(0, marker - cues.planned.scheduling_reach, first) : marker]
    later = [w for _, _, w in words(text, language, end, hi)]
    if before[marker][0] > lo:  # a marker opening its piece reaches to the verb closing it
        later = later[: cues.planned.scheduling_reach_after]
    verbs = [i for i, w in enumerate(said) if w in cues.planned.scheduling_verbs]
    verb = verbs[-1] if verbs and not cues.planned.scheduling_verbs & set(later) else len(said)
    found = said[marker] in cues.planned.scheduling_markers and bool(
        cues.planned.scheduling_verbs & (set(reach) | set(later))
    )
    if found and cues.planned.scheduling_verbs & set(reach):
        found = not _subject_of_past(text, end, hi, language)
    return verb, found


def _subject_of_past(text: str, end: int, hi: int, language: str) -> bool:
    """Is a past form the first word after text[:end], up to `hi`: the date, set by a verb
    before it, closes the subject of a past verb, its plan told as gone by ("A deadline set by
    the two governments for June 30 passed without a deal")?"""
    first = words(text, language, end, hi)[:1]
    return bool(first) and any(
        tense == PAST
        for s, _, tense in tense_cues(text, first[0][0], hi, language)
        if s == first[0][0]
    )
