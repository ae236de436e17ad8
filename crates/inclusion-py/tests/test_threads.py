"""Long work runs without holding the interpreter: another Python thread goes on meanwhile.

The control is a call that holds it throughout (`Report.records()`, which builds Python
objects): the main thread counts far more slowly during that call than during a read or an
index build."""

from __future__ import annotations

import json
import threading
import time
from typing import Any, Callable, List

import inclusion
from conftest import anchor_json


def rate_while(work: Callable[[], Any]) -> float:
    """How many times per second of `work` the main thread counts while `work` runs in
    another thread (the duration measured by that thread: a call that holds the interpreter
    keeps the main thread from even starting to count until it ends)."""
    span: List[float] = []

    def run() -> None:
        span.append(time.perf_counter())
        work()
        span.append(time.perf_counter())

    t = threading.Thread(target=run)
    t.start()
    n = 0
    while t.is_alive():
        n += 1
    t.join()
    return n / max(span[1] - span[0], 1e-9)


def test_reading_and_indexing_let_other_threads_run() -> None:
    base = anchor_json("real-datasets/hub-du-sud-paca.20230517.json")
    rows = [dict(r, id=f"{r['id']}-{i}") for i in range(40) for r in base]
    data = json.dumps(rows).encode("utf-8")
    reports: List[inclusion.Report] = []
    reading = rate_while(lambda: reports.append(inclusion.read(data, level="strict")))
    report = reports[0]
    assert report.rows == 40 * len(base)
    holding = rate_while(lambda: report.records())
    indexing = rate_while(lambda: inclusion.HelpIndex(report))
    assert reading > 3 * holding, (reading, holding)
    assert indexing > 3 * holding, (indexing, holding)
