"""The training file of the profile-guided builds (scripts/build-pgo.sh): the real places of
`data/hinaura.v1.csv` repeated with new ids into canonical CSV, one row in fifty with a value
that breaks a rule (each rule of `BROKEN` in turn). Only the standard library writes it, so
that nothing of ours does, and only the repository's data goes in, so that the profile never
sees the files the benchmarks measure.

    python3 scripts/pgo_training_file.py ROWS OUT
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# A broken value per rule: the readers' error paths are part of a real workload.
BROKEN = [
    ("pivot", "1234"),
    ("date_maj", "2024-13-45"),
    ("services", "Aide aux démarches|Pas un service"),
    ("latitude", "nord"),
    ("code_postal", "3800"),
    ("courriels", "pas-un-courriel"),
    ("horaires", "lundi 9h-12h"),
]


def write(rows: int, out: Path) -> None:
    """Writes the training file of `rows` rows to `out`."""
    with open(ROOT / "data" / "hinaura.v1.csv", newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        base, header = list(reader), list(reader.fieldnames or [])
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, header, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writeheader()
        for n in range(rows):
            row = dict(base[n % len(base)])
            row["id"] = f"{row['id']}-{n}"
            if n % 50 == 7:
                column, value = BROKEN[n // 50 % len(BROKEN)]
                row[column] = value
            w.writerow(row)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 scripts/pgo_training_file.py ROWS OUT")
    write(int(sys.argv[1]), Path(sys.argv[2]))
