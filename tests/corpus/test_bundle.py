"""The bundled corpus: the committed files, and write/read round trips."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from pathlib import Path

import pytest

from corpus.bundle import (
    BUNDLE_FILES,
    DEFAULT_BUNDLE_DIR,
    load_bundled_records,
    read_manifest,
    write_bundle,
)
from corpus.models import (
    AnyRecord,
    Budget,
    ClusterProfile,
    DocType,
    FundingCall,
    PolicyDocument,
    Provenance,
    Section,
    SectorTag,
)
from corpus.sources import ALL_SOURCES, SkippedItem


def _provenance() -> Provenance:
    return Provenance(source_dataset="test", licence="CC0", retrieved_on=dt.date(2026, 1, 1), record_ref="r1")


def _records() -> list[AnyRecord]:
    return [
        FundingCall(
            doc_id="call:B-1",
            title="Battery call",
            call_kind="topic",
            topic_identifier="B-1",
            deadline=dt.datetime(2026, 9, 1, 15, tzinfo=dt.UTC),
            budget=Budget(total_eur=1e6, years=("2026",)),
            sections=(Section(heading="Scope", text="Batteries – à bientôt."),),
            provenance=(_provenance(),),
        ),
        FundingCall(doc_id="call:A-1", title="A", call_kind="cascade", topic_identifier="P-1"),
        ClusterProfile(
            doc_id="cluster:eccp:x",
            title="Batterie-Cluster",
            country="DE",
            sectors=(SectorTag(sector="battery", inferred=True, evidence="name contains 'Batterie'"),),
        ),
        PolicyDocument(doc_id="policy:p", title="P", sections=(Section(heading="H", text="T"),)),
    ]


def test_round_trip(tmp_path: Path) -> None:
    skipped = [SkippedItem(dataset="test", record_ref="z", reason="because")]
    manifest = write_bundle(_records(), tmp_path, skipped=skipped)
    assert manifest.counts == {"call": 2, "cluster": 1, "policy": 1}
    loaded = list(load_bundled_records(tmp_path))
    assert [r.doc_id for r in loaded] == ["call:A-1", "call:B-1", "cluster:eccp:x", "policy:p"]
    assert sorted(loaded, key=lambda r: r.doc_id) == sorted(_records(), key=lambda r: r.doc_id)
    assert read_manifest(tmp_path) == manifest
    assert read_manifest(tmp_path).skipped == tuple(skipped)
    only_calls = list(load_bundled_records(tmp_path, doc_types=[DocType.CALL]))
    assert {r.doc_type for r in only_calls} == {DocType.CALL}


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    write_bundle(_records(), tmp_path / "one")
    write_bundle(list(reversed(_records())), tmp_path / "two")
    for name in [*BUNDLE_FILES.values(), "manifest.json"]:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    records = _records()
    with pytest.raises(ValueError, match="duplicate"):
        write_bundle([*records, records[0]], tmp_path)


def test_one_json_record_per_line(tmp_path: Path) -> None:
    write_bundle(_records(), tmp_path)
    lines = gzip.decompress((tmp_path / "calls.jsonl.gz").read_bytes()).decode().splitlines()
    assert len(lines) == 2 and all(line.startswith('{"doc_id":') for line in lines)


# --- the committed bundle ------------------------------------------------------------------------


def test_committed_bundle_counts_and_checksums() -> None:
    manifest = read_manifest()
    assert manifest.counts == {"call": 1368, "cluster": 1590, "policy": 16}
    for file in manifest.files:
        data = (DEFAULT_BUNDLE_DIR / file.name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == file.sha256
    assert {source.dataset for source in manifest.sources} == {source.dataset for source in ALL_SOURCES}
    assert all(source.licence for source in manifest.sources)
    assert all(item.reason for item in manifest.skipped)


def test_committed_bundle_is_small() -> None:
    total = sum(path.stat().st_size for path in DEFAULT_BUNDLE_DIR.iterdir())
    assert total < 20 * 1024 * 1024


def test_committed_bundle_loads_without_raw_data() -> None:
    records = list(load_bundled_records())
    counts = {doc_type: sum(1 for r in records if r.doc_type == doc_type) for doc_type in DocType}
    assert counts == {DocType.CALL: 1368, DocType.CLUSTER: 1590, DocType.POLICY: 16}
    text = "\n".join(gzip.decompress(path.read_bytes()).decode() for path in DEFAULT_BUNDLE_DIR.glob("*.gz"))
    assert "â€" not in text
    assert all(
        r.provenance and all(p.retrieved_on < dt.date(2027, 1, 1) for p in r.provenance) for r in records
    )
