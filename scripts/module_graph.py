#!/usr/bin/env python3
"""Prints the graph of the modules of a crate (which module uses which) and fails when it has a
cycle.

Every file is a module; a use is a path to another module in its code (`crate::a::b`,
`super::x`, `self::x`, `x::` after `mod x;`; comments and doc comments are left out, tests are
not: a cycle through tests is a cycle too). A cycle between files fails, even between a
`mod.rs` and its children. Then the top-level modules (`src/foo.rs` or `src/foo/`) are printed
bottom to top (each after every module it uses), with what each uses.

Usage: python3 scripts/module_graph.py [crates/inclusion-model]
"""

import re
import sys
from pathlib import Path


def strip_comments(text: str) -> str:
    """Removes `//` comments (doc comments included) and `/* */` blocks, keeping strings."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i)
            i = n if j < 0 else j + 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def modules(src: Path) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for path in sorted(src.rglob("*.rs")):
        rel = path.relative_to(src)
        if rel.parts == ("lib.rs",) or rel.parts == ("main.rs",):
            continue
        name = rel.parts[0].removesuffix(".rs")
        found.setdefault(name, []).append(path)
    return found


def reexports(src: Path, mods: dict[str, list[Path]]) -> dict[str, str]:
    """The names the crate root re-exports (`pub use foo::{Bar, baz}`), and their module."""
    root = strip_comments((src / "lib.rs").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for module, items in re.findall(r"pub use ([a-z_][a-z0-9_]*)::(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)", root):
        if module in mods:
            for name in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", items):
                names[name] = module
    return names


def graph(src: Path) -> dict[str, set[str]]:
    mods = modules(src)
    names = reexports(src, mods)
    uses: dict[str, set[str]] = {m: set() for m in mods}
    for m, files in mods.items():
        for f in files:
            code = strip_comments(f.read_text(encoding="utf-8"))
            paths = re.findall(r"\bcrate::([A-Za-z_][A-Za-z0-9_]*)", code)
            # `use crate::{a, b::c}`
            for group in re.findall(r"\bcrate::\{([^}]*)\}", code):
                paths += re.findall(r"(?:^|,)\s*([A-Za-z_][A-Za-z0-9_]*)", group)
            for other in paths:
                other = names.get(other, other)
                if other in mods and other != m:
                    uses[m].add(other)
    return uses


def file_modules(src: Path) -> dict[tuple[str, ...], Path]:
    """Every module of the crate by its path (`("read", "csv")`), the root left out."""
    found = {}
    for path in sorted(src.rglob("*.rs")):
        parts = path.relative_to(src).with_suffix("").parts
        if parts[-1] == "mod":
            parts = parts[:-1]
        if parts in ((), ("lib",), ("main",)):
            continue
        found[parts] = path
    return found


def file_graph(src: Path) -> dict[str, set[str]]:
    """Which module uses which, every file a module: `crate::a::b`, `super::x`, `self::x` and
    the paths through a child module (`x::f` after `mod x;`) resolve to the longest module
    prefix; a `crate::Name` re-exported by the root resolves to its module."""
    mods = file_modules(src)
    names = reexports(src, modules(src))
    uses: dict[str, set[str]] = {"::".join(m): set() for m in mods}
    path_re = re.compile(r"\b(crate|super|self)((?:::[A-Za-z_][A-Za-z0-9_]*)+)")
    group_re = re.compile(r"\b(crate|super|self)((?:::[A-Za-z_][A-Za-z0-9_]*)*)::\{([^}]*)\}")

    def resolve(here: tuple[str, ...], base: str, rest: list[str]) -> tuple[str, ...] | None:
        if base == "crate":
            start: tuple[str, ...] = ()
            if len(rest) == 1 and rest[0] in names:
                rest = [names[rest[0]]]
        elif base == "super":
            start = here[:-1]
        else:
            start = here
        while rest and rest[0] == "super":
            start, rest = start[:-1], rest[1:]
        best = start if start in mods else None
        for i in range(1, len(rest) + 1):
            if start + tuple(rest[:i]) in mods:
                best = start + tuple(rest[:i])
        return best

    for here, path in mods.items():
        code = strip_comments(path.read_text(encoding="utf-8"))
        # In the test module at the end of a file, `super` is the file's own module.
        at = code.find("mod tests")
        if at >= 0:
            tail = re.sub(r"\bsuper::", "self::", code[at:].replace("super::super::", "SUPER::"))
            code = code[:at] + tail.replace("SUPER::", "super::")
        found = []
        for base, rest, items in group_re.findall(code):
            prefix = [p for p in rest.split("::") if p]
            for item in re.findall(r"(?:^|,)\s*([A-Za-z_][A-Za-z0-9_]*)", items):
                found.append((base, prefix + [item]))
        for base, rest in path_re.findall(code):
            found.append((base, [p for p in rest.split("::") if p]))
        for child in re.findall(r"^\s*(?:pub(?:\([a-z]+\))?\s+)?mod ([a-z_][a-z0-9_]*)\s*;", code, re.M):
            for _ in re.findall(rf"(?<![:\w]){child}::", code):
                found.append(("self", [child]))
        for base, rest in found:
            target = resolve(here, base, rest)
            if target is not None and target != here:
                uses["::".join(here)].add("::".join(target))
    return uses


def layers(uses: dict[str, set[str]]) -> list[str] | None:
    """The modules, each after the ones it uses; None when there is a cycle."""
    order, done = [], set()
    remaining = dict(uses)
    while remaining:
        ready = sorted(m for m, deps in remaining.items() if deps <= done)
        if not ready:
            return None
        for m in ready:
            order.append(m)
            done.add(m)
            del remaining[m]
    return order


def cycle(uses: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for d in sorted(uses[m]):
            if state.get(d) == 1:
                return stack[stack.index(d) :] + [d]
            if d not in state:
                found = visit(d)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(uses):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return []


def main() -> int:
    crate = Path(sys.argv[1] if len(sys.argv) > 1 else "crates/inclusion-model")
    files = file_graph(crate / "src")
    if layers(files) is None:
        print("cycle between files: " + " -> ".join(cycle(files)))
        return 1
    uses = graph(crate / "src")
    order = layers(uses)
    if order is None:
        print("cycle: " + " -> ".join(cycle(uses)))
        return 1
    print(f"no cycle among the {len(files)} modules (files); the top-level modules, bottom to top:")
    width = max(len(m) for m in order)
    for m in order:
        deps = ", ".join(d for d in order if d in uses[m])
        print(f"{m:<{width}}  <- {deps}" if deps else m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
