// The credential authority's cryptography, in its own browser (spec §4.8): one secret credential per voter, and
// the public credentials the server and the archive hold. The secret ones never leave this browser; the authority
// hands them to the voters itself (printed, read out, sent), so the server operator cannot vote in anyone's name.
//
// Finite-field elections get Belenios 2.0's credentials, Ed25519 ones Belenios 3.0's (spec 3.0 §4.8), as kenes'
// `generate-credentials` (setup.rs) and belenios-tool issue them; both go through the group's methods (groups.js).

import { randomBase58 } from './core.js';
import { credentialChecksum, deriveCredentialKey } from './booth.js';
import { groupNamed } from './groups.js';

/** A fresh credential: 14 uniform Base58 digits and their checksum, as XXX-XXX-XXX-XXX-XXX. */
export function generateCredential() {
  const digits = randomBase58(14);
  return `${digits}${credentialChecksum(digits)}`.match(/.../g).join('-');
}

/**
 * A fresh Belenios 3.0 credential (spec 3.0 §4.8, credential.rs `generate_full`): 22 uniform Base58 digits, about
 * 129 bits and no checksum, written XXXXX-XXXXXX-XXXXX-XXXXXX.
 */
export function generateFullCredential() {
  const digits = randomBase58(22);
  return `${digits.slice(0, 5)}-${digits.slice(5, 11)}-${digits.slice(11, 16)}-${digits.slice(16)}`;
}

/**
 * Credentials for `count` voters of election `uuid`: the secret ones, in voter order, and the public ones
 * (g^secret in the group's string form), sorted so that their order says nothing about the voters'. `weights`,
 * when given, holds each voter's weight in voter order.
 *
 * In a finite-field group (Belenios 2.0) the credentials are XXX-XXX-XXX-XXX-XXX, derived by PBKDF2, and a weight
 * is written (`,weight`) only where it is not 1. On Ed25519 (Belenios 3.0) they are XXXXX-XXXXXX-XXXXX-XXXXXX,
 * derived by SHA-256 (booth.js `deriveCredentialKey`), and, as kenes' setup.rs and belenios-tool 3.0 write them,
 * either every public credential carries its weight (`,1` included) or, when all weigh 1, none does.
 *
 * @param {object} input
 * @param {string} input.group the election's group (`BELENIOS-2048`, `RFC-3526-2048` or `Ed25519`).
 * @param {string} input.uuid the election's uuid (the credentials are derived for it).
 * @param {number} input.count how many voters.
 * @param {number[]} [input.weights] each voter's weight, a whole number of at least 1.
 * @param {(done: number, total: number) => void} [input.onProgress] called after each voter.
 * @returns {Promise<{secret: string[], public: string[]}>}
 */
export async function makeCredentials({ group: groupName, uuid, count, weights, onProgress }) {
  const group = groupNamed(groupName);
  const belenios3 = group.name === 'Ed25519';
  if (!Number.isInteger(count) || count < 1) throw new Error('count: at least one voter is needed');
  if (weights !== undefined && (weights.length !== count || !weights.every((w) => Number.isInteger(w) && w >= 1))) {
    throw new Error('weights: one whole number of at least 1 per voter is needed');
  }
  const weighted = belenios3 && weights !== undefined && weights.some((w) => w !== 1);
  const secret = [];
  const publics = [];
  for (let i = 0; i < count; i++) {
    const credential = belenios3 ? generateFullCredential() : generateCredential();
    secret.push(credential);
    const point = group.encode(group.gPow(await deriveCredentialKey(credential, uuid, group.q)));
    const weight = weights?.[i] ?? 1;
    publics.push(weighted || weight !== 1 ? `${point},${weight}` : point);
    onProgress?.(i + 1, count);
  }
  publics.sort();
  return { secret, public: publics };
}
