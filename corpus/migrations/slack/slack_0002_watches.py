"""Saved searches: channels' watches, the calls each has shown, and the weekly digest schedules.

Revision ID: slack_0002
Revises: slack_0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "slack_0002"
down_revision = "slack_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "slack_watches",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("question", sa.String(300), nullable=False),
        sa.Column("plan", sa.Text, nullable=False),
        sa.Column("planned_on", sa.Date, nullable=False),
        sa.Column("created_by", sa.String(32)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("snoozed_until", sa.DateTime(timezone=True)),
        sa.Column("last_digest", sa.String(96)),
    )
    op.create_index("ix_slack_watches_channel", "slack_watches", ["channel"])
    op.create_table(
        "slack_watch_seen",
        sa.Column("watch_id", sa.Integer, primary_key=True),
        sa.Column("doc_id", sa.String(128), primary_key=True),
        sa.Column("seen_on", sa.Date, nullable=False),
    )
    op.create_table(
        "slack_digest_schedules",
        sa.Column("channel", sa.String(32), primary_key=True),
        sa.Column("weekday", sa.Integer, nullable=False),
        sa.Column("at_time", sa.String(5), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("next_run_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_slack_digest_schedules_next_run_at", "slack_digest_schedules", ["next_run_at"])


def downgrade() -> None:
    op.drop_index("ix_slack_digest_schedules_next_run_at", table_name="slack_digest_schedules")
    op.drop_table("slack_digest_schedules")
    op.drop_table("slack_watch_seen")
    op.drop_index("ix_slack_watches_channel", table_name="slack_watches")
    op.drop_table("slack_watches")
