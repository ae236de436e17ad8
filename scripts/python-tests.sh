#!/usr/bin/env bash
# The tests of the Python package `inclusion` (crates/inclusion-py): a virtual environment,
# maturin and the test tools from PyPI, the wheel built once (debug profile: it shares the
# compiled dependencies of `cargo test`) and installed, then pytest and mypy --strict on the
# tests against the installed package (its type stub and py.typed included).
#
#   scripts/python-tests.sh            # INCLUSION_REQUIRE_ANCHORS=1 makes missing anchors fail
#   PYTHON=python3.12 scripts/python-tests.sh
#   INCLUSION_PY_PROFILE=release scripts/python-tests.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
python=${PYTHON:-python3}
venv=$root/target/python-tests
wheels=$root/target/python-wheels
profile=${INCLUSION_PY_PROFILE:-dev}

"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "maturin>=1.9.4,<2" "pytest>=8" "hypothesis>=6.100" "mypy>=1.10"
rm -rf "$wheels"
"$venv/bin/maturin" build --quiet --manifest-path crates/inclusion-py/Cargo.toml \
    --profile "$profile" --interpreter "$venv/bin/python" --out "$wheels"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall \
    --no-deps "$wheels"/inclusion-*.whl

cd crates/inclusion-py
# From the package folder, `import inclusion` is the installed wheel (its sources are under
# python/, not on the path).
"$venv/bin/python" -m pytest -q -p no:cacheprovider tests
"$venv/bin/python" -m mypy --strict --no-incremental tests
