"""Opening hours from Python: the reference parser's verdicts on the real corpus, the French
free-text corpus, time zones, and bad input."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import inclusion
from conftest import anchor_json

PARIS_WINTER = timezone(timedelta(hours=1))
PARIS = ZoneInfo("Europe/Paris")
STATES = {
    None: (None, None),
    "Île-de-France": ("75001", "75101"),  # school zone C
    "Moselle": ("57000", "57463"),
    "Bas-Rhin": ("67000", "67482"),
    "Haut-Rhin": ("68100", "68224"),
}


def test_validity_agrees_with_the_reference_parser_on_the_real_corpus() -> None:
    corpus = anchor_json("opening-hours/horaires-corpus.json")
    values = corpus["corpus"] + corpus["extra_examples"]
    assert len(values) > 800
    disagreements = []
    for entry in values:
        valid = entry["opening_hours_js"]["valid"]
        try:
            inclusion.OpeningHours(entry["value"])
            ours = True
        except inclusion.OpeningHoursError as e:
            assert entry["value"][:10] in str(e) or "character" in str(e)
            ours = False
        if ours != valid:
            disagreements.append(entry["value"])
    assert disagreements == []


def test_french_text_corpus_converts_with_the_reference_verdicts() -> None:
    corpus = anchor_json("opening-hours/french-text/corpus.public.json")
    checked = 0
    for case in corpus:
        conversion = inclusion.OpeningHours.from_french(case["text"])
        if case["expected_osm"] is None:
            assert conversion["osm"] is None, case["id"]
            assert conversion["why"], case["id"]
            continue
        assert conversion["osm"] is not None, case["id"]
        # The territory the reference evaluator used (its public and school holidays).
        postcode, insee = STATES[case.get("state")]
        hours = inclusion.OpeningHours(conversion["osm"], postcode=postcode, insee=insee)
        for check in case["checks"]:
            at = datetime.fromisoformat(check["at_local"]).replace(tzinfo=PARIS)
            assert hours.is_open(at) == check["open"], (case["id"], check)
            checked += 1
    assert checked >= 200


def test_evaluation_in_the_places_time_zone() -> None:
    text = "Mo-Fr 09:00-12:00,14:00-17:30; PH off"
    paris = inclusion.OpeningHours(text)
    reunion = inclusion.OpeningHours(text, postcode="97400")
    assert (paris.time_zone, reunion.time_zone) == ("Europe/Paris", "Indian/Reunion")
    at = datetime(2026, 12, 1, 10, 0, tzinfo=PARIS_WINTER)  # Tuesday 10:00 in Paris = 13:00 in Réunion
    assert paris.is_open(at) and paris.state(at) == "open"
    assert not reunion.is_open(at) and reunion.state(at) == "closed"
    change = paris.next_change(at)
    assert change == datetime(2026, 12, 1, 12, 0, tzinfo=PARIS_WINTER)
    assert change is not None and change.utcoffset() == timedelta(hours=1)
    assert reunion.next_opening(at) == datetime(2026, 12, 1, 14, 0, tzinfo=timezone(timedelta(hours=4)))
    # Christmas is a public holiday: closed all day.
    assert not paris.is_open(datetime(2026, 12, 25, 10, 0, tzinfo=PARIS_WINTER))
    assert paris.describe("en") == "Monday to Friday, 9:00–12:00 and 14:00–17:30; closed on public holidays"
    assert paris.state_line(at) == "Ouvert · ferme à 12 h"


def test_week_covers_monday_to_monday() -> None:
    hours = inclusion.OpeningHours("Mo-Fr 09:00-12:00")
    week = hours.week(date(2026, 5, 6))
    assert week[0][0] == datetime(2026, 5, 4, 0, 0, tzinfo=timezone(timedelta(hours=2)))
    assert week[-1][1] == datetime(2026, 5, 11, 0, 0, tzinfo=timezone(timedelta(hours=2)))
    for (_, end, _), (start, _, _) in zip(week, week[1:]):
        assert end == start
    opened = [(s, e) for s, e, state in week if state == "open"]
    assert len(opened) == 5
    assert all(e - s == timedelta(hours=3) for s, e in opened)


def test_corrected_forms_and_bad_input() -> None:
    h = inclusion.OpeningHours("Lundi 9h-12h")
    assert h.was_corrected and h.canonical == "Mo 09:00-12:00"
    with pytest.raises(inclusion.OpeningHoursError) as info:
        inclusion.OpeningHours("du lundi au vendredi de 9h à 12h")
    assert isinstance(info.value, ValueError)
    # Hours written in French: the error says what they read as, and how to use it.
    assert 'read as French it is "Mo-Fr 09:00-12:00"' in str(info.value)
    osm = inclusion.OpeningHours.from_french("du lundi au vendredi de 9h à 12h")["osm"]
    assert inclusion.OpeningHours(osm).canonical == "Mo-Fr 09:00-12:00"
    with pytest.raises(inclusion.OpeningHoursError) as info:
        inclusion.OpeningHours("voir le site internet")
    assert "French" not in str(info.value)
    with pytest.raises(ValueError, match="naive datetime"):
        h.is_open(datetime(2026, 12, 1, 10, 0))
    with pytest.raises(TypeError, match="datetime.date"):
        h.week(datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc))  # a datetime is not a date here
    with pytest.raises(ValueError, match="lang"):
        h.describe("de")  # type: ignore[arg-type]
