"""Split a document's text into titled :class:`Section` objects.

Shared by the Markdown, PDF, DOCX, HTML and plain-text loaders. Headings are Markdown ATX lines
(``## Scope``; the HTML and DOCX loaders write their headings that way) and, for text without
markup, *detected* headings: numbered lines (``2.1 Background``) and short ALL-CAPS lines that
stand on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.models import Section

MAX_HEADING_CHARS = 200

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.|[A-H]\.)\s+(\S.*)$")
_DOTTED = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s|^\d{1,2}(?:\.\d{1,2}){1,3}\s")
_SHORT_LINE = 60
_SENTENCE_END = re.compile(r"[.;,!?]$")


@dataclass(frozen=True)
class ParsedDocument:
    """What a document loader found: a title (if the document names one) and its sections."""

    title: str | None
    sections: list[Section]
    publisher: str | None = None
    published: str | None = None
    notes: list[str] = field(default_factory=list)
    """One-line remarks for the user (e.g. pages without a text layer)."""


def atx_heading(line: str) -> str | None:
    """The heading text of a Markdown ATX heading line (``## Scope`` → ``Scope``), else None."""
    match = _ATX.match(line)
    return match.group(2).strip() if match else None


def split_sections(
    text: str, *, preamble_heading: str, detect_headings: bool = False, tight_lines: bool = False
) -> list[Section]:
    """Cut ``text`` at its headings into sections; text before the first heading gets ``preamble_heading``.

    Args:
        text: Cleaned text, one paragraph or line per line, Markdown ATX headings allowed.
        preamble_heading: Heading for the text before the first heading (usually the title).
        detect_headings: Also treat numbered and ALL-CAPS stand-alone lines as headings
            (for plain text and PDF, which carry no markup).
        tight_lines: The text has no blank lines around headings (PDF extraction): a numbered
            heading (``1. Introduction``, ``2.1 Scope``) may then follow a sentence end or a short line.

    Returns:
        Sections in document order; headings with no text under them are dropped, unless the
        document is nothing but headings, in which case they become one section.
    """
    lines = text.split("\n")
    sections: list[Section] = []
    heading = _short(preamble_heading)
    body: list[str] = []
    headings_seen: list[str] = []
    for index, line in enumerate(lines):
        found = atx_heading(line)
        if found is None and detect_headings:
            found = _detected_heading(lines, index, tight_lines=tight_lines)
        if found is None:
            body.append(line)
            continue
        _flush(sections, heading, body)
        heading = _short(found)
        headings_seen.append(heading)
        body = []
    _flush(sections, heading, body)
    if not sections and headings_seen:
        sections.append(Section(heading=_short(preamble_heading), text="\n".join(headings_seen)))
    return sections


def first_heading(text: str) -> str | None:
    """The first Markdown ATX heading of ``text``, preferring a level-1 heading."""
    best: str | None = None
    for line in text.split("\n"):
        match = _ATX.match(line)
        if match:
            if len(match.group(1)) == 1:
                return _short(match.group(2).strip())
            best = best or _short(match.group(2).strip())
    return best


def first_line_title(text: str, *, max_chars: int = 150) -> str | None:
    """The first non-empty line of ``text`` when it is short enough to be a title, else None."""
    for line in text.split("\n"):
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped if len(stripped) <= max_chars and any(ch.isalpha() for ch in stripped) else None
    return None


def _detected_heading(lines: list[str], index: int, *, tight_lines: bool) -> str | None:
    line = lines[index].strip()
    if not line or len(line) > 100 or _SENTENCE_END.search(line):
        return None
    previous = lines[index - 1].strip() if index > 0 else ""
    if previous:
        # A heading stands after a blank line (or opens the text); in tight text, a numbered one
        # may follow a finished sentence or a short line, but not continue a wrapped paragraph.
        ends_block = previous.endswith((".", ":", "!", "?")) or len(previous) <= _SHORT_LINE
        if not (tight_lines and _DOTTED.match(line) and ends_block):
            return None
    after = ""
    for following in range(index + 1, len(lines)):
        if lines[following].strip():
            after = lines[following].strip()
            break
    if not after:
        return None  # nothing under it
    numbered = _NUMBERED.match(line)
    if numbered:
        words = numbered.group(1).split()
        if words[0][:1].isupper() and len(words) <= 12 and not _NUMBERED.match(after):
            return line
        return None
    letters = [ch for ch in line if ch.isalpha()]
    if len(letters) >= 4 and all(ch.isupper() for ch in letters) and len(line.split()) <= 12:
        return line
    return None


def _flush(sections: list[Section], heading: str, body: list[str]) -> None:
    text = "\n".join(body).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    if text:
        sections.append(Section(heading=heading, text=text))


def _short(heading: str) -> str:
    heading = " ".join(heading.split())
    if len(heading) <= MAX_HEADING_CHARS:
        return heading or "Text"
    return heading[: MAX_HEADING_CHARS - 1].rstrip() + "…"
