"""What a resolver reads and returns: the situation of an expression (reference day, tense,
previous date, the language's conventions) and its reading (type, value, interval).

Shared by the calendar resolvers (calendar_dates.py, weekdays_and_times.py, relative_dates.py)
and the duration and set resolvers (durations.py), so that neither depends on the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.periods import Period

# How much farther a date may lie when the tense points to it ("sagte am 9. Dezember"). News
# in the present tense mostly announce ("Die Wahl ist im Mai"), so the present leans ahead.
# "since" is the start of a state that still holds ("seit März", a pattern's tense): never ahead.
# "planned" (an act intended in a report, "agreed to testify on Feb. 10") leans ahead like the
# present.
TENSE_PENALTY_DAYS = {"past": 300, "future": 300, "present": 200, "since": 100_000, "planned": 120}
# The side of the reference each tense points to: a yearly date on the other side costs the
# tense's penalty (occurrence.against_tense), a weekday is looked for on that side.
LOOKS_BACK = ("past", "since")
LEANS_AHEAD = ("future", "present", "planned")
TELLS_AHEAD = ("future", "planned")  # a clause that tells of what is still to come


class Unresolvable(ValueError):
    """The slots describe no real date (31 February): the candidate is dropped."""


@dataclass(frozen=True)
class Conventions:
    """What a language's annotation conventions decide (settings of its lexicon.toml)."""

    decades_in_years: bool = False  # "zwei Jahrzehnte" = P20Y (KRAUTS) or P2DE (TimeML)
    tense_penalty: tuple[tuple[str, int], ...] = ()  # TENSE_PENALTY_DAYS, where they differ
    holidays: tuple[tuple[str, str], ...] = ()  # holiday key -> rule ("12-25", "easter+49")
    # a past weekday that is the report's own is that day: wire copy written the day it happens
    # ("(dpa) ... sprach am Dienstag" on a Tuesday), not a print paper dated the morning after
    # (dates.find_dates decides per text)
    same_day: bool = False
    # the small hours told after a night are on that night's day (KRAUTS: "in der Nacht des 14.
    # August gegen 3 Uhr"), not on the next day ("Saturday night ... ended at 1:30 a.m.")
    night_holds_small_hours: bool = True

    def penalty(self, tense: str) -> int:
        """The days a date on the other side than `tense` points counts as farther."""
        return dict(self.tense_penalty).get(tense, TENSE_PENALTY_DAYS.get(tense, 0))


@dataclass(frozen=True)
class Situation:
    """What a resolver reads besides the slots: where the expression is told from."""

    today: date | None  # the reference day (DCT or a day of a coarse DCT); None = unknown
    tense: str = "unknown"
    span: tuple[date, date] | None = None  # the whole reference (a coarse DCT); None = today
    previous: Period | None = None  # the last resolved date before this expression
    conventions: Conventions = Conventions()
    previous_mod: str | None = None  # the mod of `previous` ("late Thursday": END)


@dataclass(frozen=True)
class Reading:
    """What a resolver returns: the TIMEX3 type, value and mod, and the days it covers."""

    type: str
    value: str
    granularity: str
    period: Period | None  # None: no interval (unanchored or a bare duration)
    mod: str | None = None
    uses_tense: bool = False
    # joined from both ends of a coarse DCT: the periods read at its first and its last day
    ends: tuple[Period, Period] | None = None

    @property
    def uncertain(self) -> bool:
        """Is the reading known only within a coarse DCT (joined from its ends)?"""
        return self.ends is not None
