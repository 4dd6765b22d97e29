"""PDF files (pypdf): text per page, sections at detected headings or else one per page.

pypdf bounds its own decompression (``pypdf.filters.*_MAX_OUTPUT_LENGTH``); the page count, the
time spent extracting and the text extracted are bounded here: pages that share one content stream
are extracted again and again, so a 5 KiB file could otherwise cost minutes of CPU. A PDF without
a text layer (scanned images) is an :class:`EmptyDocument`.
"""

from __future__ import annotations

import io
import logging
import re
import time
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import LimitReachedError

from corpus.errors import EmptyDocument, InvalidInput
from corpus.files.sections import ParsedDocument, first_line_title, split_sections
from corpus.models import Section
from corpus.text import clean_text

logger = logging.getLogger(__name__)

MAX_PAGES = 3000
TIME_BASE_S = 5.0
BYTES_PER_SECOND = 100_000
"""Wall-clock budget for extracting one PDF's text: ``TIME_BASE_S`` plus one second per this many
bytes of file (a 10 MB report gets 105 s, a 5 KiB bomb 5 s); checked at content-stream operators."""
TEXT_BUDGET_CHARS = 5_000_000
"""Most characters one PDF may yield (about 2,500 dense pages)."""
_CHECK_EVERY = 64
"""Operators between two clock readings."""


class _OverBudget(Exception):
    """Raised inside pypdf's extraction (through its visitor callbacks) to stop a costly PDF."""


_JUNK_TITLE = re.compile(
    r"^(untitled|document\d*|title|microsoft (word|powerpoint)\b.*|.*\.(docx?|pdf|pptx?|odt|rtf|tex|indd))$",
    re.IGNORECASE,
)


def parse_pdf(
    data: bytes,
    *,
    name: str,
    fallback_title: str,
    time_budget_s: float | None = None,
    text_budget_chars: int = TEXT_BUDGET_CHARS,
) -> ParsedDocument:
    """Title and sections of a PDF.

    The title is the metadata title unless it is a placeholder (``Microsoft Word - x.docx``),
    else the first line of the first page with text, else ``fallback_title``.

    Raises:
        InvalidInput: corrupt, encrypted or too long PDFs, and PDFs whose text takes longer than
            ``time_budget_s`` (default: by file size, see :data:`BYTES_PER_SECOND`) to extract or
            is longer than ``text_budget_chars``.
        EmptyDocument: no page has extractable text (scanned PDF).
    """
    reader = _open(data, name)
    try:
        page_count = len(reader.pages)
    except Exception as exc:  # pypdf raises many types on damaged page trees
        raise InvalidInput(
            f"corrupt PDF '{name}': {_reason(exc)}; re-export or re-save it and try again"
        ) from exc
    if page_count == 0:
        raise InvalidInput(f"corrupt PDF '{name}': no pages found; re-export or re-save it and try again")
    if page_count > MAX_PAGES:
        raise InvalidInput(f"PDF '{name}' has {page_count} pages, over the {MAX_PAGES}-page limit; split it")
    seconds = time_budget_s if time_budget_s is not None else TIME_BASE_S + len(data) / BYTES_PER_SECOND
    budget = _Budget(name=name, seconds=seconds, chars=text_budget_chars)
    pages = _page_texts(reader, page_count, name, budget)
    if not any(pages):
        raise EmptyDocument(
            f"PDF '{name}' has no text layer ({page_count} page(s), probably scanned images); "
            "run OCR on it (e.g. ocrmypdf) and ingest the result"
        )
    title = (
        _metadata_title(reader) or first_line_title(next(text for text in pages if text)) or fallback_title
    )
    whole = "\n\n".join(text for text in pages if text)
    sections = split_sections(whole, preamble_heading=title, detect_headings=True, tight_lines=True)
    if all(section.heading == sections[0].heading for section in sections):
        sections = [
            Section(heading=f"Page {number}", text=text) for number, text in enumerate(pages, 1) if text
        ]
    notes = []
    blank = [str(number) for number, text in enumerate(pages, 1) if not text]
    if blank:
        listed = ", ".join(blank[:10]) + (", ..." if len(blank) > 10 else "")
        notes.append(
            f"{name}: page(s) {listed} have no text layer (scanned images?); their content is not indexed"
        )
    return ParsedDocument(title=title, sections=sections, notes=notes)


def _open(data: bytes, name: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as exc:  # PdfReadError, PdfStreamError, ValueError, KeyError, ...
        raise InvalidInput(
            f"corrupt PDF '{name}': {_reason(exc)}; re-export or re-save it and try again"
        ) from exc
    if reader.is_encrypted:
        try:
            # Many PDFs are encrypted only to restrict printing/copying and open with an empty password.
            opened = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except Exception:  # unsupported algorithm (AES needs the optional 'cryptography' package)
            opened = False
        if not opened:
            raise InvalidInput(
                f"PDF '{name}' is encrypted (password-protected); supply an unencrypted copy "
                "(e.g. print it to a new PDF or remove the password) and try again"
            )
    return reader


class _Budget:
    """The time and text one PDF may cost, checked from inside pypdf's extraction."""

    def __init__(self, *, name: str, seconds: float, chars: int) -> None:
        self.name = name
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.chars_left = chars
        self.limit_chars = chars
        self.operators = 0

    def on_operator(self, *_: Any) -> None:
        self.operators += 1
        if self.operators % _CHECK_EVERY == 0 and time.monotonic() > self.deadline:
            raise _OverBudget(
                f"PDF '{self.name}' takes more than {self.seconds:.0f} s to read (pages that repeat one "
                "content stream, or far too many drawing operations); re-export it (print to a new "
                "PDF) or split it and try again"
            )

    def on_text(self, text: str) -> None:
        self.chars_left -= len(text)
        if self.chars_left < 0:
            raise _OverBudget(
                f"PDF '{self.name}' holds more than {self.limit_chars:,} characters of text; "
                "split it and try again"
            )


def _page_texts(reader: PdfReader, page_count: int, name: str, budget: _Budget) -> list[str]:
    texts: list[str] = []
    failures = 0
    last_error: Exception | None = None
    for index in range(page_count):
        try:
            budget.on_operator()  # pages without operators still count against the clock
            raw = reader.pages[index].extract_text(visitor_operand_before=budget.on_operator) or ""
            budget.on_text(raw)
        except _OverBudget as exc:
            raise InvalidInput(str(exc)) from None
        except Exception as exc:  # a damaged content stream spoils one page, not the file
            failures += 1
            last_error = exc
            logger.warning("could not read page %d of %s: %s", index + 1, name, _reason(exc))
            raw = ""
        texts.append(clean_text(raw))
    if failures == page_count and isinstance(last_error, LimitReachedError):
        raise InvalidInput(
            f"PDF '{name}' expands past the decompression limit when read (a PDF bomb, or a page "
            "far too large); re-export it or split it and try again"
        ) from last_error
    if failures == page_count and last_error is not None:
        raise InvalidInput(
            f"corrupt PDF '{name}': {_reason(last_error)}; re-export or re-save it and try again"
        ) from last_error
    return texts


def _metadata_title(reader: PdfReader) -> str | None:
    try:
        metadata = reader.metadata
        raw = metadata.title if metadata is not None else None
    except Exception:  # a broken Info dictionary is not worth refusing the file for
        return None
    if not isinstance(raw, str):
        return None
    title = clean_text(raw)
    if not title or len(title) > 300 or _JUNK_TITLE.match(title) or not any(ch.isalpha() for ch in title):
        return None
    return title


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
