"""Structure-aware chunking: calls by section, one card per profile, policy texts by heading.

Every chunk starts with a short context line (document title, identifier, section) so that a
passage read alone — by BM25, the embedder or a reader — still says what it belongs to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from langchain_text_splitters import RecursiveCharacterTextSplitter

from corpus.models import (
    AnyRecord,
    Budget,
    Chunk,
    ClusterProfile,
    FundingCall,
    MetadataValue,
    PolicyDocument,
    Section,
)
from corpus.places import country_name

CHUNKER_VERSION = "2"
"""Bump when chunking changes: stored documents are then re-chunked on the next ingest."""

MAX_CHUNK_CHARS = 1200
CHUNK_OVERLAP_CHARS = 150
_SPLITTER = RecursiveCharacterTextSplitter(
    chunk_size=MAX_CHUNK_CHARS,
    chunk_overlap=CHUNK_OVERLAP_CHARS,
    separators=["\n\n", "\n", ". ", "; ", ", ", " ", ""],
    keep_separator="end",
)


def chunk_record(record: AnyRecord) -> list[Chunk]:
    """Cut one record into chunks, numbered from 0 in reading order."""
    if isinstance(record, FundingCall):
        return _number(record, _call_pieces(record), _call_metadata(record))
    if isinstance(record, ClusterProfile):
        return _number(record, [(None, profile_card(record))], _profile_metadata(record))
    return _number(record, _policy_pieces(record), _common_metadata(record))


_BOILERPLATE_SECTIONS = frozenset({"conditions"})
"""Sections whose text is mostly the same legal boilerplate across calls (admissibility, financial
capacity, ...): the dense index embeds their header and opening only — a third of all chunks,
about a fifth of the embedding time — while BM25 still indexes every word."""
_BOILERPLATE_EMBED_CHARS = 200


def _embed_text(section: str | None, text: str) -> str | None:
    if section is None or section.strip().lower() not in _BOILERPLATE_SECTIONS:
        return None
    return text[:_BOILERPLATE_EMBED_CHARS]


def _number(
    record: AnyRecord, pieces: Sequence[tuple[str | None, str]], metadata: dict[str, MetadataValue]
) -> list[Chunk]:
    chunks = []
    for position, (section, text) in enumerate(pieces):
        chunk_metadata = dict(metadata)
        if section:
            chunk_metadata["section"] = section
        chunks.append(
            Chunk(
                chunk_id=f"{record.doc_id}#{position}",
                doc_id=record.doc_id,
                doc_type=record.doc_type,
                position=position,
                section=section,
                text=text,
                title=record.title,
                identifier=record.identifier,
                url=record.url,
                metadata=chunk_metadata,
                embed_text=_embed_text(section, text),
            )
        )
    return chunks


def _split(text: str) -> list[str]:
    text = text.strip()
    if not text:
        return []
    if len(text) <= MAX_CHUNK_CHARS:
        return [text]
    return [piece.strip() for piece in _SPLITTER.split_text(text) if piece.strip()]


def _sectioned(header: str, sections: Iterable[Section]) -> list[tuple[str | None, str]]:
    pieces: list[tuple[str | None, str]] = []
    for section in sections:
        for part in _split(section.text):
            pieces.append((section.heading, f"{header} — {section.heading}\n{part}"))
    return pieces


# --- funding calls ---------------------------------------------------------------------------


def format_eur(amount: float | None) -> str | None:
    """``12500000`` → ``EUR 12.5 million``; small amounts in full."""
    if amount is None:
        return None
    if amount >= 1_000_000:
        return f"EUR {amount / 1_000_000:,.2f}".rstrip("0").rstrip(".") + " million"
    return f"EUR {amount:,.0f}"


def budget_sentence(budget: Budget | None) -> str | None:
    """One human sentence about a call's budget, or None when nothing is known."""
    if budget is None:
        return None
    parts = []
    if (total := format_eur(budget.total_eur)) is not None:
        parts.append(f"total budget {total}")
    low, high = format_eur(budget.min_contribution_eur), format_eur(budget.max_contribution_eur)
    if low and high and low != high:
        parts.append(f"{low} to {high} per project")
    elif low or high:
        parts.append(f"{low or high} per project")
    if budget.expected_grants:
        parts.append(f"{budget.expected_grants} expected grants")
    return ("Budget: " + ", ".join(parts) + ".") if parts else None


def call_card(call: FundingCall) -> str:
    """The call's facts as a short text: what it is, who runs it, when, how much."""
    lines = [f"Funding call: {call.title}"]
    if call.call_kind == "cascade":
        parent = f" — {call.call_title}" if call.call_title and call.call_title != call.title else ""
        lines.append(f"Cascade-funding open call for SMEs under {call.topic_identifier}{parent}")
    else:
        lines.append(f"Identifier: {call.topic_identifier}")
    if call.call_identifier and call.call_identifier != call.topic_identifier:
        lines.append(f"Call: {call.call_identifier}" + (f" — {call.call_title}" if call.call_title else ""))
    if call.programme:
        lines.append(f"Programme: {call.programme}")
    if call.destination:
        lines.append(f"Destination: {call.destination}")
    if call.action_type:
        lines.append(f"Type of action: {call.action_type}")
    if call.opening_date:
        lines.append(f"Opens: {call.opening_date.isoformat()}")
    if call.deadline:
        lines.append(f"Deadline: {call.deadline.date().isoformat()} {call.deadline.strftime('%H:%M')} UTC")
    if call.deadline_model:
        lines.append(f"Deadline model: {call.deadline_model}")
    if (budget := budget_sentence(call.budget)) is not None:
        lines.append(budget)
    if call.summary and call.summary != call.title:
        lines.append(call.summary)
    if call.keywords:
        lines.append("Keywords: " + ", ".join(call.keywords))
    return "\n".join(lines)


def _call_pieces(call: FundingCall) -> list[tuple[str | None, str]]:
    header = f"{call.title} ({call.topic_identifier})"
    return [("Overview", call_card(call)), *_sectioned(header, call.sections)]


def _ymd(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def _call_metadata(call: FundingCall) -> dict[str, MetadataValue]:
    metadata = _common_metadata(call)
    metadata["call_kind"] = call.call_kind
    metadata["topic_identifier"] = call.topic_identifier
    if call.programme:
        metadata["programme"] = call.programme
    if call.call_identifier:
        metadata["call_identifier"] = call.call_identifier
    if call.action_type:
        metadata["action_type"] = call.action_type
    if call.opening_date:
        metadata["opening_date"] = call.opening_date.isoformat()
        metadata["opening_ymd"] = _ymd(call.opening_date)
    if call.deadline:
        metadata["deadline"] = call.deadline.date().isoformat()
        metadata["deadline_ymd"] = _ymd(call.deadline.date())
    if call.budget and call.budget.total_eur is not None:
        metadata["budget_total_eur"] = float(call.budget.total_eur)
    return metadata


# --- cluster profiles ------------------------------------------------------------------------


def profile_card(profile: ClusterProfile) -> str:
    """One card per organisation: name, place, sectors (inferred ones said to be inferred), details."""
    place = ", ".join(part for part in (profile.city, profile.region, country_name(profile.country)) if part)
    lines = [f"Cluster organisation: {profile.title}" + (f" ({place})" if place else "")]
    given = [tag.sector for tag in profile.sectors if not tag.inferred]
    inferred = [tag.sector for tag in profile.sectors if tag.inferred]
    if given:
        lines.append("Sectors: " + ", ".join(given))
    if inferred:
        lines.append("Sectors (inferred from name/category): " + ", ".join(inferred))
    if profile.cluster_categories:
        lines.append("US cluster categories: " + ", ".join(profile.cluster_categories))
    if profile.technologies:
        lines.append("Technologies: " + ", ".join(profile.technologies))
    if profile.collaboration_interests:
        lines.append("Looking for: " + ", ".join(profile.collaboration_interests))
    if profile.members is not None:
        lines.append(f"Members: {profile.members}")
    if profile.website:
        lines.append(f"Website: {profile.website}")
    if profile.description:
        lines.append(profile.description)
    return "\n".join(lines)


def _profile_metadata(profile: ClusterProfile) -> dict[str, MetadataValue]:
    metadata = _common_metadata(profile)
    if profile.country:
        metadata["country"] = profile.country
    if profile.city:
        metadata["city"] = profile.city
    if profile.sectors:
        metadata["sectors"] = "|".join(sorted({tag.sector for tag in profile.sectors}))
        metadata["sectors_inferred"] = all(tag.inferred for tag in profile.sectors)
    return metadata


# --- policy documents ------------------------------------------------------------------------


def _policy_pieces(document: PolicyDocument) -> list[tuple[str | None, str]]:
    sections = document.sections or (Section(heading=document.title, text=document.title),)
    return _sectioned(document.title, sections)


def _common_metadata(record: AnyRecord) -> dict[str, MetadataValue]:
    return {"audience": record.audience.value, "doc_type": record.doc_type.value}
