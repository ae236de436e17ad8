#!/bin/sh
# The data·inclusion quality score (`score_qualite`, from the official `data-inclusion-schema`
# package) of the services we export from the real datasets.
#
#   scripts/data-inclusion-score/run.sh [ANCHORS_DIR]
#
# Converts every file of ANCHORS_DIR/real-datasets (default ../shared/anchors) to
# data·inclusion with $INCLUSION (default: the `inclusion` command line, release build), then scores
# the services with score.py in a virtual environment (created in $VENV, default
# /tmp/data-inclusion-score-venv, from requirements.txt).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
anchors=${1:-$root/../shared/anchors}
venv=${VENV:-/tmp/data-inclusion-score-venv}
out=${OUT:-$(mktemp -d)}
inclusion=${INCLUSION:-"cargo run -q --release --manifest-path $root/Cargo.toml -p inclusion-cli --"}
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi
for f in "$anchors"/real-datasets/*.json; do
    name=$(basename "$f" .json)
    # Exit status 1 (some rows with errors) still writes the places that were read.
    $inclusion -q convert "$f" --to data-inclusion -o "$out/$name.json" || [ $? -eq 1 ]
done
"$venv/bin/python" "$here/score.py" "$out"/*.json
