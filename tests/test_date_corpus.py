"""Corpus-style date tables: one test per text in tests/corpus/<lang>/*.toml.

The tables (format: tests/corpus/README.md is not needed, the rules are here) hold expected
TIMEX3 values worked out by hand. A text is either tagged as a whole (it must yield exactly one
expression covering all of it) or has one `[...]` part: the brackets are removed before tagging
and exactly one expression must be found, with exactly the bracketed extent. With
`others = true` other expressions may be found as well (context dates that anchor the bracketed
one); the bracketed one is then the one checked, and `untagged` lists words of the text no
expression may be ("soon" in a history). `[[nothing]]` texts must yield no expression.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from timeline import periods
from timeline.dates import find_dates
from timeline.model import DocumentDate, InvalidDate, TimeExpression

CORPUS = Path(__file__).parent / "corpus"

FILE_KEYS = {"language", "dct", "expect", "nothing"}
EXPECT_KEYS = {
    "type",
    "value",
    "mod",
    "earliest",
    "latest",
    "dct",
    "xfail",
    "others",
    "untagged",
    "texts",
}
NOTHING_KEYS = {"texts", "dct", "xfail"}
# the most days of a fiscal quarter's three months or a half's six (its last day may be any)
FISCAL_DAYS = {"Q": 93, "H": 185}
TYPES = {"DATE", "TIME", "DURATION", "SET"}


@dataclass(frozen=True)
class Case:
    """One text of a table, ready to run."""

    file: str  # "de/relative"
    language: str
    dct: str  # "" = no DCT
    text: str  # brackets removed
    span: tuple[int, int] | None  # the bracketed extent, None = the whole text
    entry: dict  # the [[expect]] entry; {} for [[nothing]]
    nothing: bool = False

    @property
    def id(self) -> str:
        value = "nothing" if self.nothing else self.entry["value"]
        shown = (
            self.text
            if self.span is None
            else (
                self.text[: self.span[0]]
                + "["
                + self.text[self.span[0] : self.span[1]]
                + "]"
                + self.text[self.span[1] :]
            )
        )
        return f"{self.file}:{value}:{shown}"


def split_brackets(text: str) -> tuple[str, tuple[int, int] | None]:
    """The text without brackets and the bracketed extent; ValueError if malformed."""
    opens, closes = text.count("["), text.count("]")
    if opens == closes == 0:
        return text, None
    if opens != 1 or closes != 1:
        raise ValueError(f"at most one [...] pair allowed: {text!r}")
    start = text.index("[")
    end = text.index("]") - 1
    if end <= start:
        raise ValueError(f"empty or reversed brackets: {text!r}")
    return text.replace("[", "").replace("]", ""), (start, end)


def _check_day(entry: dict, key: str, where: str, problems: list[str]) -> None:
    if key not in entry:
        return
    value = entry[key]
    if not isinstance(value, str):
        problems.append(f"{where}: {key} must be a string")
    elif value:
        try:
            date.fromisoformat(value)
        except ValueError:
            problems.append(f"{where}: {key} {value!r} is not an ISO day")


def _check_dct(value, where: str, problems: list[str]) -> None:
    if not isinstance(value, str):
        problems.append(f"{where}: dct must be a string")
        return
    if value:
        try:
            DocumentDate.parse(value)
        except InvalidDate as err:
            problems.append(f"{where}: {err}")


def _check_entry(entry, keys: set[str], where: str, problems: list[str]) -> None:
    if not isinstance(entry, dict):
        problems.append(f"{where}: not a table")
        return
    for key in sorted(set(entry) - keys):
        problems.append(f"{where}: unknown key {key!r}")
    texts = entry.get("texts")
    if not isinstance(texts, list) or not texts:
        problems.append(f"{where}: texts must be a non-empty list")
        texts = []
    for text in texts:
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: empty or non-string text {text!r}")
            continue
        try:
            _, span = split_brackets(text)
        except ValueError as err:
            problems.append(f"{where}: {err}")
            continue
        if entry.get("others") and span is None:
            problems.append(f"{where}: others = true needs a bracketed text: {text!r}")
    if "dct" in entry:
        _check_dct(entry["dct"], where, problems)
    if "xfail" in entry and not (isinstance(entry["xfail"], str) and entry["xfail"].strip()):
        problems.append(f"{where}: xfail must give a reason")
    if keys is EXPECT_KEYS:
        if entry.get("type") not in TYPES:
            problems.append(f"{where}: type must be one of {sorted(TYPES)}")
        if not (isinstance(entry.get("value"), str) and entry["value"]):
            problems.append(f"{where}: value must be a non-empty string")
        if "mod" in entry and not isinstance(entry["mod"], str):
            problems.append(f"{where}: mod must be a string")
        if "others" in entry and not isinstance(entry["others"], bool):
            problems.append(f"{where}: others must be true or false")
        _check_day(entry, "earliest", where, problems)
        _check_day(entry, "latest", where, problems)


def table_problems(path: Path) -> list[str]:
    """Everything wrong with one table file (empty list = valid)."""
    name = f"{path.parent.name}/{path.name}"
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        return [f"{name}: not valid TOML: {err}"]
    problems = [f"{name}: unknown top-level key {k!r}" for k in sorted(set(table) - FILE_KEYS)]
    if table.get("language") != path.parent.name:
        problems.append(f"{name}: language must be {path.parent.name!r} (its folder)")
    if "dct" not in table:
        problems.append(f'{name}: a file default dct is required ("" = no DCT)')
    else:
        _check_dct(table["dct"], name, problems)
    for kind, keys in (("expect", EXPECT_KEYS), ("nothing", NOTHING_KEYS)):
        entries = table.get(kind, [])
        if not isinstance(entries, list):
            problems.append(f"{name}: {kind} must be an array of tables ([[{kind}]])")
            continue
        for i, entry in enumerate(entries, 1):
            _check_entry(entry, keys, f"{name} [[{kind}]] #{i}", problems)
    if not table.get("expect") and not table.get("nothing"):
        problems.append(f"{name}: no [[expect]] or [[nothing]] entries")
    if not problems:
        problems += _repeated_texts(name, table)
    return problems


def _repeated_texts(name: str, table: dict) -> list[str]:
    """The same extent of the same text with the same DCT twice in one file: two expectations
    for one input ("heute" and "[heute]" are the same case)."""
    seen: set[tuple] = set()
    problems = []
    for kind in ("expect", "nothing"):
        for entry in table.get(kind, []):
            for text in entry["texts"]:
                clean, span = split_brackets(text)
                extent = (0, len(clean)) if span is None or kind == "nothing" else span
                key = (clean, extent, entry.get("dct", table["dct"]))
                if key in seen:
                    problems.append(f"{name}: {text!r} (DCT {key[2]!r}) is listed twice")
                seen.add(key)
    return problems


def table_files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.toml"))


def load_cases(path: Path) -> list[Case]:
    """The cases of a valid table file (invalid files yield none: see the validity test)."""
    if table_problems(path):
        return []
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    file = f"{path.parent.name}/{path.stem}"
    cases = []
    for kind in ("expect", "nothing"):
        for entry in table.get(kind, []):
            dct = entry.get("dct", table["dct"])
            for raw in entry["texts"]:
                text, span = split_brackets(raw)
                cases.append(
                    Case(
                        file,
                        table["language"],
                        dct,
                        text,
                        span,
                        entry if kind == "expect" else {},
                        nothing=kind == "nothing",
                    )
                )
    return cases


def _params() -> list:
    params = []
    for path in table_files():
        for case in load_cases(path):
            xfail = case.entry.get("xfail") if not case.nothing else None
            marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
            params.append(pytest.param(case, id=case.id, marks=marks))
    return params


def describe(found: list[TimeExpression]) -> str:
    if not found:
        return "  (no expression found)"
    return "\n".join(
        f"  [{t.start}:{t.end}] {t.text!r} {t.type} {t.value!r} mod={t.mod!r} "
        f"{t.earliest}..{t.latest}"
        for t in found
    )


def _expected_day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def check(case: Case, found: list[TimeExpression]) -> list[str]:
    """What differs between the table and the expressions found (empty = as expected)."""
    if case.nothing:
        return ["expected no expression"] if found else []
    start, end = case.span or (0, len(case.text))
    wanted = case.text[start:end]
    if case.entry.get("others"):
        hits = [t for t in found if (t.start, t.end) == (start, end)]
        if len(hits) != 1:
            return [f"expected one expression with extent {wanted!r} (others allowed)"]
        hit = hits[0]
    else:
        if len(found) != 1:
            return [f"expected exactly one expression {wanted!r}, found {len(found)}"]
        hit = found[0]
        if (hit.start, hit.end) != (start, end):
            return [f"extent {hit.text!r} [{hit.start}:{hit.end}], expected {wanted!r}"]
    errors = [f"{t.text!r} tagged" for t in found if t.text in case.entry.get("untagged", ())]
    for key in ("type", "value"):
        if getattr(hit, key) != case.entry[key]:
            errors.append(f"{key} {getattr(hit, key)!r}, expected {case.entry[key]!r}")
    if "mod" in case.entry and hit.mod != (case.entry["mod"] or None):
        errors.append(f"mod {hit.mod!r}, expected {case.entry['mod'] or None!r}")
    for key in ("earliest", "latest"):
        if key in case.entry and getattr(hit, key) != _expected_day(case.entry[key]):
            errors.append(f"{key} {getattr(hit, key)}, expected {case.entry[key] or None}")
    return errors


@pytest.mark.parametrize("path", table_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_table_file_is_valid(path: Path):
    problems = table_problems(path)
    assert not problems, "\n".join(problems)


def value_days(value: str) -> tuple[date, date] | None:
    """The calendar days a TIMEX3 date value names ("2021-Q3": 1 July .. 30 September), None
    for one that names none fixed ("XXXX-12-25", "PRESENT_REF", "P2Y")."""
    y = int(value[:4]) if value[:4].isdigit() else None
    if (m := re.fullmatch(r"\d{4}(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?", value)) and y is not None:
        if m[2]:
            return (d := date(y, int(m[1]), int(m[2]))), d
        p = periods.month(y, int(m[1])) if m[1] else periods.year(y)
    elif m := re.fullmatch(r"\d{4}-([QH])(\d)", value):
        p = (periods.quarter if m[1] == "Q" else periods.half)(y, int(m[2]))
    elif m := re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        p = periods.season(y, m[1])
    elif m := re.fullmatch(r"\d{4}-W(\d\d)(?:-(\d|WE))?(?:T.*)?", value):
        monday = date.fromisocalendar(y, int(m[1]), 1)
        first, last = {None: (0, 6), "WE": (5, 6)}.get(m[2]) or (int(m[2]) - 1,) * 2
        return monday + timedelta(first), monday + timedelta(last)
    elif re.fullmatch(r"\d{3}", value):
        p = periods.decade(int(value) * 10)
    else:
        return None
    return p.earliest, p.latest


def fiscal_period(t: TimeExpression) -> bool:
    """Is `t` drawn as a fiscal quarter or half (fiscal_quarters.py), over its own three or six
    months, named by its number and the year its last day falls in (or the fiscal year told,
    the next)?"""
    if not (m := re.fullmatch(r"(\d{4})-([QH])\d", t.value)):
        return False
    named_in = int(m[1]) - t.latest.year
    return named_in in (0, 1) and (t.latest - t.earliest).days < FISCAL_DAYS[m[2]]


def inconsistent(found: list[TimeExpression]) -> list[str]:
    """The expressions whose interval lies outside the days their own value names: an honest
    range may be wider or narrower than the value, never elsewhere (but a fiscal quarter's or
    half's)."""
    errors = []
    for t in found:
        days = value_days(t.value) if t.type in ("DATE", "TIME") and t.earliest else None
        if days and (days[1] < t.earliest or t.latest < days[0]) and not fiscal_period(t):
            errors.append(f"{t.text!r}: value {t.value} but interval {t.earliest}..{t.latest}")
    return errors


@pytest.mark.parametrize("case", _params())
def test_date_corpus(case: Case):
    dct = DocumentDate.parse(case.dct) if case.dct else None
    found = find_dates(case.text, case.language, dct)
    errors = check(case, found) + inconsistent(found)
    assert not errors, (
        f"{case.text!r} (language {case.language}, DCT {case.dct or 'none'}):\n  "
        + "\n  ".join(errors)
        + "\nfound:\n"
        + describe(found)
    )


# The runner itself must be able to fail: a few checks on made-up tables and results.


def _write(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "de"
    folder.mkdir(exist_ok=True)
    path = folder / "t.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_validation_rejects_unknown_keys_and_double_brackets(tmp_path: Path):
    path = _write(
        tmp_path,
        'language = "de"\ndct = "2013-02-12"\n[[expect]]\ntype = "DATE"\nvalue = "2013"\n'
        'valeu = "x"\ntexts = ["[a] [b]"]\n[[nothing]]\ntexts = ["x"]\nmod = "START"\n',
    )
    problems = "\n".join(table_problems(path))
    assert "unknown key 'valeu'" in problems
    assert "unknown key 'mod'" in problems
    assert "at most one [...] pair" in problems


def test_validation_rejects_a_text_listed_twice(tmp_path: Path):
    path = _write(
        tmp_path,
        'language = "de"\ndct = "2013-02-12"\n[[expect]]\ntype = "DATE"\nvalue = "2013"\n'
        'texts = ["heute"]\n[[nothing]]\ntexts = ["[heute]"]\n[[nothing]]\ndct = ""\n'
        'texts = ["heute"]\n',
    )
    problems = table_problems(path)
    assert len(problems) == 1 and "listed twice" in problems[0]


def test_validation_rejects_bad_days_types_and_language(tmp_path: Path):
    path = _write(
        tmp_path,
        'language = "en"\ndct = "2013-02-30"\n[[expect]]\ntype = "DAY"\nvalue = "2013"\n'
        'earliest = "2013-13-01"\nothers = true\ntexts = ["heute"]\n',
    )
    problems = "\n".join(table_problems(path))
    for part in (
        "language must be 'de'",
        "day 30 does not exist",
        "type must be",
        "earliest '2013-13-01'",
        "others = true needs a bracketed text",
    ):
        assert part in problems


def _timex(text: str, start: int, end: int, value: str, **kw) -> TimeExpression:
    return TimeExpression(start, end, text[start:end], kw.pop("type", "DATE"), value, **kw)


def test_check_compares_extent_value_and_interval():
    text, span = split_brackets("Er kam am [Dienstag] an.")
    assert text == "Er kam am Dienstag an." and text[span[0] : span[1]] == "Dienstag"
    entry = {"type": "DATE", "value": "2013-02-05", "earliest": "2013-02-05", "mod": ""}
    case = Case("de/x", "de", "2013-02-12", text, span, entry)
    good = _timex(text, 10, 18, "2013-02-05", earliest=date(2013, 2, 5))
    assert check(case, [good]) == []
    assert check(case, []) != []
    assert check(case, [good, _timex(text, 0, 2, "X")]) != []
    assert check(case, [_timex(text, 7, 18, "2013-02-05", earliest=date(2013, 2, 5))]) != []
    assert check(case, [_timex(text, 10, 18, "2013-02-05", earliest=None)]) != []
    assert check(case, [_timex(text, 10, 18, "2013-02-05", mod="START")]) != []
    with_others = Case("de/x", "de", "", text, span, {**entry, "others": True})
    assert check(with_others, [_timex(text, 0, 2, "X"), good]) == []
    nothing = Case("de/x", "de", "", "Die Zeit", None, {}, nothing=True)
    assert check(nothing, []) == [] and check(nothing, [good]) != []


def test_inconsistent_finds_an_interval_outside_its_value():
    text = "vor 78 Tagen"
    ok = _timex(text, 0, 12, "2024", earliest=date(2024, 2, 13), latest=date(2024, 3, 14))
    assert inconsistent([ok]) == []
    elsewhere = _timex(text, 0, 12, "2024-05", earliest=date(2024, 2, 13), latest=date(2024, 3, 14))
    assert inconsistent([elsewhere]) != []
    week = _timex(text, 0, 12, "2021-W20", earliest=date(2021, 5, 24), latest=date(2021, 5, 30))
    assert inconsistent([week]) != []  # W20 is 17..23 May 2021
    fiscal = _timex(text, 0, 12, "1989-Q1", earliest=date(1989, 9, 1), latest=date(1989, 11, 30))
    assert inconsistent([fiscal]) == []  # the fiscal first quarter ended Nov. 30
    year_off = replace(fiscal, value="1987-Q1")
    assert inconsistent([year_off]) != []
    assert value_days("2021-W20-WE") == (date(2021, 5, 22), date(2021, 5, 23))
    assert value_days("2020-WI") == (date(2020, 12, 1), date(2021, 2, 28))
    assert value_days("XXXX-12-25") is None and value_days("P2Y") is None
