"""Train the small German NER model (timeline/models/de_ner) on GermEval 2014's dev split.

    python benchmarks/train_actor_model.py [--part all|train] [--c1 X] [--c2 X] [--out FILE]
    python benchmarks/train_actor_model.py --folds 3 [--c1 X] [--c2 X]   # choose settings

The shipped model learns from both halves of benchmarks/germeval.py (`--part all`, 2,200
sentences). benchmarks/actors_accuracy.py does not score it: it trains its own on the `train`
half (`train()` below, 3 s) and scores the `heldout` half, which that model has never seen.
`--folds K` trains on K-1 folds of the train half and scores the model alone on the other (span
F1, pooled over the folds): that is how the settings were chosen. Labels: PER, ORG, LOC
(GermEval's outer labels; OTH and -deriv/-part are left out). A CRF (python-crfsuite) with the
features of timeline/statistical.py: seconds on one core. GermEval 2014 is CC BY 4.0
(Benikova, Biemann, Reznicek, LREC 2014): see NOTICE.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from germeval import Sentence, read  # noqa: E402

from timeline.gazetteer import tokenize  # noqa: E402
from timeline.ner import recognizer  # noqa: E402
from timeline.statistical import features, hints, model_path, tagged_spans  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared/corpora/germeval2014-dev/NER-de-dev.tsv"
# L1 and L2 penalties and iterations of L-BFGS, chosen by --folds 3 (model alone: F1 0.663 here,
# 0.654-0.658 for c1 0.05-0.2 and c2 0.01-0.2: settings barely matter with this little data).
TRAINING = {"c1": 0.1, "c2": 0.05, "iterations": 150}


def sentence_features(s: Sentence) -> list[dict]:
    """The features of the sentence's tokens (as the recognizer splits its text: the same
    tokens as at run time), with the hints of our rules."""
    tokens = tokenize(s.text)
    words = [t.text for t in tokens]
    rules = recognizer("de").recognize(s.text)
    return features(words, hints(words, [t.start for t in tokens], rules, "de"), "de")


def bio(s: Sentence) -> list[str]:
    """The gold labels of those tokens: GermEval's spans by characters."""
    tokens = tokenize(s.text)
    offsets = s.offsets()
    tags = ["O"] * len(tokens)
    for start, end, label in s.gold:
        inside = [
            i for i, t in enumerate(tokens) if offsets[start][0] <= t.start < offsets[end - 1][1]
        ]
        for i in inside:
            tags[i] = ("B-" if i == inside[0] else "I-") + label
    return tags


def train(sentences: list[Sentence], out: Path, c1: float, c2: float, iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sentences:
        trainer.append(sentence_features(s), bio(s))
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    trainer.train(str(out))


def cross_validate(sentences: list[Sentence], folds: int, c1: float, c2: float, iterations: int):
    """Span precision, recall, F1 of the model alone, pooled over `folds` folds."""
    tp = fp = fn = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            path = Path(tmp) / f"fold{k}.crfsuite"
            train([s for i, s in enumerate(sentences) if i % folds != k], path, c1, c2, iterations)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            for s in sentences[k::folds]:
                predicted = set(tagged_spans(tagger.tag(sentence_features(s))))
                gold = set(tagged_spans(bio(s)))
                tp += len(predicted & gold)
                fp += len(predicted - gold)
                fn += len(gold - predicted)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--out", type=Path, default=Path(str(model_path("de"))))
    parser.add_argument("--c1", type=float, default=TRAINING["c1"], help="L1 penalty")
    parser.add_argument("--c2", type=float, default=TRAINING["c2"], help="L2 penalty")
    parser.add_argument("--iterations", type=int, default=TRAINING["iterations"])
    parser.add_argument("--folds", type=int, default=0, help="cross-validate, save nothing")
    parser.add_argument("--part", choices=["all", "train"], default="all", help="sentences")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    sentences = read(args.corpus, "train" if args.folds else args.part)
    began = time.perf_counter()
    if args.folds:
        p, r, f = cross_validate(sentences, args.folds, args.c1, args.c2, args.iterations)
        print(f"c1={args.c1} c2={args.c2}: {args.folds}-fold P {p:.3f} R {r:.3f} F1 {f:.3f}")
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        train(sentences, args.out, args.c1, args.c2, args.iterations)
        size = args.out.stat().st_size / 1e6
        print(f"saved to {args.out} ({size:.1f} MB, {len(sentences)} sentences)")
    print(f"{time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
