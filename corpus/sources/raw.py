"""Run every raw-source loader: the one entry point from ``../shared/data/raw`` to records."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from corpus.models import AnyRecord, ClusterProfile, FundingCall, PolicyDocument
from corpus.sources import (
    CORDISDATA,
    ECCP,
    GRANTSFEED,
    POLICY_BRIEFS,
    US_CLUSTER_MAPPING,
    SkippedItem,
)
from corpus.sources.eccp import read_eccp
from corpus.sources.ft_calls import read_feed
from corpus.sources.ft_topics import read_topics
from corpus.sources.merge_calls import merge_calls
from corpus.sources.policy_briefs import read_policy_briefs, read_us_policy_documents
from corpus.sources.us_mapping import read_us_organisations

logger = logging.getLogger(__name__)


@dataclass
class RawLoadResult:
    """Every record loaded from the raw data, and what was left out with why."""

    calls: list[FundingCall] = field(default_factory=list)
    clusters: list[ClusterProfile] = field(default_factory=list)
    policies: list[PolicyDocument] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)

    @property
    def records(self) -> list[AnyRecord]:
        """All records, calls then clusters then policy documents, each sorted by ``doc_id``."""
        return [
            *sorted(self.calls, key=lambda r: r.doc_id),
            *sorted(self.clusters, key=lambda r: r.doc_id),
            *sorted(self.policies, key=lambda r: r.doc_id),
        ]


def load_raw_records(raw_dir: Path) -> RawLoadResult:
    """Load, clean and merge every raw source under ``raw_dir``.

    Args:
        raw_dir: the raw data folder (``../shared/data/raw``), one sub-folder per source.

    Returns:
        The records and the skipped items.

    Raises:
        FileNotFoundError: when ``raw_dir`` or one of the source files is missing.
    """
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw data folder not found: {raw_dir}")
    result = RawLoadResult()
    feed, skipped = read_feed(raw_dir / GRANTSFEED.folder)
    result.skipped.extend(skipped)
    topics = read_topics(raw_dir / CORDISDATA.folder)
    calls, skipped = merge_calls(feed, topics)
    result.calls.extend(calls)
    result.skipped.extend(skipped)

    eccp, skipped = read_eccp(raw_dir / ECCP.folder)
    result.clusters.extend(eccp)
    result.skipped.extend(skipped)
    us_orgs, skipped = read_us_organisations(raw_dir / US_CLUSTER_MAPPING.folder)
    result.clusters.extend(us_orgs)
    result.skipped.extend(skipped)

    briefs, skipped = read_policy_briefs(raw_dir / POLICY_BRIEFS.folder)
    result.policies.extend(briefs)
    result.skipped.extend(skipped)
    result.policies.extend(read_us_policy_documents(raw_dir / US_CLUSTER_MAPPING.folder))

    ids = [record.doc_id for record in result.records]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate doc_id across sources")
    logger.info(
        "loaded %d calls, %d clusters, %d policy documents (%d skipped items)",
        len(result.calls),
        len(result.clusters),
        len(result.policies),
        len(result.skipped),
    )
    return result
