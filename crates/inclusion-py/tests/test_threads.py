"""Long work runs without holding the interpreter: another Python thread goes on meanwhile.

The main thread wakes up every millisecond while the work runs in another thread, with a
switch interval of one second: it gets the interpreter back at once from a call that has
released it, and waits for the end of a call that holds it (the control, `Report.records()`,
which builds Python objects)."""

from __future__ import annotations

import json
import sys
import threading
import time
from typing import Any, Callable, List

import pytest

import inclusion
from conftest import anchor_json


def wakeups_per_second(work: Callable[[], Any]) -> float:
    """How many times per second of `work` (timed by its own thread) the main thread wakes
    up while `work` runs in another thread."""
    span: List[float] = []

    def run() -> None:
        span.append(time.perf_counter())
        work()
        span.append(time.perf_counter())

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1.0)
    try:
        t = threading.Thread(target=run)
        t.start()
        wakeups: List[float] = []
        while t.is_alive():
            time.sleep(0.001)  # releases the interpreter; taking it back needs the worker's leave
            wakeups.append(time.perf_counter())
        t.join()
    finally:
        sys.setswitchinterval(interval)
    # Only the wake-ups while `work` ran: one before it starts or after it ends, divided by
    # a short span, would count as several per second.
    n = sum(1 for w in wakeups if span[0] <= w <= span[1])
    return n / max(span[1] - span[0], 1e-9)


def test_reading_and_indexing_let_other_threads_run() -> None:
    base = anchor_json("real-datasets/hub-du-sud-paca.20230517.json")
    rows = [dict(r, id=f"{r['id']}-{i}") for i in range(40) for r in base]
    data = json.dumps(rows).encode("utf-8")
    reports: List[inclusion.Report] = []
    reading = wakeups_per_second(lambda: reports.append(inclusion.read(data, level="strict")))
    report = reports[0]
    assert report.rows == 40 * len(base)
    holding = wakeups_per_second(lambda: report.records())
    indexing = wakeups_per_second(lambda: inclusion.HelpIndex(report))
    # Hundreds of wake-ups per second against at most a few (one per second of switch interval).
    assert reading > 50 and indexing > 20, (reading, indexing)
    assert holding < 5, holding


def test_an_index_built_on_two_threads_answers_as_one_built_on_one() -> None:
    base = anchor_json("real-datasets/hub-du-sud-paca.20230517.json")
    # Over 8,192 places, the fewest an index builds on two threads from.
    rows = [dict(r, id=f"{r['id']}-{i}") for i in range(20) for r in base]
    report = inclusion.read(json.dumps(rows).encode("utf-8"))
    assert len(report.places) > 8_192
    one = inclusion.HelpIndex(report, threads=1)
    # The default (None) is as many threads as the system gives.
    for two in [inclusion.HelpIndex(report, threads=2), inclusion.HelpIndex(report)]:
        assert len(two) == len(one)
        for lat, lon in [(43.3, 5.4), (43.7, 7.25), (44.9, 6.6), (42.0, 9.0)]:
            a = one.nearest(lat, lon, 30, services="Aide aux démarches administratives")
            b = two.nearest(lat, lon, 30, services="Aide aux démarches administratives")
            assert [(h.place.id, h.distance_m) for h in a] == [(h.place.id, h.distance_m) for h in b]
            assert len(a) == 30
    with pytest.raises(ValueError, match="threads must be 1 or more"):
        inclusion.HelpIndex(report, threads=0)
