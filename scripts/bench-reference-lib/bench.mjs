// Like-for-like comparison with the reference TypeScript library: turn already-parsed flat
// records into validated places. The JSON parsing is outside the timed part, as in
// benches/read.rs. Two modes, each timed over ROUNDS rounds after one warm-up round:
// `discard` drops each result at once (compare with `read/stream_text_records_100k`), `keep`
// keeps every result in an array, as a reader returns all places (compare with
// `read/validate_text_records_100k`).
// Usage: node bench.mjs RECORDS.json [TARGET_RECORDS=100000] [ROUNDS=5]
import { readFileSync } from 'node:fs';
import { fromSchemaLieuDeMediationNumerique } from '@gouvfr-anct/lieux-de-mediation-numerique';

const [file, target = '100000', rounds = '5'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench.mjs RECORDS.json [TARGET_RECORDS] [ROUNDS]');
  process.exit(2);
}
const base = JSON.parse(readFileSync(file, 'utf8'));
const n = Number(target);
const records = [];
for (let i = 0; records.length < n; i++) {
  const r = base[i % base.length];
  records.push({ ...r, id: `${r.id}-${Math.floor(i / base.length)}` });
}
// Parse the repeated records from JSON text, as the Rust side does, outside the timing.
const parsed = JSON.parse(JSON.stringify(records));

/** Median records per second of one mode, and the counts of its last round. */
function measure(keep) {
  let ok = 0;
  let failed = 0;
  const rates = [];
  for (let round = 0; round < Number(rounds) + 1; round++) {
    ok = 0;
    failed = 0;
    const kept = [];
    const start = process.hrtime.bigint();
    for (const r of parsed) {
      try {
        const place = fromSchemaLieuDeMediationNumerique(r);
        if (keep) kept.push(place);
        ok++;
      } catch {
        failed++;
      }
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (round > 0) rates.push(parsed.length / seconds); // round 0 warms the JIT up
  }
  rates.sort((a, b) => a - b);
  return { ok, failed, median: Math.round(rates[Math.floor(rates.length / 2)]) };
}

const discard = measure(false);
const keep = measure(true);
console.log(JSON.stringify({
  library: '@gouvfr-anct/lieux-de-mediation-numerique@2.3.0',
  node: process.version,
  records: parsed.length,
  ok: discard.ok,
  failed: discard.failed,
  discard_median_records_per_second: discard.median,
  keep_median_records_per_second: keep.median,
}));
