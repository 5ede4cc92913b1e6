// The ballot board while voting runs: every few seconds it asks how many ballots were cast and, when the number
// changed, takes the board from the election's page afresh (the server writes it in the reader's language). The
// page works without this script; it only spares a reload.

const board = document.getElementById('board');

async function refresh() {
  const url = location.pathname.replace(/\/$/, '');
  const state = await (await fetch(`${url}/board.json`)).json();
  if (state.status !== board.dataset.status) {
    location.reload();
    return;
  }
  if (String(state.cast) === board.dataset.cast) return;
  const page = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
  const fresh = page.getElementById('board');
  if (!fresh) return;
  // Keep the list of tracking numbers open if the reader opened it.
  const open = board.querySelector('details')?.open;
  board.innerHTML = fresh.innerHTML;
  board.dataset.cast = fresh.dataset.cast;
  if (open) board.querySelector('details').open = true;
}

if (board) setInterval(() => refresh().catch(() => {}), 5000);
