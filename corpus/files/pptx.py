"""PowerPoint PPTX files (python-pptx): one section per slide, titled by the slide's title.

The ZIP container passes :func:`corpus.files.ooxml.check_zip_bomb` before python-pptx opens it.
Text comes from every text frame and table on a slide (groups included) and from its speaker notes;
hidden slides are left out, like hidden text in DOCX: a reader never sees them, and they are a
classic place to put instructions meant for a model.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any

import pptx
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from corpus.errors import InvalidInput
from corpus.files.ooxml import check_zip_bomb
from corpus.files.sections import ParsedDocument, split_sections
from corpus.text import clean_text

MAX_SHAPES = 20_000
"""Shapes read from one presentation (a 200-slide deck has a few thousand)."""
_TITLE_TYPES = frozenset({PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE})


def parse_pptx(data: bytes, *, name: str, fallback_title: str) -> ParsedDocument:
    """Title and sections of a PPTX presentation.

    The title is the core property ``title``, else the first slide's title, else
    ``fallback_title``. Each visible slide becomes a section headed by its title (or "Slide N").

    Raises:
        InvalidInput: zip bomb, corrupt file, or more than :data:`MAX_SHAPES` shapes.
    """
    check_zip_bomb(data, name=name, kind="PPTX")
    try:
        presentation = pptx.Presentation(io.BytesIO(data))
        core_title = clean_text(presentation.core_properties.title or "")
        slides = list(presentation.slides)
    except Exception as exc:  # KeyError, XMLSyntaxError, PackageNotFoundError, ... on damaged files
        raise InvalidInput(
            f"corrupt PPTX '{name}': {_reason(exc)}; re-save it from PowerPoint and try again"
        ) from exc
    lines: list[str] = []
    first_title: str | None = None
    hidden = 0
    shapes_seen = 0
    for number, slide in enumerate(slides, 1):
        if slide._element.get("show") == "0":  # <p:sld show="0">: a hidden slide
            hidden += 1
            continue
        title = ""
        body: list[str] = []
        for shape in _shapes(slide.shapes):
            shapes_seen += 1
            if shapes_seen > MAX_SHAPES:
                raise InvalidInput(
                    f"PPTX '{name}' has more than {MAX_SHAPES:,} shapes; split the presentation"
                )
            if not title and _is_title(shape):
                title = clean_text(shape.text_frame.text)
                continue
            body.extend(_shape_lines(shape))
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            speaker_notes = clean_text(slide.notes_slide.notes_text_frame.text)
            if speaker_notes:
                body.append(f"Notes: {speaker_notes}")
        first_title = first_title or title or None
        lines.append(f"## {title or f'Slide {number}'}")
        lines.extend(body)
    plain = clean_text("\n\n".join(lines))
    title = core_title or first_title or fallback_title
    notes = [f"{hidden} hidden slide(s) left out"] if hidden else []
    return ParsedDocument(title=title, sections=split_sections(plain, preamble_heading=title), notes=notes)


def _shapes(shapes: Iterable[Any]) -> Iterator[Any]:
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _is_title(shape: Any) -> bool:
    return bool(
        shape.is_placeholder and shape.has_text_frame and shape.placeholder_format.type in _TITLE_TYPES
    )


def _shape_lines(shape: Any) -> list[str]:
    if shape.has_text_frame:
        return [text for p in shape.text_frame.paragraphs if (text := clean_text(p.text))]
    if getattr(shape, "has_table", False) and shape.has_table:
        rows = []
        for row in shape.table.rows:
            cells = [clean_text(cell.text) for cell in row.cells]
            if any(cells):
                rows.append(" | ".join(cell for cell in cells if cell))
        return rows
    return []


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
