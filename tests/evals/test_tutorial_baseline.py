"""The tutorial baseline: raw text, 1000/200 splits, cached Chroma collection keyed by corpus hash."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from corpus.models import AnyRecord
from evals.tutorial_baseline import (
    TUTORIAL_CHUNK_SIZE,
    TutorialBaseline,
    corpus_fingerprint,
    record_raw_text,
    split_records,
)
from tests.factories import make_call, make_policy, make_profile


class HashingEmbedder:
    """A deterministic bag-of-words embedder: fast, and texts sharing words end up close."""

    name = "test-hashing-64"
    dimension = 64

    def __init__(self) -> None:
        self.calls = 0

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += 1
        return [self._vector(text) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self.dimension
        for word in text.lower().split():
            vector[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dimension] += 1.0
        norm = sum(v * v for v in vector) ** 0.5 or 1.0
        return [v / norm for v in vector]


def _records() -> list[AnyRecord]:
    return [
        make_call(),
        make_profile(),
        make_policy(),
    ]


def test_raw_text_holds_title_fields_and_sections() -> None:
    text = record_raw_text(make_call())
    assert text.startswith("Industrial processes for tandem PV technologies")
    assert "topic_identifier: HORIZON-CL5-2027-07-D3-16" in text
    assert "Expected Outcome\nProjects will scale up" in text
    assert "provenance" not in text


def test_splits_follow_the_tutorial_sizes_and_keep_doc_ids() -> None:
    documents = split_records(_records())
    assert len(documents) > 3  # the call's long scope is split
    assert all(len(doc.page_content) <= TUTORIAL_CHUNK_SIZE for doc in documents)
    assert {doc.metadata["doc_id"] for doc in documents} == {r.doc_id for r in _records()}


def test_fingerprint_changes_with_content_and_model() -> None:
    pairs = [("a", "1"), ("b", "2")]
    assert corpus_fingerprint(pairs, embedder_name="m") == corpus_fingerprint(
        reversed(pairs), embedder_name="m"
    )
    assert corpus_fingerprint(pairs, embedder_name="m") != corpus_fingerprint([("a", "1")], embedder_name="m")
    assert corpus_fingerprint(pairs, embedder_name="m") != corpus_fingerprint(pairs, embedder_name="n")


def test_built_once_then_reopened_from_cache(tmp_path: Path) -> None:
    embedder = HashingEmbedder()
    loads = 0

    def records() -> Iterable[AnyRecord]:
        nonlocal loads
        loads += 1
        return _records()

    built = TutorialBaseline.open_or_build(
        cache_root=tmp_path, fingerprint="f1", records=records, embedder=embedder
    )
    assert built.retrieve("Baltic Battery Cluster Vilnius")[0] == "cluster:test:baltic-battery-cluster"
    assert len(built.retrieve("tandem PV pilot lines")) == 4
    reopened = TutorialBaseline.open_or_build(
        cache_root=tmp_path, fingerprint="f1", records=records, embedder=embedder
    )
    assert loads == 1 and reopened.chunks == built.chunks
    assert reopened.retrieve("Why globalise? Born global")[0] == "policy:why-globalise"
    TutorialBaseline.open_or_build(cache_root=tmp_path, fingerprint="f2", records=records, embedder=embedder)
    assert loads == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tutorial-f2"]  # the stale cache is gone
