"""Benchmark of the Python package `inclusion` against the Python tools of the field, in one
run on the same 100,000-row file.

    scripts/python-bench.sh          # makes the environment, then runs this script
    # instruction counts, load-independent (subtract the --once *-import counts):
    target/python-bench/bin/python scripts/python-bench.py --write-file /tmp/lieux-100k.csv
    valgrind --tool=callgrind target/python-bench/bin/python scripts/python-bench.py \
        --once inclusion --file /tmp/lieux-100k.csv

The file: the 646 real places of Hub du Sud (../shared/anchors) repeated to 100,000 rows with
unique ids, written as the standard's canonical CSV (44.9 MB, every row valid), as the Rust
benchmark `cargo bench --bench read` builds it.

Measured, each the median of the repeats (`--repeat`, default 3), after one untimed call
(warm-up: the first calls of a kind pay for memory the process has not touched yet, which the
fresh-process row measures apart); frictionless the median of `--frictionless-repeat` runs
(default 5), pydantic once. On a shared host the load drifts during the minute the script
runs, and the medians of the table compare `--repeat` reads made within a fraction of a
second with frictionless runs spread over half a minute or more. So the reads are also taken
before the first frictionless run, between the runs and after the last (`--repeat` of each
kind each time), and two more ratios are given:

* pooled: the median of the frictionless runs over the median of all those reads, both
  sampled over the same minutes;
* paired: each frictionless run over the median of the reads just before and just after it,
  and the median of the runs' ratios.

* `inclusion.read(path, threads=1)`: read and validate at the Standard level on the calling
  thread; the report's places stay in Rust until first asked for.
* `inclusion.read(path)`: the same with the default `threads=None`, as many threads as the
  system gives the process (the file read in that many parts).
* `inclusion.read(path)`, the first call of a new process: `--repeat` new Python processes,
  each timing its first `read(path)` after the import (what a script that reads one file
  pays: on a virtual machine the kernel's first touch of memory is slow).
* `inclusion.read(path, threads=1).places`: the same, then every place made a `Place` object.
* the Rust call alone: the same reading from the same bytes, only counts handed back
  (`inclusion._inclusion._read_counts`, which times `read_bytes` inside Rust and then the
  freeing of the places apart, the work `read` leaves to the moment Python drops its
  report), to give the cost of crossing into Python. These two rows are timed in Rust: their
  CPU time is their wall time (one thread).
* places as dicts: `report.records()` (one dict of the standard's columns per place), and the
  same through JSON text (`json.loads(inclusion.write_json(report))`).
* `HelpIndex` queries from the report's places: the nearest place of each of 30,000 random
  positions over mainland France, a loop of `nearest()` against one `nearest_many()` call
  (and on two threads); then the same among the 687 distinct real places of Hinaura (../shared
  anchors), k = 1 and 5; printed after the table.
* `frictionless.validate(path, schema=<the standard's Table Schema v1.0.2>)`: the official
  validator's engine.
* the `data-inclusion-schema` package's pydantic models: each place converted to
  data·inclusion v1 (a structure and its services, by `inclusion.to_data_inclusion`, outside
  the timing) and each record validated with `Structure.model_validate` /
  `Service.model_validate`.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import inclusion
from inclusion import _inclusion

ROOT = Path(__file__).resolve().parents[1]
ROWS = 100_000


def anchors() -> Path:
    env = os.environ.get("INCLUSION_ANCHORS")
    return Path(env) if env else ROOT.parent / "shared" / "anchors"


def build_file(directory: Path) -> Path:
    base = json.loads((anchors() / "real-datasets/hub-du-sud-paca.20230517.json").read_text("utf-8"))
    records = []
    for i in range(ROWS):
        r = dict(base[i % len(base)])
        r["id"] = f"{r.get('id', 'id')}-{i // len(base)}"
        records.append(r)
    report = inclusion.read(json.dumps(records).encode("utf-8"))
    assert report.rows == ROWS, report
    path = directory / "lieux-100k.csv"
    inclusion.write_csv(report, path)
    return path


CPU: Dict[str, float] = {}
# The threads `inclusion` uses by default: those the system gives this process.
CPUS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
READ = "inclusion.read(path, threads=1): the report, its places kept in Rust until asked for"
READ_DEFAULT = f"inclusion.read(path): the default, {CPUS} CPUs here, the file read in as many parts"
OBJECTS = "inclusion.read(bytes, threads=1).places: every place made a Place object"
FRESH = f"inclusion.read(path), the first call of a new process ({CPUS} CPUs; median of --repeat processes, CPU not measured)"


def timings(fn: Callable[[], Any], repeat: int, warmup: int = 1) -> Tuple[List[float], List[float], Any]:
    """The wall and CPU times of `repeat` calls (garbage collected between calls, outside the
    timing), and the last result. `warmup` calls come first, untimed: the first calls of a
    kind pay for memory the process has not touched yet (measured apart by `fresh_process`)."""
    times = []
    cpu = []
    result: Any = None
    for _ in range(warmup):
        result = None
        gc.collect()
        result = fn()
    for _ in range(repeat):
        result = None
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return times, cpu, result


def timed(fn: Callable[[], Any], repeat: int, warmup: int = 1) -> Tuple[float, Any]:
    """The median wall time of `timings`, and the last result; the median CPU time of the
    process is kept in `CPU["last"]`."""
    times, cpu, result = timings(fn, repeat, warmup)
    CPU["last"] = statistics.median(cpu)
    return statistics.median(times), result


def with_objects(report: inclusion.Report) -> inclusion.Report:
    """The report, its places made `Place` objects (freed with it, outside the timing)."""
    assert len(report.places) == ROWS
    return report


def fresh_process(path: Path, processes: int) -> float:
    """The median over `processes` new Python processes of the wall time of one
    `inclusion.read(path)` (the default threads), the first call of each process, timed
    inside it after the import: what a script that reads one file pays."""
    code = (
        "import sys, time, inclusion\n"
        "start = time.perf_counter()\n"
        "report = inclusion.read(sys.argv[1])\n"
        "print(time.perf_counter() - start)\n"
        "assert report.valid == int(sys.argv[2])\n"
    )
    times = []
    for _ in range(processes):
        out = subprocess.run(
            [sys.executable, "-c", code, str(path), str(ROWS)], check=True, capture_output=True, text=True
        )
        times.append(float(out.stdout.split()[0]))
    return statistics.median(times)


def bracket(path: Path, repeat: int) -> Tuple[List[float], List[float]]:
    """The wall times of `repeat` calls of `inclusion.read(path, threads=1)`, then of as many
    of `inclusion.read(path)` (the default threads), in this minute: the reads that bracket a
    frictionless run. The process has made both kinds of call before (warm)."""
    one, _, _ = timings(lambda: inclusion.read(path, threads=1), repeat, warmup=0)
    default, _, _ = timings(lambda: inclusion.read(path), repeat, warmup=0)
    return one, default


def frictionless_resource(path: Path) -> Any:
    import frictionless

    # The descriptor as a dict and the file relative to a base path: frictionless refuses
    # absolute paths ("not safe") unless told where it may read.
    descriptor = json.loads((anchors() / "standard-mediation-num/schema-v1.0.2.json").read_text("utf-8"))
    schema = frictionless.Schema.from_descriptor(descriptor)
    return frictionless.Resource(path=path.name, basepath=str(path.parent), schema=schema)


def once(mode: str, path: Path) -> None:
    if mode == "inclusion":
        assert inclusion.read(path, threads=1).valid == ROWS
    elif mode == "inclusion-objects":
        with_objects(inclusion.read(path, threads=1))
    elif mode == "inclusion-records":
        assert len(inclusion.read(path, threads=1).records()) == ROWS
    elif mode.startswith("frictionless"):
        import frictionless

        resource = frictionless_resource(path)
        if mode == "frictionless":
            report = frictionless.validate(resource)
            assert report.valid and report.tasks[0].stats["rows"] == ROWS


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-frictionless", action="store_true")
    parser.add_argument(
        "--frictionless-repeat", type=int, default=5, metavar="N",
        help="frictionless.validate timed N times, the median kept (default 5; about 5-10 s each)",
    )
    parser.add_argument("--skip-pydantic", action="store_true")
    parser.add_argument("--write-file", metavar="PATH", help="write the 100,000-row file and stop")
    parser.add_argument(
        "--once",
        choices=["inclusion", "inclusion-objects", "inclusion-records", "inclusion-import", "frictionless", "frictionless-import"],
        help="one call on --file, nothing printed: for `valgrind --tool=callgrind` (the *-import "
        "modes import the package only, the count to subtract; inclusion-objects reads, then "
        "makes the Place objects; inclusion-records reads, then makes the dicts)",
    )
    parser.add_argument("--file", metavar="PATH", help="the file of --once")
    args = parser.parse_args()
    if args.write_file:
        target = Path(args.write_file)
        build_file(target.parent).rename(target)
        return
    if args.once:
        once(args.once, Path(args.file))
        return

    results: Dict[str, float] = {}
    cpu: Dict[str, float] = {}
    # Per frictionless run: its time over the reads' around it (threads=1, then the default).
    paired: List[Tuple[float, float]] = []
    # Every read taken before, between and after the frictionless runs: their median and
    # count (threads=1, then the default), for the ratio over the whole frictionless period.
    pooled: List[Tuple[float, int]] = []

    def keep(name: str, t: float) -> None:
        """A row: its wall time, and the CPU time of the last `timed` call."""
        results[name] = t
        cpu[name] = CPU["last"]
    with tempfile.TemporaryDirectory() as tmp:
        path = build_file(Path(tmp))
        data = path.read_bytes()
        print(f"file: {ROWS:,} rows, {len(data) / 1e6:.1f} MB of CSV", flush=True)

        # The Rust call: `read_bytes` timed inside Rust, then the freeing of what it made
        # (which `read` leaves to the moment Python drops the report), timed apart.
        inner: List[Tuple[int, int, int, float, float]] = []
        # A hidden helper of the extension, not in its stub.
        read_counts: Callable[[bytes], Tuple[int, int, int, float, float]] = getattr(_inclusion, "_read_counts")

        def rust_call() -> Tuple[int, int, int, float, float]:
            inner.append(read_counts(data))
            return inner[-1]

        t, counts = timed(rust_call, args.repeat)
        assert counts[0] == ROWS and counts[1] == ROWS, counts
        inner = inner[-args.repeat:]  # the timed calls, not the warm-up
        reading = statistics.median(r[3] for r in inner)
        freeing = statistics.median(r[4] for r in inner)
        results["Rust call alone (read_bytes, counts only)"] = reading
        cpu["Rust call alone (read_bytes, counts only)"] = reading
        results["then freeing the places in Rust (when Python drops a report)"] = freeing
        cpu["then freeing the places in Rust (when Python drops a report)"] = freeing

        t, report = timed(lambda: with_objects(inclusion.read(data, threads=1)), args.repeat)
        keep(OBJECTS, t)

        t, report = timed(lambda: inclusion.read(path, threads=1), args.repeat)
        assert report.valid == ROWS
        keep(READ, t)
        read_path_time = t

        t, default = timed(lambda: inclusion.read(path), args.repeat)
        assert default.valid == ROWS
        del default
        keep(READ_DEFAULT, t)
        read_default_time = t

        # The first call of a process: each in its own process, timed inside it.
        t = fresh_process(path, args.repeat)
        results[FRESH] = t  # no CPU time: it is spent in the other processes
        read_fresh_time = t

        t, _ = timed(lambda: with_objects(inclusion.read(path, threads=1)), args.repeat)
        keep("inclusion.read(path, threads=1).places: then every place made a Place object", t)
        with_objects(report)  # made once, outside the timings that follow

        t, records = timed(lambda: report.records(), args.repeat)
        assert len(records) == ROWS
        del records
        keep("report.records(): the places as dicts (after read)", t)

        t, records = timed(lambda: json.loads(inclusion.write_json(report) or "[]"), args.repeat)
        assert len(records) == ROWS
        del records
        keep("json.loads(inclusion.write_json(report)): dicts through JSON (after read)", t)

        t, names = timed(lambda: [p.nom for p in report.places], args.repeat)
        assert len(names) == ROWS
        keep("one attribute of every Place (p.nom)", t)

        # Queries: the nearest place of each of 30,000 positions over mainland France, among
        # the report's places, one `nearest` call each against one `nearest_many` call.
        index = inclusion.HelpIndex(report, threads=1)
        rng = random.Random(1)
        positions = [(rng.uniform(43.0, 50.5), rng.uniform(-1.5, 7.5)) for _ in range(30_000)]
        at = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)
        loop, one_each = timed(lambda: [index.nearest(la, lo, 1, at=at) for la, lo in positions], args.repeat)
        many, batch = timed(lambda: index.nearest_many(positions, 1, at=at, threads=1), args.repeat)
        assert [h[0].place.id for h in batch] == [h[0].place.id for h in one_each]
        many_two, _ = timed(lambda: index.nearest_many(positions, 1, at=at, threads=2), args.repeat)
        del index, one_each, batch
        # The same over distinct real places: the 687 of Hinaura, 30,000 positions over its
        # region, k = 1 and 5.
        hinaura = inclusion.HelpIndex(inclusion.read(anchors() / "real-datasets/hinaura.schema-v0.1.json"))
        around = [(rng.uniform(44.1, 46.5), rng.uniform(2.0, 7.2)) for _ in range(30_000)]
        real: List[Tuple[int, float, float]] = []
        for k in (1, 5):
            loop_k, _ = timed(lambda: [hinaura.nearest(la, lo, k, at=at) for la, lo in around], args.repeat)
            many_k, _ = timed(lambda: hinaura.nearest_many(around, k, at=at, threads=1), args.repeat)
            real.append((k, loop_k, many_k))
        hinaura_places = len(hinaura)
        del hinaura

        if not args.skip_pydantic:
            from data_inclusion.schema import v1 as di

            export = inclusion.to_data_inclusion(report, "bench")
            structures, services = export["structures"], export["services"]

            def pydantic() -> int:
                n = 0
                for s in structures:
                    di.Structure.model_validate(s)
                    n += 1
                for s in services:
                    di.Service.model_validate(s)
                    n += 1
                return n

            t, n = timed(pydantic, 1, warmup=0)
            print(f"pydantic: {len(structures):,} structures and {len(services):,} services validated", flush=True)
            keep("data-inclusion-schema pydantic models, per converted place", t)
            # The 300,000 converted records freed before the frictionless runs: kept alive,
            # they slowed the reads around those runs (two threads: 49 ms at the median
            # instead of 36-44 ms without pydantic), which the ratios then blamed on the reads.
            del export, structures, services, pydantic
            gc.collect()

        if not args.skip_frictionless:
            import frictionless

            runs = []
            # Reads of both kinds before the first run, between the runs and after the last,
            # so that the reads are sampled over the same minutes as frictionless (`pooled`),
            # and each run can be compared with the reads just before and after it (`paired`).
            brackets = [bracket(path, args.repeat)]
            for _ in range(max(1, args.frictionless_repeat)):
                resource = frictionless_resource(path)
                gc.collect()
                start, start_cpu = time.perf_counter(), time.process_time()
                fr = frictionless.validate(resource)
                wall, cpu_time = time.perf_counter() - start, time.process_time() - start_cpu
                brackets.append(bracket(path, args.repeat))
                before, after = brackets[-2], brackets[-1]
                runs.append((wall, cpu_time))
                paired.append(
                    (
                        wall / statistics.median(before[0] + after[0]),
                        wall / statistics.median(before[1] + after[1]),
                    )
                )
            t = statistics.median(r[0] for r in runs)
            for kind in (0, 1):
                reads = [r for b in brackets for r in b[kind]]
                pooled.append((statistics.median(reads), len(reads)))
            CPU["last"] = statistics.median(r[1] for r in runs)
            print(f"frictionless runs: {', '.join(f'{r[0] * 1000:,.0f} ms' for r in runs)}", flush=True)
            stats = fr.tasks[0].stats if fr.tasks else {}
            print(
                f"frictionless: valid={fr.valid}, rows={stats.get('rows')}, errors={fr.flatten(['type', 'note'])[:3]}",
                flush=True,
            )
            assert fr.valid and stats.get("rows") == ROWS, "frictionless did not validate the file"
            keep("frictionless.validate(path, schema=Table Schema v1.0.2)", t)

    print()
    read_path_cpu = cpu[READ]
    print(f"| measure ({ROWS:,} rows) | wall time | rows/s | CPU time | rows/s (CPU) | vs inclusion.read(path, threads=1), CPU |")
    print("|---|---|---|---|---|---|")
    for name, t in results.items():
        c = cpu.get(name)
        if c is None:
            print(f"| {name} | {t * 1000:,.0f} ms | {ROWS / t:,.0f} | | | |")
            continue
        print(
            f"| {name} | {t * 1000:,.0f} ms | {ROWS / t:,.0f} | {c * 1000:,.0f} ms | {ROWS / c:,.0f} "
            f"| {c / read_path_cpu:.2f}× |"
        )
    rust = cpu["Rust call alone (read_bytes, counts only)"]
    objects = cpu[OBJECTS]
    print()
    print(f"crossing into Python (Place objects, CPU): {(objects - rust) * 1000:,.0f} ms, "
          f"{(objects - rust) / ROWS * 1e9:,.0f} ns per place, {objects / rust:.2f}× the Rust call")
    dicts = cpu["report.records(): the places as dicts (after read)"]
    print(f"places as dicts as well: +{dicts * 1000:,.0f} ms ({(objects + dicts) / rust:.2f}× the Rust call)")
    print(
        f"HelpIndex, the nearest place of each of 30,000 positions: a loop of nearest() {loop * 1000:,.0f} ms, "
        f"nearest_many() {many * 1000:,.0f} ms ({loop / many:.2f}×), threads=2 {many_two * 1000:,.0f} ms "
        f"({loop / many_two:.2f}×)"
    )
    for k, loop_k, many_k in real:
        print(
            f"the same, k={k}, among the {hinaura_places} places with coordinates of Hinaura (30,000 positions over its region): "
            f"a loop of nearest() {loop_k * 1000:,.0f} ms, nearest_many() {many_k * 1000:,.0f} ms ({loop_k / many_k:.2f}×)"
        )
    for name in [
        "frictionless.validate(path, schema=Table Schema v1.0.2)",
        "data-inclusion-schema pydantic models, per converted place",
    ]:
        if name in results:
            print(
                f"{name}: inclusion.read(path, threads=1) is {results[name] / read_path_time:,.1f}× faster "
                f"(wall), {cpu[name] / read_path_cpu:,.1f}× (CPU); inclusion.read(path), "
                f"{CPUS} CPUs, {results[name] / read_default_time:,.1f}× (wall); the first call of a new "
                f"process, {results[name] / read_fresh_time:,.1f}× (wall)"
            )
    if paired:
        one = [r[0] for r in paired]
        default = [r[1] for r in paired]
        print(
            f"frictionless.validate, each run against the reads just before and after it: "
            f"inclusion.read(path) {CPUS} CPUs {statistics.median(default):,.1f}× faster (wall; "
            f"runs {', '.join(f'{r:,.1f}' for r in default)}), inclusion.read(path, threads=1) "
            f"{statistics.median(one):,.1f}× (runs {', '.join(f'{r:,.1f}' for r in one)})"
        )
    if pooled:
        (one_time, reads), (default_time, _) = pooled
        frictionless_time = results["frictionless.validate(path, schema=Table Schema v1.0.2)"]
        print(
            f"frictionless.validate, the median of its {len(paired)} runs against the median of the "
            f"{reads} reads of each kind taken before, between and after them (pooled): "
            f"inclusion.read(path) {CPUS} CPUs {frictionless_time / default_time:,.1f}× faster "
            f"(wall; {default_time * 1000:,.0f} ms), inclusion.read(path, threads=1) "
            f"{frictionless_time / one_time:,.1f}× ({one_time * 1000:,.0f} ms)"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
