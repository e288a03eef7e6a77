"""Train the small German NER model (timeline/models/de_ner) on the GermEval 2014 train half.

    python benchmarks/train_actor_model.py [--corpus PATH] [--epochs N] [--out DIR]

Only the `train` half of benchmarks/germeval.py is used (its last tenth picks the epoch); the
`heldout` half is never seen, so benchmarks/actors_accuracy.py scores it honestly. Labels: PER,
ORG, LOC (GermEval's outer labels; OTH and -deriv/-part are left out). CPU, one core, a few
minutes. GermEval 2014 is CC BY 4.0 (Benikova, Biemann, Reznicek, LREC 2014): see NOTICE.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).resolve().parent))

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from germeval import SCORED, Sentence, read  # noqa: E402

from timeline.lexicon import resource  # noqa: E402
from timeline.ner import recognizer  # noqa: E402
from timeline.statistical import set_hints  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared/corpora/germeval2014-dev/NER-de-dev.tsv"
# A small network: hashed embeddings of a word's norm, prefix, suffix, shape and of the hint
# of our rules (in LEMMA, see timeline/statistical.py); a CNN encoder over a window of words.
MODEL = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": 64,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE", "LEMMA"],
            "rows": [4000, 1000, 2000, 500, 1000],
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": 64,
            "depth": 4,
            "window_size": 1,
            "maxout_pieces": 3,
        },
    },
}


def example(nlp, s: Sentence) -> Example:
    """The sentence as spaCy tokenizes it (with our hints), the gold spans on GermEval's tokens."""
    gold = Doc(nlp.vocab, words=list(s.tokens))
    gold.ents = [Span(gold, start, end, label) for start, end, label in s.gold]
    doc = nlp.make_doc(s.text)
    set_hints(doc, recognizer("de").recognize(s.text), "de")
    return Example(doc, gold)


def pools(sentences: list[Sentence]) -> dict[str, list[tuple[str, ...]]]:
    """Names to swap in per label: those of the training sentences and of our own lists."""
    out: dict[str, list[tuple[str, ...]]] = {label: [] for label in SCORED}
    for s in sentences:
        for start, end, label in s.gold:
            out[label].append(s.tokens[start:end])
    given = sorted(resource("de", "first_names.txt"))
    family = sorted(resource("de", "surnames.txt"))
    rng = random.Random(1)
    out["PER"] += [(rng.choice(given), rng.choice(family)) for _ in range(2000)]
    out["PER"] += [(rng.choice(family),) for _ in range(1000)]
    places = sorted(resource("de", "place_names.txt"))
    out["LOC"] += [tuple(rng.choice(places).split()) for _ in range(2000)]
    orgs = [p for row in resource("de", "organizations.jsonl") for p in row["patterns"]]
    out["ORG"] += [tuple(p.split()) for p in orgs]
    return out


def augmented(s: Sentence, names: dict[str, list[tuple[str, ...]]], rng: random.Random) -> Sentence:
    """The sentence with every gold name replaced by another of the same label."""
    tokens: list[str] = []
    gold = []
    pos = 0
    for start, end, label in sorted(s.gold):
        tokens += s.tokens[pos:start]
        new = rng.choice(names[label])
        gold.append((len(tokens), len(tokens) + len(new), label))
        tokens += new
        pos = end
    tokens += s.tokens[pos:]
    return Sentence(s.number, tuple(tokens), tuple(gold), ())


def f1(nlp, examples: list[Example]) -> float:
    scores = nlp.evaluate(examples)
    return scores["ents_f"] or 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--epochs", type=int, default=25)
    parser.add_argument("--out", type=Path, default=ROOT / "timeline" / "models" / "de_ner")
    parser.add_argument("--part", choices=["train", "fit"], default="train", help="fit: for trials")
    parser.add_argument("--augment", type=int, default=2, help="copies with other names")
    parser.add_argument("--width", type=int, default=64, help="width of the word vectors")
    parser.add_argument("--dropout", type=float, default=0.25)
    parser.add_argument(
        "--keep-last", action="store_true", help="keep the last epoch, not the best on dev"
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    random.seed(0)
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("de")
    model = json.loads(json.dumps(MODEL))
    model["tok2vec"]["embed"]["width"] = model["tok2vec"]["encode"]["width"] = args.width
    ner = nlp.add_pipe("ner", config={"model": model})
    for label in SCORED:
        ner.add_label(label)
    sentences = read(args.corpus, args.part)
    cut = len(sentences) * 9 // 10
    names = pools(sentences[:cut])
    rng = random.Random(2)
    copies = [
        augmented(s, names, rng) for s in sentences[:cut] if s.gold for _ in range(args.augment)
    ]
    train = [example(nlp, s) for s in sentences[:cut] + copies]
    dev = [example(nlp, s) for s in sentences[cut:]]
    optimizer = nlp.initialize(lambda: train)
    best, best_epoch = -1.0, 0
    began = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        random.shuffle(train)
        losses: dict = {}
        for batch in spacy.util.minibatch(train, size=16):
            nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
        score = f1(nlp, dev)
        print(f"epoch {epoch:2d} loss {losses['ner']:8.1f} dev F1 {score:.3f}", flush=True)
        if score > best or args.keep_last:
            best, best_epoch = score, epoch
            with nlp.use_params(optimizer.averages):
                nlp.to_disk(args.out)
    minutes = (time.perf_counter() - began) / 60
    print(f"kept: dev F1 {best:.3f} at epoch {best_epoch}; saved to {args.out} ({minutes:.1f} min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
