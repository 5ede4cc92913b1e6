// The credential authority's page: makes every voter's credential in this browser, offers the list to keep and
// hand out, and sends only the public credentials.

import { makeCredentials } from './authority.js';
import { getJson, pageMessages, post, showError } from './page.js';

const root = document.getElementById('authority');
const messages = pageMessages('authority-messages');
const status = document.getElementById('authority-status');
const problem = document.getElementById('authority-error');

async function make() {
  problem.hidden = true;
  const url = root.dataset.url;
  const state = await getJson(`${url}/authority.json`);
  const made = await makeCredentials({
    group: state.group,
    uuid: state.uuid,
    count: state.voters.length,
    weights: state.voters.map((voter) => voter.weight ?? 1),
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
  await post(`${url}/authority/credentials`, 'application/json', JSON.stringify(made.public));
  status.textContent = messages.done;
}

if (root) {
  document.getElementById('make-credentials').addEventListener('click', () => {
    make().catch((error) => showError(problem, messages, error));
  });
  root.dataset.ready = 'true';
}
