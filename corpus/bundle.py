"""The bundled corpus: compact, reproducible record files that ship inside the repository.

``write_bundle`` writes ``calls.jsonl.gz``, ``clusters.jsonl.gz``, ``policy.jsonl.gz`` (one record
JSON per line, sorted by ``doc_id``, gzip with ``mtime=0`` so rebuilds are byte-identical) and
``manifest.json`` (counts, sha256 per file, sources with licences, skipped items, builder version).
``load_bundled_records`` reads them back, by default from this package's ``data`` folder, so a
fresh clone works without the raw data.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from corpus.models import AnyRecord, DocType, record_from_json
from corpus.sources import ALL_SOURCES, SkippedItem, SourceInfo

logger = logging.getLogger(__name__)

BUILDER_VERSION = "1"
"""Version of the bundle builder; bump when the record-building rules change."""
DEFAULT_BUNDLE_DIR = Path(__file__).resolve().parent / "data"
MANIFEST_FILE = "manifest.json"
BUNDLE_FILES: dict[DocType, str] = {
    DocType.CALL: "calls.jsonl.gz",
    DocType.CLUSTER: "clusters.jsonl.gz",
    DocType.POLICY: "policy.jsonl.gz",
}


class BundleFile(BaseModel):
    """One record file of the bundle."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    doc_type: DocType
    records: int
    sha256: str
    bytes: int


class ShippedVectors(BaseModel):
    """The embeddings of every bundled chunk by one embedding model (``retrieval.shipped_vectors``).

    ``corpus_checksum`` identifies the chunks they were computed from (ids and embedded text, in
    ``chunk_id`` order, which is also the row order); ``ingest`` of the bundle loads them only when
    the model and the checksum both match, and embeds otherwise.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str
    dimension: int
    file: str
    dtype: str
    rows: int
    corpus_checksum: str
    sha256: str
    bytes: int


class BundleManifest(BaseModel):
    """What the bundle holds, from which sources, and what was left out."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    builder_version: str
    counts: dict[str, int]
    files: tuple[BundleFile, ...]
    sources: tuple[SourceInfo, ...]
    skipped: tuple[SkippedItem, ...] = ()
    vectors: tuple[ShippedVectors, ...] = ()
    """One entry per bundled embedding model (none until ``make corpus`` computed them)."""


def _gzip_bytes(lines: Iterable[str]) -> bytes:
    buffer = io.BytesIO()
    # mtime=0 and no file name: identical input gives identical bytes.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        for line in lines:
            handle.write(line.encode("utf-8"))
            handle.write(b"\n")
    return buffer.getvalue()


def write_bundle(
    records: Iterable[AnyRecord],
    out_dir: Path,
    *,
    skipped: Sequence[SkippedItem] = (),
    sources: Sequence[SourceInfo] = ALL_SOURCES,
) -> BundleManifest:
    """Write the bundled corpus files and their manifest into ``out_dir``.

    Args:
        records: every record to bundle (any order; they are sorted by ``doc_id``).
        out_dir: the target folder (created when missing).
        skipped: items the loaders left out, with reasons, for the manifest.
        sources: the raw sources, with their licences, for the manifest.

    Raises:
        ValueError: when two records share a ``doc_id``.
    """
    by_type: dict[DocType, dict[str, AnyRecord]] = {doc_type: {} for doc_type in BUNDLE_FILES}
    for record in records:
        bucket = by_type[record.doc_type]
        if record.doc_id in bucket:
            raise ValueError(f"duplicate doc_id {record.doc_id}")
        bucket[record.doc_id] = record
    out_dir.mkdir(parents=True, exist_ok=True)
    files = []
    for doc_type, name in BUNDLE_FILES.items():
        bucket = by_type[doc_type]
        data = _gzip_bytes(bucket[doc_id].model_dump_json() for doc_id in sorted(bucket))
        (out_dir / name).write_bytes(data)
        files.append(
            BundleFile(
                name=name,
                doc_type=doc_type,
                records=len(bucket),
                sha256=hashlib.sha256(data).hexdigest(),
                bytes=len(data),
            )
        )
    manifest = BundleManifest(
        builder_version=BUILDER_VERSION,
        counts={doc_type.value: len(bucket) for doc_type, bucket in by_type.items()},
        files=tuple(files),
        sources=tuple(sources),
        skipped=tuple(sorted(skipped, key=lambda item: (item.dataset, item.record_ref or "", item.reason))),
    )
    save_manifest(manifest, out_dir)
    logger.info("wrote bundle to %s: %s", out_dir, manifest.counts)
    return manifest


def save_manifest(manifest: BundleManifest, out_dir: Path) -> None:
    """Write ``manifest.json`` (sorted keys, fixed indentation: identical manifests, identical bytes)."""
    payload = json.dumps(manifest.model_dump(mode="json"), indent=2, ensure_ascii=False, sort_keys=True)
    (out_dir / MANIFEST_FILE).write_text(payload + "\n", encoding="utf-8")


def read_manifest(bundle_dir: Path | None = None) -> BundleManifest:
    """The manifest of a bundle (default: the bundled corpus shipped with the package).

    Raises:
        FileNotFoundError: when the folder holds no manifest.
    """
    folder = bundle_dir or DEFAULT_BUNDLE_DIR
    return BundleManifest.model_validate_json((folder / MANIFEST_FILE).read_text(encoding="utf-8"))


def load_bundled_records(
    bundle_dir: Path | None = None, *, doc_types: Iterable[DocType] | None = None
) -> Iterator[AnyRecord]:
    """Yield the records of a bundle, calls then clusters then policy documents, by ``doc_id``.

    Args:
        bundle_dir: the bundle folder (default: the bundled corpus shipped with the package).
        doc_types: only these record types (default: all).

    Raises:
        FileNotFoundError: when a record file is missing.
    """
    folder = bundle_dir or DEFAULT_BUNDLE_DIR
    wanted = set(doc_types) if doc_types is not None else set(BUNDLE_FILES)
    for doc_type, name in BUNDLE_FILES.items():
        if doc_type not in wanted:
            continue
        with gzip.open(folder / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield record_from_json(line)
