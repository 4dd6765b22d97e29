"""Sector inference from names (several languages) and US cluster categories."""

from __future__ import annotations

import pytest

from corpus.sectors import (
    ECOSYSTEMS,
    SECTOR_SYNONYMS,
    TECHNOLOGIES,
    US_CATEGORY_TAGS,
    any_sector_matches,
    infer_sectors,
    is_ecosystem,
    mentions_sector,
    sector_matches,
    sectors_from_name,
)


def _sectors(name: str) -> set[str]:
    return {tag.sector for tag in infer_sectors(name)}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Batterie-Cluster Baden-Württemberg", {"battery", "Renewable Energy"}),
        ("Clúster de Automoción de Galicia", {"Mobility-Transport-Automotive"}),
        ("ACstyria Mobilitätscluster", {"Mobility-Transport-Automotive"}),
        ("Automobil-Cluster Ostdeutschland", {"Mobility-Transport-Automotive"}),
        ("Polski Klaster Żywności", {"Agri-food"}),
        ("Galician ICT Cluster", {"Digital"}),
        ("AI Innovation Hub", {"AI", "Digital"}),
        ("Biotechnology Cluster Zagreb", {"biotechnology", "Health"}),
        ("Hellenic BioCluster", {"Health"}),
        ("Biomasa Clúster", {"Renewable Energy"}),
        ("PhotonicNet GmbH", {"photonics", "Electronics"}),
        ("Clúster de la Madera y el Mueble", {"wood", "Construction"}),
        ("Holzcluster Steiermark", {"wood", "Construction"}),
        ("Cluster Turismo de Galicia", {"Tourism"}),
        ("Gesundheitsregion Saar", {"Health"}),
        ("Aerospace Valley", {"Aerospace & Defence"}),
        ("Pôle Aéronautique", {"Aerospace & Defence"}),
        ("Hydrogen Cluster Finland", {"hydrogen", "Renewable Energy"}),
        ("Cyber Security Cluster", {"cybersecurity", "Digital"}),
        ("Maritime Cluster Northern Germany", {"maritime", "Mobility-Transport-Automotive"}),
        ("Andalusian Plastic Cluster", {"plastics", "Energy-Intensive Industries"}),
        ("Chemie-Cluster Bayern", {"Energy-Intensive Industries"}),
        ("Clúster Químico de Tarragona", {"Energy-Intensive Industries"}),
        ("Textile Cluster Łódź", {"Textile"}),
        ("Space Cluster Bavaria", {"space", "Aerospace & Defence"}),
        ("Energieeffizienz-Netzwerk", {"Renewable Energy"}),
    ],
)
def test_positive_examples(name: str, expected: set[str]) -> None:
    assert expected <= _sectors(name)


@pytest.mark.parametrize(
    ("name", "absent"),
    [
        ("Mobility Cluster", "Health"),  # "bio" inside "Mobility" is not a word start
        ("Air Cluster Ireland", "AI"),  # "AI" only as a whole, upper-case word
        ("Maine Fair Trade", "AI"),
        ("Synergy Partners", "Renewable Energy"),  # "energ" is not inside "synergy"
        ("Consorzio Farmaceutico", "Agri-food"),  # "farm" must be a whole word
        ("Agricultural Alliance", "Cultural & Creative Industries"),  # "cultur" only at a word start
        ("Immobiliare Cluster", "Construction"),  # furniture is the whole word "mobili"
        ("Processum Biorefinery Cluster", "Health"),  # a specific bio-word wins over generic "bio"
        ("Netherlands Industries for Defence and Security", "Proximity & Social Economy"),
    ],
)
def test_negative_examples(name: str, absent: str) -> None:
    assert absent not in _sectors(name)


def test_names_without_evidence_get_no_sector() -> None:
    assert infer_sectors("Nordic Innovation Accelerator") == ()


def test_tags_are_inferred_with_evidence() -> None:
    tags = infer_sectors("Batterie-Cluster Süd")
    assert tags and all(tag.inferred and tag.source == "name-keywords" for tag in tags)
    battery = next(tag for tag in tags if tag.sector == "battery")
    assert battery.evidence == "name contains 'Batterie'"


def test_ecosystems_come_before_technologies() -> None:
    sectors = [tag.sector for tag in sectors_from_name("Hydrogen and Battery Mobility Cluster")]
    kinds = [is_ecosystem(sector) for sector in sectors]
    assert kinds == sorted(kinds, reverse=True)


def test_us_categories() -> None:
    tags = infer_sectors("Space Florida", us_categories=["Aerospace Vehicles and Defense"])
    aerospace = next(tag for tag in tags if tag.sector == "Aerospace & Defence")
    assert aerospace.source == "us-cluster-definition"
    assert aerospace.evidence == "US cluster category 'Aerospace Vehicles and Defense'"
    unknown = infer_sectors("X", us_categories=["Solar Panels and Batteries"])  # falls back to keywords
    assert {"battery", "Renewable Energy"} <= {tag.sector for tag in unknown}


def test_vocabularies() -> None:
    assert len(ECOSYSTEMS) == 14
    assert {"battery", "hydrogen", "photonics", "AI", "cybersecurity", "space", "maritime"} <= set(
        TECHNOLOGIES
    )
    assert set(SECTOR_SYNONYMS) <= {*ECOSYSTEMS, *TECHNOLOGIES}  # questions name labels records carry
    assert set(ECOSYSTEMS) <= set(SECTOR_SYNONYMS)
    assert "EV batteries" in SECTOR_SYNONYMS["battery"]
    assert "automotive" in SECTOR_SYNONYMS["Mobility-Transport-Automotive"]
    for tags in US_CATEGORY_TAGS.values():
        assert all(tag in ECOSYSTEMS or tag in TECHNOLOGIES for tag in tags)


@pytest.mark.parametrize(
    ("wanted", "tag", "expected"),
    [
        ("battery", "battery", True),
        ("Renewable Energy", "Renewable Energy", True),
        ("Renewable Energy", "renewable-energy", True),  # a loaded profile's own spelling
        ("Cultural & Creative Industries", "cultural and creative industries", True),
        ("Digital", "software", True),  # a stated tag that is one of the label's phrases
        ("wood", "wood", True),
        ("battery", "Renewable Energy", False),  # a battery question does not boost every energy cluster
        ("Energy-Intensive Industries", "Renewable Energy", False),
        ("Digital", "digital-health", False),
    ],
)
def test_sector_matches_compares_labels(wanted: str, tag: str, expected: bool) -> None:
    assert sector_matches(wanted, tag) is expected


def test_any_sector_matches_reads_pipe_joined_metadata_tags() -> None:
    assert any_sector_matches(["Health", "Digital"], "Digital|Electronics".split("|"))
    assert not any_sector_matches(["Health"], ["", "Digital"])


def test_mentions_sector_needs_whole_words() -> None:
    assert mentions_sector("AI", "Applied AI for factories")
    assert not mentions_sector("AI", "We maintain railways")
    assert mentions_sector("Mobility-Transport-Automotive", "Electric-vehicle supply chains and e-mobility")
    assert mentions_sector("Agri-food", "Agri-Food innovation")
    assert not mentions_sector("battery", "Battle-tested tools")
