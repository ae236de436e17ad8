"""Coverage and deduplication from Python: a brute-force oracle for the distances, and the
labelled duplicates of the anchors."""

from __future__ import annotations

import csv
import io
import math
from typing import IO, List, Set, Tuple, Union

import pytest

import inclusion
from conftest import BASE, anchor, anchor_json


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
    # Region 93 (Provence-Alpes-Côte d'Azur): 900-odd communes, half on each of two threads.
    one = inclusion.coverage(index, region="93", services=ADMIN, threads=1)
    two = inclusion.coverage(index, region="93", services=ADMIN, threads=2)
    assert len(one.records()) > 900
    assert two.to_dict() == one.to_dict()
    # The default (None) is as many threads as the system gives.
    assert inclusion.coverage(index, region="93", services=ADMIN).to_dict() == one.to_dict()
    with pytest.raises(ValueError, match="threads must be 1 or more"):
        inclusion.coverage(index, region="93", threads=0)
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
    # A file by its path, its bytes or a file object: the same places.
    path = anchor("real-datasets/charente.20230711.json")
    data = path.read_bytes()
    by_path = inclusion.dedup({"one": path, "two": report})
    with open(path, "rb") as opened:
        sources: List[Union[IO[bytes], memoryview, bytearray]] = [
            opened,
            io.BytesIO(data),
            memoryview(data),
            bytearray(data),
        ]
        for source in sources:
            other = inclusion.dedup({"one": source, "two": report})
            assert other.pairs() == by_path.pairs(), type(source)
    with pytest.raises(TypeError, match="text mode"):
        inclusion.dedup({"x": io.StringIO("id\n")})  # type: ignore[dict-item]
    with pytest.raises(FileNotFoundError):
        inclusion.dedup({"x": "/nonexistent/file.csv"})
    with pytest.raises(inclusion.UnreadableFileError):
        inclusion.dedup({"x": b"not a file"})
    with pytest.raises(TypeError, match="mapping"):
        inclusion.dedup([report])  # type: ignore[arg-type]


def labelled_sources() -> Tuple[List[inclusion.Place], Set[Tuple[str, str]]]:
    truth = anchor_json("dedup/synthetic.public.truth.json")
    a = inclusion.read(anchor("dedup/" + truth["a_file"]), lenient=True)
    b = inclusion.read(anchor("dedup/" + truth["b_file"]), lenient=True)
    expected = {(d["a_id"], d["b_id"]) for d in truth["duplicates"]}
    return a.places + b.places, expected


def test_find_duplicates_explains_each_pair() -> None:
    places, expected = labelled_sources()
    pairs = inclusion.find_duplicates(places)
    duplicates = [p for p in pairs if p["decision"] == "duplicate"]
    found = {tuple(sorted((p["left"], p["right"]), key=lambda i: i.startswith("b-"))) for p in duplicates}
    precision = len(found & expected) / len(found)
    recall = len(found & expected) / len(expected)
    assert precision >= 0.98 and recall >= 0.95, (precision, recall)
    assert {p["decision"] for p in pairs} <= {"duplicate", "review"}
    scores = [p["score"] for p in pairs]
    assert scores == sorted(scores, reverse=True)
    by_id = {p.id: p for p in places}
    for pair in pairs[:20]:
        assert pair["reasons"] and all(r["fr"] and r["en"] for r in pair["reasons"])
        # explain() on the two places gives the same decision, score and reasons.
        alone = inclusion.explain(by_id[pair["left"]], by_id[pair["right"]])
        assert (alone["decision"], alone["score"], alone["reasons"]) == (
            pair["decision"],
            pair["score"],
            pair["reasons"],
        )
    # keep_distinct adds the pairs compared and found distinct, and nothing else changes.
    every = inclusion.find_duplicates(places, keep_distinct=True)
    assert [p for p in every if p["decision"] != "distinct"] == pairs
    assert any(p["decision"] == "distinct" for p in every)
    # A smaller radius compares fewer candidates (those found by name within a commune stay).
    assert len(inclusion.find_duplicates(places, radius_m=1.0)) <= len(pairs)
    with pytest.raises(inclusion.DedupError, match="radius_m"):
        inclusion.find_duplicates(places, radius_m=0.0)


def test_merge_and_quality() -> None:
    places, expected = labelled_sources()
    by_id = {p.id: p for p in places}
    left, right = sorted(expected)[0]
    merged, details = inclusion.merge([by_id[left], by_id[right]])
    again, _ = inclusion.merge([by_id[right], by_id[left]])
    assert isinstance(merged, inclusion.Place)
    assert merged.id.startswith("merged-") and merged.id == again.id  # stable, order-free
    assert sorted(details["members"]) == sorted([left, right])
    assert "place" not in details and isinstance(details["provenance"], list)
    # Lists are unioned, single values come from a member.
    for column in ("services", "typologie"):
        union = set(getattr(by_id[left], column)) | set(getattr(by_id[right], column))
        assert set(getattr(merged, column)) == union, column
    assert merged.nom in (by_id[left].nom, by_id[right].nom)
    with pytest.raises(inclusion.DedupError):
        inclusion.merge([])

    q = inclusion.quality(merged)
    assert 0 <= q["score"] <= 100 and len(q["criteria"]) == 8
    # A phone number is worth something: the same record with one scores higher.
    bare = inclusion.validate_records([BASE]).places[0]
    with_phone = inclusion.validate_records([dict(BASE, telephone="+33326000000")]).places[0]
    assert inclusion.quality(with_phone)["score"] > inclusion.quality(bare)["score"]


def test_dedup_parts_agree_with_the_whole_report() -> None:
    truth = anchor_json("dedup/synthetic.public.truth.json")
    result = inclusion.dedup(
        {"a": anchor("dedup/" + truth["a_file"]), "b": anchor("dedup/" + truth["b_file"])}
    )
    whole = result.to_dict()
    assert result.clusters() == whole["clusters"]["clusters"]
    assert result.merged() == whole["merged"]
    rows = list(csv.reader(io.StringIO(result.review_csv())))
    assert rows[0][-1] == "verdict"
    reviews = [p for p in result.pairs() if p["decision"] == "review"]
    assert len(rows) - 1 == len(reviews)
    assert {float(r[0]) for r in rows[1:]} == {round(p["score"], 1) for p in reviews}
