"""Text cleaning shared by every loader: mojibake, hidden characters, HTML to text, whitespace."""

from __future__ import annotations

import re
import unicodedata

import ftfy
from bs4 import BeautifulSoup, Comment

# Zero-width and bidi-control characters: invisible to a reader, visible to a language model.
LOOKALIKES = str.maketrans(
    "аАвВеЕёЁкКмМнНоОрРсСтТуУхХіІјЈѕЅԁɡοΟρΡαΑβΒεΕκΚνΝτΤυΥχΧιΙ",
    "aAbBeEeEkKmMHHoOpPcCtTyYxXiIjJsSdgoOpPaABBeEkKvNtTuYxXiI",
)
"""Cyrillic and Greek letters that look like Latin ones, mapped to them (``str.translate`` table).
The one table: the assistant's injection screens and the red-team detectors both read text
through it, so the two cannot drift apart."""

_HIDDEN_CHARS = re.compile(
    "[\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u202a-\u202e\u2066-\u2069\u00ad]"
)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em)?\s*(?:;|$)|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)",
    re.IGNORECASE,
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "br",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
)


def fix_mojibake(text: str) -> str:
    """Repair double-encoded UTF-8 (``â€™`` → ``’``) and similar damage; normalise to NFC.

    Pure-ASCII text without HTML entities cannot hold mojibake: it skips ftfy, which costs about
    60 µs per line and would make a large plain upload slow.
    """
    if text.isascii() and "&" not in text:
        return text
    return unicodedata.normalize("NFC", ftfy.fix_text(text, normalization="NFC"))


def strip_hidden_characters(text: str) -> str:
    """Remove zero-width, bidi-control and C0 control characters (newlines and tabs are kept)."""
    return _CONTROL_CHARS.sub("", _HIDDEN_CHARS.sub("", text))


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces, trim lines, keep at most one blank line between paragraphs."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in unified.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_text(text: str) -> str:
    """The full cleaning every piece of ingested text goes through."""
    return normalise_whitespace(strip_hidden_characters(fix_mojibake(text)))


_SOFT_BREAK_KEEPERS = re.compile(r"^\s*(?:#|[-*+•|>]\s|\d{1,3}[.)]\s)")


def join_soft_breaks(text: str) -> str:
    """Join the lines of a paragraph (Markdown semantics: a single newline is a space).

    Headings, list items, table rows and quotes keep their own lines; blank lines separate
    paragraphs. Without this, a hand-wrapped paragraph becomes one "sentence" per line.
    """
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        joinable = (
            stripped
            and out
            and out[-1].strip()
            and not _SOFT_BREAK_KEEPERS.match(line)
            and not out[-1].lstrip().startswith(("#", "|"))
        )
        if joinable:
            out[-1] = f"{out[-1].rstrip()} {stripped}"
        else:
            out.append(line)
    return "\n".join(out)


def html_to_text(html: str, *, keep_source_newlines: bool = False) -> str:
    """Visible text of an HTML fragment or page, with block structure kept as line breaks.

    Newlines inside text are whitespace in HTML and become spaces, unless ``keep_source_newlines``
    (Markdown with embedded HTML, whose line structure is meaningful).

    Hidden elements (``display:none``, ``hidden``, ``aria-hidden``, zero font size), scripts,
    styles, templates and comments are dropped: they are a classic prompt-injection carrier.
    """
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "head", "svg", "iframe", "object"]):
        tag.decompose()
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        attrs = tag.attrs or {}
        if (
            "hidden" in attrs
            or str(attrs.get("aria-hidden", "")).lower() == "true"
            or _HIDDEN_STYLE.search(str(attrs.get("style", "")))
        ):
            tag.decompose()
    if not keep_source_newlines:
        for node in soup.find_all(string=True):
            if node.parent is not None and node.parent.name != "pre" and "\n" in node:
                node.replace_with(_LINE_BREAKS.sub(" ", str(node)))
    # Inserting inside each tag is linear; insert_before/after rescans the siblings (quadratic).
    for tag in soup.find_all(_BLOCK_TAGS):
        marker = "#" * int(tag.name[1]) + " " if tag.name in _HEADINGS else ""
        tag.insert(0, "\n" + marker)
        tag.append("\n")
    return clean_text(soup.get_text())
