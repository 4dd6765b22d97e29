// Conversation history, kept in this browser's localStorage only (never sent anywhere): each
// conversation is its server conversation_id, a title (its first question) and its turns, so that
// a conversation reopened from the sidebar shows its answers and continues on the server.
"use strict";

const HISTORY_ITEM = "cluster-advisor.history";
const MAX_CONVERSATIONS = 25;
const MAX_TURNS = 30;

/** Every stored conversation, most recent first ([] when storage is off or holds junk). */
export function conversations() {
  try {
    const stored = JSON.parse(localStorage.getItem(HISTORY_ITEM) || "[]");
    return Array.isArray(stored) ? stored.filter((c) => c && typeof c.id === "string" && Array.isArray(c.turns)) : [];
  } catch (_) {
    return [];
  }
}

function store(list) {
  // Oldest conversations go first when the browser's quota is reached.
  for (let keep = list.length; keep >= 0; keep -= 1) {
    try {
      localStorage.setItem(HISTORY_ITEM, JSON.stringify(list.slice(0, keep)));
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
  try { localStorage.removeItem(HISTORY_ITEM); } catch (_) { /* storage off: nothing kept */ }
}
