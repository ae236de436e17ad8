"""Reading and writing files of the standard: conformance on the anchors (the official
example, the official validator's verdicts, real datasets), and bad input."""

from __future__ import annotations

import concurrent.futures
import csv
import gc
import io
import json
import zipfile
from datetime import date
from pathlib import Path
from typing import IO, Dict, List, Union

import pytest

import inclusion
from conftest import BASE, anchor, anchor_json

COLUMNS = inclusion.COLUMNS



def one_row_csv(field: str, value: str) -> bytes:
    """The minimal valid record of the official verdicts, one field replaced."""
    out = io.StringIO()
    w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(COLUMNS)
    w.writerow([value if c == field else BASE.get(c, "") for c in COLUMNS])
    return out.getvalue().encode("utf-8")


def test_the_header_has_the_32_columns_of_the_standard() -> None:
    assert len(COLUMNS) == 32
    assert COLUMNS[:3] == ("id", "pivot", "nom")
    assert "date_maj" in COLUMNS
    # The canonical CSV's header is these columns, in this order.
    text = inclusion.write_csv(inclusion.read(one_row_csv("nom", "X"))) or ""
    assert tuple(next(csv.reader(io.StringIO(text)))) == COLUMNS


def test_official_example_reads_without_diagnostic_and_round_trips() -> None:
    path = anchor("standard-mediation-num/exemple-valide-v1.0.2.csv")
    report = inclusion.read(path)
    assert report.diagnostics == []
    assert (report.rows, report.valid, report.invalid) == (1, 1, 0)
    assert report.format == "csv" and report.version == "1.0"
    place = report.places[0]
    assert place.id == "structure-1"
    assert len(place.services) == 3
    assert len(place.modalites_accompagnement) == 4
    assert (place.latitude, place.longitude) == (43.52609, 5.41423)
    assert isinstance(place.date_maj, date)
    # Every cell of the official example is in the record, unchanged.
    with open(path, encoding="utf-8") as f:
        row = next(csv.DictReader(f))
    record = place.to_dict()
    for name, value in row.items():
        if value:
            assert str(record[name]) == value, name
    # read -> write -> read gives equal places; writing again is byte-identical.
    text = inclusion.write_csv(report)
    assert text is not None
    again = inclusion.read(text.encode("utf-8"))
    assert again.diagnostics == [] and again.places == report.places
    assert inclusion.write_csv(again.places) == text
    # And through JSON: the records are the JSON form.
    json_text = inclusion.write_json(report.places)
    assert json_text is not None
    assert json.loads(json_text) == report.records()
    assert inclusion.read(json_text.encode("utf-8")).places == report.places


def test_field_edge_cases_match_the_official_validator() -> None:
    cases = anchor_json("standard-mediation-num/field-edge-cases.frictionless.json")["cases"]
    assert len(cases) == 55
    mismatches = []
    for case in cases:
        field, value, expected = case["field"], case["value"], case["standard_valid"]
        report = inclusion.read(one_row_csv(field, value))
        assert report.rows == 1
        if (report.invalid == 0) != expected:
            mismatches.append((field, value, expected, [str(d) for d in report.diagnostics]))
        if not expected:
            # The error names the field and the value (a value longer than 200 characters as
            # its first 200 and "…"), and the row is dropped.
            kept = value if len(value) <= 200 else value[:200] + "…"
            assert any(
                d.severity == "error" and d.column == field and d.value == kept
                for d in report.diagnostics
            ), (field, value)
            assert report.places == []
        else:
            assert len(report.places) == 1
    assert mismatches == []


@pytest.mark.parametrize(
    "name, rows, valid, invalid",
    [
        ("hub-du-sud-paca.20230517.json", 646, 646, 0),
        ("charente.20230711.json", 188, 188, 0),
        ("nouvelle-caledonie.20240320.json", 90, 78, 12),
        ("bus-france-services-charente.20231003.json", 12, 0, 12),
    ],
)
def test_real_datasets_give_the_official_validator_counts(
    name: str, rows: int, valid: int, invalid: int
) -> None:
    report = inclusion.read(anchor(f"real-datasets/{name}"), version="1.0")
    assert (report.rows, report.valid, report.invalid) == (rows, valid, invalid)
    assert len(report.places) == valid
    errors = [d for d in report.diagnostics if d.severity == "error"]
    assert all(d.row is not None and d.column is not None for d in errors)
    if name.startswith("nouvelle-caledonie"):
        assert len(errors) == 12
        assert {(d.code, d.column) for d in errors} == {("max_length", "presentation_resume")}
        counts = {c["code"]: c for c in report.counts()}
        assert counts["max_length"]["found"] == 12 and counts["max_length"]["kept"] == 12


def test_strict_level_adds_warnings_and_reads_bytes_and_paths_alike() -> None:
    path = anchor("real-datasets/hub-du-sud-paca.20230517.json")
    strict = inclusion.read(str(path), level="strict")
    assert strict.invalid == 0
    assert "pivot.placeholder" in {d.code for d in strict.diagnostics if d.severity == "warning"}
    assert sum(1 for p in strict.places if p.latitude is None) == 4
    from_bytes = inclusion.read(path.read_bytes(), level="strict")
    assert from_bytes.places == strict.places
    assert [d.to_dict() for d in from_bytes.diagnostics] == strict.diagnostic_records()


def test_file_objects_and_memoryviews_read_as_their_bytes(tmp_path: Path) -> None:
    path = anchor("real-datasets/hub-du-sud-paca.20230517.json")
    data = path.read_bytes()
    expected = inclusion.read(path)
    assert expected.rows > 600
    archive = tmp_path / "places.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("places.json", data)
    with open(path, "rb") as opened, zipfile.ZipFile(archive) as z, z.open("places.json") as member:
        sources: List[Union[IO[bytes], memoryview]] = [io.BytesIO(data), opened, member, memoryview(data)]
        for source in sources:
            report = inclusion.read(source)
            assert report.rows == expected.rows, type(source)
            assert report.places == expected.places, type(source)
            assert report.diagnostic_records() == expected.diagnostic_records(), type(source)
    # A file object is read from where it stands.
    partly = io.BytesIO(b"junk\n" + data)
    partly.readline()
    assert inclusion.read(partly).places == expected.places

    # A read() that gives a bytearray is read as bytes.
    class Chunked:
        def read(self) -> bytearray:
            return bytearray(data)

    assert inclusion.read(Chunked()).places == expected.places  # type: ignore[arg-type]


def test_v01_files_are_migrated() -> None:
    report = inclusion.read(anchor("real-datasets/hinaura.schema-v0.1.json"))
    assert report.version == "0.1"
    assert report.rows > 0 and len(report.places) == report.rows


def test_a_bad_row_is_reported_and_the_good_rows_come_through() -> None:
    header = ",".join(BASE)
    good = ",".join(BASE.values())
    bad = good.replace("2024-04-02", "2024-13-02").replace("structure-1", "structure-2")
    report = inclusion.read(f"{header}\n{good}\n{bad}\n".encode())
    assert (report.rows, report.valid, report.invalid) == (2, 1, 1)
    assert [p.id for p in report.places] == ["structure-1"]
    (d,) = [d for d in report.diagnostics if d.severity == "error"]
    assert (d.row, d.column, d.value, d.code) == (3, "date_maj", "2024-13-02", "date")
    assert "2024-13-02" in d.message_en and d.message_fr != d.message_en


def test_threads_give_the_report_of_one_thread(tmp_path: Path) -> None:
    # More than 4 MB (the size from which a file is cut into parts), with bad rows and an id
    # of the second half repeated from the first.
    header = ",".join(BASE)
    good = ",".join(BASE.values())
    lines = [header]
    for i in range(14_000):
        row = good.replace("structure-1", f"structure-{i % 13_000}")
        if i % 997 == 0:
            row = row.replace("2024-04-02", "2024-13-02")
        lines.append(row + ",texte assez long pour grossir le fichier " + "x" * 200)
    data = ("\n".join(lines) + "\n").encode()
    data = data.replace(header.encode(), (header + ",note").encode(), 1)
    assert len(data) > 4_000_000
    one = inclusion.read(data, threads=1)
    assert one.rows == 14_000 and 1_000 <= one.invalid <= 1_015

    def key(d: inclusion.Diagnostic) -> tuple[object, ...]:
        return (d.row, d.column, d.value, d.code, d.severity)

    written = inclusion.write_csv(one)
    ids = [p.id for p in one.places]
    # The default (None) is as many threads as the system gives.
    for threads in [2, 3, None]:
        other = inclusion.read(data, threads=threads)
        # The places of a report read in parts stay one vector per part until work needs
        # them as one: an index copies them from the parts, writing joins them.
        assert [p.id for p in inclusion.HelpIndex(other, threads=1).places] == [
            p.id for p in inclusion.HelpIndex(one, threads=1).places
        ]
        assert inclusion.write_csv(other) == written
        assert (other.rows, other.valid, other.invalid) == (one.rows, one.valid, one.invalid)
        assert [p.id for p in other.places] == ids
        assert [key(d) for d in other.diagnostics] == [key(d) for d in one.diagnostics]
        # Objects made from the parts, without joining them first.
        assert [p.id for p in inclusion.read(data, threads=threads).places] == ids
    # The same bytes from a file: read from disk a chunk at a time, on one thread or in parts.
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    for threads in [1, 2, None]:
        from_disk = inclusion.read(path, threads=threads)
        assert [p.id for p in from_disk.places] == ids
        assert [key(d) for d in from_disk.diagnostics] == [key(d) for d in one.diagnostics]
        assert inclusion.write_csv(from_disk) == written
    with pytest.raises(ValueError, match="threads must be 1 or more"):
        inclusion.read(data, threads=0)


def test_the_garbage_collector_is_left_as_it_was_found() -> None:
    """The package pauses Python's cyclic collector while it makes many objects: it runs
    again after, and stays off when the caller had turned it off."""
    data = one_row_csv("nom", "X")
    assert gc.isenabled()
    report = inclusion.read(data)
    assert report.records() and gc.isenabled()
    inclusion.to_data_inclusion(report, "test")
    assert gc.isenabled()
    with pytest.raises(inclusion.InclusionError):
        inclusion.read(b"\x00\x01 not a file of the standard")
    assert gc.isenabled()
    gc.disable()
    try:
        assert inclusion.read(data).valid == 1 and not gc.isenabled()
        report.records()
        assert not gc.isenabled()
    finally:
        gc.enable()


def place_objects_alive() -> int:
    return sum(isinstance(o, inclusion.Place) for o in gc.get_objects())


def test_places_become_objects_once_and_only_when_asked() -> None:
    data = anchor("real-datasets/hub-du-sud-paca.20230517.json").read_bytes()
    before = place_objects_alive()
    report = inclusion.read(data)
    assert report.valid > 600 and len(report) == report.valid
    # Written and converted from the places held in Rust: no Place object made.
    csv_text = inclusion.write_csv(report)
    converted = inclusion.to_data_inclusion(report, "test")
    assert place_objects_alive() == before
    places = report.places
    assert place_objects_alive() == before + report.valid
    assert report.places is places and len(places) == len(report)
    # The same text from the objects as from the Rust places.
    assert inclusion.write_csv(report) == csv_text == inclusion.write_csv(places)
    assert inclusion.to_data_inclusion(places, "test") == converted
    assert report.records() == [p.to_dict() for p in places]
    assert place_objects_alive() == before + report.valid


def test_writers_and_objects_from_several_threads_agree() -> None:
    # Writers borrow the places held in Rust with the interpreter released, while another
    # thread may make them into objects: each writer sees one or the other, never a half.
    data = anchor("real-datasets/hub-du-sud-paca.20230517.json").read_bytes()
    expected = inclusion.write_csv(inclusion.read(data))
    for _ in range(3):
        report = inclusion.read(data)
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            texts = [pool.submit(inclusion.write_csv, report) for _ in range(6)]
            places = pool.submit(lambda: report.places)
            assert all(t.result(timeout=60) == expected for t in texts)
            assert len(places.result(timeout=60)) == report.valid
        assert inclusion.write_csv(report) == expected


def test_validate_records_applies_the_same_rules() -> None:
    records: List[Dict[str, object]] = [
        dict(BASE, latitude=49.2583, longitude=4.0317, services=["Aide aux démarches administratives"]),
        dict(BASE, id="structure-2", code_postal="5110"),
    ]
    report = inclusion.validate_records(records)
    assert (report.rows, report.valid, report.invalid) == (2, 1, 1)
    place = report.places[0]
    assert place.latitude == 49.2583 and place.services == ["Aide aux démarches administratives"]
    assert [d.code for d in report.diagnostics] == ["pattern"]
    with pytest.raises(TypeError, match="dict"):
        inclusion.validate_records(["not a record"])  # type: ignore[list-item]


def test_writers_write_files(tmp_path: Path) -> None:
    report = inclusion.read(anchor("standard-mediation-num/exemple-valide-v1.0.2.csv"))
    for writer, name in [
        (inclusion.write_csv, "out.csv"),
        (inclusion.write_json, "out.json"),
        (inclusion.write_geojson, "out.geojson"),
    ]:
        target = tmp_path / name
        assert writer(report, target) is None
        assert target.read_text(encoding="utf-8") == writer(report)
    geo = json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    assert geo["features"][0]["geometry"]["coordinates"] == [5.41423, 43.52609]
    assert inclusion.read(tmp_path / "out.csv").places == report.places
    # To a file object: a text one gets the text, a binary one its UTF-8 bytes.
    for writer in [inclusion.write_csv, inclusion.write_json, inclusion.write_geojson]:
        text = writer(report)
        assert text is not None and "é" in text
        as_text = io.StringIO()
        as_bytes = io.BytesIO()
        assert writer(report, as_text) is None and writer(report, as_bytes) is None
        assert as_text.getvalue() == text
        assert as_bytes.getvalue() == text.encode("utf-8")
        with open(tmp_path / "t", "w", encoding="utf-8") as t, open(tmp_path / "b", "wb") as b:
            writer(report, t)
            writer(report, b)
        assert (tmp_path / "t").read_bytes() == (tmp_path / "b").read_bytes() == text.encode("utf-8")


def test_to_data_inclusion_gives_structures_and_services() -> None:
    report = inclusion.read(anchor("real-datasets/hub-du-sud-paca.20230517.json"))
    export = inclusion.to_data_inclusion(report, "hub-du-sud")
    assert len(export["structures"]) == len(report.places)
    assert export["services"], "places offer services"
    # Each structure keeps its place's own source; the one given is for places without one.
    expected = [p.source or "hub-du-sud" for p in report.places]
    assert [s["source"] for s in export["structures"]] == expected
    assert len(set(expected)) > 1, "the real file has several sources"
    ids = {s["id"] for s in export["structures"]}
    assert all(s["structure_id"] in ids for s in export["services"])


# --- bad input -------------------------------------------------------------------------------


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "absent.csv"
    with pytest.raises(FileNotFoundError, match="absent.csv"):
        inclusion.read(missing)


def test_bytes_that_are_not_a_standard_file_are_unreadable() -> None:
    for data in [b"\x00\x01\x02 not a file", b"a,b,c\n1,2,3\n", b"[1, 2", b"{}"]:
        with pytest.raises(inclusion.UnreadableFileError) as info:
            inclusion.read(data)
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, inclusion.InclusionError)
        assert str(info.value).startswith("the file cannot be read")


def test_wrong_arguments_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="level must be"):
        inclusion.read(b"", level="lenient")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="version must be"):
        inclusion.read(b"", version="2.0")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="path"):
        inclusion.read(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="pass its bytes"):
        inclusion.read("id,pivot,nom\n1,2,3\n")
    with pytest.raises(TypeError, match="text mode"):
        inclusion.read(io.StringIO("id,pivot,nom\n1,2,3\n"))  # type: ignore[arg-type]

    class Odd:
        def read(self) -> int:
            return 42

    with pytest.raises(TypeError, match="read\\(\\) gave int, not bytes"):
        inclusion.read(Odd())  # type: ignore[arg-type]

    class Failing:
        def read(self) -> bytes:
            raise OSError("the disk is gone")

    with pytest.raises(OSError, match="the disk is gone"):
        inclusion.read(Failing())
    with pytest.raises(TypeError, match="Place"):
        inclusion.write_csv([{"id": "x"}])  # type: ignore[list-item]
