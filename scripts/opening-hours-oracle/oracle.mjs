// Opening-hours verdicts of opening_hours.js (the evaluator of the national cartography) for
// every text of the real `horaires` corpus, at instants around public holidays, the
// daylight-saving changes, midnight and the year end, in three territories; and the public
// holidays it knows for every French territory. The output is the test data of
// crates/inclusion-hours/tests/hours.rs.
//
//   cd scripts/opening-hours-oracle && npm ci
//   node oracle.mjs ../../../shared/anchors/opening-hours/horaires-corpus.json \
//       > ../../crates/inclusion-hours/tests/data/opening-hours-js.json
//
// opening_hours.js reads the local fields of a JS `Date` (its day, hours, minutes), so each
// territory is evaluated in a child process started with `TZ=<its zone>`; the child refuses to
// run when the zone it gets is not the one asked. Every instant is recorded both as a UTC
// instant (what the tests evaluate) and as the local wall-clock time the evaluator saw.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const OpeningHours = require('opening_hours');
const VERSION = require('opening_hours/package.json').version;

// Territories whose verdicts are recorded: name (ours), IANA zone, and the nominatim-style
// location opening_hours.js takes. The coordinates only matter for sun times.
const TERRITORIES = [
  { name: 'Metropolitan', tz: 'Europe/Paris', lat: '48.8566', lon: '2.3522', state: null },
  { name: 'AlsaceMoselle', tz: 'Europe/Paris', lat: '49.1193', lon: '6.1757', state: 'Moselle' },
  { name: 'NewCaledonia', tz: 'Pacific/Noumea', lat: '-22.2758', lon: '166.4580', state: 'Nouvelle-Calédonie' },
];

// Every territory whose public holidays are listed (our name, the state opening_hours.js knows).
const HOLIDAY_STATES = [
  ['Metropolitan', null],
  ['AlsaceMoselle', 'Moselle'],
  ['Guadeloupe', 'Guadeloupe'],
  ['Martinique', 'Martinique'],
  ['Guyane', 'Guyane'],
  ['Reunion', 'La Réunion'],
  ['SaintPierreEtMiquelon', 'Saint-Pierre-et-Miquelon'],
  ['Mayotte', 'Mayotte'],
  ['SaintBarthelemy', 'Saint-Barthélemy'],
  ['SaintMartin', 'Saint-Martin'],
  ['WallisEtFutuna', 'Wallis-et-Futuna'],
  ['FrenchPolynesia', 'Polynésie française'],
  ['NewCaledonia', 'Nouvelle-Calédonie'],
];
const HOLIDAY_YEARS = [2025, 2026, 2027];

// Instants, as local wall-clock times `YYYY-MM-DDTHH:MM` of the territory's zone, or as UTC
// instants ending in `Z` (for the two instants of the repeated autumn hour in Paris).
const INSTANTS = [
  // An ordinary week (5-11 October 2026), six times a day.
  ...['05', '06', '07', '08', '09', '10', '11'].flatMap((d) =>
    ['07:00', '09:15', '12:10', '13:45', '16:59', '19:30'].map((t) => `2026-10-${d}T${t}`)),
  // Boundaries to the minute on a Tuesday.
  ...['08:29', '08:30', '08:59', '09:00', '11:59', '12:00', '13:59', '14:00', '17:59', '18:00', '18:30']
    .map((t) => `2026-10-06T${t}`),
  // Midnight.
  '2026-10-09T23:59', '2026-10-10T00:00', '2026-10-10T00:30', '2026-10-11T23:30', '2026-10-12T00:00',
  '2026-10-12T00:01',
  // Public holidays, the days before and after (national, Alsace-Moselle, Nouvelle-Calédonie).
  '2026-01-01T10:00', '2026-01-02T10:00',
  '2026-04-02T10:00', '2026-04-03T10:00', '2026-04-06T10:00', '2026-04-07T10:00',
  '2026-04-30T15:00', '2026-05-01T10:00', '2026-05-07T15:00', '2026-05-08T10:00',
  '2026-05-14T10:00', '2026-05-15T10:00', '2026-05-25T10:00', '2026-05-26T10:00',
  '2026-07-13T15:00', '2026-07-14T10:00', '2026-07-15T10:00', '2026-08-15T10:00',
  '2026-09-24T10:00', '2026-10-31T10:00', '2026-11-01T11:00', '2026-11-02T10:00',
  '2026-11-10T15:00', '2026-11-11T10:00', '2026-11-12T10:00',
  '2026-12-24T15:00', '2026-12-25T10:00', '2026-12-26T10:00',
  '2025-12-26T10:00', '2027-03-26T10:00', '2027-03-29T10:00',
  // Year end.
  '2026-12-31T10:00', '2026-12-31T23:59', '2027-01-01T00:00', '2027-01-01T00:30', '2027-01-01T10:00',
  '2027-01-02T10:00', '2027-01-04T10:00',
  // Daylight-saving changes in Paris: 29 March 2026 (02:00 CET -> 03:00 CEST),
  // 25 October 2026 (03:00 CEST -> 02:00 CET).
  '2026-03-27T18:00', '2026-03-28T10:00', '2026-03-28T23:30', '2026-03-29T00:30', '2026-03-29T01:30',
  '2026-03-29T01:59', '2026-03-29T03:00', '2026-03-29T03:30', '2026-03-29T10:00', '2026-03-30T00:00',
  '2026-03-30T09:00', '2026-03-30T10:00',
  '2026-10-24T10:00', '2026-10-24T23:30', '2026-10-25T01:30',
  '2026-10-25T00:30Z', '2026-10-25T01:30Z', // 02:30 CEST, then 02:30 CET
  '2026-10-25T03:30', '2026-10-25T10:00', '2026-10-26T00:00', '2026-10-26T09:00', '2026-10-26T14:00',
];

// Instants from which the next change is asked, and how far ahead (days).
const NEXT_CHANGE_FROM = ['2026-12-24T15:00', '2026-03-28T12:00', '2026-10-24T12:00', '2026-12-31T12:00'];
const NEXT_CHANGE_DAYS = 10;

function pad(n, width = 2) {
  return String(n).padStart(width, '0');
}

/** The local wall-clock time of a Date in this process's zone. */
function local(d) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function utc(d) {
  return d.toISOString().replace('.000Z', 'Z');
}

/** A Date from an instant of INSTANTS. */
function instant(spec) {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(Z?)$/.exec(spec);
  if (!m) throw new Error(`bad instant ${spec}`);
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number);
  if (m[6] === 'Z') return new Date(Date.UTC(y, mo - 1, d, h, mi));
  const date = new Date(y, mo - 1, d, h, mi);
  // A local time that does not exist (the spring gap) would be moved: refuse it.
  if (local(date) !== spec) throw new Error(`${spec} does not exist in ${process.env.TZ}`);
  return date;
}

function location(t) {
  const address = { country_code: 'fr', country: 'France' };
  if (t.state) address.state = t.state;
  return { lat: t.lat, lon: t.lon, address };
}

const OPTIONS = { tag_key: 'opening_hours', locale: 'en' };

/** `o` open, `u` unknown, `c` closed. */
function state(oh, date) {
  if (oh.getUnknown(date)) return 'u';
  return oh.getState(date) ? 'o' : 'c';
}

/** Child: the verdicts of every text in one territory. */
function evaluateTerritory(t, texts) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (process.env.TZ !== t.tz || zone !== t.tz) {
    throw new Error(`run with TZ=${t.tz} (TZ=${process.env.TZ}, zone ${zone})`);
  }
  const dates = INSTANTS.map(instant);
  const from = NEXT_CHANGE_FROM.map(instant);
  const out = {
    instants: dates.map((d) => ({ utc: utc(d), local: local(d) })),
    next_change_from: from.map((d) => ({ utc: utc(d), local: local(d) })),
    states: [],
    next_changes: [],
  };
  for (const text of texts) {
    const oh = new OpeningHours(text, location(t), OPTIONS);
    out.states.push(dates.map((d) => state(oh, d)).join(''));
    out.next_changes.push(from.map((d) => {
      const max = new Date(d.getTime() + NEXT_CHANGE_DAYS * 86400000);
      const next = oh.getNextChange(d, max);
      return next === undefined ? null : `${utc(next)} ${state(oh, next)}`;
    }));
  }
  return out;
}

/** Child (any zone): the dates on which `PH` is open, at local noon. */
function holidays() {
  const out = {};
  for (const [name, state] of HOLIDAY_STATES) {
    const oh = new OpeningHours('PH', location({ lat: '48.8566', lon: '2.3522', state }), OPTIONS);
    const days = [];
    for (const year of HOLIDAY_YEARS) {
      for (let d = new Date(year, 0, 1, 12); d.getFullYear() === year; d.setDate(d.getDate() + 1)) {
        if (oh.getState(d)) days.push(local(d).slice(0, 10));
      }
    }
    out[name] = days;
  }
  return out;
}

/** The texts of the corpus that opening_hours.js accepts, in corpus order. */
function corpusTexts(path) {
  const corpus = JSON.parse(readFileSync(path, 'utf8'));
  return [...corpus.corpus, ...corpus.extra_examples]
    .filter((e) => e.opening_hours_js.valid)
    .map((e) => e.value);
}

/** Child process: `--territory NAME CORPUS` or `--holidays CORPUS`. */
function child([mode, a, b]) {
  const result = mode === '--holidays'
    ? holidays()
    : evaluateTerritory(TERRITORIES.find((t) => t.name === a), corpusTexts(b));
  process.stdout.write(JSON.stringify(result));
}

function run(env, ...args) {
  const script = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [script, ...args], {
    env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function main(corpus) {
  const texts = corpusTexts(corpus);
  const territories = TERRITORIES.map((t) => {
    const r = run({ TZ: t.tz }, '--territory', t.name, corpus);
    return {
      name: t.name,
      tz: t.tz,
      location: location(t),
      instants: r.instants,
      next_change_from: r.next_change_from,
      next_change_days: NEXT_CHANGE_DAYS,
      verdicts: texts.map((text, i) => ({ text, states: r.states[i], next_changes: r.next_changes[i] })),
    };
  });
  const holidayDays = run({ TZ: 'Europe/Paris' }, '--holidays', corpus);
  const output = {
    generator: {
      package: 'opening_hours',
      version: VERSION,
      licence: 'LGPL-3.0-only (the package; these verdicts are its output)',
      node: process.version,
      command: 'cd scripts/opening-hours-oracle && npm ci && node oracle.mjs ../../../shared/anchors/opening-hours/horaires-corpus.json > ../../crates/inclusion-hours/tests/data/opening-hours-js.json',
      options: OPTIONS,
      states: 'one letter per instant: o = getState() true, u = getUnknown() true, c = closed',
      next_changes: 'per instant of next_change_from: "<UTC instant> <state from then on>" of getNextChange(from, from + next_change_days), or null',
      holidays: 'dates of each year where the rule `PH` is open at local noon, per territory (state given to the evaluator in holiday_states)',
    },
    territories,
    holiday_states: Object.fromEntries(HOLIDAY_STATES),
    holiday_years: HOLIDAY_YEARS,
    holidays: holidayDays,
  };
  // One verdict, instant or list of dates per line keeps the file reviewable in a diff.
  const lines = [];
  const text = JSON.stringify(output, (key, value) => {
    const compact = value && typeof value === 'object' && (('states' in value && 'text' in value)
      || 'utc' in value || (Array.isArray(value) && value.every((v) => typeof v === 'string')));
    if (compact) {
      lines.push(JSON.stringify(value));
      return `@@${lines.length - 1}@@`;
    }
    return value;
  }, 1).replace(/"@@(\d+)@@"/g, (_, i) => lines[Number(i)]);
  process.stdout.write(`${text}\n`);
}

const args = process.argv.slice(2);
if (args[0] === '--territory' || args[0] === '--holidays') {
  child(args);
} else if (args.length === 1) {
  main(args[0]);
} else {
  process.stderr.write('usage: node oracle.mjs PATH/TO/horaires-corpus.json > opening-hours-js.json\n');
  process.exit(2);
}
