"""ECCP cluster-organisation registry (name, country, city) → :class:`ClusterProfile` records.

The registry's ``city`` is sometimes a country name ("Deutschland", "España", "Österreich") or
free text; country names are dropped (``city=None``), free text is trimmed to its place name.
The registry's ecosystem tag is unreliable: it is kept only as ``source_ecosystem_tag``; sectors
are inferred from the name (:mod:`corpus.sectors`).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from corpus.models import ClusterProfile
from corpus.sectors import fold, infer_sectors
from corpus.sources import ECCP, SkippedItem
from corpus.text import clean_text

logger = logging.getLogger(__name__)

ECCP_FILE = "eccp_clusters.json"

# Country names (English and the registry's national languages, accent-folded) that show up in
# the city field. "Luxembourg" is left out on purpose: it is also the capital city.
COUNTRY_NAMES: frozenset[str] = frozenset(
    fold(name)
    for name in (
        "Albania", "Shqipëri", "Austria", "Österreich", "Belgium", "Belgique", "België", "Belgien",
        "Bosnia and Herzegovina", "Bulgaria", "България", "Croatia", "Hrvatska", "Cyprus", "Κύπρος",
        "Czechia", "Czech Republic", "Česko", "Česká republika", "Denmark", "Danmark", "Estonia", "Eesti",
        "Finland", "Suomi", "France", "Georgia", "Germany", "Deutschland", "Greece", "Ελλάδα", "Hellas",
        "Hungary", "Magyarország", "Ireland", "Éire", "Italy", "Italia", "Kosovo", "Latvia", "Latvija",
        "Lithuania", "Lietuva", "Malta", "Moldova", "Montenegro", "Crna Gora", "Netherlands",
        "The Netherlands", "Nederland", "North Macedonia", "Poland", "Polska", "Польша", "Portugal",
        "Romania", "România", "Serbia", "Srbija", "Slovakia", "Slovensko", "Slovenia", "Slovenija",
        "Spain", "España", "Sweden", "Sverige", "Turkey", "Türkiye", "Ukraine", "Україна", "Украина",
        "Norway", "Norge", "Iceland", "Switzerland", "Schweiz", "Suisse", "United Kingdom",
    )
)  # fmt: skip
_POSTCODE_PREFIX = re.compile(r"^\d{4,6}\s+")
_FREE_TEXT_TAIL = re.compile(r"\s+[-–]\s+.*:.*$")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lower-case ASCII slug of ``text`` ("Clúster Automoción" → "cluster-automocion")."""
    return _SLUG_JUNK.sub("-", fold(text)).strip("-") or "x"


def _title_case_word(word: str) -> str:
    return word[:1] + word[1:].replace("İ", "i").lower()


def clean_city(raw: str | None) -> str | None:
    """The city of a registry record, or None when the field holds a country name or nothing.

    Postcodes ("93053 Regensburg") and free-text tails ("Aarhus - Head Quarters, hubs: ...") are
    trimmed; all-capitals names are title-cased ("ZARAGOZA" → "Zaragoza").
    """
    if not raw:
        return None
    city = clean_text(raw)
    city = _FREE_TEXT_TAIL.sub("", _POSTCODE_PREFIX.sub("", city)).strip(" ,;")
    if not city or fold(city) in COUNTRY_NAMES:
        return None
    if city.isupper():
        city = re.sub(r"[^\W\d_]+", lambda match: _title_case_word(match.group(0)), city)
    return city


def build_profile(raw: dict[str, Any], *, doc_id: str) -> ClusterProfile:
    """One registry record as a :class:`ClusterProfile` with inferred sectors."""
    name = clean_text(str(raw["name"]))
    country = str(raw.get("country_iso2") or "").strip().upper() or None
    return ClusterProfile(
        doc_id=doc_id,
        title=name,
        provenance=(ECCP.provenance(name),),
        country=country,
        city=clean_city(raw.get("city")),
        sectors=infer_sectors(name),
        source_ecosystem_tag=raw.get("ecosystem_id") or None,
    )


def read_eccp(source_dir: Path) -> tuple[list[ClusterProfile], list[SkippedItem]]:
    """Read the ECCP registry into profiles (``doc_id`` = ``cluster:eccp:<slug of name>``).

    Args:
        source_dir: the ``eccp-cluster-registry`` folder.

    Returns:
        The profiles, and the records left out (no name) or whose city was dropped, with why.
    """
    records = json.loads((source_dir / ECCP_FILE).read_text(encoding="utf-8"))
    profiles: list[ClusterProfile] = []
    skipped: list[SkippedItem] = []
    used: set[str] = set()
    for raw in records:
        name = clean_text(str(raw.get("name") or ""))
        if not name:
            skipped.append(SkippedItem(dataset=ECCP.dataset, record_ref=None, reason="record without a name"))
            continue
        slug = slugify(name)
        doc_id, suffix = f"cluster:eccp:{slug}", 2
        while doc_id in used:  # names are unique, slugs need not be
            doc_id, suffix = f"cluster:eccp:{slug}-{suffix}", suffix + 1
        used.add(doc_id)
        profile = build_profile(raw, doc_id=doc_id)
        if raw.get("city") and profile.city is None:
            skipped.append(
                SkippedItem(
                    dataset=ECCP.dataset,
                    record_ref=name,
                    reason=f"city field {raw['city']!r} is a country name, not a city; city left empty",
                )
            )
        profiles.append(profile)
    logger.info("read %d ECCP profiles", len(profiles))
    return profiles, skipped
