// Cluster Advisor chat page: plain JS, no build step, no network beyond this server.
"use strict";

const $ = (selector) => document.querySelector(selector);
const state = { conversationId: null, today: null, busy: false, callCache: new Map() };
const TYPE_LABEL = { call: "Funding call", cluster: "Cluster", policy: "Policy" };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// --- API key: kept in this tab's session storage only, sent as a Bearer token ---------------------

const KEY_ITEM = "cluster-advisor.api-key";

function storedKey() {
  try { return sessionStorage.getItem(KEY_ITEM) || ""; } catch (_) { return ""; }
}

function showKeyForm(reason) {
  const form = $("#key-form");
  form.hidden = false;
  $("#key-toggle").setAttribute("aria-expanded", "true");
  if (reason) $("#key-reason").textContent = reason;
  $("#key-status").textContent = storedKey() ? "A key is set for this tab." : "No key set: public documents only, if the server allows it.";
  $("#api-key").focus();
}

function saveKey(event) {
  event.preventDefault();
  const key = $("#api-key").value.trim();
  if (!key) return;
  try { sessionStorage.setItem(KEY_ITEM, key); } catch (_) { /* storage off: the key is not kept */ }
  $("#api-key").value = "";
  $("#key-form").hidden = true;
  $("#key-toggle").setAttribute("aria-expanded", "false");
  $("#form-error").hidden = true;
  loadToday();
}

function forgetKey() {
  try { sessionStorage.removeItem(KEY_ITEM); } catch (_) { /* nothing kept */ }
  $("#key-status").textContent = "Key forgotten.";
}

async function api(path, options = {}) {
  const key = storedKey();
  // Relative to the page, so the app also works under a proxy's path prefix (root path).
  const response = await fetch(path.replace(/^\//, ""), {
    ...options,
    headers: {
      "Content-Type": "application/json",
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(options.headers || {}),
    },
  });
  if (response.status === 401) {
    showKeyForm(key ? "The server refused this API key; paste a valid one." : "This server needs an API key. It stays in this browser tab only (session storage).");
  }
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try { detail = (await response.json()).detail || detail; } catch (_) { /* not JSON */ }
    throw new Error(detail);
  }
  return response;
}

function filters() {
  const result = {};
  const type = $("#filter-type").value;
  const country = $("#filter-country").value.trim();
  if ($("#filter-open").checked) { result.type = "call"; result.status = "open"; }
  else if (type) result.type = type;
  if (country) result.country = country;
  return Object.keys(result).length ? result : null;
}

// --- answers ----------------------------------------------------------------------------------

function appendMarked(container, text, answerKey) {
  for (const part of text.split(/(\[\d+\])/g)) {
    const match = /^\[(\d+)\]$/.exec(part);
    if (match) {
      container.append(el("a", {
        class: "cite", href: `#src-${answerKey}-${match[1]}`, "aria-label": `Source ${match[1]}`,
        onclick: (event) => { event.preventDefault(); openSource(answerKey, match[1]); },
      }, match[1]));
    } else if (part) {
      container.append(part);
    }
  }
}

// Lines starting with "- " become a list; other lines paragraphs; [n] markers become links.
function renderAnswerText(container, text, answerKey) {
  container.textContent = "";
  container.classList.add("rendered");
  let list = null;
  for (const line of text.split("\n")) {
    if (!line.trim()) { list = null; continue; }
    if (line.startsWith("- ")) {
      if (!list) { list = el("ul"); container.append(list); }
      const item = el("li");
      appendMarked(item, line.slice(2), answerKey);
      list.append(item);
    } else {
      list = null;
      const paragraph = el("p");
      appendMarked(paragraph, line, answerKey);
      container.append(paragraph);
    }
  }
}

function openSource(answerKey, n) {
  const item = document.getElementById(`src-${answerKey}-${n}`);
  if (!item) return;
  const head = item.querySelector(".source-head");
  if (head.getAttribute("aria-expanded") !== "true") head.click();
  item.scrollIntoView({ behavior: "smooth", block: "center" });
  item.classList.add("flash");
  setTimeout(() => item.classList.remove("flash"), 1600);
  head.focus({ preventScroll: true });
}

async function callFacts(identifier) {
  if (!identifier) return null;
  if (state.callCache.has(identifier)) return state.callCache.get(identifier);
  const params = new URLSearchParams({ q: identifier, limit: "5" });
  const promise = api(`/v1/calls?${params}`)
    .then((r) => r.json())
    .then((page) => page.calls.find((call) => call.identifier === identifier) || null)
    .catch(() => null);
  state.callCache.set(identifier, promise);
  return promise;
}

function statusBadge(call) {
  const when = call.deadline ? ` · deadline ${call.deadline}` : "";
  return el("span", { class: `badge ${call.status}` }, `${call.status}${when}`);
}

function sourceItem(citation, answerKey) {
  const bodyId = `src-body-${answerKey}-${citation.n}`;
  const meta = el("span", { class: "meta" },
    el("span", { class: "badge" }, TYPE_LABEL[citation.doc_type] || citation.doc_type),
    citation.identifier ? el("span", {}, citation.identifier) : null);
  const body = el("div", { class: "source-body", id: bodyId, hidden: true },
    citation.quote ? el("blockquote", {}, citation.quote) : null,
    citation.url ? el("a", { href: citation.url, target: "_blank", rel: "noopener" }, "Open the source ↗") : null);
  const head = el("button", {
    type: "button", class: "source-head", "aria-expanded": "false", "aria-controls": bodyId,
    onclick: () => {
      const open = head.getAttribute("aria-expanded") === "true";
      head.setAttribute("aria-expanded", String(!open));
      body.hidden = open;
    },
  }, el("span", { class: "source-n" }, citation.n), el("span", { class: "source-title" }, citation.title), meta);
  if (citation.doc_type === "call") {
    callFacts(citation.identifier).then((call) => { if (call) meta.append(statusBadge(call)); });
  }
  return el("li", { class: "source", id: `src-${answerKey}-${citation.n}`, "data-doc-id": citation.doc_id }, head, body);
}

function feedbackBar(answerId) {
  const thanks = el("span", { role: "status" });
  const send = async (helpful, button) => {
    try {
      await api("/v1/feedback", { method: "POST", body: JSON.stringify({ answer_id: answerId, helpful }) });
      bar.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
      thanks.textContent = "Thanks for your feedback.";
    } catch (error) {
      thanks.textContent = `Could not send feedback: ${error.message}`;
    }
  };
  const up = el("button", { type: "button", "aria-pressed": "false", onclick: () => send(true, up) }, "✓ Helpful");
  const down = el("button", { type: "button", "aria-pressed": "false", onclick: () => send(false, down) }, "✗ Not helpful");
  const bar = el("div", { class: "feedback" }, el("span", {}, "Was this useful?"), up, down, thanks);
  return bar;
}

function finishAnswer(message, bubble, answer) {
  const key = answer.answer_id || String(Date.now());
  bubble.classList.remove("streaming");
  renderAnswerText(bubble, answer.answer, key);
  state.conversationId = answer.conversation_id;
  if (!answer.grounded) message.append(el("p", { class: "notice" }, "No evidence for this in the corpus."));
  if (answer.citations.length) {
    message.append(el("ol", { class: "sources", "aria-label": "Sources" },
      answer.citations.map((citation) => sourceItem(citation, key))));
  }
  if (answer.answer_id) message.append(feedbackBar(answer.answer_id));
}

function parseEvents(buffer, onEvent) {
  let boundary;
  while ((boundary = buffer.indexOf("\n\n")) >= 0) {
    const block = buffer.slice(0, boundary);
    buffer = buffer.slice(boundary + 2);
    let name = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) name = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    if (data.length) onEvent(name, JSON.parse(data.join("\n")));
  }
  return buffer;
}

async function ask(question) {
  const log = $("#log");
  log.querySelector(".welcome")?.remove();
  log.append(el("li", { class: "msg user" }, el("div", { class: "bubble" }, question)));
  const bubble = el("div", { class: "bubble streaming", "aria-busy": "true" });
  const message = el("li", { class: "msg bot" }, bubble);
  log.append(message);
  message.scrollIntoView({ behavior: "smooth", block: "end" });

  const body = { question, conversation_id: state.conversationId, filters: filters() };
  const response = await api("/v1/ask/stream", { method: "POST", body: JSON.stringify(body) });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let final = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer = parseEvents(buffer + decoder.decode(value, { stream: true }), (name, data) => {
      if (name === "delta") bubble.append(data.text);
      else if (name === "final") final = data.answer;
    });
  }
  bubble.removeAttribute("aria-busy");
  if (!final) throw new Error("the answer stream ended early; please ask again");
  finishAnswer(message, bubble, final);
}

async function submit(event) {
  event?.preventDefault();
  const box = $("#question");
  const question = box.value.trim();
  const error = $("#form-error");
  if (!question || state.busy) return;
  state.busy = true;
  $("#send").disabled = true;
  error.hidden = true;
  box.value = "";
  try {
    await ask(question);
  } catch (problem) {
    error.textContent = problem.message;
    error.hidden = false;
    document.querySelector(".msg.bot:last-child .bubble.streaming")?.closest(".msg")?.remove();
    box.value = question;
  } finally {
    state.busy = false;
    $("#send").disabled = false;
    box.focus();
  }
}

function newConversation() {
  state.conversationId = null;
  const log = $("#log");
  log.textContent = "";
  log.append(el("li", { class: "welcome" }, el("h2", {}, "New conversation"),
    el("p", {}, "Ask about funding calls, cluster partners or cluster policy.")));
  $("#question").focus();
}

// --- upcoming deadlines -------------------------------------------------------------------------

async function loadDeadlines() {
  const status = $("#deadlines-status");
  const list = $("#deadlines");
  const params = new URLSearchParams({ status: "open", limit: "200" });
  const words = $("#deadline-filter").value.trim();
  if (words) params.set("q", words);
  status.textContent = "Loading…";
  try {
    const page = await (await api(`/v1/calls?${params}`)).json();
    list.textContent = "";
    for (const call of page.calls) {
      const days = call.days_left;
      list.append(el("li", { class: "deadline" },
        el("div", { class: `days${days !== null && days <= 30 ? " soon" : ""}` },
          el("strong", {}, days === null ? "∞" : days), el("span", {}, days === 1 ? "day left" : "days left")),
        el("h3", {}, call.url ? el("a", { href: call.url, target: "_blank", rel: "noopener" }, call.title) : call.title),
        el("div", { class: "meta" }, el("span", { class: "badge open" }, call.deadline ? `deadline ${call.deadline}` : "continuous"),
          el("span", {}, call.identifier)),
        el("div", { class: "meta" }, call.programme || "",
          call.budget_eur ? el("span", {}, `· €${(call.budget_eur / 1e6).toLocaleString("en", { maximumFractionDigits: 1 })} M`) : null)));
    }
    status.textContent = page.total ? `${page.total} open call${page.total === 1 ? "" : "s"}` : "No open calls match.";
  } catch (error) {
    status.textContent = `Could not load the calls: ${error.message}`;
  }
}

function showView(name) {
  for (const view of ["ask", "deadlines"]) {
    const selected = view === name;
    $(`#tab-${view}`).setAttribute("aria-selected", String(selected));
    $(`#view-${view}`).hidden = !selected;
  }
  if (name === "deadlines") loadDeadlines();
  else $("#question").focus();
}

async function loadToday() {
  try {
    const page = await (await api("/v1/calls?limit=1")).json();
    state.today = page.today;
    $("#today-label").textContent = page.today;
    $("#deadlines-day").textContent = page.today;
  } catch (_) { /* the label keeps "today" */ }
}

async function loadFreshness() {
  // /readyz says how fresh the call list is: the last refresh, else the bundled snapshot's day.
  try {
    const key = storedKey();  // /readyz may need the key (CLUSTER_ADVISOR_PROTECT_OPERATIONS)
    const health = await (await fetch("readyz", key ? { headers: { Authorization: `Bearer ${key}` } } : {})).json();
    if (!health.calls_as_of) return;
    const when = health.calls_refreshed_at ? "refreshed" : "bundled snapshot";
    $("#calls-as-of").textContent = ` · calls as of ${health.calls_as_of} (${when})`;
  } catch (_) { /* no freshness shown */ }
}

document.addEventListener("DOMContentLoaded", () => {
  $("#ask-form").addEventListener("submit", submit);
  $("#question").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) submit(event);
  });
  $("#new-conversation").addEventListener("click", newConversation);
  $("#tab-ask").addEventListener("click", () => showView("ask"));
  $("#tab-deadlines").addEventListener("click", () => showView("deadlines"));
  let timer = null;
  $("#deadline-filter").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(loadDeadlines, 250); });
  document.querySelectorAll(".example").forEach((button) => button.addEventListener("click", () => {
    $("#question").value = button.textContent;
    submit();
  }));
  $("#key-form").addEventListener("submit", saveKey);
  $("#key-forget").addEventListener("click", forgetKey);
  $("#key-toggle").addEventListener("click", () => {
    if ($("#key-form").hidden) showKeyForm();
    else { $("#key-form").hidden = true; $("#key-toggle").setAttribute("aria-expanded", "false"); }
  });
  loadToday();
  loadFreshness();
  $("#question").focus();
});
