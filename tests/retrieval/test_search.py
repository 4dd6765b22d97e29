from __future__ import annotations

import datetime as dt

import pytest

from corpus.errors import InvalidInput
from retrieval import search as search_module
from retrieval.filters import SearchFilters
from retrieval.fusion import FusionMethod
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever, SearchResult
from tests.retrieval.factories import TODAY

CENTRAL_EUROPE = {"AT", "CH", "CZ", "DE", "HU", "LI", "PL", "SI", "SK"}


def _docs(result: SearchResult) -> list[str]:
    return [hit.doc_id for hit in result.hits]


def test_json_shape_is_the_search_contract(retriever: HybridRetriever) -> None:
    result = retriever.search(query="battery clusters", k=3, today=TODAY)
    payload = result.model_dump(mode="json")
    assert set(payload) == {"query", "hits", "timings_ms"}
    assert set(payload["hits"][0]) == {
        "rank", "doc_id", "chunk_id", "doc_type", "title", "identifier", "url", "score", "text", "metadata",
    }  # fmt: skip
    assert [hit["rank"] for hit in payload["hits"]] == [1, 2, 3]
    assert {"understand", "bm25", "embed", "dense", "fuse", "total"} <= set(payload["timings_ms"])
    assert result.hits[0].ranks  # per-retriever ranks kept for debugging, outside the JSON


def test_exact_identifier_puts_the_call_first(retriever: HybridRetriever) -> None:
    for query in [
        "HORIZON-CL3-2027-01-SSRI-01",
        "deadline of horizon-cl3-2027-01-ssri-01 please",
        "When does I3-2026-INV1 close?",
    ]:
        result = retriever.search(query=query, k=5, today=TODAY)
        expected = "call-ssri" if "ssri" in query.lower() else "call-i3"
        assert result.hits[0].doc_id == expected, query


def test_identifier_shared_by_cascade_calls_puts_all_of_them_first(retriever: HybridRetriever) -> None:
    result = retriever.search(query="SMP-COSME-2024-CLUSTER-01 vouchers", k=4, today=TODAY)
    assert set(_docs(result)[:2]) == {"call-euroclusters-green", "call-euroclusters-intl"}


def test_organisation_name_in_the_query_comes_first(retriever: HybridRetriever) -> None:
    for query, doc_id in [
        ("Who could partner with Flanders Food on processing?", "cl-be-food"),
        ("tell me about acstyria mobilitätscluster", "cl-at-mobility"),
        ("Plastics Cluster Upper Austria contacts", "cl-at-plastics"),
    ]:
        assert retriever.search(query=query, k=3, today=TODAY).hits[0].doc_id == doc_id, query


def test_country_words_prefer_those_countries(retriever: HybridRetriever) -> None:
    result = retriever.search(
        query="Battery clusters in Central Europe",
        k=5,
        filters=SearchFilters(doc_type="cluster"),
        today=TODAY,
    )
    countries = [hit.metadata["country"] for hit in result.hits]
    assert set(countries[:2]) == {"CZ", "SK"}
    assert all(country in CENTRAL_EUROPE for country in countries[:4])
    finnish = retriever.search(query="Finnish clusters", k=3, today=TODAY)
    assert finnish.hits[0].doc_id == "cl-fi-hydrogen"
    # Soft preference, not a filter: other countries still come after.
    everything = retriever.search(query="battery clusters in Central Europe", k=20, today=TODAY)
    assert "cl-es-battery" in _docs(everything)


def test_a_country_in_a_policy_question_does_not_pull_organisations_above_it(
    retriever: HybridRetriever,
) -> None:
    # "United States" says what the text is about; the US organisation only moves among organisations.
    result = retriever.search(query="cluster mapping methods in the United States", k=5, today=TODAY)
    assert result.hits[0].doc_id == "pol-mapping"
    organisations = retriever.search(query="energy clusters in the United States", k=3, today=TODAY)
    assert organisations.hits[0].doc_id == "cl-us-energy"


def test_sector_synonyms_find_the_sector(retriever: HybridRetriever) -> None:
    result = retriever.search(
        query="EV batteries", k=3, filters=SearchFilters(doc_type="cluster"), today=TODAY
    )
    assert {hit.metadata["sectors"] for hit in result.hits} <= {
        "battery",
        "battery|Mobility-Transport-Automotive",
    }


def test_diversity_keeps_one_document_from_filling_the_top(retriever: HybridRetriever) -> None:
    result = retriever.search(query="Norway cluster internationalisation", k=5, today=TODAY)
    docs = _docs(result)
    assert docs[0] == "pol-norway"
    assert docs.count("pol-norway") == 2
    undiversified = HybridRetriever(retriever.index, max_per_doc=10).search(
        query="Norway cluster internationalisation", k=5, today=TODAY
    )
    assert _docs(undiversified).count("pol-norway") >= 3


def test_filters_apply_to_every_retriever(retriever: HybridRetriever) -> None:
    for mode in ("hybrid", "bm25", "dense"):
        result = retriever.search(
            query="battery",
            k=10,
            filters=SearchFilters(doc_type="cluster", country="ES"),
            today=TODAY,
            mode=mode,
        )
        assert set(_docs(result)) <= {"cl-es-battery", "cl-es-aero"}, mode
        assert _docs(result)[0] == "cl-es-battery", mode


@pytest.mark.parametrize(
    ("today", "included", "excluded"),
    [
        (dt.date(2026, 5, 10), {"call-i3"}, {"call-ssri", "call-digital"}),
        (dt.date(2026, 5, 11), set(), {"call-i3", "call-ssri"}),
        (dt.date(2026, 5, 12), {"call-ssri"}, {"call-i3"}),
    ],
)
def test_status_filter_on_the_day_asked(
    retriever: HybridRetriever, today: dt.date, included: set[str], excluded: set[str]
) -> None:
    result = retriever.search(
        query="innovation investments resilience calls",
        k=20,
        filters=SearchFilters(status="open"),
        today=today,
    )
    docs = set(_docs(result))
    assert included <= docs and not excluded & docs
    assert {hit.metadata["status"] for hit in result.hits} == {"open"}


def test_open_intent_in_the_query_demotes_closed_calls(retriever: HybridRetriever) -> None:
    result = retriever.search(query="open calls for cluster internationalisation missions", k=3, today=TODAY)
    assert result.understanding is not None and result.understanding.status == "open"
    assert result.hits[0].metadata.get("status") == "open"


def test_deadline_range_and_programme(retriever: HybridRetriever) -> None:
    window = SearchFilters(deadline_from=dt.date(2026, 7, 1), deadline_to=dt.date(2026, 9, 20))
    assert set(_docs(retriever.search(query="call", k=10, filters=window, today=TODAY))) == {
        "call-euroclusters-green",
        "call-ssri",
    }
    horizon = retriever.search(query="funding", k=10, filters=SearchFilters(programme="Horizon"), today=TODAY)
    assert set(_docs(horizon)) == {"call-ssri", "call-accelerator"}


def test_internal_documents_need_the_internal_audience(retriever: HybridRetriever) -> None:
    query = "Internal Partner Notes Cluster battery pilot lines shortlist"
    public = _docs(retriever.search(query=query, k=40, today=TODAY))
    assert "cl-internal" not in public and "call-internal" not in public
    staff = SearchFilters(audiences={"public", "internal"})
    assert _docs(retriever.search(query=query, k=3, filters=staff, today=TODAY))[0] == "cl-internal"


@pytest.mark.parametrize("query", ["", "   ", "\u200b\u200b", "?!"])
def test_empty_queries_are_invalid_input(retriever: HybridRetriever, query: str) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        retriever.search(query=query, today=TODAY)


def test_k_out_of_range_is_invalid_input(retriever: HybridRetriever) -> None:
    with pytest.raises(InvalidInput, match="k must be"):
        retriever.search(query="battery", k=0, today=TODAY)


def test_a_huge_query_is_cut_and_still_works(retriever: HybridRetriever) -> None:
    query = "Czech Battery Cluster " + "energy storage and recycling partners " * 300
    assert len(query) > 10_000
    result = retriever.search(query=query, k=3, today=TODAY)
    assert result.hits[0].doc_id == "cl-cz-battery"
    assert len(result.query) <= 2000


def test_modes_and_fusions_all_answer(retriever: HybridRetriever) -> None:
    assert retriever.fusion == "rrf"
    convex = HybridRetriever(retriever.index, fusion="convex")
    for searcher in (retriever, convex):
        for mode in ("hybrid", "bm25", "dense"):
            result = searcher.search(query="hydrogen valley in Finland", k=3, today=TODAY, mode=mode)
            assert result.hits[0].doc_id == "cl-fi-hydrogen", (searcher.fusion, mode)
    bm25_only = retriever.search(query="hydrogen", k=3, today=TODAY, mode="bm25")
    assert set(bm25_only.hits[0].ranks) == {"bm25"}
    assert "dense" not in bm25_only.timings_ms


@pytest.mark.parametrize("fusion", ["convex", "rrf"])
def test_lexical_weight_leans_the_fusion_towards_bm25(
    retriever: HybridRetriever, fusion: FusionMethod
) -> None:
    query = "cluster mapping data"
    bm25_first = retriever.search(query=query, k=1, today=TODAY, mode="bm25").hits[0].doc_id
    dense_first = retriever.search(query=query, k=1, today=TODAY, mode="dense").hits[0].doc_id
    lexical = HybridRetriever(retriever.index, fusion=fusion, lexical_weight=100.0)
    dense = HybridRetriever(retriever.index, fusion=fusion, lexical_weight=0.01)
    assert lexical.search(query=query, k=1, today=TODAY).hits[0].doc_id == bm25_first
    assert dense.search(query=query, k=1, today=TODAY).hits[0].doc_id == dense_first


def test_where_path_gives_the_same_results_as_the_ids_path(
    retriever: HybridRetriever, monkeypatch: pytest.MonkeyPatch
) -> None:
    filters = SearchFilters(status="open", programme="smp")
    by_ids = retriever.search(query="SMEs vouchers", k=5, filters=filters, today=TODAY, mode="dense")
    monkeypatch.setattr(search_module, "IDS_PREFILTER_MAX", 0)
    by_where = retriever.search(query="SMEs vouchers", k=5, filters=filters, today=TODAY, mode="dense")
    assert _docs(by_ids) == _docs(by_where) == ["call-euroclusters-green"] * 2


def test_nothing_allowed_gives_no_hits(built_index: SearchIndex) -> None:
    result = HybridRetriever(built_index).search(
        query="battery", filters=SearchFilters(doc_type="cluster", country="MT"), today=TODAY
    )
    assert result.hits == []
