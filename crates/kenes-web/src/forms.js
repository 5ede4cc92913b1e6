// Forms that create something carry a `once` value (see once.rs): the server answers a repeated submission with the
// first one's answer. This only shows it: the button that sent the form is marked busy and disabled until the next
// page comes, so a second click does nothing visible either.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.querySelector('input[name="once"]')) return;
  const button = event.submitter;
  if (!button) return;
  button.setAttribute('aria-busy', 'true');
  // After the form's data is taken: a disabled button would not send its own name and value.
  setTimeout(() => { button.disabled = true; }, 0);
  // Back to life if the page stays (the browser's back-forward cache, or a download).
  window.addEventListener('pageshow', () => { button.disabled = false; button.removeAttribute('aria-busy'); }, { once: true });
});
