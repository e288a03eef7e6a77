"""Sentence and clause boundaries (timeline.clauses), worked out by reading the text."""

import pytest

from timeline.clauses import pieces, sentences


def _sentences(text: str, language: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "de",
            "Am 18. März traf Dr. Müller z. B. den Kanzler. Er kam um 9 Uhr.",
            ["Am 18. März traf Dr. Müller z. B. den Kanzler.", "Er kam um 9 Uhr."],
        ),
        (
            "de",
            "Das Werk wurde 2019. Es folgte der 3. Oktober. Danach u. a. Prof. Weber.",
            ["Das Werk wurde 2019.", "Es folgte der 3. Oktober.", "Danach u. a. Prof. Weber."],
        ),
        (
            "de",
            "„Das ist gut.“ Sie ging. Wirklich? Ja!",
            ["„Das ist gut.“", "Sie ging.", "Wirklich?", "Ja!"],
        ),
        ("de", "Titel ohne Punkt\n\nDer Text beginnt.", ["Titel ohne Punkt", "Der Text beginnt."]),
        (
            "en",
            "The U.S. Senate voted on Jan. 5 and Mr. Smith left. It was 2020. Then no.",
            ["The U.S. Senate voted on Jan. 5 and Mr. Smith left.", "It was 2020.", "Then no."],
        ),
        (
            "en",
            "Key dates:\n- Tue 5 March: vote\n• Thu 7 March – hearing\n“We waited,” she said",
            [
                "Key dates:",
                "- Tue 5 March: vote",
                "• Thu 7 March – hearing",
                "“We waited,” she said",
            ],
        ),
        (
            "de",
            "10.03. | 14 Uhr | Rathaus\n12.03. | 18 Uhr | Halle\nDie Termine kamen gestern.",
            ["10.03. | 14 Uhr | Rathaus", "12.03. | 18 Uhr | Halle", "Die Termine kamen gestern."],
        ),
        (
            "en",
            "The deal, worth $5 million\nover five years, was signed - a record.",
            ["The deal, worth $5 million\nover five years, was signed - a record."],
        ),
        (
            "de",
            "Geöffnet Mo.–Fr. 9–17 Uhr. Paris gewann den Super-G. Die Saison endet.",
            ["Geöffnet Mo.–Fr. 9–17 Uhr.", "Paris gewann den Super-G.", "Die Saison endet."],
        ),
        ("en", "Open Mon.-Fri. 9 a.m. to 5 p.m.", ["Open Mon.-Fri. 9 a.m. to 5 p.m."]),
        (
            "en",
            "It hired Goldman, Sachs & Co. On Monday, Sony Corp. Chairman Akio Morita sold in the "
            "U.S. The shares fell.",
            [
                "It hired Goldman, Sachs & Co.",
                "On Monday, Sony Corp. Chairman Akio Morita sold in the U.S.",
                "The shares fell.",
            ],
        ),
    ],
)
def test_sentences(language: str, text: str, expected: list[str]) -> None:
    assert _sentences(text, language) == expected


def test_pieces_cut_at_commas_and_conjunctions() -> None:
    text = "Scholz sagte, die Zahl sei um 1,5 Prozent gestiegen und werde weiter steigen."
    found = [(text[p.start : p.end], p.after_punctuation) for p in pieces(text, 0, len(text), "de")]
    assert found == [
        ("Scholz sagte", True),
        ("die Zahl sei um 1,5 Prozent gestiegen", True),
        ("und werde weiter steigen", False),
    ]


def test_no_sentences_in_blank_text() -> None:
    assert sentences(" \n\n ", "de") == ()
