"""Loaders that turn the raw public data (``../shared/data/raw``) into typed corpus records.

Each raw source has a :class:`SourceInfo` here: its dataset id, repository URL, licence as stated
in its ``SOURCE.md`` and a *fixed* retrieval date taken from the source (commit or snapshot date),
so that rebuilding the bundled corpus is reproducible. :func:`corpus.sources.raw.load_raw_records`
runs every loader.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from corpus.models import Provenance


class SourceInfo(BaseModel):
    """A raw data source: where it comes from, under which terms, as of which day."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dataset: str
    """Stable id of the source, used as ``Provenance.source_dataset``."""
    folder: str
    """Folder name under the raw data directory."""
    title: str
    url: str | None
    commit: str | None = None
    licence: str
    attribution: str
    retrieved_on: dt.date
    """Commit or snapshot date of the data (never the build day)."""

    def provenance(self, record_ref: str | None, *, licence: str | None = None) -> Provenance:
        """Provenance of one record of this source.

        Args:
            record_ref: the record's key inside the source, for tracing back.
            licence: a record-specific licence, when it differs from the source's.
        """
        return Provenance(
            source_dataset=self.dataset,
            source_url=self.url,
            licence=licence or self.licence,
            retrieved_on=self.retrieved_on,
            record_ref=record_ref,
        )


class SkippedItem(BaseModel):
    """A raw item a loader left out (or a raw value it dropped), with the reason."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dataset: str
    record_ref: str | None
    reason: str


_EC_REUSE = "European Commission reuse policy (Decision 2011/833/EU; CC BY 4.0 unless stated otherwise)"

GRANTSFEED = SourceInfo(
    dataset="eu-ft-calls-grantsfeed",
    folder="eu-ft-calls-grantsfeed",
    title="EU Funding & Tenders Portal calls, daily snapshots by eu-grants-feed",
    url="https://github.com/MichelNivard/eu-grants-feed",
    commit="cc355a79622e07e0c9d43a53024091b9d7f0a9a5",
    licence=f"No licence stated by the repository (redistribution unconfirmed); EC data: {_EC_REUSE}",
    attribution="European Commission, Funding & Tenders Portal; compiled by MichelNivard/eu-grants-feed",
    retrieved_on=dt.date(2026, 8, 22),
)
CORDISDATA = SourceInfo(
    dataset="eu-ft-topics-cordisdata",
    folder="eu-ft-topics-cordisdata",
    title="EU Funding & Tenders Portal topics (open + forthcoming), harvested by CordisData",
    url="https://github.com/OscarSalgado/CordisData",
    commit="ee1cc5f0ec5776a80339819fd78053545056d04d",
    licence=f"Apache-2.0 (repository); EC data: {_EC_REUSE}",
    attribution="European Commission, Funding & Tenders Portal; harvested by OscarSalgado/CordisData",
    retrieved_on=dt.date(2026, 8, 12),
)
ECCP = SourceInfo(
    dataset="eccp-cluster-registry",
    folder="eccp-cluster-registry",
    title="ECCP cluster-organisation registry (name, country, city) from the Cluster Manager game",
    url="https://github.com/ddbxl/cluster-manager",
    commit="e9db2f01bf3555df7c453481c898eb3b85c0e42d",
    licence=f"GPL-3.0 (repository); underlying ECCP facts: {_EC_REUSE}",
    attribution="European Cluster Collaboration Platform (ECCP); ddbxl/cluster-manager",
    # SOURCE.md gives no commit date: the day the raw extract was assembled.
    retrieved_on=dt.date(2026, 11, 23),
)
US_CLUSTER_MAPPING = SourceInfo(
    dataset="us-cluster-mapping",
    folder="us-cluster-mapping",
    title="U.S. Cluster Mapping Project data files and site pages",
    url="https://github.com/clustermapping/cmp",
    commit="f1b2b674482e3016a90dccfce9dc2c0c4638898b",
    licence="GPL-2.0 (repository LICENSE.txt; no separate data licence stated)",
    attribution=(
        "U.S. Cluster Mapping Project, Institute for Strategy and Competitiveness, Harvard Business School; "
        "U.S. Economic Development Administration"
    ),
    retrieved_on=dt.date(2020, 6, 9),
)
POLICY_BRIEFS = SourceInfo(
    dataset="policy-briefs",
    folder="policy-briefs",
    title="Policy briefs on cluster internationalisation (text extracts of public documents)",
    url=None,  # SOURCE.md names the documents and publishers but no download address
    licence=f"{_EC_REUSE}; U.S. federal government works: public domain in the U.S.",
    attribution="European Commission / European Cluster Collaboration Platform; U.S. Department of Commerce",
    # SOURCE.md gives no snapshot date: the day the raw extract was assembled.
    retrieved_on=dt.date(2026, 11, 23),
)

ALL_SOURCES: tuple[SourceInfo, ...] = (GRANTSFEED, CORDISDATA, ECCP, US_CLUSTER_MAPPING, POLICY_BRIEFS)

__all__ = [
    "ALL_SOURCES",
    "CORDISDATA",
    "ECCP",
    "GRANTSFEED",
    "POLICY_BRIEFS",
    "SkippedItem",
    "SourceInfo",
    "US_CLUSTER_MAPPING",
]
