"""Saved searches remember the language they were saved in (their replies and digests are in it).

Existing watches keep every row and read as English, the language their digests were posted in.

Revision ID: slack_0003
Revises: slack_0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "slack_0003"
down_revision = "slack_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite cannot add a NOT NULL column otherwise (a server default fills old rows)
    with op.batch_alter_table("slack_watches") as batch:
        batch.add_column(sa.Column("lang", sa.String(8), nullable=False, server_default="en"))


def downgrade() -> None:
    with op.batch_alter_table("slack_watches") as batch:
        batch.drop_column("lang")
