"""The training run of a profile-guided build of the Python package (scripts/build-pgo.sh).

Runs the package's main jobs on the training file of `pgo_training_file.py` (the real places
of `data/hinaura.v1.csv` repeated with new ids, some rows broken; never the files the
benchmarks measure): read as CSV and JSON, written, indexed, searched, covered, deduplicated,
their opening hours evaluated; and the skills diagnostic on the examples.

    python scripts/pgo-train.py [--rows N]     # with the (instrumented) package installed
"""

from __future__ import annotations

import argparse
import json
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import inclusion
import pgo_training_file

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as directory:
        # Reading: CSV on one thread and on the default threads, at both levels; JSON.
        csv_path = Path(directory) / "train.csv"
        pgo_training_file.write(args.rows, csv_path)
        for _ in range(3):
            report = inclusion.read(csv_path, threads=1)
            inclusion.read(csv_path)
        inclusion.read(csv_path, level="strict", threads=1)
        json_bytes = json.dumps(report.records(), ensure_ascii=False).encode("utf-8")
        inclusion.read(json_bytes, threads=1)
        inclusion.read(json_bytes, lenient=True)
        places = report.places
        report.records()
        report.diagnostic_records()
        inclusion.write_json(places)
        inclusion.write_geojson(places)
        inclusion.to_data_inclusion(places, "pgo")

        # Nearest help: every kind of filter, one at a time and in batches.
        index = inclusion.HelpIndex(places, threads=1)
        inclusion.HelpIndex(places)
        at = datetime(2026, 3, 2, 18, 30, tzinfo=timezone.utc)
        grenoble = inclusion.communes.find("Grenoble")
        lat, lon = grenoble.latitude or 45.19, grenoble.longitude or 5.72
        positions = [(lat + (i % 40) * 0.02 - 0.4, lon + (i // 40) * 0.02 - 0.4) for i in range(1600)]
        for i, (a, b) in enumerate(positions):
            index.nearest(a, b, k=5)
            if i % 4 == 0:
                index.nearest(a, b, k=5, open_at=at + timedelta(hours=i % 100))
                index.nearest(a, b, k=3, services=["Aide aux démarches administratives"])
                index.within(a, b, 5.0)
        index.nearest_many(positions, k=5, threads=1)
        for name in ("Grenoble", "Lyon", "Saint-Étienne", "Annecy", "Clermont-Ferrand"):
            index.near_commune(name, k=5)

        # Opening hours of the places, evaluated over a week.
        for text in {p.horaires for p in places[:2000] if p.horaires}:
            hours = inclusion.OpeningHours(text, postcode="38000")
            hours.is_open(at)
            hours.next_change(at)
            hours.week(at.date())
            hours.describe()
        inclusion.OpeningHours.from_french("du lundi au vendredi de 9h à 12h et de 14h à 17h")

        # Coverage, duplicates, the skills diagnostic.
        inclusion.coverage(index, region="84", threads=1)
        some = places[:3000]
        inclusion.dedup({"a": some, "b": list(reversed(some))})
        for name in ("skills-no-skills-urgent.json", "skills-confident-needs-equipment.json"):
            inclusion.assess(json.loads((ROOT / "examples" / name).read_text(encoding="utf-8")))
        inclusion.eurostat_assess(
            json.loads((ROOT / "examples" / "skills-eurostat.json").read_text(encoding="utf-8"))
        )
    print(f"pgo-train: {report.rows} rows, {len(places)} places, {len(index)} indexed")


if __name__ == "__main__":
    main()
