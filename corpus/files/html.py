"""HTML files: visible text only (hidden elements, scripts and comments dropped), title from <title>/<h1>.

Nesting depth is checked with lxml before BeautifulSoup sees the page: deeply nested markup
makes the tree walk slow (seconds at a few thousand levels) and can exhaust the recursion limit.
"""

from __future__ import annotations

from lxml import etree  # type: ignore[import-untyped]

from corpus.errors import InvalidInput
from corpus.files.sections import ParsedDocument, first_heading, split_sections
from corpus.text import clean_text, html_to_text

MAX_DEPTH = 200
"""Deepest element nesting accepted; real pages stay well under 60."""


def parse_html(text: str, *, name: str, fallback_title: str) -> ParsedDocument:
    """Title and sections of an HTML page.

    Raises:
        InvalidInput: markup nested deeper than :data:`MAX_DEPTH`.
    """
    title = check_html_depth(text, name=name)
    try:
        plain = html_to_text(text)
    except RecursionError as exc:
        raise InvalidInput(_too_deep(name)) from exc
    title = title or first_heading(plain) or fallback_title
    return ParsedDocument(title=title, sections=split_sections(plain, preamble_heading=title))


def check_html_depth(text: str, *, name: str) -> str | None:
    """Refuse markup nested deeper than :data:`MAX_DEPTH`; return the ``<title>`` text if any.

    Raises:
        InvalidInput: too deep, or not parseable at all.
    """
    parser = etree.HTMLParser(encoding="utf-8", recover=True, no_network=True)
    try:
        root = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser)
    except (etree.LxmlError, ValueError) as exc:
        raise InvalidInput(f"cannot parse HTML '{name}': {exc}; check that it is a web page") from exc
    if any("Excessive depth" in error.message for error in parser.error_log):
        raise InvalidInput(_too_deep(name))
    if root is None:
        return None
    depth = 0
    for event, _element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise InvalidInput(_too_deep(name))
    title_element = root.find(".//title")
    if title_element is None:
        return None
    title = clean_text(title_element.xpath("string()"))
    return title or None


def _too_deep(name: str) -> str:
    return (
        f"HTML '{name}' is nested more than {MAX_DEPTH} levels deep; "
        "save the page's main content as a simpler HTML or text file"
    )
