"""Policy documents: the Markdown policy briefs, the US cluster-mapping pages, the US definitions.

The briefs are text extracts of slide decks and news articles, with conversion noise that is
cleaned here: ``[image: ]`` and ``[bookmark: ]`` placeholders, lost links (``[text](#)`` → text),
bare URL lists, ``<sup>`` tags, hard-wrapped double-spaced lines. Sections are cut at Markdown
headings, or, for briefs without any, at short stand-alone lines that introduce a paragraph.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

from corpus.models import PolicyDocument, Section
from corpus.sources import POLICY_BRIEFS, US_CLUSTER_MAPPING, SkippedItem
from corpus.sources.us_mapping import USClusterDefinition, read_site_pages, read_us_cluster_definitions
from corpus.text import clean_text, html_to_text

logger = logging.getLogger(__name__)

US_PUBLISHER = "U.S. Cluster Mapping Project (Harvard Business School ISC; U.S. EDA)"
_US_PUBLIC_DOMAIN = "Public domain in the U.S. (U.S. federal government work)"

_PLACEHOLDER = re.compile(r"\[(?:image|bookmark):[^\]]*\]", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_BOLD = re.compile(r"\*\*|__")
_BULLET = re.compile(r"^(\s*)(?:[-*]\s+)?[✓❖•▪]\s*", re.MULTILINE)
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.MULTILINE)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_NUMBERED = re.compile(r"^\d{1,2}\.\s+[A-Z]")
_QUOTED = re.compile(r"[\"“]([^\"”]+)[\"”]")
_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|(.+)\|\s*$")


def _unwrap_double_spaced(text: str) -> str:
    """Re-join a hard-wrapped, double-spaced extract (every line followed by a blank line).

    Two lines join unless the first ends in two spaces (a hard break), a line of spaces or more
    than one blank line separates them, or either is a list item or a URL.
    """
    lines = text.split("\n")
    content = [index for index, line in enumerate(lines) if line.strip()]
    spaced = sum(1 for index in content if index + 1 < len(lines) and lines[index + 1] == "")
    wrapped = sum(1 for index in content if lines[index].endswith(" "))
    if not content or min(spaced, wrapped) < 0.6 * len(content):
        return text
    paragraphs: list[list[str]] = [[lines[content[0]].strip()]]
    for previous, index in zip(content, content[1:], strict=False):
        gap = lines[previous + 1 : index]
        line, before = lines[index].strip(), lines[previous]
        breaks = (
            before.endswith("  ")
            or len(gap) > 1
            or any(part and not part.strip() for part in gap)
            or line.startswith(("-", "http", "www."))
            or before.strip().startswith(("-", "http", "www."))
        )
        if breaks:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return "\n\n".join(" ".join(paragraph) for paragraph in paragraphs)


def clean_markdown(text: str) -> str:
    """Remove conversion noise from a Markdown-ish extract and normalise it."""
    text = text.replace("\r\n", "\n").replace("\\$", "$")
    text = _unwrap_double_spaced(text)
    text = _PLACEHOLDER.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _BOLD.sub("", text)
    text = _BULLET.sub(r"\1- ", text)
    text = _URL_LINE.sub("", text)
    return _drop_furniture(clean_text(text))


def _drop_furniture(text: str) -> str:
    """Drop blocks repeated three times or more (slide headers and footers)."""
    blocks = text.split("\n\n")
    counts = Counter(block.strip() for block in blocks)
    return "\n\n".join(block for block in blocks if counts[block.strip()] < 3)


def _is_implicit_heading(block: str, following: str | None) -> bool:
    words = block.split()
    numbered = bool(_NUMBERED.match(block))
    return (
        "\n" not in block
        and 1 <= len(words) <= (14 if numbered else 10)
        and (block[:1].isupper() or numbered)
        and not block.startswith("- ")
        and block[-1] not in '.,;:!?”"'
        and following is not None
        and (numbered or len(following) >= 120)
    )


def split_markdown_sections(text: str, *, default_heading: str) -> tuple[Section, ...]:
    """Cut cleaned text into sections at Markdown headings (or implicit headings without any).

    Args:
        text: cleaned text (see :func:`clean_markdown`).
        default_heading: heading of the text before the first heading.
    """
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    has_markdown = any(_HEADING.match(line) for block in blocks for line in block.split("\n"))
    sections: list[tuple[str, list[str]]] = [(default_heading, [])]
    for index, block in enumerate(blocks):
        lines = block.split("\n")
        if has_markdown:
            for line in lines:
                match = _HEADING.match(line)
                if match:
                    sections.append((match.group(2).strip(), []))
                else:
                    sections[-1][1].append(line)
            sections[-1][1].append("")
        else:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            # Two heading-like lines in a row: the second is the first one's text.
            if sections[-1][1] and _is_implicit_heading(block, following):
                sections.append((block, []))
            else:
                sections[-1][1].extend((block, ""))
    result: list[Section] = []
    for heading, body_lines in sections:
        body = clean_text("\n".join(body_lines))
        if body:
            result.append(Section(heading=heading, text=body))
        elif result:  # a heading with nothing under it joins the next section's heading
            continue
    return tuple(result)


def read_brief_table(source_md: Path) -> dict[str, dict[str, str | None]]:
    """The title, publisher and date of each brief, from the table in its ``SOURCE.md``."""
    table: dict[str, dict[str, str | None]] = {}
    for line in source_md.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line.strip())
        if not match:
            continue
        cells = [cell.strip() for cell in match.group(2).split("|")]
        if len(cells) < 3:
            continue
        what, publisher, date = cells[0], cells[1], cells[2]
        quoted = _QUOTED.search(what)
        table[match.group(1)] = {
            "title": clean_text(quoted.group(1)) if quoted else None,
            "publisher": None if publisher.startswith("(") else clean_text(publisher),
            "published": date or None,
        }
    return table


def read_policy_briefs(source_dir: Path) -> tuple[list[PolicyDocument], list[SkippedItem]]:
    """The Markdown briefs as documents (``doc_id`` = ``policy:<file stem>``).

    Args:
        source_dir: the ``policy-briefs`` folder (its ``SOURCE.md`` gives titles and publishers).
    """
    source_md = source_dir / "SOURCE.md"
    table = read_brief_table(source_md) if source_md.exists() else {}
    documents: list[PolicyDocument] = []
    skipped: list[SkippedItem] = []
    for path in sorted(source_dir.glob("*.md")):
        if path.name == "SOURCE.md":
            continue
        text = clean_markdown(path.read_text(encoding="utf-8"))
        if not text:
            skipped.append(
                SkippedItem(dataset=POLICY_BRIEFS.dataset, record_ref=path.name, reason="empty text")
            )
            continue
        meta = table.get(path.name, {})
        first_line = _HEADING.sub(r"\2", text.split("\n", 1)[0])
        title = meta.get("title") or first_line
        publisher = meta.get("publisher")
        us_work = bool(publisher and "U.S. Department of Commerce" in publisher)
        documents.append(
            PolicyDocument(
                doc_id=f"policy:{path.stem}",
                title=title,
                provenance=(
                    POLICY_BRIEFS.provenance(path.name, licence=_US_PUBLIC_DOMAIN if us_work else None),
                ),
                publisher=publisher,
                published=meta.get("published"),
                source_format="markdown",
                sections=split_markdown_sections(text, default_heading=title),
            )
        )
    return documents, skipped


def read_us_site_pages(source_dir: Path) -> list[PolicyDocument]:
    """The US Cluster Mapping explanatory pages (``policy:us-cluster-mapping:<key>``)."""
    documents = []
    for page in read_site_pages(source_dir):
        key, title = str(page["key"]), clean_text(str(page.get("title") or page["key"]))
        text = html_to_text(str(page.get("html") or ""))
        if not text:
            continue
        source_path = page.get("source_path")
        url = (
            f"{US_CLUSTER_MAPPING.url}/blob/{US_CLUSTER_MAPPING.commit}/{source_path}"
            if source_path
            else None
        )
        documents.append(
            PolicyDocument(
                doc_id=f"policy:us-cluster-mapping:{key}",
                title=title,
                url=url,
                provenance=(US_CLUSTER_MAPPING.provenance(key),),
                publisher=US_PUBLISHER,
                source_format="html",
                sections=split_markdown_sections(text, default_heading=title),
            )
        )
    return documents


def _definition_text(definition: USClusterDefinition) -> str:
    kind = "local" if definition.name.startswith("Local ") else "traded"
    parts = [
        f"{definition.name} is a {kind} cluster in the U.S. benchmark cluster definitions"
        f" ({definition.year or 'n.d.'} definitions, {len(definition.naics)} NAICS industries)."
    ]
    if definition.sub_clusters:
        parts.append("Sub-clusters: " + "; ".join(definition.sub_clusters) + ".")
    if definition.related:
        parts.append("Most related clusters: " + "; ".join(definition.related) + ".")
    return " ".join(parts)


def build_us_definitions_document(definitions: list[USClusterDefinition]) -> PolicyDocument:
    """One reference document with a section per US benchmark cluster."""
    best: dict[str, USClusterDefinition] = {}
    for definition in definitions:  # one name appears twice, once without sub-clusters
        kept = best.get(definition.name)
        if kept is None or len(definition.sub_clusters) > len(kept.sub_clusters):
            best[definition.name] = definition
    intro = Section(
        heading="About the U.S. benchmark cluster definitions",
        text=(
            "The U.S. Cluster Mapping Project groups six-digit NAICS industries into benchmark cluster "
            "categories (Delgado, Porter and Stern): traded clusters, which sell across regions, and local "
            "clusters, which serve their own region. Each cluster is split into sub-clusters."
        ),
    )
    sections = [Section(heading=name, text=_definition_text(best[name])) for name in sorted(best)]
    return PolicyDocument(
        doc_id="policy:us-cluster-definitions",
        title="U.S. benchmark cluster definitions (U.S. Cluster Mapping Project)",
        url=f"{US_CLUSTER_MAPPING.url}/blob/{US_CLUSTER_MAPPING.commit}/cms/modules/hbs_homepage/js/clusters-list.json",
        provenance=(US_CLUSTER_MAPPING.provenance("clusters-list.json"),),
        publisher=US_PUBLISHER,
        source_format="text",
        sections=(intro, *sections),
    )


def read_us_policy_documents(source_dir: Path) -> list[PolicyDocument]:
    """The 10 site pages and the cluster-definitions reference document."""
    pages = read_us_site_pages(source_dir)
    definitions = read_us_cluster_definitions(source_dir)
    return [*pages, build_us_definitions_document(definitions)]
