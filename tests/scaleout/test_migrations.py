"""Alembic migrations of the SQL stores, on SQLite and on a real PostgreSQL server.

The fixtures in ``tests/corpus/schema_0_1_0/`` are the DDL that 0.1.0's ``create_all`` made (kept
verbatim): a database built from them, with rows in it, must upgrade in place when opened.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, MetaData, create_engine, text

from assistant.conversation import ConversationStore
from corpus.refresh.log import RefreshLog
from corpus.sql import SqlStore, _alembic_config, migrate
from corpus.store import RecordStore
from corpus.store import metadata as records_metadata
from integrations.slack.store import SlackStore
from integrations.slack.watch_store import WatchStore

SCHEMA_0_1_0 = Path(__file__).resolve().parents[1] / "corpus" / "schema_0_1_0"
STORES: dict[str, tuple[MetaData, str]] = {
    "records": (records_metadata, "records_0002"),
    "conversations": (ConversationStore.metadata, "conversations_0001"),
    "slack": (SlackStore.metadata, "slack_0003"),
}
NEW_STORES: dict[str, tuple[MetaData, str]] = {"refresh": (RefreshLog.metadata, "refresh_0001")}
"""Stores that 0.1.0 did not have: created by their migrations on first open."""
NOW = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


def _engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(url)


def _build_0_1_0_database(url: str) -> None:
    engine = _engine(url)
    dialect = engine.dialect.name
    with engine.begin() as conn:
        for store in STORES:
            ddl = (SCHEMA_0_1_0 / f"{store}.{dialect}.sql").read_text(encoding="utf-8")
            for statement in ddl.split(";"):
                lines = [line for line in statement.splitlines() if not line.startswith("--")]
                if "".join(lines).strip():
                    conn.exec_driver_sql("\n".join(lines))
        conn.execute(
            text(
                "INSERT INTO documents (doc_id, doc_type, title, audience, origin, content_hash, payload, "
                "updated_at) VALUES ('policy:kept', 'policy', 'Kept', 'public', 'bundle', 'h', '{}', :now)"
            ),
            {"now": NOW},
        )
        conn.execute(
            text("INSERT INTO conversations (id, created_at, channel) VALUES ('c-kept', :now, 'cli')"),
            {"now": NOW},
        )
        conn.execute(
            text("INSERT INTO slack_events (event_id, received_at) VALUES ('Ev-kept', :now)"),
            {"now": dt.datetime.now(dt.UTC)},
        )
    engine.dispose()


def _versions(url: str) -> dict[str, str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = {
            store: conn.execute(text(f"SELECT version_num FROM alembic_version_{store}")).scalar_one()
            for store in {**STORES, **NEW_STORES}
        }
    engine.dispose()
    return found


def test_a_database_made_by_0_1_0_is_upgraded_in_place_with_its_rows(db_url: str) -> None:
    _build_0_1_0_database(db_url)
    records = RecordStore.open(db_url)
    conversations = ConversationStore.open(db_url)
    slack = SlackStore.open(db_url)
    RefreshLog.open(db_url).close()
    try:
        assert records.counts()["documents"] == {"call": 0, "cluster": 0, "policy": 1}
        assert conversations.exists("c-kept")
        assert slack.claim_event("Ev-kept") is False  # the delivery recorded before the upgrade
        assert slack.claim_event("Ev-new") is True
    finally:
        for store in (records, conversations, slack):
            store.close()
    assert _versions(db_url) == {store: head for store, (_, head) in {**STORES, **NEW_STORES}.items()}


def test_saved_searches_made_before_languages_keep_every_row_and_read_as_english(db_url: str) -> None:
    engine = _engine(db_url)
    config = _alembic_config("slack")
    with engine.begin() as conn:  # the Slack store as slack_0002 left it, with a watch in it
        config.attributes.update(
            connection=conn, target_metadata=SlackStore.metadata, version_table="alembic_version_slack"
        )
        command.upgrade(config, "slack_0002")
        conn.execute(
            text(
                "INSERT INTO slack_watches (channel, question, plan, planned_on, created_by, created_at) "
                "VALUES ('CKEPT0001', 'open calls on hydrogen', '{}', '2026-12-01', 'UKEPT0001', :now)"
            ),
            {"now": NOW},
        )
    engine.dispose()
    store = SlackStore.open(db_url)
    try:
        (kept,) = WatchStore.of(store).watches("CKEPT0001")
        assert (kept.question, kept.created_by, kept.lang) == ("open calls on hydrogen", "UKEPT0001", "en")
    finally:
        store.close()
    engine = create_engine(db_url)
    with engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version_slack")).scalar_one()
    assert version == "slack_0003"
    engine.dispose()


def test_migrations_alone_make_every_table_of_the_models(
    db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    engine = _engine(db_url)
    caplog.set_level(logging.WARNING, logger="corpus.sql")
    for store, (metadata, _) in {**STORES, **NEW_STORES}.items():
        migrate(engine, metadata=metadata, migrations=store)
    assert "without a migration" not in caplog.text, (
        "add a revision file for the new table (docs/operations.md)"
    )
    with engine.connect() as conn:
        for store, (metadata, _) in {**STORES, **NEW_STORES}.items():
            tables = set(metadata.tables)

            def this_store(name: str | None, kind: str, _parent: object, tables: set[str] = tables) -> bool:
                return kind != "table" or name in tables  # the other stores share the database

            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "include_name": this_store}
            )
            assert compare_metadata(context, metadata) == [], f"{store}: the models and the migrations differ"
    engine.dispose()


def test_opening_a_migrated_store_again_changes_nothing(db_url: str) -> None:
    stores: tuple[type[SqlStore] | type[RecordStore], ...] = (
        RecordStore,
        ConversationStore,
        SlackStore,
        RefreshLog,
    )
    for store_class in stores:
        store_class.open(db_url).close()
    before = _versions(db_url)
    for store_class in stores:
        store_class.open(db_url).close()
    assert _versions(db_url) == before


def test_every_store_names_its_migrations() -> None:
    for store_class in (ConversationStore, SlackStore, RefreshLog):
        assert issubclass(store_class, SqlStore) and store_class.migrations in {**STORES, **NEW_STORES}


def test_restore_of_a_0_1_0_backup_migrates_every_store(tmp_path: Path) -> None:
    import sqlite3

    from typer.testing import CliRunner

    from integrations.cli.main import app

    old = tmp_path / "old"
    old.mkdir()
    for store, file in (("records", "corpus"), ("conversations", "conversations"), ("slack", "slack")):
        with sqlite3.connect(old / f"{file}.sqlite3") as conn:
            conn.executescript((SCHEMA_0_1_0 / f"{store}.sqlite.sql").read_text(encoding="utf-8"))
    archive = tmp_path / "old.tar.gz"
    runner = CliRunner()
    backup = runner.invoke(app, ["--data-dir", str(old), "backup", str(archive), "--no-index"])
    assert backup.exit_code == 0, backup.output
    for file in ("corpus", "conversations", "slack"):  # the backup holds the old schema as it was
        with sqlite3.connect(old / f"{file}.sqlite3") as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert not any(name.startswith("alembic_version") for name in tables)
    restored = tmp_path / "restored"
    result = runner.invoke(app, ["--data-dir", str(restored), "restore", str(archive)])
    assert result.exit_code == 0, result.output
    for store, file in (("records", "corpus"), ("conversations", "conversations"), ("slack", "slack")):
        with sqlite3.connect(restored / f"{file}.sqlite3") as conn:
            (version,) = conn.execute(f"SELECT version_num FROM alembic_version_{store}").fetchone()
        assert version == STORES[store][1]
