"""Loaders for the files users ingest: PDF, DOCX, PPTX, HTML, Markdown, text, and CSV/JSON/XLSX records.

``load_file`` / ``load_bytes`` turn one file into typed records. Documents give one
:class:`PolicyDocument`; CSV/JSON/XLSX give many :class:`FundingCall` / :class:`ClusterProfile`
records (schema in docs/record-schema.md). Bad input raises a :mod:`corpus.errors` error whose
one-line message says what went wrong and what to do; bad *rows* of a record file do not raise
but are listed in :attr:`FileLoadResult.problems`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path, PurePosixPath

from corpus.errors import EmptyDocument, InvalidInput, UnsupportedFile
from corpus.files.detect import (
    SUPPORTED_SUFFIXES,
    check_size,
    decode_text,
    detect_format,
    file_suffix,
    safe_file_name,
    slugify,
)
from corpus.files.docx import parse_docx
from corpus.files.html import parse_html
from corpus.files.markdown import parse_markdown
from corpus.files.pdf import parse_pdf
from corpus.files.plaintext import parse_plaintext
from corpus.files.pptx import parse_pptx
from corpus.files.records import FileLoadResult, load_records, load_workbook_records
from corpus.files.sections import ParsedDocument
from corpus.models import Audience, PolicyDocument, Provenance

__all__ = ["SUPPORTED_SUFFIXES", "FileLoadResult", "document_id", "load_bytes", "load_file"]

logger = logging.getLogger(__name__)

_SOURCE_FORMAT = {
    "pdf": "pdf",
    "docx": "docx",
    "pptx": "pptx",
    "html": "html",
    "markdown": "markdown",
    "text": "text",
}


def load_file(
    path: Path,
    *,
    max_bytes: int,
    audience: Audience = Audience.PUBLIC,
    retrieved_on: dt.date,
    encoding: str | None = None,
) -> FileLoadResult:
    """Load one file from disk; refuses it by size unread, else reads at most ``max_bytes + 1`` bytes.

    See :func:`load_bytes` for the rest.

    Raises:
        InvalidInput: the path is missing, a directory or unreadable (and every error of
            :func:`load_bytes`).
    """
    if file_suffix(path.name) not in SUPPORTED_SUFFIXES:
        detect_format(b"", filename=path.name)  # raises UnsupportedFile with the list of types
    try:
        with path.open("rb") as handle:
            # A file over the limit is refused by its size, before any of it is read.
            check_size(os.fstat(handle.fileno()).st_size, filename=path.name, max_bytes=max_bytes)
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise InvalidInput(f"no such file: '{path}'; check the path") from exc
    except IsADirectoryError as exc:
        raise InvalidInput(f"'{path}' is a folder; give the files inside it") from exc
    except OSError as exc:
        raise InvalidInput(f"cannot read '{path}': {exc.strerror or exc}; check its permissions") from exc
    return load_bytes(
        data,
        filename=path.name,
        max_bytes=max_bytes,
        audience=audience,
        retrieved_on=retrieved_on,
        encoding=encoding,
    )


def load_bytes(
    data: bytes,
    *,
    filename: str,
    max_bytes: int,
    audience: Audience = Audience.PUBLIC,
    retrieved_on: dt.date,
    encoding: str | None = None,
) -> FileLoadResult:
    """Load one file's content; ``filename`` (only its last component is used) names its type.

    Args:
        data: The file's bytes.
        filename: The name the user gave the file; its extension selects the loader.
        max_bytes: Size limit; larger content raises :class:`FileTooLarge`.
        audience: Audience stamped on every record.
        retrieved_on: Day of ingestion, stamped into the provenance.
        encoding: The text encoding of a text file (CSV, text, HTML, Markdown, JSON); None detects
            it (:mod:`corpus.files.encoding`). Binary formats ignore it.

    Returns:
        The records and, for CSV/JSON/XLSX, one-line problems for rows that were left out (for PDFs,
        pages without a text layer).

    Raises:
        UnsupportedFile: unknown extension, or content that does not match it.
        FileTooLarge: more than ``max_bytes``.
        EmptyDocument: no extractable text (e.g. a scanned PDF) or no records.
        InvalidInput: corrupt, encrypted or hostile files (zip bomb, deep nesting, 5,000 columns),
            text not valid in ``encoding``, or text whose encoding cannot be told for sure.
    """
    name = safe_file_name(filename)
    if file_suffix(name) not in SUPPORTED_SUFFIXES:
        detect_format(data[:0], filename=name)
    check_size(data, filename=name, max_bytes=max_bytes)
    if not data.strip():
        raise EmptyDocument(f"'{name}' is empty; nothing to ingest")
    fmt = detect_format(data, filename=name)
    if fmt == "xlsx":
        result = load_workbook_records(data, name=name, audience=audience, retrieved_on=retrieved_on)
        logger.info("%s: %d record(s), %d problem(s)", name, len(result.records), len(result.problems))
        return result
    if fmt in ("csv", "json"):
        result = load_records(
            decode_text(data, filename=name, encoding=encoding),
            fmt=fmt,
            name=name,
            audience=audience,
            retrieved_on=retrieved_on,
        )
        logger.info("%s: %d record(s), %d problem(s)", name, len(result.records), len(result.problems))
        return result
    fallback_title = PurePosixPath(name).stem.replace("_", " ").strip() or name
    if fmt == "pdf":
        parsed = parse_pdf(data, name=name, fallback_title=fallback_title)
    elif fmt == "docx":
        parsed = parse_docx(data, name=name, fallback_title=fallback_title)
    elif fmt == "pptx":
        parsed = parse_pptx(data, name=name, fallback_title=fallback_title)
    else:
        text = decode_text(data, filename=name, encoding=encoding)
        if fmt == "html":
            parsed = parse_html(text, name=name, fallback_title=fallback_title)
        elif fmt == "markdown":
            parsed = parse_markdown(text, name=name, fallback_title=fallback_title)
        elif fmt == "text":
            parsed = parse_plaintext(text, fallback_title=fallback_title)
        else:  # pragma: no cover - detect_format only returns the formats above
            raise UnsupportedFile(f"no loader for '{name}'")
    document = _policy_document(parsed, fmt=fmt, name=name, audience=audience, retrieved_on=retrieved_on)
    logger.info("%s: %s document with %d section(s)", name, fmt, len(document.sections))
    return FileLoadResult(records=[document], problems=list(parsed.notes))


def document_id(filename: str) -> str:
    """The doc_id a document file gets: ``policy:file:<slug of its name>`` (path components stripped)."""
    return f"policy:file:{slugify(safe_file_name(filename))}"


def _policy_document(
    parsed: ParsedDocument, *, fmt: str, name: str, audience: Audience, retrieved_on: dt.date
) -> PolicyDocument:
    if not any(any(ch.isalnum() for ch in section.text) for section in parsed.sections):
        raise EmptyDocument(f"'{name}' has no text to index (it is blank or only images); check the file")
    title = " ".join((parsed.title or name).split())[:300]
    return PolicyDocument(
        doc_id=document_id(name),
        title=title,
        audience=audience,
        provenance=(
            Provenance(
                source_dataset="user-upload",
                source_url=None,
                licence="as provided by the user",
                retrieved_on=retrieved_on,
                record_ref=name,
            ),
        ),
        publisher=parsed.publisher,
        published=parsed.published,
        source_format=_SOURCE_FORMAT[fmt],
        sections=tuple(parsed.sections),
    )
