#!/usr/bin/env bash
# Rebuilds data/hinaura.v1.csv, the embedded sample of real places, from its registry package:
# the npm package @gouvfr-anct/cartographie-nationale@5.22.0 (Licence Ouverte 2.0), file
# package/assets/data/source.json (687 places of the Hinaura network, standard v0.1).
# The places are migrated to standard v1.0.2 by this repository's own importer, e-mail
# addresses and mobile phone numbers are removed (they may be personal), the missing codes INSEE
# are completed from the postcode and the commune's name when they name one commune of the
# gazetteer (the places it cannot complete are printed, with why), and the result is written as
# canonical CSV v1.0.2. See data/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGE="@gouvfr-anct/cartographie-nationale@5.22.0"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE" > /dev/null && tar -xzf gouvfr-anct-cartographie-nationale-5.22.0.tgz package/assets/data/source.json)
src="$work/package/assets/data/source.json"
echo "source: $PACKAGE package/assets/data/source.json ($(wc -c < "$src") bytes, sha256 $(sha256sum "$src" | cut -d' ' -f1))"
cargo run --quiet --release -p inclusion-cli -- --lang en convert "$src" --to csv --redact-contacts --complete-insee -o data/hinaura.v1.csv 2> "$work/diagnostics.txt" || status=$?
sed -n '/ places kept\.$/,$p' "$work/diagnostics.txt"
echo "wrote data/hinaura.v1.csv ($(wc -c < data/hinaura.v1.csv) bytes, sha256 $(sha256sum data/hinaura.v1.csv | cut -d' ' -f1))"
exit "${status:-0}"
