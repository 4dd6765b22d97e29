"""Plain-text files: cleaned text, sections at detected headings, title from the first line."""

from __future__ import annotations

from corpus.files.sections import ParsedDocument, first_line_title, split_sections
from corpus.text import clean_text


def parse_plaintext(text: str, *, fallback_title: str) -> ParsedDocument:
    """Title and sections of a plain text.

    The title is the first line when it is short (at most 150 characters), else ``fallback_title``.
    Sections start at numbered (``2.1 Scope``) or ALL-CAPS lines that stand after a blank line.
    """
    plain = clean_text(text)
    title = first_line_title(plain) or fallback_title
    sections = split_sections(plain, preamble_heading=title, detect_headings=True)
    return ParsedDocument(title=title, sections=sections)
