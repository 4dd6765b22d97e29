"""Record factories shared by the tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corpus.models import (
    Budget,
    ClusterProfile,
    FundingCall,
    PolicyDocument,
    Provenance,
    Section,
    SectorTag,
)

PROVENANCE = Provenance(
    source_dataset="tests", licence="CC0", retrieved_on=dt.date(2026, 8, 1), source_url=None
)


def make_call(identifier: str = "HORIZON-CL5-2027-07-D3-16", **overrides: Any) -> FundingCall:
    fields: dict[str, Any] = {
        "doc_id": f"call:{identifier}",
        "title": "Industrial processes for tandem PV technologies",
        "call_kind": "topic",
        "topic_identifier": identifier,
        "call_identifier": identifier.rsplit("-", 2)[0],
        "programme": "Horizon Europe (HORIZON)",
        "action_type": "HORIZON Innovation Actions",
        "opening_date": dt.date(2027, 8, 4),
        "deadline": dt.datetime(2027, 12, 1, 16, 0, tzinfo=dt.UTC),
        "budget": Budget(
            total_eur=28_500_000,
            expected_grants=3,
            min_contribution_eur=9_500_000,
            max_contribution_eur=9_500_000,
            years=("2027",),
        ),
        "url": f"https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/{identifier}",
        "sections": (
            Section(
                heading="Expected Outcome", text="Projects will scale up European tandem PV manufacturing."
            ),
            Section(heading="Scope", text="Pilot lines for perovskite-silicon tandem cells. " * 60),
        ),
        "provenance": (PROVENANCE,),
    }
    fields.update(overrides)
    return FundingCall(**fields)


def make_profile(name: str = "Baltic Battery Cluster", **overrides: Any) -> ClusterProfile:
    fields: dict[str, Any] = {
        "doc_id": "cluster:test:" + name.lower().replace(" ", "-"),
        "title": name,
        "country": "LT",
        "city": "Vilnius",
        "sectors": (
            SectorTag(
                sector="battery", inferred=True, evidence="name contains 'Battery'", source="name-keywords"
            ),
        ),
        "provenance": (PROVENANCE,),
    }
    fields.update(overrides)
    return ClusterProfile(**fields)


def make_policy(slug: str = "why-globalise", **overrides: Any) -> PolicyDocument:
    fields: dict[str, Any] = {
        "doc_id": f"policy:{slug}",
        "title": "Why globalise?",
        "sections": (
            Section(heading="Born global", text="Clusters help SMEs internationalise."),
            Section(heading="Barriers", text="Innovation barriers for cluster members."),
        ),
        "provenance": (PROVENANCE,),
    }
    fields.update(overrides)
    return PolicyDocument(**fields)
