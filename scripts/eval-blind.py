#!/usr/bin/env python3
"""Scores Dragoman on the blind corpus (eval/blind, issue 9).

    python3 scripts/eval-blind.py [--split dev|test|all] [--parts a,b,...] [--dragoman PATH] [--misses N] [--no-dates] [--summary]

Codes the split's articles with `dragoman code` (built-in dictionaries) and matches the
events against the gold per ../shared/eval/CODING-GUIDE.md: same sentence, source and
target starting with an accepted prefix (a missing target only where gold allows null),
CAMEO code starting with an accepted code, and the predicted date range inside the gold
range (--no-dates drops that condition). Each gold event and each prediction is used at
most once. Recall counts required events; precision counts predictions that match any
gold event, required or optional. Prints totals, per root (of the gold's first code) and
per region, and lists misses and false positives on dev only (never study test items).

The split: an article whose number is a multiple of 3 is test, the rest dev. The corpus
comes in parts (eval/blind/a, b, ...), each written by its own annotator; --parts scores
only some of them (the first 240 articles are parts a-d).
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def split_of(doc_id):
    return "test" if int(doc_id.rsplit("-", 1)[1]) % 3 == 0 else "dev"


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def load(split, parts=None):
    articles, gold = [], []
    base = os.path.join(ROOT, "eval", "blind")
    for part in sorted(os.listdir(base)):
        if parts and part not in parts:
            continue
        folder = os.path.join(base, part)
        if not os.path.isfile(os.path.join(folder, "articles.jsonl")):
            continue
        for line in open(os.path.join(folder, "articles.jsonl"), encoding="utf-8"):
            a = json.loads(line)
            if split in ("all", split_of(a["id"])):
                articles.append(a)
        for line in open(os.path.join(folder, "gold.jsonl"), encoding="utf-8"):
            g = json.loads(line)
            if split in ("all", split_of(g["doc_id"])):
                gold.append(g)
    return articles, gold


def code(articles, dragoman):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps({"id": a["id"], "text": a["text"], "published": a["published"]}) + "\n")
        path = f.name
    try:
        out = subprocess.run([dragoman, "code", path, "--quiet"], capture_output=True, text=True, check=False)
    finally:
        os.unlink(path)
    if out.returncode not in (0, 3):
        sys.exit(f"dragoman code failed ({out.returncode}): {out.stderr}")
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def same_sentence(gold_sentence, predicted):
    g, p = norm(gold_sentence), norm(predicted)
    return bool(g) and bool(p) and (g in p or p in g)


def matches(g, e, dates):
    if g["doc_id"] != e["doc_id"] or not same_sentence(g["sentence"], e.get("sentence_text", "")):
        return False
    src = (e.get("source") or {}).get("code") or ""
    if not any(src.startswith(p) for p in g["source"] if p):
        return False
    tgt = (e.get("target") or {}).get("code")
    if tgt is None:
        if None not in g["target"]:
            return False
    elif not any(p is not None and tgt.startswith(p) for p in g["target"]):
        return False
    if not any(str(e.get("code", "")).startswith(c) for c in g["codes"]):
        return False
    if dates and g.get("date_from") and g.get("date_to"):
        if not (g["date_from"] <= e["date"] and e.get("date_end", e["date"]) <= g["date_to"]):
            return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--parts", default=None, help="comma-separated corpus parts to score (default: all)")
    ap.add_argument("--dragoman", default=os.path.join(ROOT, "target", "release", "dragoman"))
    ap.add_argument("--misses", type=int, default=0, help="list this many misses and false positives (dev only)")
    ap.add_argument("--no-dates", action="store_true")
    ap.add_argument("--summary", action="store_true", help="only the totals")
    args = ap.parse_args()
    parts = set(args.parts.split(",")) if args.parts else None
    if parts:
        base = os.path.join(ROOT, "eval", "blind")
        known = sorted(p for p in os.listdir(base) if os.path.isfile(os.path.join(base, p, "articles.jsonl")))
        unknown = sorted(parts - set(known))
        if unknown:
            sys.exit(f"--parts: no corpus part {', '.join(unknown)} under eval/blind (the parts are {', '.join(known)})")
    articles, gold = load(args.split, parts)
    region = {a["id"]: a["region"] for a in articles}
    events = code(articles, args.dragoman)

    # Required gold first, so an ambiguous prediction goes to the event that counts.
    order = sorted(range(len(gold)), key=lambda i: not gold[i]["required"])
    used = set()
    found = set()
    for gi in order:
        for ei, e in enumerate(events):
            if ei not in used and matches(gold[gi], e, not args.no_dates):
                used.add(ei)
                found.add(gi)
                break
    # A prediction that matches some gold event already taken is a restatement: wrong.
    required = [i for i, g in enumerate(gold) if g["required"]]
    tp_required = sum(1 for i in required if i in found)
    correct = len(used)
    r = tp_required / max(1, len(required))
    p = correct / max(1, len(events))
    f = 2 * p * r / max(1e-9, p + r)
    print(f"blind corpus{' parts ' + args.parts if args.parts else ''}, {args.split}: {len(articles)} articles, {len(required)} required gold events, "
          f"{len(events)} predicted{' (dates not checked)' if args.no_dates else ''}")
    print(f"recall {100*r:.1f}%  precision {100*p:.1f}%  F1 {100*f:.1f}")

    if args.summary:
        return

    def table(key, title):
        rows = collections.defaultdict(lambda: [0, 0])
        for i in required:
            k = key(gold[i])
            rows[k][0] += 1
            rows[k][1] += i in found
        print(f"\n{title:<44} required  found  recall")
        for k in sorted(rows):
            n, hit = rows[k]
            print(f"{k:<44} {n:>8} {hit:>6} {100*hit/n:>6.1f}%")

    table(lambda g: g["codes"][0][:2], "root")
    table(lambda g: region.get(g["doc_id"], "?")[:44], "region")
    table(lambda g: g.get("construction", "?")[:44], "construction")
    if args.misses and args.split == "dev":
        print("\nmisses:")
        for i in [i for i in required if i not in found][: args.misses]:
            g = gold[i]
            print(f"  {g['event_id']}: {g['source']} -> {g['target']} {g['codes']}  | {g['note']}")
        print("\nfalse positives:")
        for ei in [ei for ei in range(len(events)) if ei not in used][: args.misses]:
            e = events[ei]
            tgt = (e.get("target") or {}).get("code")
            print(f"  {e['doc_id']}: {e['source']['code']} -> {tgt} {e['code']}  | {norm(e['sentence_text'])[:110]}")


if __name__ == "__main__":
    main()
