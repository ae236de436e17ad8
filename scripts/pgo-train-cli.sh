#!/usr/bin/env bash
# The training run of a profile-guided build of the command line (scripts/build-pgo.sh): the
# commands' main jobs on a file made only of the repository's data, so that the profile never
# sees the files the benchmarks measure (the file: scripts/pgo_training_file.py).
#
#   scripts/pgo-train-cli.sh BIN DIR [ROWS]   # BIN the `inclusion` to run, DIR a scratch folder
#
# A test (crates/inclusion-cli/tests/pgo_training.rs) runs it on a few hundred rows with the
# debug binary, so that a renamed flag fails there rather than in the next profiled build.
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: scripts/pgo-train-cli.sh BIN DIR [ROWS]" >&2
    exit 2
fi
rows=${3:-20000}
mkdir -p "$2"
# Both paths made absolute before moving to the repository's root.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(cd "$2" && pwd)
cd "$(dirname "$0")/.."
t=$dir/train
"${PYTHON:-python3}" scripts/pgo_training_file.py "$rows" "$t.csv"
# Exit status 1 means "problems found in the input": the training file has some on purpose.
problems() { "$@" || [ $? -eq 1 ]; }
problems "$bin" -q validate "$t.csv" --threads 1 --format json >/dev/null
problems "$bin" -q validate "$t.csv" --level strict >/dev/null
problems "$bin" -q convert "$t.csv" --to json -o "$t.json"
"$bin" -q validate "$t.json" --threads 1 >/dev/null
for to in csv geojson data-inclusion; do
    problems "$bin" -q convert "$t.csv" --to "$to" -o "$dir/converted.$to" --threads 1
done
"$bin" -q near --near Grenoble --service "Aide aux démarches administratives" --open-at 2026-03-02T18:30 >/dev/null
"$bin" -q near --data "$t.json" --lat 45.76 --lon 4.84 -k 10 --format json >/dev/null
"$bin" -q near --data "$t.json" --near Lyon --open-at 2026-03-07T10:00 --threads 1 >/dev/null
"$bin" -q coverage --region 84 --data "$t.json" --threads 1 >/dev/null
"$bin" -q hours "Mo-Fr 09:00-12:00,14:00-17:00; PH off" --postcode 97400 --describe >/dev/null
"$bin" -q hours "du lundi au vendredi de 9h à 12h" --from-french >/dev/null
problems "$bin" -q dedup data/hinaura.v1.csv "$t.csv" --format json >/dev/null
"$bin" -q orient examples/skills-no-skills-urgent.json --near Grenoble >/dev/null
echo "pgo-train-cli: $rows rows through validate, convert, near, coverage, hours, dedup, orient"
