"""User-supplied CSV/JSON/XLSX records: funding calls and cluster profiles (schema: docs/record-schema.md).

A bad row never sinks the file: good rows become records, bad rows become one-line problems
("row 7: deadline '31/02/2026' is not a date (use YYYY-MM-DD)"). Problems with the file as a
whole (no header, 5,000 columns, JSON nested too deep, cannot tell calls from clusters) raise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

from corpus.errors import EmptyDocument, InvalidInput
from corpus.files import _fields as f
from corpus.files._readers import KINDS, Kind, ReaderItem, Row, csv_rows, field_key, json_rows
from corpus.files.detect import slugify
from corpus.files.xlsx import xlsx_rows
from corpus.models import (
    AnyRecord,
    Audience,
    Budget,
    ClusterProfile,
    FundingCall,
    Provenance,
    Section,
    SectorTag,
)

CALL_FIELDS = frozenset(
    "identifier title call_kind call_identifier call_title programme opening_date deadline budget_total_eur "
    "budget_per_project_min_eur budget_per_project_max_eur expected_grants action_type url description "
    "expected_outcome scope conditions keywords".split()
)
CLUSTER_FIELDS = frozenset(
    "name country city region description sectors technologies members collaboration_interests "
    "website".split()
)
_KNOWN = CALL_FIELDS | CLUSTER_FIELDS | {"type"}
_IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/:+()-]{0,119}$")
_CALL_SECTIONS = (
    ("description", "Description"),
    ("expected_outcome", "Expected outcome"),
    ("scope", "Scope"),
    ("conditions", "Conditions"),
)


@dataclass(frozen=True)
class FileLoadResult:
    """Records loaded from one file, and one-line reasons for anything left out."""

    records: list[AnyRecord]
    problems: list[str]


def kind_from_filename(name: str) -> Kind | None:
    """``call`` for names containing "call", ``cluster`` for "cluster"/"profile"; None if neither or both."""
    stem = slugify(PurePosixPath(name).stem)
    is_call = "call" in stem
    is_cluster = "cluster" in stem or "profile" in stem
    return "call" if is_call and not is_cluster else "cluster" if is_cluster and not is_call else None


def load_records(
    text: str, *, fmt: Literal["csv", "json"], name: str, audience: Audience, retrieved_on: dt.date
) -> FileLoadResult:
    """Funding calls and cluster profiles from the text of a CSV or JSON file.

    Raises:
        InvalidInput: the file as a whole cannot be read (see the message).
        EmptyDocument: the file holds no rows.
    """
    rows = csv_rows(text, name) if fmt == "csv" else json_rows(text, name)
    return records_from_rows(rows, name=name, audience=audience, retrieved_on=retrieved_on)


def load_workbook_records(
    data: bytes, *, name: str, audience: Audience, retrieved_on: dt.date
) -> FileLoadResult:
    """Funding calls and cluster profiles from the worksheets of an XLSX workbook.

    Raises:
        InvalidInput: zip bomb, corrupt workbook, too many cells (see :mod:`corpus.files.xlsx`).
        EmptyDocument: the workbook holds no rows.
    """
    rows = xlsx_rows(data, name=name, known_fields=_KNOWN - {"type"})
    return records_from_rows(rows, name=name, audience=audience, retrieved_on=retrieved_on)


def records_from_rows(
    items: Iterable[ReaderItem], *, name: str, audience: Audience, retrieved_on: dt.date
) -> FileLoadResult:
    """Typed records from reader rows; rows that cannot be used become problems.

    Raises:
        InvalidInput: cannot tell calls from clusters. EmptyDocument: no rows.
    """
    rows = list(items)
    if not any(row is not None for _, row, _ in rows):
        if rows:  # only bad rows: each one's problem rides in its label
            return FileLoadResult(records=[], problems=[label for label, _, _ in rows])
        raise EmptyDocument(
            f"'{name}' holds no records; add rows under the header (see docs/record-schema.md)"
        )
    file_kind = kind_from_filename(name)
    if file_kind is None and not any(kind or (row and row.get("type")) for _, row, kind in rows):
        raise InvalidInput(
            f"cannot tell whether '{name}' holds funding calls or cluster profiles; add a 'type' column "
            "('call' or 'cluster') or put 'calls' or 'clusters' (not both) in the file name"
        )
    records: list[AnyRecord] = []
    problems: list[str] = []
    first_seen: dict[str, str] = {}
    unknown: set[str] = set()
    for label, row, container_kind in rows:
        if row is None:
            problems.append(label)
            continue
        unknown.update(key for key in row if key not in _KNOWN)
        try:
            kind = _row_kind(row, container_kind or file_kind)
            provenance = Provenance(
                source_dataset="user-upload",
                licence="as provided by the user",
                retrieved_on=retrieved_on,
                record_ref=f"{name} {label}",
            )
            record = _call(row) if kind == "call" else _cluster(row)
            record = record.model_copy(update={"audience": audience, "provenance": (provenance,)})
        except f.FieldError as exc:
            problems.append(f"{label}: {exc}")
            continue
        if record.doc_id in first_seen:
            problems.append(f"{label}: duplicate of {first_seen[record.doc_id]} ({record.doc_id}); skipped")
            continue
        first_seen[record.doc_id] = label
        records.append(record)
    if unknown:
        listed = ", ".join(f"'{key}'" for key in sorted(unknown)[:10])
        problems.append(
            f"{name}: unknown field(s) {listed} ignored (see docs/record-schema.md for the names)"
        )
    return FileLoadResult(records=records, problems=problems)


def _row_kind(row: Row, default: Kind | None) -> Kind:
    raw = row.get("type")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if default is None:
            raise f.FieldError("type is missing; write 'call' or 'cluster'")
        return default
    kind = KINDS.get(field_key(str(raw)))
    if kind is None:
        raise f.FieldError(f"type '{str(raw)[:30]}' is neither 'call' nor 'cluster'")
    return kind


def _call(row: Row) -> FundingCall:
    identifier = f.required_text("identifier", row.get("identifier"))
    if not _IDENTIFIER.match(identifier):
        raise f.FieldError(
            f"identifier '{identifier[:40]}' may hold only letters, digits and . _ / : + - ( ) (at most 120)"
        )
    title = f.required_text("title", row.get("title"))
    call_kind = f.text("call_kind", row.get("call_kind")) or "topic"
    if call_kind not in ("topic", "cascade", "call_for_proposals"):
        raise f.FieldError(f"call_kind '{call_kind[:30]}' must be topic, cascade or call_for_proposals")
    opening = f.date("opening_date", row.get("opening_date"))
    deadline = f.deadline("deadline", row.get("deadline"))
    if opening and deadline and opening > deadline.date():
        raise f.FieldError(f"opening_date {opening} is after the deadline {deadline.date()}")
    low = f.amount("budget_per_project_min_eur", row.get("budget_per_project_min_eur"))
    high = f.amount("budget_per_project_max_eur", row.get("budget_per_project_max_eur"))
    if low is not None and high is not None and low > high:
        raise f.FieldError("budget_per_project_min_eur is larger than budget_per_project_max_eur")
    budget = Budget(
        total_eur=f.amount("budget_total_eur", row.get("budget_total_eur")),
        expected_grants=f.count("expected_grants", row.get("expected_grants")),
        min_contribution_eur=low,
        max_contribution_eur=high,
    )
    sections = [
        Section(heading=heading, text=body)
        for key, heading in _CALL_SECTIONS
        if (body := f.text(key, row.get(key))) is not None
    ]
    description = sections[0].text if sections and sections[0].heading == "Description" else None
    return FundingCall(
        doc_id=f"call:{identifier}",
        title=title,
        url=f.url("url", row.get("url")),
        call_kind=call_kind,
        topic_identifier=identifier,
        call_identifier=f.text("call_identifier", row.get("call_identifier")),
        call_title=f.text("call_title", row.get("call_title")),
        programme=f.text("programme", row.get("programme")),
        action_type=f.text("action_type", row.get("action_type")),
        opening_date=opening,
        deadline=deadline,
        budget=budget if budget != Budget() else None,
        summary=_summary(description) if description else None,
        sections=tuple(sections),
        keywords=f.text_list("keywords", row.get("keywords")),
    )


def _cluster(row: Row) -> ClusterProfile:
    name = f.required_text("name", row.get("name"))
    country = f.country("country", row.get("country"))
    website = f.url("website", row.get("website"))
    return ClusterProfile(
        doc_id=f"cluster:user:{slugify(name)}" + (f"-{country.lower()}" if country else ""),
        title=name,
        url=website,
        country=country,
        city=f.text("city", row.get("city")),
        region=f.text("region", row.get("region")),
        description=f.text("description", row.get("description")),
        sectors=tuple(
            SectorTag(sector=sector, inferred=False, source="profile")
            for sector in f.text_list("sectors", row.get("sectors"))
        ),
        technologies=f.text_list("technologies", row.get("technologies")),
        members=f.count("members", row.get("members")),
        collaboration_interests=f.text_list("collaboration_interests", row.get("collaboration_interests")),
        website=website,
    )


def _summary(description: str, limit: int = 300) -> str:
    """The description's opening, cut at a sentence end near ``limit`` characters."""
    if len(description) <= limit:
        return description
    cut = description[:limit]
    end = max(cut.rfind(". "), cut.rfind(".\n"))
    return cut[: end + 1] if end > limit // 3 else cut.rstrip() + "…"
