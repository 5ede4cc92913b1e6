// Whole elections whose trustees run in JavaScript (src/election/trustee.js) while the administrator, the voters and
// the tally are the kenes command line; the archives must pass `kenes election verify` and belenios-tool's verify.
//
// Run with `node --test crates/kenes-web/tests/js/` from the repository root. The kenes binary is $KENES_BIN, else
// target/debug/kenes, else target/release/kenes; belenios-tool is $KENES_BELENIOS_TOOL or /usr/bin/belenios-tool;
// belenios-tool 3.0 (for the Ed25519 threshold ceremonies, skipped without it) is $KENES_BELENIOS_TOOL3, else
// target/belenios3/belenios-tool.
//
// kenes has no command to append a partial decryption made elsewhere (`kenes election decrypt` computes its own), so
// the test appends the JavaScript one with `belenios-tool archive add-event --type=PartialDecryption`, as the Rust
// interoperability tests do for belenios-tool's partial decryptions.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  generateTrusteeKey,
  partialDecryption,
  thresholdCertificate,
  thresholdPolynomial,
  thresholdVoutput,
} from '../../src/election/trustee.js';
import { GROUPS } from '../../src/election/core.js';
import { groupNamed } from '../../src/election/groups.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function kenesBin() {
  if (process.env.KENES_BIN) return process.env.KENES_BIN;
  const candidates = ['target/debug/kenes', 'target/release/kenes'].map((p) => path.join(ROOT, p));
  const found = candidates.find((p) => fs.existsSync(p));
  assert.ok(found, `no kenes binary: build it or set KENES_BIN (looked for ${candidates.join(', ')})`);
  return found;
}

const KENES = kenesBin();
const TOOL = process.env.KENES_BELENIOS_TOOL ?? '/usr/bin/belenios-tool';
assert.ok(fs.existsSync(TOOL), `belenios-tool is needed (install Debian's belenios-tool or set KENES_BELENIOS_TOOL)`);
const TOOL3 = process.env.KENES_BELENIOS_TOOL3 ?? path.join(ROOT, 'target/belenios3/belenios-tool');
const noTool3 = fs.existsSync(TOOL3)
  ? false
  : `no belenios-tool 3.0 at ${TOOL3} (cargo xtask setup, or set KENES_BELENIOS_TOOL3)`;
/** The belenios-tool that reads an election in `group`: 3.0 for Ed25519, Debian's 2.0 for the finite fields. */
const toolFor = (group) => (group === 'Ed25519' ? TOOL3 : TOOL);

function run(program, dir, args, { input = '', ok = true } = {}) {
  const out = spawnSync(program, args, {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { ...process.env, BELENIOS_USE_URANDOM: '1' },
    maxBuffer: 1 << 26,
  });
  if (ok) {
    assert.equal(out.status, 0, `${path.basename(program)} ${args.join(' ')} failed:\n${out.stderr}${out.stdout}`);
  }
  return out;
}
const kenes = (dir, args, options) => run(KENES, dir, args, options).stdout;
const tool = (dir, args, options) => run(TOOL, dir, args, options).stdout;

const write = (dir, name, text) => fs.writeFileSync(path.join(dir, name), text);
const read = (dir, name) => fs.readFileSync(path.join(dir, name), 'utf8');

/** The archive's entries (spec §4.4: a v7 tar), name → body, and its events in order. */
function readArchive(file) {
  const bytes = fs.readFileSync(file);
  const entries = new Map();
  const events = [];
  for (let at = 0; at + 512 <= bytes.length; ) {
    const header = bytes.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString('latin1').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('latin1'), 8);
    const body = bytes.subarray(at + 512, at + 512 + size).toString('utf8');
    entries.set(name, body);
    if (name.endsWith('.event.json')) events.push(JSON.parse(body));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  const data = (hash) => entries.get(`${hash}.data.json`);
  return { entries, events, data };
}

/** What a trustee's page receives from the server: election.json, trustees.json and the encrypted tally. */
function trusteeInputs(file) {
  const { events, data } = readArchive(file);
  const setup = JSON.parse(data(events.find((e) => e.type === 'Setup').payload));
  const sized = JSON.parse(data(events.findLast((e) => e.type === 'EncryptedTally').payload));
  return {
    election: data(setup.election),
    trustees: data(setup.trustees),
    encryptedTally: data(sized.encrypted_tally),
  };
}

const TEMPLATE = JSON.stringify({
  description: 'Trustees in the browser',
  name: 'JS trustees',
  questions: [
    { answers: ['A', 'B', 'C', 'D', 'E'], min: 0, max: 5, question: 'Approve?' },
    { answers: ['Yes', 'No'], blank: true, min: 1, max: 1, question: 'Yes or no?' },
  ],
});
const VOTES = ['[[1,0,1,0,1],[0,1,0]]', '[[0,0,0,0,0],[1,0,0]]', '[[1,1,1,1,1],[0,0,1]]'];
const RESULT = '{"result":[[2,1,2,1,2],[1,1,1]]}';

/** Credentials, the election with the trustees given by `trusteeArgs`, three ballots and the tally. */
function electionUpToTally(dir, trusteeArgs, group = 'BELENIOS-2048') {
  const uuid = kenes(dir, ['election', 'setup', 'generate-token']).trim();
  kenes(dir, [
    'election', 'setup', 'generate-credentials', '--uuid', uuid, '--group', group, '--count', String(VOTES.length),
  ]);
  write(dir, 'template.json', TEMPLATE);
  kenes(dir, [
    'election', 'setup', 'make-election', '--uuid', uuid, '--group', group, '--template', 'template.json',
    ...trusteeArgs, '--credentials', 'public_creds.json',
  ]);
  const archive = `${uuid}.bel`;
  const credentials = read(dir, 'private_creds.txt').trim().split('\n').map((l) => l.split(' ').at(-1));
  write(dir, 'votes.txt', credentials.map((c, i) => `${c} ${VOTES[i]}\n`).join(''));
  kenes(dir, ['election', 'vote-many', '--archive', archive, '--votes', 'votes.txt']);
  kenes(dir, ['election', 'tally', '--archive', archive]);
  return archive;
}

/** Appends a partial decryption made elsewhere: its data entry, then the PartialDecryption event on `owned`. */
function appendPartial(dir, { partialDecryption: data, owned }, group = 'BELENIOS-2048') {
  run(toolFor(group), dir, ['archive', 'add-event', '--type=PartialDecryption'], { input: `${data}\n${owned}\n` });
}

/** The result, then both verifiers on the whole archive (belenios-tool 3.0 for Ed25519). */
function resultAndVerify(dir, archive, group = 'BELENIOS-2048') {
  assert.equal(kenes(dir, ['election', 'result', '--archive', archive]).trim(), RESULT);
  const summary = kenes(dir, ['election', 'verify', archive]);
  assert.match(summary, /all checks passed/);
  assert.ok(summary.includes(`result ${RESULT}`), summary);
  const verified = run(toolFor(group), dir, ['election', 'verify', '--dir', dir]);
  assert.match(verified.stderr + verified.stdout, /all checks passed/);
}

/** A copy of the archive with a wrong partial decryption appended: one factor multiplied by g. */
async function tamperedPartialIsRefused(dir, archive, partial, group = 'BELENIOS-2048') {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'kenes-js-tampered-'));
  fs.copyFileSync(path.join(dir, archive), path.join(copy, archive));
  const json = JSON.parse(partial.partialDecryption);
  const G = groupNamed(group);
  json.decryption_factors[1][2] = G.encode(G.mul(G.decodePoint(json.decryption_factors[1][2]), G.g));
  const data = JSON.stringify(json);
  const hash = Array.from(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(data))),
    (b) => b.toString(16).padStart(2, '0'),
  ).join('');
  const owned = JSON.stringify({ ...JSON.parse(partial.owned), payload: hash });
  appendPartial(copy, { partialDecryption: data, owned }, group);
  const verify = run(KENES, copy, ['election', 'verify', archive], { ok: false });
  assert.notEqual(verify.status, 0, 'kenes verify accepted a wrong partial decryption');
  assert.match(verify.stderr, /decryption_proofs question 2 choice 3/);
  const result = run(KENES, copy, ['election', 'result', '--archive', archive], { ok: false });
  assert.notEqual(result.status, 0, 'kenes result accepted a wrong partial decryption');
  // belenios-tool's verify checks partial decryptions only against a Result event, so ask it for the result.
  const belenios = run(toolFor(group), copy, ['election', 'compute-result', '--dir', copy], { ok: false });
  assert.notEqual(belenios.status, 0, 'belenios-tool compute-result accepted a wrong partial decryption');
  assert.match(belenios.stderr, /invalid partial decryption/);
  fs.rmSync(copy, { recursive: true, force: true });
}

async function timed(label, f) {
  const start = performance.now();
  const value = await f();
  console.log(`timing: ${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return value;
}

/** One "Single" trustee made in JavaScript decrypts an election in `group`. */
async function singleTrusteeElection(group) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenes-js-single-'));
  const key = await timed(`${group}: Single trustee key generation (key and proof of knowledge)`, () =>
    generateTrusteeKey(group),
  );
  assert.match(key.id, /^[0-9A-F]{8}$/);
  assert.equal(key.pubkey.name, `${key.id}.pubkey`);
  assert.match(key.privkey.text, /^"[0-9]+"\n$/);
  write(dir, key.privkey.name, key.privkey.text);
  write(dir, key.pubkey.name, key.pubkey.text);
  const archive = electionUpToTally(dir, ['--pubkey', key.pubkey.name], group);
  const inputs = trusteeInputs(path.join(dir, archive));

  await assert.rejects(
    partialDecryption({ ...inputs, trusteeId: 2, privkey: key.privkey.text }),
    /there is no trustee 2/,
  );
  const other = await generateTrusteeKey(group);
  await assert.rejects(
    partialDecryption({ ...inputs, trusteeId: 1, privkey: other.privkey.text }),
    /not the key of trustee 1/,
  );
  // A server that sends an alpha outside the subgroup must not get the key raised on it.
  const bad = JSON.parse(inputs.encryptedTally);
  bad[0][0].alpha = (GROUPS[group].p - 1n).toString(10);
  await assert.rejects(
    partialDecryption({ ...inputs, encryptedTally: JSON.stringify(bad), trusteeId: 1, privkey: key.privkey.text }),
    /question 1 choice 1: alpha is not in the group/,
  );

  const partial = await timed(`${group}: Single trustee partial decryption (8 choices)`, () =>
    partialDecryption({ ...inputs, trusteeId: 1, privkey: key.privkey.text }),
  );
  assert.equal(JSON.parse(partial.owned).owner, 1);
  await tamperedPartialIsRefused(dir, archive, partial, group);
  appendPartial(dir, partial);
  resultAndVerify(dir, archive);
  fs.rmSync(dir, { recursive: true, force: true });
}

for (const group of ['BELENIOS-2048', 'RFC-3526-2048']) {
  test(`a "Single" trustee in JavaScript (${group}): key, partial decryption, result verified by both tools`, () =>
    singleTrusteeElection(group),
  );
}

test('a "Single" trustee in JavaScript (Ed25519): key, partial decryption, result verified by kenes and belenios-tool 3.0',
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenes-js-single-ed-'));
    const key = await timed('Ed25519: Single trustee key generation', () => generateTrusteeKey('Ed25519'));
    assert.match(JSON.parse(key.pubkey.text).public_key, /^[0-9a-f]{64}$/);
    write(dir, key.privkey.name, key.privkey.text);
    write(dir, key.pubkey.name, key.pubkey.text);
    const archive = electionUpToTally(dir, ['--pubkey', key.pubkey.name], 'Ed25519');
    const inputs = trusteeInputs(path.join(dir, archive));
    const other = await generateTrusteeKey('Ed25519');
    await assert.rejects(
      partialDecryption({ ...inputs, trusteeId: 1, privkey: other.privkey.text }),
      /not the key of trustee 1/,
    );
    const partial = await timed('Ed25519: Single trustee partial decryption (8 choices)', () =>
      partialDecryption({ ...inputs, trusteeId: 1, privkey: key.privkey.text }),
    );
    write(dir, 'partial.txt', `${partial.partialDecryption}\n${partial.owned}\n`);
    kenes(dir, ['election', 'decrypt', '--archive', archive, '--partial', 'partial.txt', '--trustee-id', '1']);
    assert.equal(kenes(dir, ['election', 'result', '--archive', archive]).trim(), RESULT);
    if (process.env.KENES_BELENIOS_TOOL3) run(process.env.KENES_BELENIOS_TOOL3, dir, ['election', 'verify']);
    fs.rmSync(dir, { recursive: true, force: true });
  },
);

/**
 * A trustee's decryption key (.dkey) opened with another trustee's seed, and one trustee's keys used as another's:
 * both refused, saying why.
 */
async function otherTrusteesKeysRefused(inputs, trustees, voutputs) {
  await assert.rejects(
    partialDecryption({ ...inputs, trusteeId: 2, key: trustees[1].key.text, dkey: voutputs[0].dkey.text }),
    /decryption key \(\.dkey\): encrypted message: authentication tag does not match/,
  );
  await assert.rejects(
    partialDecryption({ ...inputs, trusteeId: 1, key: trustees[1].key.text, dkey: voutputs[1].dkey.text }),
    /not the key of trustee 1/,
  );
}

test('3 threshold trustees (threshold 2) in JavaScript, administrator steps by kenes, 2 decrypt', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenes-js-threshold-'));
  const step = (args, options) => kenes(dir, ['election', 'setup', 'threshold', ...args], options);

  // Step 1 (trustees): seeds and certificates; the administrator lists the certificates in one order for all.
  const trustees = [];
  for (let i = 0; i < 3; i++) {
    trustees.push(await timed(`threshold step 1 (seed and certificate), trustee ${i + 1}`, thresholdCertificate));
  }
  trustees.sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const t of trustees) {
    write(dir, t.key.name, t.key.text);
    write(dir, t.cert.name, t.cert.text);
  }
  const certs = trustees.map((t) => t.cert.text).join('');
  write(dir, 'certs.jsons', certs);
  // Step 2 (administrator): both programs accept the JavaScript certificates.
  step(['--step', '2', '--certs', 'certs.jsons']);
  tool(dir, ['setup', 'generate-trustee-key-threshold', '--group', 'BELENIOS-2048', '--step', '2', '--certs',
    'certs.jsons']);

  // Step 3 (trustees), with the checks a trustee makes on what it receives.
  const tampered = certs.split('\n');
  const cert2 = JSON.parse(tampered[1]);
  cert2.signature.response = ((BigInt(cert2.signature.response) + 1n) % GROUPS['BELENIOS-2048'].q).toString(10);
  tampered[1] = JSON.stringify(cert2);
  await assert.rejects(
    thresholdPolynomial({ certs: tampered.join('\n'), key: trustees[0].key.text, threshold: 2 }),
    /certificate 2: the signature does not verify/,
  );
  await assert.rejects(thresholdPolynomial({ certs, key: trustees[0].key.text, threshold: 4 }), /between 1 and 3/);
  const outsider = await thresholdCertificate();
  await assert.rejects(
    thresholdPolynomial({ certs, key: outsider.key.text, threshold: 2 }),
    /not among the certificates/,
  );
  const polynomials = [];
  for (const [i, t] of trustees.entries()) {
    polynomials.push(
      await timed(`threshold step 3 (polynomial for 3 trustees), trustee ${i + 1}`, () =>
        thresholdPolynomial({ certs, key: t.key.text, threshold: 2 }),
      ),
    );
  }
  write(dir, 'polynomials.jsons', polynomials.map((p) => `${p}\n`).join(''));

  // Step 4 (administrator): one vinput per trustee.
  step(['--step', '4', '--certs', 'certs.jsons', '--polynomials', 'polynomials.jsons']);

  // Step 5 (trustees): a swapped share or a wrong coefficient is refused, saying which.
  const vinput0 = read(dir, `${trustees[0].id}.vinput`);
  const swapped = JSON.parse(vinput0);
  [swapped.secrets[0], swapped.secrets[1]] = [swapped.secrets[1], swapped.secrets[0]];
  await assert.rejects(
    thresholdVoutput({ certs, key: trustees[0].key.text, vinput: JSON.stringify(swapped) }),
    /vinput secret 1: sender's signature: the signature does not verify/,
  );
  // A share for someone else (trustee 2's vinput opened with trustee 1's seed) does not decrypt.
  await assert.rejects(
    thresholdVoutput({ certs, key: trustees[0].key.text, vinput: read(dir, `${trustees[1].id}.vinput`) }),
    /vinput secret 1: encrypted message: authentication tag does not match/,
  );
  // Coefexps must be signed by their trustee, and a trustee whose shares are not those of its signed coefexps
  // (here trustee 3's coefexps from a second polynomial) is caught.
  const forged = JSON.parse(vinput0);
  forged.coefexps[2] = JSON.parse(polynomials[1]).coefexps;
  await assert.rejects(
    thresholdVoutput({ certs, key: trustees[0].key.text, vinput: JSON.stringify(forged) }),
    /vinput coefexps 3: the signature does not verify/,
  );
  const liar = JSON.parse(vinput0);
  liar.coefexps[2] = JSON.parse(await thresholdPolynomial({ certs, key: trustees[2].key.text, threshold: 2 })).coefexps;
  await assert.rejects(
    thresholdVoutput({ certs, key: trustees[0].key.text, vinput: JSON.stringify(liar) }),
    /vinput secret 3 does not match trustee 3's coefexps/,
  );
  const voutputs = [];
  for (const [i, t] of trustees.entries()) {
    const out = await timed(`threshold step 5 (check 3 shares, voutput), trustee ${i + 1}`, () =>
      thresholdVoutput({ certs, key: t.key.text, vinput: read(dir, `${t.id}.vinput`) }),
    );
    assert.equal(out.dkey.name, `${t.id}.dkey`);
    voutputs.push(out);
  }
  const voutputLines = voutputs.map((v) => `${v.voutput}\n`).join('');
  write(dir, 'voutputs.jsons', voutputLines);

  // Step 6 (administrator): kenes and belenios-tool make the same threshold parameters from the JavaScript steps.
  const parameters = step([
    '--step', '6', '--certs', 'certs.jsons', '--polynomials', 'polynomials.jsons', '--voutputs', 'voutputs.jsons',
  ]);
  const byBelenios = tool(
    dir,
    ['setup', 'generate-trustee-key-threshold', '--group', 'BELENIOS-2048', '--step', '6', '--certs', 'certs.jsons',
      '--polynomials', 'polynomials.jsons'],
    { input: voutputLines },
  );
  assert.equal(byBelenios.trim(), parameters.trim());
  write(dir, 'threshold.json', parameters);
  // Step 6 also writes each trustee's ID.dkey (the voutput's private_key); the trustee's own copy is the same.
  for (const [i, t] of trustees.entries()) assert.equal(read(dir, `${t.id}.dkey`).trim(), voutputs[i].dkey.text.trim());

  const archive = electionUpToTally(dir, ['--threshold', 'threshold.json']);
  const inputs = trusteeInputs(path.join(dir, archive));
  await otherTrusteesKeysRefused(inputs, trustees, voutputs);
  // Trustees 1 and 3 decrypt; 2 of 3 are enough.
  const partials = [];
  for (const i of [0, 2]) {
    partials.push(
      await timed(`threshold trustee ${i + 1} partial decryption (8 choices)`, () =>
        partialDecryption({ ...inputs, trusteeId: i + 1, key: trustees[i].key.text, dkey: voutputs[i].dkey.text }),
      ),
    );
  }
  await tamperedPartialIsRefused(dir, archive, partials[0]);
  for (const partial of partials) appendPartial(dir, partial);
  resultAndVerify(dir, archive);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a mixed ceremony: JavaScript, kenes and belenios-tool trustees read each other\'s private messages', async () => {
  // Every channel message (AES-CCM) crosses implementations: JavaScript decrypts shares from kenes and belenios-tool
  // and a .dkey made by belenios-tool; they decrypt the JavaScript trustee's shares and .dkey.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenes-js-mixed-'));
  const belenios = (args, options) =>
    tool(dir, ['setup', 'generate-trustee-key-threshold', '--group', 'BELENIOS-2048', ...args], options);
  const kenesStep = (args) => kenes(dir, ['election', 'setup', 'threshold', ...args]);
  const js = await thresholdCertificate();
  write(dir, js.key.name, js.key.text);
  write(dir, js.cert.name, js.cert.text);
  const before = new Set(fs.readdirSync(dir));
  belenios(['--step', '1']);
  const beleniosId = fs.readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.key')).slice(0, -4);
  kenesStep(['--step', '1']);
  const ids = fs.readdirSync(dir).filter((f) => f.endsWith('.cert')).map((f) => f.slice(0, -5)).sort();
  const kind = (id) => (id === js.id ? 'js' : id === beleniosId ? 'belenios' : 'kenes');
  const certs = ids.map((id) => read(dir, `${id}.cert`).trim() + '\n').join('');
  write(dir, 'certs.jsons', certs);

  const polynomials = [];
  for (const id of ids) {
    const args = ['--step', '3', '--certs', 'certs.jsons', '--key', `${id}.key`, '--threshold', '2'];
    if (kind(id) === 'js') polynomials.push(await thresholdPolynomial({ certs, key: js.key.text, threshold: 2 }));
    else polynomials.push((kind(id) === 'kenes' ? kenesStep(args) : belenios(args)).trim());
  }
  write(dir, 'polynomials.jsons', polynomials.map((p) => `${p}\n`).join(''));
  kenesStep(['--step', '4', '--certs', 'certs.jsons', '--polynomials', 'polynomials.jsons']);

  let jsDkey;
  const voutputs = [];
  for (const id of ids) {
    const vinput = read(dir, `${id}.vinput`);
    if (kind(id) === 'js') {
      const out = await thresholdVoutput({ certs, key: js.key.text, vinput });
      jsDkey = out.dkey.text;
      voutputs.push(out.voutput);
    } else if (kind(id) === 'kenes') {
      const args = ['--step', '5', '--certs', 'certs.jsons', '--key', `${id}.key`, '--vinput', `${id}.vinput`];
      voutputs.push(kenesStep(args).trim());
    } else {
      const args = ['--step', '5', '--certs', 'certs.jsons', '--key', `${id}.key`];
      voutputs.push(belenios(args, { input: vinput }).trim());
    }
  }
  write(dir, 'voutputs.jsons', voutputs.map((v) => `${v}\n`).join(''));
  const parameters = kenesStep([
    '--step', '6', '--certs', 'certs.jsons', '--polynomials', 'polynomials.jsons', '--voutputs', 'voutputs.jsons',
  ]);
  write(dir, 'threshold.json', parameters);

  const archive = electionUpToTally(dir, ['--threshold', 'threshold.json']);
  const inputs = trusteeInputs(path.join(dir, archive));
  const owner = (id) => ids.indexOf(id) + 1;
  // belenios-tool opens the JavaScript trustee's .dkey: decryption factors α^x do not depend on the proofs'
  // randomness, so its factors equal the JavaScript ones only if both recovered the same key. JavaScript opens
  // belenios-tool's .dkey.
  write(dir, 'js.dkey', jsDkey);
  const byTool = tool(dir, [
    'election', 'decrypt-threshold', '--key', js.key.name, '--decryption-key', 'js.dkey',
    '--trustee-id', String(owner(js.id)),
  ]);
  const byJs = await partialDecryption({ ...inputs, trusteeId: owner(js.id), key: js.key.text, dkey: jsDkey });
  assert.deepEqual(
    JSON.parse(byTool.split('\n')[0]).decryption_factors,
    JSON.parse(byJs.partialDecryption).decryption_factors,
  );
  const forBelenios = await partialDecryption({
    ...inputs,
    trusteeId: owner(beleniosId),
    key: read(dir, `${beleniosId}.key`),
    dkey: read(dir, `${beleniosId}.dkey`),
  });
  appendPartial(dir, byJs);
  appendPartial(dir, forBelenios);
  resultAndVerify(dir, archive);
  fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------
// Ed25519: Belenios 3.0's threshold ceremony (certificate contexts, certs_sig signatures, signed verification keys),
// which belenios-tool 3.0 alone reads.

/** A certificate's message, parsed. */
const certMessage = (line) => JSON.parse(JSON.parse(line).message);

/** Step 6 by kenes and by belenios-tool 3.0 from the same files: the same bytes. Returns the parameters. */
function bothStep6(dir, voutputLines) {
  const parameters = kenes(dir, [
    'election', 'setup', 'threshold', '--group', 'Ed25519', '--step', '6', '--certs', 'certs.jsons',
    '--polynomials', 'polynomials.jsons', '--voutputs', 'voutputs.jsons',
  ]);
  const byBelenios = run(
    TOOL3,
    dir,
    ['setup', 'generate-trustee-key-threshold', '--group', 'Ed25519', '--step', '6', '--certs', 'certs.jsons',
      '--polynomials', 'polynomials.jsons'],
    { input: voutputLines },
  ).stdout;
  assert.equal(byBelenios.trim(), parameters.trim());
  return parameters;
}

test('Ed25519: 3 threshold trustees (threshold 2) in JavaScript, Belenios 3.0 form, administrator by kenes, 2 decrypt',
  { skip: noTool3 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenes-js-threshold-ed-'));
    const step = (args, options) => kenes(dir, ['election', 'setup', 'threshold', '--group', 'Ed25519', ...args], options);
    const belenios = (args, options) =>
      run(TOOL3, dir, ['setup', 'generate-trustee-key-threshold', '--group', 'Ed25519', ...args], options);

    // Step 1 (trustees): the context is required on Ed25519, refused on the finite fields, and checked.
    await assert.rejects(thresholdCertificate('Ed25519'), /context: a threshold ceremony on Ed25519 is Belenios 3\.0's/);
    await assert.rejects(
      thresholdCertificate('BELENIOS-2048', { index: 1, threshold: 2, size: 3 }),
      /context: BELENIOS-2048 ceremonies are Belenios 2\.0's/,
    );
    for (const [context, refusal] of [
      [{ index: 4, threshold: 2, size: 3 }, /context: index 4 is not between 1 and 3/],
      [{ index: 1, threshold: 0, size: 3 }, /context: threshold 0 is not between 1 and 3/],
      [{ index: 1, threshold: 2 }, /context: missing member "size"/],
    ]) {
      await assert.rejects(thresholdCertificate('Ed25519', context), refusal);
    }
    // The certificates are listed in the order of their contexts' index: trustee i's is line i.
    const trustees = [];
    for (let i = 1; i <= 3; i++) {
      trustees.push(await timed(`Ed25519 threshold step 1, trustee ${i}`, () =>
        thresholdCertificate('Ed25519', { index: i, threshold: 2, size: 3 }),
      ));
    }
    for (const [i, t] of trustees.entries()) {
      write(dir, t.key.name, t.key.text);
      write(dir, t.cert.name, t.cert.text);
      // Belenios writes the context first, its fields in this order, and the keys as 64 hex digits.
      assert.match(
        JSON.parse(t.cert.text).message,
        new RegExp(`^\\{"context":\\{"group":"Ed25519","size":3,"threshold":2,"index":${i + 1}\\},` +
          '"verification":"[0-9a-f]{64}","encryption":"[0-9a-f]{64}"\\}$'),
      );
    }
    const certs = trustees.map((t) => t.cert.text).join('');
    write(dir, 'certs.jsons', certs);
    // Step 2 (administrator): both programs accept the JavaScript certificates.
    step(['--step', '2', '--certs', 'certs.jsons']);
    belenios(['--step', '2', '--certs', 'certs.jsons']);

    // Step 3 (trustees), with the checks a trustee makes on the certificates.
    const lines = certs.trim().split('\n');
    const badSignature = [...lines];
    const cert2 = JSON.parse(lines[1]);
    cert2.signature.response = ((BigInt(cert2.signature.response) + 1n) % groupNamed('Ed25519').q).toString(10);
    badSignature[1] = JSON.stringify(cert2);
    await assert.rejects(
      thresholdPolynomial({ group: 'Ed25519', certs: badSignature.join('\n'), key: trustees[0].key.text }),
      /certificate 2: the signature does not verify/,
    );
    // Listed out of order, a certificate's signed context names another place.
    await assert.rejects(
      thresholdPolynomial({
        group: 'Ed25519', certs: [lines[1], lines[0], lines[2]].join('\n'), key: trustees[0].key.text,
      }),
      /certificate 1: context index is 2, not 1/,
    );
    // A certificate made for another ceremony (4 trustees) is refused where it stands.
    const stranger = await thresholdCertificate('Ed25519', { index: 3, threshold: 2, size: 4 });
    await assert.rejects(
      thresholdPolynomial({ group: 'Ed25519', certs: [lines[0], lines[1], stranger.cert.text.trim()].join('\n'),
        key: trustees[0].key.text }),
      /certificate 3: context size is 4, not 3/,
    );
    const otherThreshold = await thresholdCertificate('Ed25519', { index: 2, threshold: 3, size: 3 });
    await assert.rejects(
      thresholdPolynomial({ group: 'Ed25519', certs: [lines[0], otherThreshold.cert.text.trim(), lines[2]].join('\n'),
        key: trustees[0].key.text }),
      /certificate 2: context threshold is 3, not 2/,
    );
    // Certificates of a finite-field group are not this ceremony's.
    const finite = await thresholdCertificate('BELENIOS-2048');
    await assert.rejects(
      thresholdPolynomial({ group: 'Ed25519', certs: finite.cert.text, key: finite.key.text }),
      /certificate 1 verification key: not an Ed25519 point/,
    );
    // The threshold is the contexts'.
    await assert.rejects(
      thresholdPolynomial({ group: 'Ed25519', certs, key: trustees[0].key.text, threshold: 3 }),
      /the certificates' contexts say 2, not 3/,
    );
    const outsider = await thresholdCertificate('Ed25519', { index: 1, threshold: 2, size: 3 });
    await assert.rejects(
      thresholdPolynomial({ group: 'Ed25519', certs, key: outsider.key.text }),
      /not among the certificates/,
    );
    const polynomials = [];
    for (const [i, t] of trustees.entries()) {
      // Trustee 2 names the threshold, the others leave it to the contexts.
      const threshold = i === 1 ? 2 : undefined;
      polynomials.push(
        await timed(`Ed25519 threshold step 3, trustee ${i + 1}`, () =>
          thresholdPolynomial({ group: 'Ed25519', certs, key: t.key.text, threshold }),
        ),
      );
      assert.deepEqual(Object.keys(JSON.parse(polynomials[i])), ['polynomial', 'secrets', 'coefexps', 'signature']);
    }
    write(dir, 'polynomials.jsons', polynomials.map((p) => `${p}\n`).join(''));

    // Step 4 (administrator): kenes writes the vinputs belenios-tool 3.0 writes.
    step(['--step', '4', '--certs', 'certs.jsons', '--polynomials', 'polynomials.jsons']);
    const toolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenes-js-threshold-ed-tool-'));
    for (const name of ['certs.jsons', 'polynomials.jsons']) {
      fs.copyFileSync(path.join(dir, name), path.join(toolDir, name));
    }
    run(TOOL3, toolDir, ['setup', 'generate-trustee-key-threshold', '--group', 'Ed25519', '--step', '4', '--certs',
      'certs.jsons', '--polynomials', 'polynomials.jsons']);
    for (const t of trustees) assert.equal(read(toolDir, `${t.id}.vinput`).trim(), read(dir, `${t.id}.vinput`).trim());
    fs.rmSync(toolDir, { recursive: true, force: true });

    // Step 5 (trustees): what each receives is checked, Belenios 3.0's signatures included.
    const vinput0 = read(dir, `${trustees[0].id}.vinput`);
    const unsigned = JSON.parse(vinput0);
    delete unsigned.signatures;
    await assert.rejects(
      thresholdVoutput({ group: 'Ed25519', certs, key: trustees[0].key.text, vinput: JSON.stringify(unsigned) }),
      /vinput: no signatures, but the certificates have contexts/,
    );
    // Trustee 2's signature over another polynomial's coefexps does not sign these.
    const second = JSON.parse(await thresholdPolynomial({ group: 'Ed25519', certs, key: trustees[1].key.text }));
    const resigned = JSON.parse(vinput0);
    resigned.signatures[1] = second.signature;
    await assert.rejects(
      thresholdVoutput({ group: 'Ed25519', certs, key: trustees[0].key.text, vinput: JSON.stringify(resigned) }),
      /vinput signature 2: trustee 2's signature of the certificates and its coefexps does not verify/,
    );
    const swapped = JSON.parse(vinput0);
    [swapped.secrets[0], swapped.secrets[1]] = [swapped.secrets[1], swapped.secrets[0]];
    await assert.rejects(
      thresholdVoutput({ group: 'Ed25519', certs, key: trustees[0].key.text, vinput: JSON.stringify(swapped) }),
      /vinput secret 1: sender's signature: the signature does not verify/,
    );
    await assert.rejects(
      thresholdVoutput({
        group: 'Ed25519', certs, key: trustees[0].key.text, vinput: read(dir, `${trustees[1].id}.vinput`),
      }),
      /vinput secret 1: encrypted message: authentication tag does not match/,
    );
    // Trustee 3 signs a second polynomial's coefexps properly, but its share is of the first: caught.
    const liar = JSON.parse(vinput0);
    const third = JSON.parse(await thresholdPolynomial({ group: 'Ed25519', certs, key: trustees[2].key.text }));
    liar.coefexps[2] = third.coefexps;
    liar.signatures[2] = third.signature;
    await assert.rejects(
      thresholdVoutput({ group: 'Ed25519', certs, key: trustees[0].key.text, vinput: JSON.stringify(liar) }),
      /vinput secret 3 does not match trustee 3's coefexps/,
    );
    const voutputs = [];
    for (const [i, t] of trustees.entries()) {
      const out = await timed(`Ed25519 threshold step 5, trustee ${i + 1}`, () =>
        thresholdVoutput({ group: 'Ed25519', certs, key: t.key.text, vinput: read(dir, `${t.id}.vinput`) }),
      );
      assert.deepEqual(Object.keys(JSON.parse(out.voutput).public_key), ['pok', 'public_key', 'signature']);
      voutputs.push(out);
    }
    const voutputLines = voutputs.map((v) => `${v.voutput}\n`).join('');
    write(dir, 'voutputs.jsons', voutputLines);

    // Step 6 (administrator): kenes and belenios-tool 3.0 make the same threshold parameters.
    write(dir, 'threshold.json', bothStep6(dir, voutputLines));
    for (const [i, t] of trustees.entries()) assert.equal(read(dir, `${t.id}.dkey`).trim(), voutputs[i].dkey.text.trim());

    const archive = electionUpToTally(dir, ['--threshold', 'threshold.json'], 'Ed25519');
    const inputs = trusteeInputs(path.join(dir, archive));
    await otherTrusteesKeysRefused(inputs, trustees, voutputs);
    // Trustees 1 and 3 decrypt; 2 of 3 are enough.
    const partials = [];
    for (const i of [0, 2]) {
      partials.push(
        await timed(`Ed25519 threshold trustee ${i + 1} partial decryption (8 choices)`, () =>
          partialDecryption({ ...inputs, trusteeId: i + 1, key: trustees[i].key.text, dkey: voutputs[i].dkey.text }),
        ),
      );
    }
    await tamperedPartialIsRefused(dir, archive, partials[0], 'Ed25519');
    for (const partial of partials) appendPartial(dir, partial, 'Ed25519');
    resultAndVerify(dir, archive, 'Ed25519');
    fs.rmSync(dir, { recursive: true, force: true });
  },
);

test('Ed25519: a mixed ceremony of JavaScript, kenes and belenios-tool 3.0 trustees; JavaScript decrypts for two',
  { skip: noTool3 }, async () => {
    // Trustee 1 is JavaScript, 2 the kenes command line, 3 belenios-tool 3.0: every channel message (AES-CCM keyed
    // by Ed25519 points) and every certs_sig signature crosses implementations, and belenios-tool 3.0 opens the
    // JavaScript trustee's .dkey while JavaScript opens belenios-tool's.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenes-js-mixed-ed-'));
    const belenios = (args, options) =>
      run(TOOL3, dir, ['setup', 'generate-trustee-key-threshold', '--group', 'Ed25519', ...args], options).stdout;
    const kenesStep = (args) => kenes(dir, ['election', 'setup', 'threshold', '--group', 'Ed25519', ...args]);
    const newKey = (make) => {
      const before = new Set(fs.readdirSync(dir));
      make();
      return fs.readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.key')).slice(0, -4);
    };
    const js = await thresholdCertificate('Ed25519', { index: 1, threshold: 2, size: 3 });
    write(dir, js.key.name, js.key.text);
    write(dir, js.cert.name, js.cert.text);
    const kenesId = newKey(() => kenesStep(['--threshold-context', '2/2/3', '--step', '1']));
    const beleniosId = newKey(() => belenios(['--threshold-context', '3/2/3', '--step', '1']));
    const ids = [js.id, kenesId, beleniosId];
    const certs = ids.map((id) => `${read(dir, `${id}.cert`).trim()}\n`).join('');
    write(dir, 'certs.jsons', certs);
    assert.deepEqual(certs.trim().split('\n').map((l) => certMessage(l).context.index), [1, 2, 3]);

    const polynomials = [
      await thresholdPolynomial({ group: 'Ed25519', certs, key: js.key.text }),
      kenesStep(['--step', '3', '--certs', 'certs.jsons', '--key', `${kenesId}.key`]).trim(),
      belenios(['--threshold-context', '3/2/3', '--step', '3', '--certs', 'certs.jsons', '--key', `${beleniosId}.key`])
        .trim(),
    ];
    write(dir, 'polynomials.jsons', polynomials.map((p) => `${p}\n`).join(''));
    kenesStep(['--step', '4', '--certs', 'certs.jsons', '--polynomials', 'polynomials.jsons']);

    const jsVinput = read(dir, `${js.id}.vinput`);
    const jsOut = await thresholdVoutput({ group: 'Ed25519', certs, key: js.key.text, vinput: jsVinput });
    const voutputs = [
      jsOut.voutput,
      kenesStep(['--step', '5', '--certs', 'certs.jsons', '--key', `${kenesId}.key`, '--vinput', `${kenesId}.vinput`])
        .trim(),
      belenios(['--step', '5', '--certs', 'certs.jsons', '--key', `${beleniosId}.key`],
        { input: read(dir, `${beleniosId}.vinput`) }).trim(),
    ];
    const voutputLines = voutputs.map((v) => `${v}\n`).join('');
    write(dir, 'voutputs.jsons', voutputLines);
    write(dir, 'threshold.json', bothStep6(dir, voutputLines));

    const archive = electionUpToTally(dir, ['--threshold', 'threshold.json'], 'Ed25519');
    const inputs = trusteeInputs(path.join(dir, archive));
    // Decryption factors α^x do not depend on the proofs' randomness: belenios-tool 3.0's from the JavaScript .dkey
    // equal JavaScript's only if both recovered the same key.
    write(dir, 'js.dkey', jsOut.dkey.text);
    const byTool = belenios3Decrypt(dir, js.key.name, 'js.dkey', 1);
    const byJs = await partialDecryption({ ...inputs, trusteeId: 1, key: js.key.text, dkey: jsOut.dkey.text });
    assert.deepEqual(
      JSON.parse(byTool.split('\n')[0]).decryption_factors,
      JSON.parse(byJs.partialDecryption).decryption_factors,
    );
    const forBelenios = await partialDecryption({
      ...inputs,
      trusteeId: 3,
      key: read(dir, `${beleniosId}.key`),
      dkey: read(dir, `${beleniosId}.dkey`),
    });
    appendPartial(dir, byJs, 'Ed25519');
    // kenes checks a partial decryption made elsewhere against the trustee's verification key before appending it.
    write(dir, 'partial3.txt', `${forBelenios.partialDecryption}\n${forBelenios.owned}\n`);
    kenes(dir, ['election', 'decrypt', '--archive', archive, '--partial', 'partial3.txt', '--trustee-id', '3']);
    resultAndVerify(dir, archive, 'Ed25519');
    fs.rmSync(dir, { recursive: true, force: true });
  },
);

/** belenios-tool 3.0's threshold partial decryption of the archive in dir, its two lines. */
function belenios3Decrypt(dir, keyFile, dkeyFile, trusteeId) {
  return run(TOOL3, dir, [
    'election', 'decrypt-threshold', '--key', keyFile, '--decryption-key', dkeyFile, '--trustee-id', String(trusteeId),
  ]).stdout;
}
