"""U.S. Cluster Mapping data: cluster organisations, cluster definitions, related clusters.

``CurrentOrganizationsAndClusters.csv`` has CR-only line endings and duplicated rows (2,237 rows,
237 distinct): it is read with universal newlines and de-duplicated into one profile per
organisation, with the sorted distinct cluster categories it is mapped to.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from corpus.models import ClusterProfile
from corpus.sectors import infer_sectors
from corpus.sources import US_CLUSTER_MAPPING, SkippedItem
from corpus.text import clean_text

logger = logging.getLogger(__name__)

ORGANISATIONS_FILE = "CurrentOrganizationsAndClusters.csv"
CLUSTERS_FILE = "clusters-list.json"
RELATED_FILE = "relatedClusters.json"
PAGES_FILE = "site_pages.json"


class USClusterDefinition(BaseModel):
    """One US benchmark cluster definition (clusters-list.json)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    name: str
    cluster_type: str
    key: str
    year: str | None = None
    naics: tuple[str, ...] = ()
    sub_clusters: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    """Most related clusters (by co-location/input-output relatedness), best first."""


def read_us_organisations(source_dir: Path) -> tuple[list[ClusterProfile], list[SkippedItem]]:
    """One :class:`ClusterProfile` per distinct organisation (``doc_id`` = ``cluster:us:<org_id>``).

    Args:
        source_dir: the ``us-cluster-mapping`` folder.

    Returns:
        The profiles sorted by org id, and the rows left out with why.
    """
    raw = (source_dir / ORGANISATIONS_FILE).read_bytes().decode("utf-8-sig")
    # newline=None turns the CR-only line endings into rows (universal newlines).
    rows = csv.DictReader(io.StringIO(raw, newline=None))
    titles: dict[str, str] = {}
    categories: dict[str, set[str]] = defaultdict(set)
    skipped: list[SkippedItem] = []
    for row in rows:
        org_id = (row.get("org_id") or "").strip()
        title = clean_text(row.get("org_title") or "")
        category = clean_text(row.get("cluster_name") or "")
        if not org_id or not title:
            skipped.append(
                SkippedItem(
                    dataset=US_CLUSTER_MAPPING.dataset,
                    record_ref=org_id or None,
                    reason="row without id or name",
                )
            )
            continue
        titles.setdefault(org_id, title)
        if category:
            categories[org_id].add(category)
    profiles = []
    for org_id in sorted(titles, key=lambda value: (len(value), value)):
        cluster_categories = tuple(sorted(categories[org_id]))
        profiles.append(
            ClusterProfile(
                doc_id=f"cluster:us:{org_id}",
                title=titles[org_id],
                provenance=(US_CLUSTER_MAPPING.provenance(org_id),),
                country="US",
                cluster_categories=cluster_categories,
                sectors=infer_sectors(titles[org_id], us_categories=cluster_categories),
            )
        )
    logger.info("read %d US cluster organisations", len(profiles))
    return profiles, skipped


def _related(records: list[dict[str, Any]], *, top: int) -> dict[str, tuple[str, ...]]:
    by_cluster: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for record in records:
        first, second = record.get("cluster_name"), record.get("cluster_name_2")
        if not first or not second or first == second:
            continue
        try:
            score = float(record.get("cr_all_pc") or 0)
        except ValueError:
            continue
        by_cluster[first].append((score, second))
    return {
        name: tuple(other for _, other in sorted(pairs, key=lambda pair: (-pair[0], pair[1]))[:top])
        for name, pairs in by_cluster.items()
    }


def read_us_cluster_definitions(source_dir: Path, *, related_top: int = 5) -> list[USClusterDefinition]:
    """The 67 benchmark cluster definitions with sub-clusters and their most related clusters.

    Args:
        source_dir: the ``us-cluster-mapping`` folder.
        related_top: how many related clusters to keep per cluster (by ``cr_all_pc`` percentile);
            0 skips reading the relatedness file.
    """
    clusters = json.loads((source_dir / CLUSTERS_FILE).read_text(encoding="utf-8"))
    related: dict[str, tuple[str, ...]] = {}
    related_path = source_dir / RELATED_FILE
    if related_top > 0 and related_path.exists():
        related = _related(json.loads(related_path.read_text(encoding="utf-8")), top=related_top)
    definitions = []
    for raw in clusters:
        name = clean_text(str(raw.get("name_t") or ""))
        if not name:
            continue
        definitions.append(
            USClusterDefinition(
                code=str(raw.get("id") or "").rsplit("/", 1)[-1],
                name=name,
                cluster_type=str(raw.get("type_t") or ""),
                key=str(raw.get("key_t") or ""),
                year=raw.get("year_t"),
                naics=tuple(str(code) for code in raw.get("naics_txt") or ()),
                sub_clusters=tuple(clean_text(str(sub)) for sub in (raw.get("sub_clusters") or {}).values()),
                related=related.get(name, ()),
            )
        )
    return definitions


def read_site_pages(source_dir: Path) -> list[dict[str, Any]]:
    """The raw explanatory pages (``key``, ``title``, ``source_path``, ``html``)."""
    pages = json.loads((source_dir / PAGES_FILE).read_text(encoding="utf-8"))
    return [page for page in pages if isinstance(page, dict)]
