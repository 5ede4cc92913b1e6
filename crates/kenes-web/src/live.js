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

/**
 * The server's clock, read from the stream's `time` events (or the page's `data-server-now` until the first one):
 * its reading and this device's monotonic clock at that moment. Clocks count from there with `performance.now()`,
 * so a wall whose own clock is wrong, or is set back or forward while it runs, still shows the right time.
 */
let serverAt = Number(document.body.getAttribute('data-server-now')) || null;
let localAt = performance.now();
const serverNow = () => (serverAt === null ? Date.now() : serverAt + (performance.now() - localAt));
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

const minutes = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

function tick() {
  const now = serverNow();
  const spoken = (el) => Math.max(0, Math.floor((now - Number(el.getAttribute('data-since'))) / 1000));
  live.querySelectorAll('.clock[data-since]').forEach((clock) => {
    const limit = Number(clock.getAttribute('data-limit') || 0);
    const seconds = spoken(clock);
    clock.textContent = minutes(seconds);
    clock.classList.toggle('over', limit > 0 && seconds > limit);
  });
  // The projector's timer: the time left, and a sentence (not only a colour) when it is nearly or wholly spent.
  live.querySelectorAll('.timer[data-since]').forEach((timer) => {
    const limit = Number(timer.getAttribute('data-limit') || 0);
    if (limit <= 0) return;
    const left = limit - spoken(timer);
    const over = left <= 0;
    const soon = !over && left <= Math.min(30, limit / 4);
    timer.classList.toggle('over', over);
    timer.classList.toggle('soon', soon);
    const leftClock = timer.querySelector('.left-clock');
    if (leftClock) leftClock.textContent = minutes(Math.max(0, left));
    const noteSoon = timer.querySelector('.note-soon');
    const noteOver = timer.querySelector('.note-over');
    if (noteSoon) noteSoon.hidden = !soon;
    if (noteOver) noteOver.hidden = !over;
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
  // EventSource reconnects by itself after a network error, but gives up for good when an answer is not a stream
  // (a proxy's error page while the server restarts): then a new one is made, waiting longer each time up to 30 s.
  let retry = 1000;
  const connect = () => {
    const source = new EventSource(live.getAttribute('data-stream'));
    source.addEventListener('time', (event) => {
      serverAt = Number(event.data);
      localAt = performance.now();
    });
    source.addEventListener('live', (event) => {
      swap(event.data);
      showConnectionLost(false);
      retry = 1000;
    });
    source.addEventListener('error', () => {
      showConnectionLost(true);
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, retry);
        retry = Math.min(retry * 2, 30000);
      }
    });
    source.addEventListener('open', () => showConnectionLost(false));
  };
  connect();
  document.addEventListener('submit', submitted);
  personalise();
}
