// Shared Belenios 2.0 primitives for the browser (booth and trustee pages), in plain JavaScript.
//
// The reference is crates/kenes-crypto (group.rs, proofs.rs, election.rs); section numbers refer to the Belenios
// specification (/usr/share/doc/belenios-tool/specification.pdf.gz). Works in browsers and in Node 20 through
// globalThis.crypto (getRandomValues, subtle.digest).
//
// JavaScript BigInt arithmetic is not constant-time: exponentiations with secret exponents may leak them through
// timing to code that can measure this page's timing. The booth accepts this, as Belenios' own JavaScript booth
// does: the secrets are the voter's own and the computation runs once, on the voter's device.

/** Base58 alphabet of credentials and tokens (spec §4.2, §4.8). */
export const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

const RFC_3526_2048_P =
  32317006071311007300338913926423828248817941241140239112842009751400741706634354222619689417363569347117901737909704191754605873209195028853758986185622153212175412514901774520270235796078236248884246189477587641105928646099411723245426622522193230540919037680524235519125679715870117001058055877651038861847280257976054903569732561526167081339361799541336476559160368317896729073178384589680639671900977202194168647225871031411336429319536193471636533209717077448227988588565369208645296636077250268955505928362751121174096972998068410554359584866583291642136218231078990999448652468262416972035911852507045361090559n;

/**
 * The finite-field groups of spec §5, by the name written in election.json's `group` member:
 * name → {name, p, q, g} (BigInt). Frozen: shared by every caller.
 */
export const GROUPS = Object.freeze({
  'BELENIOS-2048': Object.freeze({
    name: 'BELENIOS-2048',
    p: 20694785691422546401013643657505008064922989295751104097100884787057374219242717401922237254497684338129066633138078958404960054389636289796393038773905722803605973749427671376777618898589872735865049081167099310535867780980030790491654063777173764198678527273474476341835600035698305193144284561701911000786737307333564123971732897913240474578834468260652327974647951137672658693582180046317922073668860052627186363386088796882120769432366149491002923444346373222145884100586421050242120365433561201320481118852408731077014151666200162313177169372189248078507711827842317498073276598828825169183103125680162072880719n,
    q: 78571733251071885079927659812671450121821421258408794611510081919805623223441n,
    g: 2402352677501852209227687703532399932712287657378364916510075318787663274146353219320285676155269678799694668298749389095083896573425601900601068477164491735474137283104610458681314511781646755400527402889846139864532661215055797097162016168270312886432456663834863635782106154918419982534315189740658186868651151358576410138882215396016043228843603930989333662772848406593138406010231675095763777982665103606822406635076697764025346253773085133173495194248967754052573659049492477631475991575198775177711481490920456600205478127054728238140972518639858334115700568353695553423781475582491896050296680037745308460627n,
  }),
  'RFC-3526-2048': Object.freeze({
    name: 'RFC-3526-2048',
    p: RFC_3526_2048_P,
    q: (RFC_3526_2048_P - 1n) / 2n,
    g: 2n,
  }),
});

/**
 * The group of an election from the value of election.json's `group` member. Belenios 2.0 names the group
 * (spec §4.10: "BELENIOS-2048" or "RFC-3526-2048"); anything else is refused, as kenes refuses it.
 */
export function groupFromJson(value) {
  if (typeof value !== 'string' || !Object.hasOwn(GROUPS, value)) {
    throw new Error(`unsupported group ${JSON.stringify(value)}: expected BELENIOS-2048 or RFC-3526-2048`);
  }
  return GROUPS[value];
}

/** The number of bits of a non-negative BigInt (0 for 0). */
export function bitLength(x) {
  return x === 0n ? 0 : x.toString(2).length;
}

/** `x mod m` in 0..m-1, also for negative x. */
export function mod(x, m) {
  const r = x % m;
  return r < 0n ? r + m : r;
}

/**
 * `base^exp mod m` for exp >= 0: left-to-right with 5-bit windows, about bits + bits/5 + 16 modular products.
 */
export function modPow(base, exp, m) {
  if (exp < 0n) throw new RangeError('modPow: negative exponent');
  if (m === 1n) return 0n;
  const b = mod(base, m);
  const odd = [b];
  const b2 = (b * b) % m;
  for (let i = 1; i < 16; i++) odd.push((odd[i - 1] * b2) % m);
  const bits = exp.toString(2);
  let result = 1n;
  let i = 0;
  while (i < bits.length) {
    if (bits[i] === '0') {
      result = (result * result) % m;
      i++;
      continue;
    }
    // The longest window of at most 5 bits starting here that ends in a 1, so its value is odd.
    let end = Math.min(i + 5, bits.length);
    while (bits[end - 1] === '0') end--;
    for (let k = i; k < end; k++) result = (result * result) % m;
    result = (result * odd[(parseInt(bits.slice(i, end), 2) - 1) / 2]) % m;
    i = end;
  }
  return result;
}

/**
 * Exponentiation of one fixed base of order q (g, the election key): `fixedBase(base, group)(e)` = base^e mod p
 * for 0 <= e < q. The table holds base^(d·16^i), so an exponentiation is one product per hexadecimal digit of e,
 * about a fifth of modPow's work; building it costs about 15 products per digit of q, repaid after 4 uses.
 */
export function fixedBase(base, group) {
  const { p, q } = group;
  const rows = [];
  let rowBase = mod(base, p);
  for (let i = 0; i < Math.ceil(bitLength(q) / 4); i++) {
    const row = [1n];
    for (let d = 1; d < 16; d++) row.push((row[d - 1] * rowBase) % p);
    rows.push(row);
    rowBase = (row[15] * rowBase) % p;
  }
  return (exp) => {
    if (exp < 0n || exp >= q) throw new RangeError('fixedBase: exponent out of range');
    const digits = exp.toString(16);
    let result = 1n;
    for (let i = 0; i < digits.length; i++) {
      const d = parseInt(digits[digits.length - 1 - i], 16);
      if (d !== 0) result = (result * rows[i][d]) % p;
    }
    return result;
  };
}

/** The inverse of a modulo m (extended Euclid); throws if a is not invertible. */
export function modInv(a, m) {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const quotient = r0 / r1;
    [r0, r1] = [r1, r0 - quotient * r1];
    [s0, s1] = [s1, s0 - quotient * s1];
  }
  if (r0 !== 1n) throw new RangeError('modInv: not invertible');
  return mod(s0, m);
}

/** A uniform random integer in 0..q-1 (rejection sampling on bitLength(q) bits, as proofs.rs `random_scalar`). */
export function randomZq(q) {
  const bits = bitLength(q);
  const bytes = new Uint8Array(Math.ceil(bits / 8));
  const mask = 0xff >> (bytes.length * 8 - bits);
  for (;;) {
    globalThis.crypto.getRandomValues(bytes);
    bytes[0] &= mask;
    const candidate = bytesToBig(bytes);
    if (candidate < q) {
      bytes.fill(0);
      return candidate;
    }
  }
}

/**
 * `length` characters drawn uniformly from the Base58 alphabet: 6 random bits each, drawn again when they are 58 or
 * more (credential.rs `generate_token`): credentials' digits and trustees' seeds.
 */
export function randomBase58(length) {
  const byte = new Uint8Array(1);
  let text = '';
  while (text.length < length) {
    globalThis.crypto.getRandomValues(byte);
    const digit = byte[0] & 63;
    if (digit < 58) text += BASE58[digit];
  }
  byte.fill(0);
  return text;
}

/** A big-endian byte array as a non-negative BigInt. */
export function bytesToBig(bytes) {
  let hex = '0x0';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return BigInt(hex);
}

/** Bytes in lowercase hexadecimal, two digits each. */
export function bytesToHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const encoder = new TextEncoder();

/** SHA-256 of a string's UTF-8 bytes (async: crypto.subtle). */
export async function sha256(text) {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** SHA-256 of a string's UTF-8 bytes in lowercase hexadecimal (archive entry names, event hashes; spec §4.4). */
export async function sha256Hex(text) {
  return bytesToHex(await sha256(text));
}

/** `H_JSON(J)`: base64 of SHA-256 without padding (spec §4.15): election fingerprints, ballot hashes, trackers. */
export async function sha256B64(text) {
  return base64NoPad(await sha256(text));
}

/** Standard base64 (RFC 4648 alphabet) without `=` padding. */
export function base64NoPad(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/=+$/, '');
}

/**
 * Belenios' H into Z_q: SHA-256 of the string, read as a 256-bit big-endian number, reduced modulo q
 * (group.rs `hash_to_scalar`, spec §4.5, §4.12–§4.18).
 */
export async function hashToZq(text, q) {
  return bytesToBig(await sha256(text)) % q;
}

/**
 * Belenios' `G.hash prefix xs`: hashToZq of `prefix` followed by the elements in decimal, separated by commas
 * (group.rs `hash_elements`): the challenge of every proof.
 */
export async function hashElements(prefix, elements, q) {
  return hashToZq(prefix + elements.map(bigToDec).join(','), q);
}

/** A non-negative BigInt in decimal, the only number form in Belenios' JSON and hash inputs. */
export function bigToDec(x) {
  if (typeof x !== 'bigint' || x < 0n) throw new TypeError('bigToDec: expected a non-negative BigInt');
  return x.toString(10);
}

/** A proof as written in JSON (spec §4.3): `{"challenge":Zq,"response":Zq}`, both in decimal. */
export function proofJson({ challenge, response }) {
  return { challenge: bigToDec(challenge), response: bigToDec(response) };
}

/**
 * A canonical decimal string (digits only, no sign, no leading zero) as a BigInt; anything else throws, so that
 * a value accepted here is the one the Rust side accepts (group.rs `parse_decimal`).
 */
export function decToBig(text) {
  if (typeof text !== 'string' || !/^(0|[1-9][0-9]*)$/.test(text)) {
    throw new Error(`not a canonical decimal integer: ${String(text).slice(0, 40)}`);
  }
  return BigInt(text);
}

/** A scalar as written in JSON: decimal, 0 <= x < q. */
export function decodeScalar(text, q) {
  const x = decToBig(text);
  if (x >= q) throw new Error(`scalar not below q: ${text.slice(0, 40)}`);
  return x;
}

/** A group element as written in JSON: decimal, 0 < x < p (range only; see isMember). */
export function decodeElement(text, group) {
  const x = decToBig(text);
  if (x <= 0n || x >= group.p) throw new Error(`group element out of range: ${text.slice(0, 40)}`);
  return x;
}

/** The Jacobi symbol (a/n) for odd n > 0, by quadratic reciprocity. */
export function jacobi(a, n) {
  let result = 1;
  a = mod(a, n);
  while (a !== 0n) {
    while ((a & 1n) === 0n) {
      a >>= 1n;
      if ((n & 7n) === 3n || (n & 7n) === 5n) result = -result;
    }
    [a, n] = [n, a];
    if ((a & 3n) === 3n && (n & 3n) === 3n) result = -result;
    a %= n;
  }
  return n === 1n ? result : 0;
}

/**
 * Spec `G.check`: 0 < x < p and x^q = 1. For a safe prime p = 2q + 1 (RFC-3526-2048) the subgroup is the quadratic
 * residues, so the Jacobi symbol decides it without a 2047-bit exponentiation, as group.rs does.
 */
export function isMember(x, group) {
  if (x <= 0n || x >= group.p) return false;
  if (group.p === 2n * group.q + 1n) return jacobi(x, group.p) === 1;
  return modPow(x, group.q, group.p) === 1n;
}

/**
 * Compact JSON with object members in insertion order: the canonical form Belenios hashes, provided objects are
 * built with their members in Belenios' order (as the Rust structs declare them). JSON.stringify escapes strings
 * as serde_json does; values it would silently drop or change (undefined, functions, non-finite numbers) throw.
 */
export function canonicalJson(value) {
  return JSON.stringify(value, (key, v) => {
    if (v === undefined || typeof v === 'function' || (typeof v === 'number' && !Number.isFinite(v))) {
      throw new TypeError(`canonicalJson: cannot serialise ${key || 'value'}`);
    }
    return v;
  });
}
