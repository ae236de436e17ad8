"""The nearest-help index from Python, against a brute-force oracle on real places."""

from __future__ import annotations

import math
import random
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import List, Tuple, Union

import pytest

import inclusion
from conftest import BASE, anchor

EARTH_RADIUS_M = 6_371_008.8
ADMIN = "Aide aux démarches administratives"
TUESDAY_10H_PARIS = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


@pytest.fixture(scope="module")
def places() -> List[inclusion.Place]:
    report = inclusion.read(anchor("real-datasets/hub-du-sud-paca.20230517.json"))
    return report.places


def brute_force(
    places: List[inclusion.Place], lat: float, lon: float, keep: "type[object] | None" = None
) -> List[Tuple[float, str]]:
    out = []
    for p in places:
        if p.latitude is None or p.longitude is None:
            continue
        out.append((haversine_m(lat, lon, p.latitude, p.longitude), p.id))
    return sorted(out)


def test_nearest_agrees_with_a_brute_force_scan(places: List[inclusion.Place]) -> None:
    index = inclusion.HelpIndex(places)
    assert len(index) == sum(1 for p in places if p.latitude is not None)
    assert len(index.places) == len(places)
    rng = random.Random(7)
    for _ in range(200):
        lat, lon = rng.uniform(42.0, 45.5), rng.uniform(3.5, 8.0)
        hits = index.nearest(lat, lon, 5, at=TUESDAY_10H_PARIS)
        expected = brute_force(places, lat, lon)[:5]
        assert [h.place.id for h in hits] == [i for _, i in expected]
        for h, (d, _) in zip(hits, expected):
            assert h.distance_m == pytest.approx(d, rel=1e-9, abs=1e-6)


def test_filters_and_open_at_select_what_the_places_say(places: List[inclusion.Place]) -> None:
    index = inclusion.HelpIndex(places)
    lat, lon = 43.3, 5.4
    hits = index.nearest(lat, lon, 10, services=[ADMIN], open_at=TUESDAY_10H_PARIS)
    assert hits
    for h in hits:
        assert ADMIN in h.place.services
        assert h.open is True
        assert h.place.is_open(TUESDAY_10H_PARIS) is True
        assert h.next_change is not None and h.next_change > TUESDAY_10H_PARIS
    # The oracle: the 10 nearest places that offer the service and are open.
    expected = [
        i
        for _, i in brute_force(places, lat, lon)
        if any(p.id == i and ADMIN in p.services and p.is_open(TUESDAY_10H_PARIS) for p in places)
    ][:10]
    assert [h.place.id for h in hits] == expected
    # A single label works as a list of one.
    assert [h.place.id for h in index.nearest(lat, lon, 10, services=ADMIN, open_at=TUESDAY_10H_PARIS)] == expected


def test_nearest_many_answers_as_nearest_for_each_position(places: List[inclusion.Place]) -> None:
    index = inclusion.HelpIndex(places)
    rng = random.Random(11)
    # Enough positions for two threads (512 each at least), as tuples and as lists.
    positions: List[Tuple[float, float]] = [
        (rng.uniform(42.0, 45.5), rng.uniform(3.5, 8.0)) for _ in range(1_500)
    ]
    as_lists = [[lat, lon] for lat, lon in positions]
    for k, filters in [(1, {}), (3, {"services": [ADMIN]}), (2, {"open_at": TUESDAY_10H_PARIS})]:
        expected = [
            [(h.place.id, h.distance_m, h.open, h.next_change) for h in index.nearest(lat, lon, k, at=TUESDAY_10H_PARIS, **filters)]  # type: ignore[arg-type]
            for lat, lon in positions
        ]
        assert any(expected) and all(len(e) == k for e in expected)
        for threads in [1, 2, 3, None]:
            many = index.nearest_many(positions, k, at=TUESDAY_10H_PARIS, threads=threads, **filters)  # type: ignore[arg-type]
            got = [[(h.place.id, h.distance_m, h.open, h.next_change) for h in hits] for hits in many]
            assert got == expected, (k, filters, threads)
        from_lists = index.nearest_many(as_lists, k, at=TUESDAY_10H_PARIS, **filters)  # type: ignore[arg-type]
        assert [[h.place.id for h in hits] for hits in from_lists] == [[e[0] for e in hits] for hits in expected]
    # The hits hold the objects given, as `nearest`'s do.
    (first,) = index.nearest_many(positions[:1], 1, at=TUESDAY_10H_PARIS)
    assert any(first[0].place is p for p in places)
    assert index.nearest_many([], 3) == []


def test_nearest_many_reads_the_same_hours_in_each_place_s_own_time_zone() -> None:
    # The same text in Reims and in Saint-Denis de La Réunion (UTC+4): at 08:30 UTC it is
    # 09:30 in Reims (open) and 12:30 in Saint-Denis (closed), and their next changes differ.
    hours = "Mo-Fr 09:00-12:00"
    records = [
        dict(BASE, id="reims", latitude=49.25, longitude=4.03, horaires=hours),
        dict(BASE, id="reunion", code_postal="97400", commune="Saint-Denis", latitude=-20.88, longitude=55.45, horaires=hours),
    ]
    index = inclusion.HelpIndex(inclusion.validate_records(records))
    at = datetime(2026, 12, 1, 8, 30, tzinfo=timezone.utc)
    # Several positions near each, so that each place and each text is met more than once.
    positions = [(49.25 + i / 1000, 4.03) for i in range(3)] + [(-20.88 - i / 1000, 55.45) for i in range(3)]
    many = index.nearest_many(positions, 1, at=at)
    one_each = [index.nearest(lat, lon, 1, at=at) for lat, lon in positions]
    assert [[(h.place.id, h.open, h.next_change) for h in hits] for hits in many] == [
        [(h.place.id, h.open, h.next_change) for h in hits] for hits in one_each
    ]
    assert [hits[0].open for hits in many] == [True] * 3 + [False] * 3


def test_nearest_many_refuses_what_is_not_a_position(places: List[inclusion.Place]) -> None:
    index = inclusion.HelpIndex(places)
    with pytest.raises(inclusion.InvalidQueryError, match="latitude"):
        index.nearest_many([(43.0, 5.0), (95.0, 5.0)])
    with pytest.raises(inclusion.InvalidQueryError, match="k must be"):
        index.nearest_many([(43.0, 5.0)], 0)
    with pytest.raises(TypeError, match="item 1 is '43.0, 5.0'"):
        index.nearest_many([(43.0, 5.0), "43.0, 5.0"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="item 0 is b'ab'"):
        index.nearest_many([b"ab"])
    with pytest.raises(TypeError, match=r"item 0 is \(43.0, 5.0, 1.0\)"):
        index.nearest_many([(43.0, 5.0, 1.0)])
    with pytest.raises(TypeError, match=r"item 0 is \('a', 5.0\)"):
        index.nearest_many([("a", 5.0)])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="an iterable of"):
        index.nearest_many(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threads must be"):
        index.nearest_many([(43.0, 5.0)], threads=0)
    with pytest.raises(TypeError, match="filters are"):
        index.nearest_many([(43.0, 5.0)], service=[ADMIN])  # type: ignore[call-arg]


def test_within_returns_every_place_in_the_radius(places: List[inclusion.Place]) -> None:
    index = inclusion.HelpIndex(inclusion.read(anchor("real-datasets/hub-du-sud-paca.20230517.json")))
    hits = index.within(43.3, 5.4, 5.0, at=TUESDAY_10H_PARIS)
    expected = [i for d, i in brute_force(places, 43.3, 5.4) if d <= 5000.0]
    assert [h.place.id for h in hits] == expected
    limited = index.nearest(43.3, 5.4, 1000, radius_km=5.0, at=TUESDAY_10H_PARIS)
    assert [h.place.id for h in limited] == expected


def test_a_hit_is_the_place_object_given(places: List[inclusion.Place]) -> None:
    index = inclusion.HelpIndex(places)
    (hit,) = index.nearest(43.3, 5.4, 1, at=TUESDAY_10H_PARIS)
    assert any(hit.place is p for p in places)
    d = hit.to_dict()
    assert (d["id"], d["nom"]) == (hit.place.id, hit.place.nom)
    assert d["open"] == hit.open
    # From a report, the hits are the report's own objects, made when the index is built.
    report = inclusion.read(anchor("real-datasets/hub-du-sud-paca.20230517.json"))
    (from_report,) = inclusion.HelpIndex(report).nearest(43.3, 5.4, 1, at=TUESDAY_10H_PARIS)
    assert from_report.place.id == hit.place.id
    assert any(from_report.place is p for p in report.places)


def test_near_a_commune(places: List[inclusion.Place]) -> None:
    marseille = inclusion.communes.locate("Marseille")
    assert marseille.code == "13055" and marseille.departement == "13"
    assert marseille.latitude is not None and marseille.longitude is not None
    index = inclusion.HelpIndex(places)
    hits = index.nearest(marseille.latitude, marseille.longitude, 3, at=TUESDAY_10H_PARIS)
    assert all(h.distance_m < 10_000 for h in hits)


def test_communes_errors_name_the_problem() -> None:
    with pytest.raises(inclusion.CommuneError, match="no commune matches") as info:
        inclusion.communes.find("Grenobel")
    assert "Grenoble" in str(info.value)  # a suggestion
    assert isinstance(info.value, LookupError)
    with pytest.raises(inclusion.CommuneError, match="several communes"):
        inclusion.communes.find("Valence")
    assert inclusion.communes.find("Valence (26)").code == "26362"
    assert inclusion.communes.find("38000").name == "Grenoble"
    assert "Grenoble (38)" in inclusion.communes.suggest("Grenob")


def test_bad_queries_raise(places: List[inclusion.Place]) -> None:
    index = inclusion.HelpIndex(places)
    with pytest.raises(inclusion.InvalidQueryError, match="latitude"):
        index.nearest(95.0, 5.0)
    with pytest.raises(inclusion.InvalidQueryError, match="k must be"):
        index.nearest(43.0, 5.0, 0)
    with pytest.raises(inclusion.InvalidQueryError, match="distance"):
        index.within(43.0, 5.0, -1.0)
    with pytest.raises(inclusion.UnknownLabelError, match="expected one of") as info:
        index.nearest(43.0, 5.0, services=["Aide aux demarches administratives"])
    assert isinstance(info.value, ValueError)
    with pytest.raises(ValueError, match="naive datetime"):
        index.nearest(43.0, 5.0, open_at=datetime(2026, 12, 1, 10, 0))
    with pytest.raises(ValueError, match="naive datetime"):
        index.nearest(43.0, 5.0, at=datetime(2026, 12, 1, 10, 0))
    with pytest.raises(TypeError, match="datetime"):
        index.nearest(43.0, 5.0, open_at="2026-12-01T10:00Z")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="filters are"):
        index.nearest(43.0, 5.0, service=[ADMIN])  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="Place"):
        inclusion.HelpIndex([1, 2, 3])  # type: ignore[list-item]
    # A file where places are expected: read it first.
    files: List[Union[str, Path, bytes]] = ["data/places.csv", Path("data/places.csv"), b"id,pivot\n"]
    for file in files:
        with pytest.raises(TypeError, match=r"not a file \(\w+\): read it first, inclusion.read\(path\)"):
            inclusion.HelpIndex(file)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="read it first"):
            inclusion.write_csv(file)  # type: ignore[arg-type]


def test_an_aware_datetime_in_any_zone_is_the_same_instant(places: List[inclusion.Place]) -> None:
    index = inclusion.HelpIndex(places)
    paris = timezone(timedelta(hours=1))
    a = index.nearest(43.3, 5.4, 5, open_at=TUESDAY_10H_PARIS)
    b = index.nearest(43.3, 5.4, 5, open_at=TUESDAY_10H_PARIS.astimezone(paris))
    assert [h.place.id for h in a] == [h.place.id for h in b]


def test_near_commune_is_the_commune_plus_the_nearest_around(
    places: List[inclusion.Place],
) -> None:
    # The commune with the most places, named by its code INSEE; the oracle: every place of
    # the commune, plus the k nearest others within the radius, by brute force.
    codes = Counter(p.code_insee for p in places if p.code_insee)
    code, _ = codes.most_common(1)[0]
    index = inclusion.HelpIndex(places)
    for k, radius_km in [(3, 10.0), (1, 2.0), (None, 5.0)]:
        commune, answers = index.near_commune(code, k, radius_km=radius_km, at=TUESDAY_10H_PARIS)
        assert commune.code == code
        assert commune.latitude is not None and commune.longitude is not None
        inside = {p.id for p in places if p.code_insee == code}
        around = [
            (d, i)
            for d, i in brute_force(places, commune.latitude, commune.longitude)
            if d <= radius_km * 1000 and i not in inside
        ]
        expected_around = {i for _, i in (around if k is None else around[:k])}
        assert {a.place.id for a in answers if a.in_commune} == inside
        assert {a.place.id for a in answers if not a.in_commune} == expected_around
        assert all(not a.remote for a in answers)
        located = [a for a in answers if a.distance_m is not None]
        distances = [a.distance_m for a in located if a.distance_m is not None]
        assert distances == sorted(distances)
        for a in located:
            assert a.place.latitude is not None and a.place.longitude is not None
            assert a.distance_m == pytest.approx(
                haversine_m(commune.latitude, commune.longitude, a.place.latitude, a.place.longitude),
                rel=1e-9,
                abs=1e-6,
            )
        # Places of the commune without coordinates come last, without a distance.
        assert all(a.in_commune for a in answers[len(located) :])


def test_near_commune_lists_remote_help_apart(places: List[inclusion.Place]) -> None:
    # Two places that help at a distance, far from Marseille: Lyon, then Paris.
    remote_records = [
        dict(BASE, id=f"remote-{city}", commune=city, code_postal=cp, latitude=lat, longitude=lon,
             modalites_accompagnement=["À distance"])
        for city, cp, lat, lon in [("Lyon", "69001", 45.767, 4.834), ("Paris", "75001", 48.862, 2.336)]
    ]
    index = inclusion.HelpIndex(places + inclusion.validate_records(remote_records).places)
    _, after = index.near_commune("Marseille", 3, remote="after", at=TUESDAY_10H_PARIS)
    _, first = index.near_commune("Marseille", 3, remote="first", at=TUESDAY_10H_PARIS)
    _, none = index.near_commune("Marseille", 3, at=TUESDAY_10H_PARIS)
    remote = [a for a in after if a.remote]
    assert [a.place.id for a in remote] == ["remote-Lyon", "remote-Paris"]  # nearest first
    assert all(a.distance_m is None for a in remote)
    assert all(a.remote for a in after[-len(remote) :])  # after the on-site answers
    assert [a.place.id for a in first[: len(remote)]] == [a.place.id for a in remote]
    assert [a.place.id for a in none] == [a.place.id for a in after if not a.remote]
    # Filters apply to every list.
    _, admin = index.near_commune("Marseille", 3, remote="after", services=ADMIN)
    assert all(ADMIN in a.place.services for a in admin)
    with pytest.raises(ValueError, match="remote must be"):
        index.near_commune("Marseille", remote="sometimes")  # type: ignore[arg-type]
    with pytest.raises(inclusion.CommuneError, match="no commune matches"):
        index.near_commune("Marseile-sur-Lune")
    with pytest.raises(inclusion.InvalidQueryError):
        index.near_commune("Marseille", 0)
