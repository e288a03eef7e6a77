"""A statistical recognizer that fills the gaps of the rules, where one is available.

For German, the small spaCy model trained on half of GermEval 2014 (timeline/models/de_ner,
benchmarks/train_actor_model.py). It sees, besides each word, a *hint* of what our rules and
name lists say about it ("R-B-PER": the rules found a person starting here, "FN": a given name,
"PL": a place name, ...), stored in the token's lemma, which the model's embedding reads.
Where the user has an official spaCy pipeline installed (de_core_news_*, en_core_web_*), that
one is used instead (without hints). Models are loaded once per process; nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from importlib import resources

from timeline.gazetteer import tokenize
from timeline.lexicon import has_resource, resource
from timeline.model import ActorKind
from timeline.ner import Recognized, first_names, recognizer, surnames, word_frequency

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
_HINT_LABEL = {
    ActorKind.PERSON: "PER",
    ActorKind.ORGANIZATION: "ORG",
    ActorKind.COUNTRY: "LOC",
    ActorKind.LOCATION: "LOC",
}


@cache
def _pipeline(language: str):
    """(the spaCy pipeline for `language` or None, whether it reads our hints)."""
    for name in _OFFICIAL.get(language, ()):
        if importlib.util.find_spec(name) is not None:
            import spacy

            return spacy.load(name, enable=["tok2vec", "ner"]), False
    ours = resources.files("timeline") / "models" / f"{language}_ner"
    if ours.is_dir():
        import spacy

        return spacy.load(str(ours)), True
    return None, False


@cache
def _lists(language: str) -> dict[str, frozenset]:
    def lines(name: str) -> frozenset[str]:
        return frozenset(resource(language, name)) if has_resource(language, name) else frozenset()

    grammar = resource(language, "actor_grammar.toml")
    places = lines("place_names.txt")
    return {
        "FN": first_names(language),
        "SN": surnames(language),
        "OW": frozenset(grammar["organization_words"]),
        "RO": frozenset(k.split()[0].lower() for k in resource(language, "roles.toml")["roles"]),
        "PL": frozenset(tuple(t.text for t in tokenize(p)) for p in places),
    }


def hints(words: Sequence[str], starts: Sequence[int], rules: Sequence[Recognized], language: str):
    """One hint per token (words with their character starts) from the rules and name lists."""
    lists = _lists(language)
    frequency = word_frequency(language)
    out = ["_"] * len(words)
    for i, word in enumerate(words):
        tags = [k for k in ("FN", "SN", "OW") if word in lists[k]]
        if word.lower() in lists["RO"]:
            tags.append("RO")
        if word[:1].isalpha():
            tags.append(f"Z{frequency.get(word.lower(), 0)}")
        out[i] = "|".join(tags) or "_"
    for i in range(len(words)):  # place names of up to four tokens
        for n in range(min(4, len(words) - i), 0, -1):
            if tuple(words[i : i + n]) in lists["PL"]:
                for k in range(i, i + n):
                    out[k] = ("B-PL" if k == i else "I-PL") + (
                        "" if out[k] == "_" else "|" + out[k]
                    )
                break
    for r in rules:
        label = "ADJ" if r.form in ("adjective", "people") else _HINT_LABEL[r.kind]
        inside = range(bisect_left(starts, r.start), bisect_left(starts, r.end))  # sorted starts
        for k in inside:
            out[k] = ("R-B-" if k == inside[0] else "R-I-") + label
    return out


def set_hints(doc, rules: Sequence[Recognized], language: str) -> None:
    """Write the hints into the tokens of a spaCy Doc (as their lemmas)."""
    words = [t.text for t in doc]
    for token, hint in zip(doc, hints(words, [t.idx for t in doc], rules, language), strict=True):
        token.lemma_ = hint


def model_spans(text: str, language: str, rules: Sequence[Recognized]) -> list[Recognized]:
    """Entity spans of the statistical model (without actor ids), [] when there is none."""
    nlp, reads_hints = _pipeline(language)
    if nlp is None:
        return []
    if reads_hints:
        doc = nlp.make_doc(text)
        set_hints(doc, rules, language)
        for _, component in nlp.pipeline:
            doc = component(doc)
    else:
        doc = nlp(text)
    return [
        Recognized(e.start_char, e.end_char, e.text, _KINDS[e.label_], "", e.text)
        for e in doc.ents
        if e.label_ in _KINDS
        and not (
            len(e) == 1 and _common(e.text, doc[e.start - 1].text if e.start else "", language)
        )
    ]


def _common(word: str, previous: str, language: str) -> bool:
    """A common word or compound ("Pensionskassen") that no name or place list has, or a
    common word after an article ("im Herbst", "der Park"): not a name, whatever the model
    says."""
    rules = recognizer(language)
    if (word,) in _lists(language)["PL"]:
        return False
    if (
        previous.lower() in rules.articles
        and rules.frequency.get(word.lower(), 0) >= rules.common_class
    ):
        return True
    return word not in rules.known_names and (rules.is_common(word) or rules.is_compound(word))
