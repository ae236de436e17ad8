"""Shared helpers of the test suite: the reference data of ``../shared/anchors``.

As in the Rust tests, a test that reads an anchor skips with a notice when the anchors
directory is absent, and fails instead when ``INCLUSION_REQUIRE_ANCHORS`` is set (CI).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[3]

# The minimal valid record of the official verdicts.
BASE = {
    "id": "structure-1",
    "pivot": "43493312300029",
    "nom": "Anonymal",
    "commune": "Reims",
    "code_postal": "51100",
    "adresse": "12 BIS RUE DE LECLERCQ",
    "date_maj": "2024-04-02",
}


def anchors_dir() -> Path:
    """``$INCLUSION_ANCHORS``, else ``../shared/anchors`` beside the repository."""
    env = os.environ.get("INCLUSION_ANCHORS")
    return Path(env) if env else REPO.parent / "shared" / "anchors"


def required() -> bool:
    return os.environ.get("INCLUSION_REQUIRE_ANCHORS", "") not in ("", "0")


def anchor(relative: str) -> Path:
    """The path of an anchor file; skips the test (or fails it when anchors are required)
    when the file is absent."""
    path = anchors_dir() / relative
    if path.is_file():
        return path
    message = f"anchor file {path} is absent (set INCLUSION_REQUIRE_ANCHORS=1 to make this a failure)"
    if required():
        pytest.fail(f"anchor file {path} is missing and INCLUSION_REQUIRE_ANCHORS is set")
    print(f"notice: skipping, {message}")
    pytest.skip(message)


def anchor_json(relative: str) -> Any:
    with open(anchor(relative), encoding="utf-8") as f:
        return json.load(f)
