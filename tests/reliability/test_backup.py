"""``cluster-advisor backup`` / ``restore`` through the real CLI, on a real ingested data dir."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromadb.api.shared_system_client import SharedSystemClient
from typer.testing import CliRunner

from assistant.conversation import ConversationStore
from corpus.ingest import IngestSource, delete_documents, ingest_sources
from corpus.settings import Settings
from corpus.store import RecordStore
from integrations.cli.main import app
from retrieval.embeddings import OnnxMiniLMEmbedder
from retrieval.filters import SearchFilters
from retrieval.index import SearchIndex
from retrieval.search import HybridRetriever
from tests.assistant.factories import TODAY, corpus_records

runner = CliRunner()
QUERIES = ("battery cluster partners", "open call for cluster internationalisation", "hydrogen valley")


def _cli(data_dir: Path, *args: str) -> tuple[int, str]:
    """Exit code and stdout (stderr too when the command failed)."""
    result = runner.invoke(app, ["--data-dir", str(data_dir), "--today", TODAY.isoformat(), *args])
    return result.exit_code, result.stdout if result.exit_code == 0 else " ".join(result.output.split())


def _settings(data_dir: Path) -> Settings:
    return Settings(_env_file=None, data_dir=data_dir)


def _search(data_dir: Path) -> list[list[str]]:
    settings = _settings(data_dir)
    with SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder()) as index:
        retriever = HybridRetriever(index)
        results = [
            [hit.doc_id for hit in retriever.search(query=q, k=5, filters=SearchFilters(), today=TODAY).hits]
            for q in QUERIES
        ]
    SharedSystemClient.clear_system_cache()  # the same path may be wiped and restored next
    return results


def _counts(data_dir: Path) -> dict[str, dict[str, int]]:
    store = RecordStore.open(_settings(data_dir).records_db_url)
    try:
        return store.counts()
    finally:
        store.close()


def _tree_digest(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def golden(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the small assistant corpus ingested and one conversation of two turns."""
    data_dir = tmp_path_factory.mktemp("golden") / "data"
    settings = _settings(data_dir)
    store = RecordStore.open(settings.records_db_url)
    with SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder()) as index:
        ingest_sources(
            store=store, index=index, sources=[IngestSource(origin="tests", records=corpus_records())]
        )
    store.close()
    conversations = ConversationStore.from_settings(settings)
    conversation = conversations.new_conversation(channel="cli")
    conversations.append_turn(
        conversation_id=conversation, role="user", content="Battery clusters in Saxony?"
    )
    conversations.append_turn(conversation_id=conversation, role="assistant", content="Two clusters [1][2].")
    conversations.close()
    (data_dir / "conversation.id").write_text(conversation, encoding="utf-8")
    SharedSystemClient.clear_system_cache()
    return data_dir


@pytest.fixture
def data_dir(golden: Path, tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "data"
    shutil.copytree(golden, copy)
    yield copy
    SharedSystemClient.clear_system_cache()


@pytest.mark.parametrize("with_index", [True, False], ids=["with-index", "records-only"])
def test_round_trip_keeps_counts_search_results_and_conversations(
    data_dir: Path, tmp_path: Path, with_index: bool
) -> None:
    counts, results = _counts(data_dir), _search(data_dir)
    conversation = (data_dir / "conversation.id").read_text(encoding="utf-8")
    archive = tmp_path / "backups" / "advisor.tar.gz"

    code, output = _cli(data_dir, "backup", str(archive), "--json", *([] if with_index else ["--no-index"]))
    assert code == 0, output
    manifest = json.loads(output)
    assert manifest["counts"]["documents"] == {k: v for k, v in counts["documents"].items() if v}
    assert manifest["conversations"] == 1 and manifest["index_included"] is with_index
    assert manifest["embedding_model"] and manifest["database"] == "sqlite"
    names = {entry["path"] for entry in manifest["files"]}
    assert {"corpus.sqlite3", "conversations.sqlite3"} <= names
    assert ("bm25/manifest.json" in names) is with_index

    shutil.rmtree(data_dir)
    code, output = _cli(data_dir, "restore", str(archive), "--json")
    assert code == 0, output
    restored = json.loads(output)
    assert restored["index"]["action"] == ("none" if with_index else "rebuilt")
    assert _counts(data_dir) == counts
    assert _search(data_dir) == results
    conversations = ConversationStore.from_settings(_settings(data_dir))
    history = conversations.history(conversation)
    conversations.close()
    assert [turn.content for turn in history] == ["Battery clusters in Saxony?", "Two clusters [1][2]."]
    assert not [p for p in data_dir.parent.iterdir() if p.name.startswith(".")], "temporary files left"


def test_backup_while_the_data_dir_is_in_use(data_dir: Path, tmp_path: Path) -> None:
    """A reader holds the stores and the index open and a writer adds turns during the backup."""
    settings = _settings(data_dir)
    reader = RecordStore.open(settings.records_db_url)
    index = SearchIndex.open(settings=settings, embedder=OnnxMiniLMEmbedder())
    conversations = ConversationStore.from_settings(settings)
    conversation = conversations.new_conversation()
    stop = threading.Event()

    def write_turns() -> None:
        while not stop.is_set():
            conversations.append_turn(conversation_id=conversation, role="user", content="still here?")

    writer = threading.Thread(target=write_turns)
    try:
        with reader.engine.connect() as open_read:
            open_read.exec_driver_sql("SELECT COUNT(*) FROM documents").scalar()
            writer.start()
            code, output = _cli(data_dir, "backup", str(tmp_path / "live.tar.gz"), "--json")
    finally:
        stop.set()
        writer.join()
        index.close()
        reader.close()
        conversations.close()
    assert code == 0, output
    counts = _counts(data_dir)
    code, output = _cli(tmp_path / "restored", "restore", str(tmp_path / "live.tar.gz"), "--json")
    assert code == 0, output
    assert _counts(tmp_path / "restored") == counts
    assert json.loads(output)["index"]["state"] == "ok"


def _rewrite(archive: Path, dest: Path, *, tamper: str) -> None:
    """Copy ``archive`` with one member's bytes changed (a valid gzip, a wrong checksum)."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(dest, "w:gz") as out:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if data is not None and member.name.endswith(tamper):
                body = bytearray(data.read())
                body[len(body) // 2] ^= 0xFF
                member.size = len(body)
                out.addfile(member, io.BytesIO(bytes(body)))
            else:
                out.addfile(member, data)


def test_corrupt_or_truncated_archive_is_refused_and_the_data_dir_untouched(
    data_dir: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "good.tar.gz"
    assert _cli(data_dir, "backup", str(archive))[0] == 0
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    tampered = tmp_path / "tampered.tar.gz"
    _rewrite(archive, tampered, tamper="bm25/chunks.jsonl")
    garbage = tmp_path / "garbage.tar.gz"
    garbage.write_bytes(b"not a backup at all\n" * 100)
    before = _tree_digest(data_dir)

    for bad, reason in ((truncated, "corrupt or truncated"), (tampered, "checksum mismatch"), (garbage, "")):
        code, output = _cli(data_dir, "restore", "--force", str(bad))
        assert code == 2, output
        assert "error:" in output and reason in output
        assert _tree_digest(data_dir) == before
        assert not [p for p in data_dir.parent.iterdir() if p.name.startswith(".")]


def test_restore_into_a_non_empty_data_dir_needs_force(data_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "good.tar.gz"
    assert _cli(data_dir, "backup", str(archive))[0] == 0
    before = _tree_digest(data_dir)
    code, output = _cli(data_dir, "restore", str(archive))
    assert code == 2 and "not empty" in output and "--force" in output
    assert _tree_digest(data_dir) == before
    code, output = _cli(data_dir, "restore", "--force", str(archive), "--json")
    assert code == 0, output
    assert _counts(data_dir) == _counts(tmp_path / "data")


def test_postgresql_deployment_points_to_pg_dump(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "CLUSTER_ADVISOR_DATABASE_URL", "postgresql+psycopg://advisor:s3cret@db.internal/advisor"
    )
    result = runner.invoke(
        app, ["--data-dir", str(data_dir), "backup", str(tmp_path / "local.tar.gz"), "--json"]
    )
    code, output = result.exit_code, result.stdout
    assert code == 0, result.output
    assert "pg_dump --format=custom" in result.stderr and "s3cret" not in result.output
    manifest = json.loads(output)
    assert manifest["database"] == "external"
    assert not [e for e in manifest["files"] if e["path"].endswith(".sqlite3") and "/" not in e["path"]]


def test_restoring_an_older_backup_keeps_later_deletions_deleted(data_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "before-delete.tar.gz"
    assert _cli(data_dir, "backup", str(archive))[0] == 0
    doomed = "policy:cluster-mapping-primer"
    store = RecordStore.open(_settings(data_dir).records_db_url)
    with SearchIndex.open(settings=_settings(data_dir), embedder=OnnxMiniLMEmbedder()) as index:
        delete_documents(store=store, index=index, doc_ids=[doomed], deleted_by="key-test")
    store.close()
    SharedSystemClient.clear_system_cache()

    code, output = _cli(data_dir, "restore", "--force", str(archive), "--json")
    assert code == 0, output
    store = RecordStore.open(_settings(data_dir).records_db_url)
    try:
        assert store.get_record(doomed) is None and doomed in store.tombstoned_ids()
        assert store.counts()["documents"]["policy"] == _counts(data_dir)["documents"]["policy"]
    finally:
        store.close()
    hits = {doc_id for result in _search(data_dir) for doc_id in result}
    assert doomed not in hits
    with SearchIndex.open(settings=_settings(data_dir), embedder=OnnxMiniLMEmbedder()) as index:
        assert doomed not in index.indexed_doc_ids()
    SharedSystemClient.clear_system_cache()
