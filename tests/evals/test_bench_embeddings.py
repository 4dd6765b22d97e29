"""``bench embeddings`` helpers: user files written and ingested for real, the side-by-side table."""

from __future__ import annotations

from pathlib import Path

from corpus.ingest import IngestSource, ingest_sources
from corpus.settings import Settings
from corpus.store import RecordStore
from evals.answers_eval import AnswerCase
from evals.bench_embeddings import (
    bench_file_ingest,
    comparison_rows,
    mean_of,
    search_recall,
    write_user_files,
)
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.index import SearchIndex
from tests.assistant.factories import TODAY, corpus_records


def test_policy_texts_become_markdown_files_that_ingest_into_a_fresh_dir(tmp_path: Path) -> None:
    records = corpus_records()
    files = write_user_files(records, tmp_path / "files")
    policies = [record for record in records if record.doc_type.value == "policy"]
    assert len(files) == len(policies) >= 1
    assert files[0].read_text(encoding="utf-8").startswith(f"# {policies[0].title}\n")

    settings = Settings(_env_file=None, data_dir=tmp_path / "untouched")
    figures = bench_file_ingest(settings=settings, embedder=OnnxMiniLMEmbedder(), files=files)
    assert figures["files"] == len(files) and figures["passages"] >= len(files)
    assert figures["passages_per_s"] == figures["passages"] / figures["seconds"] > 0
    assert not (tmp_path / "untouched").exists()  # the configured data dir is never written


def test_the_table_has_one_cell_per_model_and_dashes_for_missing_figures() -> None:
    models = {
        "onnx-minilm": {
            "model": "minilm",
            "retrieval": {
                "dense": {"recall@5": 0.869, "mrr": 0.83},
                "hybrid": {"recall@5": 0.993, "mrr": 0.927},
            },
            "answers": {"pass_rate": 0.9688},
            "languages": {"de": {"pass_rate": 0.5, "recall_at_5": 0.61}},
            "search_ms": {"p95_ms": 66.7},
            "ask_ms": {"p95_ms": 1179.6},
            "ingest_user_files": {"passages_per_s": 12.27},
        },
        "e5-small": {"model": "e5", "retrieval": {"hybrid": {"recall@5": 0.95, "mrr": 0.9}}},
    }
    rows = dict(comparison_rows(models))
    assert rows["model"] == ["minilm", "e5"]
    assert rows["retrieval: hybrid recall@5"] == ["0.993", "0.950"]
    assert rows["retrieval: dense recall@5"] == ["0.869", "-"]
    assert rows["de: recall@5"] == ["0.610", "-"]
    assert rows["bench ask p95 ms"] == ["1,179.6", "-"]
    assert rows["ingest user files: passages/s"] == ["12.27", "-"]


def test_search_recall_scores_single_turn_cases_with_documents_to_cite(tmp_path: Path) -> None:
    records = corpus_records()
    cited = next(record for record in records if "internationalisation" in record.title.lower())
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    store = RecordStore.open(settings.records_db_url)
    with SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder()) as index:
        ingest_sources(store=store, index=index, sources=[IngestSource(origin="tests", records=records)])
        index.flush()
        cases = [
            AnswerCase(
                id="hit", category="policy", turns=(cited.title,), today=TODAY, must_cite=(cited.doc_id,)
            ),
            AnswerCase(
                id="miss",
                category="policy",
                turns=("underwater basket weaving",),
                today=TODAY,
                must_cite=("policy:nowhere",),
            ),
            AnswerCase(
                id="refusal", category="refusal", turns=("chocolate cake",), today=TODAY, grounded=False
            ),
            AnswerCase(
                id="follow-up", category="follow-up", turns=("a", "b"), today=TODAY, must_cite=(cited.doc_id,)
            ),
        ]
        scores = search_recall(index=index, cases=cases)
    store.close()
    assert scores == {mode: {"hit": 1.0, "miss": 0.0} for mode in ("dense", "hybrid")}
    assert mean_of(scores["hybrid"]) == 0.5 and mean_of(scores["hybrid"], ["hit", "unknown"]) == 1.0
    assert mean_of({}) is None
