// A trustee's page: each step of the key ceremony and the decryption happens in this browser (trustee.js); the
// private halves are offered as files to keep and asked back when a later step needs them, and never sent.

import {
  generateTrusteeKey,
  partialDecryption,
  thresholdCertificate,
  thresholdPolynomial,
  thresholdVoutput,
} from './trustee.js';
import { getJson, pageMessages, post, showError } from './page.js';
import { shuffleBallots } from './shuffle.js';

const root = document.getElementById('trustee');
const messages = pageMessages('trustee-messages');
const status = document.getElementById('trustee-status');
const problem = document.getElementById('trustee-error');
const url = root?.dataset.url;

/** Secrets made on this page in this visit, so the next step needs no upload; gone when the page is closed. */
const memory = { key: null, dkey: null, privkey: null };
/** While the page waits for this trustee to shuffle: what ends the wait when a shuffle file is sent instead. */
let shuffleSent = null;

function say(text) {
  status.textContent = text;
}

function fail(error) {
  showError(problem, messages, error);
  problem.focus();
}

function offer(name, text) {
  const link = document.getElementById('download-link');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  link.download = name;
  link.textContent = `${messages.download ?? 'Download'} ${name}`;
  link.focus();
  document.getElementById('trustee-download').hidden = false;
}

/** Sends this trustee's public part of a step (`pubkey`, `cert`, `polynomial`, `voutput` or `decryption`). */
async function send(stepName, text) {
  await post(`${url}/trustee/${stepName}`, 'text/plain', text);
}

/**
 * The trustee's file to keep: one file, named after the election, holding every secret this trustee has made so far
 * (the seed after step 1, the seed and the decryption key after step 5; a "Single" trustee's private key). Offered
 * again whenever it grows, so the newest file is always the one to keep.
 */
function keep() {
  const held = Object.fromEntries(Object.entries(memory).filter(([, value]) => value !== null));
  const file = { kenes_trustee: 1, election: root.dataset.uuid, trustee: Number(root.dataset.trustee), ...held };
  offer(`${root.dataset.file}.json`, `${JSON.stringify(file, null, 1)}\n`);
}

/** What the picked files hold: the kept trustee file, or the command line's `.key`, `.dkey` and `.privkey` files. */
async function readSecrets(files) {
  const found = {};
  for (const file of files) {
    const text = await file.text();
    let kept = null;
    try {
      kept = JSON.parse(text);
    } catch {
      kept = null;
    }
    if (kept && typeof kept === 'object' && kept.kenes_trustee === 1) {
      if (kept.election !== root.dataset.uuid) throw new Error(messages.wrongElection);
      if (kept.trustee !== Number(root.dataset.trustee)) throw new Error(messages.wrongTrustee);
      for (const name of ['key', 'dkey', 'privkey']) {
        if (typeof kept[name] === 'string') found[name] = kept[name];
      }
    } else {
      const name = ['privkey', 'dkey', 'key'].find((ending) => file.name.endsWith(`.${ending}`));
      if (name) found[name] = text;
    }
  }
  return found;
}

/**
 * The secrets a step needs: from this visit, or from the file the trustee picks. A wrong or incomplete file is
 * explained and asked for again; nothing is sent until the step has what it needs.
 */
async function secrets(names) {
  const missing = names.filter((name) => memory[name] === null);
  if (missing.length === 0) return memory;
  const picker = document.getElementById('trustee-file');
  picker.hidden = false;
  for (;;) {
    await new Promise((resolve) => {
      document.getElementById('use-key').onclick = resolve;
    });
    problem.hidden = true;
    const files = [...document.getElementById('key-file').files];
    if (files.length === 0) {
      fail(messages.noFile);
      continue;
    }
    try {
      const found = await readSecrets(files);
      const lacking = missing.filter((name) => !found[name]);
      if (lacking.length === 0) {
        for (const name of missing) memory[name] = found[name];
        break;
      }
      fail(lacking.includes('dkey') && found.key ? messages.olderFile : messages.notTrusteeFile);
    } catch (error) {
      fail(error);
    }
  }
  picker.hidden = true;
  return memory;
}

async function step() {
  const state = await getJson(`${url}/ceremony.json`);
  const threshold = state.threshold;
  if (state.status === 'tallied') return say(messages.done);
  if (state.status === 'closed' && state.shuffles_pending) {
    // Ranked ballots are shuffled by the trustees, one after another, before anyone decrypts: in this browser
    // (shuffle.js), or on the trustee's own computer with `kenes election shuffle … --output FILE`, sent below.
    document.getElementById('trustee-shuffle').hidden = state.shuffled;
    if (state.shuffled) return later(messages.shuffleWaiting);
    say(messages.shuffleNeeded);
    await new Promise((resolve) => {
      document.getElementById('shuffle-here').onclick = resolve;
      // A file sent from the command line ends the wait too.
      shuffleSent = resolve;
    });
    shuffleSent = null;
    const now = await getJson(`${url}/ceremony.json`);
    if (now.shuffles_pending && !now.shuffled) {
      document.getElementById('shuffle-here').disabled = true;
      const made = await shuffleBallots({
        election: now.election,
        encryptedTally: now.encrypted_tally,
        onProgress: (done, total) => say(`${messages.shuffling} ${done}/${total}`),
      });
      document.getElementById('shuffle-here').disabled = false;
      await send('shuffle', made);
    }
    return step();
  }
  if (state.status === 'closed') {
    document.getElementById('trustee-shuffle').hidden = true;
    if (state.decrypted) return later(messages.decrypted);
    say(messages.needKey);
    const held = await secrets(threshold ? ['key', 'dkey'] : ['privkey']);
    say(messages.decrypting);
    let made;
    try {
      made = await partialDecryption({
        election: state.election,
        encryptedTally: state.encrypted_tally,
        trusteeId: state.trustee,
        trustees: state.trustees_json,
        ...(threshold ? { key: held.key, dkey: held.dkey } : { privkey: held.privkey }),
      });
    } catch (error) {
      // The file's keys do not fit this trustee's public key: say so, forget them, and ask again.
      memory.key = memory.dkey = memory.privkey = null;
      fail(`${messages.keyMismatch} (${error instanceof Error ? error.message : error})`);
      return step();
    }
    await send('decryption', made.partialDecryption);
    return later(messages.decrypted);
  }
  // Open, or set up and waiting for the others: a page left open decrypts as soon as voting closes.
  if (state.status === 'open') return later(messages.done);
  if (!threshold) {
    if (state.done.pubkey) return later(messages.done);
    await clicked();
    const made = await generateTrusteeKey(state.group);
    memory.privkey = made.privkey.text;
    keep();
    await send('pubkey', made.pubkey.text);
    return later(messages.done);
  }
  if (!state.done.cert) {
    await clicked();
    // An Ed25519 ceremony is Belenios 3.0's: the certificate is signed for this trustee's place (1-based), the
    // threshold and the number of trustees; the finite-field ones stay Belenios 2.0's, without a context.
    const context =
      state.group === 'Ed25519' ? { index: state.trustee, threshold: state.threshold, size: state.trustees } : undefined;
    const made = await thresholdCertificate(state.group, context);
    memory.key = made.key.text;
    keep();
    await send('cert', made.cert.text);
    return step();
  }
  if (state.waiting_for === 'certs') return later(messages.waiting);
  if (!state.done.polynomial) {
    const held = await secrets(['key']);
    const polynomial = await thresholdPolynomial({ group: state.group, certs: state.certs, key: held.key, threshold });
    await send('polynomial', polynomial);
    return step();
  }
  if (state.waiting_for === 'polynomials') return later(messages.waiting);
  if (!state.done.voutput) {
    const held = await secrets(['key']);
    const made = await thresholdVoutput({ group: state.group, certs: state.certs, key: held.key, vinput: state.vinput });
    memory.dkey = made.dkey.text;
    keep();
    await send('voutput', made.voutput);
    return step();
  }
  return later(state.waiting_for ? messages.waiting : messages.done);
}

/** Waits for the trustee to ask for their key to be made. */
async function clicked() {
  const panel = document.getElementById('trustee-key');
  panel.hidden = false;
  await new Promise((resolve) => {
    document.getElementById('make-key').onclick = resolve;
  });
  panel.hidden = true;
}

/** Nothing to do yet (the others have not finished the round, voting has not closed): look again soon. */
function later(text) {
  say(text);
  setTimeout(run, 2000);
}

function run() {
  step().catch(fail);
}

/**
 * A file made with the command line on the trustee's own computer (`kenes election setup …` or `kenes election
 * decrypt`): sent to the step the ceremony is at. Only public material is read from it: a partial decryption file
 * of `kenes election decrypt`/belenios-tool is its first line.
 */
async function sendMadeElsewhere() {
  problem.hidden = true;
  const file = document.getElementById('cli-file').files[0];
  if (!file) return;
  const text = (await file.text()).trim();
  const state = await getJson(`${url}/ceremony.json`);
  const stepName = state.status === 'closed'
    ? state.shuffles_pending ? 'shuffle' : 'decryption'
    : !state.threshold
      ? 'pubkey'
      : !state.done.cert ? 'cert' : !state.done.polynomial ? 'polynomial' : 'voutput';
  // A partial decryption or shuffle file of the command line is its first line (the second names the owner).
  const firstLine = stepName === 'decryption' || stepName === 'shuffle';
  await send(stepName, firstLine ? text.split('\n')[0] : text);
  shuffleSent?.();
  say(messages.done);
}

if (root) {
  document.getElementById('cli-send').addEventListener('click', () => sendMadeElsewhere().catch(fail));
  root.dataset.ready = 'true';
  run();
}
