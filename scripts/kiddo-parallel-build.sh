#!/bin/sh
# kiddo's build on one thread and on two (its `multi-threaded` feature: rayon), at the sizes of
# `cargo bench --bench nearest_help`: the baseline of the index's two-thread build, which
# `100k:buildtime` compares with kiddo's one-thread build only. kiddo's parallel build needs
# rayon, which the workspace does not depend on (its idle threads spin after their work and
# slow whatever runs next on a 2-CPU machine: ARCHITECTURE.md, "Build, seventh session"), so
# this script builds a stand-alone program in a temporary directory.
#
#   scripts/kiddo-parallel-build.sh [POINTS...]     # 100000 by default
#
# Prints, per size, the medians of 21 builds of each kind in turns: `new_from_slice` (kiddo's
# default, serial below 262,144 points) and the builder's `with_parallel_construction()` in a
# rayon pool of two threads, on the unit vectors of random positions over mainland France.
set -eu
sizes=${*:-100000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/kiddo-parallel-build.XXXXXX")
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/src"
cat >"$dir/Cargo.toml" <<'TOML'
[package]
name = "kiddo-parallel-build"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
# The version of the workspace's benchmarks.
kiddo = { version = "=6.3.0", features = ["multi-threaded"] }
rayon = "1"

[workspace]
TOML
cat >"$dir/src/main.rs" <<'RS'
use std::time::Instant;

use kiddo::ImmutableKdTree;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("a pool of two threads");
    for n in std::env::args().skip(1).map(|s| s.parse::<usize>().expect("a number of points")) {
        // xorshift: the same points at every run.
        let mut s = 0x9e37_79b9_7f4a_7c15_u64;
        let mut uniform = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        let xyz: Vec<[f64; 3]> = (0..n)
            .map(|_| {
                let (lat, lon) = ((42.0 + 9.0 * uniform()).to_radians(), (-5.0 + 13.0 * uniform()).to_radians());
                [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
            })
            .collect();
        let (mut serial, mut parallel) = (Vec::new(), Vec::new());
        for _ in 0..21 {
            let t = Instant::now();
            let tree = ImmutableKdTree::<f64, 3>::new_from_slice(&xyz).expect("kiddo builds");
            serial.push(t.elapsed().as_secs_f64() * 1e3);
            drop(tree);
            let t = Instant::now();
            let tree = pool.install(|| {
                ImmutableKdTree::<f64, 3>::builder()
                    .with_parallel_construction()
                    .build_from_slice(&xyz)
                    .expect("kiddo builds")
            });
            parallel.push(t.elapsed().as_secs_f64() * 1e3);
            drop(tree);
        }
        let (one, two) = (median(serial), median(parallel));
        println!(
            "{n} points: kiddo {one:.2} ms on one thread, {two:.2} ms on two (medians of 21 in turns; one / two = {:.2})",
            one / two
        );
    }
}
RS
CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$dir/target} cargo run -q --release --manifest-path "$dir/Cargo.toml" -- $sizes
