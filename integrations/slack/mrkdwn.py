"""Markdown, as language models write it, turned into Slack's mrkdwn. Pure functions, no Slack calls.

Slack does not render Markdown: ``**bold**`` shows its asterisks, ``[text](url)`` stays literal
and ``- item`` is not a list. The conversion covers what models write in answers:

- ``**bold**`` / ``__bold__`` → ``*bold*``; ``*italic*`` → ``_italic_``; ``~~struck~~`` → ``~struck~``
- ``[text](https://…)`` → ``<https://…|text>`` (only http, https and mailto links; any other
  target stays text, so an answer cannot make a ``slack://`` or ``javascript:`` link)
- ``# Heading`` → ``*Heading*``
- ``- item`` / ``* item`` / ``+ item`` → ``• item`` (nested items indented, with ``◦``); numbered
  items keep their numbers
- inline ``code`` and fenced code blocks are kept as code, their content left unconverted

Everything is escaped (``&``, ``<``, ``>``) first, as :func:`integrations.slack.blocks.escape`
does, so text cannot inject a mention (``<!channel>``) or a link of its own; ``[n]`` citation
markers pass through unchanged.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s*```")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(\s*([^()\s]+(?:\([^()\s]*\))?[^()\s]*)\s*\)")
_SAFE_SCHEME = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^(\s*)(\d{1,3})[.)]\s+(.*)$")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_BOLD_MARK = "\x00"
"""Stands for a converted bold asterisk until the italics are done (they use asterisks too)."""


def markdown_to_mrkdwn(text: str) -> str:
    """Slack mrkdwn for Markdown ``text`` (see the module docstring for what is converted)."""
    lines: list[str] = []
    in_code = False
    for line in text.replace("\x00", "").replace("\x01", "").splitlines():
        if _FENCE.match(line):
            in_code = not in_code
            lines.append("```")  # a language tag ("```python") would show as code text in Slack
            continue
        lines.append(_escape(line) if in_code else _line(line))
    if in_code:
        lines.append("```")  # close a fence the model left open, or the rest of the message is code
    return "\n".join(lines)


def _line(line: str) -> str:
    if _RULE.match(line):
        return "───"
    heading = _HEADING.match(line)
    if heading:
        return f"*{_inline(heading.group(1)).replace('*', '').strip()}*"
    bullet = _BULLET.match(line)
    if bullet:
        depth = len(bullet.group(1).expandtabs(4)) // 2
        return f"{'    ' * depth}{'◦' if depth else '•'} {_inline(bullet.group(2))}"
    numbered = _NUMBERED.match(line)
    if numbered:
        depth = len(numbered.group(1).expandtabs(4)) // 2
        return f"{'    ' * depth}{numbered.group(2)}. {_inline(numbered.group(3))}"
    if line.startswith(">"):
        return ">" + _inline(line[1:])  # a quote: Slack reads a literal ">" at the line start
    return _inline(line)


def _inline(text: str) -> str:
    """Emphasis and links converted outside inline code; everything escaped."""
    pieces: list[str] = []
    start = 0
    for code in _INLINE_CODE.finditer(text):
        pieces.append(_emphasis(text[start : code.start()]))
        pieces.append(f"`{_escape(code.group(2))}`")
        start = code.end()
    pieces.append(_emphasis(text[start:]))
    return "".join(pieces)


def _emphasis(text: str) -> str:
    links: list[str] = []

    def link(match: re.Match[str]) -> str:
        label, target = match.group(1), match.group(2)
        if not _SAFE_SCHEME.match(target):
            return match.group(0)
        url = target.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
        links.append(f"<{url}|{_escape(label).replace('|', '¦')}>")
        return f"\x01{len(links) - 1}\x01"

    converted = _escape(_LINK.sub(link, text))
    converted = _BOLD.sub(lambda m: f"{_BOLD_MARK}{m.group(2)}{_BOLD_MARK}", converted)
    converted = _ITALIC_STAR.sub(r"_\1_", converted)
    converted = _STRIKE.sub(r"~\1~", converted)
    converted = converted.replace(_BOLD_MARK, "*")
    return re.sub("\x01(\\d+)\x01", lambda m: links[int(m.group(1))], converted)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
