#!/usr/bin/env python3
"""Scores the article text Dragoman reads from HTML pages (issue 10).

    python3 scripts/eval-extraction.py [--dragoman PATH] [--bench DIR] [--jobs N] [--worst N] [--summary]

Runs `dragoman read` on each page of the Article Extraction Benchmark (181 real news and
blog pages with a human-checked article body; ../shared/eval/article-extraction-benchmark,
not part of this repository) and scores the "text" field, which is what `dragoman code`
codes, with the benchmark's own scorer (its evaluate.py, imported from the benchmark's
folder: F1 over 4-word shingles, precision and recall averaged per page). A page Dragoman
cannot read counts as an empty prediction. Prints our figures beside published ones.

--worst N lists the N pages with the lowest F1 (for looking into them; the benchmark is
public and small, so treat figures tuned on it as optimistic).
"""
import argparse
import concurrent.futures
import gzip
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
BENCH = os.path.join(ROOT, "..", "shared", "eval", "article-extraction-benchmark")

# F1 as published for the benchmark (its README and the rs-trafilatura project).
PUBLISHED = [
    ("rs-trafilatura (published)", 0.970),
    ("trafilatura (published)", 0.958),
    ("Readability.js (published)", 0.947),
]


def load_scorer(bench):
    spec = importlib.util.spec_from_file_location("aeb_evaluate", os.path.join(bench, "evaluate.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_page(dragoman, page):
    """The text `dragoman read` gives for one page, or "" when it gives none."""
    run = subprocess.run(
        [dragoman, "read", page, "--published", "2000-01-01", "--quiet"],
        capture_output=True,
        text=True,
    )
    if run.returncode not in (0, 3):
        sys.exit(f"dragoman read {page} failed ({run.returncode}): {run.stderr.strip()}")
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    return "\n\n".join(d["text"] for d in lines), run.stderr.strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--dragoman",
        default=next(
            (p for p in (os.path.join(ROOT, "target", k, "dragoman") for k in ("release", "debug")) if os.path.exists(p)),
            os.path.join(ROOT, "target", "release", "dragoman"),
        ),
        help="the binary to run (default: target/release/dragoman, else target/debug/dragoman)",
    )
    ap.add_argument("--bench", default=BENCH)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--n-bootstrap", type=int, default=200, help="bootstrap rounds for the ± figures")
    ap.add_argument("--summary", action="store_true", help="one line: F1, precision, recall")
    args = ap.parse_args()
    if not os.path.isdir(args.bench):
        print(f"SKIPPED extraction benchmark: {args.bench} is not there")
        return
    if not os.access(args.dragoman, os.X_OK):
        sys.exit(f"no dragoman binary at {args.dragoman} (build it, or give --dragoman)")
    scorer = load_scorer(args.bench)
    with open(os.path.join(args.bench, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)

    started = time.time()
    predictions, problems = {}, []
    with tempfile.TemporaryDirectory() as work:
        pages = {}
        for key in truth:
            page = os.path.join(work, key + ".html")
            with gzip.open(os.path.join(args.bench, "html", key + ".html.gz"), "rb") as src, open(page, "wb") as dst:
                dst.write(src.read())
            pages[key] = page
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            results = pool.map(lambda key: (key, read_page(args.dragoman, pages[key])), truth)
            for key, (text, errors) in results:
                predictions[key] = {"articleBody": text}
                if not text:
                    problems.append(f"{key}: {errors or 'no text'}")
    elapsed = time.time() - started

    m = scorer.evaluate(truth, predictions, args.n_bootstrap)
    if args.summary:
        print(
            f"dragoman read on the Article Extraction Benchmark ({len(truth)} pages): "
            f"F1 {m['f1']:.3f}, precision {m['precision']:.3f}, recall {m['recall']:.3f} "
            f"(published: rs-trafilatura 0.970, trafilatura 0.958, Readability.js 0.947)"
        )
        return
    print(f"Article Extraction Benchmark, {len(truth)} pages, `dragoman read` text ({elapsed:.1f} s):")
    print(f"  {'':<28} {'F1':>6} {'precision':>10} {'recall':>7}")
    print(
        f"  {'Dragoman (this build)':<28} {m['f1']:>6.3f} {m['precision']:>10.3f} {m['recall']:>7.3f}"
        f"   (± {m['f1_std']:.3f} F1, bootstrap)"
    )
    for name, f1 in PUBLISHED:
        print(f"  {name:<28} {f1:>6.3f} {'':>10} {'':>7}")
    if problems:
        print(f"  {len(problems)} page(s) gave no text:")
        for p in problems:
            print(f"    {p}")
    if args.worst:
        per_page = []
        for key in truth:
            tp, fp, fn = scorer.string_shingle_matching(
                true=truth[key].get("articleBody", ""), pred=predictions[key]["articleBody"]
            )
            f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
            per_page.append((f1, tp, fp, fn, key))
        print(f"  worst {args.worst} pages (F1, share of shingles: tp fp fn):")
        for f1, tp, fp, fn, key in sorted(per_page)[: args.worst]:
            print(f"    {f1:.3f}  {tp:.2f} {fp:.2f} {fn:.2f}  {key}  {truth[key].get('url', '')}")


if __name__ == "__main__":
    main()
