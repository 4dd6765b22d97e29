"""PDF files (pypdf): text per page, sections at detected headings or else one per page.

pypdf bounds its own decompression (``pypdf.filters.*_MAX_OUTPUT_LENGTH``); the page count is
bounded here. A PDF without a text layer (scanned images) is an :class:`EmptyDocument`.
"""

from __future__ import annotations

import io
import logging
import re

from pypdf import PasswordType, PdfReader
from pypdf.errors import LimitReachedError

from corpus.errors import EmptyDocument, InvalidInput
from corpus.files.sections import ParsedDocument, first_line_title, split_sections
from corpus.models import Section
from corpus.text import clean_text

logger = logging.getLogger(__name__)

MAX_PAGES = 3000
_JUNK_TITLE = re.compile(
    r"^(untitled|document\d*|title|microsoft (word|powerpoint)\b.*|.*\.(docx?|pdf|pptx?|odt|rtf|tex|indd))$",
    re.IGNORECASE,
)


def parse_pdf(data: bytes, *, name: str, fallback_title: str) -> ParsedDocument:
    """Title and sections of a PDF.

    The title is the metadata title unless it is a placeholder (``Microsoft Word - x.docx``),
    else the first line of the first page with text, else ``fallback_title``.

    Raises:
        InvalidInput: corrupt, encrypted or too long PDFs.
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
    pages = _page_texts(reader, page_count, name)
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


def _page_texts(reader: PdfReader, page_count: int, name: str) -> list[str]:
    texts: list[str] = []
    failures = 0
    last_error: Exception | None = None
    for index in range(page_count):
        try:
            raw = reader.pages[index].extract_text() or ""
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
