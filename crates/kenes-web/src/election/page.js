// What the election pages' scripts share: the session's CSRF token, the translated messages the server puts in the
// page, requests whose refusals become errors, and how an error is shown. DOM and fetch only: the cryptography is in
// core.js, booth.js, trustee.js and authority.js, which Node runs too.

/** The session's CSRF token from the page's `kenes-csrf` meta tag; empty on a page for someone not signed in. */
export const csrf = document.querySelector('meta[name="kenes-csrf"]')?.content ?? '';

/** The messages in the reader's language that the server wrote as JSON into the element `id`. */
export function pageMessages(id) {
  return JSON.parse(document.getElementById(id)?.textContent ?? '{}');
}

/** GETs a JSON document; one with an `error` member is thrown as an Error with the server's message. */
export async function getJson(url) {
  const state = await (await fetch(url)).json();
  if (state.error) throw new Error(state.error.message);
  return state;
}

/**
 * POSTs `body` with the CSRF token; a refusal is thrown as an Error with the server's message (from its JSON error,
 * else the status text). Returns the response.
 */
export async function post(url, contentType, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body,
  });
  if (!response.ok) {
    const answer = await response.json().catch(() => ({}));
    throw new Error(answer.error?.message ?? response.statusText);
  }
  return response;
}

/** Shows `error` in the page's error box, after the page's word for an error. */
export function showError(box, messages, error) {
  box.hidden = false;
  box.textContent = `${messages.error ?? 'Error'}: ${error instanceof Error ? error.message : error}`;
}
