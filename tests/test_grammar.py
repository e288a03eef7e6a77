"""The pattern template compiler: optional groups and the white space between them."""

import re

import pytest

from timeline.dates import engine
from timeline.grammar import compile_template


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
