"""Language detection from stopword counts."""

import pytest

from timeline.language import detect_language, supported_languages
from timeline.lexicon import resource


def test_supported_languages_are_the_stopword_folders():
    assert {"de", "en"} <= set(supported_languages())


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Regierung hat am Montag beschlossen, dass die Steuern nicht steigen.", "de"),
        ("The government decided on Monday that taxes will not rise.", "en"),
        ("ÜBER DIE BRÜCKE UND DURCH DEN WALD", "de"),
        # English words in a German text do not outvote the German function words.
        ("Der Manager sagte, das Meeting sei ein Update für das Business.", "de"),
        ("The Bundestag and the Landtag met in Berlin.", "en"),
    ],
)
def test_detects(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "   ", "12345 67", "Passau Berlin München"])
def test_falls_back_to_english(text):
    assert detect_language(text) == "en"


def test_stopword_lists_do_not_share_words():
    german = {w.lower() for w in resource("de", "stopwords.txt")}
    english = {w.lower() for w in resource("en", "stopwords.txt")}
    assert len(german) > 100 and len(english) > 100
    assert german & english == set()
