"""Which language an article is in, from how often each language's stopwords occur.

A language counts as supported when it has timeline/resources/<lang>/stopwords.txt, so adding
a language needs no change here.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.lexicon import has_resource, languages, resource

FALLBACK = "en"
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000  # characters: plenty to decide, and keeps huge inputs fast


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {
        lang: frozenset(w.lower() for w in resource(lang, "stopwords.txt"))
        for lang in languages()
        if has_resource(lang, "stopwords.txt")
    }


def supported_languages() -> list[str]:
    """The language codes that can be detected (and so analysed), sorted."""
    return sorted(_stopwords())


def detect_language(text: str) -> str:
    """The supported language with the most stopwords in `text`; FALLBACK if there are none."""
    counts = dict.fromkeys(_stopwords(), 0)
    for word in _WORD.findall(text[:_SAMPLE].lower()):
        for lang, words in _stopwords().items():
            if word in words:
                counts[lang] += 1
    best = max(sorted(counts), key=counts.get, default=FALLBACK)
    return best if counts.get(best) else FALLBACK
