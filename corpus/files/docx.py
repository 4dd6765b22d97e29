"""Word DOCX files (python-docx): paragraphs and tables in order, headings from paragraph styles.

The ZIP container is checked *before* python-docx opens it (:mod:`corpus.files.ooxml`: a zip
bomb would otherwise be inflated in memory). Hidden runs (``w:vanish``), near-invisible ones
(under 2 pt) and white text are dropped: they are invisible to a reader and a classic
prompt-injection carrier.
"""

from __future__ import annotations

import io
import re
from typing import Any

import docx
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph

from corpus.errors import InvalidInput
from corpus.files.ooxml import check_zip_bomb
from corpus.files.sections import ParsedDocument, first_heading, split_sections
from corpus.text import clean_text

_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre|titolo|título|kop|nagłówek|rubrik)\s*(\d)$", re.I)
_SENTENCE_END = re.compile(r"[.;,!?]$")


def parse_docx(data: bytes, *, name: str, fallback_title: str) -> ParsedDocument:
    """Title and sections of a DOCX document.

    The title is the core property ``title``, else the first paragraph in the ``Title`` style,
    else the first heading, else ``fallback_title``. Headings come from ``Heading N`` styles (and
    localised names), else from short all-bold paragraphs.

    Raises:
        InvalidInput: zip bomb or corrupt file.
    """
    check_zip_bomb(data, name=name, kind="DOCX")
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
        # Style names by id, read once: Paragraph.style resolves the default style by scanning
        # every style on each call (seconds for a long document).
        style_names = {style.style_id: style.name or "" for style in document.styles}
        core_title = clean_text(document.core_properties.title or "")
    except Exception as exc:  # KeyError, XMLSyntaxError, PackageNotFoundError, ... on damaged files
        raise InvalidInput(
            f"corrupt DOCX '{name}': {_reason(exc)}; re-save it from Word and try again"
        ) from exc
    lines: list[str] = []
    style_title: str | None = None
    for block in blocks:
        if isinstance(block, Table):
            lines.extend(_table_lines(block, style_names))
            continue
        text, level, bold = _paragraph(block, style_names)
        if not text:
            continue
        if level == 0:
            style_title = style_title or text
            lines.append(f"# {text}")
        elif level is not None:
            lines.append(f"{'#' * min(level + 1, 6) if style_title else '#' * min(level, 6)} {text}")
        elif bold and len(text) <= 100 and not _SENTENCE_END.search(text):
            lines.append(f"### {text}")
        else:
            lines.append(text)
    plain = clean_text("\n\n".join(lines))
    title = core_title or style_title or first_heading(plain) or fallback_title
    return ParsedDocument(title=title, sections=split_sections(plain, preamble_heading=title))


def _paragraph(paragraph: Paragraph, style_names: dict[str, str]) -> tuple[str, int | None, bool]:
    """Visible text, heading level (0 for the Title style, None for body text), all-bold flag."""
    pieces: list[str] = []
    bold_flags: list[bool] = []
    for item in paragraph.iter_inner_content():
        runs = item.runs if isinstance(item, Hyperlink) else [item]
        for run in runs:
            if _invisible(run) or not run.text:
                continue
            pieces.append(run.text)
            if run.text.strip():
                bold_flags.append(bool(run.bold))
    text = clean_text("".join(pieces))
    style_name = _style_name(paragraph, style_names)
    level: int | None = None
    if style_name.lower() == "title":
        level = 0
    else:
        match = _HEADING_STYLE.match(style_name)
        if match:
            level = int(match.group(1))
    return text, level, bool(bold_flags) and all(bold_flags)


def _invisible(run: Any) -> bool:
    font = run.font
    if font.hidden:
        return True
    if font.size is not None and font.size.pt < 2:
        return True
    try:
        color = font.color.rgb if font.color is not None and font.color.type is not None else None
    except (AttributeError, ValueError):
        color = None
    return color is not None and str(color).upper() == "FFFFFF"


def _style_name(paragraph: Paragraph, style_names: dict[str, str]) -> str:
    properties = paragraph._p.pPr
    style_id = properties.pStyle.val if properties is not None and properties.pStyle is not None else None
    return style_names.get(style_id, style_id or "") if style_id else ""


def _table_lines(table: Table, style_names: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(_paragraph(p, style_names)[0] for p in cell.paragraphs).strip()
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        if cells:
            lines.append(" | ".join(cells))
    return lines


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
