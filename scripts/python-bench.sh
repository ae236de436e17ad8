#!/usr/bin/env bash
# The Python benchmark (scripts/python-bench.py): a virtual environment with the package
# installed by `pip install ./crates/inclusion-py` (a release build), frictionless and
# data-inclusion-schema from PyPI; then the benchmark on the same 100,000-row file.
#
#   scripts/python-bench.sh [--repeat N] [--skip-frictionless] [--skip-pydantic]
#   INCLUSION_WHEEL=target/pgo/wheels/inclusion-*.whl scripts/python-bench.sh   # a built wheel
#                                   # instead (the profile-guided one of scripts/build-pgo.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/python-bench
"${PYTHON:-python3}" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "frictionless>=5" "data-inclusion-schema>=1"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall \
    --no-deps ${INCLUSION_WHEEL:-./crates/inclusion-py}
"$venv/bin/python" scripts/python-bench.py "$@"
