"""Data tests for the date resources of every language (timeline/resources/<lang>/).

lexicon.toml maps categories to canonical keys and surface forms ({category: {key: [forms]}});
patterns.toml lists `[[pattern]]` entries that may carry `examples`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

import pytest

from timeline.dates import find_dates
from timeline.grammar import Lexicon, TemplateError, compile_patterns
from timeline.lexicon import has_resource, languages, resource
from timeline.model import DocumentDate

LANGUAGES = languages()

# Categories whose words name a time by themselves and compete for the same word: one exact
# surface form may not mean two things across them. Forms that differ only in case may
# ("Morgen" the morning, "morgen" tomorrow): German capitalization tells them apart.
NAME_CATEGORIES = ("month", "weekday", "season", "holiday", "relative_day", "daypart")

HOLIDAY_RULE = re.compile(
    r"^(?:(?P<month>\d\d)-(?P<day>\d\d)"
    r"|easter(?:[+-]\d{1,3})?"
    r"|advent(?:[+-]\d{1,2})?"
    r"|\d\d-(?:mon|tue|wed|thu|fri|sat|sun)-(?:last|[1-5])(?:\+[1-6])?"
    r"|\d{4}-\d\d-\d\d"
    r"|table:\d{4}-\d\d-\d\d(?:,\d{4}-\d\d-\d\d)*)$"
)


def _lexicon(language: str) -> dict:
    if not has_resource(language, "lexicon.toml"):
        pytest.skip(f"timeline/resources/{language}/lexicon.toml does not exist (yet)")
    return resource(language, "lexicon.toml")


def _categories(lexicon: dict) -> dict[str, dict[str, list]]:
    """The {key: [forms]} tables of a lexicon (rule tables like holiday_rule left out)."""
    return {
        name: table
        for name, table in lexicon.items()
        if isinstance(table, dict) and all(isinstance(v, list) for v in table.values())
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_has_twelve_months_and_seven_weekdays(language: str):
    lexicon = _lexicon(language)
    for category, keys in (("month", range(1, 13)), ("weekday", range(1, 8))):
        table = lexicon.get(category)
        assert isinstance(table, dict), f"{language}: lexicon has no [{category}] table"
        assert sorted(table) == sorted(str(k) for k in keys), (
            f"{language}: [{category}] keys are {sorted(table)}"
        )
        for key, forms in table.items():
            assert forms, f"{language}: [{category}] {key} has no surface form"


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_forms_are_clean_strings(language: str):
    problems = []
    for category, table in _categories(_lexicon(language)).items():
        for key, forms in table.items():
            for form in forms:
                if not isinstance(form, str) or not form or form != form.strip():
                    problems.append(f"[{category}] {key}: bad form {form!r}")
                elif "  " in form:
                    problems.append(f"[{category}] {key}: double space in {form!r}")
    assert not problems, f"{language}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_form_has_two_meanings_in_one_category(language: str):
    problems = []
    for category, table in _categories(_lexicon(language)).items():
        keys_of = defaultdict(set)
        for key, forms in table.items():
            for form in forms:
                keys_of[str(form).casefold()].add(key)
        problems += [
            f"[{category}] {form!r} under keys {sorted(keys)}"
            for form, keys in keys_of.items()
            if len(keys) > 1
        ]
    assert not problems, f"{language}: matching ignores case:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_form_names_two_kinds_of_time(language: str):
    categories = _categories(_lexicon(language))
    meanings = defaultdict(set)
    for category in NAME_CATEGORIES:
        for key, forms in categories.get(category, {}).items():
            for form in forms:
                meanings[form].add(f"{category}.{key}")
    problems = [
        f"{form!r} is {sorted(where)}"
        for form, where in meanings.items()
        if len({w.split(".")[0] for w in where}) > 1
    ]
    assert not problems, f"{language}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_holiday_has_a_valid_rule(language: str):
    lexicon = _lexicon(language)
    if "holiday" not in lexicon:
        pytest.skip(f"{language}: lexicon has no holidays")
    rules = lexicon.get("holiday_rule", {})
    # holidays are read from "holiday" and from the categories a pattern names as {holiday:cat}
    matches = " ".join(p["match"] for p in resource(language, "patterns.toml")["pattern"])
    categories = {"holiday"} | set(re.findall(r"\{holiday:(\w+)\}", matches))
    days = {key for category in categories for key in lexicon.get(category, {})}
    assert set(lexicon["holiday"]) <= set(rules) and set(rules) == days, (
        f"{language}: holidays without rule {sorted(days - set(rules))}, "
        f"rules without holiday {sorted(set(rules) - days)}"
    )
    for name, rule in rules.items():
        m = HOLIDAY_RULE.match(str(rule))
        assert m, f"{language}: holiday {name}: unknown rule {rule!r}"
        if m.group("month"):
            date(2024, int(m.group("month")), int(m.group("day")))  # raises if impossible
        elif str(rule)[4:5] == "-":
            date.fromisoformat(str(rule))  # a day of history ("2001-09-11")


def _pattern_examples(language: str) -> list[tuple[str, str]]:
    if not has_resource(language, "patterns.toml"):
        return []
    patterns = resource(language, "patterns.toml").get("pattern", [])
    return [
        (str(p.get("id", i)), example)
        for i, p in enumerate(patterns)
        for example in p.get("examples", [])
    ]


def _example_params() -> list:
    params = []
    for language in LANGUAGES:
        examples = _pattern_examples(language)
        if not examples:
            params.append(
                pytest.param(
                    language,
                    "",
                    "",
                    id=f"{language}:none",
                    marks=pytest.mark.skip(
                        reason=f"timeline/resources/{language}/patterns.toml does not exist (yet)"
                        if not has_resource(language, "patterns.toml")
                        else f"{language}: no pattern has examples"
                    ),
                )
            )
        params += [
            pytest.param(language, pid, ex, id=f"{language}:{pid}:{ex}") for pid, ex in examples
        ]
    return params


@pytest.mark.parametrize("language", LANGUAGES)
def test_pattern_ids_are_unique(language: str):
    """An explanation line names its pattern: two patterns with one id cannot be told apart."""
    if not has_resource(language, "patterns.toml"):
        pytest.skip(f"timeline/resources/{language}/patterns.toml does not exist (yet)")
    ids = [p.get("id") for p in resource(language, "patterns.toml").get("pattern", [])]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    assert not twice, f"{language}: pattern ids used more than once: {twice}"


@pytest.mark.parametrize(("language", "pattern_id", "example"), _example_params())
def test_pattern_example_yields_an_expression(language: str, pattern_id: str, example: str):
    found = find_dates(example, language, DocumentDate.parse("2013-02-12"))
    assert found, f"{language} pattern {pattern_id}: example {example!r} yields no expression"


def test_a_pattern_naming_no_lexicon_category_is_an_error():
    """A misspelt "{category}" in `not_followed_by` or `after_word_of` would veto nothing."""
    lexicon = Lexicon({"unit": {"day": ["days"]}})
    for params in ({"not_followed_by": ["{units}"]}, {"after_word_of": "units"}):
        entry = {"id": "x", "match": "{unit}", "frame": "duration"} | params
        with pytest.raises(TemplateError, match="no lexicon category 'units'"):
            compile_patterns([entry], lexicon)
    entry = {"id": "x", "match": "{unit}", "frame": "duration", "not_followed_by": ["{unit}"]}
    assert compile_patterns([entry], lexicon)[0].params["not_followed_by"] == {"days"}


def test_a_pattern_with_an_unknown_key_is_an_error():
    """A misspelt parameter ("anchor_stay") would be a rule that silently does nothing."""
    lexicon = Lexicon({"unit": {"day": ["days"]}})
    entry = {"id": "x", "match": "{unit}", "frame": "duration", "anchor_stay": True}
    with pytest.raises(TemplateError, match=r"pattern x: unknown keys \['anchor_stay'\]"):
        compile_patterns([entry], lexicon)
    entry = {"id": "x", "match": "{unit}", "frame": "duration", "anchor_stays": True}
    assert compile_patterns([entry], lexicon)[0].params["anchor_stays"] is True
