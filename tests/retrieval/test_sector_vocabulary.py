"""Every sector a question can name boosts real bundled records (labels as the ingest writes them)."""

from __future__ import annotations

import pytest

from corpus.bundle import load_bundled_records
from corpus.chunking import chunk_record
from corpus.models import Chunk, DocType
from corpus.sectors import QUERY_SECTORS, SECTOR_SYNONYMS
from retrieval.boosts import BoostWeights, organisation_factor
from retrieval.query import understand_query


@pytest.fixture(scope="module")
def bundled_profiles() -> list[Chunk]:
    """The first chunk of every bundled cluster profile, as the ingest indexes it."""
    return [chunk_record(record)[0] for record in load_bundled_records(doc_types=[DocType.CLUSTER])]


@pytest.mark.parametrize("label", QUERY_SECTORS)
def test_every_query_sector_boosts_a_bundled_record(label: str, bundled_profiles: list[Chunk]) -> None:
    phrase = SECTOR_SYNONYMS[label][0]
    understanding = understand_query(f"{phrase} clusters")
    assert understanding.sectors == (label,), f"{phrase!r} should read as {label!r}"

    weights = BoostWeights()
    boosted = [
        chunk
        for chunk in bundled_profiles
        if organisation_factor(understanding, chunk, weights=weights) > 1.0
    ]
    assert boosted, f"no bundled record is tagged {label!r}, so asking for {phrase!r} boosts nothing"


@pytest.mark.parametrize(
    ("question", "sector"),
    [
        # Polish adjectives and cases the partners dev set showed missing.
        ("Klastry fotoniczne we Francji", "photonics"),
        ("Klastry elektroniczne z Austrii", "Electronics"),
        ("Klastry biotechnologiczne w Hiszpanii", "biotechnology"),
        ("Klastry wodne w Finlandii", "water"),
        ("Klastry laserowe i optyczne we Włoszech", "photonics"),
        ("partnerów z branży motoryzacyjnej", "Mobility-Transport-Automotive"),
        ("Klastry przemysłów kreatywnych we Francji", "Cultural & Creative Industries"),
        ("Klastry druku 3D we Włoszech", "advanced manufacturing"),
        # Plurals of French, Spanish and Italian adjectives.
        ("Pôles aéronautiques en Italie", "Aerospace & Defence"),
        ("Clústeres aeroespaciales en Italia", "Aerospace & Defence"),
        ("Cluster aerospaziali in Baviera", "Aerospace & Defence"),
        ("partenaires automobiles en Allemagne", "Mobility-Transport-Automotive"),
        # Technology words that are no sector label; German compounds of a three-letter head.
        ("Clústeres de grafeno en Polonia", "nanotechnology"),
        ("Klastry zajmujące się grafenem", "nanotechnology"),
        ("graphene clusters", "nanotechnology"),
        ("Cluster für Leichtbau in Deutschland", "plastics"),
        ("Baucluster in Tschechien", "Construction"),
        ("Clusters du BTP en Tchéquie", "Construction"),
        ("Cluster der chemischen Industrie in Polen", "Energy-Intensive Industries"),
    ],
)
def test_partner_search_words_in_five_languages(question: str, sector: str) -> None:
    assert understand_query(question).sectors == (sector,)


def test_a_composite_material_is_plastics_not_every_material() -> None:
    assert understand_query("Cluster dei materiali compositi in Germania").sectors == ("plastics",)
