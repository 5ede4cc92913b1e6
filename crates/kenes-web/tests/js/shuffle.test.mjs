// A trustee's shuffle made by shuffle.js against the real verifiers: a ranked election set up by the kenes binary in
// RFC-3526-2048 and in Ed25519, ballots made by booth.js, the tally by kenes; shuffle.js shuffles the tally read from the archive,
// `kenes election shuffle --shuffle` checks and appends it, kenes decrypts, and belenios-tool 3.0 verifies the
// archive. A shuffle with a changed response is refused.
//
// Run with `node --test crates/kenes-web/tests/js/`. The kenes binary is $KENES_BIN if set, else target/debug/kenes,
// else target/release/kenes (skipped if missing); belenios-tool 3.0 is $KENES_BELENIOS_TOOL3 (its check is skipped
// if unset).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { encryptBallot } from '../../src/election/booth.js';
import { shuffleBallots } from '../../src/election/shuffle.js';
import { kenes, noKenes } from './kenes-binary.mjs';

const tool3 = process.env.KENES_BELENIOS_TOOL3;

const TEMPLATE = {
  description: 'Shuffle test',
  name: 'Shuffle test',
  questions: [
    { type: 'NonHomomorphic', value: { answers: ['A', 'B', 'C'], question: 'Rank' }, extra: { method: 'IRV' } },
  ],
};

function runOk(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** The entries of a Belenios archive (an old-style tar): name → text. */
function readArchive(path) {
  const bytes = readFileSync(path);
  const entries = new Map();
  for (let offset = 0; offset + 512 <= bytes.length;) {
    const name = bytes.subarray(offset, offset + 100).toString('utf8').replace(/\0.*$/s, '');
    if (name === '') break;
    const size = parseInt(bytes.subarray(offset + 124, offset + 136).toString('utf8').replace(/\0.*$/s, '').trim(), 8);
    entries.set(name, bytes.subarray(offset + 512, offset + 512 + size).toString('utf8'));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

/** The encrypted tally's JSON in an archive: the EncryptedTally event's payload, then its encrypted_tally. */
function encryptedTally(path) {
  const entries = readArchive(path);
  const data = (hash) => entries.get(`${hash}.data.json`);
  for (const [name, text] of entries) {
    if (!name.endsWith('.event.json')) continue;
    const event = JSON.parse(text);
    if (event.type === 'EncryptedTally') return data(JSON.parse(data(event.payload)).encrypted_tally);
  }
  throw new Error('no encrypted tally in the archive');
}

describe('shuffles made by shuffle.js', { skip: noKenes }, () => {
  for (const group of ['RFC-3526-2048', 'Ed25519']) test(`in ${group}, kenes and belenios-tool 3.0 accept them; a changed response is refused`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenes-shuffle-'));
    try {
      const uuid = runOk(kenes, ['election', 'setup', 'generate-token'], dir).trim();
      writeFileSync(join(dir, 'template.json'), JSON.stringify(TEMPLATE));
      runOk(kenes, ['election', 'setup', 'generate-credentials', '--uuid', uuid, '--count', '4', '--group', group], dir);
      runOk(kenes, ['election', 'setup', 'generate-trustee-key', '--group', group], dir);
      const pubkey = readdirSync(dir).find((name) => name.endsWith('.pubkey'));
      const privkey = readdirSync(dir).find((name) => name.endsWith('.privkey'));
      runOk(kenes, ['election', 'setup', 'make-election', '--uuid', uuid, '--group', group, '--template',
        'template.json', '--pubkey', pubkey, '--credentials', 'public_creds.json'], dir);
      const raw = readFileSync(join(dir, 'election.json'), 'utf8');
      const credentials = readFileSync(join(dir, 'private_creds.txt'), 'utf8').trim().split('\n')
        .map((l) => l.split(' ').pop());
      const archive = `${uuid}.bel`;
      const votes = [[1, 2, 3], [2, 1, 0], [0, 0, 1], [1, 0, 0]];
      for (const [i, ranking] of votes.entries()) {
        const { ballotJson } = await encryptBallot(raw, credentials[i], [ranking]);
        writeFileSync(join(dir, 'ballot.json'), ballotJson);
        runOk(kenes, ['election', 'cast', '--archive', archive, '--ballot-file', 'ballot.json'], dir);
      }
      runOk(kenes, ['election', 'tally', '--archive', archive], dir);
      const start = performance.now();
      let steps = 0;
      const shuffle = await shuffleBallots({
        election: raw.trim(),
        encryptedTally: encryptedTally(join(dir, archive)),
        onProgress: () => steps++,
      });
      console.log(`shuffle.js: ${(performance.now() - start).toFixed(0)} ms for ${votes.length} ciphertexts in ${group}`);
      assert.equal(steps, votes.length);
      // A changed response is refused, naming the shuffle.
      const bad = JSON.parse(shuffle);
      bad.proofs[0][1][0] = String(BigInt(bad.proofs[0][1][0]) + 1n);
      writeFileSync(join(dir, 'bad.txt'), `${JSON.stringify(bad)}\n`);
      const refused = spawnSync(kenes, ['election', 'shuffle', '--archive', archive, '--trustee-id', '1', '--shuffle',
        'bad.txt'], { cwd: dir, encoding: 'utf8' });
      assert.notEqual(refused.status, 0);
      assert.match(refused.stderr, /shuffle of trustee 1/);
      writeFileSync(join(dir, 'shuffle.txt'), `${shuffle}\n`);
      runOk(kenes, ['election', 'shuffle', '--archive', archive, '--trustee-id', '1', '--shuffle', 'shuffle.txt'], dir);
      runOk(kenes, ['election', 'end-shuffles', '--archive', archive], dir);
      runOk(kenes, ['election', 'decrypt', '--archive', archive, '--privkey', privkey, '--trustee-id', '1'], dir);
      const result = JSON.parse(runOk(kenes, ['election', 'result', '--archive', archive], dir));
      const sorted = (xs) => xs.map((x) => JSON.stringify(x)).sort();
      assert.deepEqual(sorted(result.result[0]), sorted(votes), 'the mixed ballots are those cast');
      if (tool3) runOk(tool3, ['election', 'verify'], dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
