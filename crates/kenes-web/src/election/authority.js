// The credential authority's cryptography, in its own browser (spec §4.8): one secret credential per voter, and
// the public credentials the server and the archive hold. The secret ones never leave this browser; the authority
// hands them to the voters itself (printed, read out, sent), so the server operator cannot vote in anyone's name.

import { bigToDec, fixedBase, groupFromJson, randomBase58 } from './core.js';
import { credentialChecksum, deriveCredentialKey } from './booth.js';

/** A fresh credential: 14 uniform Base58 digits and their checksum, as XXX-XXX-XXX-XXX-XXX. */
export function generateCredential() {
  const digits = randomBase58(14);
  return `${digits}${credentialChecksum(digits)}`.match(/.../g).join('-');
}

/**
 * Credentials for `count` voters of election `uuid`: the secret ones, in voter order, and the public ones
 * (g^secret in decimal, followed by `,weight` when a voter's weight is not 1, as Belenios writes them), sorted so
 * that their order says nothing about the voters'. `weights`, when given, holds each voter's weight in voter order.
 * @returns {Promise<{secret: string[], public: string[]}>}
 */
export async function makeCredentials({ group: groupName, uuid, count, weights, onProgress }) {
  const group = groupFromJson(groupName);
  if (!Number.isInteger(count) || count < 1) throw new Error('count: at least one voter is needed');
  if (weights !== undefined && (weights.length !== count || !weights.every((w) => Number.isInteger(w) && w >= 1))) {
    throw new Error('weights: one whole number of at least 1 per voter is needed');
  }
  const gPow = fixedBase(group.g, group);
  const secret = [];
  const publics = [];
  for (let i = 0; i < count; i++) {
    const credential = generateCredential();
    secret.push(credential);
    const point = bigToDec(gPow(await deriveCredentialKey(credential, uuid, group.q)));
    const weight = weights?.[i] ?? 1;
    publics.push(weight === 1 ? point : `${point},${weight}`);
    onProgress?.(i + 1, count);
  }
  publics.sort();
  return { secret, public: publics };
}
