// kenes live meeting pages: follow the meeting over server-sent events, show each person what is theirs, send
// actions without leaving the page. Without this script every page still works by ordinary forms and reloads.
// A module (`<script type="module">`): it runs once the page is parsed, in strict mode, and its names stay its own.

const live = document.getElementById('live');
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content ?? '';
const csrf = meta('kenes-csrf');
const me = meta('kenes-me') || document.body.getAttribute('data-me') || '';
const problem = document.getElementById('problem');
const connection = document.getElementById('connection');
const announcer = document.getElementById('announce');

/** Milliseconds to add to this device's clock to read the server's (from the stream's `time` events). */
let offset = 0;
/** The newest fragment, held back while someone types in the live part; applied when they leave the field. */
let pending = null;
let lastAnnounce = null;

function showConnectionLost(lost) {
  if (connection) connection.hidden = !lost;
}

// Member numbers arrive as a base64 bit set: bit n % 8 of byte n / 8 is member n.
function has(set, id) {
  const n = Number(id);
  if (!set || !n) return false;
  const bytes = atob(set);
  const index = n >> 3;
  return index < bytes.length && ((bytes.charCodeAt(index) >> (n & 7)) & 1) === 1;
}

// Shows or hides the controls that depend on who is looking, fills in the form tokens.
function personalise() {
  const state = live.querySelector('.live-state');
  if (!state) return;
  const present = has(state.getAttribute('data-present'), me);
  const waiting = has(state.getAttribute('data-waiting'), me);
  const voted = has(state.getAttribute('data-voted'), me);
  // A personal element shows when every condition its classes name holds for this person.
  const holds = {
    'if-absent': !present,
    'if-present': present,
    'if-waiting': waiting,
    'if-not-waiting': !waiting,
    'if-voted': voted,
    'if-not-voted': !voted,
  };
  live.querySelectorAll('.personal').forEach((el) => {
    const classes = el.classList;
    const show =
      Object.entries(holds).every(([name, holding]) => holding || !classes.contains(name)) &&
      (!classes.contains('if-mover') || el.getAttribute('data-mover') === me);
    el.hidden = !show;
  });
  live.querySelectorAll('input[name="csrf"]').forEach((input) => {
    if (!input.value) input.value = csrf;
  });
  const text = state.getAttribute('data-announce');
  if (announcer && text && text !== lastAnnounce) announcer.textContent = text;
  lastAnnounce = text;
  tick();
}

// A key for the control that has focus, so focus survives the fragment being replaced.
function keyOf(el) {
  if (!el || !live.contains(el)) return null;
  const form = el.form || el.closest('form');
  if (!form) return el.id ? `#${el.id}` : null;
  const hidden = [...form.querySelectorAll('input[type="hidden"]:not([name="csrf"])')];
  const fields = hidden.map((input) => `${input.name}=${input.value}`).join('&');
  return `${fields}|${el.name || ''}|${(el.textContent || '').trim()}`;
}

// A key for a disclosure, so one the reader opened stays open when the fragment is replaced.
function detailsKey(details) {
  const summary = details.querySelector('summary');
  return summary ? summary.textContent + (details.closest('article')?.id ?? '') : '';
}

function typingIn(el) {
  return (
    el !== null &&
    live.contains(el) &&
    (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && el.type !== 'hidden' && el.type !== 'submit'))
  );
}

function swap(html) {
  const active = document.activeElement;
  // Never replace a form someone is typing in; apply the update when they leave it.
  if (typingIn(active)) {
    pending = html;
    return;
  }
  const key = keyOf(active);
  const open = [...live.querySelectorAll('details[open]')].map(detailsKey);
  live.innerHTML = html;
  pending = null;
  live.querySelectorAll('details').forEach((details) => {
    if (open.includes(detailsKey(details))) details.open = true;
  });
  personalise();
  if (key) [...live.querySelectorAll('button, select, a, input')].find((el) => keyOf(el) === key)?.focus();
}

function tick() {
  const now = Date.now() + offset;
  live.querySelectorAll('.clock[data-since]').forEach((clock) => {
    const since = Number(clock.getAttribute('data-since'));
    const limit = Number(clock.getAttribute('data-limit') || 0);
    const seconds = Math.max(0, Math.floor((now - since) / 1000));
    clock.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    clock.classList.toggle('over', limit > 0 && seconds > limit);
  });
}

// Actions from the live part go by fetch; the stream brings the new state to every screen, this one included.
// If the request cannot be made, the form is sent the ordinary way.
async function act(form, body) {
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      body,
      headers: { 'X-Kenes-Fetch': '1' },
      credentials: 'same-origin',
    });
    if (response.ok) {
      if (problem) {
        problem.hidden = true;
        problem.textContent = '';
      }
      if (form.querySelector('textarea')) form.reset();
      return;
    }
    const text = await response.text();
    if (problem) {
      problem.textContent = text;
      problem.hidden = false;
    }
  } catch {
    showConnectionLost(true);
    form.submit();
  }
}

function submitted(event) {
  const form = event.target;
  if (!live.contains(form) || !/\/act$/.test(form.getAttribute('action') || '')) return;
  event.preventDefault();
  const body = new URLSearchParams(new FormData(form));
  if (event.submitter?.name) body.set(event.submitter.name, event.submitter.value);
  if (!body.get('csrf')) body.set('csrf', csrf);
  act(form, body);
}

if (live && window.EventSource) {
  live.addEventListener('focusout', () => {
    if (pending === null) return;
    const html = pending;
    // Once the focus has landed: swap holds the update again if it landed in another field.
    setTimeout(() => {
      if (pending === html) swap(html);
    }, 0);
  });
  setInterval(tick, 1000);
  const source = new EventSource(live.getAttribute('data-stream'));
  source.addEventListener('time', (event) => {
    offset = Number(event.data) - Date.now();
  });
  source.addEventListener('live', (event) => {
    swap(event.data);
    showConnectionLost(false);
  });
  source.addEventListener('error', () => showConnectionLost(true));
  source.addEventListener('open', () => showConnectionLost(false));
  document.addEventListener('submit', submitted);
  personalise();
}
