"""Finding the candidate expressions of a text with a language's compiled patterns (grammar.py,
where the template syntax and the parameters a match is judged by are explained): each pattern
is tried only where a match can begin (_Beginnings), a match is vetoed by its neighbouring words,
its line or its clause, and the candidates from all patterns are reduced to non-overlapping
ones, longest extent first, then leftmost, then the pattern that needed more context, then
pattern order; a pattern with `frame = "none"` claims its extent for something that is not a
date ("im Alter von 45 Jahren"). Apart from grammar.py: the patterns are compiled once per
language, the candidates found once per text."""

from __future__ import annotations

import bisect
import re
from typing import Any

from timeline.clauses import (
    clause_start,
    in_one_case_line,
    inside_number,
    line_items,
    one_case_lines,
    sentence_at,
    starts_sentence,
)
from timeline.grammar import (
    BEGINS,
    OPENING_LENGTH,
    Candidate,
    Lexicon,
    Needed,
    Opening,
    Openings,
    Pattern,
)

NAME_BEFORE = "[name]"  # in `not_preceded_by`: a capitalized word inside a sentence
NOUN_AFTER = "[capitalized]"  # in `not_followed_by`: a capitalized word (a German noun)
# "-old" after "6-year" is a word, and so are a currency sign before its amount ("1990's $2")
# and a possessive ending ("much of last week's selling": "'s")
_NEXT_WORD = re.compile(r"[^\S\n]*(-?[\w.]+|['’]s\b|[$€£#])")
_PREVIOUS_WORD = re.compile(r"([\w.]+)[^\S\n]*$")
# a slash after a number and what it glues on: a number or a word, then maybe a third part
_SLASH_PARTS = re.compile(r"/(\w+)(/\w)?")


def _excluded_by_neighbours(
    text: str, start: int, end: int, params: dict[str, Any], one_case: bool = False
) -> bool:
    """`not_followed_by` / `not_preceded_by`: words that make a match something else
    ("1500 Euro" is no year, "am Tag der Wahl" no set)."""
    after = params.get("not_followed_by")
    if after:
        # a punctuation mark listed vetoes it right after the match ("Jan. 12, a date ..."); "-"
        # is a hyphen, below
        mark = text[end:].lstrip(" \t")[:1]
        if mark and not mark.isalnum() and mark != "-" and mark in after:
            return True
        m = _NEXT_WORD.match(text, end)
        word = m.group(1).lower().rstrip(".") if m else ""
        # "-" vetoes any hyphenated continuation: a compound ("Mai-Feiertag")
        if word and (word in after or ("-" in after and word.startswith("-"))):
            return True
        # "am 3. März 200 Besucher": a count of a noun, no year 200
        if m and NOUN_AFTER in after and m.group(1)[:1].isupper() and not one_case:
            return True
    before = params.get("not_preceded_by")
    if before:
        m = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
        if m and m.group(1).lower().rstrip(".") in before:
            return True
        # "[name]": a capitalized word that does not open its sentence names a person
        if m and NAME_BEFORE in before and m.group(1)[:1].isupper() and not one_case:
            return not starts_sentence(text, m.start())
    return False


def _repeated_in_turn(text: str, outer_start: int, start: int, lexicon: Lexicon) -> bool:
    """Is the context before the extent one word of the category `repetition_joiner` between a
    word and that word again ("one by one this afternoon"): a word repeated in turn, no
    preposition before a date?"""
    joiner = text[outer_start:start].strip()
    if outer_start >= start or lexicon.key("repetition_joiner", joiner) is None:
        return False
    before = _PREVIOUS_WORD.search(text, max(0, outer_start - 40), outer_start)
    first = _NEXT_WORD.match(text, start)
    return bool(before and first) and before.group(1).lower() == first.group(1).lower()


def _next_year(slots: dict[str, Any]) -> bool:
    """Is the later year written ("23" of "2022-23", "2024" of "2023/2024") the year after the
    earlier one (`from_year`)?"""
    later = slots.get("year", slots.get("year2"))
    first = slots.get("from_year")
    if later is None or first is None:
        return False
    return (first + 1) % 100 == later if later < 100 else later == first + 1


def _inside_number_chain(text: str, start: int, end: int) -> bool:
    """Is a match digits glued to a number that is no year or day before them ("555-2014",
    "0471-2014", "978-3-16-2014", "Nr. 13/1997": no month is 13), or glued by a slash to a
    third part or to a number that is no year after them ("Richtlinie 2014/24/EU", "(EU)
    2016/679"; "24" between slashes): part of a phone number, an act's number or a code, no
    date? A range of years ("1990-2014", "12/2014", "2014/15", "2014/2015", "Ende 2014/Anfang
    2015") and the year of a day ("12-03-2024") stay."""
    after = _SLASH_PARTS.match(text, end) if text[end - 1 : end].isdigit() else None
    glued_before = text[start - 1 : start] == "/" and text[start - 2 : start - 1].isdigit()
    part = after and after.group(1)
    if after and (
        after.group(2)
        or "/" in text[start:end]
        or glued_before
        or (part.isdigit() and len(part) not in (2, 4))
    ):
        return True
    if not (text[start - 1 : start] in ("-", "/") and inside_number(text, start - 1)):
        return False
    runs = re.findall(r"\d+", text[max(0, start - 12) : start - 1].split(" ")[-1])
    if not runs:
        return False
    if len(runs) == 2 and all(len(r) <= 2 for r in runs):  # a day and a month before it
        return False
    no_month = text[start - 1] == "/" and len(runs[0]) == 2 and int(runs[0]) > 12
    return (
        len(runs) > 1
        or len(runs[0]) == 3
        or len(runs[0]) > 4
        or runs[0].startswith("0")
        or no_month
    )


def _own_line(text: str, start: int, end: int) -> bool:
    """`own_line`: is text[start:end] all of its line, blanks aside (a live blog's clock stamp)?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[end:] if line_end < 0 else text[end:line_end]
    return not text[line_start:start].strip() and not rest.strip()


def _lacks_word_before(text: str, start: int, words: re.Pattern, language: str) -> bool:
    """`after_word_of`: is none of `words` in the comma clause before `start`?"""
    return words.search(text, clause_start(text, start, language), start) is None


def word_in_sentence(text: str, start: int, words: re.Pattern, language: str) -> bool:
    """Is one of `words` (a compiled `sentence_word_of` or `habit_word_of`) in the sentence
    around `start`?"""
    span = sentence_at(text, start, language) or (start, start)
    return words.search(text, span[0], span[1]) is not None


class _Beginnings:
    """Where in a text a match can begin (`BEGINS` holds there), by the characters there.

    A pattern is tried only where its opening admits them: most positions of a text cannot
    begin a given pattern, and the regex engine would try it at every one."""

    def __init__(self, text: str):
        self.by_start: dict[str, list[int]] = {}
        for m in _MAY_BEGIN.finditer(text):
            self.by_start.setdefault(m.group(1), []).append(m.start())
        self._families: set[Openings] = set()
        self._found: dict[Opening, list[int]] = {}  # by family, then in text order when asked
        self._positions: dict[Opening, list[int]] = {}

    def positions(self, opening: Opening) -> list[int]:
        """Where a match may begin as `opening` admits, in text order."""
        if opening not in self._positions:
            if opening.family not in self._families:  # all the openings of its family at once
                self._families.add(opening.family)
                for chars, positions in self.by_start.items():
                    for admitting in opening.family.admitting(chars):
                        self._found.setdefault(admitting, []).extend(positions)
            self._positions[opening] = sorted(self._found.get(opening, ()))
        return self._positions[opening]


_MAY_BEGIN = re.compile(BEGINS + f"(?=(.{{1,{OPENING_LENGTH}}}))", re.DOTALL)


def _matches(
    pattern: Pattern, text: str, lines: tuple[tuple[int, int], ...], beginnings: _Beginnings
):
    """The pattern's matches, and in lines of one case those of its case-blind twin."""
    if pattern.opening is None:
        yield from pattern.regex.finditer(text)
    else:  # what finditer yields (no match is empty), trying only where a match can begin
        free = 0  # where the last match ended
        for pos in beginnings.positions(pattern.opening):
            if pos >= free and (m := pattern.regex.match(text, pos)):
                free = m.end()
                yield m
    if pattern.blind is not None:
        for start, end in lines:
            yield from pattern.blind.finditer(text, start, end)


def _splits_items(text: str, start: int, end: int, items: tuple[tuple[int, int], ...]) -> bool:
    """Does an extent run from one line of a pasted list or table into another ("9 am\nMarch 6"
    of two rows)? Within a paragraph a date may wrap ("March\n5, 2024")."""
    return "\n" in text[start:end] and any(
        a < end and start < b and not (a <= start and end <= b) for a, b in items
    )


def find_candidates(
    text: str, patterns: list[Pattern], lexicon: Lexicon, language: str
) -> list[Candidate]:
    """All pattern matches, reduced to non-overlapping extents, in text order."""
    found: list[Candidate] = []
    lowered = text.lower()
    lines = one_case_lines(text)
    items = line_items(text)
    beginnings = _Beginnings(text)
    present: dict[Needed, bool] = {}

    def contains(needed: Needed) -> bool:
        if needed not in present:
            present[needed] = any(s in lowered for s in needed.strings)
        return present[needed]

    for pattern in patterns:
        if not all(map(contains, pattern.requires)):
            continue
        for m in _matches(pattern, text, lines, beginnings):
            one_case = in_one_case_line(text, m.start())
            if one_case and pattern.params.get("case_sensitive") == "always":
                # a Title Case line reads as one in capitals: "And May Fall" is a verb, and
                # "Fed To Meet This Week" no TV program
                continue
            slots: dict[str, Any] = {}
            try:
                for group, category in pattern.slot_groups:
                    text_of_slot = m.group(group)
                    if text_of_slot is not None:
                        value = lexicon.slot_value(category, text_of_slot)
                        slots.setdefault(group.split("__")[0], value)
                        slots[group] = value
                        approx = category == "number" and lexicon.key("number_mod", text_of_slot)
                        if approx:  # "a couple of years": an approximate count (mod APPROX)
                            slots.setdefault("mod", approx)
            except KeyError:
                continue
            capital = pattern.opens_lower and text[m.start()].isupper()
            if capital and not one_case and not starts_sentence(text, m.start()):  # "Morgen"
                continue
            # the word before the whole match, its context words too ("be back in January"); the
            # word after the extent
            if _excluded_by_neighbours(text, m.start(), m.end("x"), pattern.params, one_case):
                continue
            if _repeated_in_turn(text, m.start(), m.start("x"), lexicon):
                continue
            if pattern.params.get("own_line") and not _own_line(text, m.start("x"), m.end("x")):
                continue
            if _splits_items(text, m.start("x"), m.end("x"), items):
                continue
            if _inside_number_chain(text, m.start("x"), m.end("x")):
                continue
            after = pattern.params.get("after_word_of")
            if after and _lacks_word_before(text, m.start(), after, language):
                continue
            units = [v for k, v in slots.items() if k.startswith("unit__")]
            if pattern.params.get("distinct_units") and len(set(units)) < len(units):
                continue  # "took 13 years and eight years respectively": two lengths
            if pattern.params.get("year_across") and not _next_year(slots):
                continue  # "in 1939-45": two ends of a span, no year named by its end
            anywhere = pattern.params.get("sentence_word_of")
            if anywhere and not word_in_sentence(text, m.start(), anywhere, language):
                continue
            outer_end = m.end("after") if "after" in m.re.groupindex else m.end()
            found.append(Candidate(m.start("x"), m.end("x"), m.start(), outer_end, pattern, slots))
    found.sort(
        key=lambda c: (
            -(c.end - c.start),
            c.start,
            -(c.outer_end - c.outer_start),
            c.pattern.order,
        )
    )
    taken: list[Candidate] = []
    starts: list[int] = []  # the taken extents, sorted and disjoint
    ends: list[int] = []
    for c in found:
        i = bisect.bisect_right(starts, c.start)
        if (i > 0 and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        taken.append(c)
    return sorted(taken, key=lambda c: c.start)
