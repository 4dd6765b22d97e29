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
