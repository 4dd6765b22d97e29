"""Alembic migrations of the SQL stores: one folder of revisions per store (``records``,
``conversations``, ``slack``), one shared ``env.py``, applied by :func:`corpus.sql.migrate`.

Adding a table or a column is one revision file in the store's folder (docs/operations.md says how).
"""
