"""The refresh log (cluster-advisor refresh): runs, the change log, sightings and the lease.

Revision ID: refresh_0001
Revises:
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from corpus.sql import key_text

revision = "refresh_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_refreshes",
        sa.Column("refresh_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("fetched", sa.Integer, nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("changed", sa.Integer, nullable=False),
        sa.Column("unchanged", sa.Integer, nullable=False),
        sa.Column("missing", sa.Integer, nullable=False),
    )
    op.create_index("ix_call_refreshes_finished_at", "call_refreshes", ["finished_at"])
    op.create_table(
        "call_changes",
        sa.Column("change_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "refresh_id",
            sa.Integer,
            sa.ForeignKey("call_refreshes.refresh_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("doc_id", key_text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
    )
    op.create_index("ix_call_changes_doc", "call_changes", ["doc_id", "refresh_id"])
    op.create_table(
        "call_sightings",
        sa.Column("doc_id", key_text(), primary_key=True),
        sa.Column("first_seen", sa.Date, nullable=False),
        sa.Column("last_seen", sa.Date, nullable=False),
        sa.Column("last_refresh_id", sa.Integer, nullable=False),
    )
    op.create_table(
        "refresh_lease",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("holder", sa.Text, nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("refresh_lease")
    op.drop_table("call_sightings")
    op.drop_table("call_changes")
    op.drop_table("call_refreshes")
