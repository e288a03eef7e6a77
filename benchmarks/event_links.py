"""How well events get their date, measured on TimeML with EVENT tags and event–time TLINKs.

    python benchmarks/event_links.py ../shared/corpora/tempeval3-tbaq/timebank [--part dev]

TimeBank marks single event words and links some of them to time expressions. For every
event of ours whose trigger is a gold EVENT word and whose date overlaps a gold TIMEX3 (not the
DCT), the attachment is checked against the gold links:
  precision = our (event, date) pairs that gold links at all / our pairs that could be checked
  anchor precision = the same, counting only "the event happens within/at that time" links
  (IS_INCLUDED, INCLUDES, SIMULTANEOUS, DURING, BEGINS, ENDS, BEGUN_BY, ENDED_BY, IDENTITY)
  recall = gold IS_INCLUDED/DURING/SIMULTANEOUS event–time pairs (event and time in one
  sentence of ours) that we reproduce / all such gold pairs.
TimeBank links are not exhaustive, so precision is a lower bound.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.split import documents_from_command_line  # noqa: E402
from timeline import timeml  # noqa: E402
from timeline.clauses import sentences  # noqa: E402
from timeline.pipeline import extract  # noqa: E402
from timeline.reading import read_timeml  # noqa: E402

ANCHORING = {
    "IS_INCLUDED",
    "INCLUDES",
    "SIMULTANEOUS",
    "DURING",
    "DURING_INV",
    "BEGINS",
    "ENDS",
    "BEGUN_BY",
    "ENDED_BY",
    "IDENTITY",
}
WITHIN = {"IS_INCLUDED", "DURING", "SIMULTANEOUS"}
_TAG_ATTRS = re.compile(r"<(MAKEINSTANCE|TLINK)\b([^>]*)/?>")


def gold_of(source: str) -> tuple[dict, dict, dict[tuple[str, str], str]]:
    """Gold EVENT spans by eid, TIMEX3 spans by tid, and event–time links (eid, tid) -> relType."""
    as_timex = re.sub(r"<(/?)EVENT\b", r"<\1TIMEX3", source)  # EVENT spans read like TIMEX3
    markup = timeml.parse(as_timex).markup
    events = {t.attrs["eid"]: (t.start, t.end) for t in markup.timexes if "eid" in t.attrs}
    times = {t.attrs["tid"]: (t.start, t.end) for t in markup.timexes if "tid" in t.attrs}
    instance, links = {}, {}
    for m in _TAG_ATTRS.finditer(source):
        attrs = timeml.parse_attrs(m[2])
        if m[1] == "MAKEINSTANCE":
            instance[attrs.get("eiid")] = attrs.get("eventID")
        elif "eventInstanceID" in attrs and "relatedToTime" in attrs:
            links[(attrs["eventInstanceID"], attrs["relatedToTime"])] = attrs.get("relType", "")
        elif "timeID" in attrs and "relatedToEventInstance" in attrs:
            links[(attrs["relatedToEventInstance"], attrs["timeID"])] = attrs.get("relType", "")
    by_event = {(instance.get(ei), tid): rel for (ei, tid), rel in links.items()}
    return events, times, by_event


def _inside(span: tuple[int, int], spans: dict) -> str | None:
    return next((k for k, (s, e) in spans.items() if s < span[1] and span[0] < e), None)


def score(paths: list[Path]) -> dict[str, int]:
    counts = dict.fromkeys(["checked", "linked", "anchored", "gold_within", "found_within"], 0)
    for path in paths:
        source = path.read_text(encoding="utf-8")
        document = read_timeml(source, path.name)
        events, times, links = gold_of(source)
        result = extract([document])
        ours = {t.id: t for t in result.timexes}
        pairs = set()
        for event in result.events:
            if event.timex is None or event.timex not in ours:
                continue
            t = ours[event.timex]
            trigger_at = document.text.find(event.trigger, event.start, event.end)
            eid = _inside((trigger_at, trigger_at + len(event.trigger)), events)
            tid = _inside((t.start, t.end), times)
            if eid is None or tid is None:
                continue
            pairs.add((eid, tid))
            counts["checked"] += 1
            rel = links.get((eid, tid))
            counts["linked"] += rel is not None
            counts["anchored"] += rel in ANCHORING
        bounds = sentences(document.text, document.language)
        for (eid, tid), rel in links.items():
            if rel not in WITHIN or eid not in events or tid not in times:
                continue
            e_at, t_at = events[eid][0], times[tid][0]
            if any(s <= e_at < e and s <= t_at < e for s, e in bounds):
                counts["gold_within"] += 1
                counts["found_within"] += (eid, tid) in pairs
    return counts


def main() -> None:
    paths, part = documents_from_command_line(__doc__.split("\n")[0])
    c = score(paths)
    checked = max(1, c["checked"])
    print(f"{len(paths)} documents ({part}), {c['checked']} event-date pairs checkable")
    print(f"precision (any gold link)   {c['linked'] / checked:.3f}")
    print(f"precision (anchoring link)  {c['anchored'] / checked:.3f}")
    print(
        f"recall (IS_INCLUDED/DURING/SIMULTANEOUS in one sentence) "
        f"{c['found_within'] / max(1, c['gold_within']):.3f} "
        f"({c['found_within']}/{c['gold_within']})"
    )


if __name__ == "__main__":
    main()
