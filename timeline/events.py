"""Events: the clauses of an article that tell something happening, with the date that dates it.

What counts as an event. The text is cut into sentences and clauses (timeline.clauses); a piece
without a verb of its own ("Merkel" in "Merkel und Macron trafen sich", "am Montag" in "Am
Montag, dem 18. März, ...") is joined to its neighbour. A clause is an event when it has a
trigger and at least one actor mention or one date in it, or when it is what a statement
reports ("Berger sagte, seine Partei werde zustimmen": what was said is news too).

The trigger is, by priority, the first verb of saying or of happening (<lang>/events.toml),
else the first past or future verb the tense cues know that is not an auxiliary ("erteilte"),
else the verb a modal governs ("werde ... ändern", "will be fuelled"), else the first event
noun ("Gipfel", "election"). Reported content needs a verb trigger.

Statements. A clause whose trigger is a verb of saying is the act of saying ("sagte Scholz am
Donnerstag"); the reported content is a clause of its own (after a comma, or, in English, after
the verb of saying and the date right behind it: "Haugen said Friday the plan will ..."). The
saying is dated by the date in its own clause; the content keeps its own date, or none: it
never takes the date of the saying.

Dating. The date of a clause is taken from the dates with no comma between them and the
trigger (all dates of the clause if there are none such): the most precise anchored one (with
earliest or latest; sets, bare durations and points of comparison such as "mehr als im
Vorjahr" do not date), ties going to the one nearest the trigger. So in "Vor knapp sechs
Jahren war sie gestartet, heute ..." the start is undated rather than dated today. A clause
with a word that refers back ("damals", "at the time") and no date of its own takes the last
date that dated an event. A clause without a date, opened by a `carry_after` conjunction ("...
am Montag Macron und besprach ..."), shares the date of the clause before it in the same
sentence, unless that one is a statement or their tenses differ. Nothing else is carried
across sentences.

Actors. The actors of an event are those named in its clause. A clause without a subject of
its own ("..., said the vote was ...", "und hatte ...") takes the subject of the clause before
it; a clause whose subject is "er"/"she" takes the person named last (<lang>/events.toml).

Undated events are kept (undated=True). Convention: a past, present or unknown-tense undated
event happened no later than the article: latest = DCT latest, earliest = None (unknown start).
A future or planned (intended in a report) undated event is planned: earliest = DCT earliest,
latest = None. Without a DCT both are None. Events in the future or planned tense, or dated after
the DCT, are planned=True.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from timeline.clauses import crosses_punctuation, pieces, sentences, words
from timeline.lexicon import resource
from timeline.model import Actor, ActorKind, Document, Event, TimeExpression
from timeline.situation import TELLS_AHEAD
from timeline.tense import clause_tense
from timeline.tense_cues import PRESENT, UNKNOWN
from timeline.verb_cues import is_participle, tense_cues


@dataclass(frozen=True)
class _Lexicon:
    verb_prefixes: tuple[str, ...]
    verb_endings: tuple[str, ...]
    verb_not_after: frozenset[str]
    modals: frozenset[str]
    infinitive: re.Pattern
    infinitive_last: bool
    speech: frozenset[str]
    happening: frozenset[str]
    noun_endings: tuple[str, ...]
    nouns: frozenset[str]
    nouns_capitalized: bool
    compound_min: int
    date_gap: int
    content_after_verb: bool
    carry_after: frozenset[str]
    refer_back: tuple[tuple[str, ...], ...]
    pronouns: frozenset[str]
    pronoun_reach: int
    compared: tuple[tuple[str, ...], ...]
    not_triggers: frozenset[str]
    language: str


@cache
def _lexicon(language: str) -> _Lexicon:
    data = resource(language, "events.toml")
    verbs, nouns = data["verbs"], data["nouns"]
    return _Lexicon(
        verb_prefixes=tuple(verbs["prefixes"]),
        verb_endings=tuple(verbs["endings"]),
        verb_not_after=frozenset(verbs.get("not_after", [])),
        modals=frozenset(verbs["modals"]),
        infinitive=re.compile(verbs["infinitive"]),
        infinitive_last=verbs["infinitive_position"] == "last",
        speech=frozenset(verbs["speech"]),
        happening=frozenset(verbs["events"]),
        noun_endings=tuple(nouns["endings"]),
        nouns=frozenset(nouns["events"]),
        nouns_capitalized=bool(nouns["capitalized"]),
        compound_min=int(nouns["compound_min"]),
        date_gap=int(data["statements"]["date_gap"]),
        content_after_verb=bool(data["statements"]["content_after_verb"]),
        carry_after=frozenset(data["context"]["carry_after"]),
        refer_back=tuple(tuple(p.split()) for p in data["context"]["refer_back"]),
        compared=tuple(tuple(p.split()) for p in data["context"]["compared"]),
        pronouns=frozenset(data["context"]["pronouns"]),
        pronoun_reach=int(data["context"]["pronoun_reach"]),
        not_triggers=frozenset(data["context"]["not_triggers"]),
        language=language,
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
            base[i:] in lex.nouns for i in range(lex.compound_min, len(base) - 1)
        ):
            return True
    return False


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    text: str
    speech: bool
    noun: bool = False


def _trigger(text: str, lo: int, hi: int, sentence_start: int, language: str) -> _Trigger | None:
    lex = _lexicon(language)
    tokens = words(text, language, lo, hi)
    noun = None
    for i, (s, e, w) in enumerate(tokens):
        previous = tokens[i - 1][2] if i else ""
        if w in lex.not_triggers:
            continue
        if (
            (text[s:e] == w or s == sentence_start)
            and previous not in lex.verb_not_after
            and not previous[-1:].isdigit()  # "15 votes" is a noun
        ):
            if _stem_in(w, lex.speech, lex):
                return _Trigger(s, e, text[s:e], True)
            if _stem_in(w, lex.happening, lex):
                return _Trigger(s, e, text[s:e], False)
        if noun is None and _is_event_noun(w, text[s:e], lex):
            noun = _Trigger(s, e, text[s:e], False, noun=True)
    cues = sorted(tense_cues(text, lo, hi, language))
    for s, e, tense in cues:  # present-tense cues are mostly states ("steht", "gilt")
        if tense != PRESENT and " " not in text[s:e] and text[s:e].lower() not in lex.not_triggers:
            return _Trigger(s, e, text[s:e], False)
    main = _main_verb(text, tokens, lex)
    if main is not None:
        return main
    return noun


def _main_verb(text: str, tokens: list[tuple[int, int, str]], lex: _Lexicon) -> _Trigger | None:
    """The infinitive or participle a modal governs ("werde ... ändern", "will be fuelled")."""
    modal = next((i for i, (_, _, w) in enumerate(tokens) if w in lex.modals), None)
    if modal is None:
        return None
    following = tokens[modal + 1 :]
    auxiliaries = lex.not_triggers | lex.modals
    if lex.infinitive_last:  # verb-final: skip trailing auxiliaries ("gebaut werden")
        while following and following[-1][2] in auxiliaries:
            following = following[:-1]
        following = following[-1:]
    else:  # "will be fuelled": skip auxiliaries after the modal
        while following and following[0][2] in auxiliaries:
            following = following[1:]
    if not following:
        return None
    s, e, w = following[0]
    if text[s:e] != w or w in lex.verb_not_after:
        return None
    if lex.infinitive.match(w) or is_participle(w, lex.language):
        return _Trigger(s, e, text[s:e], False)
    return None


def _has_verb(text: str, lo: int, hi: int, sentence_start: int, language: str) -> bool:
    # a phrase that only tells a tense ("due by", "is expected to") is no verb of its own: the
    # piece it opens belongs to the clause before ("ordered a review, due by Feb. 1")
    if any(" " not in text[s:e] for s, e, _ in tense_cues(text, lo, hi, language)):
        return True
    found = _trigger(text, lo, hi, sentence_start, language)
    return found is not None and not found.noun


def clauses(
    text: str, language: str, timexes: Sequence[TimeExpression] = ()
) -> list[tuple[int, list[tuple[int, int]]]]:
    """The clauses of every sentence: pieces without a verb joined to their neighbour, and a
    verb of saying split from the content it introduces, as (sentence start, clause spans).
    `timexes` keep "said Friday" whole."""
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
        parts = [p for span in spans for p in _split_speech(text, span, s_start, language, timexes)]
        result.append((s_start, parts))
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
    if not _lexicon(language).content_after_verb:
        return [span]
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


def _compared(text: str, t: TimeExpression, lex: _Lexicon) -> bool:
    """Is the date only a point of comparison ("mehr als im Vorjahr", "than last year")?"""
    before = [w for _, _, w in words(text, lex.language, max(0, t.start - 30), t.start)][-2:]
    return any(tuple(before[-len(c) :]) == c for c in lex.compared)


def _best_date(
    text: str, timexes: Sequence[TimeExpression], lo: int, hi: int, trigger: _Trigger, lex: _Lexicon
) -> TimeExpression | None:
    """The date of the clause: among the dates with no comma between them and the trigger (or
    all, if there are none such), the most precise anchored one, then the nearest."""

    def gap(t: TimeExpression) -> tuple[int, int]:
        return (t.end, trigger.start) if t.end <= trigger.start else (trigger.end, t.start)

    inside = [
        t
        for t in timexes
        if lo <= t.start and t.end <= hi and t.type != "SET" and not _compared(text, t, lex)
    ]
    near = [t for t in inside if not crosses_punctuation(text, *gap(t), lex.language)]
    anchored = [t for t in near or inside if _anchored(t)]
    if not anchored:
        return None

    def key(t: TimeExpression) -> tuple[float, int]:
        width = (t.latest - t.earliest).days if t.earliest and t.latest else float("inf")
        a, b = gap(t)
        return width, b - a

    return min(anchored, key=key)


@dataclass(frozen=True)
class _Context:
    """What the next clause of the sentence may take over from this one."""

    trigger: _Trigger
    timex: TimeExpression | None
    tense: str
    subject: tuple[str, ...]  # actors named before the trigger


def _has_phrase(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(tokens[i : i + len(p)]) == p for p in phrases for i in range(len(tokens)))


def find_events(
    document: Document, timexes: Sequence[TimeExpression], actors: Sequence[Actor]
) -> list[Event]:
    """The events of one document; `timexes` are its dates, `actors` may span many documents."""
    text, language = document.text, document.language or "en"
    lex = _lexicon(language)
    mentions = sorted(
        (m.start, m.end, a.id) for a in actors for m in a.mentions if m.doc == document.id
    )
    mention_starts = [m[0] for m in mentions]
    people = {a.id for a in actors if a.kind == ActorKind.PERSON}
    bounds = sentences(text, language)
    timexes = sorted(timexes, key=lambda t: t.start)
    timex_starts = [t.start for t in timexes]
    events: list[Event] = []
    last_dated: TimeExpression | None = None
    for n, (sentence_start, spans) in enumerate(clauses(text, language, timexes)):
        previous: _Context | None = None
        reach_from = bounds[max(0, n - lex.pronoun_reach)][0]
        for lo, hi in spans:
            trigger = _trigger(text, lo, hi, sentence_start, language)
            if trigger is None:
                previous = None
                continue
            reported = previous is not None and previous.trigger.speech
            tokens = [w for _, _, w in words(text, language, lo, hi)]
            tense = clause_tense(text, trigger.start, trigger.end, language)
            inside = timexes[bisect_left(timex_starts, lo) : bisect_left(timex_starts, hi)]
            named = mentions[bisect_left(mention_starts, lo) : bisect_left(mention_starts, hi)]
            timex = _best_date(text, inside, lo, hi, trigger, lex)
            if (
                timex is None
                and previous is not None
                and tokens[0] in lex.carry_after
                and not previous.trigger.speech
                and tense in (previous.tense, UNKNOWN)
            ):
                timex = previous.timex
            if timex is None and _has_phrase(tokens, lex.refer_back):
                timex = last_dated
            ids = tuple(dict.fromkeys(a for _, e, a in named if e <= hi))
            subject = tuple(dict.fromkeys(a for s, _, a in named if s < trigger.start))
            if not ids and previous is not None and _starts_with_verb(text, lo, hi, trigger, lex):
                ids = subject = previous.subject
            if not ids and _pronoun_subject(text, lo, hi, trigger, lex):
                person = _last_person(mentions, people, lo, reach_from)
                ids = subject = (person,) if person else ()
            previous = _Context(trigger, timex, tense, subject)
            if timex is not None:
                last_dated = timex
            dated = any(t.end <= hi and t.type != "SET" for t in inside)
            if ids or timex is not None or dated or (reported and not trigger.noun):
                events.append(_event(document, len(events) + 1, lo, hi, trigger, ids, timex, tense))
    return events


def _pronoun_subject(text: str, lo: int, hi: int, trigger: _Trigger, lex: _Lexicon) -> bool:
    """Is the subject a personal pronoun: first word, or right after the trigger ("sagte er")?"""
    tokens = words(text, lex.language, lo, hi)
    while tokens and tokens[0][2] in lex.carry_after:
        tokens = tokens[1:]
    after = [w for s, _, w in tokens if s >= trigger.end][:1]
    return bool(tokens) and (tokens[0][2] in lex.pronouns or bool(set(after) & lex.pronouns))


def _last_person(
    mentions: list[tuple[int, int, str]], people: set[str], before: int, since: int
) -> str | None:
    """The person named last before `before` (not earlier than `since`)."""
    found = [a for s, _, a in mentions if since <= s < before and a in people]
    return found[-1] if found else None


def _starts_with_verb(text: str, lo: int, hi: int, trigger: _Trigger, lex: _Lexicon) -> bool:
    """Has the clause no subject of its own ("..., said the vote was", "und hatte ...")?"""
    tokens = words(text, lex.language, lo, hi)
    while tokens and tokens[0][2] in lex.carry_after:
        tokens = tokens[1:]
    if not tokens:
        return False
    first_start, first_end, _ = tokens[0]
    if first_start == trigger.start:
        return True
    return any(
        s == first_start for s, _, _ in tense_cues(text, first_start, first_end, lex.language)
    )


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
        planned = tense in TELLS_AHEAD or after_dct
    elif tense in TELLS_AHEAD:
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
