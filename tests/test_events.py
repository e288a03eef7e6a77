"""Events from hand-built dates and actors, so that only timeline.events is under test.

Every expected value was worked out by reading the sentence: which clause is an event, which
word triggers it, which date dates it.
"""

from __future__ import annotations

from datetime import date

from timeline.events import clauses, find_events
from timeline.model import Actor, ActorKind, Document, DocumentDate, Event, Mention, TimeExpression

DCT = DocumentDate.parse("2024-03-14")  # a Thursday


def _doc(text: str, language: str = "de", dct: DocumentDate | None = DCT) -> Document:
    return Document(id="d", text=text, language=language, dct=dct)


def _date(text: str, part: str, first: str, last: str | None = None, n: int = 1) -> TimeExpression:
    start = text.index(part)
    return TimeExpression(
        start=start,
        end=start + len(part),
        text=part,
        type="DATE",
        value=first,
        earliest=date.fromisoformat(first),
        latest=date.fromisoformat(last or first),
        granularity="day" if last is None else "month",
        id=f"d:t{n}",
        doc="d",
    )


def _actor(text: str, name: str, actor_id: str, *forms: str) -> Actor:
    mentions = []
    for form in (name, *forms):
        at = text.find(form)
        while at >= 0:
            mentions.append(Mention("d", at, at + len(form), form))
            at = text.find(form, at + 1)
    return Actor(actor_id, name, ActorKind.PERSON, mentions=tuple(mentions))


def _events(text: str, dates=(), actors=(), language="de", dct=DCT) -> list[Event]:
    return find_events(_doc(text, language, dct), list(dates), list(actors))


def test_statement_and_its_content_are_two_events_with_their_own_dates() -> None:
    text = "Scholz sagte am Donnerstag, die Regierung werde im Mai entscheiden."
    dates = [
        _date(text, "Donnerstag", "2024-03-07"),
        _date(text, "Mai", "2024-05-01", "2024-05-31", 2),
    ]
    saying, content = _events(text, dates, [_actor(text, "Olaf Scholz", "p:scholz", "Scholz")])
    assert (saying.trigger, saying.timex, saying.actors, saying.tense) == (
        "sagte",
        "d:t1",
        ("p:scholz",),
        "past",
    )
    assert (saying.earliest, saying.latest, saying.undated, saying.planned) == (
        date(2024, 3, 7),
        date(2024, 3, 7),
        False,
        False,
    )
    assert (content.trigger, content.timex, content.actors) == ("entscheiden", "d:t2", ())
    assert (content.earliest, content.latest, content.tense, content.planned) == (
        date(2024, 5, 1),
        date(2024, 5, 31),
        "future",
        True,
    )


def test_reported_content_does_not_take_the_date_of_the_saying() -> None:
    text = "Scholz sagte am Donnerstag, die Regierung werde das Gesetz ändern."
    dates = [_date(text, "Donnerstag", "2024-03-07")]
    actors = [_actor(text, "Olaf Scholz", "p:scholz", "Scholz"), _actor(text, "Regierung", "o:gov")]
    saying, content = _events(text, dates, actors)
    assert saying.timex == "d:t1"
    assert content.trigger == "ändern"
    assert (content.timex, content.undated, content.planned) == (None, True, True)
    # planned and undated: from the article on, open end
    assert (content.earliest, content.latest) == (DCT.earliest, None)


def test_undated_past_event_is_kept_no_later_than_the_article() -> None:
    text = "Die Ministerin Anna Berger begrüßte das Vorhaben."
    (event,) = _events(text, actors=[_actor(text, "Anna Berger", "p:berger")])
    assert (event.trigger, event.undated, event.planned) == ("begrüßte", True, False)
    assert (event.earliest, event.latest) == (None, date(2024, 3, 14))


def test_undated_event_without_dct_has_no_interval() -> None:
    text = "Die Ministerin Anna Berger begrüßte das Vorhaben."
    (event,) = _events(text, actors=[_actor(text, "Anna Berger", "p:berger")], dct=None)
    assert (event.earliest, event.latest, event.undated) == (None, None, True)


def test_clauses_without_trigger_or_without_actor_and_date_are_not_events() -> None:
    text = "Das Wetter ist schön. Der Zug fuhr langsam."  # no trigger; trigger but nothing else
    assert _events(text) == []


def test_event_noun_triggers_when_there_is_no_verb_of_happening() -> None:
    text = "Die erste Lesung ist für den 17. April geplant."
    (event,) = _events(text, [_date(text, "17. April", "2024-04-17")])
    assert (event.trigger, event.earliest, event.planned) == ("Lesung", date(2024, 4, 17), True)


def test_coordinated_clause_shares_the_date_and_the_subject() -> None:
    text = "Merkel traf am Montag Macron und besprach die Lage in der Ukraine."
    dates = [_date(text, "Montag", "2024-03-11")]
    actors = [
        _actor(text, "Angela Merkel", "p:merkel", "Merkel"),
        _actor(text, "Macron", "p:macron"),
    ]
    first, second = _events(text, dates, actors)
    assert (first.trigger, first.actors) == ("traf", ("p:merkel", "p:macron"))
    assert (second.trigger, second.timex, second.earliest) == (
        "besprach",
        "d:t1",
        date(2024, 3, 11),
    )
    assert second.actors == ("p:merkel",)  # "und besprach" has no subject: Merkel's


def test_damals_refers_back_to_the_last_date() -> None:
    text = "Im Juni 2013 hatte ein Hochwasser Passau getroffen. Damals stand das Wasser hoch."
    dates = [_date(text, "Juni 2013", "2013-06-01", "2013-06-30")]
    first, second = _events(text, dates, [_actor(text, "Passau", "l:passau")])
    assert first.trigger == "getroffen"
    assert (second.trigger, second.timex, second.earliest) == ("stand", "d:t1", date(2013, 6, 1))


def test_a_point_of_comparison_does_not_date_the_event() -> None:
    text = "Die Firma Nordwind verkaufte mehr Anlagen als im Vorjahr."
    dates = [_date(text, "Vorjahr", "2023-01-01", "2023-12-31")]
    (event,) = _events(text, dates, [_actor(text, "Nordwind", "o:nordwind")])
    assert (event.trigger, event.undated) == ("verkaufte", True)


def test_the_most_precise_date_of_a_clause_wins() -> None:
    text = "Im März 2024 traf Merkel am Montag Macron."
    dates = [
        _date(text, "März 2024", "2024-03-01", "2024-03-31"),
        _date(text, "Montag", "2024-03-11", n=2),
    ]
    (event,) = _events(text, dates)
    assert (event.timex, event.granularity) == ("d:t2", "day")


def test_english_saying_is_split_from_its_content_without_comma() -> None:
    text = "Haugen said Friday the two countries would publish a plan in March."
    dates = [
        _date(text, "Friday", "2024-03-08"),
        _date(text, "March", "2024-03-01", "2024-03-31", 2),
    ]
    saying, content = _events(
        text, dates, [_actor(text, "Lars Haugen", "p:haugen", "Haugen")], "en"
    )
    assert (text[saying.start : saying.end], saying.timex) == ("Haugen said Friday", "d:t1")
    assert (content.trigger, content.timex, content.tense) == ("publish", "d:t2", "future")


def test_english_relative_clause_and_subjectless_saying() -> None:
    text = "Senator Maria Delgado, who introduced the bill in March, said the vote was overdue."
    dates = [_date(text, "March", "2024-03-01", "2024-03-31")]
    actors = [_actor(text, "Maria Delgado", "p:delgado")]
    introduced, said = _events(text, dates, actors, "en")
    assert (introduced.trigger, introduced.timex, introduced.actors) == (
        "introduced",
        "d:t1",
        ("p:delgado",),
    )
    assert (said.trigger, said.undated, said.actors) == ("said", True, ("p:delgado",))


def test_clauses_join_pieces_without_a_verb() -> None:
    text = "Am Montag, dem 18. März, trafen sich Merkel und Macron in Paris."
    ((start, spans),) = clauses(text, "de")
    assert start == 0
    assert [text[s:e] for s, e in spans] == [text.rstrip(".")]


def test_event_ids_are_unique_per_document() -> None:
    text = "Merkel traf am Montag Macron. Merkel reiste am Dienstag ab."
    dates = [_date(text, "Montag", "2024-03-11"), _date(text, "Dienstag", "2024-03-12", n=2)]
    events = _events(text, dates)
    assert [e.id for e in events] == ["d:e1", "d:e2"]
    assert [e.trigger for e in events] == ["traf", "reiste"]


def test_a_pronoun_subject_is_the_person_named_last() -> None:
    text = "Ministerin Anna Berger begrüßte das Vorhaben. Am Montag sprach sie in Cuxhaven."
    dates = [_date(text, "Montag", "2024-03-11")]
    actors = [_actor(text, "Anna Berger", "p:berger"), _actor(text, "Cuxhaven", "l:cux")]
    actors[1] = Actor("l:cux", "Cuxhaven", ActorKind.LOCATION, mentions=actors[1].mentions)
    first, second = _events(text, dates, actors)
    assert second.trigger == "sprach"
    assert second.actors == ("l:cux",)  # a named actor is there: no guessing
    text = "Ministerin Anna Berger begrüßte das Vorhaben. Sie sprach am Montag von einem Signal."
    dates = [_date(text, "Montag", "2024-03-11")]
    first, second = _events(text, dates, [_actor(text, "Anna Berger", "p:berger")])
    assert (second.trigger, second.actors) == ("sprach", ("p:berger",))


def test_what_a_statement_reports_is_an_event_even_without_actor_or_date() -> None:
    text = "Berger sagte am Mittwoch, seine Partei werde dem Entwurf zustimmen."
    dates = [_date(text, "Mittwoch", "2024-03-13")]
    saying, content = _events(text, dates, [_actor(text, "Thomas Berger", "p:berger", "Berger")])
    assert (saying.trigger, saying.earliest) == ("sagte", date(2024, 3, 13))
    assert (content.trigger, content.actors, content.undated, content.planned) == (
        "zustimmen",
        (),
        True,
        True,
    )
    # a judgment with no verb of its own is not
    text = "Berger said the vote was a long overdue step."
    (saying,) = _events(text, actors=[_actor(text, "Berger", "p:berger")], language="en")
    assert saying.trigger == "said"


def test_a_date_across_a_comma_does_not_date_a_clause_that_has_its_own() -> None:
    text = "Vor sechs Jahren war die Firma Nordwind gestartet, heute beschäftigt sie 400 Leute."
    dates = [
        _date(text, "sechs Jahren", "2019-01-01", "2019-12-31"),
        _date(text, "heute", "2025-06-11", n=2),
    ]
    (event,) = _events(text, dates, [_actor(text, "Nordwind", "o:nordwind")])
    assert (event.trigger, event.timex) == ("gestartet", "d:t1")


def test_the_participle_after_a_passive_or_perfect_auxiliary_is_the_trigger() -> None:
    # "gekrönt", "unterzeichnet" are in no list of verbs: the participle at the clause end that
    # "wurde" / "hat" governs is the main verb (before: no event at all)
    text = "Im Jahr 2000 wurde Karl in Rom zum Kaiser gekrönt. Am Montag hat der Rat unterzeichnet."
    dates = [
        _date(text, "Jahr 2000", "2000-01-01", "2000-12-31"),
        _date(text, "Montag", "2024-03-11", n=2),
    ]
    events = _events(text, dates)
    assert [(e.trigger, e.earliest) for e in events] == [
        ("gekrönt", date(2000, 1, 1)),
        ("unterzeichnet", date(2024, 3, 11)),
    ]


def test_a_phrase_that_only_tells_a_tense_opens_no_clause_of_its_own() -> None:
    # "due by" is a tense cue (a deadline ahead), no verb: the date belongs to "ordered"
    text = "Mayor Ken Lee ordered an independent review, due by Feb. 1."
    feb = _date(text, "Feb. 1", "2024-02-01")
    (event,) = _events(text, [feb], [_actor(text, "Ken Lee", "person:ken-lee")], language="en")
    assert (event.trigger, event.earliest) == ("ordered", date(2024, 2, 1))
