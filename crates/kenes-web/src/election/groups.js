// The groups an election can name, as objects with the same methods, so the booth, the trustee's page and the
// shuffle are written once for Belenios 2.0's finite fields and Belenios 3's Ed25519 (ed25519.js documents the
// methods). The finite-field objects here wrap core.js's integer arithmetic.

import {
  bigToDec,
  bytesToBig,
  decodeElement,
  fixedBase,
  GROUPS,
  hashElements,
  isMember,
  mod,
  modInv,
  modPow,
  sha256,
} from './core.js';
import { ED25519 } from './ed25519.js';

/** How each finite-field group embeds small integers in one element (3.0 spec §5.1): none for BELENIOS-2048. */
const EMBEDDINGS = Object.freeze({ 'RFC-3526-2048': Object.freeze({ bitsPerInt: 8, padding: 8 }) });

/** A finite-field group of core.js with the methods of ed25519.js's ED25519. */
function finiteField(group) {
  const { p, q, g } = group;
  let gTable = null;
  const embedding = EMBEDDINGS[group.name] ?? null;
  const self = {
    name: group.name,
    p,
    q,
    g,
    identity: 1n,
    mul: (a, b) => (a * b) % p,
    pow: (a, e) => modPow(a, mod(e, q), p),
    gPow: (e) => {
      gTable ??= fixedBase(g, group);
      return gTable(mod(e, q));
    },
    fixedBase: (base) => {
      const table = fixedBase(base, group);
      return (e) => table(mod(e, q));
    },
    invert: (a) => modInv(a, p),
    equals: (a, b) => a === b,
    isMember: (x) => isMember(x, group),
    encode: bigToDec,
    /** The element a string writes, its range checked, not its membership (ed25519.js `decodePoint`). */
    decodePoint: (text) => decodeElement(text, group),
    decode: (text) => {
      const x = decodeElement(text, group);
      if (!isMember(x, group)) throw new Error('not in the group');
      return x;
    },
    hash: (prefix, elements) => hashElements(prefix, elements, q),
    embedding,
    /** `of_ints`: the integers then `padding` zero bits, plus the smallest ε that makes a group element. */
    ofInts: (values) => {
      if (!embedding) throw new Error(`the group ${group.name} has no embedding`);
      let x = 0n;
      for (const v of values) x = (x << BigInt(embedding.bitsPerInt)) + BigInt(v & 255);
      x <<= BigInt(embedding.padding);
      while (!isMember(x, group)) x += 1n;
      return x;
    },
    toInts: (x, n) => {
      const values = new Array(n).fill(0);
      let rest = x >> BigInt(embedding?.padding ?? 0);
      for (let i = n - 1; i >= 0; i--) {
        values[i] = Number(rest & 255n);
        rest >>= 8n;
      }
      return values;
    },
    /** GetGenerator(i) (spec 3.0 §6, table 8): SHA256("ggen|" i) raised to the cofactor (p − 1)/q. */
    getGenerator: async (i) => {
      const h = modPow(bytesToBig(await sha256(`ggen|${i}`)), (p - 1n) / q, p);
      if (h === 0n || h === 1n || h === g) throw new Error(`generator ${i} is degenerate`);
      return h;
    },
  };
  return Object.freeze(self);
}

const FINITE_FIELDS = Object.freeze(Object.fromEntries(Object.entries(GROUPS).map(([name, group]) => [name, finiteField(group)])));

/**
 * The group election.json names (`"BELENIOS-2048"`, `"RFC-3526-2048"` or `"Ed25519"`), with its methods;
 * anything else is refused, as kenes refuses it.
 */
export function groupNamed(value) {
  if (value === ED25519.name) return ED25519;
  if (typeof value === 'string' && Object.hasOwn(FINITE_FIELDS, value)) return FINITE_FIELDS[value];
  throw new Error(`unsupported group ${JSON.stringify(value)}: expected BELENIOS-2048, RFC-3526-2048 or Ed25519`);
}
