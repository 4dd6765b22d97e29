"""F&T topics with full descriptions, from CordisData's ``open.jsonl.gz``.

The file is a gzip of UTF-8 *with BOM* holding concatenated JSON objects with no separators, so
it is parsed with a :meth:`json.JSONDecoder.raw_decode` loop. About 480 descriptions carry
double-encoded UTF-8 (``â€™``), repaired with :func:`corpus.text.clean_text`. The HTML of the
descriptions was stripped without spaces ("Objective:The ERC ..."); :func:`split_sections` cuts
them back into titled sections.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from corpus.models import Section
from corpus.text import clean_text

logger = logging.getLogger(__name__)

TOPICS_FILE = "open.jsonl.gz"

# Headings of F&T topic descriptions, longest first so that "Expected Outcomes" wins over
# "Expected Outcome". Case-sensitive on purpose: "scope:" inside a sentence is not a heading.
DESCRIPTION_HEADINGS: tuple[str, ...] = (
    "Expected Outcomes",
    "Expected Outcome",
    "Expected Impact",
    "Expected results",
    "Specific Challenge",
    "Specific objectives",
    "General objective",
    "Entrusted tasks",
    "Topic scope",
    "Deliverables",
    "Objective",
    "Scope",
)
# A heading starts the text, or follows a sentence end, a bracket, a letter or a digit directly
# (the HTML was stripped without spaces), or whitespace.
_HEADING_RE = re.compile(
    r"(?:^|(?<=[\s.;:!?)\]\"”’a-z0-9]))(" + "|".join(re.escape(h) for h in DESCRIPTION_HEADINGS) + r")\s*:"
)
_NUMBERED_HEADING = re.compile(r"(?<=[a-z.)])(?=\d{1,2}\. [A-Z])")
_CONDITIONS_JUNK = re.compile(r'^[\s">]+')


class TopicRecord(BaseModel):
    """One CordisData topic, cleaned (the raw fields we use, typed)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reference: str
    topic_id: str
    title: str
    programme: str | None = None
    call_identifier: str | None = None
    call_title: str | None = None
    deadline: dt.date | None = None
    deadline_model: str | None = None
    action_type: str | None = None
    budget_min: float | None = None
    budget_max: float | None = None
    expected_grants: int | None = None
    keywords: tuple[str, ...] = ()
    portal_url: str | None = None
    sections: tuple[Section, ...] = ()
    conditions: str | None = None


def iter_concatenated_json(text: str) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a text holding several concatenated objects (any separators).

    Args:
        text: the decoded text; a leading BOM is ignored.

    Raises:
        json.JSONDecodeError: when the text is not a sequence of JSON values.
    """
    decoder = json.JSONDecoder()
    text = text.lstrip("\ufeff")
    position, end = 0, len(text)
    while True:
        while position < end and text[position].isspace():
            position += 1
        if position >= end:
            return
        value, position = decoder.raw_decode(text, position)
        if isinstance(value, dict):
            yield value


def split_sections(text: str, *, default_heading: str = "Description") -> tuple[Section, ...]:
    """Cut an F&T description into sections at its headings ("Expected Outcome:", "Scope:", ...).

    Text before the first heading becomes a ``default_heading`` section; a heading repeated in a
    row is merged. The text is cleaned (mojibake, whitespace) first.

    Args:
        text: description text, HTML already stripped (possibly without spaces after headings).
        default_heading: heading of the text that precedes any heading.
    """
    cleaned = clean_text(text)
    if not cleaned:
        return ()
    matches = list(_HEADING_RE.finditer(cleaned))
    parts: list[tuple[str, str]] = []
    if not matches or matches[0].start() > 0:
        parts.append((default_heading, cleaned[: matches[0].start() if matches else len(cleaned)]))
    for index, match in enumerate(matches):
        stop = matches[index + 1].start() if index + 1 < len(matches) else len(cleaned)
        parts.append((match.group(1), cleaned[match.end() : stop]))
    sections: list[Section] = []
    for heading, body in parts:
        body = body.strip()
        if not body:
            continue
        if sections and sections[-1].heading == heading:
            sections[-1] = Section(heading=heading, text=f"{sections[-1].text}\n{body}")
        else:
            sections.append(Section(heading=heading, text=body))
    return tuple(sections)


def clean_conditions(text: str) -> str | None:
    """Clean the ``topicConditions`` text: drop the leftover tag tail, break numbered headings."""
    cleaned = clean_text(_CONDITIONS_JUNK.sub("", text))
    cleaned = _NUMBERED_HEADING.sub("\n", cleaned)
    return cleaned or None


def _keywords(raw: str, *, exclude: set[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in raw.split(","):
        keyword = clean_text(part)
        if keyword and keyword not in exclude:
            seen.setdefault(keyword, None)
    return tuple(seen)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and value > 0 else None


def parse_topic(raw: dict[str, Any]) -> TopicRecord:
    """Turn one raw CordisData object into a :class:`TopicRecord`.

    Raises:
        KeyError: when ``reference`` or ``topicId`` is missing.
    """
    topic_id = str(raw["topicId"]).strip()
    call_identifier = (raw.get("callIdentifier") or "").strip() or None
    procedure = raw.get("submissionProcedure") or {}
    deadline = raw.get("deadline") or None
    expected = raw.get("expectedGrants")
    return TopicRecord(
        reference=str(raw["reference"]),
        topic_id=topic_id,
        title=clean_text(raw.get("title") or topic_id),
        programme=clean_text(raw.get("programme") or "") or None,
        call_identifier=call_identifier,
        call_title=clean_text(raw.get("callTitle") or "") or None,
        deadline=dt.date.fromisoformat(deadline) if deadline else None,
        deadline_model=(raw.get("deadlineModel") or procedure.get("abbreviation") or None),
        action_type=clean_text(raw.get("typesOfAction") or "") or None,
        budget_min=_number(raw.get("budgetMin")),
        budget_max=_number(raw.get("budgetMax")),
        expected_grants=int(expected) if isinstance(expected, int | float) and expected > 0 else None,
        keywords=_keywords(raw.get("keywords") or "", exclude={topic_id, call_identifier or topic_id}),
        portal_url=(raw.get("portalUrl") or None),
        sections=split_sections(raw.get("description") or ""),
        conditions=clean_conditions(raw.get("topicConditions") or ""),
    )


def read_topics(path: Path) -> list[TopicRecord]:
    """Read and clean every topic of a CordisData ``open.jsonl.gz`` file.

    Args:
        path: the gzip file (or the folder holding ``open.jsonl.gz``).

    Raises:
        FileNotFoundError: when the file is missing.
    """
    if path.is_dir():
        path = path / TOPICS_FILE
    with gzip.open(path, "rb") as handle:
        text = handle.read().decode("utf-8-sig")
    topics = [parse_topic(raw) for raw in iter_concatenated_json(text)]
    logger.info("read %d topics from %s", len(topics), path.name)
    return topics
