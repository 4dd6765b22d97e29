"""The record store as 0.1.0 created it: documents and their chunks.

Revision ID: records_0001
Revises:
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from corpus.sql import key_text

revision = "records_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", key_text(), primary_key=True),
        sa.Column("doc_type", sa.String(16), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("identifier", sa.String),
        sa.Column("url", sa.Text),
        sa.Column("audience", sa.String(16), nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_doc_type", "documents", ["doc_type"])
    op.create_index("ix_documents_origin", "documents", ["origin"])
    op.create_table(
        "chunks",
        sa.Column("chunk_id", key_text(), primary_key=True),
        sa.Column(
            "doc_id", key_text(), sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("doc_type", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_chunks_doc", "chunks", ["doc_id", "position"])


def downgrade() -> None:
    op.drop_table("chunks")
    op.drop_table("documents")
