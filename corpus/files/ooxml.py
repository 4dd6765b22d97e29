"""Office Open XML containers (DOCX, XLSX, PPTX): the ZIP is checked before any library opens it.

python-docx, openpyxl and python-pptx inflate parts in memory, so a zip bomb is refused here from
the ZIP directory alone, with one set of limits for the three formats.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from corpus.errors import InvalidInput, UnsupportedFile

OfficeKind = Literal["DOCX", "XLSX", "PPTX"]

MAX_UNCOMPRESSED_BYTES = 100_000_000
MAX_COMPRESSION_RATIO = 100
MAX_ENTRIES = 5000
_RATIO_FLOOR_BYTES = 1024 * 1024
"""Small parts may compress extremely well; the ratio only matters once they are big."""

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN_PART: dict[OfficeKind, tuple[str, str, str]] = {
    # kind: (part every such file has, what it is, the application that saves it)
    "DOCX": ("word/document.xml", "a Word document", "Word"),
    "XLSX": ("xl/workbook.xml", "an Excel workbook", "Excel"),
    "PPTX": ("ppt/presentation.xml", "a PowerPoint presentation", "PowerPoint"),
}
_OLD_FORMAT = {"DOCX": "an old Word .doc", "XLSX": "an old Excel .xls", "PPTX": "an old PowerPoint .ppt"}


def check_container(data: bytes, *, name: str, kind: OfficeKind, actual_kind: str) -> None:
    """Refuse bytes that are not a ``kind`` file: an old binary Office file, not a ZIP, another ZIP.

    ``actual_kind`` describes what the bytes look like instead (for the message).

    Raises:
        UnsupportedFile: not this kind of file. InvalidInput: a ZIP whose structure is broken.
    """
    part, what, application = _MAIN_PART[kind]
    if data.startswith(_OLE_MAGIC):
        raise UnsupportedFile(
            f"'{name}' is {_OLD_FORMAT[kind]} or a password-protected file; "
            f"save it as .{kind.lower()} without a password and try again"
        )
    if not data.startswith(b"PK\x03\x04"):
        raise UnsupportedFile(f"'{name}' is not a {kind}{actual_kind}; check the file or fix its extension")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InvalidInput(
            f"corrupt {kind} '{name}': {exc}; re-save it from {application} and try again"
        ) from exc
    if part not in names:
        raise UnsupportedFile(
            f"'{name}' is a ZIP archive but not {what} (no {part}); check the file or fix its extension"
        )


def check_zip_bomb(data: bytes, *, name: str, kind: OfficeKind) -> None:
    """Refuse a container whose parts would inflate beyond the limits, from the ZIP directory alone.

    Raises:
        InvalidInput: over :data:`MAX_UNCOMPRESSED_BYTES` in total, a part over 1 MB expanding
            more than :data:`MAX_COMPRESSION_RATIO` times, or more than :data:`MAX_ENTRIES` parts.
    """
    _, what, application = _MAIN_PART[kind]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InvalidInput(
            f"corrupt {kind} '{name}': {exc}; re-save it from {application} and try again"
        ) from exc
    advice = f"this looks like a zip bomb, not {what}; re-save the real file from {application}"
    if len(entries) > MAX_ENTRIES:
        raise InvalidInput(f"{kind} '{name}' has {len(entries)} parts (limit {MAX_ENTRIES}); {advice}")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InvalidInput(
            f"{kind} '{name}' expands to {total / 1e6:.0f} MB "
            f"(limit {MAX_UNCOMPRESSED_BYTES / 1e6:.0f} MB); {advice}"
        )
    compressed = sum(entry.compress_size for entry in entries)
    for size, packed in [(total, compressed), *((e.file_size, e.compress_size) for e in entries)]:
        if size > _RATIO_FLOOR_BYTES and size > MAX_COMPRESSION_RATIO * max(packed, 1):
            raise InvalidInput(
                f"{kind} '{name}' expands {size / max(packed, 1):.0f} times when unpacked "
                f"(limit {MAX_COMPRESSION_RATIO}); {advice}"
            )
