from __future__ import annotations

import pytest

from retrieval.fusion import (
    Fused,
    apply_boosts,
    convex_fusion,
    diversify,
    normalise_scores,
    reciprocal_rank_fusion,
    reorder_within,
)


def test_rrf_scores_and_keeps_each_retrievers_rank() -> None:
    fused = reciprocal_rank_fusion({"bm25": ["a", "b", "c"], "dense": ["b", "d"]}, k=60)
    assert [item.chunk_id for item in fused] == ["b", "a", "d", "c"]
    by_id = {item.chunk_id: item for item in fused}
    assert by_id["b"].score == pytest.approx(1 / 62 + 1 / 61)
    assert by_id["b"].ranks == {"bm25": 2, "dense": 1}
    assert by_id["c"].ranks == {"bm25": 3}


def test_rrf_weights_and_duplicates() -> None:
    fused = reciprocal_rank_fusion({"bm25": ["a", "a", "b"], "dense": ["b"]}, weights={"dense": 3.0})
    assert fused[0].chunk_id == "b"
    assert fused[1].ranks == {"bm25": 1}  # the duplicate "a" counts once, at its best rank


def test_min_max_normalisation() -> None:
    assert normalise_scores([("a", 10.0), ("b", 5.0), ("c", 0.0)]) == {"a": 1.0, "b": 0.5, "c": 0.0}
    assert normalise_scores([("a", 3.0), ("b", 3.0)]) == {"a": 1.0, "b": 1.0}
    assert normalise_scores([]) == {}


def test_convex_fusion_combines_normalised_scores() -> None:
    scored = {"bm25": [("a", 12.0), ("b", 6.0), ("c", 0.0)], "dense": [("c", 0.9), ("b", 0.8), ("a", 0.4)]}
    fused = convex_fusion(scored, weights={"bm25": 0.5, "dense": 0.5})
    scores = {item.chunk_id: item.score for item in fused}
    assert scores["a"] == pytest.approx(0.5)
    assert scores["b"] == pytest.approx(0.5 * 0.5 + 0.5 * 0.8)
    assert scores["c"] == pytest.approx(0.5)
    assert fused[0].chunk_id == "b"
    dense_heavy = convex_fusion(scored, weights={"bm25": 0.1, "dense": 0.9})
    assert dense_heavy[0].chunk_id == "c"


def test_tiers_beat_scores_and_add_missing_candidates() -> None:
    fused = [Fused(chunk_id="a", score=0.9), Fused(chunk_id="b", score=0.5), Fused(chunk_id="c", score=0.1)]
    boosted = apply_boosts(fused, tiers={"c": 2, "named": 3}, multipliers={"b": 2.0})
    assert [item.chunk_id for item in boosted] == ["named", "c", "b", "a"]
    assert boosted[2].score == pytest.approx(1.0)
    assert fused[1].score == 0.5  # inputs are not modified


def test_multipliers_reorder_within_a_tier() -> None:
    fused = [Fused(chunk_id="spain", score=0.05), Fused(chunk_id="czechia", score=0.04)]
    assert apply_boosts(fused, tiers={}, multipliers={"czechia": 1.5})[0].chunk_id == "czechia"


def test_diversity_demotes_a_documents_extra_chunks() -> None:
    ranked = [Fused(chunk_id=cid, score=1.0) for cid in ["n1", "n2", "n3", "n4", "w1", "m1", "w2"]]
    doc_of = {
        "n1": "norway",
        "n2": "norway",
        "n3": "norway",
        "n4": "norway",
        "w1": "why",
        "w2": "why",
        "m1": "map",
    }
    order = [item.chunk_id for item in diversify(ranked, doc_of=doc_of, max_per_doc=2)]
    assert order == ["n1", "n2", "w1", "m1", "w2", "n3", "n4"]
    assert [i.chunk_id for i in diversify(ranked, doc_of=doc_of, max_per_doc=1)][:3] == ["n1", "w1", "m1"]


def test_reorder_within_moves_only_the_members() -> None:
    ranked = [Fused(chunk_id=cid, score=1.0) for cid in ["policy", "org-a", "call", "org-b"]]
    members = [Fused(chunk_id=cid, score=1.0) for cid in ["org-b", "org-new", "org-a"]]
    reordered = [item.chunk_id for item in reorder_within(ranked, members=members)]
    assert reordered == ["policy", "org-b", "call", "org-new", "org-a"]
