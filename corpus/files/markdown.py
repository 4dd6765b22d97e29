"""Markdown files: plain text of the markup, cut into sections at its headings.

Link text is kept and the link target dropped; images and ``[image: ...]`` placeholders are
removed; raw HTML inside the Markdown goes through :func:`corpus.text.html_to_text`, so hidden
elements and comments (a prompt-injection carrier) are dropped as for HTML files.
"""

from __future__ import annotations

import re

from corpus.files.html import check_html_depth
from corpus.files.sections import ParsedDocument, first_heading, split_sections
from corpus.text import clean_text, html_to_text, join_soft_breaks

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title:\s*['\"]?(.*?)['\"]?\s*$", re.MULTILINE | re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:div|span|p|br|hr|a|b|i|u|em|strong|small|sup|sub|font|img|table|tr|td|th|thead|tbody|ul|ol|li|"
    r"h[1-6]|section|article|details|summary|script|style|iframe|center|blockquote|pre|code|mark)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
# Every repeated part is bounded and excludes its own delimiters, so a hostile line (50,000
# unmatched "[" or "**") is scanned in linear time instead of quadratic.
_BRACKETED = r"\[([^\[\]\n]{0,500})\]"
_PARENS = r"\((?:[^()\n]|\([^()\n]{0,500}\)){0,2000}\)"
_IMAGE = re.compile(rf"!{_BRACKETED}(?:{_PARENS}|\[[^\[\]\n]{{0,500}}\])")
_IMAGE_PLACEHOLDER = re.compile(r"\[image:[^\[\]\n]{0,500}\]", re.IGNORECASE)
_INLINE_LINK = re.compile(rf"{_BRACKETED}{_PARENS}")
_REFERENCE_LINK = re.compile(rf"{_BRACKETED}\[[^\[\]\n]{{0,500}}\]")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\[\]\n]{1,500}\]:[ \t]*\S+.*$", re.MULTILINE)
_STRONG = re.compile(r"\*\*(?=[^\s*])([^*\n]{1,500}?)(?<=\S)\*\*|__(?=[^\s_])([^_\n]{1,500}?)(?<=\S)__")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,500}?)(?<=\S)\*(?![\w*])")
_STRIKE = re.compile(r"~~([^~\n]{1,500})~~")
_INLINE_CODE = re.compile(r"(`{1,3})([^`\n]{1,500})\1")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TABLE_RULE = re.compile(r"^[ \t]*+\|?[ \t]*+:?-{3,}+:?[ \t]*+(?:\|[ \t]*+:?-{3,}+:?[ \t]*+)*+\|?[ \t]*+$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def parse_markdown(text: str, *, name: str, fallback_title: str) -> ParsedDocument:
    """Title and sections of a Markdown text.

    The title is the front matter's ``title:``, else the first level-1 heading (else the first
    heading), else ``fallback_title``.

    Raises:
        InvalidInput: embedded HTML nested too deeply (see :func:`check_html_depth`).
    """
    title: str | None = None
    front = _FRONT_MATTER.match(text)
    if front:
        found = _FRONT_TITLE.search(front.group(1))
        title = clean_text(found.group(1)) if found and found.group(1).strip() else None
        text = text[front.end() :]
    if _HTML_TAG.search(text):
        check_html_depth(text, name=name)
    plain = clean_text(markdown_to_text(text))
    title = title or first_heading(plain) or fallback_title
    return ParsedDocument(title=title, sections=split_sections(plain, preamble_heading=title))


def markdown_to_text(text: str) -> str:
    """Plain text of Markdown, ATX headings kept as ``#`` lines (setext headings converted to them)."""
    text = _HTML_COMMENT.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _AUTOLINK.sub(r"\1", text)
    if _HTML_TAG.search(text):
        # html_to_text keeps the newlines of text nodes, so the Markdown line structure survives.
        text = html_to_text(text, keep_source_newlines=True)
    lines: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            lines.append(line)
            continue
        setext = _SETEXT.match(line)
        if setext and lines and lines[-1].strip() and not lines[-1].lstrip().startswith("#"):
            level = "#" if setext.group(1).startswith("=") else "##"
            lines[-1] = f"{level} {lines[-1].strip()}"
            continue
        if _TABLE_RULE.match(line) and "|" in line:
            continue
        if _RULE.match(line):
            lines.append("")
            continue
        lines.append(_inline(_QUOTE.sub("", line)))
    return join_soft_breaks(_LINK_DEFINITION.sub("", "\n".join(lines)))


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _IMAGE_PLACEHOLDER.sub("", line)
    line = _INLINE_LINK.sub(r"\1", line)
    line = _REFERENCE_LINK.sub(r"\1", line)
    line = _INLINE_CODE.sub(r"\2", line)
    line = _STRONG.sub(lambda match: match.group(1) or match.group(2), line)
    line = _EMPHASIS.sub(r"\1", line)
    line = _STRIKE.sub(r"\1", line)
    return _ESCAPE.sub(r"\1", line)
