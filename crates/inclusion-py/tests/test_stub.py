"""The hand-written type stub describes the native module exactly: every public function
and class, and every public member of each class (mypy --strict then checks the tests, which
call them, against it)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, Set

import inclusion
from inclusion import _inclusion


def stub() -> ast.Module:
    path = Path(_inclusion.__file__).with_name("_inclusion.pyi")
    return ast.parse(path.read_text(encoding="utf-8"))


def test_every_public_name_is_in_the_stub_and_nothing_else() -> None:
    tree = stub()
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    classes: Dict[str, Set[str]] = {
        n.name: {m.name for m in n.body if isinstance(m, ast.FunctionDef)}
        for n in tree.body
        if isinstance(n, ast.ClassDef) and not n.name.startswith("_")
    }
    constants = {
        t.id
        for n in tree.body
        if isinstance(n, ast.AnnAssign)
        for t in [n.target]
        if isinstance(t, ast.Name) and t.id.isupper()
    }
    native = {name for name in dir(_inclusion) if not name.startswith("_")}
    assert native == functions | set(classes) | constants
    for name, members in classes.items():
        cls = getattr(_inclusion, name)
        public = {m for m in vars(cls) if not m.startswith("_")}
        documented = {m for m in members if not m.startswith("_")}
        assert public == documented, name


def test_the_package_reexports_the_native_module() -> None:
    for name in dir(_inclusion):
        if not name.startswith("_") and name not in ("find", "locate", "suggest"):
            assert getattr(inclusion, name) is getattr(_inclusion, name), name
    assert inclusion.communes.find is _inclusion.find
    for name in inclusion.__all__:
        assert hasattr(inclusion, name)
