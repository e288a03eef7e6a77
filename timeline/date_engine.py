"""A language's compiled date patterns and lexicon (Engine, engine()) and what the other
parts of the date engine share: the frames that take a year from the text and a pattern's
count forward. Kept apart so that dates.py, story.py, date_reading.py and sentence_position.py
import it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from timeline import lexicon as resources
from timeline.grammar import Lexicon, Pattern, compile_patterns
from timeline.situation import Conventions

# Frames that take their year from a year written shortly before ("im März 2010 ... im April").
YEARLESS_FRAMES = {"date", "season", "quarter", "holiday"}
# Slots that place a date's year themselves: no year told before or report sets it ("fiscal
# 1989, which ends March 31" told in November 1989 is the March ahead, occurrence.year_of)
YEAR_SLOTS = {"year", "year2", "shift", "year_shift", "fiscal_year", "fiscal_end", "fiscal_start"}


@dataclass(frozen=True)
class Engine:
    """A language's compiled patterns, lexicon and annotation conventions."""

    language: str
    lexicon: Lexicon
    patterns: list[Pattern]
    conventions: Conventions


@cache
def engine(language: str) -> Engine:
    """The compiled patterns of a language (cached: compiling takes a few milliseconds)."""
    data = resources.resource(language, "lexicon.toml")
    lex = Lexicon(data)
    entries = resources.resource(language, "patterns.toml")["pattern"]
    conventions = Conventions(
        decades_in_years=bool(data.get("decades_in_years")),
        tense_penalty=tuple(data.get("tense_penalty_days", {}).items()),
        holidays=tuple(data.get("holiday_rule", {}).items()),
        night_holds_small_hours=bool(data.get("night_holds_small_hours", True)),
    )
    return Engine(language, lex, compile_patterns(entries, lex), conventions)


def counts_on(params: dict) -> bool:
    """Does the pattern count forward from its anchor ("later", "the following week")?"""
    return params.get("shift", 0) > 0 or params.get("sign", 0) > 0
