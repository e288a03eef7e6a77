"""Resolution: a matched frame + a reference day -> a calendar period (value and interval).

Detection (grammar.py) says *what kind* of expression was found and fills its slots;
resolution does the arithmetic, once for all languages. Each frame resolver takes the slots and
pattern parameters, a `Situation` (reference day, tense, previous date in the text), and
returns a `Reading`. A reference of None means the expression cannot be anchored; resolvers
then return placeholder values with X ("XXXX-WXX-2"). Which year or which weekday a text means
when it names none is chosen in occurrence.py.

This module is the one registry of the resolvers, by frame name (a pattern's `frame`); they
live by kind: calendar_dates.py (named days, months, years, seasons, quarters, holidays),
weekdays_and_times.py (weekdays, clock times, parts of the day), relative_dates.py (counted
from the reference), durations.py (durations and sets).
"""

from __future__ import annotations

from collections.abc import Callable

from timeline.calendar_dates import (
    resolve_century,
    resolve_date,
    resolve_decade,
    resolve_holiday,
    resolve_quarter,
    resolve_season,
    resolve_year,
)
from timeline.durations import resolve_duration, resolve_set
from timeline.relative_dates import resolve_ref, resolve_relative
from timeline.situation import Reading, Situation
from timeline.weekdays_and_times import resolve_time, resolve_weekday

Resolver = Callable[[dict, dict, Situation], Reading]

RESOLVERS: dict[str, Resolver] = {
    "date": resolve_date,
    "year": resolve_year,
    "decade": resolve_decade,
    "century": resolve_century,
    "relative": resolve_relative,
    "weekday": resolve_weekday,
    "time": resolve_time,
    "season": resolve_season,
    "quarter": resolve_quarter,
    "holiday": resolve_holiday,
    "duration": resolve_duration,
    "set": resolve_set,
    "ref": resolve_ref,
}
