"""The tense cues in a stretch of words: listed cue phrases, past forms and participles,
perfects, to-infinitives of acts intended, conditionals; each a (start, end, tense) triple.

timeline.tense picks the cue that dates a clause from these; timeline.events uses them to find
an event's trigger verb. The words come from <lang>/tense.toml (timeline.tense_cues)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from timeline.clauses import (
    in_one_case_line,
    pieces,
    sentence_at,
    starts_sentence,
    words,
)
from timeline.tense_cues import FUTURE, NO_SIDE, PAST, PLANNED, PRESENT, Cues, cues_of

Cue = tuple[int, int, str]  # (start, end, tense)
CLAUSE_MARKS = (",", ";", ":", ".", "!", "?")  # a mark between two words parts their clauses
_WORD_BEFORE = re.compile(r"(\w+)[^\w,;:.!?]*$")  # the last word before a position, no mark
_WORD = re.compile(r"\w+(?:'\w+)?")


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
    language: str

    def mark_after(self, k: int) -> bool:
        """Does a punctuation mark (`CLAUSE_MARKS`) stand between word `k` and the next?"""
        gap = self.text[self.tokens[k][1] : self.tokens[k + 1][0]]
        return any(m in gap for m in CLAUSE_MARKS)


def tense_cues(text: str, lo: int, hi: int, language: str) -> list[Cue]:
    """(start, end, tense) of every tense cue in text[lo:hi]: the listed words and past forms,
    the intended acts and the perfects, then corrected by what stands around them."""
    cues = cues_of(language)
    tokens = words(text, language, lo, hi)
    lowered = [w for _, _, w in tokens]
    one_case = in_one_case_line(text, lo)  # a headline in capitals: every word counts
    usable = [
        w == text[s:e] or i == 0 or one_case or starts_sentence(text, s)
        for i, (s, e, w) in enumerate(tokens)
    ]
    ws = _Words(text, tokens, lowered, usable, one_case, language)
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
    found = [c for c in found if not _in_sequence(c, text, cues) and not _compound_head(c, text)]
    found = _without_infinitives(found, ws, lo, hi, cues, language)
    if not found and tokens and usable[-1] and _is_zu_infinitive(lowered, cues):
        found.append((tokens[-1][0], tokens[-1][1], FUTURE))
    return found


def _in_sequence(cue: Cue, text: str, cues: Cues) -> bool:
    """Is the past cue a participle of order right after a comma with its agent's marker a few
    words on ("The auctions begin tomorrow, followed Wednesday by bonds": the sentence's verb
    dates the Wednesday, not "followed")? Without the marker it is the sentence's own verb after
    an aside ("The cut, the third this year, followed a similar move in March")."""
    s, e, tense = cue
    if not (
        tense == PAST
        and text[s:e].lower() in cues.past.sequence_participles
        and text[:s].rstrip().endswith(",")
    ):
        return False
    after = re.match(r"[^,;:.!?]*", text[e : e + 80]).group().lower().split()
    return bool(cues.past.sequence_agents & set(after[: cues.past.sequence_reach + 1]))


def _compound_head(cue: Cue, text: str) -> bool:
    """Is the past cue a word glued by a hyphen to a word after it, the head of a compound ("a
    4.7% cost-of-living increase in January", "set-aside"), no verb?"""
    s, e, tense = cue
    return tense == PAST and text[e : e + 1] == "-" and text[e + 1 : e + 2].isalpha()


def _noun_too(cue: Cue, ws: _Words, cues: Cues) -> bool:
    """Is the past form `cue` a noun by the word before it ("AUF SCHLOSS", "DEN STAND")?"""
    tokens, lowered = ws.tokens, ws.lowered
    i = next((i for i, t in enumerate(tokens) if t[0] == cue[0]), 0)
    return (
        cue[2] == PAST
        and i > 0
        and lowered[i] in cues.past.nouns_too
        and lowered[i - 1] in cues.past.noun_after
    )


def _listed(ws: _Words, cues: Cues) -> list[Cue]:
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


def _past_forms(ws: _Words, cues: Cues) -> list[Cue]:
    """Past forms known by their ending ("sagte") or by a prefix on a listed one ("bekam"),
    written in small letters (any in a line in one case); not a participle after a `not_after`
    word ("is now expected"), nor one joined by a coordinator to such a participle ("must be
    postmarked by Tuesday and received by Friday"), nor an adjective or the state wanted for an
    object (_adjective_before_noun, _object_of_modal_verb, _state_wanted)."""
    text, tokens, lowered, one_case = ws.text, ws.tokens, ws.lowered, ws.one_case
    found: list[Cue] = []
    participle = -len(tokens) - 1  # where the last such participle stands
    for i, (s, e, w) in enumerate(tokens):
        written_lower = w == text[s:e]
        if not written_lower and not one_case:
            continue  # a capitalized word is a noun ("Mitte"), also at a sentence start
        if w in cues.past.not_suffixed and not _verb_too(ws, i, cues):
            continue
        if w.endswith(cues.past.not_endings):
            continue
        suffixed = w in cues.past.suffixed_words or any(
            w.endswith(x) and len(w) > len(x) + 2 for x in cues.past.suffixes
        )
        if suffixed and not one_case and _adjective_before_noun(text, tokens, i, cues):
            continue
        if suffixed and _object_of_modal_verb(ws, i, cues):
            continue
        if suffixed and _state_wanted(ws, i, cues):
            participle = i  # "wants them filled out and mailed back by Sunday"
            continue
        b = i - 1
        while b > 0 and lowered[b] in cues.past.middle_adverbs:
            b -= 1
        before = lowered[b] if b >= 0 else ""
        joined = before in cues.past.coordinators and i - participle <= cues.past.coordination_reach
        if (suffixed or w in cues.past.participles) and (before in cues.past.not_after or joined):
            participle = i  # a listed one too: "will be shut and dismantled in March"
        elif suffixed or _prefixed_past(w, cues):
            found.append((s, e, PAST))
    return found


def _verb_too(ws: _Words, i: int, cues: Cues) -> bool:
    """Is the word at `i`, one of `verbs_too`, a past form here, not an adjective: before a
    figure, a mark that ends its clause or a word of `verb_before` ("Stocks advanced 1.2%",
    "advanced.", "advanced from Monday to Wednesday"; not "advanced courses")?"""
    if ws.lowered[i] not in cues.past.verbs_too:
        return False
    if i + 1 == len(ws.tokens):
        return ws.text[ws.tokens[i][1] : ws.tokens[i][1] + 1] in CLAUSE_MARKS
    after = ws.lowered[i + 1]
    return ws.mark_after(i) or after[:1].isdigit() or after in cues.past.verb_before


def _adjective_before_noun(
    text: str, tokens: list[tuple[int, int, str]], i: int, cues: Cues
) -> bool:
    """Is the suffixed word at `i` a participle used as an adjective, with a participle's prefix
    right before a capitalized noun ("geführte Wanderungen"), not a past form?"""
    if i + 1 >= len(tokens) or not tokens[i][2].startswith(
        cues.past.attributive_prefixes or ("\0",)
    ):
        return False
    s, e, w = tokens[i + 1]
    return text[s:e] != w and not text[tokens[i][1] : s].strip()


def _object_of_modal_verb(ws: _Words, i: int, cues: Cues) -> bool:
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


def _shift_verb_before(near: list[str], marker: str, cues: Cues) -> bool:
    """Does a verb of putting off or moving stand in `near`, the words before the shift
    `marker`, with no word of `shift_not_between` after it ("moved the vote to", not "advanced
    from Monday to": the end of a span)? A verb that moved a term (with a particle or one of
    `shift_term_verbs`) needs none, and is the only one a `shift_moved_markers` word follows."""
    planned = cues.planned
    verbs = [k for k, w in enumerate(near) if w in planned.shift_verbs | planned.shift_term_verbs]
    if not verbs:
        return False
    after = near[verbs[-1] + 1 :]
    if near[verbs[-1]] in planned.shift_term_verbs or (
        after and after[0] in planned.shift_particles
    ):
        return True  # "moved up from 1991 to July": the term was moved, not a span told
    return marker not in planned.shift_moved_markers and not planned.shift_not_between & set(after)


def _state_wanted(ws: _Words, i: int, cues: Cues) -> bool:
    """Is the suffixed word at `i` the state wanted for the object of a verb of getting, wanting
    or keeping (`object_participle_verbs`) before it, with at most `object_participle_reach`
    words of the object between, no mark and no subject of a clause of its own ("get the work
    done by Friday", not "need the shares they purchased in March")?"""
    reach = cues.past.object_participle_reach
    for k in range(i - 2, max(-1, i - reach - 2), -1):
        if ws.mark_after(k):
            return False
        if ws.lowered[k] in cues.past.object_participle_verbs:
            # a subject between opens a clause of its own ("need the shares they purchased")
            return not cues.past.object_participle_not_between & set(ws.lowered[k + 1 : i])
    return False


def _after_subject(ws: _Words, found: list[Cue], cues: Cues) -> list[Cue]:
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


def _intended(ws: _Words, found: list[Cue], cues: Cues) -> list[Cue]:
    """Acts intended ("agreed to testify"), terms put off ("extended ... until"), days moved to
    ("moved the vote to Thursday") and deadlines ordered ("ordered checks of the airports by the
    end of January"), all planned, where the cues `found` so far do not cover the marker already
    ("is to", "plans to"). In a headline in one case, a marker with no cue before it is the
    headline's future ("COMPANY TO CLOSE PLANT IN MARCH", "Company To Close Plant In March")."""
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
            and not _outcome_of_past(lowered, i, tokens, found, cues)
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
        shifted = w in cues.planned.shift_markers and s not in covered
        near = lowered[max(0, i - cues.planned.shift_reach) : i]
        if s not in covered and verbs & set(back) and not _deferral_run(back, verbs, cues):
            intended.append((s, e, PLANNED))
        elif shifted and _shift_verb_before(near, w, cues):
            intended.append((s, e, PLANNED))  # counts only right before a date (tense._tense_in)
        elif w in cues.planned.deadline_markers and s not in covered and 0 < i < len(tokens) - 1:
            nxt = text[tokens[i + 1][0] : tokens[i + 1][1]]
            dated = nxt in cues.planned.deadline_determiners or nxt[:1].isupper()
            dated = dated or nxt[:1].isdigit()
            after_verb = lowered[i - 1] in cues.planned.deadline_verbs
            reached = cues.planned.deadline_blockers & set(back)
            if dated and not after_verb and not reached and cues.planned.deadline_verbs & set(back):
                intended.append((s, e, PLANNED))
    return intended


def _deferral_run(back: list[str], verbs: frozenset[str], cues: Cues) -> bool:
    """Does a verb of a term told as run (`deferral_blockers`) stand after the last verb of
    putting off, granting or ordering (`verbs`) in `back`, the words before a deferral marker
    ("imposed a curfew that lasted until Friday")?"""
    last = max(i for i, w in enumerate(back) if w in verbs)
    return any(w in cues.planned.deferral_blockers for w in back[last + 1 :])


def _after_object_verb(lowered: list[str], i: int, cues: Cues) -> bool:
    """Does a past verb of making happen stand before the object of the marker at `i` ("forced
    the race committee to call it off"): an act done, no plan?"""
    before = lowered[max(0, i - 1 - cues.planned.object_reach) : i - 1]
    return bool(cues.planned.object_verbs.intersection(before))


def _outcome_of_past(
    lowered: list[str], i: int, tokens: list[tuple[int, int, str]], found: list[Cue], cues: Cues
) -> bool:
    """Is the infinitive after the marker at `i` an outcome verb after a past cue before it
    ("rallied to beat the Chiefs on Sunday night"): what came of the act, no plan?"""
    if i + 1 >= len(tokens) or lowered[i + 1] not in cues.planned.outcome_verbs:
        return False
    return any(c[2] == PAST and c[1] <= tokens[i][0] for c in found)


def _expectations(ws: _Words, cues: Cues) -> set[tuple[int, int]]:
    """The past verbs of expecting whose object an infinitive marker follows within reach
    ("expected revenue in the second quarter to be flat"; not "expected to", a cue of its own,
    nor "had expected"), or that a word of `expectation_openers` stands a few words before
    ("with a decision expected in the fall")."""
    text, tokens, lowered, one_case = ws.text, ws.tokens, ws.lowered, ws.one_case
    planned = cues.planned
    spans = set()
    for i, (s, e, w) in enumerate(tokens):
        if w not in planned.expectation_verbs or (
            i > 0 and lowered[i - 1] in planned.expectation_not_after
        ):
            continue
        ahead = range(i + 2, min(len(tokens) - 1, i + 1 + planned.expectation_reach))
        opened = planned.expectation_openers & set(
            lowered[max(0, i - planned.expectation_opener_reach) : i]
        )
        if opened or any(
            lowered[j] in planned.markers and _is_infinitive(tokens[j + 1], text, cues, one_case)
            for j in ahead
        ):
            spans.add((s, e))
    return spans


def _perfects(ws: _Words, cues: Cues) -> list[Cue]:
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


def _passive_to_come(cue: Cue, ws: _Words, cues: Cues) -> bool:
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


def _object_before(i: int, auxiliaries: list[int], ws: _Words, cues: Cues) -> int | None:
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


def _corrected(found: list[Cue], ws: _Words, cues: Cues) -> list[Cue]:
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
    if cues.planned.condition_openers & set(lowered):  # "if the company refused": may come
        found = [
            (s, e, PLANNED if t == PAST and _in_condition(s, ws, cues) else t) for s, e, t in found
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


def _opens_condition(text: str, start: int, end: int, cues: Cues) -> bool:
    """Is text[start:end] a conditional opener put first in its sentence or right after a comma
    ("Sollte es regnen, ...", "..., sollte es regnen"), not after "und" ("und sollte im Mai
    eröffnet werden" is a past plan)?"""
    return text[start:end].lower() in cues.future.conditional_openers and (
        starts_sentence(text, start) or text[:start].rstrip().endswith(",")
    )


def _in_condition(start: int, ws: _Words, cues: Cues) -> bool:
    """Does the past form starting at `start` follow a condition's opener in its clause ("if the
    company refused"), at most `condition_reach` words on, with no past perfect's auxiliary
    between, the opener after no word of `condition_not_after` ("asked if"), in a sentence that
    tells what would follow (_has_consequence)?"""
    i = next((k for k, t in enumerate(ws.tokens) if t[0] == start), None)
    if i is None:
        return False
    planned = cues.planned
    for j in range(i - 1, max(-1, i - planned.condition_reach - 2), -1):
        word = ws.lowered[j]
        if word in cues.past.past_perfect_auxiliaries or ws.mark_after(j):
            return False
        if word in planned.condition_openers:
            # the word before it, also outside the piece read ("asked | if he spoke")
            opener = ws.tokens[j][0]
            before = _WORD_BEFORE.search(ws.text, max(0, opener - 40), opener)
            if before and before.group(1).lower() in planned.condition_not_after:
                return False
            return _has_consequence(ws, opener, planned.condition_consequences)
    return False


def _has_consequence(ws: _Words, opener: int, consequences: frozenset[str]) -> bool:
    """Does the sentence of the condition opened at `opener` tell what would follow it, a word
    of `condition_consequences` ("would strike if", "threatened a strike unless")? Without one
    the past is told as such ("find out if the victim was there on Friday", "If investors were
    nervous on Friday, they were in a panic by Monday")."""
    start, end = sentence_at(ws.text, opener, ws.language) or (opener, opener)
    return any(w.lower() in consequences for w in _WORD.findall(ws.text, start, end))


def _conditional_perfects(ws: _Words, cues: Cues) -> list[tuple[int, int]]:
    """The spans of the verb groups of a conditional modal, a perfect auxiliary and the
    participles after it ("would have been held"); without a participle "have" is the verb
    itself, no auxiliary ("would have a day off on Monday" is a future)."""
    tokens, lowered = ws.tokens, ws.lowered
    groups = []
    for i, word in enumerate(lowered[:-1]):
        if word in cues.past.conditional_modals and lowered[i + 1] in cues.past.perfect_auxiliaries:
            j = i + 1
            while j + 1 < len(lowered) and _looks_perfect(lowered[j + 1], cues):
                j += 1
            if j > i + 1:
                groups.append((tokens[i][0], tokens[j][1]))
    return groups


def _without_infinitives(
    found: list[Cue], ws: _Words, lo: int, hi: int, cues: Cues, language: str
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
    token: tuple[int, int, str], text: str, cues: Cues, one_case: bool = False
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


def _prefixed_past(word: str, cues: Cues) -> bool:
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


def _is_zu_infinitive(lowered: list[str], cues: Cues) -> bool:
    """Do the words end in a zu-infinitive ("zu sanieren", "zurückzutreten")?"""
    last = lowered[-1]
    if last in cues.future.not_infinitives:
        return False
    after_marker = len(lowered) > 1 and lowered[-2] in cues.future.infinitive_markers
    return (
        after_marker and last.endswith(cues.future.infinitive_endings) and len(last) > 3
    ) or any(p.match(last) for p in cues.future.infinitive_patterns)


def _has_perfect_infinitive(lowered: list[str], usable: list[bool], cues: Cues) -> bool:
    """Is there a perfect infinitive ("überfallen haben", "gestohlen worden sein")?"""
    for i in range(len(lowered)):
        for phrase, needs_participle in cues.past.perfect_infinitives.items():
            if tuple(lowered[i : i + len(phrase)]) != phrase:
                continue
            before = lowered[i - 1] if i > 0 else ""
            if not needs_participle or (i > 0 and usable[i - 1] and _looks_perfect(before, cues)):
                return True
    return False


def _looks_perfect(word: str, cues: Cues) -> bool:
    """A participle, also one without "ge-" in front of an infinitive ("überfallen haben")."""
    return word not in cues.past.not_participles and (
        _is_participle(word, cues) or word.endswith(cues.past.bare_participle_endings)
    )


def is_participle(word: str, language: str) -> bool:
    """Does the lower-cased `word` look like a past participle ("beschlossen", "expanded")?"""
    return _is_participle(word, cues_of(language))


def _is_participle(word: str, cues: Cues) -> bool:
    if word in cues.past.not_participles:
        return False
    return word in cues.past.participles or any(
        p.match(word) for p in cues.past.participle_patterns
    )
