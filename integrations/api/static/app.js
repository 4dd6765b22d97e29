// Cluster Advisor chat page: plain JS modules, no build step, no network beyond this server.
"use strict";

import { plainText, renderMarkup } from "./markup.js";
import * as history from "./history.js";

const $ = (selector) => document.querySelector(selector);
const state = { conversationId: null, today: null, busy: false, callCache: new Map(), citations: new Map() };

// --- interface language: the server rendered the page in it and embedded its strings ------------

const STRINGS = (() => {
  try { return JSON.parse($("#ui-strings").textContent || "{}"); } catch (_) { return {}; }
})();
const LANG = document.body.dataset.lang || "en";

/** The interface string `message` in the page's language, with {name} filled from `values`. */
function t(message, values = {}) {
  const text = STRINGS[message] || message;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

function typeLabel(docType) {
  return { call: t("Funding call"), cluster: t("Cluster"), policy: t("Policy") }[docType] || docType;
}

function statusLabel(status) {
  return { open: t("open"), forthcoming: t("forthcoming"), closed: t("closed") }[status] || status;
}

function formatDate(iso) {
  if (!iso) return "";
  const [year, month, day] = iso.split("-").map(Number);
  try {
    return new Intl.DateTimeFormat(LANG, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
      .format(new Date(Date.UTC(year, month - 1, day)));
  } catch (_) { return iso; }
}

function formatBudget(eur) {
  try {
    return new Intl.NumberFormat(LANG, { style: "currency", currency: "EUR", notation: "compact", maximumFractionDigits: 1 }).format(eur);
  } catch (_) { return `€${eur}`; }
}

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

// --- theme: the system's preference until the toggle chooses, then the choice is kept -----------

const THEME_ITEM = "cluster-advisor.theme";

function currentTheme() {
  const chosen = document.documentElement.dataset.theme;
  if (chosen) return chosen;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function applyTheme(theme) {
  if (theme) document.documentElement.dataset.theme = theme;
  $("#theme-toggle").setAttribute("aria-pressed", String(currentTheme() === "dark"));
}

function toggleTheme() {
  const next = currentTheme() === "dark" ? "light" : "dark";
  try { localStorage.setItem(THEME_ITEM, next); } catch (_) { /* not kept */ }
  applyTheme(next);
}

// --- language picker: kept in a cookie, so the server renders the next page in it ---------------

function pickLanguage(event) {
  const lang = event.target.value;
  document.cookie = `cluster_advisor_lang=${encodeURIComponent(lang)}; max-age=31536000; SameSite=Lax`;
  const url = new URL(location.href);
  url.searchParams.delete("lang");
  location.replace(url.toString());
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
  $("#key-status").textContent = storedKey() ? t("A key is set for this tab.") : t("No key set: public documents only, if the server allows it.");
  $("#api-key").focus();
}

function saveKey(event) {
  event.preventDefault();
  const key = $("#api-key").value.trim();
  if (!key) return;
  try { sessionStorage.setItem(KEY_ITEM, key); } catch (_) { /* storage off: the key is not kept */ }
  history.keepForThisTabOnly();  // answers may now quote internal documents
  $("#api-key").value = "";
  $("#key-form").hidden = true;
  $("#key-toggle").setAttribute("aria-expanded", "false");
  $("#form-error").hidden = true;
  loadToday();
}

function forgetKey() {
  try { sessionStorage.removeItem(KEY_ITEM); } catch (_) { /* nothing kept */ }
  $("#key-status").textContent = t("Key forgotten.");
}

function authHeaders() {
  const key = storedKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

async function api(path, options = {}) {
  const key = storedKey();
  // Relative to the page, so the app also works under a proxy's path prefix (root path).
  const response = await fetch(path.replace(/^\//, ""), {
    ...options,
    headers: { "Content-Type": "application/json", ...authHeaders(), ...(options.headers || {}) },
  });
  if (response.status === 401) {
    showKeyForm(key ? t("The server refused this API key; paste a valid one.") : t("This server needs an API key. It stays in this browser tab only (session storage)."));
  }
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try { detail = (await response.json()).detail || detail; } catch (_) { /* not JSON */ }
    throw new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
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

// --- calls' facts (status on the day, deadline) for badges and hover cards ----------------------

/** The facts on the day of the call a citation names. Matched by doc_id: cascade-funding calls
 * share their topic's identifier, so the identifier alone may name another call. */
async function callFacts(citation) {
  if (!citation.identifier) return null;
  if (!state.callCache.has(citation.identifier)) {
    const params = new URLSearchParams({ q: citation.identifier, limit: "200" });
    state.callCache.set(citation.identifier, api(`/v1/calls?${params}`)
      .then((r) => r.json())
      .then((page) => page.calls)
      .catch(() => []));
  }
  const calls = await state.callCache.get(citation.identifier);
  return calls.find((call) => call.doc_id === citation.doc_id) || null;
}

function statusBadge(call) {
  const when = call.deadline ? ` · ${t("deadline {date}", { date: formatDate(call.deadline) })}` : "";
  return el("span", { class: `badge ${call.status}`, "data-status": call.status }, `${statusLabel(call.status)}${when}`);
}

// --- citation hover cards -----------------------------------------------------------------------

const card = () => $("#cite-card");
let hideTimer = null;

function showCard(anchor, answerKey, n) {
  const citation = (state.citations.get(answerKey) || []).find((c) => String(c.n) === String(n));
  if (!citation) return;
  clearTimeout(hideTimer);
  const box = card();
  const badges = el("div", { class: "meta" }, el("span", { class: "badge" }, typeLabel(citation.doc_type)),
    citation.identifier ? el("span", { class: "card-id" }, citation.identifier) : null);
  box.replaceChildren(
    el("p", { class: "card-title" }, citation.title),
    badges,
    citation.url ? el("a", { href: citation.url, target: "_blank", rel: "noopener noreferrer" }, t("Open the source ↗")) : null,
  );
  if (citation.doc_type === "call") {
    callFacts(citation).then((call) => {
      if (call && box.dataset.for === `${answerKey}-${n}`) badges.append(statusBadge(call));
    });
  }
  box.dataset.for = `${answerKey}-${n}`;
  box.hidden = false;
  anchor.setAttribute("aria-describedby", "cite-card");
  const rect = anchor.getBoundingClientRect();
  const width = Math.min(340, document.documentElement.clientWidth - 16);
  box.style.width = `${width}px`;
  box.style.left = `${Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8))}px`;
  box.style.top = `${rect.bottom + window.scrollY + 6}px`;
}

function hideCard(delay = 150) {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => {
    card().hidden = true;
    document.querySelectorAll('a.cite[aria-describedby="cite-card"]').forEach((a) => a.removeAttribute("aria-describedby"));
  }, delay);
}

function citeLink(answerKey) {
  return (n) => el("a", {
    class: "cite", href: `#src-${answerKey}-${n}`, "aria-label": t("Source {n}", { n }),
    onclick: (event) => { event.preventDefault(); openSource(answerKey, n); },
    onmouseenter: (event) => showCard(event.currentTarget, answerKey, n),
    onmouseleave: () => hideCard(),
    onfocus: (event) => showCard(event.currentTarget, answerKey, n),
    onblur: () => hideCard(),
  }, n);
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

// --- answers ----------------------------------------------------------------------------------

function sourceItem(citation, answerKey) {
  const bodyId = `src-body-${answerKey}-${citation.n}`;
  const meta = el("span", { class: "meta" },
    el("span", { class: "badge" }, typeLabel(citation.doc_type)),
    citation.identifier ? el("span", {}, citation.identifier) : null);
  const body = el("div", { class: "source-body", id: bodyId, hidden: true },
    citation.quote ? el("blockquote", {}, citation.quote) : null,
    citation.url ? el("a", { href: citation.url, target: "_blank", rel: "noopener noreferrer" }, t("Open the source ↗")) : null);
  const head = el("button", {
    type: "button", class: "source-head", "aria-expanded": "false", "aria-controls": bodyId,
    onclick: () => {
      const open = head.getAttribute("aria-expanded") === "true";
      head.setAttribute("aria-expanded", String(!open));
      body.hidden = open;
    },
  }, el("span", { class: "source-n" }, citation.n), el("span", { class: "source-title" }, citation.title), meta);
  if (citation.doc_type === "call") {
    callFacts(citation).then((call) => { if (call) meta.append(statusBadge(call)); });
  }
  return el("li", { class: "source", id: `src-${answerKey}-${citation.n}`, "data-doc-id": citation.doc_id }, head, body);
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (_) {
    // No clipboard API (an insecure origin): a selected textarea and the copy command.
    const area = el("textarea", { class: "visually-hidden", readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied;
  }
}

function answerAsText(answer) {
  const sources = answer.citations.map((c) => `[${c.n}] ${c.title}${c.identifier ? ` (${c.identifier})` : ""}${c.url ? ` ${c.url}` : ""}`);
  return [plainText(answer.answer), sources.length ? `\n${t("Sources")}:\n${sources.join("\n")}` : ""].join("\n").trim();
}

function actionsBar(answer) {
  const status = el("span", { role: "status", class: "action-status" });
  const copy = el("button", {
    type: "button", class: "copy",
    onclick: async () => {
      status.textContent = (await copyText(answerAsText(answer))) ? t("Answer copied.") : t("Could not copy the answer.");
    },
  }, t("Copy answer"));
  const bar = el("div", { class: "feedback" }, copy);
  if (answer.answer_id) {
    const send = async (helpful, button) => {
      try {
        await api("/v1/feedback", { method: "POST", body: JSON.stringify({ answer_id: answer.answer_id, helpful }) });
        bar.querySelectorAll("button[aria-pressed]").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
        status.textContent = t("Thanks for your feedback.");
      } catch (error) {
        status.textContent = t("Could not send feedback: {error}", { error: error.message });
      }
    };
    const up = el("button", { type: "button", "aria-pressed": "false", onclick: () => send(true, up) }, `✓ ${t("Helpful")}`);
    const down = el("button", { type: "button", "aria-pressed": "false", onclick: () => send(false, down) }, `✗ ${t("Not helpful")}`);
    bar.append(el("span", {}, t("Was this useful?")), up, down);
  }
  bar.append(status);
  return bar;
}

function finishAnswer(message, bubble, answer) {
  const key = answer.answer_id || `local-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  state.citations.set(key, answer.citations);
  bubble.classList.remove("streaming");
  bubble.classList.add("rendered");
  renderMarkup(bubble, answer.answer, citeLink(key));
  state.conversationId = answer.conversation_id;
  if (!answer.grounded) message.append(el("p", { class: "notice" }, t("No evidence for this in the corpus.")));
  if (answer.citations.length) {
    message.append(el("ol", { class: "sources", "aria-label": t("Sources") },
      answer.citations.map((citation) => sourceItem(citation, key))));
  }
  message.append(actionsBar(answer));
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

function appendTurn(question) {
  const log = $("#log");
  log.querySelector(".welcome")?.remove();
  log.append(el("li", { class: "msg user" }, el("div", { class: "bubble" }, question)));
  const bubble = el("div", { class: "bubble streaming", "aria-busy": "true" });
  const message = el("li", { class: "msg bot" }, bubble);
  log.append(message);
  return { message, bubble };
}

function askBody(question) {
  const body = { question, conversation_id: state.conversationId, filters: filters() };
  // A page in another language than English was asked for (picker, Accept-Language): answers
  // come in it. An English page leaves the choice to the assistant's detection of the question's
  // language, so a question typed in German on an English page is still answered in German.
  if (LANG !== "en") body.lang = LANG;
  return body;
}

async function ask(question) {
  const { message, bubble } = appendTurn(question);
  message.scrollIntoView({ behavior: "smooth", block: "end" });
  const response = await api("/v1/ask/stream", { method: "POST", body: JSON.stringify(askBody(question)) });
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
  if (!final) throw new Error(t("the answer stream ended early; please ask again"));
  finishAnswer(message, bubble, final);
  history.remember(question, final);
  renderHistory();
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

function welcome(title, text) {
  return el("li", { class: "welcome" }, el("h2", {}, title), el("p", {}, text));
}

function newConversation() {
  state.conversationId = null;
  $("#log").replaceChildren(welcome(t("New conversation"), t("Ask about funding calls, cluster partners or cluster policy.")));
  renderHistory();
  closeHistoryOnNarrow();
  showView("ask");
}

// --- conversation history in the sidebar --------------------------------------------------------

function openConversation(id) {
  const conversation = history.find(id);
  if (!conversation) return;
  state.conversationId = conversation.id;
  $("#log").replaceChildren();
  for (const turn of conversation.turns) {
    const { message, bubble } = appendTurn(turn.question);
    bubble.removeAttribute("aria-busy");
    finishAnswer(message, bubble, turn.answer);
  }
  renderHistory();
  closeHistoryOnNarrow();
  showView("ask");
}

function renderHistory() {
  const list = $("#history-list");
  const stored = history.conversations();
  list.replaceChildren(...stored.map((conversation) => {
    const current = conversation.id === state.conversationId;
    return el("li", { class: "history-item" },
      el("button", {
        type: "button", class: "history-open", "aria-current": current ? "true" : null,
        onclick: () => openConversation(conversation.id),
      }, el("span", { class: "history-title" }, conversation.title),
        el("span", { class: "history-when" }, t("Questions: {count}", { count: conversation.turns.length }))),
      el("button", {
        type: "button", class: "history-remove", "aria-label": t("Remove “{title}”", { title: conversation.title }),
        onclick: () => { history.forget(conversation.id); renderHistory(); },
      }, "×"));
  }));
  $("#history-empty").hidden = stored.length > 0;
  $("#history-clear").hidden = stored.length === 0;
}

function toggleHistory() {
  const open = $("#history-toggle").getAttribute("aria-expanded") !== "true";
  $("#history-toggle").setAttribute("aria-expanded", String(open));
  $("#history").classList.toggle("open", open);
  if (open) $("#history-title").scrollIntoView({ block: "nearest" });
}

function closeHistoryOnNarrow() {
  $("#history-toggle").setAttribute("aria-expanded", "false");
  $("#history").classList.remove("open");
}

// --- deadlines ----------------------------------------------------------------------------------

function deadlineParams() {
  const params = new URLSearchParams();
  const status = $("#deadline-status").value;
  const window = $("#deadline-window").value;
  const programme = $("#deadline-programme").value.trim();
  const words = $("#deadline-filter").value.trim();
  if (status) params.set("status", status);
  if (window) params.set("within_days", window);
  if (programme) params.set("programme", programme);
  if (words) params.set("q", words);
  return params;
}

function daysBox(call) {
  const days = call.days_left;
  if (call.status === "closed") return el("div", { class: "days closed" }, el("strong", {}, "—"), el("span", {}, t("closed")));
  if (days === null || days === undefined) return el("div", { class: "days" }, el("strong", {}, "∞"), el("span", {}, t("no deadline")));
  return el("div", { class: `days${days <= 30 ? " soon" : ""}` },
    el("strong", {}, days), el("span", {}, days === 1 ? t("day left") : t("days left")));
}

function deadlineItem(call) {
  return el("li", { class: "deadline", "data-status": call.status },
    daysBox(call),
    el("h3", {}, call.url ? el("a", { href: call.url, target: "_blank", rel: "noopener noreferrer" }, call.title) : call.title),
    el("div", { class: "meta" },
      el("span", { class: `badge ${call.status}` }, call.deadline
        ? `${statusLabel(call.status)} · ${t("deadline {date}", { date: formatDate(call.deadline) })}`
        : `${statusLabel(call.status)} · ${t("continuous")}`),
      el("span", {}, call.identifier)),
    el("div", { class: "meta" }, call.programme || "",
      call.budget_eur ? el("span", {}, `· ${formatBudget(call.budget_eur)}`) : null));
}

const DEADLINES_PAGE = 100;
let deadlinesRequest = 0;

/** The calls the filters choose, a page at a time: `more` appends the next page. */
async function loadDeadlines(more = false) {
  const status = $("#deadlines-status");
  const list = $("#deadlines");
  const params = deadlineParams();
  const calendar = new URLSearchParams(params);
  if (LANG !== "en") calendar.set("lang", LANG);  // the events' texts in the page's language
  $("#ics-export").href = `v1/calls.ics?${calendar}`;
  params.set("limit", String(Number(list.dataset.pageSize) || DEADLINES_PAGE));
  params.set("offset", String(more ? list.children.length : 0));
  const request = ++deadlinesRequest;
  status.textContent = t("Loading…");
  try {
    const page = await (await api(`/v1/calls?${params}`)).json();
    if (request !== deadlinesRequest) return;  // the filters changed meanwhile: a newer answer comes
    const items = page.calls.map(deadlineItem);
    if (more) list.append(...items);
    else list.replaceChildren(...items);
    const programmes = [...new Set(page.calls.map((call) => call.programme).filter(Boolean))].sort();
    const known = new Set([...$("#programmes").options].map((option) => option.value));
    for (const programme of programmes) if (!known.has(programme)) $("#programmes").append(el("option", { value: programme }));
    const shown = list.children.length;
    const values = { count: page.total, shown };
    status.textContent = !page.total ? t("No calls match these filters.")
      : shown < page.total ? t("Calls found: {count} (showing {shown})", values) : t("Calls found: {count}", values);
    $("#deadlines-more").hidden = shown >= page.total;
  } catch (error) {
    status.textContent = t("Could not load the calls: {error}", { error: error.message });
  }
}

async function exportCalendar(event) {
  if (!storedKey()) return;  // the plain link downloads it; with a key, the key must go along
  event.preventDefault();
  try {
    const response = await api(`/${$("#ics-export").getAttribute("href")}`);
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: url, download: "deadlines.ics" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    $("#deadlines-status").textContent = t("Could not export the calendar: {error}", { error: error.message });
  }
}

function showView(name) {
  for (const view of ["ask", "deadlines"]) {
    const selected = view === name;
    $(`#tab-${view}`).setAttribute("aria-selected", String(selected));
    $(`#tab-${view}`).tabIndex = selected ? 0 : -1;  // one tab stop for the tab list (ARIA tabs)
    $(`#view-${view}`).hidden = !selected;
  }
  if (name === "deadlines") loadDeadlines();
  else $("#question").focus();
}

async function loadToday() {
  try {
    const page = await (await api("/v1/calls?limit=1")).json();
    state.today = page.today;
    $("#today-label").textContent = formatDate(page.today);
    $("#today-label").dataset.iso = page.today;
    $("#deadlines-day").textContent = formatDate(page.today);
  } catch (_) { /* the label keeps "today" */ }
}

async function loadFreshness() {
  // /readyz says how fresh the call list is: the last refresh, else the bundled snapshot's day.
  try {
    const health = await (await fetch("readyz", { headers: authHeaders() })).json();
    if (!health.calls_as_of) return;
    const values = { date: formatDate(health.calls_as_of) };
    $("#calls-as-of").textContent = ` · ${health.calls_refreshed_at ? t("calls as of {date} (refreshed)", values) : t("calls as of {date} (bundled snapshot)", values)}`;
    $("#calls-as-of").dataset.iso = health.calls_as_of;
  } catch (_) { /* no freshness shown */ }
}

function start() {
  if (storedKey()) history.keepForThisTabOnly();
  let theme = null;
  try { theme = localStorage.getItem(THEME_ITEM); } catch (_) { /* system theme */ }
  applyTheme(theme === "dark" || theme === "light" ? theme : null);
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => applyTheme(null));
  $("#theme-toggle").addEventListener("click", toggleTheme);
  $("#lang-picker").addEventListener("change", pickLanguage);
  $("#ask-form").addEventListener("submit", submit);
  $("#question").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) submit(event);
  });
  $("#new-conversation").addEventListener("click", newConversation);
  $("#history-toggle").addEventListener("click", toggleHistory);
  $("#history-clear").addEventListener("click", () => { history.forgetAll(); renderHistory(); });
  $("#tab-ask").addEventListener("click", () => showView("ask"));
  $("#tab-deadlines").addEventListener("click", () => showView("deadlines"));
  $(".tabs").addEventListener("keydown", (event) => {  // arrow keys move between the tabs
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const next = $("#tab-ask").getAttribute("aria-selected") === "true" ? "deadlines" : "ask";
    showView(next);
    $(`#tab-${next}`).focus();
  });
  let timer = null;
  const reload = () => { clearTimeout(timer); timer = setTimeout(() => loadDeadlines(), 250); };
  $("#deadline-filters").addEventListener("input", reload);
  $("#deadline-filters").addEventListener("submit", (event) => { event.preventDefault(); loadDeadlines(); });
  $("#ics-export").addEventListener("click", exportCalendar);
  $("#deadlines-more").addEventListener("click", () => loadDeadlines(true));
  document.querySelectorAll(".example").forEach((button) => button.addEventListener("click", () => {
    $("#question").value = button.textContent;
    submit();
  }));
  const box = card();
  box.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  box.addEventListener("mouseleave", () => hideCard());
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") hideCard(0); });
  $("#key-form").addEventListener("submit", saveKey);
  $("#key-forget").addEventListener("click", forgetKey);
  $("#key-toggle").addEventListener("click", () => {
    if ($("#key-form").hidden) showKeyForm();
    else { $("#key-form").hidden = true; $("#key-toggle").setAttribute("aria-expanded", "false"); }
  });
  renderHistory();
  loadToday();
  loadFreshness();
  $("#question").focus();
}

// Modules run after the document is parsed.
start();
