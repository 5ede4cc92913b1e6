// A trustee's cryptography in the browser, in plain JavaScript: the files and JSON that `kenes election setup …`,
// `kenes election decrypt` and belenios-tool write and read, in the same formats. Every group goes through the
// group objects of groups.js: Belenios 2.0's finite fields, and Belenios 3's Ed25519.
//
// The reference is crates/kenes-crypto (trustees.rs, pedersen.rs, proofs.rs, tally.rs); section numbers refer to the
// Belenios specification (/usr/share/doc/belenios-tool/specification.pdf.gz; "3.0 §" to Belenios 3.0's). Three parts:
// 1. a "Single" trustee's key pair (spec §4.5): generateTrusteeKey;
// 2. a threshold ("Pedersen") trustee's steps 1, 3 and 5 of the key ceremony (spec §4.6): thresholdCertificate,
//    thresholdPolynomial, thresholdVoutput (the administrator's steps 2, 4 and 6 stay on the server);
// 3. a partial decryption of the encrypted tally with its proofs (spec §4.18): partialDecryption.
//
// The threshold ceremony has two forms, told by the certificates as pedersen.rs tells them. Belenios 2.0's (the
// finite-field ceremonies): certificates without context, the threshold chosen at step 3. Belenios 3.0's (spec 3.0
// §4.6; Ed25519 ceremonies, the only form belenios-tool 3.0 accepts): each certificate carries its context
// {group, size, threshold, index}, the threshold is the contexts', each polynomial carries its trustee's signature
// of `certs_sig|{"certs":…,"coefexps":…}` (passed on in the vinputs), and each verification key is signed.
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
  decodeScalar,
  mod,
  proofJson,
  randomBase58,
  randomZq,
  sha256,
  sha256B64,
  sha256Hex,
} from './core.js';
import { groupNamed } from './groups.js';

/** The group whose threshold ceremonies are Belenios 3.0's only (belenios-tool 3.0 refuses the 2.0 form). */
const ED25519_NAME = 'Ed25519';

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

/**
 * A group element received from others: its string form decoded (in range, or on the curve), as kenes' `decode`;
 * with `member`, also in the subgroup of order q (spec `G.check`).
 */
function element(what, text, group, { member = false } = {}) {
  expectString(what, text);
  let x;
  try {
    x = group.decodePoint(text);
  } catch (e) {
    throw new Error(`${what}: ${e.message}`);
  }
  if (member && !group.isMember(x)) throw new Error(`${what}: not in the group`);
  return x;
}

/** A Schnorr proof of knowledge of x, X = g^x, bound to `prefix` (proofs.rs `schnorr_prove`): pok and signatures. */
async function schnorrProve(group, prefix, x) {
  const w = randomZq(group.q);
  const challenge = await group.hash(prefix, [group.gPow(w)]);
  return { challenge, response: mod(w - x * challenge, group.q) };
}

/** `challenge = H(prefix ‖ g^response · X^challenge)` (proofs.rs `vartime_schnorr_verify`). */
async function schnorrVerify(group, prefix, X, proof) {
  const commitment = group.mul(group.gPow(proof.response), group.pow(X, proof.challenge));
  return (await group.hash(prefix, [commitment])) === proof.challenge;
}

const pokPrefix = (group, X) => `pok|${group.name}|${group.encode(X)}|`;
const sigmsgPrefix = (message) => `sigmsg|${message}|`;

/** `trustee_public_key` (spec §4.5) for the secret x: the public key with a fresh proof of knowledge. */
async function trusteePublicKey(group, x) {
  const X = group.gPow(x);
  const pok = await schnorrProve(group, pokPrefix(group, X), x);
  return { pok: proofJson(pok), public_key: group.encode(X) };
}

/** `signed_msg` (spec §4.6.1): the message with a Schnorr signature by sk. */
async function sign(group, sk, message) {
  return { message, signature: proofJson(await schnorrProve(group, sigmsgPrefix(message), sk)) };
}

/** Checks a signature (a parsed proof) of `message` by `vk`. */
function verifySignature(group, vk, message, proof) {
  return schnorrVerify(group, sigmsgPrefix(message), vk, proof);
}

/** Parses a `signed_msg` and checks its signature by `vk`; throws naming `what`. Returns the message and proof. */
async function checkSignedMessage(what, group, value, vk) {
  exactObject(what, value, ['message', 'signature']);
  expectString(`${what} message`, value.message);
  const proof = parseProof(`${what} signature`, value.signature, group.q);
  if (!(await verifySignature(group, vk, value.message, proof))) {
    throw new Error(`${what}: the signature does not verify`);
  }
  return { message: value.message, proof };
}

/** checkSignedMessage's message alone. */
async function checkSigned(what, group, value, vk) {
  return (await checkSignedMessage(what, group, value, vk)).message;
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
// Private channels between threshold trustees (spec §4.6.1, §4.6.3), as pedersen.rs implements them. Belenios 3.0
// keeps 2.0's: the same AES-256-CCM, its key and nonce hashed from the group elements' string forms (64 hex digits
// on Ed25519, decimal in the finite fields).

/** `encrypted_msg` for the encryption key ek: ElGamal of g^s, AES-CCM with SHA256("key|" g^s), IV SHA256("iv|" g^r). */
async function encrypt(group, ek, plaintext) {
  const { q } = group;
  const r = randomZq(q);
  const s = randomZq(q);
  const keyElement = group.gPow(s);
  const alpha = group.gPow(r);
  const beta = group.mul(group.pow(ek, r), keyElement);
  const key = await sha256(`key|${group.encode(keyElement)}`);
  const nonce = (await sha256(`iv|${group.encode(alpha)}`)).slice(0, NONCE);
  const data = await ccmEncrypt(key, nonce, encoder.encode(plaintext));
  key.fill(0);
  return { alpha: group.encode(alpha), beta: group.encode(beta), data: bytesToHex(data) };
}

async function decrypt(what, group, dk, value) {
  exactObject(what, value, ['alpha', 'beta', 'data']);
  // alpha is raised to our key: one outside the subgroup would make the outcome depend on the key modulo a small
  // factor of its order, so it is refused.
  const alpha = element(`${what} alpha`, value.alpha, group, { member: true });
  const beta = element(`${what} beta`, value.beta, group);
  const keyElement = group.mul(beta, group.invert(group.pow(alpha, dk)));
  const key = await sha256(`key|${group.encode(keyElement)}`);
  const nonce = (await sha256(`iv|${group.encode(alpha)}`)).slice(0, NONCE);
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
  const inner = canonicalJson({ recipient: group.encode(recipient), message });
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
  if (!group.equals(recipient, group.gPow(dk))) throw new Error(`${what}: we are not its recipient`);
  return expectString(`${what} message`, inner.message);
}

// ---------------------------------------------------------------------------------------------------------------
// Seeds and certificates (spec §4.6.1, §4.6.2; 3.0 §4.6.2 for the context).

/** A threshold trustee's seed is 22 Base58 characters, each drawn uniformly (credential.rs `generate_token`). */
const SEED_LENGTH = 22;

function parseSeed(text) {
  const seed = expectString('seed (.key)', text).trim();
  if (seed.length !== SEED_LENGTH || [...seed].some((c) => !BASE58.includes(c))) {
    throw new Error('seed (.key): a trustee seed is 22 Base58 characters');
  }
  return seed;
}

/**
 * sk = SHA256("sk|" seed), dk = SHA256("dk|" seed), big-endian and reduced modulo q (Belenios 3.0's `reduce_hex`;
 * 2.0 kept the number unreduced, which gives the same g^sk, g^dk, signatures and messages), and their public keys.
 */
async function seedKeys(group, seed) {
  const sk = bytesToBig(await sha256(`sk|${seed}`)) % group.q;
  const dk = bytesToBig(await sha256(`dk|${seed}`)) % group.q;
  return { sk, dk, vk: group.gPow(sk), ek: group.gPow(dk) };
}

/** One JSON value per line (the administrator's `.jsons` files), or an array of JSON texts or objects. */
function jsonList(what, input) {
  const items = typeof input === 'string' ? input.split('\n').filter((l) => l.trim() !== '') : input;
  if (!Array.isArray(items)) throw new Error(`${what}: expected one JSON per line or an array`);
  return items.map((item, i) => (typeof item === 'string' ? parseJson(`${what} ${i + 1}`, item) : item));
}

/** Whether `n` is a whole number in min..max. */
const between = (n, min, max) => Number.isInteger(n) && n >= min && n <= max;

/**
 * A Belenios 3.0 certificate context as step 1 takes it, `{index, threshold, size}` (belenios-tool's
 * `--threshold-context index/threshold/size`), checked as pedersen.rs `generate_in_context` checks it; returned in
 * the order Belenios writes it, `{group, size, threshold, index}`.
 */
function newContext(group, context) {
  if (context === null || typeof context !== 'object' || Array.isArray(context)) {
    throw new Error('context: expected {index, threshold, size}');
  }
  exactObject('context', context, ['index', 'threshold', 'size']);
  const { index, threshold, size } = context;
  if (!between(size, 1, Number.MAX_SAFE_INTEGER)) {
    throw new Error('context: size (the number of trustees) must be a whole number, at least 1');
  }
  if (!between(index, 1, size)) throw new Error(`context: index ${index} is not between 1 and ${size}`);
  if (!between(threshold, 1, size)) throw new Error(`context: threshold ${threshold} is not between 1 and ${size}`);
  return { group: group.name, size, threshold, index };
}

/** A certificate's context against the one its place implies (trustees.rs `check_context`), naming what differs. */
function checkContext(what, context, expected) {
  exactObject(`${what} context`, context, ['group', 'size', 'threshold', 'index']);
  if (context.group !== expected.group) {
    const [found, wanted] = [context.group, expected.group].map((name) => JSON.stringify(name));
    throw new Error(`${what}: context group is ${found}, not ${wanted}`);
  }
  for (const field of ['size', 'threshold', 'index']) {
    if (context[field] !== expected[field]) {
      throw new Error(`${what}: context ${field} is ${JSON.stringify(context[field])}, not ${expected[field]}`);
    }
  }
}

/**
 * Checks every certificate (pedersen.rs `certified`): its keys decode and are in the group, its self-signature
 * holds, and either none has a context (Belenios 2.0) or each has {group, size = number of certificates,
 * threshold, index = its place} with certificate 1's threshold (Belenios 3.0). On Ed25519 the contexts are required.
 * Returns the keys in order ({vk, ek, message, proof}) and the contexts' threshold (null in the 2.0 form).
 */
async function certified(group, certs) {
  const list = jsonList('certificate', certs);
  if (list.length === 0) throw new Error('certificates: none given');
  const n = list.length;
  const keys = [];
  const contexts = [];
  for (const [i, cert] of list.entries()) {
    const what = `certificate ${i + 1}`;
    exactObject(what, cert, ['message', 'signature']);
    const message = parseJson(`${what} message`, expectString(`${what} message`, cert.message));
    const hasContext = message !== null && typeof message === 'object' && Object.hasOwn(message, 'context');
    const names = ['verification', 'encryption'];
    exactObject(`${what} message`, message, hasContext ? ['context', ...names] : names);
    const vk = element(`${what} verification key`, message.verification, group);
    const ek = element(`${what} encryption key`, message.encryption, group);
    for (const [name, key] of [['verification', vk], ['encryption', ek]]) {
      if (!group.isMember(key)) throw new Error(`${what}: the ${name} key is not in the group`);
    }
    const { proof } = await checkSignedMessage(what, group, cert, vk);
    keys.push({ vk, ek, message: cert.message, proof });
    contexts.push(hasContext ? message.context : null);
  }
  let threshold = null;
  if (contexts[0] !== null) {
    threshold = contexts[0]?.threshold;
    if (!between(threshold, 1, n)) {
      throw new Error(`certificate 1: context threshold ${JSON.stringify(threshold)} is not between 1 and ${n}`);
    }
  } else if (group.name === ED25519_NAME) {
    throw new Error('certificate 1 has no context: threshold ceremonies on Ed25519 are Belenios 3.0\'s');
  }
  for (const [i, context] of contexts.entries()) {
    const what = `certificate ${i + 1}`;
    if (threshold === null && context !== null) throw new Error(`${what} has a context, but certificate 1 has none`);
    if (threshold !== null && context === null) throw new Error(`${what} has no context, but certificate 1 has one`);
    if (context !== null) checkContext(what, context, { group: group.name, size: n, threshold, index: i + 1 });
  }
  return { keys, threshold };
}

/** This trustee's position among the certificates (0-based). */
function position(group, keys, mine) {
  const index = keys.findIndex((k) => group.equals(k.vk, mine.vk) && group.equals(k.ek, mine.ek));
  if (index < 0) throw new Error("this trustee's certificate is not among the certificates");
  if (keys.findIndex((k, i) => i !== index && group.equals(k.vk, mine.vk)) >= 0) {
    throw new Error("this trustee's certificate appears more than once");
  }
  return index;
}

/**
 * A JSON string as Yojson (Belenios' JSON library) writes it (trustees.rs `write_json_string`), since these bytes
 * are signed: JSON.stringify's escapes are Yojson's (`\"`, `\\`, `\b \f \n \r \t`, other control characters as
 * lower-case `\u00xx`) but for DEL, which Yojson escapes too.
 */
function yojsonString(text) {
  return JSON.stringify(text).replaceAll('\x7f', '\\u007f');
}

/**
 * Belenios 3.0's `certs_sig` message (spec 3.0 §4.6.4, trustees.rs `certs_sig_message`): `certs_sig|` then the
 * compact JSON {"certs":[every certificate as {"message","signature":{"challenge","response"}}],"coefexps":[…]},
 * the certificates' proofs written back from their parsed numbers and the commitments in the group's string form.
 */
function certsSigMessage(group, keys, commitments) {
  const certs = keys.map(({ message, proof }) => {
    const signature = `{"challenge":"${proof.challenge}","response":"${proof.response}"}`;
    return `{"message":${yojsonString(message)},"signature":${signature}}`;
  });
  const coefexps = commitments.map((a) => yojsonString(group.encode(a)));
  return `certs_sig|{"certs":[${certs.join(',')}],"coefexps":[${coefexps.join(',')}]}`;
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
 * On Ed25519 the ceremony is Belenios 3.0's and `context` is required: this trustee's place among the trustees
 * (from 1), the threshold and the number of trustees, as belenios-tool 3.0's and kenes'
 * `--threshold-context index/threshold/size`. The certificate's message then carries
 * `{"context":{"group","size","threshold","index"},"verification","encryption"}`, so it is signed for this place in
 * this ceremony only. The finite-field ceremonies are Belenios 2.0's, whose certificates have no context: giving
 * one there is refused.
 *
 * @param {string} [groupName='BELENIOS-2048']
 * @param {{index: number, threshold: number, size: number}} [context] required on Ed25519, refused otherwise.
 * @returns {Promise<{id: string, key: {name: string, text: string}, cert: {name: string, text: string}}>}
 *   `id` is SHA-256 of the certificate's message in hexadecimal (belenios-tool's file names); `key` is the secret
 *   seed to keep until the end of the election; `cert` (one JSON line) goes to the administrator.
 */
export async function thresholdCertificate(groupName = 'BELENIOS-2048', context = undefined) {
  const group = groupNamed(groupName);
  let written = null;
  if (group.name === ED25519_NAME) {
    if (context === undefined || context === null) {
      throw new Error('context: a threshold ceremony on Ed25519 is Belenios 3.0\'s: give {index, threshold, size}');
    }
    written = newContext(group, context);
  } else if (context !== undefined && context !== null) {
    throw new Error(`context: ${group.name} ceremonies are Belenios 2.0's, whose certificates have no context`);
  }
  const seed = randomBase58(SEED_LENGTH);
  const { sk, vk, ek } = await seedKeys(group, seed);
  const keys = { verification: group.encode(vk), encryption: group.encode(ek) };
  const cert = await sign(group, sk, canonicalJson(written ? { context: written, ...keys } : keys));
  const id = await sha256Hex(cert.message);
  return {
    id,
    key: { name: `${id}.key`, text: `${seed}\n` },
    cert: { name: `${id}.cert`, text: `${canonicalJson(cert)}\n` },
  };
}

/**
 * Step 3: checks every certificate, draws a random polynomial of degree threshold − 1 and sends its value at j to
 * trustee j (spec §4.6.4), as `kenes election setup threshold --step 3`. With Belenios 3.0's certificates (with
 * contexts: every Ed25519 ceremony) the threshold is theirs, `threshold` may be left out and must be it when given,
 * and the polynomial carries this trustee's `signature` of `certs_sig|{"certs":…,"coefexps":…}` (spec 3.0 §4.6.4).
 *
 * @param {object} input
 * @param {string} [input.group='BELENIOS-2048']
 * @param {string|Array} input.certs all certificates in the administrator's order: one JSON per line, or an array.
 * @param {string} input.key this trustee's seed file (.key).
 * @param {number} [input.threshold] how many trustees will be needed to decrypt (1 … number of certificates):
 *   required with Belenios 2.0's certificates, checked against the contexts with Belenios 3.0's.
 * @returns {Promise<string>} the `polynomial` JSON (one line, no newline) for the administrator.
 */
export async function thresholdPolynomial({ group: groupName = 'BELENIOS-2048', certs, key, threshold }) {
  const group = groupNamed(groupName);
  const { keys, threshold: agreed } = await certified(group, certs);
  if (!between(threshold ?? agreed, 1, keys.length)) throw new Error(`threshold must be between 1 and ${keys.length}`);
  if (agreed !== null && threshold !== undefined && threshold !== agreed) {
    throw new Error(`threshold: the certificates' contexts say ${agreed}, not ${threshold}`);
  }
  const degree = threshold ?? agreed;
  const mine = await seedKeys(group, parseSeed(key));
  position(group, keys, mine);
  const { q } = group;
  const coefficients = Array.from({ length: degree }, () => randomZq(q));
  const raw = canonicalJson({ polynomial: coefficients.map((a) => a.toString(10)) });
  const polynomial = await send(group, mine.sk, mine.ek, raw);
  const commitments = coefficients.map((a) => group.gPow(a));
  const coefexps = await sign(group, mine.sk, canonicalJson({ coefexps: commitments.map((a) => group.encode(a)) }));
  const secrets = [];
  for (const [j, recipient] of keys.entries()) {
    // s_ij = f_i(j) mod q by Horner's rule, trustees numbered from 1.
    const x = BigInt(j + 1);
    let value = 0n;
    for (let k = coefficients.length - 1; k >= 0; k--) value = (value * x + coefficients[k]) % q;
    secrets.push(await send(group, mine.sk, recipient.ek, canonicalJson({ secret: value.toString(10) })));
  }
  if (agreed === null) return canonicalJson({ polynomial, secrets, coefexps });
  const { signature } = await sign(group, mine.sk, certsSigMessage(group, keys, commitments));
  return canonicalJson({ polynomial, secrets, coefexps, signature });
}

/**
 * Step 5: checks the shares received against every trustee's signed coefexps, g^s_ij = Π_k A_ik^(j^k)
 * (spec §4.6.5), and builds the voutput (spec §4.6.6), as `kenes election setup threshold --step 5`. With
 * Belenios 3.0's certificates the vinput's `signatures` (each trustee's of the certificates and its coefexps) are
 * checked too, and the voutput's public key carries this trustee's signature of it (spec 3.0 §4.5).
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
  const group = groupNamed(groupName);
  const { keys, threshold: agreed } = await certified(group, certs);
  const seed = parseSeed(key);
  const mine = await seedKeys(group, seed);
  const me = position(group, keys, mine);
  const parsed = typeof vinput === 'string' ? parseJson('vinput', vinput.trim()) : vinput;
  const belenios3 = agreed !== null;
  if (belenios3 && parsed !== null && typeof parsed === 'object' && !Object.hasOwn(parsed, 'signatures')) {
    throw new Error("vinput: no signatures, but the certificates have contexts (Belenios 3.0's ceremony)");
  }
  const input = exactObject(
    'vinput',
    parsed,
    belenios3 ? ['polynomial', 'secrets', 'coefexps', 'signatures'] : ['polynomial', 'secrets', 'coefexps'],
  );
  for (const name of belenios3 ? ['secrets', 'coefexps', 'signatures'] : ['secrets', 'coefexps']) {
    if (!Array.isArray(input[name]) || input[name].length !== keys.length) {
      throw new Error(`vinput: ${keys.length} ${name} expected, one per certificate`);
    }
  }
  const { q } = group;
  const j = BigInt(me + 1);
  let total = 0n;
  // Belenios 3.0: the contexts' threshold; Belenios 2.0: trustee 1's, the same for all.
  let threshold = agreed;
  for (const [i, { vk }] of keys.entries()) {
    const where = `vinput coefexps ${i + 1}`;
    const coefexpsText = await checkSigned(where, group, input.coefexps[i], vk);
    const raw = exactObject(where, parseJson(where, coefexpsText), ['coefexps']);
    if (!Array.isArray(raw.coefexps) || raw.coefexps.length === 0) {
      throw new Error(`${where}: expected a non-empty list`);
    }
    // One threshold for all: a polynomial of another degree would change how many trustees can decrypt.
    threshold ??= raw.coefexps.length;
    if (raw.coefexps.length !== threshold) {
      throw new Error(
        belenios3
          ? `${where}: ${raw.coefexps.length} coefficients, but the certificates' threshold is ${threshold}`
          : `${where}: ${raw.coefexps.length} coefficients, trustee 1 has ${threshold}`,
      );
    }
    const commitments = raw.coefexps.map((text, k) =>
      element(`${where} coefficient ${k}`, text, group, { member: true }),
    );
    if (belenios3) {
      const signature = `vinput signature ${i + 1}`;
      const proof = parseProof(signature, input.signatures[i], q);
      if (!(await verifySignature(group, vk, certsSigMessage(group, keys, commitments), proof))) {
        throw new Error(
          `${signature}: trustee ${i + 1}'s signature of the certificates and its coefexps does not verify`,
        );
      }
    }
    const what = `vinput secret ${i + 1}`;
    const message = await receive(what, group, mine.dk, vk, expectString(what, input.secrets[i]));
    const share = exactObject(what, parseJson(what, message), ['secret']);
    // belenios-tool 2.0 does not always reduce the share modulo q; g has order q, so reducing changes nothing below.
    const s = mod(decToBig(expectString(`${what} value`, share.secret)), q);
    // g^s_ij = Π_k A_ik^(j^k)  (spec §4.6.5)
    let expected = group.identity;
    let power = 1n;
    for (const a of commitments) {
      expected = group.mul(expected, group.pow(a, power));
      power *= j;
    }
    if (!group.equals(group.gPow(s), expected)) {
      throw new Error(`${what} does not match trustee ${i + 1}'s coefexps (the share sent to us is wrong)`);
    }
    total += s;
  }
  total = mod(total, q);
  const privateKey = await send(group, mine.sk, mine.ek, canonicalJson({ decryption_key: total.toString(10) }));
  const publicKey = await trusteePublicKey(group, total);
  if (belenios3) {
    // `sign_trustee_public_key` (spec 3.0 §4.5): the key's string form, signed with the certified key.
    publicKey.signature = (await sign(group, mine.sk, publicKey.public_key)).signature;
  }
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
  // The group's methods (groups.js): the finite fields and Ed25519 alike.
  const group = groupNamed(electionJson.group);
  if (!Number.isInteger(trusteeId) || trusteeId < 1) throw new Error('trusteeId: a positive integer is needed');
  let x;
  if (privkey !== undefined) x = privkeySecret(group, privkey);
  else if (key !== undefined && dkey !== undefined) x = await thresholdSecret(group, key, dkey);
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
