"""Languages without resources get dateparser's absolute dates (best effort)."""

from datetime import date

from timeline.dates import find_dates
from timeline.model import DocumentDate


def test_french_absolute_dates_with_offsets_and_granularity():
    text = "Le président a signé le 18 mars 2021 un accord."
    (found,) = find_dates(text, "fr", DocumentDate.parse("2024-05-15"))
    assert text[found.start : found.end] == "18 mars 2021"
    assert (found.value, found.earliest, found.latest) == ("2021-03-18", date(2021, 3, 18),
                                                          date(2021, 3, 18))  # fmt: skip


def test_spanish_month_is_a_month_range():
    (found,) = find_dates("Se firmó en marzo de 2021.", "es", None)
    assert found.value == "2021-03"
    assert (found.earliest, found.latest) == (date(2021, 3, 1), date(2021, 3, 31))


def test_relative_word_needs_a_dct():
    assert find_dates("Il est arrivé hier.", "fr", None) == []
    (found,) = find_dates("Il est arrivé hier.", "fr", DocumentDate.parse("2024-05-15"))
    assert found.value == "2024-05-14"


def test_unknown_language_code_finds_nothing_and_does_not_fail():
    assert find_dates("18.03.2021", "xx", None) == []
