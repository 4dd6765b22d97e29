// Conversation history, kept in this browser only (never sent anywhere): each conversation is its
// server conversation_id, a title (its first question) and its turns, so that a conversation
// reopened from the sidebar shows its answers and continues on the server. Anonymous use keeps it
// in localStorage; once an API key is used, answers may quote internal documents, so the history
// moves to this tab's sessionStorage (gone with the tab, like the key) and localStorage is cleared.
"use strict";

let shelf = localStorage;

/** Keep the history for this tab only (an API key is in use): move it, and clear the lasting copy. */
export function keepForThisTabOnly() {
  if (shelf === sessionStorage) return;
  try {
    const lasting = localStorage.getItem(HISTORY_ITEM);
    if (lasting && !sessionStorage.getItem(HISTORY_ITEM)) sessionStorage.setItem(HISTORY_ITEM, lasting);
    localStorage.removeItem(HISTORY_ITEM);
  } catch (_) { /* storage off: nothing kept either way */ }
  shelf = sessionStorage;
}

const HISTORY_ITEM = "cluster-advisor.history";
const MAX_CONVERSATIONS = 25;
const MAX_TURNS = 30;

/** Every stored conversation, most recent first ([] when storage is off or holds junk). */
export function conversations() {
  try {
    const stored = JSON.parse(shelf.getItem(HISTORY_ITEM) || "[]");
    return Array.isArray(stored) ? stored.filter((c) => c && typeof c.id === "string" && Array.isArray(c.turns)) : [];
  } catch (_) {
    return [];
  }
}

function store(list) {
  // Oldest conversations go first when the browser's quota is reached.
  for (let keep = list.length; keep >= 0; keep -= 1) {
    try {
      shelf.setItem(HISTORY_ITEM, JSON.stringify(list.slice(0, keep)));
      return;
    } catch (_) { /* over quota, or storage off: try with fewer */ }
  }
}

/** Add one question and its final answer to the conversation `answer.conversation_id`. */
export function remember(question, answer) {
  const list = conversations();
  const id = answer.conversation_id;
  const found = list.find((c) => c.id === id);
  const conversation = found || { id, title: question.slice(0, 120), turns: [] };
  conversation.turns.push({
    question,
    answer: {
      answer: answer.answer,
      citations: answer.citations,
      grounded: answer.grounded,
      answer_id: answer.answer_id || null,
      conversation_id: id,
    },
  });
  conversation.turns = conversation.turns.slice(-MAX_TURNS);
  conversation.updated = new Date().toISOString();
  store([conversation, ...list.filter((c) => c.id !== id)].slice(0, MAX_CONVERSATIONS));
}

/** The stored conversation with this id, or null. */
export function find(id) {
  return conversations().find((c) => c.id === id) || null;
}

/** Forget one conversation (from this browser only). */
export function forget(id) {
  store(conversations().filter((c) => c.id !== id));
}

/** Forget every conversation. */
export function forgetAll() {
  try { shelf.removeItem(HISTORY_ITEM); } catch (_) { /* storage off: nothing kept */ }
}
