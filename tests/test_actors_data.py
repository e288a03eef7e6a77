"""The actor data files under timeline/resources/<lang>/ are complete and consistent."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from timeline.gazetteer import kind_of
from timeline.lexicon import resource

LANGUAGES = ["de", "en"]
JSONL = ["countries.jsonl", "places.jsonl", "regions.jsonl", "organizations.jsonl", "people.jsonl"]
ISO3 = re.compile(r"^[A-Z]{3}$")


def _organizations(lang: str) -> set[str]:
    return {row["id"] for row in resource(lang, "organizations.jsonl")}


def _countries(lang: str) -> set[str]:
    return {row["country"] for row in resource(lang, "countries.jsonl")}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", JSONL)
def test_jsonl_rows_are_well_formed(lang: str, name: str) -> None:
    rows = resource(lang, name)
    assert rows, f"{lang}/{name} is empty"
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), f"{lang}/{name}: duplicate ids"
    countries = _countries(lang)
    for row in rows:
        assert kind_of(row["id"]) is not None, row
        assert isinstance(row["name"], str) and row["name"].strip(), row
        assert row.get("country") is None or row["country"] in countries, row
        for pattern in row.get("patterns", []):
            assert isinstance(pattern, str) and pattern.strip() == pattern and pattern, row


@pytest.mark.parametrize(
    "name", ["countries.jsonl", "regions.jsonl", "organizations.jsonl", "people.jsonl"]
)
def test_the_same_actors_in_every_language(name: str) -> None:
    ids = [{row["id"] for row in resource(lang, name)} for lang in LANGUAGES]
    assert ids[0] == ids[1]


def test_country_forms_name_known_countries_in_both_languages() -> None:
    forms = [resource(lang, "country_forms.toml") for lang in LANGUAGES]
    assert set(forms[0]) == set(forms[1])
    for lang, table in zip(LANGUAGES, forms, strict=True):
        countries = _countries(lang)
        for code, entry in table.items():
            assert code in countries, f"{lang}: {code}"
            keys = {"names", "adjectives", "people", "capital", "seats", "acting_for"}
            assert set(entry) <= keys, code
            assert entry.get("capital"), f"{lang}: {code} has no capital"
            if "acting_for" in entry:
                assert entry["acting_for"] in _organizations(lang), f"{lang}: {code}"


def test_country_ids_are_alpha3_and_well_known_ones_exist() -> None:
    for lang in LANGUAGES:
        codes = _countries(lang)
        assert all(ISO3.match(c) for c in codes)
        assert {"DEU", "USA", "GBR", "RUS", "FRA", "CHN", "PRK", "IRN", "TUR", "UKR"} <= codes
        assert "FXX" not in codes and "DDR" not in codes  # withdrawn codes are not countries


@pytest.mark.parametrize("lang", LANGUAGES)
def test_roles_give_known_countries(lang: str) -> None:
    countries = _countries(lang)
    for role, country in resource(lang, "roles.toml")["roles"].items():
        assert country == "" or country in countries, role


def test_grammar_files_have_the_same_keys() -> None:
    keys = [set(resource(lang, "actor_grammar.toml")) for lang in LANGUAGES]
    assert keys[0] == keys[1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_name_lists_are_not_empty_and_hold_no_comments(lang: str) -> None:
    for name in ("first_names.txt", "surnames.txt"):
        words = resource(lang, name)
        assert len(words) > 1000
        assert all(" " not in w and not w.startswith("#") for w in words)


def test_the_german_model_is_small() -> None:
    folder = resources.files("timeline") / "models" / "de_ner"
    size = sum(p.stat().st_size for p in _files(folder))
    assert 0 < size < 2_000_000


def _files(folder):
    for p in folder.iterdir():
        yield from _files(p) if p.is_dir() else [p]
