"""The Python examples of the READMEs run, from the repository root, as written."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import REPO


def python_blocks(readme: Path) -> list[str]:
    text = readme.read_text(encoding="utf-8")
    if readme.name == "README.md" and readme.parent == REPO:
        start = text.index("<!-- section: python -->")
        text = text[start : text.index("<!-- end section: python -->")]
    return re.findall(r"```python\n(.*?)```", text, re.S)


@pytest.mark.parametrize("readme", [REPO / "README.md", REPO / "crates/inclusion-py/README.md"])
def test_readme_examples_run(readme: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = python_blocks(readme)
    assert blocks, readme
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        for block in blocks:
            exec(compile(block, str(readme), "exec"), {"__name__": "readme"})
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    # The example prints the three nearest open places, each with its distance.
    assert len(re.findall(r" km, until \d\d:\d\d", out)) == 3, out
