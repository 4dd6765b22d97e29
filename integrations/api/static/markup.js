// A safe subset of Markdown for answers: paragraphs, bullet and numbered lists, headings, quotes,
// code, **bold**, *italic*, links and [n] citation markers. Every node is built with the DOM API
// from the parsed text; nothing from the data ever reaches innerHTML, so a "<script>" or an
// "onerror=" in an answer stays text. Links are kept only for http(s) and mailto addresses.
"use strict";

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

// One alternation, tried left to right at each position: citation, link, bold, code, italic, URL.
const INLINE = new RegExp([
  String.raw`\[(\d{1,3})\](?!\()`,                                  // 1: [n]
  String.raw`\[([^\]\n]{1,300})\]\(([^)\s]{1,2000})\)`,             // 2, 3: [text](url)
  String.raw`\*\*([^\n]+?)\*\*`,                                    // 4: **bold**
  String.raw`__([^\n_]+?)__`,                                       // 5: __bold__
  String.raw`\x60([^\x60\n]+)\x60`,                                 // 6: \`code\`
  String.raw`(?<![\w*])\*(?![\s*])([^*\n]+?)(?<!\s)\*(?![\w*])`,    // 7: *italic*
  String.raw`(https?:\/\/[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'"])`,     // 8: a bare address
].join("|"), "g");

function link(href, children) {
  if (!SAFE_URL.test(href)) return null;
  const a = document.createElement("a");
  a.href = href;
  if (!/^mailto:/i.test(href)) {
    a.target = "_blank";
    a.rel = "noopener noreferrer";
  }
  a.append(...children);
  return a;
}

/** Inline nodes of one line of text: text, strong, em, code, a, and whatever `cite(n)` returns. */
export function inlineNodes(text, cite, depth = 0) {
  const nodes = [];
  let last = 0;
  // matchAll works on a copy of the pattern: the nested calls for bold and links cannot move
  // this loop's position (a shared lastIndex would loop forever).
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    last = match.index + match[0].length;
    const [whole, n, label, href, bold1, bold2, code, italic, bare] = match;
    let node = null;
    if (n !== undefined) node = cite ? cite(n) : null;
    else if (label !== undefined) node = link(href, depth < 2 ? inlineNodes(label, null, depth + 1) : [label]);
    else if (bold1 !== undefined || bold2 !== undefined) {
      node = document.createElement("strong");
      node.append(...(depth < 2 ? inlineNodes(bold1 ?? bold2, cite, depth + 1) : [bold1 ?? bold2]));
    } else if (code !== undefined) {
      node = document.createElement("code");
      node.textContent = code;
    } else if (italic !== undefined) {
      node = document.createElement("em");
      node.append(...(depth < 2 ? inlineNodes(italic, cite, depth + 1) : [italic]));
    } else if (bare !== undefined) node = link(bare, [bare]);
    nodes.push(node || document.createTextNode(whole));
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s*>\s?(.*)$/;
const FENCE = /^\s*```/;

/**
 * Render `text` into `container` as the safe Markdown subset.
 * @param {HTMLElement} container emptied first
 * @param {string} text the answer
 * @param {(n: string) => Node | null} cite makes the node of a citation marker [n]
 */
export function renderMarkup(container, text, cite) {
  container.textContent = "";
  let list = null;
  let listKind = "";
  let code = null;
  const paragraph = (tag, content, className) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...inlineNodes(content, cite));
    container.append(node);
    return node;
  };
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (code) {
      if (FENCE.test(line)) code = null;
      else code.textContent += (code.textContent ? "\n" : "") + line;
      continue;
    }
    if (FENCE.test(line)) {
      list = null;
      const pre = document.createElement("pre");
      code = document.createElement("code");
      pre.append(code);
      container.append(pre);
      continue;
    }
    if (!line.trim()) { list = null; continue; }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const kind = bullet ? "ul" : "ol";
      if (!list || listKind !== kind) {
        list = document.createElement(kind);
        listKind = kind;
        if (numbered && numbered[1] !== "1") list.start = Number(numbered[1]);
        container.append(list);
      }
      const item = document.createElement("li");
      item.append(...inlineNodes(bullet ? bullet[1] : numbered[2], cite));
      list.append(item);
      continue;
    }
    if (list && /^\s{2,}\S/.test(line)) {  // an indented line continues the list item above
      list.lastElementChild.append(document.createTextNode(" "), ...inlineNodes(line.trim(), cite));
      continue;
    }
    list = null;
    const heading = HEADING.exec(line);
    const quote = heading ? null : QUOTE.exec(line);
    if (heading) paragraph("p", `**${heading[1]}**`, "md-heading");
    else if (quote) paragraph("blockquote", quote[1]);
    else paragraph("p", line);
  }
}

/** The answer as plain text for the clipboard: Markdown marks removed, citations kept as [n]. */
export function plainText(text) {
  return text
    .replace(/\*\*([^\n]+?)\*\*/g, "$1")
    .replace(/__([^\n_]+?)__/g, "$1")
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, "$1 ($2)")
    .replace(/^\s{0,3}#{1,6}\s+/gm, "")
    .replace(/^\s*```.*$/gm, "")
    .trim();
}
