// Like-for-like comparison with the reference TypeScript library: turn already-parsed flat
// records into validated places. The JSON parsing is outside the timed part, as in
// benches/read.rs. Usage: node bench.mjs RECORDS.json [TARGET_RECORDS=100000] [ROUNDS=5]
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

let ok = 0;
let failed = 0;
const rates = [];
for (let round = 0; round < Number(rounds) + 1; round++) {
  ok = 0;
  failed = 0;
  const start = process.hrtime.bigint();
  for (const r of parsed) {
    try {
      fromSchemaLieuDeMediationNumerique(r);
      ok++;
    } catch {
      failed++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (round > 0) rates.push(parsed.length / seconds); // round 0 warms the JIT up
}
rates.sort((a, b) => a - b);
console.log(JSON.stringify({
  library: '@gouvfr-anct/lieux-de-mediation-numerique@2.3.0',
  node: process.version,
  records: parsed.length,
  ok,
  failed,
  median_records_per_second: Math.round(rates[Math.floor(rates.length / 2)]),
}));
