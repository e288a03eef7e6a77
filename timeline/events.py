"""Events: the clauses of an article that tell something happening, with the date that dates it.

What counts as an event. The text is cut into sentences and clauses (timeline.clauses); a piece
without a verb of its own ("Merkel" in "Merkel und Macron trafen sich", "am Montag" in "Am
Montag, dem 18. März, ...") is joined to its neighbour. A clause is an event when it has a
trigger and at least one actor mention or one date in it. The trigger is, by priority, the first
verb of saying or of happening (<lang>/events.toml), else the first verb the tense cues know
that is not an auxiliary ("erteilte"), else the first event noun ("Gipfel", "election").

Statements. A clause whose trigger is a verb of saying is the act of saying ("sagte Scholz am
Donnerstag"); the reported content is a clause of its own (after a comma, or, in English, after
the verb of saying and the date right behind it: "Haugen said Friday the plan will ..."). The
saying is dated by the date in its own clause; the content keeps its own date, or none: it
never takes the date of the saying.

Dating. The date of a clause is the most precise anchored date in it (one with earliest or
latest; sets and bare durations do not date), ties going to the one nearest the trigger. A
clause without a date, opened by a `carry_after` conjunction ("... am Montag Macron und
besprach ..."), shares the date of the clause before it in the same sentence, unless one of
the two is a statement or their tenses differ. Nothing is carried across sentences.

Undated events are kept (undated=True). Convention: a past, present or unknown-tense undated
event happened no later than the article: latest = DCT latest, earliest = None (unknown start).
A future undated event is planned: earliest = DCT earliest, latest = None. Without a DCT both
are None. Events in the future tense, or dated after the DCT, are planned=True.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from timeline.clauses import pieces, sentences, words
from timeline.lexicon import resource
from timeline.model import Actor, Document, Event, TimeExpression
from timeline.tense import FUTURE, UNKNOWN, clause_tense, tense_cues


@dataclass(frozen=True)
class _Lexicon:
    verb_prefixes: tuple[str, ...]
    verb_endings: tuple[str, ...]
    verb_not_after: frozenset[str]
    speech: frozenset[str]
    happening: frozenset[str]
    noun_endings: tuple[str, ...]
    nouns: frozenset[str]
    nouns_capitalized: bool
    compound_min: int
    date_gap: int
    carry_after: frozenset[str]
    not_triggers: frozenset[str]


@cache
def _lexicon(language: str) -> _Lexicon:
    data = resource(language, "events.toml")
    verbs, nouns = data["verbs"], data["nouns"]
    return _Lexicon(
        verb_prefixes=tuple(verbs["prefixes"]),
        verb_endings=tuple(verbs["endings"]),
        verb_not_after=frozenset(verbs.get("not_after", [])),
        speech=frozenset(verbs["speech"]),
        happening=frozenset(verbs["events"]),
        noun_endings=tuple(nouns["endings"]),
        nouns=frozenset(nouns["events"]),
        nouns_capitalized=bool(nouns["capitalized"]),
        compound_min=int(nouns["compound_min"]),
        date_gap=int(data["statements"]["date_gap"]),
        carry_after=frozenset(data["context"]["carry_after"]),
        not_triggers=frozenset(data["context"]["not_triggers"]),
    )


def _stem_in(word: str, stems: frozenset[str], lex: _Lexicon) -> bool:
    """Is `word` prefix + stem + ending for a stem in `stems`?"""
    for prefix in lex.verb_prefixes:
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix) :]
        for ending in lex.verb_endings:
            if rest.endswith(ending) and rest[: len(rest) - len(ending)] in stems:
                return True
    return False


def _is_event_noun(word: str, written: str, lex: _Lexicon) -> bool:
    if lex.nouns_capitalized and not written[:1].isupper():
        return False
    for ending in lex.noun_endings:
        if not word.endswith(ending):
            continue
        base = word[: len(word) - len(ending)]
        if base in lex.nouns:
            return True
        if lex.compound_min and any(
            base.endswith(noun) and len(base) - len(noun) >= lex.compound_min for noun in lex.nouns
        ):
            return True
    return False


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    text: str
    speech: bool


def _trigger(text: str, lo: int, hi: int, sentence_start: int, language: str) -> _Trigger | None:
    lex = _lexicon(language)
    tokens = words(text, lo, hi)
    noun = None
    for i, (s, e, w) in enumerate(tokens):
        previous = tokens[i - 1][2] if i else ""
        if (text[s:e] == w or s == sentence_start) and previous not in lex.verb_not_after:
            if _stem_in(w, lex.speech, lex):
                return _Trigger(s, e, text[s:e], True)
            if _stem_in(w, lex.happening, lex):
                return _Trigger(s, e, text[s:e], False)
        if noun is None and _is_event_noun(w, text[s:e], lex):
            noun = _Trigger(s, e, text[s:e], False)
    for s, e, _ in sorted(tense_cues(text, lo, hi, language)):
        if " " not in text[s:e] and text[s:e].lower() not in lex.not_triggers:
            return _Trigger(s, e, text[s:e], False)
    return noun


def _has_verb(text: str, lo: int, hi: int, sentence_start: int, language: str) -> bool:
    if tense_cues(text, lo, hi, language):
        return True
    found = _trigger(text, lo, hi, sentence_start, language)
    return found is not None and text[found.start : found.end][:1].islower()


def clauses(
    text: str, language: str, timexes: Sequence[TimeExpression] = ()
) -> list[list[tuple[int, int]]]:
    """The clauses of every sentence: pieces without a verb joined to their neighbour, and a
    verb of saying split from the content it introduces. `timexes` keep "said Friday" whole."""
    result = []
    for s_start, s_end in sentences(text, language):
        spans: list[tuple[int, int]] = []
        pending: int | None = None
        for piece in pieces(text, s_start, s_end, language):
            if not _has_verb(text, piece.start, piece.end, s_start, language):
                if spans:
                    spans[-1] = (spans[-1][0], piece.end)
                elif pending is None:
                    pending = piece.start
                continue
            spans.append((piece.start if pending is None else pending, piece.end))
            pending = None
        if pending is not None:
            spans.append((pending, s_end))
        result.append(
            [
                part
                for span in spans
                for part in _split_speech(text, span, s_start, language, timexes)
            ]
        )
    return result


def _split_speech(
    text: str,
    span: tuple[int, int],
    sentence_start: int,
    language: str,
    timexes: Sequence[TimeExpression],
) -> list[tuple[int, int]]:
    """'Haugen said the countries would publish ...' -> the saying and the content."""
    lo, hi = span
    found = _trigger(text, lo, hi, sentence_start, language)
    if found is None or not found.speech:
        return [span]
    cut = found.end
    gap = _lexicon(language).date_gap
    for t in timexes:
        if cut <= t.start <= cut + gap and t.end <= hi:
            cut = t.end
            break
    rest = cut
    while rest < hi and not text[rest].isalnum():
        rest += 1
    if rest >= hi or not _has_verb(text, rest, hi, sentence_start, language):
        return [span]
    return [(lo, cut), (rest, hi)]


def _anchored(t: TimeExpression) -> bool:
    return t.type != "SET" and (t.earliest is not None or t.latest is not None)


def _best_date(
    timexes: Sequence[TimeExpression], lo: int, hi: int, trigger: _Trigger
) -> TimeExpression | None:
    inside = [t for t in timexes if lo <= t.start and t.end <= hi and _anchored(t)]
    if not inside:
        return None

    def key(t: TimeExpression) -> tuple[float, int]:
        width = (t.latest - t.earliest).days if t.earliest and t.latest else float("inf")
        return width, min(abs(t.start - trigger.end), abs(trigger.start - t.end))

    return min(inside, key=key)


def find_events(
    document: Document, timexes: Sequence[TimeExpression], actors: Sequence[Actor]
) -> list[Event]:
    """The events of one document; `timexes` are its dates, `actors` may span many documents."""
    text, language = document.text, document.language or "en"
    lex = _lexicon(language)
    mentions = sorted(
        (m.start, m.end, a.id) for a in actors for m in a.mentions if m.doc == document.id
    )
    events: list[Event] = []
    for sentence in clauses(text, language, timexes):
        previous: tuple[_Trigger, TimeExpression | None, str] | None = None
        for lo, hi in sentence:
            s_start = sentence[0][0]
            trigger = _trigger(text, lo, hi, s_start, language)
            if trigger is None:
                previous = None
                continue
            tense = clause_tense(text, trigger.start, trigger.end, language)
            timex = _best_date(timexes, lo, hi, trigger)
            opener = words(text, lo, hi)[0][2]
            if (
                timex is None
                and previous is not None
                and opener in lex.carry_after
                and not trigger.speech
                and not previous[0].speech
                and tense in (previous[2], UNKNOWN)
            ):
                timex = previous[1]
            previous = (trigger, timex, tense)
            ids = tuple(dict.fromkeys(a for s, e, a in mentions if lo <= s and e <= hi))
            if not ids and timex is None:
                continue
            events.append(_event(document, len(events) + 1, lo, hi, trigger, ids, timex, tense))
    return events


def _event(
    document: Document,
    number: int,
    lo: int,
    hi: int,
    trigger: _Trigger,
    actors: tuple[str, ...],
    timex: TimeExpression | None,
    tense: str,
) -> Event:
    dct = document.dct
    earliest: date | None
    latest: date | None
    if timex is not None:
        earliest, latest = timex.earliest, timex.latest
        after_dct = dct is not None and earliest is not None and earliest > dct.latest
        planned = tense == FUTURE or after_dct
    elif tense == FUTURE:
        earliest, latest, planned = (dct.earliest if dct else None), None, True
    else:
        earliest, latest, planned = None, (dct.latest if dct else None), False
    return Event(
        id=f"{document.id}:e{number}",
        doc=document.id,
        start=lo,
        end=hi,
        text=document.text[lo:hi],
        trigger=trigger.text,
        actors=actors,
        timex=timex.id if timex else None,
        earliest=earliest,
        latest=latest,
        granularity=timex.granularity if timex else None,
        tense=tense,
        undated=timex is None,
        planned=planned,
    )
