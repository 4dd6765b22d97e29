"""Retrieval metrics over ranked document ids: recall@k, MRR and nDCG@10 (binary, doc-level).

A system returns a ranked list of hits that may hold several chunks of one document; every metric
first keeps each document's best (first) rank — :func:`dedupe_doc_ids` — so that a system is judged
on the documents it shows, not on how many passages of one document it repeats. Relevance is
binary: a document is relevant when it is one of the question's gold documents.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence


def dedupe_doc_ids(doc_ids: Iterable[str]) -> list[str]:
    """Document ids in rank order, each kept once at its first (best) rank."""
    seen: set[str] = set()
    ranked: list[str] = []
    for doc_id in doc_ids:
        if doc_id not in seen:
            seen.add(doc_id)
            ranked.append(doc_id)
    return ranked


def first_relevant_rank(ranked: Sequence[str], gold: Iterable[str]) -> int | None:
    """1-based rank of the first gold document among the de-duplicated ``ranked`` ids, or None."""
    wanted = set(gold)
    for rank, doc_id in enumerate(dedupe_doc_ids(ranked), start=1):
        if doc_id in wanted:
            return rank
    return None


def recall_at_k(ranked: Sequence[str], gold: Iterable[str], k: int) -> float:
    """1.0 when any gold document is in the top ``k`` documents, else 0.0.

    The dataset's gold lists are alternatives ("any of them answers the question"), so recall@k is
    the hit rate at k; averaged over questions it is the share of questions answered in the top k.
    """
    if k <= 0:
        raise ValueError("k must be positive")
    rank = first_relevant_rank(ranked, gold)
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(ranked: Sequence[str], gold: Iterable[str]) -> float:
    """1 / rank of the first gold document (0.0 when none is returned); averaged, this is MRR."""
    rank = first_relevant_rank(ranked, gold)
    return 0.0 if rank is None else 1.0 / rank


def ndcg_at_k(ranked: Sequence[str], gold: Iterable[str], k: int = 10) -> float:
    """Binary-relevance nDCG@k over de-duplicated document ids.

    DCG sums ``1 / log2(rank + 1)`` over the gold documents in the top ``k``; the ideal DCG places
    ``min(len(gold), k)`` gold documents at the top.
    """
    if k <= 0:
        raise ValueError("k must be positive")
    wanted = set(gold)
    if not wanted:
        return 0.0
    top = dedupe_doc_ids(ranked)[:k]
    dcg = sum(1.0 / math.log2(rank + 1) for rank, doc_id in enumerate(top, start=1) if doc_id in wanted)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(wanted), k) + 1))
    return dcg / ideal


METRIC_NAMES = ("recall@5", "recall@10", "mrr", "ndcg@10")


def question_scores(ranked: Sequence[str], gold: Iterable[str]) -> dict[str, float]:
    """Every metric of one question, keyed by :data:`METRIC_NAMES`."""
    gold_ids = list(gold)
    return {
        "recall@5": recall_at_k(ranked, gold_ids, 5),
        "recall@10": recall_at_k(ranked, gold_ids, 10),
        "mrr": reciprocal_rank(ranked, gold_ids),
        "ndcg@10": ndcg_at_k(ranked, gold_ids, 10),
    }


def mean_scores(scores: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """Mean of each metric over questions (0.0 for every metric when there are none)."""
    if not scores:
        return dict.fromkeys(METRIC_NAMES, 0.0)
    return {name: sum(row[name] for row in scores) / len(scores) for name in METRIC_NAMES}
