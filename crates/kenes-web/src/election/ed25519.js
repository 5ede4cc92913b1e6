// The Ed25519 group of Belenios 3 (spec 3.0 §5.2.1) for the browser, in plain JavaScript BigInt.
//
// The reference is crates/kenes-crypto/src/ed25519.rs (and group.rs for hashing); the curve formulas are RFC 8032
// §5.1 (twisted Edwards −x² + y² = 1 + d·x²·y² over p = 2^255 − 19, extended coordinates X:Y:Z:T with
// x = X/Z, y = Y/Z, x·y = T/Z). docs/belenios3/notes.md §1 records how belenios-tool 3.0 behaves.
//
// JavaScript BigInt arithmetic is not constant-time, and the multiplications here skip zero digits: a secret scalar
// may leak through timing to code that can measure this page's timing. As core.js says for the finite-field groups,
// the booth and the trustee page accept this: the secrets are the user's own and the computation runs on their device.
//
// How a caller uses it. The group object ED25519 has the same parameters as core.js's finite-field groups
// ({name, q, g}) plus methods, so that code written against the methods works for both kinds of group once
// core.js's groups get the same methods (the finite-field equivalents are given in brackets):
//
//   import { ED25519 } from './ed25519.js';
//   const group = ED25519;                      // for election.json's "group": "Ed25519"
//   const X = group.decode(json.public_key);    // parse + membership  [decodeElement + isMember]
//   const gx = group.gPow(x);                   // g^x, fixed-base table  [fixedBase(g, group)(x)]
//   const yPow = group.fixedBase(X);            // e => X^e, another table  [fixedBase(X, group)]
//   const Xc = group.pow(X, c);                 // X^c  [modPow(X, c, p)]
//   const A = group.mul(gx, Xc);                // the group operation  [(a * b) % p]
//   const inverse = group.invert(A);            // [modInv(A, p)]
//   group.equals(A, B);                         // [A === B]
//   const text = group.encode(A);               // 64 lower-case hex digits  [bigToDec(A)]
//   const e = await group.hash('pok|Ed25519|' + group.encode(X) + '|', [A]);  // [hashElements(prefix, [A], q)]
//
// Elements are EdwardsPoint objects (immutable); scalars are BigInt and are reduced modulo q by pow, gPow and the
// fixed-base tables, as ed25519.rs's `to_scalar` does (negative scalars included). The JSON form of an element is
// always encode/decode, never BigInt decimal. Besides the group operations: ofInts/toInts (the non-homomorphic
// embedding), getGenerator(i) (independent generators for the mixnet), and the curve constants.

import { hashToZq, mod, modInv, modPow, sha256 } from './core.js';

/** The name Belenios gives the group in election.json and in the prefix of proofs of knowledge. */
export const NAME = 'Ed25519';

/** The field prime p = 2^255 − 19. */
export const P = 2n ** 255n - 19n;

/** The group order q: RFC 8032's L, the order of the base point. */
export const Q = 2n ** 252n + 27742317777372353535851937790883648493n;

/** The cofactor: the curve has 8·q points. */
export const COFACTOR = 8n;

/** The curve constant d = −121665/121666 mod p. */
export const D = mod(-121665n * modInv(121666n, P), P);

/** 2·d, which the addition formula uses. */
const D2 = (2n * D) % P;

/** A square root of −1 mod p: 2^((p−1)/4) (RFC 8032 §5.1.3). */
export const SQRT_M1 = modPow(2n, (P - 1n) / 4n, P);

/** The exponent (p − 5)/8 of the square root in decoding (RFC 8032 §5.1.3: x = u·v³·(u·v⁷)^((p−5)/8)). */
const SQRT_EXPONENT = (P - 5n) / 8n;

/** Bit 255 of an encoding: the sign (low bit) of x. */
const SIGN_BIT = 1n << 255n;

/** Bits per integer and padding bits of the non-homomorphic embedding (spec 3.0 §5.2.1, ed25519.rs `embedding`). */
export const EMBEDDING_BITS_PER_INT = 8;
export const EMBEDDING_PADDING = 14;
/** The most integers one element embeds: (254 − 14)/8, the encoded y being below p with its sign bit clear. */
export const EMBEDDING_MAX_VALUES = (254 - EMBEDDING_PADDING) / EMBEDDING_BITS_PER_INT;

/** x mod p for x ≥ −p² (the field elements handled here are products and sums of values in 0..p−1). */
function reduce(x) {
  const r = x % P;
  return r < 0n ? r + P : r;
}

/** A point in extended coordinates (RFC 8032 §5.1.4): x = X/Z, y = Y/Z, x·y = T/Z. Immutable. */
export class EdwardsPoint {
  constructor(X, Y, Z, T) {
    this.X = X;
    this.Y = Y;
    this.Z = Z;
    this.T = T;
    Object.freeze(this);
  }

  /** The point of affine coordinates (x, y), both in 0..p−1 (not checked to be on the curve). */
  static fromAffine(x, y) {
    return new EdwardsPoint(x, y, 1n, (x * y) % P);
  }
}

/** The identity (0, 1), the neutral element, encoded 000…001. */
export const IDENTITY = new EdwardsPoint(0n, 1n, 1n, 0n);

/** The base point g of RFC 8032 (y = 4/5, x even), encoded 6666…6658. */
export const G = EdwardsPoint.fromAffine(
  15112221349535400772501151409588531511454012693041857206046113283949847762202n,
  46316835694926478169428394003475163141307993866256225615783033603165251855960n,
);

/** 2^255 − 1: the low 255 bits. */
const LOW_255 = SIGN_BIT - 1n;

/**
 * a·b mod p for a, b ≥ 0 below about 2^260, in 0..p−1. Since 2^255 ≡ 19, folding the bits above 255 twice and
 * subtracting p at most once is about a third faster in V8 than BigInt's `%` (measured in Node 20). The formulas
 * below keep every operand non-negative: a difference u − v of reduced values is written u − v + p.
 */
function fieldMul(a, b) {
  let x = a * b;
  x = (x & LOW_255) + 19n * (x >> 255n);
  x = (x & LOW_255) + 19n * (x >> 255n);
  return x >= P ? x - P : x;
}

/** a + b (RFC 8032 §5.1.4, "add-2008-hwcd-3", valid for every pair of points, doubling included). */
function add(a, b) {
  const A = fieldMul(a.Y - a.X + P, b.Y - b.X + P);
  const B = fieldMul(a.Y + a.X, b.Y + b.X);
  const C = fieldMul(fieldMul(a.T, D2), b.T);
  const Dz = fieldMul(2n * a.Z, b.Z);
  const E = B - A + P;
  const F = Dz - C + P;
  const Gs = Dz + C;
  const H = B + A;
  return new EdwardsPoint(fieldMul(E, F), fieldMul(Gs, H), fieldMul(F, Gs), fieldMul(E, H));
}

/**
 * A point prepared for repeated addition: (Y + X, Y − X, 2·Z, 2·d·T), which saves a product per addition.
 * For a table of affine points Z = 1 and the product by Z is skipped too.
 */
function cached(point) {
  return {
    yPlusX: (point.Y + point.X) % P,
    yMinusX: (point.Y - point.X + P) % P,
    z2: (2n * point.Z) % P,
    t2d: fieldMul(point.T, D2),
  };
}

/** a + c for c = cached(b). */
function addCached(a, c) {
  const A = fieldMul(a.Y - a.X + P, c.yMinusX);
  const B = fieldMul(a.Y + a.X, c.yPlusX);
  const C = fieldMul(a.T, c.t2d);
  const Dz = c.z2 === 2n ? 2n * a.Z : fieldMul(a.Z, c.z2);
  const E = B - A + P;
  const F = Dz - C + P;
  const Gs = Dz + C;
  const H = B + A;
  return new EdwardsPoint(fieldMul(E, F), fieldMul(Gs, H), fieldMul(F, Gs), fieldMul(E, H));
}

/**
 * 2·a (RFC 8032 §5.1.4, "dbl-2008-hwcd"). The formula does not read T, so a doubling followed by another doubling
 * skips computing it (`withT` false leaves T at 0n: such a point must only be doubled again).
 */
function double(a, withT = true) {
  const A = fieldMul(a.X, a.X);
  const B = fieldMul(a.Y, a.Y);
  const C = fieldMul(2n * a.Z, a.Z);
  const H = A + B;
  const E = H - fieldMul(a.X + a.Y, a.X + a.Y) + P;
  const Gs = A - B + P;
  const F = C + Gs;
  return new EdwardsPoint(fieldMul(E, F), fieldMul(Gs, H), fieldMul(F, Gs), withT ? fieldMul(E, H) : 0n);
}

/** −a: (−x, y). */
function negate(a) {
  return new EdwardsPoint(reduce(-a.X), a.Y, a.Z, reduce(-a.T));
}

/** Whether a and b are the same point (X1·Z2 = X2·Z1 and Y1·Z2 = Y2·Z1). */
function equals(a, b) {
  return (a.X * b.Z - b.X * a.Z) % P === 0n && (a.Y * b.Z - b.Y * a.Z) % P === 0n;
}

/** −c for c = cached(b): the same point with x negated, which swaps Y + X and Y − X and negates T. */
function negateCached(c) {
  return { yPlusX: c.yMinusX, yMinusX: c.yPlusX, z2: c.z2, t2d: c.t2d === 0n ? 0n : P - c.t2d };
}

/**
 * The signed radix-16 digits of k ≥ 0, least significant first: k = Σ d_i·16^i with every d_i in −8..7 (the last
 * one may reach 8). Tables then hold 1·a … 8·a only, half of what unsigned digits need.
 */
function signedDigits(k) {
  const hex = k.toString(16);
  const digits = [];
  let carry = 0;
  for (let i = hex.length - 1; i >= 0; i--) {
    let d = parseInt(hex[i], 16) + carry;
    carry = d >= 8 ? 1 : 0;
    d -= 16 * carry;
    digits.push(d);
  }
  if (carry !== 0) digits.push(carry);
  return digits;
}

/** Adds d·(the point of `row`) to `result`, row[j] = cached(j·point) for j in 1..8. */
function addDigit(result, row, d) {
  if (d === 0) return result;
  return addCached(result, d > 0 ? row[d] : negateCached(row[-d]));
}

/**
 * [k]·a for an integer k ≥ 0, not reduced modulo anything (isMember needs [q]·a itself): left to right over the
 * signed radix-16 digits of k with a table of 1·a … 8·a, four doublings and at most one addition per digit.
 * Variable-time: zero digits are skipped, and the number of digits shows.
 */
function multiply(a, k) {
  if (k === 0n) return IDENTITY;
  const row = [null, cached(a)];
  let multiple = a;
  for (let j = 2; j <= 8; j++) {
    multiple = add(multiple, a);
    row.push(cached(multiple));
  }
  const digits = signedDigits(k);
  let result = IDENTITY;
  for (let i = digits.length - 1; i >= 0; i--) {
    if (i !== digits.length - 1) result = double(double(double(double(result, false), false), false), true);
    result = addDigit(result, row, digits[i]);
  }
  return result;
}

/** How many signed radix-16 digits a scalar below q has at most: 64 (q < 2^253, whose top digit stays below 8). */
const TABLE_ROWS = 64;

/**
 * A fixed-base table for `base`: rows[i][j] = cached(j·16^i·base) for j in 1..8 and i in 0..63, made affine
 * (Z = 1) with one inversion for all 512 points (Montgomery's trick), so that base^e is one addition of 7 products
 * per non-zero signed digit of e mod q and no doubling. Building it costs about 5 times a multiply(base, e).
 */
function buildTable(base) {
  const points = [];
  let rowBase = base;
  for (let i = 0; i < TABLE_ROWS; i++) {
    let multiple = rowBase;
    points.push(multiple);
    for (let j = 2; j <= 8; j++) {
      multiple = add(multiple, rowBase);
      points.push(multiple);
    }
    rowBase = double(multiple); // 16·rowBase = 2·(8·rowBase)
  }
  // Batch inversion of every Z: prefix products, one inversion, then back down.
  const prefix = new Array(points.length);
  let running = 1n;
  for (let i = 0; i < points.length; i++) {
    prefix[i] = running;
    running = fieldMul(running, points[i].Z);
  }
  let inverse = modInv(running, P);
  const affine = new Array(points.length);
  for (let i = points.length - 1; i >= 0; i--) {
    const zInverse = fieldMul(inverse, prefix[i]);
    inverse = fieldMul(inverse, points[i].Z);
    affine[i] = cached(EdwardsPoint.fromAffine(fieldMul(points[i].X, zInverse), fieldMul(points[i].Y, zInverse)));
  }
  const rows = [];
  for (let i = 0; i < TABLE_ROWS; i++) rows.push([null, ...affine.slice(8 * i, 8 * i + 8)]);
  return (exponent) => {
    const digits = signedDigits(mod(exponent, Q));
    let result = IDENTITY;
    for (let i = 0; i < digits.length; i++) result = addDigit(result, rows[i], digits[i]);
    return result;
  };
}

let generatorTable = null;

/** g^e through a table built on first use (about 15 ms in Node) and kept for the page's life. */
function gPow(exponent) {
  generatorTable ??= buildTable(G);
  return generatorTable(exponent);
}

/** The affine coordinates (x, y) of a point, in 0..p−1 (one inversion). */
function toAffine(a) {
  const zInverse = modInv(a.Z, P);
  return { x: (a.X * zInverse) % P, y: (a.Y * zInverse) % P };
}

/** The point's 256-bit integer y | (x & 1) << 255: RFC 8032's encoding read as a little-endian number. */
function toInteger(a) {
  const { x, y } = toAffine(a);
  return y | ((x & 1n) << 255n);
}

/** x for a y in 0..p−1 and a sign: RFC 8032 §5.1.3 steps 2–4; null when no point has that y, or for "−0". */
function recoverX(y, sign) {
  const y2 = (y * y) % P;
  const u = reduce(y2 - 1n);
  const v = (D * y2 + 1n) % P;
  const v3 = (((v * v) % P) * v) % P;
  const v7 = (((v3 * v3) % P) * v) % P;
  let x = (((u * v3) % P) * modPow((u * v7) % P, SQRT_EXPONENT, P)) % P;
  const vx2 = (((x * x) % P) * v) % P;
  if (vx2 === u) {
    // x is a square root of u/v.
  } else if (vx2 === reduce(-u)) {
    x = (x * SQRT_M1) % P;
  } else {
    return null;
  }
  if (x === 0n && sign === 1n) return null;
  if ((x & 1n) !== sign) x = P - x;
  return x;
}

/** The point with this y (below p) and the sign of x 0: Belenios' `uncompress` on the integers of ofInts and
 * getGenerator, which stay below 2^254; null when there is none. */
function decompressSmall(z) {
  const x = recoverX(z, 0n);
  return x === null ? null : EdwardsPoint.fromAffine(x, z);
}

/** Whether a is in the subgroup of order q: [q]·a = O, so a point with a torsion component is refused. */
function isMember(a) {
  return a instanceof EdwardsPoint && equals(multiply(a, Q), IDENTITY);
}

/** What decode refuses, for its error message. */
function decodeError(why, text) {
  return new Error(`not an Ed25519 point (${why}): ${String(text).slice(0, 64)}`);
}

/**
 * A curve point without the subgroup check: 64 lower-case hex digits of y | (x & 1) << 255 with y < p, on the
 * curve, and not "negative zero" (x = 0 with the sign bit set). Exactly the points ed25519.rs `decode` accepts.
 */
function decodePoint(text) {
  if (typeof text !== 'string' || !/^[0-9a-f]{64}$/.test(text)) {
    throw decodeError('64 lower-case hex digits are needed', text);
  }
  const z = BigInt(`0x${text}`);
  const y = z & (SIGN_BIT - 1n);
  if (y >= P) throw decodeError('not the canonical encoding: y ≥ p', text);
  const sign = z >> 255n;
  const x = recoverX(y, sign);
  if (x === null) {
    const negativeZero = sign === 1n && recoverX(y, 0n) === 0n;
    throw decodeError(negativeZero ? 'not the canonical encoding: negative zero' : 'not on the curve', text);
  }
  return EdwardsPoint.fromAffine(x, y);
}

/**
 * A group element as written in JSON: decodePoint, then the subgroup check (spec `G.check`, ed25519.rs
 * `vartime_is_member`). Everything kenes refuses throws here.
 */
function decode(text) {
  const point = decodePoint(text);
  if (!isMember(point)) throw decodeError('not in the subgroup of order q: it has a torsion component', text);
  return point;
}

/** The JSON form: 64 lower-case hex digits of y | (x & 1) << 255 (big-endian; RFC 8032's bytes reversed). */
function encode(a) {
  if (!(a instanceof EdwardsPoint)) throw new TypeError('encode: expected an EdwardsPoint');
  return toInteger(a).toString(16).padStart(64, '0');
}

/** Belenios' `G.hash prefix xs` (group.rs `hash_elements`): SHA-256 of prefix ‖ encodings joined by commas, mod q. */
async function hash(prefix, elements) {
  return hashToZq(prefix + elements.map(encode).join(','), Q);
}

/**
 * The non-homomorphic embedding (spec 3.0 §5.2.1, ed25519.rs `of_ints`): the integer
 * ((v1·2^8 + v2)·2^8 + … + vn)·2^14 + ε for the smallest ε < 2^14 whose point (y = that integer, x even) exists
 * and is in the subgroup. At most 30 values, each an integer in 0..255.
 */
function ofInts(values) {
  if (!Array.isArray(values) || values.length > EMBEDDING_MAX_VALUES) {
    throw new RangeError(`ofInts: at most ${EMBEDDING_MAX_VALUES} values fit in one element`);
  }
  const max = 2 ** EMBEDDING_BITS_PER_INT - 1;
  let start = 0n;
  for (const value of values) {
    if (!Number.isInteger(value) || value < 0 || value > max) {
      throw new RangeError(`ofInts: the value ${value} is not an integer in 0..${max}`);
    }
    start = (start << BigInt(EMBEDDING_BITS_PER_INT)) + BigInt(value);
  }
  start <<= BigInt(EMBEDDING_PADDING);
  for (let epsilon = 0n; epsilon < 1n << BigInt(EMBEDDING_PADDING); epsilon++) {
    const point = decompressSmall(start + epsilon);
    if (point !== null && isMember(point)) return point;
  }
  throw new Error('ofInts: no point embeds these values');
}

/** The n integers embedded in a point (ed25519.rs `to_ints`): its encoding's integer >> 14, 8 bits each. */
function toInts(a, n) {
  let rest = toInteger(a) >> BigInt(EMBEDDING_PADDING);
  const values = new Array(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    values[i] = Number(rest & 0xffn);
    rest >>= BigInt(EMBEDDING_BITS_PER_INT);
  }
  return values;
}

/**
 * Belenios' `get_generator i` (spec 3.0 §6 table 9, ed25519.rs `independent_generator`): z = SHA256("ggen|" i) >> 2
 * read big-endian, the first point at y = z + ε (ε = 0, 1, …, x even), times the cofactor 8. `i` is an integer
 * (−1 for the mixnet's h, 0, 1, … for its g_i); throws in the impossible case that the result is O or g.
 */
async function getGenerator(i) {
  if (!Number.isSafeInteger(i) && typeof i !== 'bigint') throw new TypeError('getGenerator: expected an integer');
  const digest = await sha256(`ggen|${i}`);
  let z = 0n;
  for (const byte of digest) z = (z << 8n) | BigInt(byte);
  z >>= 2n;
  let point = decompressSmall(z);
  while (point === null) {
    z += 1n;
    point = decompressSmall(z);
  }
  const h = double(double(double(point, false), false), true);
  if (equals(h, IDENTITY) || equals(h, G)) throw new Error(`getGenerator(${i}): degenerate generator`);
  return h;
}

/**
 * The Ed25519 group as callers use it (see the top of this file). Frozen: shared by every caller.
 * `p` is the field prime, for information only: elements are points, not integers modulo p.
 */
export const ED25519 = Object.freeze({
  name: NAME,
  p: P,
  q: Q,
  g: G,
  identity: IDENTITY,
  /** a·b in Belenios' multiplicative notation: the point addition a + b. */
  mul: add,
  /** a^e (e any BigInt, reduced modulo q): [e mod q]·a. For a of order q only, as every decoded element is. */
  pow: (a, e) => multiply(a, mod(e, Q)),
  /** g^e, e reduced modulo q, through a table built on first use. */
  gPow,
  /** A fixed-base table for base: returns e => base^e (e reduced modulo q). Pays off after about 8 uses. */
  fixedBase: (base) => buildTable(base),
  /** a^−1: the point −a. */
  invert: negate,
  equals,
  isMember,
  encode,
  decode,
  decodePoint,
  hash,
  ofInts,
  toInts,
  getGenerator,
  embedding: Object.freeze({
    bitsPerInt: EMBEDDING_BITS_PER_INT,
    padding: EMBEDDING_PADDING,
    maxValues: EMBEDDING_MAX_VALUES,
  }),
});
