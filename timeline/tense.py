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
A colon (tense.toml [scope] `marks`) bounds the search like a sentence end: what follows it is
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
trial", "called elections for Jan. 30"; tense.toml `scheduling_verbs`): asked first, in
timeline.planned_dates.
"""

from __future__ import annotations

from bisect import bisect_right

from timeline.clauses import (
    Piece,
    inside_number,
    pieces,
    quotation_around,
    sentence_at,
    sentences,
    starts_sentence,
    words,
)
from timeline.ner import word_frequency
from timeline.planned_dates import date_set_for_plan
from timeline.tense_cues import (
    FUTURE,
    NO_SIDE,
    PAST,
    PLANNED,
    PRESENT,
    RANK,
    UNKNOWN,
    Cues,
    cues_of,
)
from timeline.verb_cues import Cue, is_participle, tense_cues

CLAUSE_CLOSERS = (".", ",", ";", ":", "!", "?")  # marks after a verb that closes its clause


def clause_tense(text: str, start: int, end: int, language: str) -> str:
    """The tense of the clause around text[start:end] (past, present, future, planned, unknown;
    "no side" where its verb tells none, as a conditional perfect: not even the unmarked one)."""
    spans = sentences(text, language)
    i = bisect_right(spans, (start, len(text) + 1)) - 1
    if i < 0 or start >= spans[i][1]:  # the span starts between sentences
        i += 1
    if i >= len(spans) or spans[i][0] >= end:
        return UNKNOWN
    cues = cues_of(language)
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


def past_perfect_end(text: str, start: int, end: int, language: str) -> int | None:
    """Where the clause around text[start:end] ends if it is told in the past perfect (an
    auxiliary of tense.toml `past_perfect_auxiliaries` with a participle in reach: "the road
    Cortés had taken in 1519", "Cortés hatte die Straße 1519 genommen"), else None. A date in it
    looks back from the time the story has reached."""
    cues = cues_of(language)
    if not cues.past.past_perfect_auxiliaries:
        return None
    sentence = sentence_at(text, start, language)
    if sentence is None:
        return None
    lo, hi = _scope(text, sentence, start, end, frozenset(",;:"))
    lowered = [w for _, _, w in words(text, language, lo, hi)]
    reach = cues.past.perfect_reach
    for a, word in enumerate(lowered):
        if word not in cues.past.past_perfect_auxiliaries:
            continue
        for i, other in enumerate(lowered):
            after = i > a or (i < a and not cues.past.auxiliary_first)
            if after and (not reach or abs(a - i) <= reach + 1) and is_participle(other, language):
                return hi
    return None


def _quoted_fragment(text: str, inside: int, sentence_start: int, cues: Cues) -> bool:
    """Is the quotation opening at `inside` a piece of its sentence (words before its mark, a
    lower-case word first), no statement of its own?"""
    marks = "".join(opening for opening, _ in cues.quote_pairs)
    before = text[sentence_start:inside].strip().strip(marks).strip()
    return text[inside : inside + 1].islower() and before != ""


def _sentence_tense(
    text: str, sentence: tuple[int, int], start: int, end: int, cues: Cues, language: str
) -> str:
    """The tense of the clause around text[start:end] within `sentence`: the cues widening from
    the span's piece to the sentence (clause_tense)."""
    if date_set_for_plan(text, sentence, start, end, cues, language):
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
        whole = (lo, hi) == sentence
        tense = _tense_in(text, lo, hi, start, end, language, asides, relative, whole)
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
            return PAST if _weak_past_plural(text, lo, hi, end, cues, language) else held
        if relative and _relative_clause(text, lo, hi, start, end, cues, language):
            return PAST if _weak_past_plural(text, lo, hi, end, cues, language) else held
    return held


def _weak_past_plural(text: str, lo: int, hi: int, end: int, cues: Cues, language: str) -> bool:
    """Does the verb-final clause text[lo:hi] end, after the date, in a weak past plural that no
    list or ending catches ("die am Samstag zweieinhalb Stunden spielten": "spiel" + "en" is a
    known word; tense.toml `weak_past_plural_ending`)? "-ten" alone is no cue: "ersten",
    "warten"; nor is a listed cue the clause's rules have weighed ("verschoben werden mussten")."""
    ending = cues.scope.weak_past_plural_ending
    said = words(text, language, lo, hi)
    if not ending or not said:
        return False
    s, e, w = said[-1]
    if s < end or w != text[s:e] or not w.endswith(ending) or w in cues.phrases:
        return False
    if w in cues.scope.weak_past_plural_not:
        return False
    return w[: -len(ending)] + cues.scope.infinitive_ending in word_frequency(language)


def _future_time_clause(
    text: str, sentence_start: int, lo: int, hi: int, cues: Cues, language: str
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


def _auxiliary_reads_on(text: str, lo: int, hi: int, cues: Cues, language: str) -> bool:
    """Are the only cues of the piece text[lo:hi] present perfect auxiliaries, with one of
    `auxiliary_reads_on` right after it ("sind am Sonntag die Spieler | und der Trainer
    ausgepfiffen worden")? Its participle may stand beyond the conjunction."""
    after = words(text, language, hi, min(len(text), hi + 20))[:1]
    if not after or after[0][2] not in cues.scope.auxiliary_reads_on:
        return False
    found = tense_cues(text, lo, hi, language)
    auxiliaries = cues.future.perfect_present_auxiliaries
    return bool(found) and all(text[s:e].lower() in auxiliaries for s, e, _ in found)


def _future_perfect(text: str, lo: int, hi: int, start: int, cues: Cues, language: str) -> bool:
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
    text: str, lo: int, hi: int, cues: Cues, language: str
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
    text: str, lo: int, hi: int, start: int, end: int, cues: Cues, language: str
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


def _attributive_participle(text: str, end: int, cues: Cues, language: str) -> str:
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
    if not is_participle(stem, language) or stem in cues.past.state_participles:
        return UNKNOWN
    if second:
        # a weak past plural, the participle's verb a known word ("Am Montagabend erreichten die
        # Böen": "erreichen"), else a present whose stem ends in "t" ("Am Wochenende erwarten
        # die Meteorologen": no verb "erwaren")
        verb = stem[:-1] + cues.scope.infinitive_ending
        return PAST if stem.endswith("t") and verb in word_frequency(language) else UNKNOWN
    return PAST


def _quoted_saying(text: str, parts: list[Piece], start: int, cues: Cues, language: str) -> bool:
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


def _after_quote(text: str, position: int, cues: Cues) -> bool:
    """Does a quote with its comma end right before `position` ('…“, ', '…," ')?"""
    before = text[max(0, position - 8) : position].rstrip()
    marks = "".join(cues.quote_marks)
    if before.endswith(","):
        return before[:-1].rstrip()[-1:] in cues.quote_marks
    return before[-1:] in cues.quote_marks and before.rstrip(marks).endswith(",")


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


def _appositions(text: str, parts: list[Piece], cues: Cues) -> set[int]:
    """The pieces set off by commas that restate a noun before them with an article of
    `apposition_openers` ("am Samstag, dem Allerheiligentag, ...") or give its clock time, ending
    in a word of `apposition_closers` ("zwischen Samstag, 18 Uhr, und Sonntagmorgen"), of at most
    `apposition_words` words: no clause of their own, the clause goes on after them."""
    found = set()
    for i, p in enumerate(parts[1:-1], start=1):
        words = text[p.start : p.end].split()
        if (
            p.after_punctuation
            and parts[i + 1].after_punctuation
            and (
                words[0].lower() in cues.scope.apposition_openers
                or words[-1].lower() in cues.scope.apposition_closers
            )
            and len(words) <= cues.scope.apposition_words
        ):
            found.add(i)
    return found


def _coordinated(text: str, parts: list[Piece], cues: Cues) -> set[int]:
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
    """The piece around the span (with the piece after each apposition right after it: "ist am
    Samstag, dem Allerheiligentag, ... gestorben"), its comma clause up to a `coordinated`
    conjunction after it (_coordinated), the whole sentence."""
    inside = [i for i, p in enumerate(parts) if p.start < end and start < p.end]
    if not inside:
        return [sentence]
    first, last = inside[0], inside[-1]
    while last + 2 < len(parts) and last + 1 in appositions:
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
    text: str, parts: list[Piece], start: int, end: int, cues: Cues, language: str
) -> list[tuple[int, int, bool]]:
    """Short pieces set off by punctuation that end in a verb of saying ("On Tuesday, police
    say, he killed his wife"): they attribute the sentence; their tense is not its tense. So
    does a short piece inside the sentence that opens with a past form ("The oil fires, set in
    late February, may burn until the end of the year") or, right before the date's piece, a
    relative pronoun ("Compaq, which said it found the bugs, still announces ... on Nov. 6"):
    it describes a noun. Each as (start, end, describes); never the date's own piece."""
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
            and not _after_relative_clause(text, parts, i, cues, language)
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


def _after_relative_clause(
    text: str, parts: list[Piece], i: int, cues: Cues, language: str
) -> bool:
    """Does piece i follow a relative clause set off by a comma ("Die erste Phase, in der
    Freiwillige die Verträglichkeit prüfen, begann am 23. April ...", "The unit, which makes
    chips, reported a loss")? A past form opening it is then the main clause's verb going on
    after its subject, not a piece that describes a noun (_asides)."""
    before = parts[i - 1]
    return before.after_punctuation and bool(
        _relative_opener(text, before.start, before.end, cues, language)
    )


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
    whole: bool = True,
) -> str:
    """The tense of the nearest cue in text[lo:hi] to the span [start, end), outside the asides
    unless only attributions have cues (a describing piece never gives its tense); `relative`:
    the relative pronoun that opens text[lo:hi] (_relative_opener), if any; `whole`: text[lo:hi]
    is the whole sentence, not a piece of it (_before_later_clause)."""
    # a date before an infinitive belongs to the verb it governs ("subpoenaed him Friday to
    # testify"): a planned cue reaches forward only, to the date and to a marker that opens the
    # date's span ("extended ... loans [through January]"), not to a verb it governs, which an
    # event asks about ("the strongest quake to [hit] Taiwan since 1935")
    cues = cues_of(language)
    found = [
        c
        for c in _piece_cues(text, lo, hi, language)
        if (c[2] != PLANNED or c[1] <= start or start <= c[0] < end)
        and not _shift_marker_elsewhere(text, c, start, cues)
    ]
    found = [c for c in found if not any(a <= c[0] and c[1] <= b for a, b, d in asides if d)]
    beyond = [c for c in found if not any(a <= c[0] and c[1] <= b for a, b, _ in asides)]
    found = _relative_cues(text, relative, start, end, beyond or found, cues)
    if not found:
        return UNKNOWN
    found = _before_later_clause(text, hi, end, found, cues, language, whole)
    if not found:
        return UNKNOWN

    def distance(cue: tuple[int, int, str]) -> tuple[int, int]:
        s, e, tense = cue
        gap = 0 if s < end and start < e else (start - e if e <= start else s - end)
        return gap * (cues.scope.after_weight if s >= end else 1), RANK[tense]

    nearest = min(found, key=distance)
    after = [c for c in found if c[0] >= end]
    if after and nearest[1] <= start and _in_reported_subject(text, nearest, start, end, cues):
        return min(after, key=distance)[2]
    return nearest[2]


def _piece_cues(text: str, lo: int, hi: int, language: str) -> list[Cue]:
    """The tense cues of text[lo:hi] but a past form that the words before the piece make a
    participle ("wants them filled out and mailed back by Sunday": "and mailed" opens a piece)."""
    found = tense_cues(text, lo, hi, language)
    opening = sentence_at(text, lo, language)
    if not opening or opening[0] >= lo or not any(c[2] == PAST for c in found):
        return found
    read_on = set(tense_cues(text, opening[0], hi, language))
    return [c for c in found if c[2] != PAST or c in read_on]


def _shift_marker_elsewhere(text: str, cue: Cue, start: int, cues: Cues) -> bool:
    """Is `cue` a shift marker's (tense.toml [planned] shift_markers: "moved the vote to") that
    does not stand right before the date at `start`? It dates no other ("extended its lead to
    930 votes on Friday")."""
    marker = cue[2] == PLANNED and text[cue[0] : cue[1]].lower() in cues.planned.shift_markers
    return marker and text[cue[1] : start].strip() != ""


def _before_later_clause(
    text: str,
    hi: int,
    end: int,
    found: list[Cue],
    cues: Cues,
    language: str,
    whole: bool = True,
) -> list[Cue]:
    """The cues `found` without those of a clause that a `later_clause_openers` word (or a
    `comma_clause_openers` word after a comma or before a cue) opens after the span, when a cue
    before the span is left to date it; in a piece of the sentence (not `whole`) also when none
    is: the sentence around it has the verb (", by the end of the year after the Army decided" is
    dated by "will cut" before the comma). The whole sentence keeps them: its main clause may go
    on after the later one ("On Friday, as traders sold, prices fell")."""
    if whole and not any(c[1] <= end for c in found):
        return found
    scope = cues.scope
    opener, gap_start = None, end
    cue_starts = {c[0] for c in found}
    after = words(text, language, end, hi)
    for i, (s, e, w) in enumerate(after):
        after_comma = "," in text[gap_start:s]
        # ... also without the comma when a cue is the next word ("recovered the recorders
        # Wednesday and would send them": a second verb of the same subject)
        verb_next = i + 1 < len(after) and after[i + 1][0] in cue_starts
        joins = w in scope.comma_clause_openers and (after_comma or verb_next)
        if w in scope.later_clause_openers or joins:
            opener = s
            break
        gap_start = e
    if opener is None:
        return found
    return [c for c in found if c[0] < opener]


def _in_reported_subject(text: str, verb: Cue, start: int, end: int, cues: Cues) -> bool:
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
    first, after = text[start:end].split()[:1], text[end:].split()[:1]
    if first and after and first[0].lower() in cues.scope.reported_subject_words:
        return after[0].lower() in cues.scope.reported_subject_verbs
    marks = cues.scope.noun_modifier_marks
    modifies = any(m in text[start:end] for m in marks) or text.startswith(marks, end)
    return modifies and text[end : end + 1] in {" ", "'", "’"}


def _relative_cues(
    text: str,
    opener: tuple[int, int, str] | None,
    start: int,
    end: int,
    found: list[Cue],
    cues: Cues,
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
    nearest = max(own, key=lambda c: (c[1], -RANK[c[2]]), default=None)
    main_past = any(c[0] >= end and c[2] == PAST for c in found)
    if nearest and (
        opener[2] in cues.scope.relative_openers | cues.scope.free_relative_openers
        or nearest[2] == PAST
        or not main_past
    ):
        return own
    return found


def future_in_past(text: str, start: int, end: int, language: str) -> bool:
    """Are the future cues of the sentence around text[start:end] all a future seen from the
    past (tense.toml [future] in_past_words: "would", "could be", "might")? In a text that is all
    history they tell the story's past ("On the evening of 11 September its fires could be seen
    from the walls"), not a time after the report."""
    cues = cues_of(language)
    if not cues.future.in_past_words:
        return False
    span = sentence_at(text, start, language)
    if span is None:
        return False
    ahead = [c for c in tense_cues(text, span[0], max(span[1], end), language) if c[2] == FUTURE]
    return bool(ahead) and all(
        text[s:e].lower().split()[0] in cues.future.in_past_words for s, e, _ in ahead
    )
