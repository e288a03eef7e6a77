"""A statistical recognizer that fills the gaps of the rules, where one is available.

For German, a small CRF (python-crfsuite) trained on the GermEval 2014 development set
(timeline/models/de_ner/model.crfsuite, benchmarks/train_actor_model.py). It describes each
word by its form (lower case, prefixes, suffixes, shape, frequency class) and by a *hint* of
what our rules and name lists say about it ("R-B-PER": the rules found a person starting here,
"FN": a given name, "B-PL": a place name starts here, "NP2": its letters look like a person's
name, see timeline/name_likeness.py), and the same for the two words on either side. A CRF
needs no word vectors, learns from ~1,000 sentences in seconds and tags a 400-word article in
a few milliseconds. Where the user has an official spaCy pipeline installed (the first of
actor_grammar.toml `spacy_models`: de_core_news_*, en_core_web_*), that one is used instead
(without hints). Models are loaded once per process; nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from timeline.gazetteer import tokenize
from timeline.lexicon import has_resource, resource
from timeline.model import ActorKind
from timeline.name_likeness import name_likeness
from timeline.ner import Recognized, first_names, recognizer, surnames, word_frequency

# Labels of the models we accept (GermEval / WikiNER: PER ORG LOC; OntoNotes: PERSON GPE ...).
_KINDS = {
    "PER": ActorKind.PERSON,
    "PERSON": ActorKind.PERSON,
    "ORG": ActorKind.ORGANIZATION,
    "LOC": ActorKind.LOCATION,
    "GPE": ActorKind.LOCATION,
}
_HINT_LABEL = {
    ActorKind.PERSON: "PER",
    ActorKind.ORGANIZATION: "ORG",
    ActorKind.COUNTRY: "LOC",
    ActorKind.LOCATION: "LOC",
}
MODEL_FILE = "model.crfsuite"  # in timeline/models/<language>_ner/


def model_path(language: str):
    """Where the CRF of `language` lives (it may not exist)."""
    return resources.files("timeline") / "models" / f"{language}_ner" / MODEL_FILE


_CHOSEN: dict[str, Path] = {}  # language -> a CRF file given to use_model


def use_model(language: str, path: Path) -> None:
    """Tag `language` with the CRF in `path` instead of the shipped one, from now on (call it
    before recognizing anything: results are cached). The benchmark scores a model trained on
    one half of GermEval this way, as the shipped model has seen both."""
    _CHOSEN[language] = path
    _pipeline.cache_clear()


@cache
def _pipeline(language: str):
    """(an official spaCy pipeline or None, our CRF tagger or None) for `language`."""
    for name in resource(language, "actor_grammar.toml")["spacy_models"]:
        if language not in _CHOSEN and importlib.util.find_spec(name) is not None:
            import spacy

            return spacy.load(name, enable=["tok2vec", "ner"]), None
    path = _CHOSEN.get(language) or model_path(language)
    if path.is_file():
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        return None, tagger
    return None, None


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
        if word[:1].isupper() and len(word) > 2:
            tags += name_likeness(word, language)
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


def _shape(word: str) -> str:
    """ "Müller" -> "Xx", "SPD" -> "X", "A7" -> "Xd": classes of characters, runs collapsed."""
    out: list[str] = []
    for c in word:
        k = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)


def features(words: Sequence[str], hint_tags: Sequence[str], language: str) -> list[dict]:
    """The CRF's features of each word: its own form and hints, and those of its neighbours."""
    frequency = word_frequency(language)
    own = []
    for word, hint in zip(words, hint_tags, strict=True):
        low = word.lower()
        f = {
            "w=" + low: 1.0,
            "sh=" + _shape(word): 1.0,
            "p2=" + low[:2]: 1.0,
            "p3=" + low[:3]: 1.0,
            "s2=" + low[-2:]: 1.0,
            "s3=" + low[-3:]: 1.0,
            "s4=" + low[-4:]: 1.0,
            "z=" + str(frequency.get(low, 0)): 1.0,
            "len=" + str(min(len(word), 12)): 1.0,
            "up": float(word[:1].isupper()),
            "allup": float(word.isupper() and len(word) > 1),
            "hy": float("-" in word),
        }
        f.update(("h=" + h, 1.0) for h in hint.split("|") if h != "_")
        own.append(f)
    out = []
    for i, f in enumerate(own):
        g = {"bias": 1.0, **f}
        for d in (-2, -1, 1, 2):
            if not 0 <= i + d < len(own):
                g[f"{d}:pad"] = 1.0
                continue
            g.update(
                (f"{d}:{k}", 1.0) for k in own[i + d] if k.startswith(("w=", "sh=", "z=", "h="))
            )
        if i == 0:
            g["first"] = 1.0
        out.append(g)
    return out


def tagged_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """BIO tags -> spans [start, end) with their label (an I- without its B- starts one)."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, ""
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and tag != "I-" + label:
            spans.append((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def model_spans(text: str, language: str, rules: Sequence[Recognized]) -> list[Recognized]:
    """Entity spans of the statistical model (without actor ids), [] when there is none."""
    nlp, tagger = _pipeline(language)
    if nlp is not None:
        doc = nlp(text)
        found = [(e.start_char, e.end_char, e.label_, e.start) for e in doc.ents]
        words = [t.text for t in doc]
    elif tagger is not None:
        tokens = tokenize(text)
        words = [t.text for t in tokens]
        tags = tagger.tag(
            features(words, hints(words, [t.start for t in tokens], rules, language), language)
        )
        found = [(tokens[a].start, tokens[b - 1].end, lab, a) for a, b, lab in tagged_spans(tags)]
    else:
        return []
    return [
        Recognized(start, end, text[start:end], _KINDS[label], "", text[start:end])
        for start, end, label, first in found
        if label in _KINDS
        and not (
            " " not in text[start:end]
            and _common(text[start:end], words[first - 1] if first else "", language)
        )
    ]


def _common(word: str, previous: str, language: str) -> bool:
    """A word that the grammar says is never a name ("April", "Herr"), or a common word after
    an article ("im Herbst", "der Park") that no place list has: not a name, whatever the model
    says. (Filtering all common words and compounds too cost the CRF recall in 3-fold CV on the
    train half: F1 0.649 against 0.654.)"""
    rules = recognizer(language)
    if word in rules.not_names:
        return True
    if (word,) in _lists(language)["PL"]:
        return False
    return (
        previous.lower() in rules.articles
        and rules.frequency.get(word.lower(), 0) >= rules.common_class
    )
