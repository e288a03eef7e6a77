"""A small hand-built Extraction for the dashboard tests (no pipeline needed).

Two articles: a German one with a day DCT and an English one with a month-only DCT; an exact
event, a planned year-long one, a month-wide one from the coarse DCT, and an undated one whose
text is hostile HTML.
"""

from datetime import date

from timeline.model import (
    Actor,
    ActorKind,
    Document,
    DocumentDate,
    Event,
    Extraction,
    Mention,
    TimeExpression,
)

DE_TEXT = (
    "Oslo-Reise der Ministerin\n\n"
    "Anna Berger traf am Dienstag in Oslo Lars Haugen. Das Kabel soll 2028 fertig sein."
)
EN_TEXT = (
    "Cable <b>deal</b> & more\n\n"
    "Berger said the deal came on Tuesday. <script>alert(1)</script> happened."
)


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def mention(doc: str, text: str, part: str, length: int | None = None) -> Mention:
    start = text.index(part)
    end = start + (len(part) if length is None else length)
    return Mention(doc, start, end, text[start:end])


def build() -> Extraction:
    de = Document("de1", DE_TEXT, language="de", dct=DocumentDate.parse("2024-05-15"))
    en = Document("en1", EN_TEXT, language="en", dct=DocumentDate.parse("2024-05"))
    t1 = TimeExpression(
        *span(DE_TEXT, "Dienstag"),
        "Dienstag",
        "DATE",
        "2024-05-14",
        earliest=date(2024, 5, 14),
        latest=date(2024, 5, 14),
        explanation="the Tuesday before the DCT",
        id="t1",
        doc="de1",
    )
    t2 = TimeExpression(
        *span(DE_TEXT, "2028"),
        "2028",
        "DATE",
        "2028",
        earliest=date(2028, 1, 1),
        latest=date(2028, 12, 31),
        granularity="year",
        id="t2",
        doc="de1",
    )
    t3 = TimeExpression(
        *span(EN_TEXT, "Tuesday"),
        "Tuesday",
        "DATE",
        "2024-05",
        earliest=date(2024, 4, 30),
        latest=date(2024, 5, 28),
        explanation="DCT is only a month: <any> Tuesday",
        id="t1",
        doc="en1",
    )
    berger = Actor(
        "anna-berger",
        "Anna Berger",
        ActorKind.PERSON,
        "DEU",
        ("Berger",),
        (mention("de1", DE_TEXT, "Anna Berger"), mention("en1", EN_TEXT, "Berger said", 6)),
    )
    haugen = Actor(
        "lars-haugen",
        "Lars Haugen",
        ActorKind.PERSON,
        "NOR",
        mentions=(mention("de1", DE_TEXT, "Lars Haugen"),),
    )
    oslo = Actor(
        "oslo", "Oslo", ActorKind.LOCATION, "NOR", mentions=(mention("de1", DE_TEXT, "Oslo L", 4),)
    )
    s1 = "Anna Berger traf am Dienstag in Oslo Lars Haugen."
    s2 = "Das Kabel soll 2028 fertig sein."
    s3 = "Berger said the deal came on Tuesday."
    s4 = "<script>alert(1)</script> happened."
    events = (
        Event(
            "de1-e1",
            "de1",
            *span(DE_TEXT, s1),
            s1,
            "traf",
            ("anna-berger", "lars-haugen", "oslo"),
            "t1",
            date(2024, 5, 14),
            date(2024, 5, 14),
            "day",
            "past",
            False,
        ),
        Event(
            "de1-e2",
            "de1",
            *span(DE_TEXT, s2),
            s2,
            "fertig sein",
            (),
            "t2",
            date(2028, 1, 1),
            date(2028, 12, 31),
            "year",
            "future",
            False,
            True,
        ),
        Event(
            "en1-e1",
            "en1",
            *span(EN_TEXT, s3),
            s3,
            "came",
            ("anna-berger",),
            "t1",
            date(2024, 4, 30),
            date(2024, 5, 28),
            "day",
            "past",
            False,
        ),
        Event("en1-e2", "en1", *span(EN_TEXT, s4), s4, "happened"),
    )
    return Extraction((de, en), (t1, t2, t3), (berger, haugen, oslo), events)
