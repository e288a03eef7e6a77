"""The extract pipeline end to end, and event quality on hand-annotated gold articles.

tests/gold/<name>.txt are news-like articles written for these tests (invented people and
events); <name>.expected.json were annotated by hand from the text alone: the actors with
their aliases, and every event with its trigger and the days it happened (or "undated": the
text gives no date; "dated": some date, when the exact interval is a matter of convention;
"optional": an event-like clause that is neither required nor counted as an error).
An event matches a gold event when the trigger is the same word and the interval is the same.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from timeline import reading
from timeline.model import Event, Extraction
from timeline.pipeline import extract

GOLD = Path(__file__).parent / "gold"
NAMES = sorted(p.name.removesuffix(".txt") for p in GOLD.glob("*.txt"))
# The quality bar, chosen before measuring: a clause-level rule system should find at least
# this share of the annotated events with the right trigger AND the right days.
MIN_PRECISION = {"de": 0.6, "en": 0.6}
MIN_RECALL = {"de": 0.6, "en": 0.6}
MIN_ACTOR_RECALL = 0.7


def _triggers(gold: dict) -> set[str]:
    names = gold["trigger"]
    return {t.lower() for t in ([names] if isinstance(names, str) else names)}


def _matches(gold: dict, event: Event) -> bool:
    if event.trigger.lower() not in _triggers(gold):
        return False
    if gold.get("optional"):
        return True
    if gold.get("undated"):
        return event.undated
    if gold.get("dated"):
        return not event.undated
    return (
        not event.undated
        and event.earliest is not None
        and event.latest is not None
        and event.earliest.isoformat() == gold["earliest"]
        and event.latest.isoformat() == gold["latest"]
    )


def score_events(expected: list[dict], events: list[Event]) -> Counter:
    """tp/fn over required gold events, fp over events matching no gold event at all."""
    left = list(events)
    counts: Counter = Counter()
    for gold in sorted(expected, key=lambda g: bool(g.get("optional"))):
        hit = next((e for e in left if _matches(gold, e)), None)
        if hit is not None:
            left.remove(hit)
        if not gold.get("optional"):
            counts["tp" if hit else "fn"] += 1
    counts["fp"] += len(left)
    return counts


def _actor_found(gold: dict, extraction: Extraction, doc_id: str) -> bool:
    names = {gold["name"].lower(), *(a.lower() for a in gold["aliases"])}
    return any(
        any(m.doc == doc_id for m in a.mentions)
        and names & {a.name.lower(), *(x.lower() for x in a.aliases)}
        for a in extraction.actors
    )


@pytest.fixture(scope="module")
def gold_run() -> tuple[Extraction, dict[str, dict]]:
    found = reading.read_paths([GOLD / f"{n}.txt" for n in NAMES])
    assert not found.errors
    expected = {
        n: json.loads((GOLD / f"{n}.expected.json").read_text(encoding="utf-8")) for n in NAMES
    }
    return extract(found.documents), expected


def test_gold_articles_are_news_sized() -> None:
    assert sum(n.startswith("de-") for n in NAMES) >= 4
    assert sum(n.startswith("en-") for n in NAMES) >= 3
    for name in NAMES:
        text = (GOLD / f"{name}.txt").read_text(encoding="utf-8")
        assert text.startswith("date ")
        assert 150 <= len(text.split()) <= 400, name


@pytest.mark.parametrize("language", ["de", "en"])
def test_event_precision_and_recall(gold_run, language: str) -> None:
    extraction, expected = gold_run
    total: Counter = Counter()
    report = []
    for name in NAMES:
        doc_id = f"{name}.txt"
        if not name.startswith(language):
            continue
        events = [e for e in extraction.events if e.doc == doc_id]
        counts = score_events(expected[name]["events"], events)
        total += counts
        report.append(f"{name}: {dict(counts)}")
    precision = total["tp"] / max(1, total["tp"] + total["fp"])
    recall = total["tp"] / max(1, total["tp"] + total["fn"])
    summary = f"P={precision:.2f} R={recall:.2f} " + "; ".join(report)
    assert precision >= MIN_PRECISION[language], summary
    assert recall >= MIN_RECALL[language], summary


def test_actor_recall(gold_run) -> None:
    extraction, expected = gold_run
    found = missing = 0
    lost = []
    for name in NAMES:
        for actor in expected[name]["actors"]:
            if _actor_found(actor, extraction, f"{name}.txt"):
                found += 1
            else:
                missing += 1
                lost.append(f"{name}: {actor['name']}")
    assert found / (found + missing) >= MIN_ACTOR_RECALL, lost


def test_scorer_counts_by_hand() -> None:
    """The scorer itself: one right, one wrong date, one spurious, one optional."""
    from datetime import date

    def event(trigger: str, day: date | None) -> Event:
        return Event(
            "d:e", "d", 0, 1, trigger, trigger, earliest=day, latest=day, undated=day is None
        )

    expected = [
        {"trigger": "traf", "earliest": "2024-03-12", "latest": "2024-03-12"},
        {"trigger": "sagte", "earliest": "2024-03-13", "latest": "2024-03-13"},
        {"trigger": "kam", "optional": True},
        {"trigger": ["erklärte", "Erklärung"], "undated": True},
    ]
    events = [
        event("traf", date(2024, 3, 12)),
        event("sagte", date(2024, 3, 12)),
        event("kam", None),
        event("Erklärung", None),
        event("lief", None),
    ]
    assert score_events(expected, events) == Counter(tp=2, fn=1, fp=2)
