"""Sentence and clause boundaries, from punctuation and the cue words in <lang>/clauses.toml.

Both the tense of a date's clause (timeline.tense) and the events (timeline.events) are read
clause by clause, so both cut the text the same way here. Nothing is parsed: a "piece" is the
text between two boundaries (punctuation or a conjunction); callers decide which pieces have a
verb of their own and join the others back.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from timeline.lexicon import resource

# A sentence ends at . ! ? (maybe followed by closing quotes or brackets) before whitespace,
# or at a blank line.
_END = re.compile(r"[.!?…]+[\"'“”»«)\]]*(?=\s)|\n[ \t]*\n")
# A line opening with a bullet, or a table row (cells between "|"), is a sentence of its own:
# pasted lists and tables have no periods.
_LINE_ITEM = re.compile(r"^[ \t]*[-*•·–—▪►][ \t][^\n]*|^[^\n]*\|[^\n]*", re.M)
_CLOSING = "\"'“”»«)]"
_OPENING = "(\"'“„»«["


@dataclass(frozen=True)
class Piece:
    """Part of a sentence between two clause boundaries.

    `after_punctuation` says whether it starts after punctuation (or at the sentence start)
    rather than at a conjunction: pieces joined between punctuation marks form the comma clause.
    """

    start: int
    end: int
    after_punctuation: bool


@dataclass(frozen=True)
class _Boundaries:
    """A language's clauses.toml: what does not end a sentence, and what cuts a clause."""

    abbreviations: frozenset[str]  # "Dr.", "Nr.": a period after them ends no sentence
    ordinal_max_digits: int  # "am 3. Mai": a number of at most this many digits is an ordinal
    cardinal_after: frozenset[str]  # "KW 11.", "Nr. 5.": after these the number is no ordinal
    punctuation: frozenset[str]
    conjunctions: frozenset[str]
    # conjunctions that are particles unless a punctuation mark stands before them ("musste
    # aber ... gesperrt werden" is one clause; ", aber er kam" starts one)
    after_punctuation_only: frozenset[str]
    # "und" a few words after one of these joins the two ends of a pair, no clauses ("sind
    # zwischen Freitag und Sonntag ums Leben gekommen")
    pair_openers: dict[str, frozenset[str]]
    word: re.Pattern[str]  # one word; clitics are words of their own ("'ll", "n't")
    # "a.m.", "p.m." end a sentence before a capitalized word not in `clock_continuations`
    clock_abbreviations: frozenset[str] = frozenset()
    clock_continuations: frozenset[str] = frozenset()
    # "Co.", "Inc.", "U.S." end a noun: they end a sentence before a capitalized word that opens
    # one and never goes on with a name (`sentence_openers`: "& Co. On Wednesday, ...")
    name_end_abbreviations: frozenset[str] = frozenset()
    sentence_openers: frozenset[str] = frozenset()


@cache
def _config(language: str) -> _Boundaries:
    data = resource(language, "clauses.toml")
    sentences, clauses = data["sentences"], data["clauses"]
    return _Boundaries(
        abbreviations=frozenset(a.lower() for a in sentences["abbreviations"]),
        ordinal_max_digits=int(sentences["ordinal_max_digits"]),
        cardinal_after=frozenset(w.lower() for w in sentences.get("cardinal_after", [])),
        punctuation=frozenset(clauses["punctuation"]),
        conjunctions=frozenset(c.lower() for c in clauses["conjunctions"]),
        after_punctuation_only=frozenset(
            c.lower() for c in clauses.get("after_punctuation_only", [])
        ),
        pair_openers={
            c.lower(): frozenset(w.lower() for w in words)
            for c, words in clauses.get("pair_openers", {}).items()
        },
        word=_word_regex(data.get("words", {}).get("clitic_endings", [])),
        clock_abbreviations=frozenset(a.lower() for a in sentences.get("clock_abbreviations", [])),
        clock_continuations=frozenset(c.lower() for c in sentences.get("clock_continuations", [])),
        name_end_abbreviations=frozenset(
            a.lower() for a in sentences.get("name_end_abbreviations", [])
        ),
        sentence_openers=frozenset(w.lower() for w in sentences.get("sentence_openers", [])),
    )


def _word_regex(endings: list[str]) -> re.Pattern[str]:
    """Words, with a clitic after an apostrophe as a word of its own ("they'll" -> "they"
    "'ll"), and the listed endings split off too ("won't" -> "wo" "n't")."""
    apostrophe = "['’]"
    forms = "|".join(re.escape(e).replace("'", apostrophe) for e in endings)
    ending = rf"\w+?(?=(?:{forms})\b)|(?:{forms})\b|" if endings else ""
    return re.compile(ending + rf"\w+|{apostrophe}\w+")


def _ends_sentence(text: str, m: re.Match, language: str) -> bool:
    """Does the punctuation run `m` end a sentence? Blank lines, "!", "?" and runs of marks
    always do; a lone period not before a small letter (but in a line all small) or a comma, nor
    after an abbreviation, an initial or an ordinal's number ("am 3. Oktober"); after a clock's
    or a name's abbreviation ("p.m.", "Co.") it depends on the word that follows."""
    marks = m.group().rstrip(_CLOSING)
    if not marks.strip() or marks != ".":
        return True
    nxt = m.end()
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    if nxt >= len(text):
        return True
    # a small letter goes on the sentence, unless the whole line is small ("... vor. es sind")
    lower = text[nxt].islower() and not in_one_case_line(text, nxt)
    if lower or text[nxt] in ",;:|":  # "|": the next cell of a table row
        return False
    config = _config(language)
    before = text[max(0, m.start() - 80) : m.start()].split()  # the words before
    head = before[-1].lstrip(_OPENING) if before else ""
    # "Mo.–Fr. 9–17 Uhr", "Mon.-Fri.": the second of a pair of abbreviations (not "Super-G.")
    word = re.split(r"(?<=\.)[-–—/]", head)[-1].lower()
    if word in config.clock_abbreviations:
        # "close at 8 p.m. More than 2 million ballots were cast": a clock time ends the
        # sentence before a capitalized word that does not go on with it ("7 p.m. Eastern",
        # "9 a.m. Tuesday")
        after = re.match(r"[^\W\d_]+", text[nxt:])
        return bool(after) and after.group().lower() not in config.clock_continuations
    if word in config.name_end_abbreviations:
        # "led by Goldman, Sachs & Co. On Wednesday, the authority ...": a word that opens a
        # sentence and never a name's next word ("Sony Corp. Chairman" goes on)
        after = re.match(r"[^\W\d_]+", text[nxt:])
        return bool(after) and after.group().lower() in config.sentence_openers
    if word in config.abbreviations or (len(word) == 1 and word.isalpha()):
        return False
    if re.fullmatch(r"(?:\w\.)+\w", head):  # U.S, z.B
        return False
    counted = len(before) > 1 and before[-2].rstrip(".").lower() in config.cardinal_after
    return counted or not (head.isdigit() and len(head) <= config.ordinal_max_digits)


@lru_cache(maxsize=8)
def line_items(text: str) -> tuple[tuple[int, int], ...]:
    """The lines of a pasted list or table: opening with a bullet, or cells between "|"."""
    return tuple(m.span() for m in _LINE_ITEM.finditer(text))


@lru_cache(maxsize=16)
def sentences(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every sentence (a list item or table row is one), trimmed of white space.

    Cached: the tense of every date of a text asks for the same sentences.
    """
    spans: list[tuple[int, int]] = []
    cuts = {m.end() for m in _END.finditer(text) if _ends_sentence(text, m, language)}
    for span in line_items(text):
        cuts.update(span)
    start = 0
    for cut in sorted(cuts):
        _add_trimmed(spans, text, start, cut)
        start = cut
    _add_trimmed(spans, text, start, len(text))
    return tuple(spans)


def _add_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def pieces(text: str, start: int, end: int, language: str) -> list[Piece]:
    """The pieces of the sentence text[start:end], cut at punctuation and conjunctions."""
    config = _config(language)
    punctuation, conjunctions = config.punctuation, config.conjunctions
    cuts: list[tuple[int, bool]] = [(start, True)]
    i = start
    while i < end:
        ch = text[i]
        if ch in punctuation and not inside_number(text, i):
            cuts.append((i + 1, True))
        elif ch.isalpha() and (i == start or not text[i - 1].isalnum()):
            m = config.word.match(text, i)  # a conjunction is a whole word
            word = m.group().lower() if m else ""
            if word in conjunctions and i > start and _opens_clause(text, i, word, config):
                cuts.append((i, False))
            i = m.end() if m else i + 1
            continue
        i += 1
    result: list[Piece] = []
    follows_punctuation = False
    for n, (cut, after_punctuation) in enumerate(cuts):
        follows_punctuation = follows_punctuation or after_punctuation
        s, e = cut, cuts[n + 1][0] if n + 1 < len(cuts) else end
        while s < e and (text[s].isspace() or text[s] in punctuation):
            s += 1
        while e > s and (
            text[e - 1].isspace() or text[e - 1] in punctuation or text[e - 1] in ".!?…"
        ):
            e -= 1
        if e > s:
            result.append(Piece(s, e, follows_punctuation))
            follows_punctuation = False
    return result


def _opens_clause(text: str, i: int, word: str, config: _Boundaries) -> bool:
    """Does the conjunction `word` at text[i] open a clause? Those of `after_punctuation_only`
    only after a punctuation mark; none that joins a pair opened a few words before it
    (`pair_openers`: "zwischen Freitag und Sonntag", "zwischen dem 3. und 5. Mai")."""
    openers = config.pair_openers.get(word)
    if openers and any(w.lower() in openers for w in text[max(0, i - 40) : i].split()[-3:]):
        return False
    if word not in config.after_punctuation_only:
        return True
    before = text[:i].rstrip()
    return bool(before) and before[-1] in config.punctuation


def sentence_at(text: str, position: int, language: str) -> tuple[int, int] | None:
    """The (start, end) of the sentence around `position`, None between sentences."""
    spans = sentences(text, language)
    i = bisect_right(spans, (position, len(text))) - 1
    return spans[i] if i >= 0 and spans[i][0] <= position < spans[i][1] else None


def clause_start(text: str, position: int, language: str) -> int:
    """Where the comma clause that `position` lies in begins: after the last punctuation mark
    before it in its sentence, or at the sentence start (conjunctions do not end it)."""
    span = sentence_at(text, position, language)
    if span is None:
        return position
    parts = pieces(text, span[0], position, language)
    opened = [p.start for p in parts if p.after_punctuation]
    return opened[-1] if opened else position


def crosses_punctuation(text: str, start: int, end: int, language: str) -> bool:
    """Is there a clause-ending punctuation mark in text[start:end]?"""
    punctuation = _config(language).punctuation
    return any(
        ch in punctuation and not inside_number(text, start + i)
        for i, ch in enumerate(text[start:end])
    )


def quotation_around(text: str, position: int, pairs: list[list[str]]) -> tuple[int, int] | None:
    """The span inside the quotation around `position` (from after its opening mark to its
    closing mark, else to its paragraph's end), None outside one (`pairs`: the language's
    `quote_marks`, opening and closing marks)."""
    start = text.rfind("\n", 0, position) + 1
    stop = text.find("\n", position)
    stop = len(text) if stop < 0 else stop
    before = text[start:position]
    for opening, closing in pairs:
        if -1 < before.find(closing) < before.find(opening):
            # the pair used the other way round: «Swiss, Italian» guillemets for »German« ones
            opening, closing = closing, opening
        if (opening == closing and before.count(opening) % 2 == 1) or (
            opening != closing and before.rfind(opening) > before.rfind(closing)
        ):
            end = text.find(closing, position, stop)
            return start + before.rfind(opening) + len(opening), stop if end < 0 else end
    return None


def inside_number(text: str, i: int) -> bool:
    """Is text[i] a mark between two digits ("1,200", "14:30"), no boundary?"""
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def starts_sentence(text: str, pos: int) -> bool:
    """Does a word at `pos` open a sentence, by the marks before it (nothing but opening quotes,
    also the ``TeX style`` of TimeBank, brackets, dashes and bullets since the last . ! ? : or
    line break)? A capital there says nothing."""
    before = text[max(0, pos - 40) : pos].rstrip(" \t\"'`„“‚‘»«›‹([-–—•*")
    if not before or before[-1] in ".!?:\n":
        return True
    # ... or a dateline's dash ("Bozen – Heute und morgen ...", "Berlin (dpa) - Am Montag ...")
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    return _DATELINE.fullmatch(line) is not None


# a place (and an agency) opening a line before a dash: the first sentence starts after it
_DATELINE = re.compile(r"[^\S\n]*[A-ZÄÖÜ][^.!?:\n–—]{0,45}?[^\S\n]+[-–—][^\S\n]+")


_ENTITY = re.compile(r"&(?:#\d{1,6}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
# characters the patterns' literal " " and "-" would not match: zero-width spaces, joiners,
# byte-order mark (no white space to a regex either), no-break, thin and other fixed-width
# spaces; the Unicode and the no-break hyphen
_AS_PLAIN = str.maketrans(
    dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00a0\u2002\u2003\u2004\u2005\u2006", " ")
    | dict.fromkeys("\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " ")
    | dict.fromkeys("\u2010\u2011", "-")
)
# a figure dash, em dash or bar between numbers is the range dash "–" ("9—12 Uhr")
_NUMBER_DASH = re.compile(r"(?<=\d)(\s*)[\u2012\u2014\u2015](?=\s*\d)")


def plain_text(text: str) -> str:
    """The text as the patterns read it: HTML entities pasted into it ("March&nbsp;5",
    "5&ndash;7 March") as the character they stand for, padded with spaces to the entity's
    length, invisible, no-break and thin spaces as spaces ("March\u200b5",
    "a\u00a0couple\u00a0of years"), no-break hyphens as hyphens ("third\u2011quarter") and any
    dash between numbers as "–" ("9—12 Uhr"). The same length, so that offsets found in it are
    offsets in the text."""

    def plain(m: re.Match[str]) -> str:
        char = html.unescape(m.group())
        if len(char) != 1:  # no entity
            return m.group()
        return (" " if char.isspace() else char).ljust(len(m.group()))

    text = text.translate(_AS_PLAIN)
    text = _ENTITY.sub(plain, text) if "&" in text else text
    return _NUMBER_DASH.sub(r"\1–", text)


_CASED_WORD = re.compile(r"[^\W\d_]{3,}")
_LETTERS = re.compile(r"(?<!['’])[^\W\d_]+")  # not the s of "Company's"


def _capitals(word: str) -> bool:
    """Is `word` in capitals? A letter without a one-letter capital stays small in a word
    written in capitals ("STRAßE": "ß" capitalizes to "SS")."""
    return any(c.isupper() for c in word) and all(
        not c.islower() or len(c.upper()) > 1 for c in word
    )


def _one_case(line: str) -> bool:
    found = _CASED_WORD.findall(line)
    if len(found) >= 2 and (all(map(_capitals, found)) or all(w.islower() for w in found)):
        return True
    # Title Case ("Sales Rose Sharply In 1995"): every word capitalized, also the short ones
    # ("This is World News Tonight" is a sentence of names)
    return len(found) >= 3 and all(w[0].isupper() for w in _LETTERS.findall(line))


@lru_cache(maxsize=8)
def one_case_lines(text: str) -> tuple[tuple[int, int], ...]:
    """The lines whose words are all in capitals or all in lower case (at least two words of
    three letters or more), or all capitalized (at least three): a pasted headline or a
    social-media post, where a capital marks neither a name nor a sentence start. (Cached:
    asked again for each date of the text.)"""
    return tuple(m.span() for m in re.finditer(r"[^\n]+", text) if _one_case(m.group()))


def in_one_case_line(text: str, pos: int) -> bool:
    """Does `pos` lie in a line written in one case (see `one_case_lines`)?"""
    lines = one_case_lines(text)
    i = bisect_right(lines, (pos, len(text) + 1)) - 1
    return i >= 0 and pos < lines[i][1]


def words(
    text: str, language: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) for every word in text[start:end]."""
    stop = len(text) if end is None else end
    return [
        (m.start(), m.end(), m.group().lower().replace("’", "'"))
        for m in _config(language).word.finditer(text, start, stop)
    ]
