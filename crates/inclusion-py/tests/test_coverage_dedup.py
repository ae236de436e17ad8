"""Coverage and deduplication from Python: a brute-force oracle for the distances, and the
labelled duplicates of the anchors."""

from __future__ import annotations

import math

import pytest

import inclusion
from conftest import anchor, anchor_json

ADMIN = "Aide aux démarches administratives"


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_008.8 * math.asin(min(1.0, math.sqrt(a)))


def test_coverage_distances_are_the_nearest_matching_place() -> None:
    report = inclusion.read(anchor("real-datasets/hub-du-sud-paca.20230517.json"))
    matching = [
        (p.latitude, p.longitude)
        for p in report.places
        if ADMIN in p.services and p.latitude is not None and p.longitude is not None
    ]
    index = inclusion.HelpIndex(report)
    coverage = inclusion.coverage(index, departement="13", services=ADMIN, thresholds_km=[5, 10])
    records = coverage.records()
    assert len(records) > 100
    located = [r for r in records if r["latitude"] is not None]
    assert located
    for r in located:
        nearest = min(haversine_m(r["latitude"], r["longitude"], a, b) for a, b in matching)
        assert r["distance_m"] == pytest.approx(nearest, abs=0.002), r["code"]
        assert r["band"] == (r["distance_m"] > 5000) + (r["distance_m"] > 10000)
    whole = coverage.to_dict()
    assert whole["places"]["matching"] == len(matching)
    assert whole["total"]["communes"] == len(records)
    areas = coverage.area_records()
    assert areas[0]["kind"] == "territory"
    assert coverage.to_csv().splitlines()[0].startswith("code_insee,nom,departement")
    assert "Bouches-du-Rhône" in coverage.summary()
    with pytest.raises(inclusion.CoverageError, match="région"):
        inclusion.coverage(index, region="99")
    with pytest.raises(ValueError, match="at most one"):
        inclusion.coverage(index, region="93", departement="13")


def test_dedup_finds_the_labelled_duplicates() -> None:
    truth = anchor_json("dedup/synthetic.public.truth.json")
    a = anchor("dedup/" + truth["a_file"])
    b = anchor("dedup/" + truth["b_file"])
    result = inclusion.dedup({"a": a, "b": b.read_bytes()})
    expected = {(d["a_id"], d["b_id"]) for d in truth["duplicates"]}
    found = set()
    for pair in result.pairs():
        if pair["decision"] == "duplicate":
            left, right = pair["left"], pair["right"]
            found.add((left, right) if left.startswith("b-") is False else (right, left))
    true_positives = len(found & expected)
    precision = true_positives / len(found)
    recall = true_positives / len(expected)
    # The figures of the README (0.993 / 0.970), with the targets as the floor.
    assert precision >= 0.98 and recall >= 0.95, (precision, recall)
    whole = result.to_dict()
    assert len(whole["merged"]) == len(whole["clusters"]["clusters"])
    assert [sorted(m["members"]) for m in whole["merged"]] == [
        sorted(c["members"]) for c in whole["clusters"]["clusters"]
    ]
    # Every place ends up once: the clustered ones merged, the others as they were.
    members = sum(len(c["members"]) for c in whole["clusters"]["clusters"])
    rows = sum(f["places"] for f in whole["files"])
    assert len(result.places) == rows - members + len(whole["clusters"]["clusters"])


def test_dedup_takes_reports_and_places() -> None:
    report = inclusion.read(anchor("real-datasets/charente.20230711.json"))
    twice = inclusion.dedup({"one": report, "two": list(report.places)})
    # The same file twice: every place of the second source is a duplicate of the first.
    duplicates = [p for p in twice.pairs() if p["decision"] == "duplicate"]
    assert len(duplicates) >= len(report.places) * 0.9
    assert len(twice.places) < 2 * len(report.places)
    with pytest.raises(FileNotFoundError):
        inclusion.dedup({"x": "/nonexistent/file.csv"})
    with pytest.raises(inclusion.UnreadableFileError):
        inclusion.dedup({"x": b"not a file"})
    with pytest.raises(TypeError, match="mapping"):
        inclusion.dedup([report])  # type: ignore[arg-type]
