"""A small synthetic corpus of chunks (calls, clusters, policy texts) for retrieval tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corpus.models import Chunk, DocType, MetadataValue

TODAY = dt.date(2026, 5, 10)


def _ymd(day: str) -> int:
    return int(day.replace("-", ""))


def call_chunks(
    doc_id: str,
    *,
    identifier: str,
    title: str,
    programme: str,
    scope: str,
    opening: str | None = None,
    deadline: str | None = None,
    kind: str = "topic",
    audience: str = "public",
    budget: float | None = None,
) -> list[Chunk]:
    """An overview card and a scope chunk, with metadata as the chunker writes it."""
    metadata: dict[str, MetadataValue] = {
        "audience": audience,
        "doc_type": "call",
        "call_kind": kind,
        "topic_identifier": identifier,
        "programme": programme,
    }
    if opening:
        metadata.update(opening_date=opening, opening_ymd=_ymd(opening))
    if deadline:
        metadata.update(deadline=deadline, deadline_ymd=_ymd(deadline))
    if budget is not None:
        metadata["budget_total_eur"] = budget
    card = f"Funding call: {title}\nIdentifier: {identifier}\nProgramme: {programme}"
    if opening:
        card += f"\nOpens: {opening}"
    if deadline:
        card += f"\nDeadline: {deadline} 17:00 UTC"
    pieces = [("Overview", card), ("Scope", f"{title} ({identifier}) — Scope\n{scope}")]
    return [
        Chunk(
            chunk_id=f"{doc_id}#{position}",
            doc_id=doc_id,
            doc_type=DocType.CALL,
            position=position,
            section=section,
            text=text,
            title=title,
            identifier=identifier,
            url=f"https://example.org/calls/{doc_id}",
            metadata={**metadata, "section": section},
        )
        for position, (section, text) in enumerate(pieces)
    ]


def cluster_chunk(
    doc_id: str, name: str, *, country: str, city: str, sectors: str, about: str, audience: str = "public"
) -> list[Chunk]:
    """One profile card."""
    metadata: dict[str, MetadataValue] = {
        "audience": audience,
        "doc_type": "cluster",
        "country": country,
        "city": city,
        "sectors": sectors,
    }
    text = f"Cluster organisation: {name} ({city}, {country})\nSectors: {sectors.replace('|', ', ')}\n{about}"
    return [
        Chunk(
            chunk_id=f"{doc_id}#0",
            doc_id=doc_id,
            doc_type=DocType.CLUSTER,
            position=0,
            text=text,
            title=name,
            metadata=metadata,
        )
    ]


def policy_chunks(doc_id: str, title: str, paragraphs: list[str], **extra: Any) -> list[Chunk]:
    """One chunk per paragraph."""
    return [
        Chunk(
            chunk_id=f"{doc_id}#{position}",
            doc_id=doc_id,
            doc_type=DocType.POLICY,
            position=position,
            section=title,
            text=f"{title}\n{paragraph}",
            title=title,
            metadata={"audience": "public", "doc_type": "policy", **extra},
        )
        for position, paragraph in enumerate(paragraphs)
    ]


def synthetic_corpus() -> dict[str, list[Chunk]]:
    """doc_id → chunks: 9 calls, 14 clusters, 3 policy documents (~42 chunks)."""
    docs: dict[str, list[Chunk]] = {}

    def add(chunks: list[Chunk]) -> None:
        docs[chunks[0].doc_id] = chunks

    hz = "Horizon Europe (HORIZON)"
    add(
        call_chunks(
            "call-ssri",
            identifier="HORIZON-CL3-2027-01-SSRI-01",
            programme=hz,
            title="Supply chain security and resilience of critical infrastructure",
            scope="Projects improve the resilience of critical infrastructure operators against hybrid "
            "threats and supply chain disruption.",
            opening="2026-05-12",
            deadline="2026-09-16",
            budget=12_000_000.0,
        )
    )
    add(
        call_chunks(
            "call-i3",
            identifier="I3-2026-INV1",
            programme="Interregional Innovation Investments Instrument (I3)",
            title="Interregional innovation investments: thematic investments",
            scope="Support interregional partnerships of regional innovation ecosystems to commercialise "
            "and scale up innovation in smart specialisation areas.",
            opening="2026-02-01",
            deadline="2026-05-10",
            budget=90_000_000.0,
        )
    )
    smp = "Single Market Programme (SMP)"
    add(
        call_chunks(
            "call-euroclusters-green",
            identifier="SMP-COSME-2024-CLUSTER-01",
            programme=smp,
            kind="cascade",
            title="Euroclusters open call for SMEs: green transition vouchers",
            scope="Cascade funding for SMEs in the battery value chain to adopt green technologies with "
            "vouchers of up to EUR 60,000.",
            opening="2026-03-01",
            deadline="2026-07-31",
        )
    )
    add(
        call_chunks(
            "call-euroclusters-intl",
            identifier="SMP-COSME-2024-CLUSTER-01",
            programme=smp,
            kind="cascade",
            title="Euroclusters open call for SMEs: internationalisation missions",
            scope="Support for SMEs joining cluster internationalisation missions to third countries.",
            opening="2025-09-01",
            deadline="2026-01-31",
        )
    )
    add(
        call_chunks(
            "call-life",
            identifier="LIFE-2026-SAP-ENV",
            programme="Programme for the Environment and Climate Action (LIFE)",
            title="Circular economy and quality of life standard action projects",
            scope="Recycling, waste reduction and circular economy business models.",
            opening="2026-04-01",
            deadline="2026-09-30",
        )
    )
    add(
        call_chunks(
            "call-digital",
            identifier="DIGITAL-2026-AI-01-TEF",
            programme="Digital Europe Programme (DIGITAL)",
            title="Testing and experimentation facilities for artificial intelligence",
            scope="Testing facilities where companies try artificial intelligence in manufacturing.",
            opening="2025-10-01",
            deadline="2026-01-15",
        )
    )
    add(
        call_chunks(
            "call-accelerator",
            identifier="HORIZON-EIC-2026-ACCELERATOR-01",
            programme=hz,
            title="EIC Accelerator continuous submission",
            scope="Grants and equity for start-ups scaling deep-tech innovations, continuous submission.",
            opening="2025-01-01",
        )
    )
    add(
        call_chunks(
            "call-cerv",
            identifier="CERV-2026-CITIZENS-VALUES",
            programme="Citizens, Equality, Rights and Values Programme (CERV)",
            title="Citizens engagement and participation",
            scope="Civil society projects on democratic participation.",
        )
    )
    add(
        call_chunks(
            "call-internal",
            identifier="HORIZON-CL5-2027-02-D2-05",
            programme=hz,
            audience="internal",
            title="Battery manufacturing pilot lines (internal shortlist)",
            scope="Internal note: battery cell manufacturing pilot lines shortlist for members.",
            opening="2026-04-01",
            deadline="2026-10-01",
        )
    )

    clusters = [
        (
            "cl-cz-battery",
            "Czech Battery Cluster",
            "CZ",
            "Prague",
            "battery",
            "Batteries, energy storage and battery recycling in Czechia.",
        ),
        (
            "cl-sk-battery",
            "Slovak Battery Alliance",
            "SK",
            "Bratislava",
            "battery|Mobility-Transport-Automotive",
            "Battery cells for electric vehicles.",
        ),
        (
            "cl-es-battery",
            "Battery Valley Spain",
            "ES",
            "Bilbao",
            "battery",
            "Battery manufacturing and energy storage companies in the Basque Country.",
        ),
        (
            "cl-de-auto",
            "Bavarian Automotive Cluster",
            "DE",
            "Munich",
            "Mobility-Transport-Automotive",
            "Car makers and automotive suppliers in Bavaria.",
        ),
        (
            "cl-at-mobility",
            "ACstyria Mobilitätscluster",
            "AT",
            "Graz",
            "Mobility-Transport-Automotive",
            "Automotive, aerospace and rail suppliers in Styria.",
        ),
        (
            "cl-fi-hydrogen",
            "Finnish Hydrogen Valley",
            "FI",
            "Oulu",
            "hydrogen",
            "Hydrogen production, fuel cells and electrolysers.",
        ),
        (
            "cl-es-aero",
            "Andalusia Aerospace Cluster",
            "ES",
            "Seville",
            "aerospace-defence",
            "Aircraft manufacturing and aerospace engineering in Andalusia.",
        ),
        (
            "cl-pl-energy",
            "Silesian Energy Cluster",
            "PL",
            "Katowice",
            "Renewable Energy",
            "Renewable energy and the coal region's energy transition.",
        ),
        (
            "cl-se-photonics",
            "Nordic Photonics Network",
            "SE",
            "Stockholm",
            "electronics",
            "Photonics, lasers and optical sensors.",
        ),
        (
            "cl-it-agrifood",
            "Lombardy Agrifood Cluster",
            "IT",
            "Milan",
            "Agri-food",
            "Food processing and agritech.",
        ),
        ("cl-be-food", "Flanders Food", "BE", "Ghent", "Agri-food", "Food industry innovation in Flanders."),
        (
            "cl-us-energy",
            "Texas Energy Cluster",
            "US",
            "Houston",
            "Renewable Energy",
            "Oil, gas and renewable energy companies.",
        ),
        (
            "cl-at-plastics",
            "Plastics Cluster Upper Austria",
            "AT",
            "Linz",
            "energy-intensive",
            "Plastics processing and recycling.",
        ),
    ]
    for doc_id, name, country, city, sectors, about in clusters:
        add(cluster_chunk(doc_id, name, country=country, city=city, sectors=sectors, about=about))
    add(
        cluster_chunk(
            "cl-internal",
            "Internal Partner Notes Cluster",
            country="DE",
            city="Berlin",
            sectors="battery",
            about="Internal notes about battery partners.",
            audience="internal",
        )
    )

    norway = "Norway's cluster internationalisation programme"
    add(
        policy_chunks(
            "pol-norway",
            norway,
            [
                "Norway supported cluster internationalisation through Norwegian Innovation Clusters.",
                "Norway's cluster internationalisation programme funded missions for clusters to go abroad.",
                "Through the programme, Norway helped clusters internationalise with export missions.",
                "Norwegian clusters internationalised with support for international partnerships.",
            ],
            country="NO",
        )
    )
    add(
        policy_chunks(
            "pol-why-globalise",
            "Why globalise? Cluster internationalisation",
            [
                "Cluster internationalisation helps SMEs access foreign markets and global value chains.",
                "Clusters internationalise by joining European Strategic Cluster Partnerships.",
            ],
        )
    )
    add(
        policy_chunks(
            "pol-mapping",
            "EU-US cluster mapping workshop",
            [
                "The workshop compared cluster mapping methods in the European Union and the United States.",
                "Cluster mapping data show where industries concentrate regionally.",
            ],
        )
    )
    return docs


def all_chunks() -> list[Chunk]:
    """Every chunk of :func:`synthetic_corpus`."""
    return [chunk for chunks in synthetic_corpus().values() for chunk in chunks]
