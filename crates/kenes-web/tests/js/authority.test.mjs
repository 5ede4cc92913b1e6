// The credential authority's browser code against the real verifiers: credentials made by authority.js become
// the public credentials of an election set up by the kenes binary, a ballot made with one of the secret ones by
// booth.js is cast by kenes, and belenios-tool verifies the archive.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { generateCredential, makeCredentials } from '../../src/election/authority.js';
import { encryptBallot, parseCredential } from '../../src/election/booth.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const candidates = process.env.KENES_BIN
  ? [process.env.KENES_BIN]
  : [join(root, 'target/debug/kenes'), join(root, 'target/release/kenes')];
const kenes = candidates.find((path) => existsSync(path));
const beleniosTool = process.env.KENES_BELENIOS_TOOL ?? '/usr/bin/belenios-tool';

function runOk(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

test('generated credentials are well formed and distinct', () => {
  const made = new Set(Array.from({ length: 200 }, generateCredential));
  assert.equal(made.size, 200);
  for (const credential of made) assert.equal(parseCredential(credential), credential);
});

test('an election on credentials made by authority.js', { skip: kenes ? false : 'no kenes binary' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kenes-authority-'));
  const uuid = runOk(kenes, ['election', 'setup', 'generate-token'], dir).trim();
  // A delegate's seat may weigh more than one vote: the first voter carries two.
  const made = await makeCredentials({ group: 'BELENIOS-2048', uuid, count: 3, weights: [2, 1, 1] });
  assert.equal(made.secret.length, 3);
  assert.equal(made.public.filter((line) => line.endsWith(',2')).length, 1, 'one credential carries weight 2');
  assert.equal(made.public.filter((line) => line.includes(',')).length, 1, 'weight 1 is left unwritten');
  await assert.rejects(makeCredentials({ group: 'BELENIOS-2048', uuid, count: 2, weights: [1] }), /weights/);
  assert.deepEqual([...made.public].sort(), made.public, 'public credentials are sorted');
  writeFileSync(join(dir, 'public_creds.json'), JSON.stringify(made.public));
  writeFileSync(join(dir, 'template.json'), JSON.stringify({
    description: 'Authority test', name: 'Authority test',
    questions: [{ answers: ['Yes', 'No'], blank: true, min: 1, max: 1, question: 'Yes or no?' }],
  }));
  runOk(kenes, ['election', 'setup', 'generate-trustee-key'], dir);
  const pubkey = readdirSync(dir).find((name) => name.endsWith('.pubkey'));
  runOk(kenes, ['election', 'setup', 'make-election', '--uuid', uuid, '--template', 'template.json',
    '--pubkey', pubkey, '--credentials', 'public_creds.json'], dir);
  const election = runOk('cat', ['election.json'], dir);
  for (const [i, credential] of made.secret.entries()) {
    const ballot = await encryptBallot(election, credential, [i === 2 ? [1, 0, 0] : [0, 1, 0]]);
    writeFileSync(join(dir, `ballot${i}.json`), ballot.ballotJson);
    runOk(kenes, ['election', 'cast', '--archive', `${uuid}.bel`, '--ballot-file', `ballot${i}.json`], dir);
  }
  // A credential of another election's authority is on no list here.
  const other = await makeCredentials({ group: 'BELENIOS-2048', uuid, count: 1 });
  const stray = await encryptBallot(election, other.secret[0], [[0, 1, 0]]);
  writeFileSync(join(dir, 'stray.json'), stray.ballotJson);
  const refused = spawnSync(kenes, ['election', 'cast', '--archive', `${uuid}.bel`, '--ballot-file', 'stray.json'],
    { cwd: dir, encoding: 'utf8' });
  assert.notEqual(refused.status, 0, 'a credential on no list is refused');
  runOk(beleniosTool, ['election', 'verify'], dir);
});
