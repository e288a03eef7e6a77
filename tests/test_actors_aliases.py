"""The user's alias file: re-assign names, add names, merge actors, clear errors."""

from __future__ import annotations

import pytest

from timeline.actors import actor_mentions, find_actors
from timeline.aliases import AliasFileError, load_aliases, parse_aliases
from timeline.model import ActorKind, Document

TEXT = "Im Kreml traf Olaf Scholz den Präsidenten. Der Kanzler sagte, Scholz sei zufrieden."


def _ids(aliases=None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for mention, actor_id in actor_mentions(Document("d", TEXT, language="de"), aliases):
        out.setdefault(mention.text, set()).add(actor_id)
    return out


def test_without_aliases_the_kremlin_here_is_a_place() -> None:
    assert _ids()["Kreml"] == {"loc:kreml"}


@pytest.mark.parametrize("target", ["Russland", "Russia", "country:RUS"])
def test_a_name_is_reassigned_to_an_actor_given_by_name_or_id(target: str) -> None:
    assert _ids(parse_aliases({"Kreml": target}))["Kreml"] == {"country:RUS"}


def test_a_new_name_is_found_in_the_text() -> None:
    ids = _ids(parse_aliases({"Der Kanzler": "person:olaf-scholz"}))
    assert ids["Der Kanzler"] == {"person:olaf-scholz"}


def test_two_actors_merge() -> None:
    docs = [
        Document("a", "Olaf Scholz kam.", language="de"),
        Document("b", "Kanzler Scholz ging.", language="de"),
    ]
    before = {a.id for a in find_actors(docs)}
    assert {"person:olaf-scholz", "person:scholz"} <= before
    after = {a.id: a for a in find_actors(docs, parse_aliases({"person:scholz": "Olaf Scholz"}))}
    assert "person:scholz" not in after
    scholz = after["person:olaf-scholz"]
    assert scholz.kind is ActorKind.PERSON and len(scholz.mentions) == 2


def test_an_unknown_target_makes_a_new_actor() -> None:
    aliases = parse_aliases({"Nordwind": "Nordwind Energie AG"})
    text = "Nordwind meldete Gewinne."
    actors = find_actors([Document("d", text, language="de")], aliases)
    assert [(a.id, a.name) for a in actors] == [("org:nordwind-energie-ag", "Nordwind Energie AG")]


def test_alias_file_is_read(tmp_path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text('# mine\n"Kreml" = "Russland"\n', encoding="utf-8")
    assert _ids(load_aliases(path))["Kreml"] == {"country:RUS"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('"Kreml" = ', "not a valid TOML file"),
        ('"Kreml" = 3', "each line must be"),
        ("[section]\nx = 1", "each line must be"),
    ],
)
def test_bad_alias_files_give_clear_messages(tmp_path, content: str, message: str) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AliasFileError, match=message):
        load_aliases(path)


def test_missing_alias_file() -> None:
    with pytest.raises(AliasFileError, match="not found"):
        load_aliases("/nonexistent/aliases.toml")
