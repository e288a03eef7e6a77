"""Best-effort dates for languages without resources, read by dateparser.

Our own patterns only exist for the languages under timeline/resources/. For any other language
dateparser (which knows some 200 locales) finds the absolute dates; relative ones are kept only
when a DCT anchors them, and the granularity dateparser reports is turned into our periods.
"""

from __future__ import annotations

import re
from datetime import datetime

from timeline import periods
from timeline.model import DocumentDate, TimeExpression

_GRANULARITY = {"day": "day", "week": "week", "month": "month", "year": "year", "time": "day"}


def fallback_dates(
    text: str, language: str, dct: DocumentDate | None, doc_id: str = ""
) -> list[TimeExpression]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if dct is not None:
        settings["RELATIVE_BASE"] = datetime(
            dct.earliest.year, dct.earliest.month, dct.earliest.day
        )
    try:
        hits = search_dates(text, languages=[language], settings=settings) or []
        parser = DateDataParser(languages=[language], settings=settings)
    except (ValueError, KeyError):  # a language dateparser does not know
        return []
    found: list[TimeExpression] = []
    pos = 0
    for phrase, moment in hits:
        start = text.find(phrase, pos)
        if start < 0:
            continue
        pos = start + len(phrase)
        if not re.search(r"\d", phrase) and dct is None:
            continue  # a relative word ("hier") with nothing to count from
        data = parser.get_date_data(phrase)
        gran = _GRANULARITY.get(data.period or "day", "day")
        if gran == "year":
            p = periods.year(moment.year)
        elif gran == "month":
            p = periods.month(moment.year, moment.month)
        elif gran == "week":
            p = periods.week(moment.date())
        else:
            p = periods.day(moment.date())
        found.append(
            TimeExpression(
                start=start,
                end=pos,
                text=phrase,
                type="DATE",
                value=p.value,
                earliest=p.earliest,
                latest=p.latest,
                granularity=gran,
                explanation=f"{phrase} -> {p.value} (dateparser, {language}: best effort)",
                id=f"t{len(found) + 1}",
                doc=doc_id,
            )
        )
    return found
