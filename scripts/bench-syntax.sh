#!/usr/bin/env bash
# Speed of the syntax stage on one core, beside spaCy's en_core_web_sm on the same
# sentences (issue 8). A benchmark, not a test: run it on a quiet machine.
#
#   bash scripts/bench-syntax.sh [MB]        (default: a 10 MB generated corpus)
#
# Prints: `dragoman code` (which parses the sentences that hold a trigger) and
# `dragoman code --shallow` (no parser) over the corpus; `dragoman parse`
# and spaCy (tagger, parser, NER; scripts/spacy-speed.py, in a throwaway venv from
# scripts/spacy-venv.sh) over the same first 3,000 sentences, and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-10}
work=${BENCH_DIR:-bench-data}
mkdir -p "$work"
cargo build --release --quiet -p dragoman --bin dragoman --example gen_corpus
bin=target/release/dragoman
corpus="$work/corpus-${mb}mb.jsonl"
[ -f "$corpus" ] || target/release/examples/gen_corpus --mb "$mb" --out "$corpus" >/dev/null

echo "== dragoman code, one core, $corpus"
taskset -c 0 "$bin" code "$corpus" -o /dev/null 2>&1 | tail -1
echo "== dragoman code --shallow (no parser)"
taskset -c 0 "$bin" code "$corpus" --shallow -o /dev/null 2>&1 | tail -1

# The same sentences for both parsers: the first 3,000 the splitter finds.
{ "$bin" parse "$corpus" --quiet | sed -n "s/^# text = //p" | head -3000 > "$work/sentences.txt"; } || true
echo "== dragoman parse, $(wc -l < "$work/sentences.txt") sentences, one per line"
ours=$(taskset -c 0 "$bin" parse "$work/sentences.txt" -o /dev/null 2>&1 | tail -1)
echo "$ours"
venv=${SPACY_VENV:-/tmp/spacy-venv}
[ -x "$venv/bin/python" ] || bash scripts/spacy-venv.sh "$venv"
if [ -x "$venv/bin/python" ]; then
    echo "== spaCy on the same sentences"
    theirs=$(taskset -c 0 "$venv/bin/python" scripts/spacy-speed.py "$work/sentences.txt")
    echo "$theirs"
    python3 - "$ours" "$theirs" <<'PY'
import json, re, sys
ours = float(re.search(r"\(([0-9.]+) sentences/s", sys.argv[1]).group(1))
theirs = json.loads(sys.argv[2])["sentences_per_s"]
print(f"ratio: dragoman parse is {ours / theirs:.0f}x spaCy en_core_web_sm (tagger+parser+NER) per sentence")
PY
fi
