#!/bin/sh
# Peak memory of reading 1,000,000 rows (valid, and invalid), measured with /usr/bin/time -v
# on a release build of benches/read_memory.rs and of the command line.
#
#   scripts/bench-memory.sh [ROWS]          # MODES="validate keep cli" by default
#
# Writes the files in ${TMPDIR:-/tmp}/inclusion-bench-memory (about 1 GB for 1,000,000 rows),
# then reads each, in its own process, keeping the places (`keep`: what `convert` needs) or
# not (`validate`: what validation needs), or with `inclusion validate FILE --format json`
# (`cli`: the command a person runs), and prints the peak resident memory against the file's
# size.
set -eu
rows=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${TMPDIR:-/tmp}/inclusion-bench-memory
mkdir -p "$dir"
exe=$(cargo bench --manifest-path "$root/Cargo.toml" --bench read_memory --no-run \
    --message-format=json 2>/dev/null \
    | grep -o '"executable":"[^"]*read_memory[^"]*"' | tail -n 1 | cut -d'"' -f4)
[ -x "$exe" ] || { echo "could not build benches/read_memory.rs" >&2; exit 2; }
modes=${MODES:-validate keep cli}
case " $modes " in *" cli "*)
    cargo build --release -q --manifest-path "$root/Cargo.toml" -p inclusion-cli
    cli="$root/target/release/inclusion" ;;
esac
for kind in valid invalid x json; do
    ext=csv; [ "$kind" = json ] && ext=json
    [ -f "$dir/$kind-$rows.$ext" ] || "$exe" generate "$kind" "$rows" "$dir/$kind-$rows.$ext"
done
printf '%-24s %-9s %10s %12s %7s %8s\n' file mode "size (MB)" "peak (MB)" ratio "time (s)"
for file in valid-$rows.csv invalid-$rows.csv x-$rows.csv json-$rows.json; do
    for mode in $modes; do
        size=$(stat -c %s "$dir/$file")
        if [ "$mode" = cli ]; then
            # Exit status 1: rows with errors (the report is still complete).
            # One thread, as the library runs beside it (the binary's default is every CPU).
            /usr/bin/time -v "$cli" -q validate "$dir/$file" --format json --threads 1 >"$dir/out" 2>"$dir/time" || true
        else
            /usr/bin/time -v "$exe" read "$dir/$file" "$mode" >"$dir/out" 2>"$dir/time"
        fi
        peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time")
        wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time")
        awk -v f="$file" -v m="$mode" -v s="$size" -v p="$peak" -v t="$wall" 'BEGIN {
            printf "%-24s %-9s %10.1f %12.1f %7.2f %8s\n", f, m, s / 1e6, p * 1024 / 1e6, p * 1024 / s, t }'
    done
done
