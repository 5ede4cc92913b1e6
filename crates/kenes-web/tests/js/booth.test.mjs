// The booth's ballots against the real verifiers: an election set up by the kenes binary, ballots made by
// booth.js, cast with `kenes election cast`, the archive verified by belenios-tool.
//
// Run with `node --test crates/kenes-web/tests/js/`. The kenes binary is $KENES_BIN if set, else target/debug/kenes,
// else target/release/kenes (the tests needing it are skipped if it is missing); belenios-tool is $KENES_BELENIOS_TOOL, else /usr/bin/belenios-tool.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { auditBallot, deriveCredentialKey, encryptBallot, parseCredential, parseElection } from '../../src/election/booth.js';
import { BASE58, canonicalJson, hashElements, mod, modPow, randomZq, sha256B64 } from '../../src/election/core.js';
import { kenes, noKenes } from './kenes-binary.mjs';

const beleniosTool = process.env.KENES_BELENIOS_TOOL ?? '/usr/bin/belenios-tool';

const TEMPLATE = {
  description: 'Booth test',
  name: 'Booth test',
  questions: [
    { answers: ['A', 'B', 'C', 'D', 'E'], min: 0, max: 5, question: 'Approve?' },
    { answers: ['Yes', 'No'], blank: true, min: 1, max: 1, question: 'Yes or no?' },
  ],
};

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { ok: result.status === 0, out: result.stdout, err: result.stderr };
}

function runOk(command, args, cwd) {
  const result = run(command, args, cwd);
  assert.ok(result.ok, `${command} ${args.join(' ')}: ${result.err}`);
  return result.out;
}

/** A kenes election in a fresh directory: {dir, archive, raw election.json, secret credentials, public ones}. */
function setupElection(group, template = TEMPLATE) {
  const dir = mkdtempSync(join(tmpdir(), 'kenes-booth-'));
  const uuid = runOk(kenes, ['election', 'setup', 'generate-token'], dir).trim();
  writeFileSync(join(dir, 'template.json'), JSON.stringify(template));
  runOk(kenes, ['election', 'setup', 'generate-credentials', '--uuid', uuid, '--count', '3', '--group', group], dir);
  runOk(kenes, ['election', 'setup', 'generate-trustee-key', '--group', group], dir);
  const pubkey = readdirSync(dir).find((name) => name.endsWith('.pubkey'));
  runOk(kenes, ['election', 'setup', 'make-election', '--uuid', uuid, '--group', group, '--template', 'template.json',
    '--pubkey', pubkey, '--credentials', 'public_creds.json'], dir);
  return {
    dir,
    archive: `${uuid}.bel`,
    raw: readFileSync(join(dir, 'election.json'), 'utf8'),
    credentials: readFileSync(join(dir, 'private_creds.txt'), 'utf8').trim().split('\n').map((l) => l.split(' ').pop()),
    publicCredentials: JSON.parse(readFileSync(join(dir, 'public_creds.json'), 'utf8')),
  };
}

/** Casts a ballot with `kenes election cast`: {ok, out, err}. */
function cast(election, ballotJson, name) {
  writeFileSync(join(election.dir, name), ballotJson);
  return run(kenes, ['election', 'cast', '--archive', election.archive, '--ballot-file', name], election.dir);
}

/** Signs an altered ballot again (spec §4.14), so that the verifier gets past the signature to the proofs. */
async function resign(parsed, ballot, credential) {
  const { g, p, q } = parsed.group;
  delete ballot.signature;
  const hash = await sha256B64(canonicalJson(ballot));
  const x = await deriveCredentialKey(credential, parsed.uuid, q);
  const w = randomZq(q);
  const challenge = await hashElements(`sig|${hash}|`, [modPow(g, w, p)], q);
  ballot.signature = { hash, proof: { challenge: `${challenge}`, response: `${mod(w - x * challenge, q)}` } };
  return canonicalJson(ballot);
}

/** A well-formed credential with a valid checksum, on no voter list. */
function strayCredential() {
  const digits = Array.from({ length: 14 }, (_, i) => (i * 7 + 3) % 58);
  const value = digits.reduce((v, d) => v * 58n + BigInt(d), 0n);
  digits.push(53 - Number(value % 53n));
  return digits.map((d) => BASE58[d]).join('').match(/.../g).join('-');
}

const VOTES = [
  [[1, 0, 1, 0, 1], [0, 1, 0]],
  [[0, 0, 0, 0, 0], [1, 0, 0]],
  [[1, 1, 1, 1, 1], [0, 0, 1]],
  [[0, 1, 0, 0, 0], [0, 1, 0]],
];

test('parseCredential checks the form and the checksum', () => {
  const credential = strayCredential();
  assert.equal(parseCredential(`  ${credential}\n`), credential);
  assert.equal(parseCredential(credential.replaceAll('-', '')), credential);
  const last = credential.at(-1);
  const typo = credential.slice(0, -1) + BASE58[(BASE58.indexOf(last) + 1) % 58];
  assert.throws(() => parseCredential(typo), /checksum/);
  assert.throws(() => parseCredential(credential.replace(/^./, '0')), /Base58/);
  assert.throws(() => parseCredential(credential.slice(1)), /form/);
  assert.throws(() => parseCredential('abc-def-ghi-jkm-no-p'), /form/);
});

describe('ballots made by booth.js', { skip: noKenes }, () => {
  let election;
  let parsed;
  const accepted = [];

  before(async () => {
    election = setupElection('BELENIOS-2048');
    parsed = await parseElection(election.raw);
  });
  after(() => election && rmSync(election.dir, { recursive: true, force: true }));

  test('the credential key is the one the credential authority published', async () => {
    for (const credential of election.credentials) {
      const secret = await deriveCredentialKey(credential, parsed.uuid, parsed.group.q);
      const publicKey = modPow(parsed.group.g, secret, parsed.group.p).toString();
      assert.ok(election.publicCredentials.includes(publicKey));
    }
  });

  test('kenes accepts them, with the same tracking number', async () => {
    const start = performance.now();
    const made = [];
    for (const [i, choices] of VOTES.entries()) {
      made.push(await encryptBallot(parsed, election.credentials[i % 3], choices));
    }
    const perBallot = (performance.now() - start) / VOTES.length;
    console.log(`booth.js: ${perBallot.toFixed(0)} ms per ballot (BELENIOS-2048, 5 + 3 choices) in Node ${process.version}`);
    for (const [i, { ballot, ballotJson, trackingNumber }] of made.entries()) {
      assert.equal(JSON.stringify(ballot), ballotJson);
      const result = cast(election, ballotJson, `ballot${i}.json`);
      assert.ok(result.ok, `ballot ${i} refused: ${result.err}`);
      assert.match(result.out + result.err, new RegExp(`tracking number ${trackingNumber.replace(/[+/]/g, '\\$&')}`));
      accepted.push(ballotJson);
    }
  });

  test('the election text works as well as the parsed election', async () => {
    const { ballotJson } = await encryptBallot(election.raw, election.credentials[0], VOTES[0]);
    assert.ok(cast(election, ballotJson, 'ballot-raw.json').ok);
  });

  test('kenes refuses tampered ballots', async () => {
    const credential = election.credentials[1];
    const { ballot } = await encryptBallot(parsed, credential, VOTES[0]);
    // Each alteration but the first two is signed again, so that kenes must find it in the proofs.
    const tamper = (change) => {
      const copy = structuredClone(ballot);
      change(copy);
      return resign(parsed, copy, credential);
    };
    const { g, p } = parsed.group;
    const cases = [
      ['not canonical', JSON.stringify(ballot, null, 1), /canonical/],
      ['signature hash', JSON.stringify({ ...ballot, signature: { ...ballot.signature, hash: 'A'.repeat(43) } }),
        /signature hash/],
      // An encryption of 2 in place of 1: the 0/1 proof fails.
      ['choice changed', await tamper((b) => {
        const c = b.answers[0].choices[0];
        c.beta = ((BigInt(c.beta) * g) % p).toString();
      }), /individual_proofs 1/],
      ['overall proof', await tamper((b) => {
        const proof = b.answers[1].overall_proof[0];
        [proof.challenge, proof.response] = [proof.response, proof.challenge];
      }), /overall_proof/],
      ['blank proof removed', await tamper((b) => {
        delete b.answers[1].blank_proof;
      }), /blank_proof/],
    ];
    for (const [name, ballotJson, reason] of cases) {
      const result = cast(election, ballotJson, 'tampered.json');
      assert.ok(!result.ok, `${name}: accepted`);
      assert.match(result.err, reason);
      console.log(`tampered (${name}): ${result.err.trim().split('\n').pop()}`);
    }
    assert.ok(cast(election, await tamper(() => {}), 'resigned.json').ok, 're-signing alone must not break a ballot');
    const stray = await encryptBallot(parsed, strayCredential(), VOTES[0]);
    assert.ok(!cast(election, stray.ballotJson, 'stray.json').ok, 'a credential on no list was accepted');
  });

  test('encryptBallot refuses choices the questions forbid', async () => {
    const credential = election.credentials[0];
    const refuse = (choices, pattern) => assert.rejects(encryptBallot(parsed, credential, choices), pattern);
    await refuse([[1, 0, 1, 0, 1]], /2 questions/);
    await refuse([[1, 0, 1, 0], [0, 1, 0]], /needs 5 values/);
    await refuse([[2, 0, 0, 0, 0], [0, 1, 0]], /0 or 1/);
    await refuse([[0, 0, 0, 0, 0], [0, 1, 1]], /between 1 and 1/);
    await refuse([[0, 0, 0, 0, 0], [0, 0, 0]], /between 1 and 1/);
    await refuse([[0, 0, 0, 0, 0], [1, 1, 0]], /blank vote selects nothing/);
    await assert.rejects(encryptBallot(parsed, 'not-a-credential', VOTES[0]), /form/);
  });

  test('the audit accepts the honest randomness and nothing else', async () => {
    const choices = VOTES[0];
    const { ballotJson, audit } = await encryptBallot(parsed, election.credentials[2], choices);
    assert.deepEqual(await auditBallot(parsed, ballotJson, audit, choices), { ok: true });
    const wrong = structuredClone(audit);
    wrong.randomness[1][2] = (BigInt(wrong.randomness[1][2]) + 1n).toString();
    const refused = await auditBallot(parsed, ballotJson, wrong, choices);
    assert.equal(refused.ok, false);
    assert.match(refused.reason, /question 2, choice 3/);
    const otherChoices = [[0, 0, 1, 0, 1], [0, 1, 0]];
    assert.match((await auditBallot(parsed, ballotJson, audit, otherChoices)).reason, /question 1, choice 1/);
    const notDecimal = structuredClone(audit);
    notDecimal.randomness[0][0] = '-1';
    assert.equal((await auditBallot(parsed, ballotJson, notDecimal, choices)).ok, false);
    const other = await encryptBallot(parsed, election.credentials[2], choices);
    assert.equal((await auditBallot(parsed, other.ballotJson, audit, choices)).ok, false);
  });

  test('belenios-tool verifies the archive', { skip: existsSync(beleniosTool) ? false : `no ${beleniosTool}` }, () => {
    assert.ok(accepted.length > 0);
    const result = run(beleniosTool, ['election', 'verify', '--dir', election.dir], election.dir);
    assert.ok(result.ok, result.err);
    assert.match(result.err + result.out, /all checks passed/);
    runOk(kenes, ['election', 'verify', election.archive], election.dir);
  });
});

describe('RFC-3526-2048', { skip: noKenes }, () => {
  test('a ballot is accepted by kenes and belenios-tool', async () => {
    const election = setupElection('RFC-3526-2048');
    try {
      const start = performance.now();
      const { ballotJson } = await encryptBallot(election.raw, election.credentials[0], VOTES[1]);
      console.log(`booth.js: ${(performance.now() - start).toFixed(0)} ms for one RFC-3526-2048 ballot`);
      const result = cast(election, ballotJson, 'ballot.json');
      assert.ok(result.ok, result.err);
      if (existsSync(beleniosTool)) runOk(beleniosTool, ['election', 'verify', '--dir', election.dir], election.dir);
    } finally {
      rmSync(election.dir, { recursive: true, force: true });
    }
  });
});

/** A ranked (non-homomorphic) question counted by STV for two seats, beside a yes/no question. */
const RANKED_TEMPLATE = {
  description: 'Ranked booth test',
  name: 'Ranked booth test',
  questions: [
    { type: 'NonHomomorphic', value: { answers: ['A', 'B', 'C', 'D'], question: 'Rank' },
      extra: { method: 'STV', blank: false, seats: 2 } },
    { answers: ['Yes', 'No'], min: 0, max: 1, question: 'Yes or no?' },
  ],
};

describe('ranked questions', { skip: noKenes }, () => {
  test('ranked ballots are accepted by kenes, audited, and bad rankings refused', async () => {
    const election = setupElection('RFC-3526-2048', RANKED_TEMPLATE);
    try {
      const start = performance.now();
      const made = await encryptBallot(election.raw, election.credentials[0], [[2, 1, 0, 3], [1, 0]]);
      console.log(`booth.js: ${(performance.now() - start).toFixed(0)} ms for one ranked RFC-3526-2048 ballot`);
      assert.equal(made.ballot.answers[0].choices.alpha.length > 0, true);
      assert.deepEqual((await auditBallot(election.raw, made.ballotJson, made.audit, [[2, 1, 0, 3], [1, 0]])).ok, true);
      const other = await auditBallot(election.raw, made.ballotJson, made.audit, [[1, 2, 0, 3], [1, 0]]);
      assert.equal(other.ok, false, 'the audit tells another ranking apart');
      const result = cast(election, made.ballotJson, 'ballot.json');
      assert.ok(result.ok, result.err);
      // The proof of the ranked answer, altered and signed again, is refused by kenes naming the answer.
      const second = await encryptBallot(election.raw, election.credentials[1], [[1, 0, 0, 0], [0, 1]]);
      const ballot = JSON.parse(second.ballotJson);
      ballot.answers[0].proof.response = '1';
      const parsed = await parseElection(election.raw);
      const refused = cast(election, await resign(parsed, ballot, election.credentials[1]), 'bad.json');
      assert.equal(refused.ok, false);
      assert.match(refused.err, /answer 1: proof/);
      for (const [ranking, code] of [[[0, 0, 0, 0], 'rankNone'], [[1, 1, 0, 0], 'rankGap'], [[1, 3, 0, 0], 'rankGap']]) {
        await assert.rejects(encryptBallot(election.raw, election.credentials[2], [ranking, [0, 0]]), { code });
      }
    } finally {
      rmSync(election.dir, { recursive: true, force: true });
    }
  });
});

describe('majority judgment', { skip: noKenes }, () => {
  test('graded ballots are accepted by kenes, and a candidate left ungraded is refused in the booth', async () => {
    const template = {
      description: 'Majority judgment booth test',
      name: 'Majority judgment booth test',
      questions: [
        { type: 'NonHomomorphic', value: { answers: ['A', 'B', 'C'], question: 'Grade' },
          extra: { method: 'MajorityJudgment', blank: false, grades: ['Good', 'Fair', 'Poor'] } },
      ],
    };
    const election = setupElection('Ed25519', template);
    try {
      const made = await encryptBallot(election.raw, election.credentials[0], [[1, 3, 2]]);
      assert.equal((await auditBallot(election.raw, made.ballotJson, made.audit, [[1, 3, 2]])).ok, true);
      const result = cast(election, made.ballotJson, 'ballot.json');
      assert.ok(result.ok, result.err);
      await assert.rejects(encryptBallot(election.raw, election.credentials[1], [[1, 0, 2]]), { code: 'gradeMissing' });
      await assert.rejects(encryptBallot(election.raw, election.credentials[1], [[1, 4, 2]]), /grades are 1 to 3/);
    } finally {
      rmSync(election.dir, { recursive: true, force: true });
    }
  });
});

describe('Ed25519 (Belenios 3)', { skip: noKenes }, () => {
  test('homomorphic and ranked ballots made here are accepted by kenes and belenios-tool 3.0', async () => {
    const template = {
      description: 'Ed25519 booth test',
      name: 'Ed25519 booth test',
      questions: [
        TEMPLATE.questions[1],
        { type: 'NonHomomorphic', value: { answers: ['A', 'B', 'C'], question: 'Rank' }, extra: { method: 'IRV' } },
      ],
    };
    const election = setupElection('Ed25519', template);
    try {
      assert.equal(election.credentials[0].length, 25, 'Belenios 3 credentials');
      const parsed = await parseElection(election.raw);
      // The credential's key is the one the credential authority published.
      const key = await deriveCredentialKey(parseCredential(election.credentials[0]), parsed.uuid, parsed.group.q);
      assert.ok(election.publicCredentials.includes(parsed.group.encode(parsed.group.gPow(key))));
      for (const [i, choice] of [[[0, 1, 0], [1, 2, 3]], [[1, 0, 0], [0, 1, 0]], [[0, 0, 1], [2, 0, 1]]].entries()) {
        const start = performance.now();
        const made = await encryptBallot(election.raw, election.credentials[i], choice);
        if (i === 0) console.log(`booth.js: ${(performance.now() - start).toFixed(0)} ms for one Ed25519 ballot`);
        assert.equal((await auditBallot(election.raw, made.ballotJson, made.audit, choice)).ok, true);
        const result = cast(election, made.ballotJson, `ballot${i}.json`);
        assert.ok(result.ok, result.err);
        assert.match(result.err, new RegExp(made.trackingNumber.replace(/[+/]/g, '.')));
      }
      if (process.env.KENES_BELENIOS_TOOL3) {
        runOk(process.env.KENES_BELENIOS_TOOL3, ['election', 'verify'], election.dir);
        const ballot = await encryptBallot(election.raw, election.credentials[0], [[0, 0, 1], [1, 0, 0]]);
        writeFileSync(join(election.dir, 'b.json'), ballot.ballotJson);
        runOk(process.env.KENES_BELENIOS_TOOL3, ['election', 'verify-ballot', '--ballot', 'b.json'], election.dir);
      }
    } finally {
      rmSync(election.dir, { recursive: true, force: true });
    }
  });
});
