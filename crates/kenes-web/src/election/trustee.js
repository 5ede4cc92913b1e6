// A trustee's cryptography in the browser (Belenios 2.0), in plain JavaScript: the files and JSON that
// `kenes election setup …`, `kenes election decrypt` and belenios-tool write and read, in the same formats.
//
// The reference is crates/kenes-crypto (trustees.rs, pedersen.rs, proofs.rs, tally.rs); section numbers refer to the
// Belenios specification (/usr/share/doc/belenios-tool/specification.pdf.gz). Three parts:
// 1. a "Single" trustee's key pair (spec §4.5): generateTrusteeKey;
// 2. a threshold ("Pedersen") trustee's steps 1, 3 and 5 of the key ceremony (spec §4.6): thresholdCertificate,
//    thresholdPolynomial, thresholdVoutput (the administrator's steps 2, 4 and 6 stay on the server);
// 3. a partial decryption of the encrypted tally with its proofs (spec §4.18): partialDecryption.
//
// Every function is async (SHA-256 comes from crypto.subtle) and does no DOM work. Secrets come back as file
// contents ({name, text}) for the page to offer as downloads; nothing is stored. Inputs received from others are
// checked as the Rust code checks them, and errors say what failed and where.
//
// JavaScript BigInt arithmetic is not constant-time, so code that can time this page could learn something of the
// exponents. A trustee's key is used for every choice of the tally, so the page should run these functions on the
// trustee's own device with no third-party script loaded; the secrets themselves never leave the page.

import {
  BASE58,
  bytesToBig,
  bytesToHex,
  canonicalJson,
  decToBig,
  decodeElement,
  decodeScalar,
  fixedBase,
  groupFromJson,
  hashElements,
  isMember,
  mod,
  modInv,
  modPow,
  proofJson,
  randomBase58,
  randomZq,
  sha256,
  sha256B64,
  sha256Hex,
} from './core.js';
import { groupNamed } from './groups.js';

// ---------------------------------------------------------------------------------------------------------------
// Group helpers: g^e with a table, subgroup membership.

const generatorTables = new Map();

/** g^e mod p through a fixed-base table built once per group (e reduced modulo q: g has order q). */
function gPow(group, e) {
  let table = generatorTables.get(group.name);
  if (!table) {
    table = fixedBase(group.g, group);
    generatorTables.set(group.name, table);
  }
  return table(mod(e, group.q));
}

/** Spec `G.check` (core.js `isMember`, which decides RFC-3526-2048's subgroup by the Jacobi symbol). */
function member(x, group) {
  return isMember(x, group);
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers: JSON with exact members, proofs, Schnorr signatures.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Parses JSON text, naming `what` in the error. */
function parseJson(what, text) {
  if (typeof text !== 'string') throw new Error(`${what}: expected JSON text, got ${typeof text}`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${what}: not valid JSON (${e.message})`);
  }
}

/** Checks that `value` is an object with exactly the members `names` (serde's deny_unknown_fields), all present. */
function exactObject(what, value, names) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${what}: expected a JSON object`);
  }
  for (const name of Object.keys(value)) {
    if (!names.includes(name)) throw new Error(`${what}: unknown member ${JSON.stringify(name)}`);
  }
  for (const name of names) {
    if (!Object.hasOwn(value, name)) throw new Error(`${what}: missing member ${JSON.stringify(name)}`);
  }
  return value;
}

function expectString(what, value) {
  if (typeof value !== 'string') throw new Error(`${what}: expected a string`);
  return value;
}

/** `{"challenge":Zq,"response":Zq}` (spec §4.3), both scalars below q. */
function parseProof(what, value, q) {
  exactObject(what, value, ['challenge', 'response']);
  const at = (name) => {
    try {
      return decodeScalar(expectString(`${what} ${name}`, value[name]), q);
    } catch (e) {
      throw new Error(`${what} ${name}: ${e.message}`);
    }
  };
  return { challenge: at('challenge'), response: at('response') };
}

function element(what, text, group) {
  try {
    return decodeElement(expectString(what, text), group);
  } catch (e) {
    throw new Error(`${what}: ${e.message}`);
  }
}

/** A Schnorr proof of knowledge of x, X = g^x, bound to `prefix` (proofs.rs `schnorr_prove`): pok and signatures. */
async function schnorrProve(group, prefix, x) {
  const w = randomZq(group.q);
  const challenge = await hashElements(prefix, [gPow(group, w)], group.q);
  return { challenge, response: mod(w - x * challenge, group.q) };
}

/** `challenge = H(prefix ‖ g^response · X^challenge)` (proofs.rs `vartime_schnorr_verify`). */
async function schnorrVerify(group, prefix, X, proof) {
  const { p, q } = group;
  const commitment = (gPow(group, proof.response) * modPow(X, proof.challenge, p)) % p;
  return (await hashElements(prefix, [commitment], q)) === proof.challenge;
}

const pokPrefix = (group, X) => `pok|${group.name}|${X.toString(10)}|`;
const sigmsgPrefix = (message) => `sigmsg|${message}|`;

/** `trustee_public_key` (spec §4.5) for the secret x: the public key with a fresh proof of knowledge. */
async function trusteePublicKey(group, x) {
  const X = gPow(group, x);
  const pok = await schnorrProve(group, pokPrefix(group, X), x);
  return { pok: proofJson(pok), public_key: X.toString(10) };
}

/** `signed_msg` (spec §4.6.1): the message with a Schnorr signature by sk. */
async function sign(group, sk, message) {
  return { message, signature: proofJson(await schnorrProve(group, sigmsgPrefix(message), sk)) };
}

/** Parses a `signed_msg` and checks its signature by `vk`; throws naming `what`. */
async function checkSigned(what, group, value, vk) {
  exactObject(what, value, ['message', 'signature']);
  expectString(`${what} message`, value.message);
  const proof = parseProof(`${what} signature`, value.signature, group.q);
  if (!(await schnorrVerify(group, sigmsgPrefix(value.message), vk, proof))) {
    throw new Error(`${what}: the signature does not verify`);
  }
  return value.message;
}

// ---------------------------------------------------------------------------------------------------------------
// AES-256-CCM as Belenios uses it (SJCL's CCM): 13-byte nonce, 8-byte tag, no associated data. Web Crypto has no
// CCM, so it is built from AES-CBC (the CBC-MAC) and AES-CTR (the encryption), as NIST SP 800-38C defines it.

const TAG = 8;
const NONCE = 13;

/** Counter block A_i: flags L−1 = 1, the nonce, the 2-byte counter i. */
function counterBlock(nonce, i) {
  const block = new Uint8Array(16);
  block[0] = 15 - NONCE - 1;
  block.set(nonce, 1);
  block[14] = i >> 8;
  block[15] = i & 0xff;
  return block;
}

/** The CBC-MAC of B_0 ‖ message padded with zeros, B_0 = flags ‖ nonce ‖ length (no associated data). */
async function cbcMac(key, nonce, message) {
  const blocks = new Uint8Array(16 + Math.ceil(message.length / 16) * 16);
  blocks[0] = 8 * ((TAG - 2) / 2) + (15 - NONCE - 1);
  blocks.set(nonce, 1);
  blocks[14] = message.length >> 8;
  blocks[15] = message.length & 0xff;
  blocks.set(message, 16);
  // CBC with a zero IV: the MAC is the last block of our data; Web Crypto's PKCS#7 padding block comes after it.
  const out = new Uint8Array(
    await globalThis.crypto.subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(16) }, key.cbc, blocks),
  );
  return out.slice(blocks.length - 16, blocks.length - 16 + TAG);
}

async function ctr(key, nonce, start, data) {
  const params = { name: 'AES-CTR', counter: counterBlock(nonce, start), length: 16 };
  return new Uint8Array(await globalThis.crypto.subtle.encrypt(params, key.ctr, data));
}

async function ccmKey(raw) {
  const subtle = globalThis.crypto.subtle;
  return {
    cbc: await subtle.importKey('raw', raw, 'AES-CBC', false, ['encrypt']),
    ctr: await subtle.importKey('raw', raw, 'AES-CTR', false, ['encrypt']),
  };
}

function checkCcmLength(length) {
  // L = 2 bytes of length (what a 13-byte nonce leaves): messages below 64 KiB, far above what trustees exchange.
  if (length >= 0x10000) throw new Error('message too long to encrypt (AES-CCM with a 13-byte nonce)');
}

/** AES-256-CCM encryption: ciphertext ‖ encrypted tag. */
async function ccmEncrypt(rawKey, nonce, plaintext) {
  checkCcmLength(plaintext.length);
  const key = await ccmKey(rawKey);
  const tag = await cbcMac(key, nonce, plaintext);
  const out = new Uint8Array(plaintext.length + TAG);
  out.set(await ctr(key, nonce, 1, plaintext), 0);
  out.set(await ctr(key, nonce, 0, tag), plaintext.length);
  return out;
}

/** AES-256-CCM decryption; throws when the tag does not match. */
async function ccmDecrypt(rawKey, nonce, data) {
  if (data.length < TAG) throw new Error('encrypted message: data shorter than its tag');
  checkCcmLength(data.length - TAG);
  const key = await ccmKey(rawKey);
  const plaintext = await ctr(key, nonce, 1, data.slice(0, data.length - TAG));
  const tag = await ctr(key, nonce, 0, data.slice(data.length - TAG));
  const expected = await cbcMac(key, nonce, plaintext);
  let difference = 0;
  for (let i = 0; i < TAG; i++) difference |= tag[i] ^ expected[i];
  if (difference !== 0) {
    throw new Error('encrypted message: authentication tag does not match (wrong key or altered)');
  }
  return plaintext;
}

function hexDecode(text) {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) {
    throw new Error('encrypted message: data is not hexadecimal');
  }
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------------
// Private channels between threshold trustees (spec §4.6.1, §4.6.3), as pedersen.rs implements them.

/** `encrypted_msg` for the encryption key ek: ElGamal of g^s, AES-CCM with SHA256("key|" g^s), IV SHA256("iv|" g^r). */
async function encrypt(group, ek, plaintext) {
  const { p, q } = group;
  const r = randomZq(q);
  const s = randomZq(q);
  const keyElement = gPow(group, s);
  const alpha = gPow(group, r);
  const beta = (modPow(ek, r, p) * keyElement) % p;
  const key = await sha256(`key|${keyElement}`);
  const nonce = (await sha256(`iv|${alpha}`)).slice(0, NONCE);
  const data = await ccmEncrypt(key, nonce, encoder.encode(plaintext));
  key.fill(0);
  return { alpha: alpha.toString(10), beta: beta.toString(10), data: bytesToHex(data) };
}

async function decrypt(what, group, dk, value) {
  exactObject(what, value, ['alpha', 'beta', 'data']);
  const { p } = group;
  const alpha = element(`${what} alpha`, value.alpha, group);
  const beta = element(`${what} beta`, value.beta, group);
  const keyElement = (beta * modInv(modPow(alpha, dk, p), p)) % p;
  const key = await sha256(`key|${keyElement}`);
  const nonce = (await sha256(`iv|${alpha}`)).slice(0, NONCE);
  let plaintext;
  try {
    plaintext = await ccmDecrypt(key, nonce, hexDecode(expectString(`${what} data`, value.data)));
  } catch (e) {
    throw new Error(`${what}: ${e.message}`);
  } finally {
    key.fill(0);
  }
  try {
    return decoder.decode(plaintext);
  } catch {
    throw new Error(`${what}: the decrypted message is not UTF-8`);
  }
}

/** `send(sk, recipient, M)`: a channel message, signed with sk, encrypted for the recipient, as a JSON string. */
async function send(group, sk, recipient, message) {
  const inner = canonicalJson({ recipient: recipient.toString(10), message });
  const signed = canonicalJson(await sign(group, sk, inner));
  return canonicalJson(await encrypt(group, recipient, signed));
}

/** Receives a channel message: decrypts with dk, checks the sender's signature and that we are the recipient. */
async function receive(what, group, dk, senderVk, text) {
  const signedText = await decrypt(what, group, dk, parseJson(what, text));
  const signed = parseJson(`${what} (signed)`, signedText);
  const innerText = await checkSigned(`${what}: sender's signature`, group, signed, senderVk);
  const inner = exactObject(`${what} (channel message)`, parseJson(`${what} (channel message)`, innerText), [
    'recipient',
    'message',
  ]);
  const recipient = element(`${what} recipient`, inner.recipient, group);
  if (recipient !== gPow(group, dk)) throw new Error(`${what}: we are not its recipient`);
  return expectString(`${what} message`, inner.message);
}

// ---------------------------------------------------------------------------------------------------------------
// Seeds and certificates (spec §4.6.1, §4.6.2).

/** A threshold trustee's seed is 22 Base58 characters, each drawn uniformly (credential.rs `generate_token`). */
const SEED_LENGTH = 22;

function parseSeed(text) {
  const seed = expectString('seed (.key)', text).trim();
  if (seed.length !== SEED_LENGTH || [...seed].some((c) => !BASE58.includes(c))) {
    throw new Error('seed (.key): a trustee seed is 22 Base58 characters');
  }
  return seed;
}

/** sk = SHA256("sk|" seed), dk = SHA256("dk|" seed), big-endian, and their public keys. */
async function seedKeys(group, seed) {
  const sk = bytesToBig(await sha256(`sk|${seed}`));
  const dk = bytesToBig(await sha256(`dk|${seed}`));
  return { sk, dk, vk: gPow(group, sk), ek: gPow(group, dk) };
}

/** One JSON value per line (the administrator's `.jsons` files), or an array of JSON texts or objects. */
function jsonList(what, input) {
  const items = typeof input === 'string' ? input.split('\n').filter((l) => l.trim() !== '') : input;
  if (!Array.isArray(items)) throw new Error(`${what}: expected one JSON per line or an array`);
  return items.map((item, i) => (typeof item === 'string' ? parseJson(`${what} ${i + 1}`, item) : item));
}

/** Checks every certificate's self-signature; returns {vk, ek, message} in order (pedersen.rs `cert_keys`). */
async function certificateKeys(group, certs) {
  const list = jsonList('certificate', certs);
  if (list.length === 0) throw new Error('certificates: none given');
  const keys = [];
  for (const [i, cert] of list.entries()) {
    const what = `certificate ${i + 1}`;
    exactObject(what, cert, ['message', 'signature']);
    const message = parseJson(`${what} message`, expectString(`${what} message`, cert.message));
    exactObject(`${what} message`, message, ['verification', 'encryption']);
    const vk = element(`${what} verification key`, message.verification, group);
    const ek = element(`${what} encryption key`, message.encryption, group);
    for (const [name, key] of [['verification', vk], ['encryption', ek]]) {
      if (!member(key, group)) throw new Error(`${what}: the ${name} key is not in the group`);
    }
    await checkSigned(what, group, cert, vk);
    keys.push({ vk, ek, message: cert.message });
  }
  return keys;
}

/** This trustee's position among the certificates (0-based). */
function position(keys, mine) {
  const index = keys.findIndex((k) => k.vk === mine.vk && k.ek === mine.ek);
  if (index < 0) throw new Error("this trustee's certificate is not among the certificates");
  if (keys.findIndex((k, i) => i !== index && k.vk === mine.vk) >= 0) {
    throw new Error("this trustee's certificate appears more than once");
  }
  return index;
}

// ---------------------------------------------------------------------------------------------------------------
// Part 1: a "Single" trustee.

/**
 * Generates a "Single" trustee's key (spec §4.5), as `kenes election setup generate-trustee-key` and
 * belenios-tool `setup generate-trustee-key` do.
 *
 * @param {string} [groupName='BELENIOS-2048'] the election's group.
 * @returns {Promise<{id: string, privkey: {name: string, text: string}, pubkey: {name: string, text: string}}>}
 *   `id` is the first 8 hexadecimal digits of SHA-256(public key), upper case, as belenios-tool names the files;
 *   `privkey` is secret (`"x"` in decimal as a JSON string); `pubkey` (`trustee_public_key`) goes to the
 *   administrator.
 */
export async function generateTrusteeKey(groupName = 'BELENIOS-2048') {
  // Any group, Ed25519 included: written through the group's methods (groups.js).
  const group = groupNamed(groupName);
  const x = randomZq(group.q);
  const X = group.gPow(x);
  const w = randomZq(group.q);
  const challenge = await group.hash(`pok|${group.name}|${group.encode(X)}|`, [group.gPow(w)]);
  const pok = { challenge, response: mod(w - x * challenge, group.q) };
  const publicKey = { pok: proofJson(pok), public_key: group.encode(X) };
  const id = (await sha256Hex(publicKey.public_key)).slice(0, 8).toUpperCase();
  return {
    id,
    privkey: { name: `${id}.privkey`, text: `${JSON.stringify(x.toString(10))}\n` },
    pubkey: { name: `${id}.pubkey`, text: `${canonicalJson(publicKey)}\n` },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Part 2: the threshold trustee's steps of the key ceremony.

/**
 * Step 1: a fresh seed and its certificate (spec §4.6.2), as `kenes election setup threshold --step 1`.
 *
 * @param {string} [groupName='BELENIOS-2048']
 * @returns {Promise<{id: string, key: {name: string, text: string}, cert: {name: string, text: string}}>}
 *   `id` is SHA-256 of the certificate's message in hexadecimal (belenios-tool's file names); `key` is the secret
 *   seed to keep until the end of the election; `cert` (one JSON line) goes to the administrator.
 */
export async function thresholdCertificate(groupName = 'BELENIOS-2048') {
  const group = groupFromJson(groupName);
  const seed = randomBase58(SEED_LENGTH);
  const { sk, vk, ek } = await seedKeys(group, seed);
  const cert = await sign(group, sk, canonicalJson({ verification: vk.toString(10), encryption: ek.toString(10) }));
  const id = await sha256Hex(cert.message);
  return {
    id,
    key: { name: `${id}.key`, text: `${seed}\n` },
    cert: { name: `${id}.cert`, text: `${canonicalJson(cert)}\n` },
  };
}

/**
 * Step 3: checks every certificate, draws a random polynomial of degree threshold − 1 and sends its value at j to
 * trustee j (spec §4.6.4), as `kenes election setup threshold --step 3`.
 *
 * @param {object} input
 * @param {string} [input.group='BELENIOS-2048']
 * @param {string|Array} input.certs all certificates in the administrator's order: one JSON per line, or an array.
 * @param {string} input.key this trustee's seed file (.key).
 * @param {number} input.threshold how many trustees will be needed to decrypt (1 … number of certificates).
 * @returns {Promise<string>} the `polynomial` JSON (one line, no newline) for the administrator.
 */
export async function thresholdPolynomial({ group: groupName = 'BELENIOS-2048', certs, key, threshold }) {
  const group = groupFromJson(groupName);
  const keys = await certificateKeys(group, certs);
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > keys.length) {
    throw new Error(`threshold must be between 1 and ${keys.length}`);
  }
  const mine = await seedKeys(group, parseSeed(key));
  position(keys, mine);
  const { q } = group;
  const coefficients = Array.from({ length: threshold }, () => randomZq(q));
  const raw = canonicalJson({ polynomial: coefficients.map((a) => a.toString(10)) });
  const polynomial = await send(group, mine.sk, mine.ek, raw);
  const coefexps = await sign(
    group,
    mine.sk,
    canonicalJson({ coefexps: coefficients.map((a) => gPow(group, a).toString(10)) }),
  );
  const secrets = [];
  for (const [j, recipient] of keys.entries()) {
    // s_ij = f_i(j) mod q by Horner's rule, trustees numbered from 1.
    const x = BigInt(j + 1);
    let value = 0n;
    for (let k = coefficients.length - 1; k >= 0; k--) value = (value * x + coefficients[k]) % q;
    secrets.push(await send(group, mine.sk, recipient.ek, canonicalJson({ secret: value.toString(10) })));
  }
  return canonicalJson({ polynomial, secrets, coefexps });
}

/**
 * Step 5: checks the shares received against every trustee's signed coefexps, g^s_ij = Π_k A_ik^(j^k)
 * (spec §4.6.5), and builds the voutput (spec §4.6.6), as `kenes election setup threshold --step 5`.
 *
 * @param {object} input
 * @param {string} [input.group='BELENIOS-2048']
 * @param {string|Array} input.certs all certificates, in the same order as at step 3.
 * @param {string} input.key this trustee's seed file (.key).
 * @param {string} input.vinput this trustee's vinput (ID.vinput from the administrator's step 4).
 * @returns {Promise<{voutput: string, dkey: {name: string, text: string}}>} the `voutput` JSON for the
 *   administrator, and its encrypted decryption key (the `.dkey` file the administrator's step 6 also writes),
 *   readable only with the seed; the trustee needs both to decrypt.
 */
export async function thresholdVoutput({ group: groupName = 'BELENIOS-2048', certs, key, vinput }) {
  const group = groupFromJson(groupName);
  const keys = await certificateKeys(group, certs);
  const seed = parseSeed(key);
  const mine = await seedKeys(group, seed);
  const me = position(keys, mine);
  const input = exactObject(
    'vinput',
    typeof vinput === 'string' ? parseJson('vinput', vinput.trim()) : vinput,
    ['polynomial', 'secrets', 'coefexps'],
  );
  if (!Array.isArray(input.secrets) || input.secrets.length !== keys.length) {
    throw new Error(`vinput: ${keys.length} secrets expected, one per certificate`);
  }
  if (!Array.isArray(input.coefexps) || input.coefexps.length !== keys.length) {
    throw new Error(`vinput: ${keys.length} coefexps expected, one per certificate`);
  }
  const { p, q } = group;
  const j = BigInt(me + 1);
  let total = 0n;
  let threshold;
  for (const [i, { vk }] of keys.entries()) {
    const coefexpsText = await checkSigned(`vinput coefexps ${i + 1}`, group, input.coefexps[i], vk);
    const raw = exactObject(`vinput coefexps ${i + 1}`, parseJson(`vinput coefexps ${i + 1}`, coefexpsText), [
      'coefexps',
    ]);
    if (!Array.isArray(raw.coefexps) || raw.coefexps.length === 0) {
      throw new Error(`vinput coefexps ${i + 1}: expected a non-empty list`);
    }
    // One threshold for all: a polynomial of another degree would change how many trustees can decrypt.
    threshold ??= raw.coefexps.length;
    if (raw.coefexps.length !== threshold) {
      throw new Error(`vinput coefexps ${i + 1}: ${raw.coefexps.length} coefficients, trustee 1 has ${threshold}`);
    }
    const what = `vinput secret ${i + 1}`;
    const message = await receive(what, group, mine.dk, vk, expectString(what, input.secrets[i]));
    const share = exactObject(what, parseJson(what, message), ['secret']);
    // belenios-tool does not always reduce the share modulo q; g has order q, so reducing changes nothing below.
    const s = mod(decToBig(expectString(`${what} value`, share.secret)), q);
    // g^s_ij = Π_k A_ik^(j^k)  (spec §4.6.5)
    let expected = 1n;
    let power = 1n;
    for (const [k, text] of raw.coefexps.entries()) {
      const a = element(`vinput coefexps ${i + 1} coefficient ${k}`, text, group);
      expected = (expected * modPow(a, power, p)) % p;
      power *= j;
    }
    if (gPow(group, s) !== expected) {
      throw new Error(`${what} does not match trustee ${i + 1}'s coefexps (the share sent to us is wrong)`);
    }
    total += s;
  }
  total = mod(total, q);
  const privateKey = await send(group, mine.sk, mine.ek, canonicalJson({ decryption_key: total.toString(10) }));
  const publicKey = await trusteePublicKey(group, total);
  const id = await sha256Hex(keys[me].message);
  return {
    voutput: canonicalJson({ private_key: privateKey, public_key: publicKey }),
    dkey: { name: `${id}.dkey`, text: `${privateKey}\n` },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Part 3: partial decryption of the encrypted tally.

/** A "Single" trustee's secret from its .privkey file (`"x"`). */
function privkeySecret(group, text) {
  const value = parseJson('private key (.privkey)', expectString('private key (.privkey)', text).trim());
  try {
    return decodeScalar(expectString('private key (.privkey)', value), group.q);
  } catch (e) {
    throw new Error(`private key (.privkey): ${e.message}`);
  }
}

/** A threshold trustee's secret from its seed and its .dkey (its voutput's private_key, sent to itself). */
async function thresholdSecret(group, keyText, dkeyText) {
  const mine = await seedKeys(group, parseSeed(keyText));
  const what = 'decryption key (.dkey)';
  const message = await receive(what, group, mine.dk, mine.vk, expectString(what, dkeyText).trim());
  const pdk = exactObject(what, parseJson(what, message), ['decryption_key']);
  // Belenios sums the shares without reducing them modulo q; the same group element either way.
  return mod(decToBig(expectString('decryption key', pdk.decryption_key)), group.q);
}

/** The public key that owner `trusteeId` (1-based across all items of trustees.json) must decrypt with. */
function ownerKey(trusteesText, trusteeId, group) {
  const items = typeof trusteesText === 'string' ? parseJson('trustees', trusteesText) : trusteesText;
  if (!Array.isArray(items)) throw new Error('trustees: expected a list');
  let first = 1;
  for (const [index, item] of items.entries()) {
    const [kind, value] = Array.isArray(item) ? item : [];
    const keys =
      kind === 'Single'
        ? [value?.public_key]
        : kind === 'Pedersen' && Array.isArray(value?.verification_keys)
          ? value.verification_keys.map((k) => k?.public_key)
          : null;
    if (!keys) throw new Error(`trustees item ${index + 1}: unknown kind ${JSON.stringify(kind)}`);
    if (trusteeId < first + keys.length) {
      const what = `trustees item ${index + 1} key ${trusteeId - first + 1}`;
      try {
        return group.decode(expectString(what, keys[trusteeId - first]));
      } catch (e) {
        throw new Error(`${what}: ${e.message}`);
      }
    }
    first += keys.length;
  }
  throw new Error(`there is no trustee ${trusteeId} (the trustees structure has ${first - 1})`);
}

/** The encrypted tally's alphas, its shape checked against the election's questions (tally.rs). */
function tallyAlphas(election, tallyInput, group) {
  const rows = typeof tallyInput === 'string' ? parseJson('encrypted tally', tallyInput) : tallyInput;
  if (!Array.isArray(election.questions) || !Array.isArray(rows) || rows.length !== election.questions.length) {
    throw new Error('encrypted tally: the wrong number of questions for this election');
  }
  return rows.map((row, i) => {
    const question = election.questions[i];
    if (question === null || typeof question !== 'object') throw new Error(`question ${i + 1}: not an object`);
    if (Object.hasOwn(question, 'type')) {
      // A ranked (non-homomorphic) question: one ciphertext per counted ballot, as the last shuffle left them.
      if (question.type !== 'NonHomomorphic') throw new Error(`question ${i + 1}: ${question.type} is not supported`);
      if (!Array.isArray(row)) throw new Error(`encrypted tally question ${i + 1}: an array is expected`);
    } else {
      const count = (Array.isArray(question.answers) ? question.answers.length : 0) + (question.blank === true ? 1 : 0);
      if (!Array.isArray(row) || row.length !== count) {
        throw new Error(`encrypted tally question ${i + 1}: ${count} ciphertexts expected`);
      }
    }
    return row.map((c, j) => {
      const what = `encrypted tally question ${i + 1} choice ${j + 1}`;
      exactObject(what, c, ['alpha', 'beta']);
      const point = (name) => {
        try {
          return group.decodePoint(expectString(`${what} ${name}`, c[name]));
        } catch (e) {
          throw new Error(`${what} ${name}: ${e.message}`);
        }
      };
      point('beta');
      const alpha = point('alpha');
      // Raising an element outside the subgroup to our key would leak the key modulo a small factor of its order.
      if (!group.isMember(alpha)) throw new Error(`${what}: alpha is not in the group`);
      return alpha;
    });
  });
}

/**
 * A partial decryption of the encrypted tally with its proofs (spec §4.18), as `kenes election decrypt` and
 * belenios-tool `election decrypt` / `decrypt-threshold` compute it: factor α^x and a proof
 * {challenge = H("decrypt|" φ "|" X "|" g^w "," α^w), response = w − x·challenge} per choice.
 *
 * @param {object} input
 * @param {string} input.election election.json, its exact text (φ is the hash of these bytes).
 * @param {string|Array} input.encryptedTally the encrypted tally (JSON text or parsed): [[{alpha, beta}, …], …].
 * @param {number} input.trusteeId the trustee's number, 1-based in the order of trustees.json (the `owner`).
 * @param {string|Array} [input.trustees] trustees.json: when given, the key must be owner trusteeId's key.
 * @param {string} [input.privkey] a "Single" trustee's .privkey file; or, for a threshold trustee,
 * @param {string} [input.key] its seed (.key) and
 * @param {string} [input.dkey] its encrypted decryption key (.dkey).
 * @param {(done: number, total: number) => void} [input.onProgress] called after each choice.
 * @returns {Promise<{partialDecryption: string, owned: string, publicKey: string}>} the `partial_decryption`
 *   JSON (an archive data entry) and the `owned_partial_decryption` JSON {owner, payload: SHA-256 hex of it}
 *   (the payload of the PartialDecryption event); `publicKey` is g^x in decimal.
 */
export async function partialDecryption(input) {
  const { election, encryptedTally, trusteeId, trustees, privkey, key, dkey, onProgress } = input;
  const electionJson = parseJson('election', expectString('election', election));
  // The group's methods (groups.js): the finite fields and Ed25519 alike. The threshold steps are finite-field only.
  const group = groupNamed(electionJson.group);
  if (!Number.isInteger(trusteeId) || trusteeId < 1) throw new Error('trusteeId: a positive integer is needed');
  let x;
  if (privkey !== undefined) x = privkeySecret(group, privkey);
  else if (key !== undefined && dkey !== undefined) x = await thresholdSecret(groupFromJson(electionJson.group), key, dkey);
  else throw new Error('give privkey, or key and dkey');
  const { q } = group;
  const X = group.gPow(x);
  if (trustees !== undefined && !group.equals(ownerKey(trustees, trusteeId, group), X)) {
    throw new Error(`this private key is not the key of trustee ${trusteeId}`);
  }
  const alphas = tallyAlphas(electionJson, encryptedTally, group);
  const prefix = `decrypt|${await sha256B64(election)}|${group.encode(X)}|`;
  const total = alphas.reduce((n, row) => n + row.length, 0);
  let done = 0;
  const factors = [];
  const proofs = [];
  for (const row of alphas) {
    const factorRow = [];
    const proofRow = [];
    for (const alpha of row) {
      const w = randomZq(q);
      const challenge = await group.hash(prefix, [group.gPow(w), group.pow(alpha, w)]);
      factorRow.push(group.encode(group.pow(alpha, x)));
      proofRow.push(proofJson({ challenge, response: mod(w - x * challenge, q) }));
      onProgress?.(++done, total);
    }
    factors.push(factorRow);
    proofs.push(proofRow);
  }
  const text = canonicalJson({ decryption_factors: factors, decryption_proofs: proofs });
  return {
    partialDecryption: text,
    owned: canonicalJson({ owner: trusteeId, payload: await sha256Hex(text) }),
    publicKey: group.encode(X),
  };
}
