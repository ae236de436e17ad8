"""The training run of the profile-guided build (scripts/pgo-train.py, called by
scripts/build-pgo.sh) goes through the package's main jobs: run here on a few hundred rows, so
that a renamed argument fails here rather than in the next profiled build."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import inclusion
from conftest import REPO


def test_the_training_run_goes_through_the_package(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "pgo-train.py"), "--rows", "300"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # The training file: 300 rows of real places, one in fifty broken; what the run says it
    # read is what reading the same file gives.
    spec = importlib.util.spec_from_file_location(
        "pgo_training_file", REPO / "scripts" / "pgo_training_file.py"
    )
    assert spec is not None and spec.loader is not None
    training_file = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(training_file)
    path = tmp_path / "train.csv"
    training_file.write(300, path)
    report = inclusion.read(path)
    assert report.rows == 300
    assert 1 <= report.invalid <= 6
    assert done.stdout.strip() == (
        f"pgo-train: 300 rows, {report.valid} places, "
        f"{len(inclusion.HelpIndex(report, threads=1))} indexed"
    )
