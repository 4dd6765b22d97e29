"""``bench embeddings`` helpers: user files written and ingested for real, each configuration's index,
latency of any queries, the side-by-side table."""

from __future__ import annotations

from pathlib import Path

from corpus.ingest import IngestSource, ingest_sources
from corpus.settings import Settings
from corpus.store import RecordStore
from evals.answers_eval import AnswerCase
from evals.bench_configurations import parse_configurations
from evals.bench_embeddings import (
    bench_file_ingest,
    bench_query_latency,
    case_queries,
    configuration_index,
    mean_of,
    search_recall,
    write_user_files,
)
from evals.bench_embeddings_table import comparison_rows
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
    assert figures["crosslingual_embedded"] == 0  # tests/conftest.py: cross-lingual search off
    assert not (tmp_path / "untouched").exists()  # the configured data dir is never written


def test_with_crosslingual_search_every_user_passage_is_embedded_by_e5_too(tmp_path: Path) -> None:
    files = write_user_files(corpus_records(), tmp_path / "files")
    (minilm_e5,) = parse_configurations("onnx-minilm+e5")
    settings = minilm_e5.apply(Settings(_env_file=None, data_dir=tmp_path / "untouched"))
    figures = bench_file_ingest(settings=settings, embedder=OnnxMiniLMEmbedder(), files=files)
    # the bundle's shipped E5 vectors are not used: these files stand for a user's own
    assert figures["crosslingual_embedded"] == figures["passages"] >= len(files)
    assert figures["passages_per_s"] > 0


def test_each_configuration_opens_the_index_it_describes(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    store = RecordStore.open(settings.records_db_url)
    with SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder()) as index:
        ingest_sources(
            store=store, index=index, sources=[IngestSource(origin="tests", records=corpus_records())]
        )
        index.flush()
        chunks = len(index.catalog)
    german = "Welche Förderaufrufe gibt es für die Internationalisierung von Clustern?"
    english_only, minilm_e5 = parse_configurations("onnx-minilm,onnx-minilm+e5")
    try:
        with configuration_index(settings=settings, store=store, configuration=english_only) as (
            configured,
            index,
            opened,
        ):
            assert (configured.crosslingual, index.crosslingual) == ("off", None)
            assert index.crosslingual_search(german) is None
            assert opened == {"found": "ok", "action": "none", "seconds": 0.0}
        with configuration_index(settings=settings, store=store, configuration=minilm_e5) as (
            configured,
            index,
            opened,
        ):
            # written once, as a writer's start-up does: every chunk embedded by E5 (none shipped)
            assert configured.crosslingual == "e5-small"
            assert opened["crosslingual_matrix"]["written"] is True
            assert opened["crosslingual_matrix"]["embedded"] == chunks
            assert index.crosslingual_search(german) is not None
            assert index.crosslingual_search("Which calls fund cluster internationalisation?") is None
            cases = [
                AnswerCase(id="de", category="funding-open", turns=(german, "Und in Polen?"), today=TODAY),
                AnswerCase(id="de-2", category="funding-open", turns=("Wasserstoff-Cluster",), today=TODAY),
            ]
            latency = bench_query_latency(index=index, queries=case_queries(cases), rounds=2)
            assert latency["queries"] == 3
            assert 0 < latency["p50_ms"] <= latency["p95_ms"]
        with configuration_index(settings=settings, store=store, configuration=minilm_e5) as (
            _,
            index,
            opened,
        ):
            assert opened["crosslingual_matrix"]["written"] is False  # kept from the run before
            assert opened["crosslingual_matrix"]["embedded"] == 0
            assert index.crosslingual is not None
    finally:
        store.close()


def test_the_table_has_one_cell_per_configuration_and_dashes_for_missing_figures() -> None:
    models = {
        "onnx-minilm": {
            "model": "minilm",
            "settings": {"embedding_backend": "onnx-minilm", "crosslingual": "off"},
            "retrieval": {
                "dense": {"recall@5": 0.869, "mrr": 0.83},
                "hybrid": {"recall@5": 0.993, "mrr": 0.927},
            },
            "answers": {"pass_rate": 0.9688},
            "languages": {"de": {"pass_rate": 0.5, "recall_at_5": 0.61}},
            "search_ms": {"p95_ms": 66.7},
            "search_ms_translated": {"p95_ms": 70.2},
            "ask_ms": {"p95_ms": 1179.6},
            "ask_ms_translated": {"p95_ms": 1402.0},
            "ingest_user_files": {"passages_per_s": 12.27},
        },
        "onnx-minilm+e5": {
            "model": "minilm",
            "settings": {"embedding_backend": "onnx-minilm", "crosslingual": "e5-small"},
            "search_ms": {"p95_ms": 68.0},
            "ingest_user_files": {"passages_per_s": 3.1},
        },
        "e5-small": {
            "model": "e5",
            "settings": {"embedding_backend": "e5-small", "crosslingual": "off"},
            "retrieval": {"hybrid": {"recall@5": 0.95, "mrr": 0.9}},
        },
    }
    rows = dict(comparison_rows(models))
    assert rows["model"] == ["minilm", "minilm", "e5"]
    assert rows["cross-lingual search"] == ["off", "E5 matrix", "n/a (multilingual model)"]
    assert rows["retrieval: hybrid recall@5"] == ["0.993", "-", "0.950"]
    assert rows["retrieval: dense recall@5"] == ["0.869", "-", "-"]
    assert rows["de: recall@5"] == ["0.610", "-", "-"]
    assert rows["bench search p95 ms: English"] == ["66.7", "68.0", "-"]
    assert rows["bench search p95 ms: translated (languages pooled)"] == ["70.2", "-", "-"]
    assert rows["bench ask p95 ms: English"] == ["1,179.6", "-", "-"]
    assert rows["bench ask p95 ms: translated (languages pooled)"] == ["1,402.0", "-", "-"]
    ingest = "ingest user files: passages/s (+e5: each passage embedded twice, MiniLM and E5)"
    assert rows[ingest] == ["12.27", "3.1", "-"]
    assert all(len(cells) == len(models) for cells in rows.values())


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
