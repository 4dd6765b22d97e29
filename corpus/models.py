"""Typed corpus records and the common document/chunk model.

Three record types — :class:`FundingCall`, :class:`ClusterProfile`, :class:`PolicyDocument` — each
carry their :class:`Provenance`. They are stored as JSON in the record store (the source of truth)
and cut into :class:`Chunk` objects for the indexes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter


class DocType(StrEnum):
    CALL = "call"
    CLUSTER = "cluster"
    POLICY = "policy"


class CallStatus(StrEnum):
    FORTHCOMING = "forthcoming"
    OPEN = "open"
    CLOSED = "closed"


class Audience(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Provenance(_Frozen):
    """Where a record came from."""

    source_dataset: str
    source_url: str | None = None
    licence: str
    retrieved_on: dt.date
    record_ref: str | None = None
    """The record's key inside the source (e.g. the F&T ``id``), for tracing back."""


class Section(_Frozen):
    """A titled part of a longer text (a call's 'Expected outcome', a policy heading)."""

    heading: str
    text: str


class Budget(_Frozen):
    total_eur: float | None = None
    expected_grants: int | None = None
    min_contribution_eur: float | None = None
    max_contribution_eur: float | None = None
    years: tuple[str, ...] = ()


class SectorTag(_Frozen):
    """A sector of an organisation; ``inferred`` tags come with the evidence that triggered them."""

    sector: str
    inferred: bool
    evidence: str | None = None
    source: str | None = None
    """What inferred it: ``name-keywords``, ``us-cluster-definition``, or ``profile`` for given ones."""


class _Record(_Frozen):
    doc_id: str
    title: str
    url: str | None = None
    audience: Audience = Audience.PUBLIC
    provenance: tuple[Provenance, ...] = ()

    @property
    def identifier(self) -> str | None:
        return None

    def content_hash(self) -> str:
        """Stable hash of the record's content (provenance's retrieval day excluded)."""
        payload = self.model_dump(mode="json", exclude={"provenance"})
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()


class FundingCall(_Record):
    """A funding opportunity: an F&T topic, a call for proposals, or a cascade-funding open call."""

    doc_type: Literal[DocType.CALL] = DocType.CALL
    call_kind: Literal["topic", "cascade", "call_for_proposals"]
    topic_identifier: str
    """F&T topic/call identifier (cascade calls: the parent topic, e.g. SMP-COSME-2024-CLUSTER-01)."""
    call_identifier: str | None = None
    call_title: str | None = None
    programme: str | None = None
    programme_divisions: tuple[str, ...] = ()
    destination: str | None = None
    action_type: str | None = None
    opening_date: dt.date | None = None
    deadline: dt.datetime | None = None
    """Deadline in UTC (F&T deadlines are usually 17:00 Brussels time)."""
    deadline_model: str | None = None
    budget: Budget | None = None
    summary: str | None = None
    sections: tuple[Section, ...] = ()
    """Description split by its headings: Expected outcome, Scope, Objective, Conditions, ..."""
    keywords: tuple[str, ...] = ()
    source_status_label: str | None = None
    """The stale status label of the source; informational only, never used for status."""

    @property
    def identifier(self) -> str | None:
        return self.topic_identifier

    @property
    def deadline_date(self) -> dt.date | None:
        return self.deadline.date() if self.deadline else None


class ClusterProfile(_Record):
    """A cluster organisation. ``title`` is its name."""

    doc_type: Literal[DocType.CLUSTER] = DocType.CLUSTER
    country: str | None = None
    """ISO 3166-1 alpha-2 (XK for Kosovo, US for the US organisations)."""
    city: str | None = None
    region: str | None = None
    description: str | None = None
    sectors: tuple[SectorTag, ...] = ()
    technologies: tuple[str, ...] = ()
    members: int | None = None
    collaboration_interests: tuple[str, ...] = ()
    website: str | None = None
    cluster_categories: tuple[str, ...] = ()
    """US Cluster Mapping categories the organisation is mapped to (e.g. 'Aerospace Vehicles and Defense')."""
    source_ecosystem_tag: str | None = None
    """The registry's own ecosystem tag, kept for reference; known to be unreliable."""

    @property
    def name(self) -> str:
        return self.title


class PolicyDocument(_Record):
    """A policy text: brief, report, web page, or any file a user ingested."""

    doc_type: Literal[DocType.POLICY] = DocType.POLICY
    publisher: str | None = None
    published: str | None = None
    """Publication date or year as the document states it (e.g. '2017' or '2024-06-26')."""
    source_format: str = "text"
    """pdf, docx, html, markdown, text."""
    sections: tuple[Section, ...] = ()


Record = Annotated[FundingCall | ClusterProfile | PolicyDocument, Field(discriminator="doc_type")]
RECORD_ADAPTER: TypeAdapter[FundingCall | ClusterProfile | PolicyDocument] = TypeAdapter(Record)
AnyRecord = FundingCall | ClusterProfile | PolicyDocument


def record_from_json(data: str | bytes | dict[str, Any]) -> AnyRecord:
    """Parse one record from its JSON form (as written in the bundled corpus and the record store)."""
    if isinstance(data, dict):
        return RECORD_ADAPTER.validate_python(data)
    return RECORD_ADAPTER.validate_json(data)


MetadataValue = str | int | float | bool


class Chunk(_Frozen):
    """A retrievable passage of a document. ``metadata`` holds flat scalars only (Chroma's rule)."""

    chunk_id: str
    doc_id: str
    doc_type: DocType
    position: int
    """0-based position of the chunk inside its document."""
    section: str | None = None
    text: str
    title: str
    identifier: str | None = None
    url: str | None = None
    metadata: dict[str, MetadataValue] = Field(default_factory=dict)
    embed_text: str | None = None
    """What the dense index embeds when it differs from ``text`` (boilerplate sections embed their
    header only; BM25 and readers always see the full ``text``)."""

    @property
    def dense_text(self) -> str:
        return self.embed_text or self.text
