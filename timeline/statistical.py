"""A statistical recognizer that fills the gaps of the rules, where one is available.

For German, the small model the project trained on half of GermEval 2014 (timeline/models/de_ner,
see benchmarks/train_actor_model.py); where the user has an official spaCy pipeline installed
(de_core_news_*, en_core_web_*), that one instead. Without any, only the rules run.
Models are loaded once per process; nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from importlib import resources

from timeline.model import ActorKind
from timeline.ner import Recognized

# Labels of the models we accept (GermEval / WikiNER: PER ORG LOC; OntoNotes: PERSON GPE ...).
_KINDS = {
    "PER": ActorKind.PERSON,
    "PERSON": ActorKind.PERSON,
    "ORG": ActorKind.ORGANIZATION,
    "LOC": ActorKind.LOCATION,
    "GPE": ActorKind.LOCATION,
}
_OFFICIAL = {
    "de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm"),
}


@cache
def _pipeline(language: str):
    """The spaCy pipeline for `language`, or None: an installed official one, else ours."""
    for name in _OFFICIAL.get(language, ()):
        if importlib.util.find_spec(name) is not None:
            import spacy

            return spacy.load(name, enable=["tok2vec", "ner"])
    ours = resources.files("timeline") / "models" / f"{language}_ner"
    if ours.is_dir():
        import spacy

        return spacy.load(str(ours))
    return None


def model_spans(text: str, language: str) -> list[Recognized]:
    """Entity spans of the statistical model (without actor ids), [] when there is none."""
    nlp = _pipeline(language)
    if nlp is None:
        return []
    return [
        Recognized(e.start_char, e.end_char, e.text, _KINDS[e.label_], "", e.text)
        for e in nlp(text).ents
        if e.label_ in _KINDS
    ]
