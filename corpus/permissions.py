"""Owner-only files: the data dir holds internal documents, conversations and Slack state.

Every process that writes a data dir or a backup runs with :func:`private_umask` (the CLI entry
point calls it first), so whatever the libraries create (SQLite, Chroma, BM25 files, archives) is
``0o600`` and every directory ``0o700``; :func:`private_dir` also tightens a data dir created
before, and backups are ``0o600`` whatever the umask.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600


def private_umask() -> None:
    """New files of this process (and its children) are readable by their owner only."""
    os.umask(PRIVATE_UMASK)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as ``0o700``; an existing one we own is tightened too."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    try:
        if path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o077:
            path.chmod(DIR_MODE)
    except OSError:  # pragma: no cover - a mount that refuses chmod keeps its own rules
        pass
    return path
