"""Cross-lingual search: a second, multilingual matrix for questions not in English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from corpus.bundle import load_bundled_records
from corpus.settings import Settings
from retrieval.crosslingual import (
    CROSSLINGUAL_VECTORS,
    CrossLingualEncoder,
    encoder_from_settings,
    query_language,
    searching_in,
)
from retrieval.embeddings_e5 import E5_MODEL_NAME, E5SmallEmbedder
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever
from retrieval.shipped_vectors import bundle_chunks
from tests.retrieval.conftest import CachedEmbedder, make_settings
from tests.retrieval.factories import TODAY, cluster_chunk, policy_chunks

PROFILES = {
    "cl-battery": ("Battery Valley", "CZ", "Brno", "energy",
                   "Battery cell manufacturing and recycling of lithium-ion batteries."),
    "cl-hydrogen": ("H2 North", "FI", "Oulu", "energy",
                    "Green hydrogen production with electrolysers and fuel cells for trucks."),
    "cl-food": ("Agri Valley", "FR", "Rennes", "agrifood",
                "Food processing companies and agritech start-ups for sustainable farming."),
    "cl-aero": ("Aero South", "ES", "Seville", "aerospace",
                "Aircraft manufacturing, satellites and aerospace engineering suppliers."),
    "cl-tourism": ("Visit Coast", "IT", "Bari", "tourism",
                   "Regional tourism, hotels and cultural heritage sites attracting visitors."),
}  # fmt: skip


def corpus() -> dict[str, list]:  # type: ignore[type-arg]
    docs = {
        doc_id: cluster_chunk(doc_id, name, country=country, city=city, sectors=sector, about=about)
        for doc_id, (name, country, city, sector, about) in PROFILES.items()
    }
    docs["po-skills"] = policy_chunks(
        "po-skills",
        "Skills for the green transition",
        [
            "Upskilling workers for the green transition is a priority of the European Skills Agenda.",
            "Clusters organise training partnerships between companies and vocational schools.",
        ],
    )
    return docs


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return make_settings(tmp_path_factory.mktemp("crosslingual"), crosslingual="e5-small")


@pytest.fixture(scope="module")
def index(settings: Settings, embedder: CachedEmbedder) -> Iterator[SearchIndex]:
    index = SearchIndex.open(settings=settings, embedder=embedder)
    index.upsert_documents(corpus())
    index.flush()
    yield index
    index.close()


@pytest.fixture(scope="module")
def english_only(tmp_path_factory: pytest.TempPathFactory, embedder: CachedEmbedder) -> Iterator[SearchIndex]:
    settings = make_settings(tmp_path_factory.mktemp("english-only"), crosslingual="off")
    index = SearchIndex.open(settings=settings, embedder=embedder)
    index.upsert_documents(corpus())
    index.flush()
    yield index
    index.close()


def _top(index: SearchIndex, query: str, lang: str | None = None) -> list[str]:
    with searching_in(lang):
        return [hit.doc_id for hit in HybridRetriever(index).search(query=query, k=3, today=TODAY).hits]


@pytest.mark.parametrize(
    ("lang", "query", "doc_id"),
    [
        ("de", "Wer stellt Elektrolyseure für grünen Wasserstoff her?", "cl-hydrogen"),
        ("pl", "Recykling baterii litowo-jonowych", "cl-battery"),
        ("fr", "transformation alimentaire et agriculture durable", "cl-food"),
        ("es", "fabricación de aviones y satélites", "cl-aero"),
        ("it", "alberghi e patrimonio culturale", "cl-tourism"),
    ],
)
def test_a_question_in_another_language_finds_the_english_passage(
    index: SearchIndex, english_only: SearchIndex, lang: str, query: str, doc_id: str
) -> None:
    assert _top(index, query, lang)[0] == doc_id
    # Detected from the text when the asker's language is not set (the search API, the CLI).
    assert _top(index, query)[0] == doc_id


def test_english_questions_are_searched_exactly_as_without_it(
    index: SearchIndex, english_only: SearchIndex
) -> None:
    for query in (
        "battery recycling clusters",
        "green hydrogen electrolysers",
        "skills for the green transition",
    ):
        with searching_in("en"):
            with_it = HybridRetriever(index).search(query=query, k=5, today=TODAY).hits
            without = HybridRetriever(english_only).search(query=query, k=5, today=TODAY).hits
        assert [(h.chunk_id, round(h.score, 6)) for h in with_it] == [
            (h.chunk_id, round(h.score, 6)) for h in without
        ]


def test_the_matrix_is_saved_with_the_index_and_only_new_passages_are_embedded(
    settings: Settings, index: SearchIndex, embedder: CachedEmbedder
) -> None:
    directory = index.lexical_dir
    assert (directory / CROSSLINGUAL_VECTORS).exists() and index.crosslingual is not None
    matrix = np.load(directory / CROSSLINGUAL_VECTORS)
    assert matrix.shape == (len(index.catalog), 384)
    assert np.allclose(np.linalg.norm(matrix, axis=1), 1.0, atol=1e-3)

    reopened = SearchIndex.open(settings=settings, embedder=embedder)
    try:
        assert reopened.crosslingual is not None
        assert reopened.crosslingual_encoder is not None
        new = cluster_chunk("cl-textiles", "Fibre Hub", country="PT", city="Porto", sectors="textiles",
                            about="Technical textiles and fashion made from recycled fibres.")  # fmt: skip
        reopened.upsert_documents({"cl-textiles": new})
        reopened.flush()
        assert reopened.crosslingual_encoder.embedded == len(new)  # the others kept their rows
        assert _top(reopened, "Mode und technische Textilien aus recycelten Fasern", "de")[0] == "cl-textiles"
        reopened.delete_documents(["cl-textiles"])
        reopened.flush()
    finally:
        reopened.close()


def test_a_replica_reads_the_matrix(settings: Settings, index: SearchIndex, embedder: CachedEmbedder) -> None:
    replica = SearchIndex.open_replica(settings=settings, embedder=embedder)
    assert replica.crosslingual is not None
    assert _top(replica, "Wer stellt Elektrolyseure für grünen Wasserstoff her?", "de")[0] == "cl-hydrogen"


def test_the_evidence_gate_measures_a_foreign_question_in_the_multilingual_space(index: SearchIndex) -> None:
    ids = [chunk.chunk_id for chunk in index.catalog.chunks]
    with searching_in("de"):
        similarities, model = index.question_similarities("Recycling von Batterien", ids)
    assert model == E5_MODEL_NAME
    assert max(similarities, key=lambda chunk_id: similarities[chunk_id]).startswith("cl-battery")
    with searching_in("en"):
        _, model = index.question_similarities("battery recycling", ids)
    assert model == index.embedder.name


def test_off_or_a_multilingual_main_model_keeps_no_second_matrix(
    tmp_path: Path, embedder: CachedEmbedder
) -> None:
    assert encoder_from_settings(make_settings(tmp_path, crosslingual="off"), embedder) is None
    e5 = E5SmallEmbedder()
    assert encoder_from_settings(make_settings(tmp_path, crosslingual="e5-small"), e5) is None
    assert isinstance(
        encoder_from_settings(make_settings(tmp_path, crosslingual="e5-small"), embedder), CrossLingualEncoder
    )


def test_an_unknown_setting_says_what_is_allowed(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="e5-small"):
        make_settings(tmp_path, crosslingual="deepl")


def test_the_asker_language_overrides_detection() -> None:
    assert query_language("Wasserstoff Elektrolyseure in Bayern") == "de"
    with searching_in("pl"):
        assert query_language("battery clusters") == "pl"


def test_the_bundled_corpus_ships_its_multilingual_vectors() -> None:
    chunks = bundle_chunks(load_bundled_records())[:200]
    encoder = CrossLingualEncoder()
    vectors = encoder.vectors({chunk.chunk_id: chunk.dense_text for chunk in chunks})
    assert encoder.embedded == 0  # every one from the shipped file, none embedded
    fresh = E5SmallEmbedder().embed_documents([chunks[0].dense_text])[0]
    assert float(np.dot(vectors[chunks[0].chunk_id], fresh)) > 0.999
