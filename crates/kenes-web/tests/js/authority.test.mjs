// The credential authority's browser code against the real verifiers: credentials made by authority.js become
// the public credentials of an election set up by the kenes binary, a ballot made with one of the secret ones by
// booth.js is cast by kenes, and belenios-tool verifies the archive (belenios-tool 3.0 for Ed25519: $KENES_BELENIOS_TOOL3,
// else target/belenios3/belenios-tool; those tests are skipped without it).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { generateCredential, generateFullCredential, makeCredentials } from '../../src/election/authority.js';
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

const beleniosTool3 = process.env.KENES_BELENIOS_TOOL3 ?? join(root, 'target/belenios3/belenios-tool');
const noTool3 = existsSync(beleniosTool3) ? false : `no belenios-tool 3.0 at ${beleniosTool3}`;

test('Ed25519: Belenios 3.0 credentials by authority.js, derived as belenios-tool 3.0 derives them', {
  skip: noTool3,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kenes-authority-ed-'));
  const uuid = runOk(beleniosTool3, ['setup', 'generate-token'], dir).trim();
  const made = await makeCredentials({ group: 'Ed25519', uuid, count: 3 });
  for (const credential of made.secret) {
    const digits = (n) => `[1-9A-HJ-NP-Za-km-z]{${n}}`;
    assert.match(credential, new RegExp(`^${digits(5)}-${digits(6)}-${digits(5)}-${digits(6)}$`));
    assert.equal(parseCredential(credential), credential);
  }
  // Unweighted: the public credentials are bare points, 64 hex digits, sorted.
  for (const line of made.public) assert.match(line, /^[0-9a-f]{64}$/);
  assert.deepEqual([...made.public].sort(), made.public);
  const derived = made.secret.map((credential) =>
    runOk(beleniosTool3, ['setup', 'generate-credentials', '--uuid', uuid, '--group', 'Ed25519', '--derive', credential],
      dir).trim(),
  );
  assert.deepEqual(derived.sort(), made.public);
  const fresh = new Set(Array.from({ length: 200 }, generateFullCredential));
  assert.equal(fresh.size, 200);
});

test('Ed25519: an election on credentials made by authority.js, weighted, verified by kenes and belenios-tool 3.0', {
  skip: kenes ? noTool3 : 'no kenes binary',
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kenes-authority-ed-'));
  const uuid = runOk(kenes, ['election', 'setup', 'generate-token'], dir).trim();
  const made = await makeCredentials({ group: 'Ed25519', uuid, count: 3, weights: [2, 1, 1] });
  // As kenes and belenios-tool 3.0 write them: once any weight is not 1, every line carries its weight.
  for (const line of made.public) assert.match(line, /^[0-9a-f]{64},[12]$/);
  assert.equal(made.public.filter((line) => line.endsWith(',2')).length, 1, 'one credential carries weight 2');
  assert.deepEqual([...made.public].sort(), made.public, 'public credentials are sorted');
  writeFileSync(join(dir, 'public_creds.json'), JSON.stringify(made.public));
  writeFileSync(join(dir, 'template.json'), JSON.stringify({
    description: 'Authority test', name: 'Authority test',
    questions: [{ answers: ['Yes', 'No'], blank: true, min: 1, max: 1, question: 'Yes or no?' }],
  }));
  runOk(kenes, ['election', 'setup', 'generate-trustee-key', '--group', 'Ed25519'], dir);
  const pubkey = readdirSync(dir).find((name) => name.endsWith('.pubkey'));
  const privkey = readdirSync(dir).find((name) => name.endsWith('.privkey'));
  runOk(kenes, ['election', 'setup', 'make-election', '--uuid', uuid, '--group', 'Ed25519', '--template',
    'template.json', '--pubkey', pubkey, '--credentials', 'public_creds.json'], dir);
  const archive = `${uuid}.bel`;
  const election = runOk('cat', ['election.json'], dir);
  // The first voter (weight 2) and the second vote Yes, the third votes blank.
  for (const [i, credential] of made.secret.entries()) {
    const ballot = await encryptBallot(election, credential, [i === 2 ? [1, 0, 0] : [0, 1, 0]]);
    writeFileSync(join(dir, `ballot${i}.json`), ballot.ballotJson);
    runOk(kenes, ['election', 'cast', '--archive', archive, '--ballot-file', `ballot${i}.json`], dir);
  }
  const other = await makeCredentials({ group: 'Ed25519', uuid, count: 1 });
  const stray = await encryptBallot(election, other.secret[0], [[0, 1, 0]]);
  writeFileSync(join(dir, 'stray.json'), stray.ballotJson);
  const refused = spawnSync(kenes, ['election', 'cast', '--archive', archive, '--ballot-file', 'stray.json'],
    { cwd: dir, encoding: 'utf8' });
  assert.notEqual(refused.status, 0, 'a credential on no list is refused');
  runOk(kenes, ['election', 'tally', '--archive', archive], dir);
  runOk(kenes, ['election', 'decrypt', '--archive', archive, '--privkey', privkey, '--trustee-id', '1'], dir);
  const result = '{"result":[[1,3,0]]}';
  assert.equal(runOk(kenes, ['election', 'result', '--archive', archive], dir).trim(), result);
  assert.match(runOk(kenes, ['election', 'verify', archive], dir), /all checks passed/);
  const verified = spawnSync(beleniosTool3, ['election', 'verify'], { cwd: dir, encoding: 'utf8' });
  assert.equal(verified.status, 0, verified.stderr);
  assert.match(verified.stderr + verified.stdout, /all checks passed/);
});
