// A trustee's shuffle of the ranked (non-homomorphic) ballots, made in the trustee's browser: each ciphertext is
// re-encrypted, the list permuted, and the Terelius–Wikström proof made, as Belenios 3.0 specifies it (spec 3.0
// §4.19 and §6, the CHVote algorithms GenShuffle and GenShuffleProof); kenes and belenios-tool check it.
//
// The reference is crates/kenes-crypto/src/mixnet.rs; the string forms hashed here (JeK, JcK, the challenges) are
// those of its module documentation. The arithmetic goes through the group's methods (groups.js), so it works in
// RFC-3526-2048 and in Ed25519 alike.
//
// The permutation and every random exponent are secrets of this page: they never leave it, and are dropped when the
// shuffle is made. JavaScript BigInt arithmetic is not constant-time (see core.js); the computation runs once, on the
// trustee's own device.

import { bigToDec, canonicalJson, mod, randomZq, sha256B64, sha256Hex } from './core.js';
import { groupNamed } from './groups.js';

/** A uniformly random permutation ψ of 0..n−1 (table 2): output i is input ψ[i]. */
function genPermutation(n) {
  const pool = Array.from({ length: n }, (_, i) => i);
  const psi = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = i + randomIndex(n - i);
    psi[i] = pool[k];
    pool[k] = pool[i];
  }
  return psi;
}

/** A uniform integer in 0..n−1 from the browser's random source. */
function randomIndex(n) {
  return Number(randomZq(BigInt(n)));
}

/** JeK: α1,β1,α2,β2,… with a trailing comma (table 11). */
function strCiphertexts(ops, e) {
  return e.map((c) => `${ops.encode(c.alpha)},${ops.encode(c.beta)},`).join('');
}

/** JcK: c1,c2,… with a trailing comma (table 11). */
function strElements(ops, c) {
  return c.map((x) => `${ops.encode(x)},`).join('');
}

/** SHA-256 of a string as hex, read as a big-endian number modulo q (Belenios' `Zq.reduce_hex`). */
async function reduceHex(text, q) {
  return BigInt(`0x${await sha256Hex(text)}`) % q;
}

/** GetNIZKPChallenges (table 12): u_i = SHA256(SHA256(S) ‖ SHA256(i)) mod q, on the hex strings. */
async function challenges(n, text, q) {
  const h = await sha256Hex(text);
  const out = [];
  for (let i = 0; i < n; i++) out.push(BigInt(`0x${await sha256Hex(h + (await sha256Hex(String(i))))}`) % q);
  return out;
}

/**
 * Shuffles one column of ciphertexts under the election key `y` and proves it (tables 1–4, 10, 13, 14).
 * `onStep` is called after each ciphertext's share of the work. Returns the shuffled column and the proof's JSON.
 */
export async function shuffleColumn(ops, y, fingerprint, e, hs, h, onStep) {
  // `ops` is the group (groups.js): its methods are the shuffle's arithmetic.
  const { q } = ops;
  const n = e.length;
  const yPow = ops.fixedBase(y);
  // GenShuffle: re-encrypt input j with r'_j, output i is input ψ[i].
  const psi = genPermutation(n);
  const rPrime = e.map(() => randomZq(q));
  const reencrypted = e.map((c, j) => ({ alpha: ops.mul(c.alpha, ops.gPow(rPrime[j])), beta: ops.mul(c.beta, yPow(rPrime[j])) }));
  const shuffled = psi.map((j) => reencrypted[j]);
  // GenPermutationCommitment: c_{ψ[i]} = g^{r_{ψ[i]}} · h_i.
  const commitments = new Array(n);
  const rCommit = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = randomZq(q);
    rCommit[psi[i]] = r;
    commitments[psi[i]] = ops.mul(ops.gPow(r), hs[i]);
  }
  const str1 = strCiphertexts(ops, e) + strCiphertexts(ops, shuffled) + strElements(ops, commitments);
  const u = await challenges(n, `shuffle-challenges|${fingerprint}|${str1}`, q);
  const uPrime = psi.map((j) => u[j]);
  // GenCommitmentChain: ĉ_i = g^{r̂_i} · ĉ_{i−1}^{u'_i}, ĉ_{−1} = h.
  const rHat = [];
  const cHat = [];
  for (let i = 0; i < n; i++) {
    const r = randomZq(q);
    rHat.push(r);
    cHat.push(ops.mul(ops.gPow(r), ops.pow(i === 0 ? h : cHat[i - 1], uPrime[i])));
  }
  const [w1, w2, w3, w4] = [randomZq(q), randomZq(q), randomZq(q), randomZq(q)];
  const wHat = e.map(() => randomZq(q));
  const wPrime = e.map(() => randomZq(q));
  let t3 = ops.gPow(w3);
  let t41 = ops.invert(yPow(w4));
  let t42 = ops.invert(ops.gPow(w4));
  const tHat = [];
  for (let i = 0; i < n; i++) {
    t3 = ops.mul(t3, ops.pow(hs[i], wPrime[i]));
    t41 = ops.mul(t41, ops.pow(shuffled[i].beta, wPrime[i]));
    t42 = ops.mul(t42, ops.pow(shuffled[i].alpha, wPrime[i]));
    tHat.push(ops.mul(ops.gPow(wHat[i]), ops.pow(i === 0 ? h : cHat[i - 1], wPrime[i])));
    onStep?.();
  }
  const t1 = ops.gPow(w1);
  const t2 = ops.gPow(w2);
  const str2 = strElements(ops, [t1, t2, t3, t41, t42]) + strElements(ops, tHat);
  const str3 = str1 + strElements(ops, cHat) + ops.encode(y);
  const c = await reduceHex(`shuffle-challenge|${fingerprint}|${str2}${str3}`, q);
  const sum = (xs) => xs.reduce((a, b) => a + b, 0n);
  const s1 = mod(w1 + c * sum(rCommit), q);
  const v = new Array(n).fill(1n);
  for (let i = n - 2; i >= 0; i--) v[i] = mod(uPrime[i + 1] * v[i + 1], q);
  const s2 = mod(w2 + c * sum(rHat.map((r, i) => r * v[i])), q);
  const s3 = mod(w3 + c * sum(rCommit.map((r, i) => r * u[i])), q);
  const s4 = mod(w4 + c * sum(rPrime.map((r, i) => r * u[i])), q);
  const sHat = wHat.map((w, i) => mod(w + c * rHat[i], q));
  const sPrime = wPrime.map((w, i) => mod(w + c * uPrime[i], q));
  const enc = (xs) => xs.map(ops.encode);
  const dec = (xs) => xs.map(bigToDec);
  const proof = [
    [ops.encode(t1), ops.encode(t2), ops.encode(t3), [ops.encode(t41), ops.encode(t42)], enc(tHat)],
    [bigToDec(s1), bigToDec(s2), bigToDec(s3), bigToDec(s4), dec(sHat), dec(sPrime)],
    enc(commitments),
    enc(cHat),
  ];
  return { ciphertexts: shuffled.map((x) => ({ alpha: ops.encode(x.alpha), beta: ops.encode(x.beta) })), proof };
}

/**
 * A trustee's shuffle of every ranked column (spec 3.0 §4.19), as `kenes election shuffle` and belenios-tool
 * `election shuffle` make it: `election` is election.json's exact text, `encryptedTally` the ciphertexts as they
 * stand (ceremony.json's `encrypted_tally`, where earlier shuffles are applied). `onProgress(done, total)` follows
 * the work. Returns the shuffle's canonical JSON.
 */
export async function shuffleBallots({ election, encryptedTally, onProgress }) {
  const json = JSON.parse(election);
  const ops = groupNamed(json.group);
  const fingerprint = await sha256B64(election);
  const y = ops.decode(json.public_key);
  const rows = JSON.parse(encryptedTally);
  const ranked = json.questions.map((question, i) => [question, i]).filter(([question]) => question?.type === 'NonHomomorphic');
  if (ranked.length === 0) throw new Error('the election has no ranked question to shuffle');
  const columns = ranked.map(([, i]) => {
    if (!Array.isArray(rows[i])) throw new Error(`encrypted tally question ${i + 1}: an array is expected`);
    return rows[i].map((c) => ({ alpha: ops.decode(c.alpha), beta: ops.decode(c.beta) }));
  });
  const n = Math.max(0, ...columns.map((column) => column.length));
  const h = await ops.getGenerator(-1);
  const hs = [];
  for (let i = 0; i < n; i++) hs.push(await ops.getGenerator(i));
  const total = columns.reduce((t, column) => t + column.length, 0);
  let done = 0;
  const made = [];
  for (const column of columns) {
    made.push(await shuffleColumn(ops, y, fingerprint, column, hs, h, () => onProgress?.(++done, total)));
  }
  return canonicalJson({ ciphertexts: made.map((m) => m.ciphertexts), proofs: made.map((m) => m.proof) });
}
