"""Compiling a language's pattern file into matchers (Pattern); candidates.py finds a text's
candidate expressions with them.

A pattern is written as a template of words and slots, e.g. `"{day}. {month} [{year}]"`:

- `{name}` is a slot: a lexicon category (`month`, `weekday`, `unit`, ...; the matched form is
  read back as the category key) or a number slot of the engine (`day`, `year`, `hour`, ...);
  `{name:category}` fills slot `name` from another category (`{shift:relative_day}`);
- `[...]` is optional, `(a|b)` are alternative words, `~` is optional white space, a space is
  required white space;
- `<...>` around the first or last words marks context: it must be there but is not part of the
  extent (TimeML leaves prepositions out: "<seit> zwei Jahren"); context after the extent is
  a lookahead, so it can be part of the next match ("16" in "16. und 17. Jänner" looks ahead
  to the month, and "17" is matched again on its own).

Matching is case-insensitive unless the pattern says `case_sensitive = true`; in a line written
in one case only (a headline in capitals or in Title Case, a post in lower case) the case says
nothing, and such a pattern matches there ignoring case too, unless it says `case_sensitive =
"always"` (a bare "march" or "MAY" may be a verb, "This Week" a TV program: such a pattern
matches in no such line, as "And May Fall" in Title Case); the parameters
`not_followed_by` / `not_preceded_by` veto a match by its neighbouring word ("-" in
`not_followed_by`: by any hyphenated continuation, "Mai-Feiertag"; "," or another mark: by that
mark right after the match; "{category}": by any word of
that lexicon category; "[name]" in `not_preceded_by`: by a capitalized word inside a sentence,
"laut Anna Sonntag");
`after_word_of` names a lexicon category one word of which must stand earlier in the match's
clause ("the biggest drop in two years": a superlative makes "in two years" a span back);
`sentence_word_of` one that must stand anywhere in its sentence ("In the fourth quarter, the
Bears scored": a quarter of a game).

Speed: a pattern is tried only in a text that holds one of the strings each of its required
words and slots needs (`Needed`), and there only where a match can begin (its `Opening`: the
first characters its first word or slot allows), not at every position of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from timeline.pattern_parameters import PARAMETERS

# Number slots of the engine (language-neutral digits); the lexicon adds words for some.
NUMBER_SLOTS: dict[str, str] = {
    "day": r"0?[1-9]|[12]\d|3[01]",
    "monthnum": r"0?[1-9]|1[0-2]",
    "monthnum2": r"0[1-9]|1[0-2]",  # a month of two digits ("03/2026", not an issue "3/2024")
    "year": r"1[0-9]\d\d|20\d\d|21\d\d",
    "year2": r"\d\d",
    "year_early": r"[1-9]\d{0,2}",  # a year before 1000, only where a year word says so
    "hour": r"[01]?\d|2[0-4]",
    "hour2": r"[01]\d|2[0-4]",  # an hour of two digits: military time ("0600 hours", not "100")
    "minute": r"[0-5]\d",
    "int": r"\d{1,4}",
}
# Slots that accept digits and the words of the lexicon category of the same name.
DIGITS_OR_WORDS = ("number", "ordinal")

_SPACE = r"\s+"
_OPTIONAL_SPACE = r"\s*"
# Where every pattern's match begins: not inside a word, nor inside a longer number or date
# ("32.01.2020" is no "2020").
BEGINS = r"(?<!\w)(?<!\d[.:])"
# How many first characters of a match an `Opening` tells apart: three leave the fewest regex
# tries for what there is to learn (two: a fifth slower; four: no faster, slower to learn).
OPENING_LENGTH = 3


@dataclass(frozen=True, eq=False)
class Needed:
    """Lower-cased strings one of which a text must contain. One object per distinct set,
    shared by the patterns and hashed by identity: find_candidates asks each set once per text,
    and a set of a hundred month forms is not hashed anew for each of some 2,000 patterns."""

    strings: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Opening:
    """How a pattern's match can begin: a regex for its first characters (ignoring case,
    more than the pattern may allow); one object per distinct regex, shared like `Needed`."""

    start: re.Pattern[str]
    family: Openings  # all the openings compiled with it


class Openings:
    """The openings of one compiled pattern list, and which of them admit the characters at a
    place of a text where a match may begin (`OPENING_LENGTH` of them; asked of the regexes
    once per string of characters, then remembered: a text has a few hundred, most recur)."""

    def __init__(self) -> None:
        self.all: dict[str, Opening] = {}
        self._admitting: dict[str, tuple[Opening, ...]] = {}

    def get(self, regex: str) -> Opening:
        if regex not in self.all:
            self.all[regex] = Opening(re.compile(regex, re.IGNORECASE), self)
        return self.all[regex]

    def admitting(self, chars: str) -> tuple[Opening, ...]:
        if chars not in self._admitting:
            self._admitting[chars] = tuple(o for o in self.all.values() if o.start.match(chars))
        return self._admitting[chars]


@dataclass(frozen=True)
class Pattern:
    id: str
    template: str
    frame: str
    params: dict[str, Any]
    regex: re.Pattern[str]
    slot_groups: tuple[tuple[str, str], ...]  # (group name, slot name)
    order: int
    # Pieces the pattern cannot match without: a text lacking one is not scanned at all (the
    # sets of fewest strings first: find_candidates asks in this order and stops at a lack).
    requires: tuple[Needed, ...] = ()
    # case-sensitive, opening with a lower-case word: capitalized only at a sentence start
    opens_lower: bool = False
    # the template ignoring case, for lines written in one case (None: `regex` ignores case)
    blind: re.Pattern[str] | None = None
    # what a match begins with: `regex` is tried only there (None: not known, scan the text)
    opening: Opening | None = None


@dataclass(frozen=True)
class Candidate:
    start: int  # extent, without context
    end: int
    outer_start: int  # with context
    outer_end: int
    pattern: Pattern
    slots: dict[str, Any] = field(default_factory=dict)


class TemplateError(ValueError):
    """A pattern template that cannot be compiled (reported with the pattern id)."""


def _alternation(forms: list[str]) -> str:
    """One regex for many words, as a trie ("zw(?:ei|ölf)"): long word lists match fast.

    Longer continuations come first, so the regex prefers the longest form.
    """
    trie: dict = {}
    for form in set(forms):
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(c) + _trie_regex(child) for c, child in node.items() if c != ""]
    branches.sort(key=len, reverse=True)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


class Lexicon:
    """Surface forms per category, and the reverse map form -> category key."""

    def __init__(self, data: dict[str, Any]):
        self.categories: dict[str, dict[str, list[str]]] = {
            name: table
            for name, table in data.items()
            if isinstance(table, dict) and all(isinstance(v, list) for v in table.values())
        }
        self.settings = {k: v for k, v in data.items() if k not in self.categories}
        self._keys: dict[str, dict[str, str]] = {
            name: {form.lower(): key for key, forms in table.items() for form in forms}
            for name, table in self.categories.items()
        }
        self._hundreds = self._hundreds_regex("(?P<head>", "(?P<tail>")

    def _hundreds_regex(self, head: str = "(?:", tail: str = "(?:") -> str | None:
        """Number words between the hundreds, composed: a hundreds word (the forms of 100, 200
        ... 900), a joiner of the language (`hundreds_joiners`), the first (plain) form of a
        number below a hundred ("one hundred seventy-five", "a hundred and fifty",
        "hundertfünfzig"). A regex, its two parts opened with `head` and `tail` (named groups to
        read a match, plain ones inside a slot); None without joiners."""
        numbers = self.categories.get("number", {})
        joiners = self.settings.get("hundreds_joiners", [])
        heads = [f for n in range(100, 1000, 100) for f in numbers.get(str(n), [])]
        tails = [numbers[str(n)][0] for n in range(1, 100) if numbers.get(str(n))]
        if not (joiners and heads and tails):
            return None
        joiner = "|".join(re.escape(j).replace(r"\ ", _SPACE) for j in joiners)
        return f"{head}{_alternation(heads)})(?:{joiner}){tail}{_alternation(tails)})"

    def forms(self, category: str) -> list[str]:
        return [f for forms in self.categories.get(category, {}).values() for f in forms]

    def key(self, category: str, form: str) -> str | None:
        return self._keys.get(category, {}).get(form.lower())

    def slot_regex(self, slot: str) -> str:
        if slot in NUMBER_SLOTS:
            return NUMBER_SLOTS[slot]
        if slot == "number":
            words = self.forms("number")
            if not words:
                return self._digits()
            hundreds = self._hundreds_regex()  # first: the longer reading
            return self._digits() + "|" + (hundreds + "|" if hundreds else "") + _alternation(words)
        if slot == "ordinal":
            suffixes = self.settings.get("ordinal_suffixes", ["."])
            digits = r"\d{1,2}(?:" + _alternation(suffixes) + ")"
            return digits + "|" + _alternation(self.forms("ordinal"))
        if slot not in self.categories:
            raise TemplateError(f"unknown slot {{{slot}}}")
        return _alternation(self.forms(slot))

    def _digits(self) -> str:
        """A written number with the language's marks: "1,200" and "2.5" (en), "1.200" and
        "2,5" (de), set as `thousands_mark` / `decimal_mark` in lexicon.toml."""
        thousands = re.escape(self.settings.get("thousands_mark", ","))
        decimal = re.escape(self.settings.get("decimal_mark", "."))
        return rf"\d{{1,3}}(?:{thousands}\d{{3}})+(?!\d)|\d{{1,4}}(?:{decimal}\d{{1,2}})?"

    def slot_strings(self, slot: str) -> tuple[str, ...]:
        """Lower-cased strings one of which every match of the slot contains."""
        words = tuple(f.lower() for f in self.forms(slot))
        if slot in NUMBER_SLOTS or slot in DIGITS_OR_WORDS:
            return tuple("0123456789") + words
        return words

    def slot_opening(self, slot: str) -> set[str] | None:
        """How a match of the slot begins: regexes for its first characters (a digit, or
        the start of one of its words); None if one of its words is empty, so that it may
        begin with what follows."""
        if slot in NUMBER_SLOTS:
            return {r"\d"}
        words = self.forms(slot)
        if slot == "number" and not words:
            return {r"\d"}
        if not words or "" in words:  # an empty alternation in `slot_regex`
            return None
        digits = {r"\d"} if slot in DIGITS_OR_WORDS else set()
        return digits | {_first_chars(w) for w in words}

    def slot_value(self, slot: str, text: str) -> Any:
        if slot in NUMBER_SLOTS:
            return int(text)
        if slot == "number":
            if text[0].isdigit() and self.key("number", text) is None:  # "2 1/2" is a form
                plain = text.replace(self.settings.get("thousands_mark", ","), "")
                plain = plain.replace(self.settings.get("decimal_mark", "."), ".")
                return float(plain) if "." in plain else int(plain)
            composed = self._hundreds and re.fullmatch(self._hundreds, text, re.IGNORECASE)
            if composed and self.key("number", text) is None:
                head, tail = composed.group("head", "tail")
                return _number(self.key("number", head)) + _number(self.key("number", tail))
            return _number(self.key("number", text))
        if slot == "ordinal":
            digits = re.match(r"\d+", text)
            return int(digits.group()) if digits else _number(self.key("ordinal", text))
        key = self.key(slot, text)
        if key is None:
            raise KeyError(f"{text!r} is not a {slot}")
        return _number(key) if _NUMERIC.match(key) else key


_NUMERIC = re.compile(r"^-?\d+(\.\d+)?$")


def _number(key: str | None) -> int | float:
    if key is None:
        raise KeyError("not a number word")
    return float(key) if "." in key else int(key)


_TOKEN = re.compile(r"\{(\w+(?::\w+)?)\}|\(([^()]*)\)|(\s+)|([\[\]<>~])|([^{}()\[\]<>~\s]+)")


def _literal(word: str, opens: bool) -> str:
    """A template word as a regex; the first word of a template also matches capitalized, so
    that a case-sensitive pattern ("the June quarter") still finds "The June quarter" (only at
    a sentence start: see `Pattern.opens_lower`). The words of an alternative ("(bis zum|vom)")
    are apart by any white space, as the template's own words are ("bis&nbsp;zum")."""
    if " " in word.strip(" "):
        first, rest = word.split(" ", 1)
        return _literal(first, opens) + _SPACE + _SPACE.join(map(re.escape, rest.split()))
    if opens and word[:1].islower():
        return f"[{word[0]}{word[0].upper()}]" + re.escape(word[1:])
    return re.escape(word)


def _first_chars(word: str) -> str:
    """A regex for the first characters of a template word or form, up to a white space (any
    white space, and perhaps more of it: `_literal` reads a space between words as any)."""
    chars = []
    for c in word[:OPENING_LENGTH]:
        chars.append(r"\s" if c.isspace() else re.escape(c))
        if c.isspace():
            break
    return "".join(chars)


def template_opening(template: str, lexicon: Lexicon) -> str | None:
    """A regex for the first characters of a match of the template (its leading context
    included), matching more rather than less; None if a match may begin with nothing the
    template says (a template whose extent is all optional).

    The first word or slot that is not optional closes the alternatives; the ones in optional
    groups before it are in it too, and so is white space before it (more than needed: the
    space after a leading optional group belongs to that group in `compile_template`)."""
    items: set[str] = set()
    groups: list[bool] = []  # per open optional group: could a match begin before it?
    may_begin = True  # could a match begin at the next word or slot?
    in_context = extent = False  # inside <...>; past the first token outside it
    for m in _TOKEN.finditer(template):
        slot, alts, space, mark, word = m.groups()
        if mark == "<":
            if extent and may_begin:  # context after an optional extent: a lookahead
                return None
            in_context = True
            continue
        if mark == ">":
            in_context = False
            continue
        extent = extent or not (in_context or space)
        if mark == "[":
            groups.append(may_begin)
        elif mark == "]":
            may_begin = groups.pop()  # the group may be left out
        elif not may_begin:
            continue
        elif space or mark == "~":
            items.add(r"\s")
        else:
            if slot:
                name, _, category = slot.partition(":")
                opening = lexicon.slot_opening(category or name)
            else:
                words = alts.split("|") if alts is not None else [word]
                opening = None if "" in words else set(map(_first_chars, words))
            if opening is None:
                return None
            items |= opening
            may_begin = False
    if may_begin:
        return None
    return "|".join(sorted(items))  # one spelling per set: shared `Opening`s


def compile_template(
    template: str, lexicon: Lexicon
) -> tuple[str, list[tuple[str, str]], list[tuple[str, ...]]]:
    """Template -> regex with a named group `x` around the extent, the slot groups, and what
    the words and slots outside optional parts require (see `Pattern.requires`)."""
    slots: list[tuple[str, str]] = []
    required: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    out: list[str] = []
    opened: list[bool] = []  # per open optional group: did it start without a space before it?
    leading_groups: set[int] = set()  # positions in `out` of ")?" that close such groups
    context_open = False
    extent_started = False
    extent_closed = False
    first = True  # before the template's first word or slot: it may open a sentence
    pos = 0
    for m in _TOKEN.finditer(template):
        if m.start() != pos:
            raise TemplateError(f"cannot read {template!r} at {pos}")
        pos = m.end()
        slot, alts, space, mark, word = m.groups()
        if mark == "<":
            context_open = True
            if extent_started:
                trailing = out.pop() if out[-1] in (_SPACE, _OPTIONAL_SPACE) else ""
                # context after the extent is a lookahead: it may be another match's extent
                out.append(")(?=(?P<after>" + trailing)
                extent_closed = True
            continue
        if mark == ">":
            context_open = False
            continue
        if not context_open and not extent_started and not space:
            out.append("(?P<x>")
            extent_started = True
        if slot:
            name, _, category = slot.partition(":")
            n = seen.get(name, 0) + 1
            seen[name] = n
            group = f"{name}__{n}"
            slots.append((group, category or name))
            out.append(f"(?P<{group}>{lexicon.slot_regex(category or name)})")
            first = False
            if not opened:
                required.append(lexicon.slot_strings(category or name))
        elif alts is not None:
            words = alts.split("|")
            out.append("(?:" + "|".join(_literal(a, first) for a in words) + ")")
            first = False
            if not opened:  # one word of each alternative stands in the text as written
                required.append(tuple(max(a.lower().split() or [a], key=len) for a in words))
        elif space:
            if out and out[-1] == ")?" and len(out) - 1 in leading_groups:
                out.insert(len(out) - 1, _SPACE)  # "[b] c" -> (?:b\s+)?c
                leading_groups.add(len(out) - 1)  # the group still leads
            else:
                out.append(_SPACE)
        elif mark == "~":
            out.append(_OPTIONAL_SPACE)
        elif mark == "[":
            if out and out[-1] == _SPACE:  # "a [b]" -> a(?:\s+b)?
                out.pop()
                out.append("(?:" + _SPACE)
                opened.append(False)
            else:
                # after a leading optional group ("[a] [b] c") this one leads too: each takes its
                # own space, so that "c" and "a c" match as well as "b c"
                after_leading = bool(out) and out[-1] == ")?" and len(out) - 1 in leading_groups
                glued = bool(out) and out[-1] != "(?P<x>" and not after_leading
                out.append("(?:")
                opened.append(not glued)
        elif mark == "]":
            if opened.pop():
                leading_groups.add(len(out))
            out.append(")?")
        else:
            out.append(_literal(word, first))
            first = False
            if not opened:
                required.append((word.lower(),))
    if pos != len(template) or opened or not extent_started:
        raise TemplateError(f"unbalanced or empty template {template!r}")
    # context after the extent ends at a word's end too ("ended June 30", not "June 3"), or
    # with a space it asks for ("midnight <on Tuesday( |,)>" before "until")
    out.append(r"(?:(?<=\s)|(?!\w))))" if extent_closed else ")")
    regex = "".join(out)
    # Not inside a word, nor a piece of a longer number or date ("32.01.2020" is no "2020").
    return BEGINS + regex + r"(?!\w)(?![.:]\d)", slots, required


def _fewest(strings: tuple[str, ...]) -> tuple[str, ...]:
    """The strings without repeats and without those containing another, shortest first: a text
    contains one of them if and only if it contains one of `strings`, and asking takes fewer
    searches (a short string is the likelier to be found early)."""
    unique = dict.fromkeys(strings)
    kept = [s for s in unique if not any(other in s for other in unique if other != s)]
    return tuple(sorted(kept, key=len))


def _forms(lexicon: Lexicon, category: str, pattern_id: str) -> list[str]:
    """The words of a lexicon category a pattern parameter names; a name that is none is an
    error in the data (it would silently veto nothing)."""
    if category not in lexicon.categories:
        raise TemplateError(f"pattern {pattern_id}: no lexicon category {category!r}")
    return lexicon.forms(category)


def compile_patterns(entries: list[dict[str, Any]], lexicon: Lexicon) -> list[Pattern]:
    patterns = []
    needed: dict[tuple[str, ...], Needed] = {}
    openings = Openings()
    for order, entry in enumerate(entries):
        params = {k: v for k, v in entry.items() if k not in ("id", "match", "frame")}
        pid = entry.get("id", "")
        unknown = sorted(set(entry) - PARAMETERS.keys())
        if unknown:  # a misspelt key would be a rule that silently does nothing
            raise TemplateError(f"pattern {pid}: unknown keys {unknown} (see pattern_parameters)")
        for key in ("not_followed_by", "not_preceded_by"):
            if key in params:  # "{category}": every word of that lexicon category
                words = [
                    form
                    for w in params[key]
                    for form in (
                        _forms(lexicon, w[1:-1], pid) if w[:1] == "{" and w[-1:] == "}" else [w]
                    )
                ]
                params[key] = frozenset(w.lower() for w in words)
        for key in ("after_word_of", "sentence_word_of", "habit_word_of", "one_week_word_of"):
            if key in params:  # any of the category's words or phrases, whole
                forms = sorted(_forms(lexicon, params[key], pid), key=len, reverse=True)
                alternatives = "|".join(re.escape(f) for f in forms)
                params[key] = re.compile(rf"(?<![\w'-])(?:{alternatives})(?![\w'-])", re.IGNORECASE)
        try:
            regex, slots, required = compile_template(entry["match"], lexicon)
            flags = 0 if params.get("case_sensitive") else re.IGNORECASE
            compiled = re.compile(regex, flags)
            blind = None
            if params.get("case_sensitive") is True:
                blind = re.compile(regex, re.IGNORECASE)
            for strings in required:
                if strings not in needed:
                    needed[strings] = Needed(_fewest(strings))
            requires = tuple(
                sorted((needed[s] for s in dict.fromkeys(required)), key=lambda n: len(n.strings))
            )
            start = template_opening(entry["match"], lexicon)
            opening = None if start is None else openings.get(start)
        except (TemplateError, re.error) as err:
            raise TemplateError(f"pattern {entry.get('id')}: {err}") from err
        patterns.append(
            Pattern(
                entry["id"],
                entry["match"],
                entry["frame"],
                params,
                compiled,
                tuple(slots),
                order,
                requires,
                bool(params.get("case_sensitive") and _OPENS_LOWER.match(entry["match"])),
                blind,
                opening,
            )
        )
    return patterns


_OPENS_LOWER = re.compile(r"[<\[(]*[a-z]")
