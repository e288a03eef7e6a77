"""Actor recognition on GermEval 2014 (German NER): span precision, recall and F1 per label.

    python benchmarks/actors_accuracy.py [--corpus PATH] [--part heldout|train] [--errors N]

Scores the held-out half by default (benchmarks/germeval.py says how the halves are made) with
a CRF that it first trains on the other half (3 s): the shipped model has seen both halves, so
`--shipped` scores are not honest. Our kinds map to GermEval's outer
labels: PERSON -> PER, ORGANIZATION -> ORG, COUNTRY and LOCATION -> LOC. A predicted span
counts only if it covers whole tokens (a prefix like "US" in "US-Regierung" is a part of a
token, which GermEval labels LOCpart, and is ignored), and predictions on OTH/-deriv/-part gold
spans are ignored. Exact span and label match. `--errors` lists mistakes, on the train half only
(the held-out half stays unseen).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from germeval import SCORED, Sentence, read  # noqa: E402
from train_actor_model import TRAINING, train  # noqa: E402

from timeline.actors import actor_mentions  # noqa: E402
from timeline.gazetteer import kind_of  # noqa: E402
from timeline.model import ActorKind, Document  # noqa: E402
from timeline.statistical import use_model  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared/corpora/germeval2014-dev/NER-de-dev.tsv"
LABEL = {
    ActorKind.PERSON: "PER",
    ActorKind.ORGANIZATION: "ORG",
    ActorKind.COUNTRY: "LOC",
    ActorKind.LOCATION: "LOC",
}


def predict(sentence: Sentence) -> set[tuple[int, int, str]]:
    """Our mentions as token spans with GermEval labels (whole tokens only)."""
    doc = Document(f"s{sentence.number}", sentence.text, language="de")
    offsets = sentence.offsets()
    starts = {s: i for i, (s, _) in enumerate(offsets)}
    ends = {e: i + 1 for i, (_, e) in enumerate(offsets)}
    out = set()
    for mention, actor_id in actor_mentions(doc):
        if mention.start in starts and mention.end in ends:
            span = (starts[mention.start], ends[mention.end])
            if not any(s < span[1] and span[0] < e for s, e in sentence.ignored) or any(
                s < span[1] and span[0] < e for s, e, _ in sentence.gold
            ):
                out.add((*span, LABEL[kind_of(actor_id)]))
    return out


def speed() -> str:
    """Loading time, and time per 400-word German article (the samples/, not cached)."""
    began = time.perf_counter()
    actor_mentions(Document("warm-up", "Olaf Scholz sagte in Berlin.", language="de"))
    loading = time.perf_counter() - began
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("samples/de-*.txt")))
    article = " ".join(words.split()[:400])
    runs = 10
    began = time.perf_counter()
    for i in range(runs):
        actor_mentions(Document(f"a{i}", f"{article} {i}", language="de"))
    per_article = (time.perf_counter() - began) / runs
    return f"loading {loading:.1f} s, then {per_article * 1000:.0f} ms per 400-word article"


def score(tp: Counter, fp: Counter, fn: Counter, label: str | None) -> tuple[float, float, float]:
    keys = [label] if label else list(SCORED)
    t, p, n = (sum(c[k] for k in keys) for c in (tp, fp, fn))
    precision = t / (t + p) if t + p else 0.0
    recall = t / (t + n) if t + n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _ranges(numbers: list[int]) -> str:
    out, start, prev = [], None, None
    for n in [*numbers, None]:
        if start is not None and n != prev + 1:
            out.append(f"{start}" if start == prev else f"{start}-{prev}")
            start = None
        if start is None:
            start = n
        prev = n
    return ", ".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--part", choices=["heldout", "train", "fit", "tune"], default="heldout")
    parser.add_argument("--errors", type=int, default=0, help="list N mistakes (train half)")
    parser.add_argument(
        "--shipped", action="store_true", help="the shipped model (it has seen every sentence)"
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.errors and args.part == "heldout":
        print("--errors lists mistakes of the train half only (--part train/tune)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        if not args.shipped:
            model = Path(tmp) / "train-half.crfsuite"
            train(read(args.corpus, "train"), model, **TRAINING)
            use_model("de", model)
        return _score(args)


def _score(args: argparse.Namespace) -> int:
    timing = speed()  # first: it includes loading the data and the model
    sentences = read(args.corpus, args.part)
    tp, fp, fn = Counter(), Counter(), Counter()
    errors = []
    began = time.perf_counter()
    for s in sentences:
        predicted = predict(s)
        gold = set(s.gold)
        for span in predicted & gold:
            tp[span[2]] += 1
        for span in predicted - gold:
            fp[span[2]] += 1
            errors.append(("FP", s, span))
        for span in gold - predicted:
            fn[span[2]] += 1
            errors.append(("FN", s, span))
    seconds = time.perf_counter() - began
    print(f"speed: {timing}")
    print(f"GermEval 2014 dev, {args.part} half: {len(sentences)} sentences, {seconds:.1f} s")
    print(f"sentences ({args.part}): {_ranges([s.number for s in sentences])}")
    print(f"{'label':<8}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for label in (*SCORED, None):
        p, r, f = score(tp, fp, fn, label)
        gold = sum(fn[k] + tp[k] for k in ([label] if label else SCORED))
        print(f"{label or 'overall':<8}{gold:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    for kind, s, (start, end, label) in errors[: args.errors]:
        words = list(s.tokens)
        words[start] = "[" + words[start]
        words[end - 1] += "]"
        print(f"{kind} {label} #{s.number}: {' '.join(words)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
