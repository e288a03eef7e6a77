"""TempEval-3 scores for TIMEX3 tagging, computed on character offsets.

Definitions (UzZaman et al., SemEval-2013 Task 1):
- strict extent: a system span counts when a gold span has exactly the same offsets;
- relaxed extent: spans overlap; each gold span pairs with at most one system span;
- type / value F1: relaxed F1 x the share of relaxed pairs whose type / value agree
  (the same as precision and recall counted on correct attributes only);
- value accuracy: that share itself, for values.
Scores are micro-averaged: counts are summed over all documents, then divided.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    """One TIMEX3 as the scorer sees it: offsets into the document text and two attributes."""

    start: int
    end: int
    type: str
    value: str

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def relaxed_pairs(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[int, int]]:
    """A largest one-to-one pairing of overlapping spans, as (gold index, system index).

    Augmenting paths (Kuhn's algorithm) give the most pairs; candidates are tried from the
    largest overlap down, so an exact or near-exact partner is preferred over a sliver.
    """

    def overlap(g: Span, s: Span) -> int:
        return min(g.end, s.end) - max(g.start, s.start)

    candidates = [
        sorted(
            (j for j, s in enumerate(system) if g.overlaps(s)),
            key=lambda j, g=g: (-overlap(g, system[j]), j),
        )
        for g in gold
    ]
    owner: dict[int, int] = {}  # system index -> gold index

    def attach(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or attach(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        attach(i, set())
    return sorted((i, j) for j, i in owner.items())


@dataclass(frozen=True)
class Counts:
    """What the scores are computed from; counts add up over documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.gold + other.gold,
            self.system + other.system,
            self.strict + other.strict,
            self.relaxed + other.relaxed,
            self.type_ok + other.type_ok,
            self.value_ok + other.value_ok,
        )


def count(gold: Sequence[Span], system: Sequence[Span]) -> Counts:
    """The counts for one document."""
    pairs = relaxed_pairs(gold, system)
    return Counts(
        gold=len(gold),
        system=len(system),
        strict=len({(g.start, g.end) for g in gold} & {(s.start, s.end) for s in system}),
        relaxed=len(pairs),
        type_ok=sum(1 for i, j in pairs if gold[i].type == system[j].type),
        value_ok=sum(1 for i, j in pairs if same_value(gold[i].value, system[j].value)),
    )


def same_value(gold: str, system: str) -> bool:
    """Values agree when they are the same string, ignoring surrounding space and case."""
    return gold.strip().upper() == system.strip().upper()


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Scores:
    """The TempEval-3 figures, all between 0 and 1."""

    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    type_f1: float
    value_accuracy: float
    value_f1: float

    @classmethod
    def of(cls, counts: Counts) -> Scores:
        sp, sr = _ratio(counts.strict, counts.system), _ratio(counts.strict, counts.gold)
        rp, rr = _ratio(counts.relaxed, counts.system), _ratio(counts.relaxed, counts.gold)
        relaxed_f1 = _f1(rp, rr)
        value_accuracy = _ratio(counts.value_ok, counts.relaxed)
        return cls(
            strict_p=sp,
            strict_r=sr,
            strict_f1=_f1(sp, sr),
            relaxed_p=rp,
            relaxed_r=rr,
            relaxed_f1=relaxed_f1,
            type_f1=relaxed_f1 * _ratio(counts.type_ok, counts.relaxed),
            value_accuracy=value_accuracy,
            value_f1=relaxed_f1 * value_accuracy,
        )


def score(documents: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> Scores:
    """Micro-averaged scores over (gold spans, system spans) of each document."""
    total = Counts()
    for gold, system in documents:
        total = total + count(gold, system)
    return Scores.of(total)
