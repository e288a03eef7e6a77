"""The pattern template compiler: optional groups and the white space between them."""

import re
from dataclasses import replace

import pytest

from timeline.candidates import find_candidates
from timeline.date_engine import engine
from timeline.grammar import Lexicon, compile_patterns, compile_template, template_opening
from timeline.lexicon import resource


@pytest.mark.parametrize(
    "text, matches",
    [
        ("Jahrhundert", True),
        ("späten Jahrhundert", True),
        ("dem Jahrhundert", True),
        ("dem späten Jahrhundert", True),
        ("demspäten Jahrhundert", False),
    ],
)
def test_two_leading_optional_groups_each_take_their_space(text: str, matches: bool):
    # "[a] [b] c": "c" and "a c" were missed (the space after an absent "b" was required)
    regex, _, _ = compile_template(
        "[(das|dem)] [(späten|frühen)] Jahrhundert", engine("de").lexicon
    )
    assert bool(re.fullmatch(regex, text)) is matches


@pytest.mark.parametrize(
    "template, opens, does_not_open",
    [
        ("{unit} ago", ["day", "DAY", "Mon"], ["dai", "da", "mat", "ago", "1 d"]),
        ("[(das|dem)] [(späten|frühen)] Jahrhundert", ["dem", "Spä", "frü", "Jah"], ["der", "1"]),
        ("<(seit|Seit)> {number} {unit}", ["sei"], ["sie", "day", "1"]),
        ("{number} {unit}", ["1 d", "12 ", "٣", "zwe", "Zwe"], ["zwa", "day", "x d"]),
        ("[{unit}~](x|y)", ["day", "mon", "x", "y d"], ["z", "1", " "]),
        ("(bis zum|a b) {unit}", ["bis", "a b", "a\nb", "a  "], ["b a", "ab"]),
    ],
)
def test_template_opening_admits_every_way_a_match_begins(template, opens, does_not_open):
    lexicon = Lexicon({"unit": {"day": ["days"], "month": ["Monate"]}, "number": {"2": ["zwei"]}})
    start = re.compile(template_opening(template, lexicon), re.IGNORECASE)
    assert [chars for chars in opens if not start.match(chars)] == []
    assert [chars for chars in does_not_open if start.match(chars)] == []


@pytest.mark.parametrize("template", ["[{unit}]", "[{unit}]<~ago>", "{empty} days"])
def test_template_opening_is_unknown_when_a_match_may_open_with_anything(template):
    lexicon = Lexicon({"unit": {"day": ["days"]}, "empty": {"x": [""]}})
    assert template_opening(template, lexicon) is None


def _spans(candidates) -> list[tuple]:
    return [(c.start, c.end, c.outer_start, c.outer_end, c.pattern.id) for c in candidates]


@pytest.mark.parametrize("language", ["de", "en"])
def test_trying_patterns_where_they_open_finds_what_scanning_finds(language: str):
    """find_candidates tries a pattern only where its opening admits the text: over every
    pattern example (and each example glued to a word or a number) it finds the same
    candidates as letting the regex engine scan every position."""
    eng = engine(language)
    examples = [
        e for p in resource(language, "patterns.toml")["pattern"] for e in p.get("examples", [])
    ]
    text = "\n".join(f"{e}. x{e} 3.{e}, ({e}) \u201c{e}\u201d" for e in examples)
    scanning = [replace(p, opening=None) for p in eng.patterns]
    found = find_candidates(text, eng.patterns, eng.lexicon, language)
    assert _spans(found) == _spans(find_candidates(text, scanning, eng.lexicon, language))
    assert len(found) > len(examples)


def test_required_strings_keep_no_repeat_and_none_containing_another():
    """A text holds one of them exactly when it holds one of the template's words."""
    lexicon = Lexicon({"unit": {"day": ["days"]}})
    entry = {"id": "x", "match": "(christmastime|Christmas|xmas|christmas) {unit}"}
    pattern = compile_patterns([entry | {"frame": "duration"}], lexicon)[0]
    assert [n.strings for n in pattern.requires] == [("days",), ("xmas", "christmas")]
