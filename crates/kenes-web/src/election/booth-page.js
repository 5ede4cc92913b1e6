// The voting booth's page: reads the choices from the form, encrypts them in this browser (booth.js), lets the voter
// audit an encryption (Benaloh: the randomness is revealed and checked, and that ballot is thrown away), and casts
// the sealed ballot. The credential is typed in or comes in the URL's fragment, which browsers never send to a
// server; only the encrypted, signed ballot leaves this page.
// The booth is not a form: its inputs belong to no form and the Encrypt button is disabled until this script has
// started, so a browser never sends the credential or the plain choices anywhere by itself (without JavaScript, a
// press of Encrypt does nothing).

import { auditBallot, encryptBallot, parseCredential } from './booth.js';
import { pageMessages, post, showError } from './page.js';

const form = document.getElementById('booth');
const encryptButton = document.getElementById('encrypt');
const messages = pageMessages('booth-messages');
const status = document.getElementById('booth-status');
const problem = document.getElementById('booth-error');
const sealed = document.getElementById('sealed');
const trackerOut = document.getElementById('tracker');
const credentialInput = document.getElementById('credential');

let electionText = null;
/** The ballot encrypted last, not yet cast: {ballotJson, trackingNumber, audit, choices}. */
let pending = null;

function say(text) {
  status.textContent = text;
}

/** Shows an error; one the voter can put right is said in their language (`VoterError`'s code and arguments). */
function fail(error) {
  const worded = error?.code && messages[error.code];
  const text = worded ? worded.replace(/\{(\w+)\}/g, (_, name) => String(error.args?.[name] ?? '')) : error;
  showError(problem, messages, text);
  say('');
}

/**
 * One array of 0/1 per question, blank indicator first where the question allows a blank vote; for a ranked
 * question, each answer's rank (1 first, 0 unranked).
 */
function choices() {
  return [...form.querySelectorAll('fieldset.question')].map((fieldset, qi) => {
    if (fieldset.dataset.ranked === 'true') {
      return [...fieldset.querySelectorAll(`select[name="q${qi}"]`)].map((select) => Number(select.value));
    }
    const answers = fieldset.querySelectorAll(`input[name="q${qi}"]:not([value="blank"])`).length;
    const allowsBlank = fieldset.dataset.blank === 'true';
    const checked = [...fieldset.querySelectorAll(`input[name="q${qi}"]:checked`)].map((input) => input.value);
    const blank = allowsBlank && (checked.includes('blank') || checked.length === 0);
    const row = new Array(answers).fill(0);
    if (!blank) for (const value of checked) row[Number(value)] = 1;
    return allowsBlank ? [blank ? 1 : 0, ...row] : row;
  });
}

async function encrypt(event) {
  event?.preventDefault();
  problem.hidden = true;
  sealed.hidden = true;
  pending = null;
  try {
    const credential = parseCredential(credentialInput.value);
    if (electionText === null) electionText = await (await fetch(`${form.dataset.url}/election.json`)).text();
    say(messages.encrypting ?? '…');
    const picked = choices();
    const made = await encryptBallot(electionText, credential, picked);
    pending = { ...made, choices: picked };
    trackerOut.textContent = made.trackingNumber;
    sealed.hidden = false;
    say(messages.sealed ?? '');
  } catch (error) {
    fail(error);
  }
}

async function audit() {
  if (!pending) return;
  const checked = await auditBallot(electionText, pending.ballotJson, pending.audit, pending.choices);
  // An audited ballot has shown its randomness: it can never be cast. The voter encrypts again to vote.
  pending = null;
  sealed.hidden = true;
  say(checked.ok ? (messages.audited ?? 'OK') : `${messages.auditFailed ?? 'FAILED'}: ${checked.reason}`);
}

async function cast() {
  if (!pending) return;
  problem.hidden = true;
  say(messages.casting ?? '…');
  try {
    const response = await post(`${form.dataset.url}/ballot`, 'application/json', pending.ballotJson);
    const answer = await response.json();
    pending = null;
    sealed.hidden = true;
    credentialInput.value = '';
    say(`${answer.replaced ? messages.replaced : messages.cast} ${answer.tracker}`);
    document.getElementById('cast-tracker').textContent = answer.tracker;
    document.getElementById('cast-done').hidden = false;
  } catch (error) {
    fail(error);
  }
}

if (form) {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('credential');
  if (fromLink) {
    credentialInput.value = fromLink;
    // Out of the address bar and the history, so the next person at this phone does not find it.
    history.replaceState(null, '', location.pathname);
  }
  encryptButton.addEventListener('click', encrypt);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) encrypt(event);
  });
  encryptButton.disabled = false;
  document.getElementById('audit').addEventListener('click', audit);
  document.getElementById('cast').addEventListener('click', cast);
  form.dataset.ready = 'true';
}
