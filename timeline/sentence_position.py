"""Where a date stands in its text: the words and marks around it that the date engine reads
(a clause opening a span or a setting, a fronted date, an aside, a quotation, the sentence it is
in, a wire copy's dateline, a time stamp, a past report of a future), and the tense of its
clause. Plain tests on the text, apart from the story told so far (story.py) and the reading
against a reference (date_reading.py)."""

from __future__ import annotations

import re

from timeline.anchors import Mark
from timeline.clauses import quotation_around, sentence_at, sentences, starts_sentence
from timeline.date_engine import YEAR_SLOTS, YEARLESS_FRAMES, Engine, counts_on
from timeline.grammar import Candidate
from timeline.model import DocumentDate, Precision
from timeline.tense import clause_tense, future_in_past
from timeline.tense_cues import FUTURE, NO_SIDE, PAST

# Words at most between a date and the verb of saying that closes its clause ("am Donnerstag
# in Frankfurt mitteilte")
SAYING_CLOSE_WORDS = 3
WIRE_HEAD = 300  # characters at a text's start where an agency's dateline stands (wire_copy)
# Frames whose direction may come from the tense when the text gives no year or direction.
TENSE_FRAMES = {"date", "weekday", "season", "holiday", "time", "quarter"}


def same_sentence(text: str, before: int, at: int, language: str, back: int = 0) -> bool:
    """Is position `before` in the sentence that holds position `at`, or in one of the `back`
    sentences before that one?"""
    span = sentence_at(text, at, language)
    if span is None:
        return False
    spans = sentences(text, language)
    return spans[max(0, spans.index(span) - back)][0] <= before


def wire_copy(text: str, settings: dict) -> bool:
    """Is `text` wire copy, written the day it tells of: an agency's dateline at its start
    (lexicon `wire_agencies`: "Berlin (dpa) -") and no word for the day before (`day_before_words`:
    a print paper dated the morning after rewrites agency news with "gestern")?"""
    head = text[:WIRE_HEAD]
    if not any(f"({agency}" in head for agency in settings.get("wire_agencies", ())):
        return False
    words = settings.get("day_before_words", ())
    return not any(re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE) for w in words)


def timestamp(cand: Candidate, text: str) -> bool:
    """Is `cand` a clock time that opens its sentence before a colon, a live blog's or ticker's
    time stamp ("11:15 a.m.: The storm ...", "14.30 Uhr: Die Polizei ...")?"""
    after = text[cand.end : cand.end + 3].lstrip(" \t")
    return cand.pattern.frame == "time" and after[:1] == ":" and starts_sentence(text, cand.start)


def report_before(
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


def opens_span_clause(text: str, start: int, eng: Engine) -> bool:
    """Does the span word before `start` ("seit") open its clause: after a comma or a word of
    the lexicon's `span_start_clause_openers` ("und seit Anfang März 1941 landeten"), or at a
    sentence's start? Never in a language without that list."""
    openers = eng.lexicon.settings.get("span_start_clause_openers")
    before = text[max(0, start - 40) : start].split()
    if not openers or len(before) < 1:
        return False
    if len(before) == 1 or before[-2].endswith((",", ";", ":")):
        return True
    return before[-2].lower() in openers or opens_sentence(
        text, start - len(before[-1]) - 1, eng.language
    )


def opens_setting_clause(text: str, end: int, eng: Engine) -> bool:
    """Does a comma and a word of the lexicon's `setting_clause_openers` follow `end` ("in 1974,
    when the committee ...")? That clause tells what happened in the year before it."""
    openers = eng.lexicon.settings.get("setting_clause_openers", ())
    after = text[end : end + 20]
    if not after.startswith(","):
        return False
    words = after[1:].split()[:1]
    return bool(words) and words[0].lower() in openers


def fronted(text: str, cand: Candidate, eng: Engine) -> bool:
    """Does the year open its sentence, alone ("Last year, a big promotion pulled some sales
    into October") or after a word of the lexicon's `fronted_setting_words` ("In 1980,
    inflation ran at 13.5%, the prime rate touched 21.5% in December"), set off by a comma?
    Such a phrase sets the whole sentence, not only the words near it."""
    if text[cand.end : cand.end + 1] != ",":
        return False
    if opens_sentence(text, cand.start, eng.language):
        return True
    words = tuple(eng.lexicon.settings.get("fronted_setting_words", ()))
    return (
        bool(words)
        and opens_sentence(text, cand.start, eng.language, words)
        and bool(text[: cand.start].split()[-1:])
        and text[: cand.start].split()[-1].lower() in words
    )


def aside_end(
    text: str, start: int, sentence: tuple[int, int], eng: Engine, open_end: bool = False
) -> int | None:
    """The comma or semicolon that closes the relative clause set off by a comma `start`
    stands in (lexicon `aside_openers`: ", who set a record in 1958, died"), or None; with
    `open_end`, a clause that runs on to the sentence's end ends there."""
    openers = eng.lexicon.settings.get("aside_openers", ())
    comma = text.rfind(",", sentence[0], start)
    before = [w.lower() for w in text[comma + 1 : start].split()] if comma >= 0 else []
    # ... or a noun put beside one with an article and such a participle ("by the Filiki
    # Eteria, a secret society founded in Odessa in 1814, and it had begun in February")
    articles = eng.lexicon.settings.get("aside_article_openers", ())
    beside = before[:1] and before[0] in articles and any(w in openers for w in before[1:])
    if not before or (before[0] not in openers and not beside):
        return None
    end = text.find(",", start, sentence[1])
    while end >= 0 and text[end + 1 : end + 4].strip()[:1].isdigit():
        # a comma before a clock time or a day's number goes on with the date ("der seit
        # Mittwoch, 2 Uhr, den Verkehr lahmlegt"): the clause ends at a later comma
        end = text.find(",", end + 1, sentence[1])
    ends = [e for e in (end, text.find(";", start, sentence[1])) if e >= 0]
    return min(ends, default=sentence[1] if open_end else None)


def dates_saying(text: str, cand: Candidate, eng: Engine, previous: Mark | None) -> bool:
    """Does `cand` date a saying (right after a verb of [reporting_verb]: "the exchange said
    yesterday"; or in a clause closed a few words after it by one of [reporting_verb_final]: "wie
    das Unternehmen am Donnerstag in Frankfurt mitteilte") that reports a date told before it in
    its sentence (`previous`)?"""
    if previous is None:
        return False
    before = text[max(0, cand.start - 20) : cand.start].split()
    said = bool(before) and eng.lexicon.key("reporting_verb", before[-1]) is not None
    rest = re.split(r"[,.;:!?()]", text[cand.end : cand.end + 60], maxsplit=1)[0].split()
    closing = 0 < len(rest) <= SAYING_CLOSE_WORDS
    said = said or (closing and eng.lexicon.key("reporting_verb_final", rest[-1]) is not None)
    if not said:
        return False
    sentence = sentence_at(text, cand.start, eng.language)
    return sentence is not None and previous.end >= sentence[0]


def comparison_base(text: str, cand: Candidate, eng: Engine, previous: Mark | None) -> bool:
    """Is `cand` the base a figure of the date right before it is compared with ("fell 4.2
    percent in January from December": "a year earlier" then counts from January)?"""
    if previous is None or not after_word(text, cand.start, eng, "comparison_base_words"):
        return False
    between = text[previous.end : cand.start].split()
    return len(between) == 1  # the base word alone stands between the two dates


def compared_figure(text: str, start: int, end: int, eng: Engine) -> bool:
    """Is the date at `start` the time of a figure compared with, after a word of the lexicon's
    `figure_comparison_words` and the figure ("down from 20.8% in 1988", "compared with $4
    million in the year-earlier quarter")? Such a date is an aside: it sets no time for what the
    text tells after it ("... down from 20.8% in 1988, and output fell in October" is the
    October of the report's own year), unless a comma and a word of `figure_comparison_told`
    go on to tell of it ("up from $2.5 billion in 1979, the year the two countries ...")."""
    told = eng.lexicon.settings.get("figure_comparison_told", ())
    after = text[end + 1 : end + 21].split()
    if text[end : end + 1] == "," and after and after[0].lower() in told:
        return False
    words = eng.lexicon.settings.get("figure_comparison_words", ())
    joins = eng.lexicon.settings.get("figure_comparison_prepositions", ())
    before = text[max(0, start - 90) : start].lower().split()
    if not before or before[-1] not in joins:
        return False  # "up from 443.6 million Thursday": the day of the figure, no aside
    before = _without_alternative_figure(before[:-1], eng)
    for k in range(1, 4):  # the figure: one to three words, the first with a digit
        if len(before) > k and (before[-k - 1] in words or " ".join(before[-k - 2 : -k]) in words):
            figure = before[-k:]
            return any(c.isdigit() for c in figure[0]) and not any(
                w.endswith((",", ";", ".", ":")) for w in figure
            )
    return False


def _without_alternative_figure(words: list[str], eng: Engine) -> list[str]:
    """The words before a figure's date without the same figure told another way between
    commas ("from $53.4 million, or $1.36 a share, in 1988": "from $53.4 million"), after a
    word of the lexicon's `figure_alternative_words`."""
    alternative = eng.lexicon.settings.get("figure_alternative_words", ())
    if not words or not words[-1].endswith(","):
        return words
    for k in range(len(words) - 2, max(0, len(words) - 7), -1):
        if words[k] in alternative and words[k - 1].endswith(","):
            return words[: k - 1] + [words[k - 1].rstrip(",")]
    return words


def now_told_before(
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


def commemorates(cand: Candidate, text: str, eng: Engine, language: str) -> bool:
    """Does the sentence of `cand` speak of a commemoration (a word of the lexicon's
    `commemoration_words`: "Am Sonntag findet in Wien eine Gedenkfeier statt")? It is news of
    an anniversary, told from the DCT, not a day of the history it recalls."""
    words = eng.lexicon.settings.get("commemoration_words", ())
    span = sentence_at(text, cand.start, language)
    if not words or span is None:
        return False
    return any(w.strip(",;:.!?\"'()").lower() in words for w in text[span[0] : span[1]].split())


def after_word(text: str, start: int, eng: Engine, setting: str) -> bool:
    """Does a word of the lexicon's list `setting` stand right before `start`? A date after a
    word of `span_start_words` starts a span that reaches the report ("the lowest since the
    spring of 1988"): it is no setting for what follows, and "the year" or "a year ago" after
    it count from the DCT. One after a word of `span_end_words` is the bound of a time before
    it ("in der letzten Sitzung vor Weihnachten"), not when the text's events happen: the
    expressions after it do not count from it ("Die Sitzung beginnt um 9.30 Uhr"). One after a
    word of `since_words` starts a state that still holds (tense_of). A list may hold two words
    ("frühestens am")."""
    words = eng.lexicon.settings.get(setting, ())
    before = text[max(0, start - 30) : start].lower().split()
    return any(" ".join(before[-k:]) in words for k in (1, 2) if len(before) >= k)


def tense_of(cand: Candidate, text: str, eng: Engine, unmarked: str) -> str:
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
    needs_tense = needs_tense or (params.get("anchor") == "previous" and counts_on(params))
    # the period told before is the one meant only if the clause tells no results of it
    needs_tense = needs_tense or params.get("unit_told_running")
    if not needs_tense or "year" in cand.slots:
        return "unknown"
    if after_word(text, cand.start, eng, "since_words"):
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
    if (
        tense == FUTURE
        and unmarked == PAST
        and future_in_past(text, cand.start, cand.end, eng.language)
    ):
        # in a text that is all history, "could be seen", "would last" look ahead from the story
        tense = PAST
    return tense


def opens_sentence(
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


def quote_end(text: str, position: int, settings: dict) -> int | None:
    """Where the quotation around `position` ends (its closing mark, else its paragraph's end),
    None outside one. A date counted from the DCT there is the speaker's ("\"Last year we
    lost,\" he added"), no anchor for the narration after it."""
    quoted = quotation_around(text, position, settings.get("quote_marks", []))
    return quoted[1] if quoted else None


def _in_a_sentence(text: str, position: int, language: str) -> bool:
    """Is `position` inside a sentence of at least four words (not a heading or a phrase)?"""
    span = sentence_at(text, position, language)
    return span is not None and len(text[span[0] : span[1]].split()) >= 4
