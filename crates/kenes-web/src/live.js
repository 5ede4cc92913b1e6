// kenes live meeting pages: follow the meeting over server-sent events, show each person what is theirs, send
// actions without leaving the page. Without this script every page still works by ordinary forms and reloads.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.EventSource) return;
  var meta = function (name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : ""; };
  var csrf = meta("csrf");
  var me = meta("kenes-me") || document.body.getAttribute("data-me") || "";
  var problem = document.getElementById("problem");
  var connection = document.getElementById("connection");
  var announcer = document.getElementById("announce");
  var offset = 0, pending = null, lastAnnounce = null;

  // Member numbers arrive as a base64 bit set: bit n % 8 of byte n / 8 is member n.
  function has(set, id) {
    var n = Number(id);
    if (!set || !n) return false;
    var bytes = atob(set);
    var index = n >> 3;
    return index < bytes.length && ((bytes.charCodeAt(index) >> (n & 7)) & 1) === 1;
  }

  // Shows or hides the controls that depend on who is looking, fills in the form tokens.
  function personalise() {
    var state = live.querySelector(".live-state");
    if (!state) return;
    var present = has(state.getAttribute("data-present"), me);
    var waiting = has(state.getAttribute("data-waiting"), me);
    var voted = has(state.getAttribute("data-voted"), me);
    live.querySelectorAll(".personal").forEach(function (el) {
      var c = el.classList, show = true;
      if (c.contains("if-absent")) show = show && !present;
      if (c.contains("if-present")) show = show && present;
      if (c.contains("if-waiting")) show = show && waiting;
      if (c.contains("if-not-waiting")) show = show && !waiting;
      if (c.contains("if-voted")) show = show && voted;
      if (c.contains("if-not-voted")) show = show && !voted;
      if (c.contains("if-mover")) show = show && el.getAttribute("data-mover") === me;
      el.hidden = !show;
    });
    live.querySelectorAll('input[name="csrf"]').forEach(function (input) { if (!input.value) input.value = csrf; });
    var text = state.getAttribute("data-announce");
    if (announcer && text && text !== lastAnnounce) { announcer.textContent = text; }
    lastAnnounce = text;
    tick();
  }

  // A key for the control that has focus, so focus survives the fragment being replaced.
  function keyOf(el) {
    if (!el || !live.contains(el)) return null;
    var form = el.form || el.closest("form");
    if (!form) return el.id ? "#" + el.id : null;
    var parts = [];
    form.querySelectorAll('input[type="hidden"]:not([name="csrf"])').forEach(function (i) { parts.push(i.name + "=" + i.value); });
    return parts.join("&") + "|" + (el.name || "") + "|" + (el.textContent || "").trim();
  }

  function swap(html) {
    var active = document.activeElement;
    // Never replace a form someone is typing in; apply the update when they leave it.
    if (active && live.contains(active) && (active.tagName === "TEXTAREA" || (active.tagName === "INPUT" && active.type !== "hidden" && active.type !== "submit"))) {
      pending = html;
      return;
    }
    var key = keyOf(active);
    var open = [];
    live.querySelectorAll("details[open]").forEach(function (d) { open.push(d.querySelector("summary") ? d.querySelector("summary").textContent + (d.closest("article") ? d.closest("article").id : "") : ""); });
    live.innerHTML = html;
    pending = null;
    live.querySelectorAll("details").forEach(function (d) {
      var k = d.querySelector("summary") ? d.querySelector("summary").textContent + (d.closest("article") ? d.closest("article").id : "") : "";
      if (open.indexOf(k) >= 0) d.open = true;
    });
    personalise();
    if (key) {
      var candidates = live.querySelectorAll("button, select, a, input");
      for (var i = 0; i < candidates.length; i++) { if (keyOf(candidates[i]) === key) { candidates[i].focus(); break; } }
    }
  }

  live.addEventListener("focusout", function () { if (pending !== null) { var html = pending; setTimeout(function () { if (pending === html) swap(html); }, 0); } });

  function tick() {
    var now = Date.now() + offset;
    live.querySelectorAll(".clock[data-since]").forEach(function (clock) {
      var since = Number(clock.getAttribute("data-since")), limit = Number(clock.getAttribute("data-limit") || 0);
      var seconds = Math.max(0, Math.floor((now - since) / 1000));
      clock.textContent = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
      clock.classList.toggle("over", limit > 0 && seconds > limit);
    });
  }
  setInterval(tick, 1000);

  var source = new EventSource(live.getAttribute("data-stream"));
  source.addEventListener("time", function (event) { offset = Number(event.data) - Date.now(); });
  source.addEventListener("live", function (event) {
    swap(event.data);
    if (connection) connection.hidden = true;
  });
  source.addEventListener("error", function () { if (connection) connection.hidden = false; });
  source.addEventListener("open", function () { if (connection) connection.hidden = true; });

  // Actions from the live part go by fetch; the stream brings the new state to every screen, this one included.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!live.contains(form) || !/\/act$/.test(form.getAttribute("action") || "")) return;
    event.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    if (event.submitter && event.submitter.name) body.set(event.submitter.name, event.submitter.value);
    if (!body.get("csrf")) body.set("csrf", csrf);
    fetch(form.action, { method: "POST", body: body, headers: { "X-Kenes-Fetch": "1" }, credentials: "same-origin" })
      .then(function (response) {
        if (response.ok) {
          if (problem) { problem.hidden = true; problem.textContent = ""; }
          if (form.querySelector("textarea")) form.reset();
          return null;
        }
        return response.text().then(function (text) { if (problem) { problem.textContent = text; problem.hidden = false; } });
      })
      .catch(function () { if (connection) connection.hidden = false; form.submit(); });
  });

  personalise();
})();
