// A trustee's page: each step of the key ceremony and the decryption happens in this browser (trustee.js); the
// private halves are offered as files to keep and asked back when a later step needs them, and never sent.

import {
  generateTrusteeKey,
  partialDecryption,
  thresholdCertificate,
  thresholdPolynomial,
  thresholdVoutput,
} from './trustee.js';

const root = document.getElementById('trustee');
const messages = JSON.parse(document.getElementById('trustee-messages')?.textContent ?? '{}');
const status = document.getElementById('trustee-status');
const problem = document.getElementById('trustee-error');
const csrf = document.querySelector('meta[name="kenes-csrf"]')?.content ?? '';
const url = root?.dataset.url;

/** Secrets made on this page in this visit, so the next step needs no upload; gone when the page is closed. */
const memory = { key: null, dkey: null, privkey: null };

function say(text) {
  status.textContent = text;
}

function fail(error) {
  problem.hidden = false;
  problem.textContent = `${messages.error ?? 'Error'}: ${error instanceof Error ? error.message : error}`;
}

function offer(name, text) {
  const link = document.getElementById('download-link');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  link.download = name;
  link.textContent = `${messages.download ?? 'Download'} ${name}`;
  document.getElementById('trustee-download').hidden = false;
}

async function send(step, text) {
  const response = await fetch(`${url}/trustee/${step}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-csrf-token': csrf },
    body: text,
  });
  if (!response.ok) {
    const answer = await response.json().catch(() => ({}));
    throw new Error(answer.error?.message ?? response.statusText);
  }
}

/** The secret files a step needs: from this visit, or from the files the trustee picks. */
async function secrets(names) {
  const missing = names.filter((name) => memory[name] === null);
  if (missing.length === 0) return memory;
  const picker = document.getElementById('trustee-file');
  picker.hidden = false;
  document.getElementById('dkey-file').parentElement.hidden = !missing.includes('dkey');
  await new Promise((resolve) => {
    document.getElementById('use-key').onclick = resolve;
  });
  const first = document.getElementById('key-file').files[0];
  const second = document.getElementById('dkey-file').files[0];
  if (missing.includes('privkey')) memory.privkey = await first.text();
  if (missing.includes('key')) memory.key = await first.text();
  if (missing.includes('dkey')) memory.dkey = await second.text();
  picker.hidden = true;
  return memory;
}

async function step() {
  const state = await (await fetch(`${url}/ceremony.json`)).json();
  if (state.error) throw new Error(state.error.message);
  const threshold = state.threshold;
  if (state.status === 'closed') {
    if (state.decrypted) return say(messages.decrypted);
    say(messages.needKey);
    const held = await secrets(threshold ? ['key', 'dkey'] : ['privkey']);
    say(messages.decrypting);
    const made = await partialDecryption({
      election: state.election,
      encryptedTally: state.encrypted_tally,
      trusteeId: state.trustee,
      trustees: state.trustees_json,
      ...(threshold ? { key: held.key, dkey: held.dkey } : { privkey: held.privkey }),
    });
    await send('decryption', made.partialDecryption);
    return say(messages.decrypted);
  }
  if (state.status !== 'setup') return say(messages.done);
  if (!threshold) {
    if (state.done.pubkey) return say(messages.done);
    document.getElementById('trustee-key').hidden = false;
    await new Promise((resolve) => {
      document.getElementById('make-key').onclick = resolve;
    });
    document.getElementById('trustee-key').hidden = true;
    const made = await generateTrusteeKey(state.group);
    memory.privkey = made.privkey;
    offer(`${made.id}.privkey`, made.privkey);
    await send('pubkey', made.pubkey);
    return say(messages.done);
  }
  if (!state.done.cert) {
    document.getElementById('trustee-key').hidden = false;
    await new Promise((resolve) => {
      document.getElementById('make-key').onclick = resolve;
    });
    document.getElementById('trustee-key').hidden = true;
    const made = await thresholdCertificate(state.group);
    memory.key = made.key;
    offer(`${made.id}.key`, made.key);
    await send('cert', made.cert);
    return step();
  }
  if (state.waiting_for === 'certs') return later();
  if (!state.done.polynomial) {
    const held = await secrets(['key']);
    const polynomial = await thresholdPolynomial({ group: state.group, certs: state.certs, key: held.key, threshold });
    await send('polynomial', polynomial);
    return step();
  }
  if (state.waiting_for === 'polynomials') return later();
  if (!state.done.voutput) {
    const held = await secrets(['key']);
    const made = await thresholdVoutput({ group: state.group, certs: state.certs, key: held.key, vinput: state.vinput });
    memory.dkey = made.dkey;
    offer(`trustee-${state.trustee}.dkey`, made.dkey);
    await send('voutput', made.voutput);
    return step();
  }
  if (state.waiting_for === 'voutputs') return later();
  return say(messages.done);
}

/** The other trustees have not finished the round: look again in a few seconds. */
function later() {
  say(messages.waiting);
  setTimeout(run, 2000);
}

function run() {
  step().catch(fail);
}

if (root) {
  root.dataset.ready = 'true';
  run();
}
