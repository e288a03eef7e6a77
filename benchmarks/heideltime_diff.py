"""Where timeline and HeidelTime disagree on articles without gold: a way to find errors on text
the rules were never tuned on.

    python -m benchmarks.heideltime_diff ARTICLES.txt --lang en [--all]

ARTICLES.txt holds articles separated by a line `---`; each opens with `date YYYY-MM-DD` (its DCT,
as in a plain-text article). For each article the expressions the two systems do not agree on
(extent, type or value) are printed side by side; `--all` prints every expression, since both can
be wrong together. Who is right is for a person to judge by the annotation guidelines: the
difference only points at where to look. Needs HeidelTime (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.heideltime_runner import HeidelTime, Job, spans_on, unavailable  # noqa: E402
from timeline.dates import find_dates  # noqa: E402
from timeline.model import DocumentDate, InvalidDate  # noqa: E402

Tag = tuple[int, int, str, str]  # start, end, type, value


def articles(path: Path) -> Iterator[tuple[DocumentDate, str]]:
    """(DCT, text) of each article in the file; an article without a valid `date` line is an
    error, since a disagreement without a DCT says little."""
    for n, chunk in enumerate(path.read_text(encoding="utf-8").split("\n---\n"), 1):
        head, _, text = chunk.strip("\n").partition("\n")
        if not head.strip():
            continue
        if not head.startswith("date "):
            raise ValueError(f"article {n}: the first line must be 'date YYYY-MM-DD', not {head!r}")
        try:
            yield DocumentDate.parse(head[5:].strip()), text.strip()
        except InvalidDate as err:
            raise ValueError(f"article {n}: {err}") from None


def differences(text: str, ours: list[Tag], theirs: list[Tag], every: bool) -> list[str]:
    """One line per expression of either system, unless both agree on it (or `every`)."""
    lines = []
    paired: set[Tag] = set()
    for o in ours:
        match = next((h for h in theirs if h[0] < o[1] and o[0] < h[1]), None)
        if match:
            paired.add(match)
        if every or match != o:
            other = f"{text[match[0] : match[1]]!r} {match[2]} {match[3]}" if match else "-"
            lines.append(f"  ours {text[o[0] : o[1]]!r} {o[2]} {o[3]}  | HeidelTime {other}")
    for h in theirs:
        if h not in paired:
            lines.append(f"  ours -  | HeidelTime {text[h[0] : h[1]]!r} {h[2]} {h[3]}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--lang", choices=("de", "en"), required=True)
    parser.add_argument("--all", action="store_true", help="print every expression")
    args = parser.parse_args()
    reason = unavailable()
    if reason:
        sys.exit(reason)
    try:
        docs = list(articles(args.articles))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        sys.exit(f"{args.articles}: {err}")
    with HeidelTime(log=None) as heideltime:
        outputs = heideltime.run([Job(text, args.lang, dct) for dct, text in docs])
    for (dct, text), out in zip(docs, outputs, strict=True):
        ours = [(t.start, t.end, t.type, t.value) for t in find_dates(text, args.lang, dct)]
        theirs = [(s.start, s.end, s.type, s.value) for s in spans_on(text, out.timeml)]
        lines = differences(text, ours, theirs, args.all)
        if lines:
            print(f"== DCT {dct.value}: {text[:80]!r}")
            print("\n".join(lines))


if __name__ == "__main__":
    main()
