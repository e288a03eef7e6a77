"""How often clause_tense agrees with the tense TimeBank gives its verb events.

    python benchmarks/tense_accuracy.py ../shared/corpora/tempeval3-tbaq/timebank [--part dev]

Gold: MAKEINSTANCE tense of EVENTs with pos=VERB: PAST, or PRESENT with PERFECTIVE aspect
("has said"), is "past"; FUTURE is "future"; other PRESENT is "present"; the rest is skipped.
A proxy only: clause_tense answers "which way does a date in this clause point", so "are
expected to meet" counts as future for us and as present for TimeBank, and our "planned" (a verb
after a to-infinitive) has no TimeBank counterpart: it always counts as a miss.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.event_links import gold_of  # noqa: E402
from benchmarks.split import documents_from_command_line  # noqa: E402
from timeline import timeml  # noqa: E402
from timeline.reading import read_timeml  # noqa: E402
from timeline.tense import clause_tense  # noqa: E402

_INSTANCE = re.compile(r"<MAKEINSTANCE\b([^>]*)/?>")


def gold_tense(attrs: dict[str, str]) -> str | None:
    tense, aspect = attrs.get("tense"), attrs.get("aspect", "")
    if tense == "PAST" or (tense == "PRESENT" and "PERFECTIVE" in aspect):
        return "past"
    return {"FUTURE": "future", "PRESENT": "present"}.get(tense or "")


def confusion(paths: list[Path]) -> Counter:
    """(gold, ours) -> count over the verb events of `paths`."""
    counts: Counter = Counter()
    for path in paths:
        source = path.read_text(encoding="utf-8")
        document = read_timeml(source, path.name)
        events, _, _ = gold_of(source)
        instances = {}
        for m in _INSTANCE.finditer(source):
            attrs = timeml.parse_attrs(m[1])
            instances[attrs.get("eventID")] = attrs
        for eid, (start, end) in events.items():
            attrs = instances.get(eid)
            gold = gold_tense(attrs) if attrs and attrs.get("pos") == "VERB" else None
            if gold:
                counts[(gold, clause_tense(document.text, start, end, "en"))] += 1
    return counts


def main() -> None:
    paths, part = documents_from_command_line(__doc__.split("\n")[0])
    counts = confusion(paths)
    total = sum(counts.values())
    right = sum(n for (gold, ours), n in counts.items() if gold == ours)
    print(f"{len(paths)} documents ({part}), {total} verb events")
    print(f"accuracy {right / max(1, total):.3f}")
    for gold in ("past", "present", "future"):
        row = {
            ours: counts[(gold, ours)]
            for ours in ("past", "present", "future", "planned", "unknown")
        }
        print(f"  gold {gold:8} -> {row}")


if __name__ == "__main__":
    main()
