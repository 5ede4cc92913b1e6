// The credential authority's cryptography, in its own browser (spec §4.8): one secret credential per voter, and
// the public credentials the server and the archive hold. The secret ones never leave this browser; the authority
// hands them to the voters itself (printed, read out, sent), so the server operator cannot vote in anyone's name.

import { BASE58, GROUPS, bigToDec, fixedBase } from './core.js';
import { deriveCredentialKey } from './booth.js';

/** A fresh credential: 14 uniform Base58 digits and the checksum 53 − (n mod 53), as XXX-XXX-XXX-XXX-XXX. */
export function generateCredential() {
  const digits = [];
  let value = 0n;
  const byte = new Uint8Array(1);
  while (digits.length < 14) {
    globalThis.crypto.getRandomValues(byte);
    // Rejection sampling keeps the digits uniform.
    const candidate = byte[0] & 63;
    if (candidate >= 58) continue;
    digits.push(BASE58[candidate]);
    value = value * 58n + BigInt(candidate);
  }
  digits.push(BASE58[Number(53n - (value % 53n))]);
  return digits.join('').match(/.../g).join('-');
}

/**
 * Credentials for `count` voters of election `uuid`: the secret ones, in voter order, and the public ones
 * (g^secret in decimal), sorted so that their order says nothing about the voters'.
 * @returns {Promise<{secret: string[], public: string[]}>}
 */
export async function makeCredentials({ group: groupName, uuid, count, onProgress }) {
  const group = GROUPS[groupName];
  if (!group) throw new Error(`unknown group ${groupName}`);
  if (!Number.isInteger(count) || count < 1) throw new Error('count: at least one voter is needed');
  const gPow = fixedBase(group.g, group);
  const secret = [];
  const publics = [];
  for (let i = 0; i < count; i++) {
    const credential = generateCredential();
    secret.push(credential);
    publics.push(bigToDec(gPow(await deriveCredentialKey(credential, uuid, group.q))));
    onProgress?.(i + 1, count);
  }
  publics.sort();
  return { secret, public: publics };
}
