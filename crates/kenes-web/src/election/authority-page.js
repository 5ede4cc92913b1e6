// The credential authority's page: makes every voter's credential in this browser, offers the list to keep and
// hand out, and sends only the public credentials.

import { makeCredentials } from './authority.js';

const root = document.getElementById('authority');
const messages = JSON.parse(document.getElementById('authority-messages')?.textContent ?? '{}');
const status = document.getElementById('authority-status');
const problem = document.getElementById('authority-error');
const csrf = document.querySelector('meta[name="kenes-csrf"]')?.content ?? '';

async function make() {
  problem.hidden = true;
  const url = root.dataset.url;
  const state = await (await fetch(`${url}/authority.json`)).json();
  if (state.error) throw new Error(state.error.message);
  const made = await makeCredentials({
    group: state.group,
    uuid: state.uuid,
    count: state.voters.length,
    onProgress: (done, total) => {
      status.textContent = `${done} / ${total}`;
    },
  });
  // The list to hand out: one line per voter, name and credential (CSV, quoted).
  const quote = (text) => `"${String(text).replaceAll('"', '""')}"`;
  const lines = state.voters.map((voter, i) => `${quote(voter.name)},${made.secret[i]}`);
  const link = document.getElementById('credentials-link');
  link.href = URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }));
  link.download = `credentials-${state.uuid}.csv`;
  document.getElementById('authority-download').hidden = false;
  const response = await fetch(`${url}/authority/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(made.public),
  });
  if (!response.ok) {
    const answer = await response.json().catch(() => ({}));
    throw new Error(answer.error?.message ?? response.statusText);
  }
  status.textContent = messages.done;
}

if (root) {
  document.getElementById('make-credentials').addEventListener('click', () => {
    make().catch((error) => {
      problem.hidden = false;
      problem.textContent = `${messages.error}: ${error.message}`;
    });
  });
  root.dataset.ready = 'true';
}
