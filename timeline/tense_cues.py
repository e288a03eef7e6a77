"""The cue words of a language's tense.toml as typed tables, read once per language.

timeline.tense reads the tense of a clause with them, timeline.verb_cues finds them in words;
what each field means is said where it is declared, the words are in <lang>/tense.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import TypeVar

from timeline.clauses import words
from timeline.lexicon import resource

PAST, PRESENT, FUTURE, UNKNOWN = "past", "present", "future", "unknown"
# An act intended, agreed or ordered ("agreed to testify on Feb. 10"): after the report, which
# may be past, so a date in it leans ahead but may still be behind the DCT.
PLANNED = "planned"
# A verb group that tells no side of the report ("would have been held": what did not happen):
# as the cue nearest to a date it ends the search with no tense, not even the unmarked one
NO_SIDE = "no side"
RANK = {FUTURE: 0, PAST: 1, PLANNED: 2, PRESENT: 3, NO_SIDE: 4}


_Section = TypeVar("_Section")


@dataclass(frozen=True)
class PastCues:
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
    # words of `not_suffixed` that are a past form before a figure, a clause's end or a word of
    # `verb_before` ("advanced 1.2%", "advanced to"), adjectives before a noun
    verbs_too: frozenset[str] = frozenset()
    verb_before: frozenset[str] = frozenset()
    not_endings: tuple[str, ...] = ()
    not_after: frozenset[str] = frozenset()
    # adverbs standing between an auxiliary and its participle ("is now expected", "are still
    # scheduled"): the word before them is the one `not_after` is asked about
    middle_adverbs: frozenset[str] = frozenset()
    # a suffixed word right after the verb of one of these is an adjective before that verb's
    # object ("would build prefabricated homes"), unless the verb is a perfect's auxiliary
    object_after_modals: frozenset[str] = frozenset()
    # a suffixed word after the object (at most `object_participle_reach` words) of one of these
    # is the state wanted for it, no past ("need to get the work done by Friday", "wants the deal
    # finished by Friday")
    object_participle_verbs: frozenset[str] = frozenset()
    object_participle_reach: int = 0
    object_participle_not_between: frozenset[str] = frozenset()  # "the shares they purchased"
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
    # the auxiliaries of a past perfect: a date in its clause looks back from the story's time
    # ("the road Cortés had taken in 1519. In August he reached ...": the story's August)
    past_perfect_auxiliaries: frozenset[str] = frozenset()
    participles: frozenset[str] = frozenset()
    # participles that are no simple past and no present ("broken", "frozen"): participles, read
    # as a word with a past suffix ("-ed") is
    suffixed_words: frozenset[str] = frozenset()
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
    # participles of an order of events set off by a comma (", followed Wednesday by ..."): they
    # tell where an event stands among those of the sentence, no past of their own
    sequence_participles: frozenset[str] = frozenset()
    # ... only with a marker of their agent at most `sequence_reach` words on (", followed
    # Wednesday by"): without it the participle is the sentence's verb after an aside
    sequence_agents: frozenset[str] = frozenset()
    sequence_reach: int = 0

    @staticmethod
    def read(section: dict, present_words: list[str]) -> PastCues:
        cues = _read_section(PastCues, section)
        listed = {w.lower() for w in section["words"] if " " not in w}
        return replace(
            cues,
            words=frozenset(listed | _plurals(listed, section, present_words)),
            participles=cues.participles | cues.suffixed_words,
            # a word listed as a present cue is no past by its ending ("trete", Konjunktiv I)
            not_suffixed=cues.not_suffixed | {w.lower() for w in present_words if " " not in w},
            perfect_infinitives={
                tuple(p.split()): len(p.split()) == 1
                for p in section.get("perfect_infinitives", [])
            },
        )


def _plurals(listed: set[str], section: dict, present_words: list[str]) -> set[str]:
    """The plurals of listed singular past forms ("spielte" -> "spielten", "verlor" ->
    "verloren"): the ending of `plural_endings` after the first final letters that fit, none
    from a plural (`plural_not_from`); not one that is a participle of a state, no participle or
    a present cue ("verbot" -> "verboten": "ist ab Montag verboten")."""
    endings = section.get("plural_endings", [])
    not_plural = set(section.get("state_participles", []))
    not_plural |= set(section.get("not_participles", [])) | set(present_words)
    plurals = set()
    for word in listed:
        if word.endswith(tuple(section.get("plural_not_from", []))):
            continue
        ending = next((add for end, add in endings if word.endswith(end)), None)
        if ending is not None and word + ending not in not_plural:
            plurals.add(word + ending)
    return plurals


@dataclass(frozen=True)
class FutureCues:
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
    # the first words of future cues that, in a text that is all history, look ahead from the
    # story's past, not from the report ("its fires could be seen from the walls", "the siege
    # would last until September"): the past of the story, no future of the report
    in_past_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PlannedCues:
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
    # ... or the outcome of a past act before it, with one of these verbs ("rallied in the fourth
    # quarter to beat the Chiefs on Sunday night": the game is told, no plan)
    outcome_verbs: frozenset[str] = frozenset()
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
    # "extended the deadline to Sunday", "moved the vote to Thursday": a marker right before the
    # date, some words (`shift_reach`) after a verb of putting off or moving, opens a new term's
    # end or day, planned (not "extended its lead to 930 votes on Friday": no date after it)
    shift_verbs: frozenset[str] = frozenset()
    shift_markers: frozenset[str] = frozenset()
    shift_reach: int = 0
    shift_not_between: frozenset[str] = frozenset()  # "advanced from Monday to": a span's end
    shift_particles: frozenset[str] = frozenset()  # "moved up from 1991 to July": moved
    shift_term_verbs: frozenset[str] = frozenset()  # "postponed from March to May": moved
    shift_moved_markers: frozenset[str] = frozenset()  # "from" counts only after a move
    # "ordered checks of the airports by the end of January": a deadline after a verb of
    # ordering or asking, some words back (deferral_reach), is planned too; the marker right
    # after the verb is its agent ("was ordered by the court"), before a word in small letters
    # no date ("ordered by phone") unless it is one of `deadline_determiners` ("by the end")
    deadline_verbs: frozenset[str] = frozenset()
    deadline_markers: frozenset[str] = frozenset()
    deadline_determiners: frozenset[str] = frozenset()
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
    # ... or after one of these a few words before it, with no infinitive: the absolute "with a
    # decision expected in the fall" names what lies ahead
    expectation_openers: frozenset[str] = frozenset()
    expectation_opener_reach: int = 0
    # a past form at most `condition_reach` words after a condition's opener ("would strike if
    # the company refused to negotiate by Friday") names what may come, planned: no past; not
    # an opener after these ("asked if he spoke to her on Monday": "whether") nor with a past
    # perfect ("if he had known on Monday")
    condition_openers: frozenset[str] = frozenset()
    condition_not_after: frozenset[str] = frozenset()
    condition_reach: int = 0
    # ... and only where the sentence tells what would follow ("would strike if", "threatened a
    # strike unless"): "find out if the victim was there on Friday" is the past
    condition_consequences: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PresentCues:
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
class ScopeCues:
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
    # the last word of a verb-final clause ending in this, whose stem + `infinitive_ending` is a
    # known word, is a weak past plural ("die am Samstag spielten": "spielen"), unless listed in
    # `weak_past_plural_not` (a present: "die am Samstag warten", no "waren")
    weak_past_plural_ending: str = ""
    weak_past_plural_not: frozenset[str] = frozenset()
    apposition_openers: frozenset[str] = frozenset()  # "dem" in "am Samstag, dem Allerheiligentag"
    apposition_closers: frozenset[str] = frozenset()  # "Uhr" in "zwischen Samstag, 18 Uhr, und"
    apposition_words: int = 0
    # verbs of saying whose reported clause may open with its subject: a date in that subject is
    # the reported clause's, whose verb comes after it ("GM said its first-quarter output would
    # fall"), where it follows "that" or a determiner (`reported_subject_words`) or modifies a
    # noun (`noun_modifier_marks`: "said fourth-quarter profit would fall", "said Friday's talks")
    reported_verbs: frozenset[str] = frozenset()
    reported_subject_words: frozenset[str] = frozenset()
    noun_modifier_marks: tuple[str, ...] = ()
    # ... or opens with such a word itself and has the reported clause's verb right after it
    # ("said the weekend would be mixed"; not "said this week it would")
    reported_subject_verbs: frozenset[str] = frozenset()
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
class Cues:
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
    past: PastCues
    future: FutureCues
    planned: PlannedCues
    present: PresentCues
    scope: ScopeCues


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
def cues_of(language: str) -> Cues:
    """The cues of a language's tense.toml, read once (every date's clause asks for them)."""
    data = resource(language, "tense.toml")
    past = PastCues.read(data[PAST], data[PRESENT]["words"])
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for tense, section in (
        (FUTURE, FUTURE),
        (PAST, PAST),
        (PRESENT, PRESENT),
        (NO_SIDE, "no_side"),
    ):
        listed = data.get(section, {}).get("words", [])
        plurals = sorted(past.words - {w.lower() for w in listed}) if tense == PAST else []
        for cue in listed + plurals:
            # split as the text is ("re-election": "re", "election"; "run-up": "run", "up")
            phrase = tuple(w for _, _, w in words(cue.lower(), language, 0, len(cue)))
            phrases.setdefault(phrase[0], []).append((phrase, tense))
    nouns = data.get("nouns", {}).get("after", {})
    marks = resource(language, "lexicon.toml").get("quote_marks", [])
    return Cues(
        phrases={first: tuple(found) for first, found in phrases.items()},
        blocked_after={
            t: frozenset(tuple(w.split()) for w in data.get(t, {}).get("blocked_after", []))
            for t in RANK
        },
        compound_heads={w: frozenset(heads) for w, heads in nouns.items()},
        quote_marks=frozenset("".join(m for pair in marks for m in pair)),
        quote_pairs=marks,
        past=past,
        future=_read_section(FutureCues, data[FUTURE]),
        planned=_read_section(PlannedCues, data.get(PLANNED, {})),
        present=_read_section(PresentCues, data[PRESENT]),
        scope=_read_section(ScopeCues, data.get("scope", {})),
    )
