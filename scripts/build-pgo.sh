#!/usr/bin/env bash
# A profile-guided build (PGO) of the command line `inclusion` and of the Python package's
# wheel: each is built once instrumented, run on a training workload made only of the
# repository's data (the real places of data/hinaura.v1.csv repeated with new ids, some rows
# broken; never the files the benchmarks measure), then built again with the profile. Reading
# runs 12 % fewer instructions, 1.15-1.37x as fast on one thread (README, "Profile-guided
# builds"); the answers are the same, since only the compiler's choices change.
#
#   scripts/build-pgo.sh              # both; then target/pgo/inclusion and target/pgo/wheels/
#   scripts/build-pgo.sh cli          # the command line only
#   scripts/build-pgo.sh python       # the wheel only (needs python3 with venv)
#   PGO_ROWS=50000 scripts/build-pgo.sh   # a larger training file (default 20,000 rows)
#
# Needs `llvm-profdata`, which rustup installs with `rustup component add llvm-tools`. The
# ordinary builds (`cargo build --release`, `pip install ./crates/inclusion-py`) stay as they
# are: a profile is tied to the compiler's LLVM version and to the sources it was made from, so
# it is made here, on the machine that builds, and never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
what=${1:-all}
case "$what" in
all | cli | python) ;;
*)
    echo "build-pgo: unknown target '$what'; use cli, python, or nothing for both" >&2
    exit 2
    ;;
esac
out=$root/target/pgo
rows=${PGO_ROWS:-20000}
python=${PYTHON:-python3}
profdata=$(find "$(rustc --print sysroot)/lib/rustlib" -name llvm-profdata -type f 2>/dev/null | head -n 1)
if [ -z "$profdata" ]; then
    echo "build-pgo: llvm-profdata not found; install it with: rustup component add llvm-tools" >&2
    exit 2
fi
# With an explicit target, RUSTFLAGS reach the code built for it only, not the build scripts
# and procedural macros that run during the build (they would write profiles of their own).
triple=$(rustc -vV | sed -n 's/^host: //p')
mkdir -p "$out"

cli() {
    local raw=$out/cli-profiles
    rm -rf "$raw"
    echo "build-pgo: the command line, instrumented" >&2
    RUSTFLAGS="-Cprofile-generate=$raw" cargo build --quiet --release -p inclusion-cli \
        --target "$triple" --target-dir "$out/generate"
    local bin=$out/generate/$triple/release/inclusion
    echo "build-pgo: training the command line on $rows rows" >&2
    PYTHON=$python scripts/pgo-train-cli.sh "$bin" "$out/train" "$rows"
    "$profdata" merge -o "$out/cli.profdata" "$raw"
    echo "build-pgo: the command line, with the profile" >&2
    RUSTFLAGS="-Cprofile-use=$out/cli.profdata" cargo build --quiet --release -p inclusion-cli \
        --target "$triple" --target-dir "$out/use"
    cp "$out/use/$triple/release/inclusion" "$out/inclusion"
    echo "build-pgo: $out/inclusion" >&2
}

python_wheel() {
    local raw=$out/python-profiles venv=$out/venv
    rm -rf "$raw" "$out/generate-wheels" "$out/wheels"
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin>=1.9.4,<2"
    local build=("$venv/bin/maturin" build --quiet --release --target "$triple"
        --manifest-path crates/inclusion-py/Cargo.toml --interpreter "$venv/bin/python")
    echo "build-pgo: the Python package, instrumented" >&2
    RUSTFLAGS="-Cprofile-generate=$raw" CARGO_TARGET_DIR=$out/generate \
        "${build[@]}" --out "$out/generate-wheels"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall \
        --no-deps "$out"/generate-wheels/inclusion-*.whl
    echo "build-pgo: training the Python package on $rows rows" >&2
    "$venv/bin/python" scripts/pgo-train.py --rows "$rows"
    "$profdata" merge -o "$out/python.profdata" "$raw"
    echo "build-pgo: the Python package, with the profile" >&2
    RUSTFLAGS="-Cprofile-use=$out/python.profdata" CARGO_TARGET_DIR=$out/use \
        "${build[@]}" --out "$out/wheels"
    echo "build-pgo: $(ls "$out"/wheels/inclusion-*.whl) (pip install it)" >&2
}

case "$what" in
cli) cli ;;
python) python_wheel ;;
all)
    cli
    python_wheel
    ;;
esac
