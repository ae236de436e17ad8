#!/usr/bin/env python3
"""Rebuilds crates/inclusion-hours/data/school_holidays.tsv, the French school-holiday
calendar by zone (A, B, C) used for the `SH` selector of opening hours.

Source: the PyPI package `vacances-scolaires-france` (MIT licence), whose `data/data.csv` has one
row per day since 1990 with a holiday flag per zone (from the data.gouv.fr dataset "Vacances
scolaires par zones"). See data/README.md.

    python3 -m venv /tmp/vsf && /tmp/vsf/bin/pip install vacances-scolaires-france==0.12.0
    /tmp/vsf/bin/python scripts/school_holidays.py

Transformation:
  * days from 2016-01-01, when today's zones (académies per zone) took effect; earlier days use
    other zones and are left out;
  * consecutive holiday days of a zone with the same holiday name become one period;
  * the calendar ends with the last summer holidays of the file: later rows say "no holiday"
    only because the dates are not published yet, so they are left out (unknown, not school
    days).
"""

import csv
import datetime
import hashlib
import importlib.metadata
import os
import sys

import vacances_scolaires_france

PACKAGE = "vacances-scolaires-france"
START = datetime.date(2016, 1, 1)
ZONES = ["A", "B", "C"]
OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..",
    "crates",
    "inclusion-hours",
    "data",
    "school_holidays.tsv",
)


def main() -> int:
    version = importlib.metadata.version(PACKAGE)
    path = os.path.join(os.path.dirname(vacances_scolaires_france.__file__), "data", "data.csv")
    raw = open(path, "rb").read()
    sha = hashlib.sha256(raw).hexdigest()
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    days = []
    for r in rows:
        date = datetime.date.fromisoformat(r["date"])
        if date < START:
            continue
        flags = {z: r["vacances_zone_" + z.lower()] == "True" for z in ZONES}
        days.append((date, flags, r["nom_vacances"]))
    # The end: the last day of the last summer holidays (July-August) of every zone.
    last_summer = max(
        d for d, flags, name in days if name == "Vacances d'été" and all(flags.values())
    )
    later = [d for d, flags, _ in days if d > last_summer and any(flags.values())]
    if later:
        print(f"holidays after {last_summer}: {later[:3]}...", file=sys.stderr)
        return 1
    periods = []
    for zone in ZONES:
        current = None
        for date, flags, name in days:
            if date > last_summer:
                break
            if flags[zone]:
                if current and current[1] == date - datetime.timedelta(days=1) and current[2] == name:
                    current[1] = date
                else:
                    if current:
                        periods.append((zone, *current))
                    current = [date, date, name]
            elif current:
                periods.append((zone, *current))
                current = None
        if current:
            periods.append((zone, *current))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# School holidays of metropolitan France by zone, for the SH selector.\n")
        f.write(
            f"# Source: PyPI {PACKAGE} {version}, vacances_scolaires_france/data/data.csv "
            f"(sha256 {sha}), MIT licence.\n"
        )
        f.write("# Rebuilt by scripts/school_holidays.py; see data/README.md.\n")
        f.write("# covered<TAB>first day<TAB>last day; then zone<TAB>first day<TAB>last day<TAB>name\n")
        f.write(f"covered\t{START.isoformat()}\t{last_summer.isoformat()}\n")
        for zone, first, last, name in periods:
            f.write(f"{zone}\t{first.isoformat()}\t{last.isoformat()}\t{name}\n")
    print(f"{len(periods)} periods, {START} to {last_summer}, written to {os.path.normpath(OUT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
