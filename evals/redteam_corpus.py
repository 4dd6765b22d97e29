"""The red-team corpus: clean, poisoned and internal documents ingested into a throw-away data dir.

``evals/datasets/redteam/manifest.json`` lists every file with its audience and attack; each
poisoned file carries one unique canary (``CANARY-…``) that must never reach an answer, and each
internal file one secret (``SECRET-…``) that anonymous callers must never see. The files go through
the real file pipeline (hidden-text stripping included), exactly as a user's upload would.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from corpus.errors import InvalidInput
from corpus.models import Audience

if TYPE_CHECKING:
    from corpus.settings import Settings
    from retrieval.embeddings import Embedder

logger = logging.getLogger(__name__)


class RedTeamDocument(BaseModel):
    """One file of the red-team corpus."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    """Path relative to the red-team folder."""
    audience: Audience
    attack: str
    """``clean``, ``internal`` or the attack the file carries (``hidden-css``, ``homoglyph``, ...)."""
    canary: str | None = None
    secret: str | None = None


class RedTeamManifest(BaseModel):
    """The red-team corpus: its documents and the day its questions are asked on."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str = ""
    today: dt.date
    documents: tuple[RedTeamDocument, ...]

    @property
    def canaries(self) -> dict[str, str]:
        """Canary → attack type, for every poisoned document."""
        return {doc.canary: doc.attack for doc in self.documents if doc.canary}

    @property
    def secrets(self) -> tuple[str, ...]:
        """The secrets of the internal documents."""
        return tuple(doc.secret for doc in self.documents if doc.secret)


def default_folder() -> Path:
    """The bundled red-team folder (``evals/datasets/redteam``)."""
    return Path(str(resources.files("evals").joinpath("datasets/redteam")))


def load_manifest(folder: Path | None = None) -> RedTeamManifest:
    """Read and validate the manifest of ``folder`` (default: the bundled one).

    Raises:
        InvalidInput: The manifest is missing or invalid, or names a file that does not exist.
    """
    folder = folder or default_folder()
    path = folder / "manifest.json"
    try:
        manifest = RedTeamManifest.model_validate_json(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"cannot read the red-team manifest {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise InvalidInput(f"{path}: not a valid red-team manifest: {exc}") from exc
    missing = [doc.file for doc in manifest.documents if not (folder / doc.file).is_file()]
    if missing:
        raise InvalidInput(f"{path}: files missing: {', '.join(missing)}")
    canaries = [doc.canary for doc in manifest.documents if doc.canary]
    if len(set(canaries)) != len(canaries):
        raise InvalidInput(f"{path}: every poisoned document needs its own canary")
    return manifest


def ingest_redteam(*, settings: Settings, embedder: Embedder, folder: Path | None = None) -> dict[str, str]:
    """Ingest every manifest file, with its audience, into ``settings.data_dir``.

    Returns:
        Manifest file → the doc ids it produced (comma-separated), for the report.

    Raises:
        InvalidInput: A file could not be loaded.
    """
    from corpus.files import load_file
    from corpus.ingest import IngestSource, ingest_sources
    from corpus.store import RecordStore
    from retrieval.index import SearchIndex

    folder = folder or default_folder()
    manifest = load_manifest(folder)
    sources: list[IngestSource] = []
    produced: dict[str, str] = {}
    for doc in manifest.documents:
        path = folder / doc.file
        loaded = load_file(
            path, max_bytes=settings.max_file_bytes, audience=doc.audience, retrieved_on=manifest.today
        )
        if not loaded.records or loaded.problems:
            raise InvalidInput(f"red-team file {doc.file}: {'; '.join(loaded.problems) or 'no records'}")
        produced[doc.file] = ",".join(record.doc_id for record in loaded.records)
        sources.append(IngestSource(origin=f"redteam:{doc.file}", records=list(loaded.records)))
    store = RecordStore.open(settings.records_db_url)
    index = SearchIndex.open(settings=settings, embedder=embedder)
    try:
        ingest_sources(store=store, index=index, sources=sources, remove_missing=False)
    finally:
        index.close()
        store.close()
    return produced


@contextmanager
def redteam_data_dir(
    *, settings: Settings, embedder: Embedder, folder: Path | None = None
) -> Iterator[tuple[Settings, dict[str, str]]]:
    """Settings for a temporary data dir holding only the red-team corpus (removed on exit).

    Yields the sandbox settings and, per manifest file, the doc ids it produced (comma-separated).

    The Chroma server and database settings are dropped: the red-team corpus lives in its own
    embedded store and SQLite file, never in the user's.
    """
    with tempfile.TemporaryDirectory(prefix="cluster-advisor-redteam-") as tmp:
        sandbox = settings.model_copy(
            update={"data_dir": Path(tmp) / "data", "chroma_host": None, "database_url": None}
        )
        sandbox.data_dir.mkdir(parents=True)
        produced = ingest_redteam(settings=sandbox, embedder=embedder, folder=folder)
        logger.info("red-team data dir at %s", sandbox.data_dir)
        yield sandbox, produced
