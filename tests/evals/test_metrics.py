"""Metric functions: doc-level de-duplication, binary relevance, known values."""

from __future__ import annotations

import math

import pytest

from evals.metrics import (
    dedupe_doc_ids,
    first_relevant_rank,
    mean_scores,
    ndcg_at_k,
    question_scores,
    recall_at_k,
    reciprocal_rank,
)


def test_dedupe_keeps_first_rank_of_each_document() -> None:
    assert dedupe_doc_ids(["a", "b", "a", "c", "b"]) == ["a", "b", "c"]


def test_repeated_chunks_of_one_document_do_not_push_gold_down() -> None:
    ranked = ["x", "x", "x", "x", "x", "gold"]
    assert first_relevant_rank(ranked, ["gold"]) == 2
    assert recall_at_k(ranked, ["gold"], 5) == 1.0
    assert reciprocal_rank(ranked, ["gold"]) == 0.5


def test_recall_is_a_hit_rate_over_alternative_gold_documents() -> None:
    assert recall_at_k(["a", "b", "c"], ["c", "z"], 3) == 1.0
    assert recall_at_k(["a", "b", "c"], ["c"], 2) == 0.0
    assert recall_at_k([], ["c"], 5) == 0.0


def test_reciprocal_rank_is_zero_without_a_hit() -> None:
    assert reciprocal_rank(["a", "b"], ["z"]) == 0.0
    assert reciprocal_rank(["z", "b"], ["z"]) == 1.0


def test_ndcg_known_values() -> None:
    assert ndcg_at_k(["g"], ["g"]) == 1.0
    # one gold at rank 2: DCG = 1/log2(3), ideal = 1
    assert ndcg_at_k(["a", "g"], ["g"]) == pytest.approx(1 / math.log2(3))
    # two golds, found at ranks 1 and 3: (1 + 1/log2(4)) / (1 + 1/log2(3))
    expected = (1 + 1 / math.log2(4)) / (1 + 1 / math.log2(3))
    assert ndcg_at_k(["g1", "a", "g2"], ["g1", "g2"]) == pytest.approx(expected)
    assert ndcg_at_k(["a", "b"], ["g"]) == 0.0


def test_ndcg_counts_documents_not_chunks_and_cuts_at_k() -> None:
    assert ndcg_at_k(["g", "g", "g"], ["g", "h"]) == pytest.approx(1 / (1 + 1 / math.log2(3)))
    ranked = [f"d{i}" for i in range(10)] + ["g"]
    assert ndcg_at_k(ranked, ["g"], k=10) == 0.0


def test_ideal_dcg_is_capped_at_k_gold_documents() -> None:
    gold = [f"g{i}" for i in range(15)]
    assert ndcg_at_k(gold, gold, k=10) == pytest.approx(1.0)


def test_invalid_k_is_rejected() -> None:
    with pytest.raises(ValueError):
        recall_at_k(["a"], ["a"], 0)
    with pytest.raises(ValueError):
        ndcg_at_k(["a"], ["a"], 0)


def test_question_scores_and_means() -> None:
    hit = question_scores(["a", "g"], ["g"])
    miss = question_scores(["a", "b"], ["g"])
    assert hit["recall@5"] == 1.0 and hit["mrr"] == 0.5
    assert miss == {"recall@5": 0.0, "recall@10": 0.0, "mrr": 0.0, "ndcg@10": 0.0}
    mean = mean_scores([hit, miss])
    assert mean["recall@5"] == 0.5 and mean["mrr"] == 0.25
    assert mean_scores([]) == {"recall@5": 0.0, "recall@10": 0.0, "mrr": 0.0, "ndcg@10": 0.0}
