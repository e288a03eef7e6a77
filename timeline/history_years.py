"""The year a history's year-less date falls in where that is not the year the story has
written: the spring after a winter told (after_winter), the next year across the year's end
(after_year_end), the year before in a look back told in the past perfect (before_looked_back),
the opening day's year after a look back at earlier years (back_to_opening). find_dates asks
them after reading a date in the year written (story.py) and reads it again in the year they
name: they correct a reading, they do not choose what it counts from."""

from __future__ import annotations

from timeline import periods
from timeline.anchors import HistoryScope
from timeline.grammar import Candidate
from timeline.periods import Period
from timeline.situation import Reading
from timeline.story import Story
from timeline.tense import past_perfect_end

BEFORE_WINTER_DAYS = 90  # a date so far before a winter told: the spring after it (after_winter)
# a year-less date this many days or more before the last day told in a history, that lies
# at most NEXT_YEAR_DAYS after it in the next year, is the next year's (after_year_end)
YEAR_END_BACK_DAYS = 300
NEXT_YEAR_DAYS = 45
BACK_TO_OPENING_DAYS = 31  # days after a history's opening day a year-less date comes back to it
LOOK_BACK_AHEAD_DAYS = 183  # days ahead of the date told a history's past perfect may still reach


def after_winter(reading: Reading, story: Story) -> Period | None:
    """The next year, where a year-less date read in the year a winter told began lies more
    than BEFORE_WINTER_DAYS before that winter ("That winter fog closed the airports ... To
    mark Easter": the Easter after it, as the winter ends in the next year; "spent the winter
    in tents ... who had reached Scutari in early November" stays a look back), else None."""
    told = story.previous.period if story.previous else None
    if told is None or reading.period is None or not told.value.endswith("-WI"):
        return None
    before = (told.earliest - reading.period.latest).days
    if before <= BEFORE_WINTER_DAYS or reading.period.latest.year != told.earliest.year:
        return None
    return periods.year(told.earliest.year + 1)


def after_year_end(reading: Reading, story: Story, scope: HistoryScope) -> Period | None:
    """The next year, where a history told day by day crosses the year's end ("Am Nachmittag
    des 26. Dezember ... In der Neujahrsnacht ... am 3. Januar": 1945's, not the January almost
    a year before the December told; also after a month told, "In December 1878 ... On 11
    January"), else None. A look back a few weeks over New Year stays
    (the next year's date would lie more than NEXT_YEAR_DAYS ahead)."""
    told = story.previous.period if story.previous else None
    if not scope.whole or told is None or reading.period is None:
        return None
    # a month told: only a year's last ("In December 1878 ... On 11 January")
    if told.granularity not in ("day", "time") and not (
        told.granularity == "month" and told.latest.month == 12
    ):
        return None
    start = reading.period.earliest
    if start.year != told.earliest.year or (told.earliest - start).days < YEAR_END_BACK_DAYS:
        return None
    try:
        ahead = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        return None
    # after a December told, from its last day
    if (ahead - told.latest).days > NEXT_YEAR_DAYS:
        return None
    return periods.year(start.year + 1)


def before_looked_back(
    reading: Reading, story: Story, scope: HistoryScope, cand: Candidate, text: str, language: str
) -> Period | None:
    """The year before, where a history's year-less date in a past perfect lies after the date
    told last in the year written ("By early 1943 ... had decided at the end of December":
    December 1942, not 1943's, which was still to come), else None."""
    told = story.previous.period if story.previous else None
    if not scope.whole or told is None or reading.period is None:
        return None
    ahead = (reading.period.earliest - told.latest).days
    # a past perfect a little ahead is still the story's ("Roberts entered Bloemfontein on 13
    # March ... The news that Mafeking had been relieved on 17 May"): only one that would leap
    # far ahead within the year written looks back into the year before
    if ahead <= LOOK_BACK_AHEAD_DAYS or reading.period.earliest.year != told.latest.year:
        return None
    if past_perfect_end(text, cand.start, cand.end, language) is None:
        return None
    return periods.year(reading.period.earliest.year - 1)


def back_to_opening(reading: Reading, story: Story, scope: HistoryScope) -> Period | None:
    """The year of a history's opening day, where a year-less date read in an earlier year
    written in a look back lies, in the opening's year, up to BACK_TO_OPENING_DAYS after that
    day ("on the night of 5 to 6 May [1860] ... Born in Nice in 1807 ... in August [1849] ...
    The Thousand landed at Marsala on 11 May": 1860's, was 1849's), else None."""
    opening = story.opening
    if not scope.whole or opening is None or reading.period is None:
        return None
    start = reading.period.earliest
    if reading.granularity not in ("day", "time") or start.year >= opening.period.earliest.year:
        return None
    try:
        back = start.replace(year=opening.period.earliest.year)
    except ValueError:  # 29 February
        return None
    if not 0 < (back - opening.period.latest).days <= BACK_TO_OPENING_DAYS:
        return None
    return periods.year(back.year)
