"""Alembic's environment for every store: :func:`corpus.sql.migrate` hands over the connection,
the store's tables and its version table through ``config.attributes``; nothing is read from an
``alembic.ini`` or the environment."""

from __future__ import annotations

from alembic import context

attributes = context.config.attributes
context.configure(
    connection=attributes["connection"],
    target_metadata=attributes["target_metadata"],
    version_table=attributes["version_table"],
    # SQLite cannot ALTER most things: batch mode copies the table, so revisions work on both.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
