"""Actor recognition and canonicalization, from the case tables in tests/data/actors/."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from timeline.actors import actor_mentions, find_actors
from timeline.model import ActorKind, Document

DATA = Path(__file__).parent / "data" / "actors"


def _tables() -> list[dict]:
    return [tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("*.toml"))]


def _cases():
    for table in _tables():
        for case in table.get("case", []):
            yield pytest.param(table["language"], case, id=f"{table['language']}-{case['about']}")


def _nothing():
    for table in _tables():
        for text in table.get("nothing", [{}])[0].get("texts", []):
            yield pytest.param(table["language"], text, id=f"{table['language']}-{text[:30]}")


@pytest.mark.parametrize(("language", "case"), list(_cases()))
def test_case(language: str, case: dict) -> None:
    doc = Document("d", case["text"], language=language)
    found = actor_mentions(doc)
    by_text: dict[str, list[str]] = {}
    for mention, actor_id in found:
        assert doc.text[mention.start : mention.end] == mention.text
        by_text.setdefault(mention.text, []).append(actor_id)
    for text, actor_id in case["mentions"].items():
        assert text in by_text, f"{text!r} not found; found {by_text}"
        assert set(by_text[text]) == {actor_id}, f"{text!r}: {by_text[text]}"
    for text in case.get("absent", []):
        assert text not in by_text, f"{text!r} should not be an actor: {by_text[text]}"
    for text, index, actor_id in case.get("positions", []):
        assert by_text[text][index] == actor_id, f"{text!r} #{index}: {by_text[text]}"
    actors = {a.id: a for a in find_actors([doc])}
    for actor_id, country in case.get("country", {}).items():
        assert actors[actor_id].country == country


@pytest.mark.parametrize(("language", "text"), list(_nothing()))
def test_no_actors(language: str, text: str) -> None:
    assert find_actors([Document("d", text, language=language)]) == []


def test_one_actor_across_documents_and_languages() -> None:
    docs = [
        Document("a", "Der Kreml warnte die Nato.", language="de"),
        Document("b", "The Kremlin said NATO was to blame.", language="en"),
    ]
    actors = {a.id: a for a in find_actors(docs)}
    russia = actors["country:RUS"]
    assert russia.kind is ActorKind.COUNTRY and russia.country == "RUS"
    assert {(m.doc, m.text) for m in russia.mentions} == {("a", "Kreml"), ("b", "Kremlin")}
    assert set(actors["org:nato"].aliases) == {"Nato", "NATO"}


def test_surname_in_another_document_is_not_linked_to_a_stranger() -> None:
    docs = [
        Document("a", "Die Ärztin Maria Kowalski half.", language="de"),
        Document(
            "b", "Der Richter Tomasz Kowalski urteilte. Kowalski sagte nichts.", language="de"
        ),
    ]
    found = dict(((m.doc, m.text), a) for m, a in actor_mentions(docs[1]))
    assert found[("b", "Kowalski")] == "person:tomasz-kowalski"


def test_language_none_is_detected() -> None:
    doc = Document("d", "Moscow said that the Kremlin and the United Nations would meet.")
    ids = {a for _, a in actor_mentions(doc)}
    assert {"country:RUS", "org:un"} <= ids


def test_mentions_are_sorted_and_offsets_exact() -> None:
    text = "Olaf Scholz und Emmanuel Macron trafen sich in Berlin."
    found = actor_mentions(Document("d", text, language="de"))
    starts = [m.start for m, _ in found]
    assert starts == sorted(starts)
    assert [(text[m.start : m.end], a) for m, a in found] == [
        ("Olaf Scholz", "person:olaf-scholz"),
        ("Emmanuel Macron", "person:emmanuel-macron"),
        ("Berlin", "loc:berlin"),
    ]


def test_actor_mentions_and_find_actors_agree() -> None:
    docs = [
        Document(
            "a", "Bundeskanzler Olaf Scholz warnte Moskau. Scholz reiste nach Kiew.", "", "de"
        ),
        Document("b", "Chancellor Olaf Scholz said Moscow had to stop.", "", "en"),
    ]
    from_actors = {(m.doc, m.start, m.end, a.id) for a in find_actors(docs) for m in a.mentions}
    one_by_one = {(m.doc, m.start, m.end, i) for d in docs for m, i in actor_mentions(d)}
    assert from_actors == one_by_one
    assert ("a", 14, 25, "person:olaf-scholz") in from_actors  # the role is not in the name
    scholz = next(a for a in find_actors(docs) if a.id == "person:olaf-scholz")
    assert scholz.country == "DEU" and len(scholz.mentions) == 3


def test_known_actors_are_named_in_the_language_of_most_documents() -> None:
    german = [
        Document("a", "Norwegen und die US-Regierung verhandeln.", language="de"),
        Document("b", "Die Nato tagt in Oslo.", language="de"),
    ]
    english = [Document("c", "Norway and Germany signed the deal.", language="en")]
    names = {a.id: a.name for a in find_actors(german + english)}
    assert names["country:NOR"] == "Norwegen"
    assert names["country:DEU"] == "Deutschland"  # only the English article names it
    assert names["org:government-usa"] == "US-Regierung"
    english.append(Document("d", "Norway's prime minister spoke.", language="en"))
    english.append(Document("e", "Oslo is cold.", language="en"))
    names = {a.id: a.name for a in find_actors(german + english)}
    assert names["country:NOR"] == "Norway"
    assert names["country:DEU"] == "Germany"
    assert names["org:government-usa"] == "US government"


def test_letters_of_unknown_surnames_look_like_names_and_nouns_do_not() -> None:
    from timeline.name_likeness import name_likeness

    for surname in ("Kowalczyk", "Trenchard"):  # in no list; -czyk, -ard end many surnames
        assert name_likeness(surname, "de")[0] in ("NP1", "NP2"), surname
    for noun in ("Verhandlungen", "Zuständigkeiten"):  # -ungen, -keiten end nouns only
        assert name_likeness(noun, "de") == ("NP-2", "NL-2"), noun
    assert name_likeness("Trenchard", "en") == ()  # no word frequency list for English
