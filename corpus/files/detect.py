"""What kind of file is this? Extension first, then the bytes must agree with it.

A file is only read as the format its extension names, and only if its content looks like that
format: a PDF renamed ``.md`` or a binary blob named ``.txt`` is refused rather than indexed as
garbage. Text is decoded by :mod:`corpus.files.encoding` (a named encoding, a BOM, UTF-8, or a
checked guess among the European code pages).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import PurePosixPath, PureWindowsPath
from typing import Literal

from corpus.errors import FileTooLarge, UnsupportedFile
from corpus.files.encoding import decode_bytes
from corpus.files.ooxml import OfficeKind, check_container

logger = logging.getLogger(__name__)

FileFormat = Literal["pdf", "docx", "xlsx", "pptx", "html", "markdown", "text", "csv", "json"]

FORMAT_BY_SUFFIX: dict[str, FileFormat] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".pptx": "pptx",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".csv": "csv",
    ".json": "json",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(FORMAT_BY_SUFFIX)
_OFFICE_KIND: dict[str, OfficeKind] = {"docx": "DOCX", "xlsx": "XLSX", "pptx": "PPTX"}

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX, ...)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Office file (.doc/.xls) or a password-protected Office file",
    ),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
_PDF_HEADER_WINDOW = 1024  # PDF readers accept the header anywhere in the first 1024 bytes
_CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | set(range(0x0E, 0x20)) - {0x1B})
_TEXT_KIND = {
    "html": "HTML",
    "markdown": "Markdown text",
    "text": "plain text",
    "csv": "CSV text",
    "json": "JSON text",
}
_SUPPORTED_LIST = ", ".join(sorted(SUPPORTED_SUFFIXES))


def safe_file_name(filename: str) -> str:
    """The last path component of ``filename``, without control characters, at most 255 characters.

    Both ``/`` and ``\\`` separators are stripped, so ``../../etc/passwd`` gives ``passwd``.
    """
    name = PureWindowsPath(PurePosixPath(filename.replace("\x00", "")).name).name
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if name in {"", ".", ".."}:
        return "upload"
    return name[:255]


def slugify(name: str, *, max_length: int = 80) -> str:
    """Lowercase ASCII slug of ``name`` ([a-z0-9-], at most ``max_length``), ``file`` if nothing is left."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")
    return slug[:max_length].rstrip("-") or "file"


def file_suffix(filename: str) -> str:
    """Lowercased extension of the (safe) file name, with its dot; ``""`` without one."""
    return PurePosixPath(safe_file_name(filename)).suffix.lower()


def check_size(data: bytes | int, *, filename: str, max_bytes: int) -> None:
    """Raise :class:`FileTooLarge` when ``data`` (bytes, or a size in bytes) is over ``max_bytes``."""
    size = data if isinstance(data, int) else len(data)
    if size > max_bytes:
        raise FileTooLarge(
            f"'{safe_file_name(filename)}' is larger than the {_megabytes(max_bytes)} limit; "
            "split it into smaller files or raise CLUSTER_ADVISOR_MAX_FILE_BYTES"
        )


def detect_format(data: bytes, *, filename: str) -> FileFormat:
    """The format of ``data``, named by the extension of ``filename`` and confirmed by the content.

    Raises:
        UnsupportedFile: unknown extension, or bytes that are not what the extension says.
        InvalidInput: a DOCX, XLSX or PPTX whose ZIP structure is broken.
    """
    name = safe_file_name(filename)
    suffix = file_suffix(filename)
    fmt = FORMAT_BY_SUFFIX.get(suffix)
    if fmt is None:
        what = f"'{suffix}' files are" if suffix else "files without an extension are"
        raise UnsupportedFile(f"cannot read '{name}': {what} not supported; use one of {_SUPPORTED_LIST}")
    if fmt == "pdf":
        if b"%PDF-" not in data[:_PDF_HEADER_WINDOW]:
            raise UnsupportedFile(
                f"'{name}' is not a PDF{_actual_kind(data)}; check the file or fix its extension"
            )
    elif fmt in _OFFICE_KIND:
        check_container(data, name=name, kind=_OFFICE_KIND[fmt], actual_kind=_actual_kind(data))
    else:
        kind = sniff_binary(data)
        if kind is not None:
            raise UnsupportedFile(
                f"'{name}' is {kind}, not {_TEXT_KIND[fmt]}; "
                "give it its proper extension or export it as text"
            )
    return fmt


def sniff_binary(data: bytes) -> str | None:
    """A description of what binary content ``data`` is (e.g. ``"a PDF"``), or None if it may be text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with BOM: NUL bytes are expected
    for magic, kind in _MAGIC:
        if data.startswith(magic) and (magic != b"MZ" or b"\x00" in data[:512]):
            return kind
    head = data[:65536]
    if b"\x00" in head:
        return "a binary file (it contains NUL bytes)"
    if head and sum(byte in _CONTROL_BYTES for byte in head) / len(head) > 0.02:
        return "a binary file (it is full of control bytes)"
    return None


def decode_text(data: bytes, *, filename: str, encoding: str | None = None) -> str:
    """Decode text bytes: by ``encoding`` when given, else detected (see :mod:`corpus.files.encoding`).

    Raises:
        UnsupportedFile: binary content, or bytes that are text in no likely encoding.
        InvalidInput: bytes not valid in ``encoding``, or an encoding that cannot be told for sure.
    """
    name = safe_file_name(filename)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        kind = sniff_binary(data)
        if kind is not None:
            raise UnsupportedFile(
                f"'{name}' is {kind}, not text; give it its proper extension or export it as text"
            )
    decoded = decode_bytes(data, name=name, encoding=encoding)
    if decoded.how == "detected":
        logger.info(
            "%s: read as %s (detected, confidence %.0f %%)", name, decoded.encoding, decoded.confidence
        )
    return decoded.text


def _actual_kind(data: bytes) -> str:
    kind = sniff_binary(data)
    if kind is not None:
        return f" (it looks like {kind})"
    return " (it looks like text)" if data.strip() else " (it is empty)"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"
