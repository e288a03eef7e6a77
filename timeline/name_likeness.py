"""How much a word looks like a person's name or a place name rather than a common word.

Most names that the statistical model misses are words that no list has ("Kageneck",
"Trenchard"). Their letters still tell something: surnames and places begin and end
differently from nouns ("-eck", "-ard" against "-ungen", "-keit"). Letter models (3- and
5-grams) of our name lists (first_names.txt + surnames.txt; place_names.txt) and of the common
words (word_frequency.txt less those names) learn that from tens of thousands of words, where
the model has about a thousand sentences. The log-likelihood ratio per letter gram, in four
bands, is a hint for the model (timeline/statistical.py). Built on first use (about 0.5 s).
"""

from __future__ import annotations

import math
from collections import Counter
from functools import cache, lru_cache

from timeline.lexicon import has_resource, resource
from timeline.ner import first_names, surnames, word_frequency

_ORDERS = (3, 5)
_BAND = 0.5  # ratio per gram of a clear lean; bands: < -0.5, < 0, < 0.5, >= 0.5
_SMOOTHING = 0.5


def _grams(word: str) -> list[str]:
    """The letter 3- and 5-grams of the word in lower case, with its start and end marked."""
    w = f"<{word.lower()}>"
    return [w[i : i + n] for n in _ORDERS for i in range(len(w) - n + 1)]


class _LetterModel:
    """Smoothed frequencies of letter grams in a list of words."""

    def __init__(self, words):
        self.counts = Counter(g for w in words for g in _grams(w))
        self.total = sum(self.counts.values()) + _SMOOTHING * (len(self.counts) + 1)

    def log_likelihood(self, grams: list[str]) -> float:
        return sum(math.log((self.counts[g] + _SMOOTHING) / self.total) for g in grams)


@cache
def _models(language: str) -> dict[str, _LetterModel] | None:
    """Letter models of people's names ("P"), places ("L") and common words ("C")."""
    if not has_resource(language, "word_frequency.txt"):
        return None
    people = first_names(language) | surnames(language)
    places = set()
    if has_resource(language, "place_names.txt"):
        places = {p for p in resource(language, "place_names.txt") if " " not in p}
    names = {n.lower() for n in people | places}
    common = [w for w in word_frequency(language) if w.isalpha() and w not in names]
    return {"P": _LetterModel(people), "L": _LetterModel(places), "C": _LetterModel(common)}


@lru_cache(maxsize=65536)
def name_likeness(word: str, language: str) -> tuple[str, ...]:
    """Hints for a capitalized word: "NP1" (looks a little like a person's name), "NL-2"
    (clearly not like a place), ...; () where the language has no lists for it."""
    models = _models(language)
    if models is None:
        return ()
    grams = _grams(word)
    common = models["C"].log_likelihood(grams)
    out = []
    for kind in ("P", "L"):
        ratio = (models[kind].log_likelihood(grams) - common) / len(grams)
        band = -2 if ratio < -_BAND else -1 if ratio < 0 else 1 if ratio < _BAND else 2
        out.append(f"N{kind}{band}")
    return tuple(out)
