"""The tense of the clause around a span: "past", "present", "future", "planned" or "unknown".

The date engine needs it to choose a direction for underspecified dates ("am Dienstag" in
"Scholz traf ... am Dienstag" is the last Tuesday, in "wird am Dienstag reisen" the next one),
and events use it to mark planned events. The cue words live in <lang>/tense.toml; clause
bounds come from timeline.clauses.

The search widens step by step until a cue is found: the piece around the span (cut at
punctuation and conjunctions), then the comma clause, then the sentence. Within one step the
cue nearest to the span decides; on a tie future beats past beats planned beats present,
because a planning word outweighs the auxiliary that carries it ("ist für Mai geplant").
A modal with a perfect infinitive reports a past act, not a plan ("soll ... gestohlen worden
sein", "soll ... überfallen haben"): there the modal counts as past.
A colon (tense.toml `scope_marks`) bounds the search like a sentence end: what follows it is
speech, a list or a statement of its own ("... kam sie nicht: Er gastiert am 9. Dezember").
A word after an infinitive marker is no participle ("ist bis 6. Jänner zu besuchen" is no
perfect of "besuchen"). A clause that ends in a zu-infinitive and has no other cue is future:
it names an act announced or decided, not done ("kündigte an, am Montag zurückzutreten").
A subordinate clause opened by a word of tense.toml `own_clause` has a finite verb of its own: with
no cue in it, the search ends there instead of taking the main clause's tense ("kritisierte,
dass die Gebühren ab 1. Jänner steigen").
A to-infinitive (tense.toml [planned]) is an act intended, agreed or ordered, "planned": it may
lie after a past report ("agreed to testify on Feb. 10"); so is the end of a term put off or
extended some words before ("extended the mandate for six months, until Oct. 17"). It reaches
forward only: a date before it dates the verb that governs it ("subpoenaed him Friday to
testify").
A clause opened by a relative pronoun (tense.toml `relative_openers`) has its own verb first:
a verb after the date, with one of its own before it, is the main clause's going on ("The
senator who resigned on Friday will testify" is last Friday).
A relative clause after a comma has a verb of its own: with no cue in it, the search ends there
("Der Rat billigte den Plan, der Wahlen im März vorsieht" takes no past from "billigte").
A German participle used as an adjective right after the date is the verb of its own phrase ("das
am Freitag beschlossene Gesetz tritt im Juli in Kraft" is past).
A verb of saying in the present right after a quote (tense.toml `quoted_sayings`) reports a
statement made ('„Wir sind bereit“, sagt Müller am Montag' is the Monday just past).
A date set for a plan lies ahead of the report ("The tribunal set March 22 for the start of the
trial", "called elections for Jan. 30"; tense.toml `scheduling_verbs`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import TypeVar

from timeline.clauses import (
    Piece,
    in_one_case_line,
    inside_number,
    pieces,
    quotation_around,
    sentences,
    starts_sentence,
    words,
)
from timeline.lexicon import resource
from timeline.ner import word_frequency

PAST, PRESENT, FUTURE, UNKNOWN = "past", "present", "future", "unknown"
# An act intended, agreed or ordered ("agreed to testify on Feb. 10"): after the report, which
# may be past, so a date in it leans ahead but may still be behind the DCT.
PLANNED = "planned"
# A verb group that tells no side of the report ("would have been held": what did not happen):
# as the cue nearest to a date it ends the search with no tense, not even the unmarked one
NO_SIDE = "no side"
_RANK = {FUTURE: 0, PAST: 1, PLANNED: 2, PRESENT: 3, NO_SIDE: 4}
CLAUSE_CLOSERS = (".", ",", ";", ":", "!", "?")  # marks after a verb that closes its clause


_Section = TypeVar("_Section")


@dataclass(frozen=True)
class _PastCues:
    """tense.toml [past]: past forms by list, ending and prefix, perfects, and what makes a past
    form none."""

    suffixes: tuple[str, ...] = ()
    # verb prefixes before a listed one-word past form: "bekam", "zurücktrat", "teilnahm";
    # not on words with these endings after a prefix of `participle_prefixes` (all when it is
    # empty): participles too ("verboten"), where a separable prefix makes none ("stattfanden")
    prefixes: tuple[str, ...] = ()
    prefixed_not_endings: tuple[str, ...] = ()
    participle_prefixes: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()  # the one-word past forms listed
    not_suffixed: frozenset[str] = frozenset()
    not_endings: tuple[str, ...] = ()
    not_after: frozenset[str] = frozenset()
    # a suffixed word right after the verb of one of these is an adjective before that verb's
    # object ("would build prefabricated homes"), unless the verb is a perfect's auxiliary
    object_after_modals: frozenset[str] = frozenset()
    # listed past forms that are nouns too ("Schloss", "Stand"), and the words before which
    # they are: in a line in one case the capital cannot tell ("AUF SCHLOSS RUNKELSTEIN")
    nouns_too: frozenset[str] = frozenset()
    noun_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()  # a past form before these is a passive's
    # a past form that is also a participle, closing its clause after one of these, is a present
    # passive of what is to come ("Also wird das Gesetz im September beschlossen")
    passive_auxiliaries_before: frozenset[str] = frozenset()
    # "and", "or" join a participle to one after a `not_after` word at most this many words on
    coordinators: frozenset[str] = frozenset()
    coordination_reach: int = 0
    # with one of these in the piece, such a word after a participle is the infinitive of a past
    # passive ("musste am Sonntag gesperrt werden"), no future
    modals: frozenset[str] = frozenset()
    perfect_auxiliaries: frozenset[str] = frozenset()
    # the auxiliary of a perfect stands before its participle ("has said"; "said it has" is
    # none), as in English; German has it after one too ("beschlossen hat")
    auxiliary_first: bool = False
    perfect_reach: int = 0  # words at most between them in English ("has not yet been"), 0: any
    participles: frozenset[str] = frozenset()
    participle_patterns: tuple[re.Pattern, ...] = ()
    not_participles: frozenset[str] = frozenset()
    # endings of plural nouns that look like participles ("Veranstaltungen", "Ergebnissen"):
    # written with a capital, also at a sentence start, such a word is the noun
    noun_endings: tuple[str, ...] = ()
    # participles of a state after a form of "to be" ("ist ... gesperrt"), perfect after "hat"
    state_participles: frozenset[str] = frozenset()
    state_auxiliaries: frozenset[str] = frozenset()
    # words listed as no participles for a state after "hat" ("hat am Sonntag geschlossen") that
    # make a perfect with an object: a determiner of `object_determiners` between the auxiliary
    # and them, not right after a word of `object_not_after` ("hat im März sein Werk
    # geschlossen"; "hat über seine Feiertage geschlossen" stays a state)
    object_perfects: frozenset[str] = frozenset()
    object_determiners: frozenset[str] = frozenset()
    object_not_after: frozenset[str] = frozenset()
    reported_modals: frozenset[str] = frozenset()
    # a modal before a perfect that tells what did not happen ("a runoff that would have been
    # held on Oct. 25"): on either side of the report, its verb group gives no tense
    conditional_modals: frozenset[str] = frozenset()
    # phrase -> does it need a participle in front ("überfallen haben"; "worden sein" has one)
    perfect_infinitives: dict[tuple[str, ...], bool] = field(default_factory=dict)
    bare_participle_endings: tuple[str, ...] = ()  # "überfallen" before "haben"
    attributive_prefixes: tuple[str, ...] = ()  # "geführte" before a noun is an adjective
    # verbs of saying in the present that report a quote right before them ('„…“, sagt Müller am
    # Montag': a statement made, past, for a date after them), unless their clause ends in one
    # of the particles ("sagt das Fest am Samstag ab" cancels it)
    quoted_sayings: frozenset[str] = frozenset()
    quoted_sayings_not_with: frozenset[str] = frozenset()
    quoted_reach: int = 0  # words between the quote and the verb ("Smith says"; German: "sagt")

    @staticmethod
    def read(section: dict, present_words: list[str]) -> _PastCues:
        cues = _read_section(_PastCues, section)
        return replace(
            cues,
            words=frozenset(w.lower() for w in section["words"] if " " not in w),
            # a word listed as a present cue is no past by its ending ("trete", Konjunktiv I)
            not_suffixed=cues.not_suffixed | {w.lower() for w in present_words if " " not in w},
            perfect_infinitives={
                tuple(p.split()): len(p.split()) == 1
                for p in section.get("perfect_infinitives", [])
            },
        )


@dataclass(frozen=True)
class _FutureCues:
    """tense.toml [future]: a plan made before, and the zu-infinitive of a plan."""

    # planning participles after a past auxiliary in the piece tell of a plan made before, now
    # over or given up ("Die Lesung war im April geplant"): past, not future
    past_plan_words: frozenset[str] = frozenset()
    past_plan_auxiliaries: frozenset[str] = frozenset()
    infinitive_markers: frozenset[str] = frozenset()  # "zu" in "zu sanieren"
    infinitive_patterns: tuple[re.Pattern, ...] = ()  # "zurückzutreten"
    not_infinitives: frozenset[str] = frozenset()  # "gewesen zu sein" is no plan
    infinitive_endings: tuple[str, ...] = ()  # "sanieren" after "zu"
    # a perfect in a clause of condition with a deadline tells what will be done by then ("Wer
    # bis Ende September nicht gezahlt hat, erhält eine Mahnung"): a future perfect, no past
    perfect_condition_openers: frozenset[str] = frozenset()
    perfect_deadline_markers: frozenset[str] = frozenset()
    perfect_present_auxiliaries: frozenset[str] = frozenset()
    # a past modal put first in its clause sets a condition ("Sollte sich das Verfahren bis in
    # den Herbst ziehen, ..."): what may come, no past
    conditional_openers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _PlannedCues:
    """tense.toml [planned]: acts intended (a to-infinitive), terms put off and dates set."""

    markers: frozenset[str] = frozenset()  # "to" before an infinitive ("to testify")
    not_infinitives: frozenset[str] = frozenset()  # nouns after the marker ("to court")
    # ... verbs all the same before these particles ("to hand over power", not "hand to hand")
    verb_particles: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()  # a marker after these is a preposition ("due to")
    # ... or an act done, when one of these past verbs of making happen stands before its object
    # at most `object_reach` words before it ("forced the race committee to call it off")
    object_verbs: frozenset[str] = frozenset()
    object_reach: int = 0
    plural_endings: tuple[str, ...] = ()  # a noun's plural after the marker ("to shareholders")
    not_plural_endings: tuple[str, ...] = ()  # ... but not "to discuss", "to focus"
    # "extended the mandate ... until Oct. 17": a term's end after a verb of putting off, some
    # words back, is planned too
    deferral_verbs: frozenset[str] = frozenset()
    deferral_markers: frozenset[str] = frozenset()
    deferral_reach: int = 0
    # ... and a term's end after a verb of ordering, before these markers only ("ordered flags
    # lowered through Sunday"; not "ordered troops into the province on Monday")
    order_verbs: frozenset[str] = frozenset()
    order_markers: frozenset[str] = frozenset()
    # ... unless a verb of a term told as run stands between ("imposed a curfew that lasted
    # until Friday": the term is over)
    deferral_blockers: frozenset[str] = frozenset()
    # "ordered checks of the airports by the end of January": a deadline after a verb of
    # ordering or asking, some words back (deferral_reach), is planned too; the marker right
    # after the verb is its agent ("was ordered by the court"), before a word in small letters
    # no date ("ordered by phone")
    deadline_verbs: frozenset[str] = frozenset()
    deadline_markers: frozenset[str] = frozenset()
    # ... not where the deadline is told as met or missed ("met its target of 15 million by
    # Feb. 15")
    deadline_blockers: frozenset[str] = frozenset()
    # a date named as the one of a plan: right after a verb of setting a date and before "for"
    # or "as" ("set March 22 for the start of the trial"), or after "for" some words after that
    # verb ("called elections for Jan. 30")
    scheduling_verbs: frozenset[str] = frozenset()
    scheduling_markers: frozenset[str] = frozenset()
    scheduling_reach: int = 0
    scheduling_not_after: frozenset[str] = frozenset()  # "had ... set Friday as the deadline"
    # between the verb and a date that names its noun ("setting a Jan. 14 return date")
    scheduling_articles: frozenset[str] = frozenset()
    # between the marker and the date ("Neuwahlen für den 30. Juni"), and how many words after
    # the date a verb of setting counts, where the verb may close the clause ("hat die
    # Lockerungen ab 1. Juli beschlossen", "wurde auf den 31. Jänner verschoben")
    scheduling_marker_articles: frozenset[str] = frozenset()
    scheduling_reach_after: int = 0
    # between two dates after one marker: "für Donnerstag und Freitag" (the second is planned too)
    scheduling_coordinators: frozenset[str] = frozenset()
    # the tense of such a date: "future", or "planned" where the plan is told as made and its
    # day may be the report's own ("kündigte für Donnerstag eine Erklärung an" on a Thursday)
    scheduling_tense: str = FUTURE
    # a past verb of expecting with an infinitive marker some words on ("said he expected revenue
    # in the second quarter to be flat"): what was expected lies after the report, planned
    expectation_verbs: frozenset[str] = frozenset()
    expectation_not_after: frozenset[str] = frozenset()  # "had expected": a past expectation
    expectation_reach: int = 0


@dataclass(frozen=True)
class _PresentCues:
    """tense.toml [present]: verbs that govern an infinitive, and a verb after a pronoun."""

    # verbs that govern an infinitive ("wird", "soll"): a listed present form with an
    # infinitive's ending in their piece is that infinitive ("wird am Mittwoch enden")
    infinitive_auxiliaries: frozenset[str] = frozenset()
    # a word with one of `subject_verb_endings` right after one of `subject_pronouns` is a verb
    # in the present ("said it sees a recovery", "said he testifies on Friday")
    subject_pronouns: frozenset[str] = frozenset()
    subject_verb_endings: tuple[str, ...] = ()
    not_subject_verbs: frozenset[str] = frozenset()
    # German: such a word before a capitalized noun is an adjective ("gab es große Probleme")
    subject_verb_not_before_noun: bool = False
    # listed present forms that are plural nouns right after a count ("The 12 heads of
    # government", "two runs"), and the count's word pattern (a year, four digits, is none:
    # "sales since 1986 have risen"; "The two are due" keeps its verb, not listed)
    count_nouns: frozenset[str] = frozenset()
    count_pattern: str = ""


@dataclass(frozen=True)
class _ScopeCues:
    """tense.toml [scope]: where a clause's tense reaches, and pieces with a verb of their own."""

    marks: frozenset[str] = frozenset()  # ":" ends the search like a sentence end
    own_clause: frozenset[str] = frozenset()  # "dass": a clause it opens has its own tense
    aside_verbs: frozenset[str] = frozenset()  # "say" ending a piece set off by commas
    aside_length: int = 4  # ... of at most so many words ("wie die Gemeinde am Montag mitteilte")
    # one-word cues that are something else when capitalized, even at a sentence start or in a
    # line in capitals ("may", the month "May"): cues only when written in lower case (a phrase
    # such as "may continue" counts in capitals too)
    lower_case_only: frozenset[str] = frozenset()
    # "which", "who": a piece set off by commas that opens with one describes a noun ("Compaq,
    # which said it found the bugs, still announces ...")
    relative_openers: frozenset[str] = frozenset()
    # "that": a relative clause's opener too, or a reported one's; a past verb after it governs
    # a date after that verb, as a relative clause's own verb does
    past_relative_openers: frozenset[str] = frozenset()
    # "what" opening a sentence: a free relative, the subject, with its own verb first ("What
    # happened on Friday doesn't change what people buy")
    free_relative_openers: frozenset[str] = frozenset()
    relative_prepositions: frozenset[str] = frozenset()  # ", auf der", ", in which"
    verb_final_relatives: bool = False  # German: a relative clause ends in its verb
    # a participle with an adjective's ending right after the date is the verb of its own
    # phrase ("das am Freitag beschlossene Gesetz", "die am Montag beginnende Konferenz"): past,
    # or present for a present participle (a stem with one of `present_participle_endings`)
    attributive_endings: tuple[str, ...] = ()
    present_participle_endings: tuple[str, ...] = ()
    attributive_not_before: frozenset[str] = frozenset()  # "erwarten die Meteorologen": a verb
    infinitive_ending: str = ""  # "erreich" + "en": the verb of a participle "erreicht"
    apposition_openers: frozenset[str] = frozenset()  # "dem" in "am Samstag, dem Allerheiligentag"
    apposition_words: int = 0
    # verbs of saying whose reported clause may open with its subject: a date in that subject is
    # the reported clause's, whose verb comes after it ("GM said its first-quarter output would
    # fall"), where it follows "that" or a determiner (`reported_subject_words`) or modifies a
    # noun (`noun_modifier_marks`: "said fourth-quarter profit would fall", "said Friday's talks")
    reported_verbs: frozenset[str] = frozenset()
    reported_subject_words: frozenset[str] = frozenset()
    noun_modifier_marks: tuple[str, ...] = ()
    # how much farther a cue after the span counts than one before it: an English verb governs
    # the dates after it ("flew on Friday for talks expected to ..."), a German one also those
    # before it ("Am Montag traf ...")
    after_weight: float = 1
    # a piece whose only cues are present perfect auxiliaries ([future]
    # perfect_present_auxiliaries), cut off before one of these conjunctions, reads on: its
    # participle may stand after a pair of nouns ("sind am Sonntag die Spieler und der Trainer
    # ausgepfiffen worden"); its present holds when nothing farther tells a tense
    auxiliary_reads_on: frozenset[str] = frozenset()
    # "that" after a lone conjunction ("and that", "but that") opens a second reported clause
    # with a verb of its own: the comma clause of a date before it ends there
    coordinated_openers: frozenset[str] = frozenset()
    # "as", "because": after the span they open a clause of its own, whose verb does not date
    # the span when a verb before it does ("passed 40 degrees Celsius Saturday as it has every
    # day": "has" made Saturday the next one)
    later_clause_openers: frozenset[str] = frozenset()
    # ... and so do these right after a comma ("in October, and said ...")
    comma_clause_openers: frozenset[str] = frozenset()
    # "when", "once": a clause they open tells a future in the present after a main clause in the
    # future ("will adopt the euro when it is launched on January first" is next January)
    future_time_openers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Cues:
    """A language's tense.toml: the cue phrases of every tense and each section's own cues."""

    # first word -> (phrase, tense) for every cue phrase
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    # tense -> words or phrases after which a listed cue of that tense is none ("is paid",
    # "will have", "had been scheduled")
    blocked_after: dict[str, frozenset[tuple[str, ...]]]
    # listed cue word -> words before which it is a noun ("rate cut", "electoral votes")
    compound_heads: dict[str, frozenset[str]]
    quote_marks: frozenset[str]  # the quote marks of lexicon.toml
    quote_pairs: list[list[str]]  # ... as pairs of opening and closing marks
    past: _PastCues
    future: _FutureCues
    planned: _PlannedCues
    present: _PresentCues
    scope: _ScopeCues


def _read_section(kind: type[_Section], section: dict) -> _Section:
    """The cues of one tense.toml section as the dataclass `kind`: each field from the key of
    its name (as a set or a tuple where its default is one; a `..._patterns` field's regular
    expressions compiled, an `..._endings` field's endings longest first, so that the first
    that fits is the whole ending), its default where it is missing."""
    values = {}
    for f in fields(kind):
        if f.name in section:
            value = section[f.name]
            if f.name.endswith("_patterns"):
                value = map(re.compile, value)
            if f.name.endswith("_endings"):
                value = sorted(value, key=len, reverse=True)
            values[f.name] = (
                type(f.default)(value) if isinstance(f.default, (frozenset, tuple)) else value
            )
    return kind(**values)


@cache
def _cues(language: str) -> _Cues:
    """The cues of a language's tense.toml, read once (every date's clause asks for them)."""
    data = resource(language, "tense.toml")
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for tense, section in (
        (FUTURE, FUTURE),
        (PAST, PAST),
        (PRESENT, PRESENT),
        (NO_SIDE, "no_side"),
    ):
        for cue in data.get(section, {}).get("words", []):
            # split as the text is ("re-election": "re", "election"; "run-up": "run", "up")
            phrase = tuple(w for _, _, w in words(cue.lower(), language, 0, len(cue)))
            phrases.setdefault(phrase[0], []).append((phrase, tense))
    nouns = data.get("nouns", {}).get("after", {})
    marks = resource(language, "lexicon.toml").get("quote_marks", [])
    return _Cues(
        phrases={first: tuple(found) for first, found in phrases.items()},
        blocked_after={
            t: frozenset(tuple(w.split()) for w in data.get(t, {}).get("blocked_after", []))
            for t in _RANK
        },
        compound_heads={w: frozenset(heads) for w, heads in nouns.items()},
        quote_marks=frozenset("".join(m for pair in marks for m in pair)),
        quote_pairs=marks,
        past=_PastCues.read(data[PAST], data[PRESENT]["words"]),
        future=_read_section(_FutureCues, data[FUTURE]),
        planned=_read_section(_PlannedCues, data.get(PLANNED, {})),
        present=_read_section(_PresentCues, data[PRESENT]),
        scope=_read_section(_ScopeCues, data.get("scope", {})),
    )


def clause_tense(text: str, start: int, end: int, language: str) -> str:
    """The tense of the clause around text[start:end] (past, present, future, planned, unknown;
    "no side" where its verb tells none, as a conditional perfect: not even the unmarked one)."""
    spans = sentences(text, language)
    i = bisect_right(spans, (start, len(text) + 1)) - 1
    if i < 0 or start >= spans[i][1]:  # the span starts between sentences
        i += 1
    if i >= len(spans) or spans[i][0] >= end:
        return UNKNOWN
    cues = _cues(language)
    attributive = _attributive_participle(text, end, cues, language)
    if attributive != UNKNOWN:
        return attributive
    sentence = _within_reach(text, _scope(text, spans[i], start, end, cues.scope.marks), start, end)
    if quoted := quotation_around(text, start, cues.quote_pairs):
        # a date in a quotation has the speaker's verb, not the attribution's ("\"we could see
        # $17 oil by March,\" said an economist": no past) ...
        inner = (max(sentence[0], quoted[0]), min(sentence[1], quoted[1]))
        tense = _sentence_tense(text, inner, start, end, cues, language)
        if tense != UNKNOWN or not _quoted_fragment(text, quoted[0], sentence[0], cues):
            return tense
        # ... but a quoted fragment with no verb of its own goes on the sentence around it
        # ('Barak said Israelis would "choose a different path in the spring."')
    return _sentence_tense(text, sentence, start, end, cues, language)


def _quoted_fragment(text: str, inside: int, sentence_start: int, cues: _Cues) -> bool:
    """Is the quotation opening at `inside` a piece of its sentence (words before its mark, a
    lower-case word first), no statement of its own?"""
    marks = "".join(opening for opening, _ in cues.quote_pairs)
    before = text[sentence_start:inside].strip().strip(marks).strip()
    return text[inside : inside + 1].islower() and before != ""


def _sentence_tense(
    text: str, sentence: tuple[int, int], start: int, end: int, cues: _Cues, language: str
) -> str:
    """The tense of the clause around text[start:end] within `sentence`: the cues widening from
    the span's piece to the sentence (clause_tense)."""
    if _scheduled(text, sentence, start, end, cues, language):
        return cues.planned.scheduling_tense
    parts = pieces(text, sentence[0], sentence[1], language)
    if _quoted_saying(text, parts, start, cues, language):
        return PAST
    if _figure_aside(text, parts, start, end, language):
        return UNKNOWN
    asides = _asides(text, parts, start, end, cues, language)
    held = UNKNOWN  # the present of a bare auxiliary, read on past (_auxiliary_reads_on)
    appositions = _appositions(text, parts, cues)
    for lo, hi in _widening(
        parts, start, end, sentence, appositions, _coordinated(text, parts, cues)
    ):
        relative = _relative_opener(text, lo, hi, cues, language)
        tense = _tense_in(text, lo, hi, start, end, language, asides, relative)
        if tense == PAST and _future_perfect(text, lo, hi, start, cues, language):
            return UNKNOWN
        if (
            tense == PRESENT
            and held == UNKNOWN
            and _auxiliary_reads_on(text, lo, hi, cues, language)
        ):
            held = PRESENT
            continue
        if tense == NO_SIDE:
            return NO_SIDE  # the date's verb tells no side of the report; the main clause's neither
        if tense == PRESENT and _future_time_clause(text, sentence[0], lo, hi, cues, language):
            return FUTURE
        if tense != UNKNOWN:
            return tense
        opener = words(text, language, lo, hi)[:1]
        if opener and opener[0][2] in cues.scope.own_clause:
            return held
        if relative and _relative_clause(text, lo, hi, start, end, cues, language):
            return held
    return held


def _future_time_clause(
    text: str, sentence_start: int, lo: int, hi: int, cues: _Cues, language: str
) -> bool:
    """Does text[lo:hi] open with a `future_time_openers` word right after a main clause whose
    cue nearest to it is future: its present is that future's ("will adopt the euro when it is
    launched on January first")?"""
    opener = words(text, language, lo, hi)[:1]
    if not opener or opener[0][2] not in cues.scope.future_time_openers or lo <= sentence_start:
        return False
    before = tense_cues(text, sentence_start, lo, language)
    return bool(before) and max(before, key=lambda c: c[1])[2] == FUTURE


def _figure_aside(text: str, parts: list[Piece], start: int, end: int, language: str) -> bool:
    """Is the span in a figure set off by commas between the sentence's subject and its verb,
    with no verb of its own ("Its deposits, about $1.1 billion at the end of September, will be
    transferred")? The figure was measured then; the main clause's tense tells nothing of when.
    Not a figure after a clause ("Stocks ended 1989 high, with the index at 38,915 on Friday,
    the last trading day": "ended" governs it)."""
    i = next((k for k, p in enumerate(parts) if p.start <= start < p.end), None)
    if i != 1 or i + 1 >= len(parts) or end > parts[i].end:
        return False
    if tense_cues(text, parts[0].start, parts[0].end, language):
        return False
    piece = parts[i]
    return (
        piece.after_punctuation
        and parts[i + 1].after_punctuation
        and text[piece.start - 2 : piece.start].strip() == ","
        and any(c.isdigit() for c in text[piece.start : start])
        and not tense_cues(text, piece.start, piece.end, language)
    )


def _auxiliary_reads_on(text: str, lo: int, hi: int, cues: _Cues, language: str) -> bool:
    """Are the only cues of the piece text[lo:hi] present perfect auxiliaries, with one of
    `auxiliary_reads_on` right after it ("sind am Sonntag die Spieler | und der Trainer
    ausgepfiffen worden")? Its participle may stand beyond the conjunction."""
    after = words(text, language, hi, min(len(text), hi + 20))[:1]
    if not after or after[0][2] not in cues.scope.auxiliary_reads_on:
        return False
    found = tense_cues(text, lo, hi, language)
    auxiliaries = cues.future.perfect_present_auxiliaries
    return bool(found) and all(text[s:e].lower() in auxiliaries for s, e, _ in found)


def _future_perfect(text: str, lo: int, hi: int, start: int, cues: _Cues, language: str) -> bool:
    """Is the past of text[lo:hi] a perfect with a present auxiliary in a clause of condition,
    with the date a deadline ("Wer bis Ende September nicht gezahlt hat, ...", "Wenn bis Freitag
    keine Einigung erzielt worden ist, ...")? That is done by the date, which may lie ahead."""
    future = cues.future
    said = [w for _, _, w in words(text, language, lo, hi)]
    before = [w for _, _, w in words(text, language, lo, start)]
    return (
        bool(said)
        and said[0] in future.perfect_condition_openers
        and bool(before)
        and before[-1] in future.perfect_deadline_markers
        and bool(future.perfect_present_auxiliaries & set(said))
    )


def _relative_opener(
    text: str, lo: int, hi: int, cues: _Cues, language: str
) -> tuple[int, int, str] | None:
    """The relative pronoun that opens text[lo:hi], also after a preposition and a comma (", auf
    der am Freitag der Umzug stattfindet", ", in which ..."; "In der Vorwoche waren es 20" opens
    with an article), or None."""
    opening = words(text, language, lo, hi)[:2]
    if opening and opening[0][2] in cues.scope.relative_prepositions:
        if not text[: opening[0][0]].rstrip().endswith(","):
            return None
        opening = opening[1:]
    scope = cues.scope
    openers = scope.relative_openers | scope.past_relative_openers | scope.free_relative_openers
    return opening[0] if opening and opening[0][2] in openers else None


def _relative_clause(
    text: str, lo: int, hi: int, start: int, end: int, cues: _Cues, language: str
) -> bool:
    """Is text[lo:hi], opened by a relative pronoun, a relative clause with a verb of its own:
    after a comma (a German article opens a sentence: "Die Feier am Samstag und das Konzert
    fanden statt"), with more words than the pronoun and the date text[start:end] (", dem 3.
    Juni" is the date again), and, where relative clauses end in their verb (tense.toml
    `verb_final_relatives`), a last word in small letters after the date (", in der Nacht auf
    Sonntag", ", in der Nacht zum Sonntag gegen 3 Uhr" tell a time)?"""
    said = words(text, language, lo, hi)
    outside = [w for w in said if w[1] <= start or w[0] >= end]
    if not text[:lo].rstrip().endswith(",") or len(outside) < 2:
        return False
    s, e, w = said[-1]
    return not cues.scope.verb_final_relatives or (s >= end and w == text[s:e] and w.isalpha())


def _attributive_participle(text: str, end: int, cues: _Cues, language: str) -> str:
    """The tense of a participle used as an adjective right after the span: the date is part of
    its phrase ("das am Freitag beschlossene Gesetz tritt im Juli in Kraft" is past, "die am
    Montag beginnende Konferenz wurde abgesagt" present). A word that is a cue of its own or no
    past by its ending ("die für Freitag geplante Sitzung", "erwartete") gives nothing here."""
    after = words(text, language, end, end + 60)[:2]
    if not after or not cues.scope.attributive_endings or text[end : after[0][0]].strip():
        return UNKNOWN
    # before an article or pronoun it is a verb put second, before its subject
    second = len(after) > 1 and text[after[1][0] : after[1][1]] in cues.scope.attributive_not_before
    s, e, w = after[0]
    if text[e : e + 1] in CLAUSE_CLOSERS:
        # a participle closing its clause is its verb, no adjective before a noun: a strong one
        # in "-en" is no inflected weak one ("wird am Sonntag abgehalten.", not "abgehalt-en")
        return UNKNOWN
    if (
        w != text[s:e]
        or w in cues.phrases
        or w in cues.past.not_suffixed
        or w in cues.past.not_participles
    ):
        return UNKNOWN
    if any(
        p.match(w) for p in cues.future.infinitive_patterns
    ):  # "bis Ende November beizubehalten"
        return UNKNOWN
    ending = next((x for x in cues.scope.attributive_endings if w.endswith(x)), None)
    stem = w[: -len(ending)] if ending else ""
    if len(stem) < 4:
        return UNKNOWN
    if stem.endswith(cues.scope.present_participle_endings):
        return PRESENT
    if not _is_participle(stem, cues) or stem in cues.past.state_participles:
        return UNKNOWN
    if second:
        # a weak past plural, the participle's verb a known word ("Am Montagabend erreichten die
        # Böen": "erreichen"), else a present whose stem ends in "t" ("Am Wochenende erwarten
        # die Meteorologen": no verb "erwaren")
        verb = stem[:-1] + cues.scope.infinitive_ending
        return PAST if stem.endswith("t") and verb in word_frequency(language) else UNKNOWN
    return PAST


def _quoted_saying(text: str, parts: list[Piece], start: int, cues: _Cues, language: str) -> bool:
    """Does the span follow the verb of saying that opens the attribution after a quote, in the
    present ('„Wir sind bereit“, sagt Müller am Montag', '"We are ready," Smith says on Monday':
    up to `quoted_reach` words before the verb)? That present reports a statement made: past.
    Not when the clause ends in a particle that makes the verb another ("sagt das Fest am
    Samstag ab"), and not for a date in the quote itself, which has its own verb."""
    piece = next((p for p in parts if p.start <= start < p.end), None)
    if piece is None or not cues.past.quoted_sayings:
        return False
    said = words(text, language, piece.start, piece.end)
    if not said or not _after_quote(text, said[0][0], cues):
        return False
    verbs = [t for t in said[: cues.past.quoted_reach + 1] if t[2] in cues.past.quoted_sayings]
    return (
        bool(verbs)
        and verbs[0][1] <= start
        and said[-1][2] not in cues.past.quoted_sayings_not_with
    )


def _after_quote(text: str, position: int, cues: _Cues) -> bool:
    """Does a quote with its comma end right before `position` ('…“, ', '…," ')?"""
    before = text[max(0, position - 8) : position].rstrip()
    marks = "".join(cues.quote_marks)
    if before.endswith(","):
        return before[:-1].rstrip()[-1:] in cues.quote_marks
    return before[-1:] in cues.quote_marks and before.rstrip(marks).endswith(",")


def _scheduled(
    text: str, sentence: tuple[int, int], start: int, end: int, cues: _Cues, language: str
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
    cues: _Cues,
    language: str,
) -> tuple[int, bool]:
    """Is text[start:end], after "for" (and an article) as the last of the words `before` it,
    the date a verb of setting sets: a few words after the verb ("called elections for Jan.
    30") or, where the verb may close the clause, a few words before it ("hat die Lockerungen
    ab 1. Juli beschlossen")? With where in `before` that verb stands (past its end where it
    comes after the date). Split from `_scheduled`: a rule of its own, with its own piece."""
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
    return verb, found


SENTENCE_REACH = 500  # characters of a "sentence" read on either side of a date


def _within_reach(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """At most SENTENCE_REACH characters of the sentence on either side of the span, cut at a
    space: a text without sentence ends (a transcript, a pasted list) is no one sentence, and
    reading all of it for each date would take time quadratic in its length."""
    lo, hi = sentence
    if start - lo > SENTENCE_REACH:
        cut = text.find(" ", start - SENTENCE_REACH, start)
        lo = cut + 1 if cut >= 0 else start - SENTENCE_REACH
    if hi - end > SENTENCE_REACH:
        cut = text.rfind(" ", end, end + SENTENCE_REACH)
        hi = cut if cut >= 0 else end + SENTENCE_REACH
    return lo, hi


def _scope(
    text: str, sentence: tuple[int, int], start: int, end: int, marks: frozenset[str]
) -> tuple[int, int]:
    """The part of the sentence between the scope marks around the span (not "14:30")."""
    lo, hi = sentence
    if not marks:
        return sentence
    for i in range(start - 1, lo - 1, -1):
        if text[i] in marks and not inside_number(text, i):
            lo = i + 1
            break
    for i in range(end, hi):
        if text[i] in marks and not inside_number(text, i):
            hi = i
            break
    return lo, hi


def _appositions(text: str, parts: list[Piece], cues: _Cues) -> set[int]:
    """The pieces set off by commas that restate a noun before them with an article of
    `apposition_openers` and at most `apposition_words` words ("am Samstag, dem
    Allerheiligentag, ..."): no clause of their own, the clause goes on after them."""
    found = set()
    for i, p in enumerate(parts[1:-1], start=1):
        words = text[p.start : p.end].split()
        if (
            p.after_punctuation
            and parts[i + 1].after_punctuation
            and words[0].lower() in cues.scope.apposition_openers
            and len(words) <= cues.scope.apposition_words
        ):
            found.add(i)
    return found


def _coordinated(text: str, parts: list[Piece], cues: _Cues) -> set[int]:
    """The lone conjunctions that join a second reported clause (`coordinated_openers`: "and"
    before "that more would follow"): the comma clause before them ends there."""
    found = set()
    for i, p in enumerate(parts[:-1]):
        nxt = parts[i + 1]
        if nxt.after_punctuation or len(text[p.start : p.end].split()) != 1:
            continue
        opener = text[nxt.start : nxt.end].split()[0].lower()
        if opener in cues.scope.coordinated_openers:
            found.add(i)
    return found


def _widening(
    parts: list[Piece],
    start: int,
    end: int,
    sentence: tuple[int, int],
    appositions: set[int] = frozenset(),
    coordinated: set[int] = frozenset(),
) -> list[tuple[int, int]]:
    """The piece around the span (with the piece after an apposition right after it: "ist am
    Samstag, dem Allerheiligentag, ... gestorben"), its comma clause up to a `coordinated`
    conjunction after it (_coordinated), the whole sentence."""
    inside = [i for i, p in enumerate(parts) if p.start < end and start < p.end]
    if not inside:
        return [sentence]
    first, last = inside[0], inside[-1]
    if last + 2 < len(parts) and last + 1 in appositions:
        last += 2
    spans = [(parts[first].start, parts[last].end)]
    while first > 0 and not parts[first].after_punctuation:
        first -= 1
    while (
        last + 1 < len(parts)
        and not parts[last + 1].after_punctuation
        and last + 1 not in coordinated
    ):
        last += 1
    spans.append((parts[first].start, parts[last].end))
    spans.append(sentence)
    return spans


def _asides(
    text: str, parts: list[Piece], start: int, end: int, cues: _Cues, language: str
) -> list[tuple[int, int, bool]]:
    """Short pieces set off by punctuation that end in a verb of saying ("On Tuesday, police
    say, he killed his wife"): they attribute the sentence; their tense is not its tense. So
    does a short piece inside the sentence that opens with a past form ("The oil fires, set in
    late February, may burn until the end of the year") or, right before the date's piece, a
    relative pronoun ("Compaq, which said it found the bugs, still announces ... on Nov. 6"):
    it describes a noun."""
    verbs = cues.scope.aside_verbs
    found = []
    for i, p in enumerate(parts):
        closed = i + 1 == len(parts) or parts[i + 1].after_punctuation
        said = words(text, language, p.start, p.end)
        # neither is a piece next to the date's own when that holds the date alone: a saying
        # right before it is the date's verb ("Paribas said, Monday, that it intends to bid",
        # "the ambassador, said (over the weekend)"); right after it, the date interrupts
        # subject and verb ("The presidents, on Friday, signed the plan, which calls for ...")
        dated = i + 1 < len(parts) and _bare_date(text, parts[i + 1], start, end, language)
        interrupted = i > 0 and _bare_date(text, parts[i - 1], start, end, language)
        aside = p.after_punctuation and closed and 0 < len(said) <= cues.scope.aside_length
        aside = aside and said[-1][2] in verbs
        aside = aside and not dated
        describes = False
        # a piece that runs into a bracket is not set off: "took effect at 7 a.m. (0500 GMT) on
        # Nov. 24" goes on after the bracket
        nxt = parts[i + 1].start if i + 1 < len(parts) else 0
        bracket = text[max(0, nxt - 3) : nxt].strip().endswith("(")
        if (
            p.after_punctuation
            and i > 0
            and i + 1 < len(parts)
            and closed
            and not bracket
            and 0 < len(said) <= 6
            and not interrupted
            and not (dated and said[-1][2] in verbs)
        ):
            opening = tense_cues(text, p.start, said[0][1], language)
            describes = any(t == PAST for _, _, t in opening)
        if (
            p.after_punctuation
            and i > 0
            and i + 1 < len(parts)
            and closed
            and said
            and _relative_opener(text, p.start, p.end, cues, language)
            and parts[i + 1].start < end
            and start < parts[i + 1].end
        ):
            # only right before the date's piece: the main clause goes on there ("who stepped
            # down as chairman, president and chief executive in March" goes on with a list)
            describes = True
        if (aside or describes) and not (p.start < end and start < p.end):
            found.append((p.start, p.end, describes))
    return found


def _bare_date(text: str, piece: Piece, start: int, end: int, language: str) -> bool:
    """Is `piece` the date's own and nothing more but a preposition (", on Friday,")?"""
    if not (piece.start < end and start < piece.end):
        return False
    outside = [
        s for s, e, _ in words(text, language, piece.start, piece.end) if e <= start or s >= end
    ]
    return len(outside) <= 1


def _tense_in(
    text: str,
    lo: int,
    hi: int,
    start: int,
    end: int,
    language: str,
    asides: list[tuple[int, int, bool]],
    relative: tuple[int, int, str] | None,
) -> str:
    """The tense of the nearest cue in text[lo:hi] to the span [start, end), outside the asides
    unless only attributions have cues (a describing piece never gives its tense); `relative`:
    the relative pronoun that opens text[lo:hi] (_relative_opener), if any."""
    # a date before an infinitive belongs to the verb it governs ("subpoenaed him Friday to
    # testify"): a planned cue reaches forward only, to the date and to a marker that opens the
    # date's span ("extended ... loans [through January]"), not to a verb it governs, which an
    # event asks about ("the strongest quake to [hit] Taiwan since 1935")
    cues = _cues(language)
    found = [
        c
        for c in tense_cues(text, lo, hi, language)
        if c[2] != PLANNED or c[1] <= start or start <= c[0] < end
    ]
    found = [c for c in found if not any(a <= c[0] and c[1] <= b for a, b, d in asides if d)]
    beyond = [c for c in found if not any(a <= c[0] and c[1] <= b for a, b, _ in asides)]
    found = _relative_cues(text, relative, start, end, beyond or found, cues)
    if not found:
        return UNKNOWN
    found = _before_later_clause(text, hi, end, found, cues, language)

    def distance(cue: tuple[int, int, str]) -> tuple[int, int]:
        s, e, tense = cue
        gap = 0 if s < end and start < e else (start - e if e <= start else s - end)
        return gap * (cues.scope.after_weight if s >= end else 1), _RANK[tense]

    nearest = min(found, key=distance)
    after = [c for c in found if c[0] >= end]
    if after and nearest[1] <= start and _in_reported_subject(text, nearest, start, end, cues):
        return min(after, key=distance)[2]
    return nearest[2]


def _before_later_clause(
    text: str, hi: int, end: int, found: list[Cue], cues: _Cues, language: str
) -> list[Cue]:
    """The cues `found` without those of a clause that a `later_clause_openers` word (or a
    `comma_clause_openers` word after a comma) opens after the span, when a cue before the span
    is left to date it."""
    if not any(c[1] <= end for c in found):
        return found
    scope = cues.scope
    opener, gap_start = None, end
    for s, e, w in words(text, language, end, hi):
        after_comma = "," in text[gap_start:s]
        if w in scope.later_clause_openers or (after_comma and w in scope.comma_clause_openers):
            opener = s
            break
        gap_start = e
    if opener is None:
        return found
    return [c for c in found if c[0] < opener]


def _in_reported_subject(text: str, verb: Cue, start: int, end: int, cues: _Cues) -> bool:
    """Is the span after the saying `verb` in the subject of the clause it reports, and so
    dated by that clause's verb ("said its first-quarter output would fall"), not an adverb
    of the saying ("said Friday it would")?"""
    if text[verb[0] : verb[1]].lower() not in cues.scope.reported_verbs:
        return False
    between = text[verb[1] : start].split()
    if any(not w.isalpha() for w in between):
        return False
    if between:
        return all(w.lower() in cues.scope.reported_subject_words for w in between)
    marks = cues.scope.noun_modifier_marks
    modifies = any(m in text[start:end] for m in marks) or text.startswith(marks, end)
    return modifies and text[end : end + 1] in {" ", "'", "’"}


def _relative_cues(
    text: str,
    opener: tuple[int, int, str] | None,
    start: int,
    end: int,
    found: list[Cue],
    cues: _Cues,
) -> list[Cue]:
    """The cues `found` in a piece, or only those of its relative clause's own verb where the
    relative pronoun `opener` opens it before the span (where relative clauses end in their
    verb, tense.toml `verb_final_relatives`, never)."""
    if not opener or cues.scope.verb_final_relatives:
        return found
    free = opener[2] in cues.scope.free_relative_openers
    if start <= opener[1] or (starts_sentence(text, opener[0]) and not free):
        return found
    if free and not starts_sentence(text, opener[0]):
        return found  # "said what it would do": no subject clause
    # a relative clause's own verb comes first and governs the date after it; a verb after
    # the date is the main clause's, going on ("The senator who resigned on Friday will
    # testify"); after "that" a past one ("Companies that reported losses in March will get
    # aid"), any other only before a main verb not in the past ("the talks that will begin
    # on Friday are vital"): a "would" there may be the main clause's future in the past
    # ("Fears that computers would fail at midnight proved unfounded")
    own = [c for c in found if opener[1] <= c[0] and (c[1] <= start or c[0] < end)]
    nearest = max(own, key=lambda c: (c[1], -_RANK[c[2]]), default=None)
    main_past = any(c[0] >= end and c[2] == PAST for c in found)
    if nearest and (
        opener[2] in cues.scope.relative_openers | cues.scope.free_relative_openers
        or nearest[2] == PAST
        or not main_past
    ):
        return own
    return found


Cue = tuple[int, int, str]  # (start, end, tense)


@dataclass(frozen=True)
class _Words:
    """The words of a piece of text as the cue finders read them: their offsets and lower-cased
    forms, whether each can be a cue (`usable`: a capitalized word inside a sentence is a name)
    and whether the line is in one case (a headline in capitals, where every word counts)."""

    text: str
    tokens: list[tuple[int, int, str]]
    lowered: list[str]
    usable: list[bool]
    one_case: bool


def tense_cues(text: str, lo: int, hi: int, language: str) -> list[Cue]:
    """(start, end, tense) of every tense cue in text[lo:hi]: the listed words and past forms,
    the intended acts and the perfects, then corrected by what stands around them."""
    cues = _cues(language)
    tokens = words(text, language, lo, hi)
    lowered = [w for _, _, w in tokens]
    one_case = in_one_case_line(text, lo)  # a headline in capitals: every word counts
    usable = [
        w == text[s:e] or i == 0 or one_case or starts_sentence(text, s)
        for i, (s, e, w) in enumerate(tokens)
    ]
    ws = _Words(text, tokens, lowered, usable, one_case)
    found = _listed(ws, cues)
    found = [
        c
        for c in found
        if text[c[0] : c[1]].lower() not in cues.scope.lower_case_only
        or text[c[0] : c[1]].islower()
    ]
    if one_case and cues.past.nouns_too:
        found = [c for c in found if not _noun_too(c, ws, cues)]
    found += _past_forms(ws, cues)
    found += _after_subject(ws, found, cues)
    found += _intended(ws, found, cues)
    expecting = _expectations(ws, cues)
    found = [c for c in found if not (c[2] == PAST and (c[0], c[1]) in expecting)]
    found += [(s, e, PLANNED) for s, e in expecting]
    # a capitalized plural noun opening the sentence is no participle ("Veranstaltungen sind bis
    # 1. März untersagt"), unless the line is in one case
    verbal = [
        u and (one_case or not (text[s:e][:1].isupper() and w.endswith(cues.past.noun_endings)))
        for u, (s, e, w) in zip(usable, tokens, strict=True)
    ]
    found += _perfects(replace(ws, usable=verbal), cues)
    found = _corrected(found, ws, cues)
    found = _without_infinitives(found, ws, lo, hi, cues, language)
    if not found and tokens and usable[-1] and _is_zu_infinitive(lowered, cues):
        found.append((tokens[-1][0], tokens[-1][1], FUTURE))
    return found


def _noun_too(cue: Cue, ws: _Words, cues: _Cues) -> bool:
    """Is the past form `cue` a noun by the word before it ("AUF SCHLOSS", "DEN STAND")?"""
    tokens, lowered = ws.tokens, ws.lowered
    i = next((i for i, t in enumerate(tokens) if t[0] == cue[0]), 0)
    return (
        cue[2] == PAST
        and i > 0
        and lowered[i] in cues.past.nouns_too
        and lowered[i - 1] in cues.past.noun_after
    )


def _listed(ws: _Words, cues: _Cues) -> list[Cue]:
    """The cue words and phrases of tense.toml, unless a word before blocks them ("is paid"); a
    capitalized word inside a sentence is a name and blocks nothing ("In March, May told"); a
    word that ends a compound noun is none ("its first rate cut in June", "electoral votes")."""
    tokens, lowered, usable = ws.tokens, ws.lowered, ws.usable
    found: list[Cue] = []
    for i, word in enumerate(lowered):
        for phrase, tense in cues.phrases.get(word, ()) if usable[i] else ():
            blocked = any(
                i >= len(b) and tuple(lowered[i - len(b) : i]) == b and all(usable[i - len(b) : i])
                for b in cues.blocked_after[tense]
            )
            blocked = blocked or (i > 0 and lowered[i - 1] in cues.compound_heads.get(word, ()))
            blocked = blocked or (
                word in cues.present.count_nouns
                and i > 0
                and re.fullmatch(cues.present.count_pattern, lowered[i - 1]) is not None
            )
            if tuple(lowered[i : i + len(phrase)]) == phrase and not blocked:
                found.append((tokens[i][0], tokens[i + len(phrase) - 1][1], tense))
    return found


def _past_forms(ws: _Words, cues: _Cues) -> list[Cue]:
    """Past forms known by their ending ("sagte") or by a prefix on a listed one ("bekam"); one
    joined by a coordinator to a participle after a `not_after` word is a participle too ("must
    be postmarked by Tuesday and received by Friday")."""
    text, tokens, lowered, one_case = ws.text, ws.tokens, ws.lowered, ws.one_case
    found: list[Cue] = []
    participle = -len(tokens) - 1  # where the last such participle stands
    for i, (s, e, w) in enumerate(tokens):
        written_lower = w == text[s:e]
        if (not written_lower and not one_case) or w in cues.past.not_suffixed:
            continue  # a capitalized word is a noun ("Mitte"), also at a sentence start
        if w.endswith(cues.past.not_endings):
            continue
        suffixed = any(w.endswith(x) and len(w) > len(x) + 2 for x in cues.past.suffixes)
        if suffixed and not one_case and _adjective_before_noun(text, tokens, i, cues):
            continue
        if suffixed and _object_of_modal_verb(ws, i, cues):
            continue
        before = lowered[i - 1] if i > 0 else ""
        joined = before in cues.past.coordinators and i - participle <= cues.past.coordination_reach
        if suffixed and (before in cues.past.not_after or joined):
            participle = i
        elif suffixed or _prefixed_past(w, cues):
            found.append((s, e, PAST))
    return found


def _adjective_before_noun(
    text: str, tokens: list[tuple[int, int, str]], i: int, cues: _Cues
) -> bool:
    """Is the suffixed word at `i` a participle used as an adjective, with a participle's prefix
    right before a capitalized noun ("geführte Wanderungen"), not a past form?"""
    if i + 1 >= len(tokens) or not tokens[i][2].startswith(
        cues.past.attributive_prefixes or ("\0",)
    ):
        return False
    s, e, w = tokens[i + 1]
    return text[s:e] != w and not text[tokens[i][1] : s].strip()


def _object_of_modal_verb(ws: _Words, i: int, cues: _Cues) -> bool:
    """Is the suffixed word at `i` an adjective before the object of a modal's verb ("would
    build prefabricated homes", "will buy armored trucks"), not a past form? The three words
    written in small letters with nothing between them ("since May, barely dented" has the
    month); not after an auxiliary ("would have ended": a perfect) nor a `not_after` word
    ("will be closed")."""
    if i < 2 or ws.lowered[i - 2] not in cues.past.object_after_modals:
        return False
    (s, _, _), (_, _, verb), (_, e, _) = ws.tokens[i - 2 : i + 1]
    if not ws.text[s:e].islower() or ws.text[s:e].count(" ") != 2:
        return False
    return verb not in cues.past.perfect_auxiliaries and verb not in cues.past.not_after


def _after_subject(ws: _Words, found: list[Cue], cues: _Cues) -> list[Cue]:
    """A word in small letters with a verb's ending right after a subject pronoun, where no cue
    was found, is a verb in the present ("said it sees a recovery in March"); not one whose
    ending makes no plural either ([planned] not_plural_endings: "thus", "across")."""
    text, tokens, lowered = ws.text, ws.tokens, ws.lowered
    covered = {s for s, _, _ in found}

    def before_noun(i: int) -> bool:
        if not cues.present.subject_verb_not_before_noun or i + 1 >= len(tokens):
            return False
        s, e, w = tokens[i + 1]
        return text[s:e] != w

    return [
        (s, e, PRESENT)
        for i, (s, e, w) in enumerate(tokens)
        if i > 0
        and lowered[i - 1] in cues.present.subject_pronouns
        and not before_noun(i)
        and s not in covered
        and w == text[s:e]
        and w.isalpha()
        and w.endswith(cues.present.subject_verb_endings)
        and not w.endswith(cues.planned.not_plural_endings)
        and w not in cues.present.not_subject_verbs
        and w not in cues.past.words
    ]


def _intended(ws: _Words, found: list[Cue], cues: _Cues) -> list[Cue]:
    """Acts intended ("agreed to testify") and terms put off ("extended ... until"), where the
    cues `found` so far do not cover the marker already ("is to", "plans to"). In a headline in
    one case, a marker with no cue before it is the headline's future ("COMPANY TO CLOSE PLANT
    IN MARCH", "Company To Close Plant In March")."""
    text, tokens, lowered, one_case = ws.text, ws.tokens, ws.lowered, ws.one_case
    covered = {t for t, _, _ in tokens if any(s <= t < e for s, e, _ in found)}
    intended: list[Cue] = []
    for i in range(len(tokens) - 1):
        if (
            lowered[i] in cues.planned.markers
            and tokens[i][0] not in covered
            and not (i > 0 and lowered[i - 1] in cues.planned.not_after)
            # one word on both sides is no infinitive ("going door to door at dawn", "face to face")
            and not (i > 0 and lowered[i - 1] == lowered[i + 1])
            and not _after_object_verb(lowered, i, cues)
            and _is_infinitive(tokens[i + 1], text, cues, one_case)
        ):
            # a headline in capitals or Title Case, not a line in small letters ("It's the fifth
            # storm to hit the coast in two weeks" has no capital in a word of three letters)
            capital = not text[tokens[i][0] : tokens[i][1]].islower()
            headline = one_case and capital and i > 0
            headline = headline and not any(c[0] < tokens[i][0] for c in found)
            intended.append((tokens[i][0], tokens[i + 1][1], FUTURE if headline else PLANNED))
    for i, (s, e, w) in enumerate(tokens):
        back = lowered[max(0, i - cues.planned.deferral_reach) : i]
        verbs = cues.planned.deferral_verbs if w in cues.planned.deferral_markers else frozenset()
        if w in cues.planned.order_markers:
            verbs = verbs | cues.planned.order_verbs
        if s not in covered and verbs & set(back) and not _deferral_run(back, verbs, cues):
            intended.append((s, e, PLANNED))
        elif w in cues.planned.deadline_markers and s not in covered and 0 < i < len(tokens) - 1:
            nxt = text[tokens[i + 1][0] : tokens[i + 1][1]]
            dated = nxt == "the" or nxt[:1].isupper() or nxt[:1].isdigit()
            after_verb = lowered[i - 1] in cues.planned.deadline_verbs
            reached = cues.planned.deadline_blockers & set(back)
            if dated and not after_verb and not reached and cues.planned.deadline_verbs & set(back):
                intended.append((s, e, PLANNED))
    return intended


def _deferral_run(back: list[str], verbs: frozenset[str], cues: _Cues) -> bool:
    """Does a verb of a term told as run (`deferral_blockers`) stand after the last verb of
    putting off, granting or ordering (`verbs`) in `back`, the words before a deferral marker
    ("imposed a curfew that lasted until Friday")?"""
    last = max(i for i, w in enumerate(back) if w in verbs)
    return any(w in cues.planned.deferral_blockers for w in back[last + 1 :])


def _after_object_verb(lowered: list[str], i: int, cues: _Cues) -> bool:
    """Does a past verb of making happen stand before the object of the marker at `i` ("forced
    the race committee to call it off"): an act done, no plan?"""
    before = lowered[max(0, i - 1 - cues.planned.object_reach) : i - 1]
    return bool(cues.planned.object_verbs.intersection(before))


def _expectations(ws: _Words, cues: _Cues) -> set[tuple[int, int]]:
    """The past verbs of expecting whose object an infinitive marker follows within reach
    ("expected revenue in the second quarter to be flat"; not "expected to", a cue of its own,
    nor "had expected")."""
    text, tokens, lowered, one_case = ws.text, ws.tokens, ws.lowered, ws.one_case
    planned = cues.planned
    spans = set()
    for i, (s, e, w) in enumerate(tokens):
        if w not in planned.expectation_verbs or (
            i > 0 and lowered[i - 1] in planned.expectation_not_after
        ):
            continue
        ahead = range(i + 2, min(len(tokens) - 1, i + 1 + planned.expectation_reach))
        if any(
            lowered[j] in planned.markers and _is_infinitive(tokens[j + 1], text, cues, one_case)
            for j in ahead
        ):
            spans.add((s, e))
    return spans


def _perfects(ws: _Words, cues: _Cues) -> list[Cue]:
    """A participle and the perfect auxiliary nearest to it ("hat ... beschlossen"), unless
    they tell a state ("ist ab Montag gesperrt", Zustandspassiv)."""
    tokens, lowered, usable = ws.tokens, ws.lowered, ws.usable
    auxiliaries = [i for i, w in enumerate(lowered) if w in cues.past.perfect_auxiliaries]
    if not auxiliaries:
        return []
    found: list[Cue] = []
    for i, (s, e, w) in enumerate(tokens):
        after_zu = i > 0 and lowered[i - 1] in cues.future.infinitive_markers
        # nor the end of a noun's phrase ("has two meetings left": `compound_heads`)
        after_zu = after_zu or (i > 0 and lowered[i - 1] in cues.compound_heads.get(lowered[i], ()))
        aux_with_object = _object_before(i, auxiliaries, ws, cues) if usable[i] else None
        if aux_with_object is not None and w in cues.past.object_perfects:
            found += [(tokens[aux_with_object][0], tokens[aux_with_object][1], PAST), (s, e, PAST)]
            continue
        if usable[i] and i not in auxiliaries and not after_zu and _is_participle(w, cues):
            near = [
                a
                for a in auxiliaries
                if (a < i or not cues.past.auxiliary_first)
                and (not cues.past.perfect_reach or abs(a - i) <= cues.past.perfect_reach + 1)
            ]
            if not near:
                continue
            aux = min(near, key=lambda a: abs(a - i))
            if w in cues.past.state_participles and lowered[aux] in cues.past.state_auxiliaries:
                continue
            found.append((tokens[aux][0], tokens[aux][1], PAST))
            found.append((s, e, PAST))
    return found


def _passive_to_come(cue: Cue, ws: _Words, cues: _Cues) -> bool:
    """Is the past form `cue` a participle closing its clause after a present passive auxiliary
    of `passive_auxiliaries_before` ("wird das Gesetz im September beschlossen")?"""
    at = {s: i for i, (s, _, _) in enumerate(ws.tokens)}
    i = at.get(cue[0])
    if i is None or not _looks_perfect(ws.lowered[i], cues):
        return False
    closes = i + 1 == len(ws.tokens) or not ws.text[cue[1] : ws.tokens[i + 1][0]].isspace()
    before = [j for j in range(i) if ws.lowered[j] in cues.past.passive_auxiliaries_before]
    # the auxiliary in the same clause: no punctuation between it and the participle
    return (
        closes
        and bool(before)
        and all(ch.isalnum() or ch.isspace() for ch in ws.text[ws.tokens[before[-1]][1] : cue[0]])
    )


def _object_before(i: int, auxiliaries: list[int], ws: _Words, cues: _Cues) -> int | None:
    """The nearest perfect auxiliary before word `i` if an object ("sein Werk") stands between
    them (for `object_perfects`: "hat im März sein Werk geschlossen"), else None."""
    before = [a for a in auxiliaries if a < i]
    if not before or not cues.past.object_determiners:
        return None
    lowered, past = ws.lowered, cues.past
    for k in range(before[-1] + 1, i):
        if lowered[k] in past.object_determiners and lowered[k - 1] not in past.object_not_after:
            return before[-1]
    return None


def _corrected(found: list[Cue], ws: _Words, cues: _Cues) -> list[Cue]:
    """The cues as the words around them correct them: a passive to come or one after a past
    modal, a plan made before or a plan carried by "ist", and a modal that reports a past act."""
    text, tokens, lowered, usable = ws.text, ws.tokens, ws.lowered, ws.usable
    if cues.past.not_before:  # "soll Ende September beschlossen werden": a passive to come
        after = {e: lowered[i + 1] for i, (_, e, _) in enumerate(tokens[:-1])}
        found = [c for c in found if not (c[2] == PAST and after.get(c[1]) in cues.past.not_before)]
    if cues.past.passive_auxiliaries_before & set(lowered):  # "wird ... im Mai beschlossen"
        found = [c for c in found if not (c[2] == PAST and _passive_to_come(c, ws, cues))]
    if cues.past.modals & set(lowered):  # "musste am Sonntag gesperrt werden": a past passive
        at = {s: i for i, (s, _, _) in enumerate(tokens)}

        def passive(cue: Cue) -> bool:
            i = at.get(cue[0], 0)
            return (
                i > 0
                and lowered[i] in cues.past.not_before
                and _looks_perfect(lowered[i - 1], cues)
            )

        found = [c for c in found if not (c[2] == FUTURE and passive(c))]
    if any(t == FUTURE and text[s:e].lower() in cues.future.past_plan_words for s, e, t in found):
        if cues.future.past_plan_auxiliaries & set(lowered):  # "war im April geplant": a past plan
            found = [
                (
                    s,
                    e,
                    PAST if t == FUTURE and text[s:e].lower() in cues.future.past_plan_words else t,
                )
                for s, e, t in found
            ]
        else:  # "Im Frühjahr ist eine Reform geplant": "ist" carries the plan, no present
            found = [
                (s, e, t)
                for s, e, t in found
                if not (t == PRESENT and text[s:e].lower() in cues.past.state_auxiliaries)
            ]
    if cues.future.conditional_openers & set(lowered):  # "Sollte sich ... ziehen, ...": a condition
        found = [
            (s, e, FUTURE if t == PAST and _opens_condition(text, s, e, cues) else t)
            for s, e, t in found
        ]
    if cues.past.conditional_modals & set(lowered):  # "would have been held": no side
        found += [(a, b, NO_SIDE) for a, b in _conditional_perfects(ws, cues)]
    # a cue of no side, found so or listed ("were supposed to"), holds the cues inside it
    sideless = [(s, e) for s, e, t in found if t == NO_SIDE]
    found = [
        c for c in found if c[2] == NO_SIDE or not any(s <= c[0] and c[1] <= e for s, e in sideless)
    ]
    if _has_perfect_infinitive(lowered, usable, cues):
        modal = {
            (tokens[i][0], tokens[i][1])
            for i, w in enumerate(lowered)
            if w in cues.past.reported_modals
        }
        found = [(s, e, PAST if (s, e) in modal else tense) for s, e, tense in found]
    return found


def _opens_condition(text: str, start: int, end: int, cues: _Cues) -> bool:
    """Is text[start:end] a conditional opener put first in its sentence or right after a comma
    ("Sollte es regnen, ...", "..., sollte es regnen"), not after "und" ("und sollte im Mai
    eröffnet werden" is a past plan)?"""
    return text[start:end].lower() in cues.future.conditional_openers and (
        starts_sentence(text, start) or text[:start].rstrip().endswith(",")
    )


def _conditional_perfects(ws: _Words, cues: _Cues) -> list[tuple[int, int]]:
    """The spans of the verb groups of a conditional modal, a perfect auxiliary and the
    participles after it ("would have been held")."""
    tokens, lowered = ws.tokens, ws.lowered
    groups = []
    for i, word in enumerate(lowered[:-1]):
        if word in cues.past.conditional_modals and lowered[i + 1] in cues.past.perfect_auxiliaries:
            j = i + 1
            while j + 1 < len(lowered) and _looks_perfect(lowered[j + 1], cues):
                j += 1
            groups.append((tokens[i][0], tokens[j][1]))
    return groups


def _without_infinitives(
    found: list[Cue], ws: _Words, lo: int, hi: int, cues: _Cues, language: str
) -> list[Cue]:
    """The cues without the present forms that are the infinitive of a verb governing one in
    their piece ("Das Treffen wird am Mittwoch enden", "die am Freitag beginnen sollen"): the
    governing verb tells the tense."""
    text, tokens, lowered = ws.text, ws.tokens, ws.lowered
    if not cues.present.infinitive_auxiliaries & set(lowered):
        return found
    starts = [p.start for p in pieces(text, lo, hi, language)]
    piece = {s: bisect_right(starts, s) for s, _, _ in tokens}
    governed = {piece[s] for s, _, w in tokens if w in cues.present.infinitive_auxiliaries}
    return [
        c
        for c in found
        if not (
            c[2] == PRESENT
            and piece.get(c[0]) in governed
            and (word := text[c[0] : c[1]].lower()) not in cues.present.infinitive_auxiliaries
            and word.endswith(cues.future.infinitive_endings)
        )
    ]


def _is_infinitive(
    token: tuple[int, int, str], text: str, cues: _Cues, one_case: bool = False
) -> bool:
    """Can the word after a planned marker be a verb ("to testify", not "to shareholders",
    "to Friday", "to the", "to 5%"; in a line in one case also "TO CLOSE")?"""
    s, e, w = token
    plural = w.endswith(cues.planned.plural_endings) and not w.endswith(
        cues.planned.not_plural_endings
    )
    written = w == text[s:e] or one_case
    noun = w in cues.planned.not_infinitives
    if noun and (after := text[e : e + 12].split()):
        noun = after[0].lower().strip(",.;:") not in cues.planned.verb_particles
    return written and w.isalpha() and not plural and not noun


def _prefixed_past(word: str, cues: _Cues) -> bool:
    """A verb prefix on a listed past form ("bekam", "zurücktrat", "stattfanden"), unless its
    ending makes it a participle too ("verboten", "entstanden")."""
    participle_like = word.endswith(cues.past.prefixed_not_endings)
    return any(
        word.startswith(p)
        and word[len(p) :] in cues.past.words
        and not (
            participle_like
            and (not cues.past.participle_prefixes or p in cues.past.participle_prefixes)
        )
        for p in cues.past.prefixes
    )


def _is_zu_infinitive(lowered: list[str], cues: _Cues) -> bool:
    """Do the words end in a zu-infinitive ("zu sanieren", "zurückzutreten")?"""
    last = lowered[-1]
    if last in cues.future.not_infinitives:
        return False
    after_marker = len(lowered) > 1 and lowered[-2] in cues.future.infinitive_markers
    return (
        after_marker and last.endswith(cues.future.infinitive_endings) and len(last) > 3
    ) or any(p.match(last) for p in cues.future.infinitive_patterns)


def _has_perfect_infinitive(lowered: list[str], usable: list[bool], cues: _Cues) -> bool:
    """Is there a perfect infinitive ("überfallen haben", "gestohlen worden sein")?"""
    for i in range(len(lowered)):
        for phrase, needs_participle in cues.past.perfect_infinitives.items():
            if tuple(lowered[i : i + len(phrase)]) != phrase:
                continue
            before = lowered[i - 1] if i > 0 else ""
            if not needs_participle or (i > 0 and usable[i - 1] and _looks_perfect(before, cues)):
                return True
    return False


def _looks_perfect(word: str, cues: _Cues) -> bool:
    """A participle, also one without "ge-" in front of an infinitive ("überfallen haben")."""
    return word not in cues.past.not_participles and (
        _is_participle(word, cues) or word.endswith(cues.past.bare_participle_endings)
    )


def is_participle(word: str, language: str) -> bool:
    """Does the lower-cased `word` look like a past participle ("beschlossen", "expanded")?"""
    return _is_participle(word, _cues(language))


def _is_participle(word: str, cues: _Cues) -> bool:
    if word in cues.past.not_participles:
        return False
    return word in cues.past.participles or any(
        p.match(word) for p in cues.past.participle_patterns
    )
