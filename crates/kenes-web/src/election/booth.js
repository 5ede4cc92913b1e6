// The voting booth's cryptography: Belenios ballots for homomorphic and ranked (non-homomorphic, 3.0 spec §4.11.2)
// questions, made in the voter's browser.
//
// The reference is crates/kenes-crypto/src/ballot.rs (`BallotContext::create`), proofs.rs and credential.rs; the
// ballots made here have the same JSON layout, proofs and hashes, so kenes and belenios-tool accept them. Section
// numbers refer to the Belenios specification. No DOM code: the page calls these functions.

import { BASE58, bigToDec, bytesToBig, canonicalJson, decodeScalar, mod, proofJson, randomZq, sha256, sha256B64 }
  from './core.js';
import { groupNamed } from './groups.js';

/**
 * Parses election.json (spec §4.10) from its exact text, whose hash is the election fingerprint bound into every
 * proof. Returns {raw, fingerprint, uuid, group, publicKey, questions: [{question, answers, blank, min, max}]},
 * a ranked question as {question, answers, ranked: true, extra}.
 */
export async function parseElection(raw) {
  const json = JSON.parse(raw);
  if (json.version !== 1) throw new Error(`election: unsupported version ${json.version}`);
  const group = groupNamed(json.group);
  const publicKey = group.decode(json.public_key);
  if (typeof json.uuid !== 'string' || !Array.isArray(json.questions)) throw new Error('election: bad uuid or questions');
  const questions = json.questions.map((q, index) => {
    if (q === null || typeof q !== 'object') throw new Error(`question ${index + 1}: not an object`);
    if ('type' in q) return parseRankedQuestion(q, index, group);
    const { answers, min, max } = q;
    const valid =
      Array.isArray(answers) && answers.length > 0 && Number.isInteger(min) && Number.isInteger(max) &&
      min >= 0 && min <= max && max <= answers.length;
    if (!valid) throw new Error(`election question ${index + 1}: bad answers or min/max`);
    return { question: q.question, answers, blank: q.blank === true, min, max };
  });
  return { raw, fingerprint: await sha256B64(raw), uuid: json.uuid, group, publicKey, questions };
}

/** The most answers a ranked question may have (the web's limit; one Ed25519 element holds 30). */
const MAX_RANKED_ANSWERS = 30;

/**
 * A non-homomorphic (ranked) question (3.0 spec §4.9.2): `{type: "NonHomomorphic", value: {answers, question},
 * extra}`. The group must embed one 8-bit integer per answer (RFC-3526-2048: κ = 8 and 8 bits of padding).
 */
function parseRankedQuestion(q, index, group) {
  const name = `election question ${index + 1}`;
  if (q.type !== 'NonHomomorphic') throw new Error(`${name}: questions of type ${q.type} are not supported here`);
  if (!group.embedding) throw new Error(`${name}: the group ${group.name} cannot hold a ranking`);
  const answers = q.value?.answers;
  if (!Array.isArray(answers) || answers.length < 1 || answers.length > MAX_RANKED_ANSWERS) {
    throw new Error(`${name}: bad answers`);
  }
  return { question: q.value.question, answers, ranked: true, extra: q.extra ?? null };
}

/** `of_ints` (3.0 spec §5): the group's embedding of a ranking in one element (groups.js, ed25519.js). */
export function ofInts(values, group) {
  return group.ofInts(values);
}

/**
 * Checks a ranking (one integer per answer: its rank, 1 first, 0 unranked): ranks 1, 2, … with no gap and no rank
 * given twice, and at least one answer ranked. The counting methods read any other ranking as spoilt, so the
 * booth refuses it and says why. For majority judgment (the question's `extra` names the method and its grades),
 * each integer is a grade, 1 the best, and every answer must have one.
 */
function checkRanking(question, values, index) {
  const name = `question ${index + 1}`;
  const n = question.answers.length;
  const grades = question.extra?.method === 'MajorityJudgment' ? question.extra.grades : null;
  if (Array.isArray(grades)) {
    // Majority judgment: every answer gets a grade, 1 (the best) to the number of grades.
    if (!Array.isArray(values) || values.length !== n) throw new Error(`${name} needs ${n} values`);
    if (!values.every((v) => Number.isInteger(v) && v >= 0 && v <= grades.length)) {
      throw new Error(`${name}: grades are 1 to ${grades.length}`);
    }
    if (values.some((v) => v === 0)) {
      throw new VoterError('gradeMissing', `${name}: give every answer a grade`, { question: index + 1 });
    }
    return;
  }
  if (!Array.isArray(values) || values.length !== n) throw new Error(`${name} needs ${n} values`);
  if (!values.every((v) => Number.isInteger(v) && v >= 0 && v <= n)) throw new Error(`${name}: ranks are 0 to ${n}`);
  const given = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (given.length === 0) throw new VoterError('rankNone', `${name}: rank at least one answer`, { question: index + 1 });
  for (const [k, rank] of given.entries()) {
    if (rank !== k + 1) {
      throw new VoterError('rankGap', `${name}: ranks must be 1, 2, 3… each given once`, { question: index + 1 });
    }
  }
}

/**
 * One ranked question's encrypted answer (3.0 spec §4.11.2): the ranking embedded in one element and encrypted,
 * with a proof of knowledge of the randomness bound to this ballot's credential (`raweg`).
 */
async function encryptRankedAnswer(context, statement0, values) {
  const { group, random, gPow, yPow } = context;
  const { q } = group;
  const r = random(q);
  const c = { alpha: gPow(r), beta: group.mul(yPow(r), group.ofInts(values)) };
  const w = random(q);
  const enc = group.encode;
  const prefix = `raweg|${statement0}|${enc(context.publicKey)},${enc(c.alpha)},${enc(c.beta)}|`;
  const challenge = await group.hash(prefix, [gPow(w)]);
  const proof = proofJson({ challenge, response: mod(w - r * challenge, q) });
  return { answer: { choices: ciphertextJson(group, c), proof }, randomness: [r] };
}

/**
 * Checks a credential typed by a voter (spec §4.8): 15 Base58 characters, dashed as XXX-XXX-XXX-XXX-XXX or not,
 * the last one a checksum of the first 14. Returns the dashed form, the one credentials are issued in.
 *
 * Unlike credential.rs `parse`, an undashed credential is rewritten with dashes: the key is derived from the exact
 * string (by kenes and belenios-tool alike), so the undashed form would give a key that is on no voter list.
 */
/**
 * A mistake the voter can put right (a mistyped credential, too many answers ticked): `code` names it so the page
 * can say it in the voter's language, with `args`; the message stays for Node and the console.
 */
export class VoterError extends Error {
  constructor(code, message, args = {}) {
    super(message);
    this.code = code;
    this.args = args;
  }
}

export function parseCredential(text) {
  const trimmed = String(text).trim();
  // Belenios 3's credential: 22 Base58 digits written XXXXX-XXXXXX-XXXXX-XXXXXX, no checksum (spec 3.0 §4.8).
  const full = /^[^-]{5}-[^-]{6}-[^-]{5}-[^-]{6}$/.test(trimmed) ? trimmed.replaceAll('-', '') : trimmed.length === 22 ? trimmed : null;
  if (full !== null) {
    if (![...full].every((c) => BASE58.includes(c))) {
      throw new VoterError('credentialCharacters', 'a credential is made of Base58 characters');
    }
    return `${full.slice(0, 5)}-${full.slice(5, 11)}-${full.slice(11, 16)}-${full.slice(16)}`;
  }
  const dashed = /^[^-]{3}(-[^-]{3}){4}$/.test(trimmed);
  if (!dashed && trimmed.length !== 15) {
    throw new VoterError('credentialForm', 'a credential has the form XXX-XXX-XXX-XXX-XXX');
  }
  const digits = dashed ? trimmed.replaceAll('-', '') : trimmed;
  if ((credentialNumber(digits.slice(0, 14)) + base58Digit(digits[14])) % 53n !== 0n) {
    throw new VoterError('credentialChecksum', 'credential checksum does not match: check for a typing error');
  }
  return digits.match(/.../g).join('-');
}

/**
 * The character that completes 14 Base58 characters into a credential (spec §4.8): the checksum 53 − (n mod 53),
 * n their value in base 58. parseCredential accepts what this makes.
 */
export function credentialChecksum(digits) {
  return BASE58[Number(53n - (credentialNumber(digits) % 53n))];
}

/** Base58 characters as a number, most significant first. */
function credentialNumber(digits) {
  let value = 0n;
  for (const c of digits) value = value * 58n + base58Digit(c);
  return value;
}

function base58Digit(c) {
  const d = BASE58.indexOf(c);
  if (d < 0) throw new VoterError('credentialCharacters', 'a credential uses Base58 characters only');
  return BigInt(d);
}

/**
 * `secret(c)` (spec §4.8, credential.rs `derive`): PBKDF2-HMAC-SHA256 with the credential as password, the
 * election uuid as salt, 1000 iterations and 32 bytes, read big-endian and reduced modulo q.
 */
export async function deriveCredentialKey(secretCredential, uuid, q) {
  if (secretCredential.length === 25) {
    // A Belenios 3 credential (credential.rs `derive`): SHA-256("derive_credential|" uuid "|" half "|" c) for
    // halves 0 and 1, the 64 bytes read big-endian and reduced modulo q.
    const halves = [];
    for (const half of [0, 1]) halves.push(await sha256(`derive_credential|${uuid}|${half}|${secretCredential}`));
    const wide = new Uint8Array(64);
    wide.set(halves[0], 0);
    wide.set(halves[1], 32);
    const secret = bytesToBig(wide) % q;
    wide.fill(0);
    halves.forEach((h) => h.fill(0));
    return secret;
  }
  const encoder = new TextEncoder();
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', encoder.encode(secretCredential), 'PBKDF2', false, ['deriveBits']);
  const params = { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(uuid), iterations: 1000 };
  const bits = new Uint8Array(await subtle.deriveBits(params, key, 256));
  const secret = bytesToBig(bits) % q;
  bits.fill(0);
  return secret;
}

/** Checks one question's plaintext (one 0/1 per choice, blank indicator first) like election.rs `check_plaintext`. */
function checkAnswer(question, values, index) {
  const name = `question ${index + 1}`;
  const count = question.answers.length + (question.blank ? 1 : 0);
  if (!Array.isArray(values) || values.length !== count) throw new Error(`${name} needs ${count} values`);
  if (!values.every((m) => m === 0 || m === 1)) throw new Error(`${name}: every value must be 0 or 1`);
  const blank = question.blank && values[0] === 1;
  const sum = sumOf(question.blank ? values.slice(1) : values);
  if (blank && sum !== 0) throw new Error(`${name}: a blank vote selects nothing`);
  if (!blank && (sum < question.min || sum > question.max)) {
    throw new VoterError(
      'answerCount',
      `${name}: between ${question.min} and ${question.max} answers must be selected, got ${sum}`,
      { question: index + 1, min: question.min, max: question.max, count: sum },
    );
  }
}

function sumOf(numbers) {
  return numbers.reduce((a, b) => a + b, 0);
}

function sumBig(numbers) {
  return numbers.reduce((a, b) => a + b, 0n);
}

/** The pointwise product of ciphertexts: an encryption of the sum, under the sum of the randomness. */
function sumCiphertexts(ciphertexts, group) {
  return ciphertexts.reduce((s, c) => ({ alpha: group.mul(s.alpha, c.alpha), beta: group.mul(s.beta, c.beta) }), {
    alpha: group.identity,
    beta: group.identity,
  });
}

/** The per-election state of one ballot's creation: the group, `g^e` and `y^e` from tables, the random source. */
function makeContext(election, random) {
  const { group, publicKey } = election;
  return { group, publicKey, random, gPow: group.gPow, yPow: group.fixedBase(publicKey) };
}

/**
 * A disjunctive Fiat–Shamir proof (spec §4.12, §4.13): each branch `{alpha, beta, m}` states that
 * (alpha, beta) = (g^r, y^r·g^m); the branch `trueIndex` holds with the secret r, the others are simulated.
 * The challenges sum to H(prefix ‖ A_0,B_0,…,A_k,B_k), as proofs.rs `iprove` and `prove_blank` compute it; the
 * three proofs of a ballot differ only in the prefix and in which ciphertext each branch speaks of.
 */
async function proveOr(context, prefix, branches, trueIndex, r) {
  const { group, random, gPow, yPow } = context;
  const { q } = group;
  const proofs = [];
  const commitments = [];
  let simulatedSum = 0n;
  const w = random(q);
  branches.forEach(({ alpha, beta, m }, j) => {
    if (j === trueIndex) {
      proofs.push(null);
      commitments.push(gPow(w), yPow(w));
      return;
    }
    // A simulated branch: pick the challenge and response, solve for the commitments
    // A = g^response·α^challenge and B = y^response·(β/g^m)^challenge = y^response·β^challenge·g^(−m·challenge).
    const challenge = random(q);
    const response = random(q);
    const b = group.mul(yPow(response), group.pow(beta, challenge));
    commitments.push(
      group.mul(gPow(response), group.pow(alpha, challenge)),
      group.mul(b, gPow(mod(-BigInt(m) * challenge, q))),
    );
    proofs.push({ challenge, response });
    simulatedSum += challenge;
  });
  const challenge = mod((await group.hash(prefix, commitments)) - simulatedSum, q);
  proofs[trueIndex] = { challenge, response: mod(w - r * challenge, q) };
  return proofs.map(proofJson);
}

function ciphertextJson(group, { alpha, beta }) {
  return { alpha: group.encode(alpha), beta: group.encode(beta) };
}

/** `(g^r, y^r·g^m)` for m ∈ {0, 1}. */
function encrypt(context, r, m) {
  const { group } = context;
  return { alpha: context.gPow(r), beta: group.mul(context.yPow(r), m === 1 ? group.g : group.identity) };
}

/** One question's encrypted answer (spec §4.11.1) with its proofs, fields in Belenios' order. */
async function encryptAnswer(context, statement0, question, values) {
  const { group } = context;
  const { q } = group;
  const enc = group.encode;
  const randomness = values.map(() => context.random(q));
  const ciphertexts = values.map((m, j) => encrypt(context, randomness[j], m));
  const individualProofs = [];
  for (const [j, c] of ciphertexts.entries()) {
    const prefix = `prove|${statement0}|${enc(c.alpha)},${enc(c.beta)}|`;
    const branches = [0, 1].map((m) => ({ ...c, m }));
    individualProofs.push(await proveOr(context, prefix, branches, values[j], randomness[j]));
  }
  // S = S0 "|" α_1 "," β_1 "," … "," α_n "," β_n  (spec §4.11.1)
  const statement = `${statement0}|${ciphertexts.map((c) => `${enc(c.alpha)},${enc(c.beta)}`).join(',')}`;
  const range = [];
  for (let m = question.min; m <= question.max; m++) range.push(m);
  const first = question.blank ? 1 : 0;
  const sum = sumCiphertexts(ciphertexts.slice(first), group);
  const sumR = mod(sumBig(randomness.slice(first)), q);
  const total = sumOf(values.slice(first));
  const answer = { choices: ciphertexts.map((c) => ciphertextJson(group, c)), individual_proofs: individualProofs };
  if (!question.blank) {
    const prefix = `prove|${statement}|${enc(sum.alpha)},${enc(sum.beta)}|`;
    const branches = range.map((m) => ({ ...sum, m }));
    answer.overall_proof = await proveOr(context, prefix, branches, total - question.min, sumR);
  } else {
    // blank_proof: m_0 = 0 ∨ m_Σ = 0; overall_proof: m_0 = 1 ∨ m_Σ ∈ [min…max] (spec §4.13).
    const blankVote = values[0] === 1;
    const blank = ciphertexts[0];
    const overallBranches = [{ ...blank, m: 1 }, ...range.map((m) => ({ ...sum, m }))];
    const overallIndex = blankVote ? 0 : 1 + total - question.min;
    const overallSecret = blankVote ? randomness[0] : sumR;
    answer.overall_proof = await proveOr(context, `bproof1|${statement}|`, overallBranches, overallIndex, overallSecret);
    const blankBranches = [{ ...blank, m: 0 }, { ...sum, m: 0 }];
    const blankSecret = blankVote ? sumR : randomness[0];
    answer.blank_proof = await proveOr(context, `bproof0|${statement}|`, blankBranches, blankVote ? 1 : 0, blankSecret);
  }
  return { answer, randomness };
}

/**
 * Creates a ballot (spec §4.15) for `choices`, one array of 0/1 per question, blank indicator first when the
 * question allows blank (the form `kenes election vote --ballot` takes).
 *
 * `election` is parseElection's result or election.json's exact text; `secretCredential` is checked with
 * parseCredential. `random(q)` draws a uniform scalar in 0..q-1 (randomZq unless a test replaces it).
 *
 * Returns {ballot, ballotJson, trackingNumber, audit}: the ballot object, its canonical JSON (what is sent and
 * hashed), the tracking number H_JSON(ballotJson) and the encryption randomness, which lets the voter check the
 * encryption with auditBallot (Benaloh challenge). An audited ballot must never be cast: its randomness, hence the
 * vote, is known.
 */
export async function encryptBallot(election, secretCredential, choices, { random = randomZq } = {}) {
  const e = typeof election === 'string' ? await parseElection(election) : election;
  if (!Array.isArray(choices) || choices.length !== e.questions.length) {
    throw new Error(`the election has ${e.questions.length} questions, the vote answers ${choices?.length}`);
  }
  e.questions.forEach((question, i) => (question.ranked ? checkRanking : checkAnswer)(question, choices[i], i));
  const { group } = e;
  const secret = await deriveCredentialKey(parseCredential(secretCredential), e.uuid, group.q);
  const context = makeContext(e, random);
  const credential = group.encode(context.gPow(secret));
  const statement0 = `${e.fingerprint}|${credential}`;
  const answers = [];
  const randomness = [];
  for (const [i, question] of e.questions.entries()) {
    const encrypted = question.ranked
      ? await encryptRankedAnswer(context, statement0, choices[i])
      : await encryptAnswer(context, statement0, question, choices[i]);
    answers.push(encrypted.answer);
    randomness.push(encrypted.randomness.map(bigToDec));
  }
  const ballot = { election_uuid: e.uuid, election_hash: e.fingerprint, credential, answers };
  // Signature (spec §4.14): a Schnorr proof of the credential key bound to the hash of the unsigned ballot.
  const hash = await sha256B64(canonicalJson(ballot));
  const w = random(group.q);
  const challenge = await group.hash(`sig|${hash}|`, [context.gPow(w)]);
  ballot.signature = { hash, proof: proofJson({ challenge, response: mod(w - secret * challenge, group.q) }) };
  const ballotJson = canonicalJson(ballot);
  return { ballot, ballotJson, trackingNumber: await sha256B64(ballotJson), audit: { randomness } };
}

/**
 * The Benaloh audit: whether `ballotJson` encrypts `choices` for this election, recomputing every ciphertext
 * from the randomness revealed in `audit` (encryptBallot's). The proofs are not checked here; the server checks
 * them when a ballot is cast. Returns {ok: true} or {ok: false, reason}.
 */
export async function auditBallot(election, ballotJson, audit, choices) {
  const e = typeof election === 'string' ? await parseElection(election) : election;
  let ballot;
  try {
    ballot = JSON.parse(ballotJson);
  } catch {
    return { ok: false, reason: 'the ballot is not JSON' };
  }
  if (ballot.election_uuid !== e.uuid || ballot.election_hash !== e.fingerprint) {
    return { ok: false, reason: 'the ballot is for another election' };
  }
  const randomness = audit?.randomness;
  if (!Array.isArray(ballot.answers) || !Array.isArray(randomness) || !Array.isArray(choices) ||
      ballot.answers.length !== e.questions.length || randomness.length !== e.questions.length ||
      choices.length !== e.questions.length) {
    return { ok: false, reason: 'the ballot, audit or choices do not match the questions' };
  }
  const context = makeContext(e, null);
  for (const [i, question] of e.questions.entries()) {
    try {
      (question.ranked ? checkRanking : checkAnswer)(question, choices[i], i);
    } catch (error) {
      return { ok: false, reason: error.message };
    }
    if (question.ranked) {
      const found = ballot.answers[i]?.choices;
      let expected;
      try {
        const r = decodeScalar(randomness[i]?.[0], e.group.q);
        const c = { alpha: context.gPow(r), beta: e.group.mul(context.yPow(r), e.group.ofInts(choices[i])) };
        expected = ciphertextJson(e.group, c);
      } catch (error) {
        return { ok: false, reason: `question ${i + 1}: ${error.message}` };
      }
      if (found?.alpha !== expected.alpha || found?.beta !== expected.beta) {
        return { ok: false, reason: `question ${i + 1}: the ciphertext does not encrypt this ranking` };
      }
      continue;
    }
    const found = ballot.answers[i]?.choices;
    if (!Array.isArray(found) || !Array.isArray(randomness[i]) || found.length !== choices[i].length ||
        randomness[i].length !== choices[i].length) {
      return { ok: false, reason: `question ${i + 1}: wrong number of ciphertexts or random values` };
    }
    for (const [j, m] of choices[i].entries()) {
      let expected;
      try {
        expected = ciphertextJson(e.group, encrypt(context, decodeScalar(randomness[i][j], e.group.q), m));
      } catch (error) {
        return { ok: false, reason: `question ${i + 1}, choice ${j + 1}: ${error.message}` };
      }
      if (found[j]?.alpha !== expected.alpha || found[j]?.beta !== expected.beta) {
        return { ok: false, reason: `question ${i + 1}, choice ${j + 1}: the ciphertext does not encrypt ${m}` };
      }
    }
  }
  return { ok: true };
}
