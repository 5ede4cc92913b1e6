// Times the Ed25519 group of src/election/ed25519.js in Node: `node crates/kenes-web/benches/ed25519.mjs [rounds]`.
//
// Timings belong here, not in the tests (STYLE.md). Each operation runs on fresh random scalars; the figure is the
// median over the rounds, in milliseconds. A cheap phone is about 3 to 10 times slower than a laptop's Node.
// Not among the folders `cargo xtask lint-js` covers; the comment below names Node's globals for a manual ESLint run.

/* global console, performance, process */

import { randomZq } from '../src/election/core.js';
import { ED25519 as group } from '../src/election/ed25519.js';

const rounds = Number(process.argv[2] ?? 50);

function time(label, setup, operation) {
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const input = setup();
    const start = performance.now();
    operation(input);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`${label.padEnd(34)} ${median.toFixed(3).padStart(8)} ms (median of ${rounds})`);
}

const scalar = () => randomZq(group.q);
const point = () => group.gPow(scalar());

const start = performance.now();
group.gPow(1n);
const built = (performance.now() - start).toFixed(3);
console.log(`${'g table, built on first use'.padEnd(34)} ${built.padStart(8)} ms (once)`);
time('g^x (fixed-base table)', scalar, (x) => group.gPow(x));
time('P^x (variable base)', () => [point(), scalar()], ([P, x]) => group.pow(P, x));
time('P·Q', () => [point(), point()], ([P, Q]) => group.mul(P, Q));
time('fixedBase(P) (table for a key)', point, (P) => group.fixedBase(P));
const encoded = () => group.encode(point());
time('decode (with [q]P = O)', encoded, (text) => group.decode(text));
time('decodePoint (no subgroup check)', encoded, (text) => group.decodePoint(text));
time('isMember ([q]P = O)', point, (P) => group.isMember(P));
time('encode', point, (P) => group.encode(P));
const values = () => Array.from({ length: 30 }, () => Math.floor(Math.random() * 256));
time('ofInts (30 values)', values, (v) => group.ofInts(v));
