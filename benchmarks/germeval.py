"""GermEval 2014 NER (CoNLL-style TSV) as sentences with gold spans, split in two fixed halves.

A sentence belongs to the `train` half when the SHA-1 of its tokens (joined by spaces) ends in
an even byte, else to the `heldout` half: the model is trained and the rules are tuned on
`train` only; scores are reported on `heldout` only. For trying variants, the train half
splits further into `fit` (two thirds) and `tune` (one third, by another byte of the hash).

Gold spans use the outer labels: PER, ORG and LOC are scored; OTH and the -deriv/-part labels
("deutschen", "EU-weit") are not actors of this project's kinds and are ignored (a predicted
span on them counts neither way).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

SCORED = ("PER", "ORG", "LOC")


@dataclass(frozen=True)
class Sentence:
    number: int  # 1-based position in the file
    tokens: tuple[str, ...]
    gold: tuple[tuple[int, int, str], ...]  # token spans [start, end) with their label
    ignored: tuple[tuple[int, int], ...]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def offsets(self) -> list[tuple[int, int]]:
        out, pos = [], 0
        for t in self.tokens:
            out.append((pos, pos + len(t)))
            pos += len(t) + 1
        return out


def parts_of(sentence: Sentence) -> set[str]:
    """The parts a sentence is in: {"heldout"} or {"train", "fit"} or {"train", "tune"}."""
    digest = hashlib.sha1(sentence.text.encode()).digest()
    if digest[-1] % 2:
        return {"heldout"}
    return {"train", "tune" if digest[-2] % 3 == 0 else "fit"}


def _spans(labels: list[str]) -> list[tuple[int, int, str]]:
    spans, start, label = [], None, None
    for i, tag in enumerate([*labels, "O"]):
        if start is not None and not tag.startswith("I-"):
            spans.append((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def read(path: Path, part: str = "all") -> list[Sentence]:
    """The sentences of `path` in `part` ("train", "heldout", "fit", "tune" or "all")."""
    sentences, tokens, labels = [], [], []

    def close() -> None:
        if tokens:
            spans = _spans(labels)
            gold = tuple(s for s in spans if s[2] in SCORED)
            ignored = tuple((s, e) for s, e, lab in spans if lab not in SCORED)
            sentences.append(Sentence(len(sentences) + 1, tuple(tokens), gold, ignored))
        tokens.clear()
        labels.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            close()
            continue
        cols = line.split("\t")
        tokens.append(cols[1])
        labels.append(cols[2])
    close()
    return [s for s in sentences if part == "all" or part in parts_of(s)]
