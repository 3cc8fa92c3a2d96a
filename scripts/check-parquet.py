#!/usr/bin/env python3
"""Reads a Parquet export back with pyarrow and checks it against docs/export.md.

Usage: check-parquet.py FILE.parquet ROWS

Checks the row count and every column's name and Arrow type for the `full` preset,
as documented in docs/export.md. Exits 1 with the differences when they do not match.
Run by .ci/run, which installs pyarrow in a throwaway virtual environment.
"""
import sys

import pyarrow.parquet as pq

# The `full` preset: column -> Arrow type, in order (docs/export.md).
FULL = [
    ("event_id", "int64"), ("date", "date32[day]"), ("date_end", "date32[day]"),
    ("date_precision", "string"), ("source_code", "string"), ("source_name", "string"),
    ("source_country", "string"), ("source_sector", "string"),
    ("target_code", "string"), ("target_name", "string"),
    ("target_country", "string"), ("target_sector", "string"), ("code", "string"),
    ("root", "string"), ("code_name", "string"), ("description", "string"),
    ("quad_class", "int32"),
    ("goldstein", "float"), ("plover_type", "string"), ("plover_mode", "string"),
    ("location_name", "string"), ("location_country", "string"), ("lat", "double"),
    ("lon", "double"), ("num_mentions", "int32"), ("num_sources", "int32"),
    ("num_articles", "int32"), ("doc_id", "string"), ("url", "string"),
    ("outlet", "string"), ("sentence_text", "string"), ("rule", "string"),
]


def main() -> int:
    path, rows = sys.argv[1], int(sys.argv[2])
    table = pq.read_table(path)
    got = [(f.name, str(f.type)) for f in table.schema]
    problems = []
    if table.num_rows != rows:
        problems.append(f"rows: {table.num_rows}, expected {rows}")
    if got != FULL:
        problems.append(f"columns: {got}\n  expected {FULL}")
    if problems:
        print("parquet read-back FAILED:\n  " + "\n  ".join(problems))
        return 1
    print(f"parquet read-back with pyarrow: {table.num_rows} rows, {len(got)} columns with the documented types")
    return 0


if __name__ == "__main__":
    sys.exit(main())
