from __future__ import annotations

import numpy as np

from retrieval.boosts import TIER_TITLE, boost_tiers
from retrieval.catalog import ChunkCatalog
from retrieval.query import understand_query
from tests.retrieval.factories import cluster_chunk

CATALOG = ChunkCatalog.from_chunks(
    [
        *cluster_chunk(
            "cl-bg-ict", "ICT Cluster", country="BG", city="Sofia", sectors="Digital", about="ICT."
        ),
        *cluster_chunk(
            "cl-ee-ict", "Estonian ICT Cluster", country="EE", city="Tallinn", sectors="Digital", about="ICT."
        ),
        *cluster_chunk(
            "cl-us-energy",
            "Texas Energy Cluster",
            country="US",
            city="Houston",
            sectors="energy",
            about="Oil.",
        ),
    ]
)


def _named(query: str) -> set[str]:
    tiers = boost_tiers(
        understand_query(query), catalog=CATALOG, mask=np.ones(len(CATALOG), dtype=bool), ranked=[]
    )
    return {
        CATALOG.chunks[CATALOG.row_of[chunk_id]].doc_id
        for chunk_id, tier in tiers.items()
        if tier == TIER_TITLE
    }


def test_a_generic_name_is_named_only_by_the_whole_name() -> None:
    assert _named("ICT cluster in Estonia") == set()
    assert "cl-bg-ict" not in _named("Bulgarian partners like an ICT cluster for AI")
    assert _named("ICT Cluster") == {"cl-bg-ict"}
    assert _named("the ICT Cluster") == {"cl-bg-ict"}


def test_a_distinctive_name_is_named_inside_a_longer_query() -> None:
    assert _named("who runs Texas Energy Cluster and what do they do") == {"cl-us-energy"}


def test_a_country_that_contradicts_the_organisation_cancels_the_name() -> None:
    assert _named("Texas Energy Cluster in Ireland") == set()
    assert _named("Texas Energy Cluster in the United States") == {"cl-us-energy"}
