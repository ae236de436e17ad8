"""Property tests: whatever the input, the readers give a report or raise the library's
exception, never crash (a Rust panic would surface as ``pyo3_runtime.PanicException``, which
is not an ``Exception`` and fails these tests)."""

from __future__ import annotations

import io
import json
from typing import Any, Dict, List, Tuple, Union

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import inclusion
from conftest import anchor, anchor_json

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

COLUMNS = list(inclusion.COLUMNS)
PIECES = list("09-:.,;|\"'\n\r\t ?éÉàx@/") + [
    "Aide aux démarches administratives",
    "Gratuit",
    "2024-04-02",
    "43493312300029",
    "Mo-Fr 09:00-12:00",
    "45.19",
]
CELL = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


def check_report(report: inclusion.Report) -> None:
    assert report.valid + report.invalid == report.rows
    assert len(report.places) <= report.rows
    for d in report.diagnostics:
        assert d.severity in ("error", "warning")
        assert d.code and d.message_fr and d.message_en
        if d.row is not None:
            # CSV: the header is row 1; JSON: the first record is row 1.
            assert 1 <= d.row <= report.rows + 1
    for c in report.counts():
        assert c["kept"] <= c["found"]


def read_or_refuse(data: bytes, **options: Any) -> None:
    try:
        report = inclusion.read(data, **options)
    except inclusion.UnreadableFileError as e:
        assert str(e)
        return
    check_report(report)


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["standard", "strict"]), st.booleans())
def test_any_bytes_give_a_report_or_an_unreadable_error(data: bytes, level: str, lenient: bool) -> None:
    read_or_refuse(data, level=level, lenient=lenient)
    # The same bytes in a file object read the same.
    outcomes: List[object] = []
    sources: List[Union[bytes, io.BytesIO]] = [data, io.BytesIO(data)]
    for source in sources:
        try:
            report = inclusion.read(source, level=level, lenient=lenient)  # type: ignore[arg-type]
            outcomes.append((report.rows, report.places, report.diagnostic_records()))
        except inclusion.UnreadableFileError as e:
            outcomes.append(str(e))
    assert outcomes[0] == outcomes[1]


@SETTINGS
@given(
    st.lists(st.sampled_from(COLUMNS + ["extra", "services", ""]), min_size=1, max_size=12),
    st.lists(st.lists(CELL, max_size=14), max_size=8),
    st.sampled_from([",", ";"]),
)
def test_csv_like_text_never_crashes(header: List[str], rows: List[List[str]], sep: str) -> None:
    text = sep.join(header) + "\n" + "\n".join(sep.join(r) for r in rows)
    read_or_refuse(text.encode("utf-8"))
    read_or_refuse(text.encode("utf-8"), level="strict", lenient=True)


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.integers() | CELL,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@SETTINGS
@given(st.lists(st.dictionaries(st.sampled_from(COLUMNS + ["x"]), JSON_VALUE, max_size=12), max_size=6))
def test_json_records_never_crash(records: List[Dict[str, Any]]) -> None:
    read_or_refuse(json.dumps(records).encode("utf-8"), level="strict")


VALID = {
    "id": "p1",
    "pivot": "43493312300029",
    "nom": "Mairie",
    "commune": "Reims",
    "code_postal": "51100",
    "adresse": "1 place X",
    "date_maj": "2024-04-02",
}


@SETTINGS
@given(st.dictionaries(st.sampled_from(COLUMNS), CELL | st.floats(allow_nan=True) | st.none(), max_size=10))
def test_records_validate_and_valid_places_round_trip(changes: Dict[str, Any]) -> None:
    record: Dict[str, Any] = dict(VALID, **changes)
    report = inclusion.validate_records([record], level="strict")
    check_report(report)
    if report.places:
        text = inclusion.write_csv(report.places)
        assert text is not None
        again = inclusion.read(text.encode("utf-8"), level="strict")
        assert again.places == report.places
        assert inclusion.write_csv(again.places) == text


@SETTINGS
@given(st.text(max_size=60))
def test_any_opening_hours_text_parses_or_raises_the_library_error(text: str) -> None:
    try:
        hours = inclusion.OpeningHours(text)
    except inclusion.OpeningHoursError as e:
        assert str(e)
        return
    hours.describe("fr")


def labelled_places() -> List[inclusion.Place]:
    truth = anchor_json("dedup/synthetic.public.truth.json")
    a = inclusion.read(anchor("dedup/" + truth["a_file"]), lenient=True).places
    b = inclusion.read(anchor("dedup/" + truth["b_file"]), lenient=True).places
    # Twenty labelled duplicate pairs, and twenty other places.
    wanted = {i for d in truth["duplicates"][:20] for i in (d["a_id"], d["b_id"])}
    return [p for p in a + b if p.id in wanted] + [p for p in a if p.id not in wanted][:20]


def pair_key(pair: Dict[str, Any]) -> Tuple[str, str]:
    left, right = str(pair["left"]), str(pair["right"])
    return (left, right) if left < right else (right, left)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_duplicates_and_merges_do_not_depend_on_the_order(data: st.DataObject) -> None:
    places = labelled_places()
    shuffled = data.draw(st.permutations(places))
    first = {pair_key(p): (p["decision"], p["score"]) for p in inclusion.find_duplicates(places)}
    again = {pair_key(p): (p["decision"], p["score"]) for p in inclusion.find_duplicates(shuffled)}
    assert first == again
    assert sum(decision == "duplicate" for decision, _ in first.values()) >= 15
    members = data.draw(st.lists(st.sampled_from(places), min_size=1, max_size=4))
    merged, details = inclusion.merge(members)
    reordered, _ = inclusion.merge(list(reversed(members)))
    assert merged.id == reordered.id
    assert sorted(details["members"]) == sorted({p.id for p in members})
    assert 0 <= inclusion.quality(merged)["score"] <= 100
