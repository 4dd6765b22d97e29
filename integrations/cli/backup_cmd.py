"""``cluster-advisor backup DEST`` and ``restore SRC``: a data dir in one verified archive."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from corpus.backup import BackupManifest, create_backup, pg_dump_command, restore_backup
from corpus.console import console, counts_table, err_console, print_json
from corpus.settings import Settings
from integrations.cli.context import cli_context


def register(app: typer.Typer) -> None:
    app.command("backup")(backup)
    app.command("restore")(restore)


def backup(
    ctx: typer.Context,
    dest: Annotated[
        Path, typer.Argument(help="The archive to write, e.g. backups/advisor-2026-05-10.tar.gz.")
    ],
    no_index: Annotated[
        bool, typer.Option("--no-index", help="Leave the indexes out (smaller; restore rebuilds them).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the manifest as one JSON object.")] = False,
) -> None:
    """Back up the data dir (records, conversations, Slack state, indexes) into one .tar.gz.

    Safe while a server or an ingest is running: SQLite files are copied with SQLite's online
    backup API; the indexes are included only if no index write happened during the copy.
    """
    settings = cli_context(ctx).settings
    if settings.database_url:
        err_console.print(
            "[yellow]The SQL stores are in CLUSTER_ADVISOR_DATABASE_URL: back them up with pg_dump:[/]\n"
            f"  {pg_dump_command(settings.database_url, dest)}\n"
            "Only the local indexes go into this archive.",
            highlight=False,
        )
    manifest = create_backup(settings=settings, dest=dest, include_index=not no_index)
    if as_json:
        print_json({"archive": str(dest), **manifest.model_dump(mode="json")})
        return
    _print_manifest(manifest, title=f"Backup written to {dest}")


def restore(
    ctx: typer.Context,
    src: Annotated[Path, typer.Argument(help="An archive written by `cluster-advisor backup`.")],
    force: Annotated[bool, typer.Option("--force", help="Replace a data dir that is not empty.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as one JSON object.")] = False,
) -> None:
    """Restore a backup into the data dir (stop the server first).

    The archive is extracted beside the data dir, every checksum and SQLite file is verified, the
    SQL stores are migrated to this version's schema and the index is checked against the records
    (repaired or rebuilt if needed) before the data dir is replaced; a corrupt or truncated archive
    leaves the data dir as it was.
    """
    settings = cli_context(ctx).settings
    checked: dict[str, Any] = {}

    def prepare(staged: Path) -> None:
        staged_settings = settings.model_copy(update={"data_dir": staged})
        _migrate_stores(staged_settings)
        checked.update(_check_index(staged_settings))

    manifest = restore_backup(settings=settings, src=src, force=force, prepare=prepare)
    if manifest.database == "external":
        err_console.print(
            "[yellow]This backup holds no SQL stores (PostgreSQL): restore them with pg_restore.[/]"
        )
    if as_json:
        print_json({"data_dir": str(settings.data_dir), "index": checked, **manifest.model_dump(mode="json")})
        return
    _print_manifest(manifest, title=f"Restored into {settings.data_dir}")
    console.print(
        f"index: {checked.get('state')} → {checked.get('action')} ({checked.get('seconds', 0):.1f} s)"
    )


def _migrate_stores(settings: Settings) -> None:
    """Bring the restored SQL stores to this version's schema (a backup may come from an older one)."""
    from assistant.conversation import ConversationStore
    from corpus.refresh.log import RefreshLog
    from integrations.slack.store import SlackStore

    ConversationStore.from_settings(settings).close()
    SlackStore.from_settings(settings).close()
    RefreshLog.open(settings.records_db_url).close()


def _check_index(settings: Settings) -> dict[str, Any]:
    """Run the start-up check on the restored data dir, so the first command after it is fast."""
    from corpus.store import RecordStore
    from retrieval.embeddings import embedder_from_settings
    from retrieval.startup import open_recovered_index

    store = RecordStore.open(settings.records_db_url)
    try:
        index, recovery = open_recovered_index(
            settings=settings, embedder=embedder_from_settings(settings), store=store
        )
        index.close()
    finally:
        store.close()
    return recovery.model_dump(mode="json")


def _print_manifest(manifest: BackupManifest, *, title: str) -> None:
    console.print(counts_table(title, manifest.counts))
    extra = f", {manifest.conversations} conversations" if manifest.conversations is not None else ""
    index = "included" if manifest.index_included else f"not included ({manifest.index_note})"
    console.print(
        f"{len(manifest.files)} files{extra}; index {index}; created {manifest.created_at:%Y-%m-%d %H:%M} UTC"
    )
