"""Hostile files, through the loader (what ``cluster-advisor ingest PATH`` runs) and the upload endpoint.

Each file is made in ``tmp_path`` at test time (nothing big is committed). Each is refused with a
message that names the file and the problem, in bounded time and memory, and nothing already
stored is lost.
"""

from __future__ import annotations

import io
import json
import os
import re
import threading
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import psutil  # type: ignore[import-untyped,unused-ignore]  # stubs may be missing
import pytest
from fastapi.testclient import TestClient
from pypdf import PdfWriter
from typer.testing import CliRunner

from corpus.errors import AdvisorError, FileTooLarge, InvalidInput, UnsupportedFile
from corpus.files import load_bytes, load_file
from corpus.ingest import file_sources, ingest_sources
from integrations.api import create_app
from tests.api.conftest import api_settings, services_for
from tests.assistant.factories import TODAY, Corpus, build_corpus

MB = 1024 * 1024
LIMIT = 50 * MB
"""The default ``max_file_bytes``."""


def _pdf_with_content(content: bytes, *, flate: bool = False) -> bytes:
    """A one-page PDF whose page content stream is ``content`` (deflated when ``flate``)."""
    stream = zlib.compress(content, 9) if flate else content
    filters = b" /Filter /FlateDecode" if flate else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _good_pdf() -> bytes:
    return _pdf_with_content(b"BT /F1 12 Tf 72 720 Td (Cluster policy in a real PDF.) Tj ET")


def corrupt_pdf() -> bytes:
    """A real PDF cut in half (a broken download)."""
    whole = _good_pdf()
    return whole[: len(whole) // 2]


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="only-the-author-knows", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_bomb() -> bytes:
    """300 MB of page content deflated into about 300 KB."""
    return _pdf_with_content(b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n" + b" " * (300 * 1_000_000), flate=True)


def docx_bomb() -> bytes:
    """A DOCX whose document part inflates 1,000 times, to 40 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (40 * MB) + b"</w:document>")
    return buffer.getvalue()


def docx_of_many_parts() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for number in range(5001):
            archive.writestr(f"word/media/{number}.bin", b"")
    return buffer.getvalue()


def xlsx_bomb() -> bytes:
    """An XLSX whose worksheet part inflates 1,000 times, to 40 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<worksheet>" + b" " * (40 * MB) + b"</worksheet>")
    return buffer.getvalue()


def xlsx_far_cell() -> bytes:
    """A 5 KB workbook with one cell at XFD1048576: openpyxl pads rows out to 16,384 columns."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["name", "country"])
    sheet.append(["Silesian Battery Hub", "PL"])
    sheet["XFD1048576"] = "far away"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pptx_bomb() -> bytes:
    """A PPTX whose slide part inflates 1,000 times, to 40 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
        archive.writestr("ppt/slides/slide1.xml", b"<p:sld>" + b" " * (40 * MB) + b"</p:sld>")
    return buffer.getvalue()


def encrypted_xlsx() -> bytes:
    """Excel saves a password-protected workbook in an OLE compound file, not a ZIP."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096


def binary_named_md() -> bytes:
    return bytes(range(256)) * 64


def nested_html() -> bytes:
    return b"<html><body>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000 + b"</body></html>"


def nested_json() -> bytes:
    return b"[" * 100_000 + b"]" * 100_000


def million_columns_csv() -> bytes:
    header = ",".join(f"c{number}" for number in range(1_000_000))
    return f"{header}\n{'1,' * 10}\n".encode()


BadFile = tuple[str, Callable[[], bytes], type[AdvisorError], str, int]
BAD_FILES: list[BadFile] = [
    ("corrupt.pdf", corrupt_pdf, InvalidInput, r"corrupt PDF 'corrupt\.pdf'.*re-export", 422),
    ("encrypted.pdf", encrypted_pdf, InvalidInput, r"'encrypted\.pdf' is encrypted \(password", 422),
    ("bomb.pdf", pdf_bomb, InvalidInput, r"'bomb\.pdf' expands past the decompression limit", 422),
    ("bomb.docx", docx_bomb, InvalidInput, r"'bomb\.docx' expands \d+ times.*zip bomb", 422),
    ("parts.docx", docx_of_many_parts, InvalidInput, r"'parts\.docx' has 5002 parts.*zip bomb", 422),
    (
        "bomb_clusters.xlsx",
        xlsx_bomb,
        InvalidInput,
        r"'bomb_clusters\.xlsx' expands \d+ times.*zip bomb",
        422,
    ),
    (
        "far_clusters.xlsx",
        xlsx_far_cell,
        InvalidInput,
        r"'far_clusters\.xlsx' has more than 1,000,000 cells",
        422,
    ),
    (
        "locked.xlsx",
        encrypted_xlsx,
        UnsupportedFile,
        r"'locked\.xlsx' is an old Excel \.xls or a password",
        415,
    ),
    ("bomb.pptx", pptx_bomb, InvalidInput, r"'bomb\.pptx' expands \d+ times.*zip bomb", 422),
    ("notes.md", binary_named_md, UnsupportedFile, r"'notes\.md' is a binary file.*not Markdown", 415),
    ("deep.html", nested_html, InvalidInput, r"'deep\.html' is nested more than 200 levels", 422),
    ("deep.json", nested_json, InvalidInput, r"'deep\.json' is nested too deeply", 422),
    ("wide_calls.csv", million_columns_csv, InvalidInput, r"'wide_calls\.csv' has 1000000 columns", 422),
]
IDS = [name for name, *_ in BAD_FILES]


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """A corpus of this module's own: the tests try to write to it."""
    yield from build_corpus(tmp_path_factory.mktemp("bad-files-corpus"))


@pytest.fixture(scope="module")
def client(bad_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = api_settings(
        bad_corpus.settings.data_dir, CLUSTER_ADVISOR_RATE_LIMIT=0, CLUSTER_ADVISOR_WRITERS="anyone"
    )
    services = services_for(bad_corpus, settings, tmp_path_factory.mktemp("bad-files-api"))
    with TestClient(create_app(settings, services=services)) as test_client:
        yield test_client


def _counts(corpus: Corpus) -> dict[str, dict[str, int]]:
    return corpus.records.counts()


def write_100_mb_text(path: Path) -> Path:
    """100 MB of real text, written in 1 MB blocks (never held in memory whole)."""
    block = (b"Cluster policy text about funding and partners. " * 21 + b"\n") * 1000
    with path.open("wb") as handle:
        while handle.tell() < 100 * MB:
            handle.write(block)
    return path


class PeakRss:
    """The process's highest resident memory while the block runs, sampled every 5 ms."""

    def __init__(self) -> None:
        self.process = psutil.Process()
        self.start = int(self.process.memory_info().rss)
        self.peak = self.start
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, int(self.process.memory_info().rss))

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, int(self.process.memory_info().rss))

    @property
    def grew_mb(self) -> float:
        return (self.peak - self.start) / MB


# --- the loader ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "make", "error", "message", "status"), BAD_FILES, ids=IDS)
def test_loader_refuses_each_bad_file_with_its_reason(
    tmp_path: Path, name: str, make: Callable[[], bytes], error: type[AdvisorError], message: str, status: int
) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    started = time.perf_counter()
    with PeakRss() as memory, pytest.raises(error, match=message):
        load_file(path, max_bytes=LIMIT, retrieved_on=TODAY)
    assert time.perf_counter() - started < 10
    assert memory.grew_mb < 200


def test_100_mb_text_file_is_refused_by_its_size_unread(tmp_path: Path) -> None:
    path = write_100_mb_text(tmp_path / "huge.txt")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(FileTooLarge, match=r"'huge\.txt' is larger than the 52\.4 MB limit; split it"):
            load_file(path, max_bytes=LIMIT, retrieved_on=TODAY)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 1
    assert peak < 1 * MB, f"{peak / MB:.1f} MB allocated: the file was read"


def test_ingesting_a_folder_of_bad_files_loads_the_good_one_and_loses_nothing(
    bad_corpus: Corpus, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, make, *_ in BAD_FILES:
        (folder / name).write_bytes(make())
    write_100_mb_text(folder / "huge.txt")
    (folder / "good.md").write_text("# Good note\n\nHydrogen valleys need cluster partners.\n")
    before = _counts(bad_corpus)
    stored_before = set(bad_corpus.records.stored_documents())

    with PeakRss() as memory:
        sources = list(file_sources([folder], max_bytes=LIMIT, today=TODAY))
        report = ingest_sources(
            store=bad_corpus.records, index=bad_corpus.index, sources=sources, remove_missing=False
        )
    bad_corpus.index.flush()

    assert memory.grew_mb < 200
    assert report.sources_ok == 1 and report.sources_failed == len(BAD_FILES) + 1
    for name, _, _, message, _ in [*BAD_FILES, ("huge.txt", bytes, FileTooLarge, r"larger than", 413)]:
        reasons = [line for line in report.skipped if f"{folder / name}: " in line]
        assert len(reasons) == 1 and re.search(message, reasons[0]), (name, report.skipped)
    after = _counts(bad_corpus)
    assert after["documents"]["policy"] == before["documents"]["policy"] + 1
    assert {kind: n for kind, n in after["documents"].items() if kind != "policy"} == {
        kind: n for kind, n in before["documents"].items() if kind != "policy"
    }
    assert stored_before < set(bad_corpus.records.stored_documents())


def test_a_good_file_replaced_by_a_corrupt_copy_keeps_the_stored_document(
    bad_corpus: Corpus, tmp_path: Path
) -> None:
    path = tmp_path / "strategy.pdf"
    path.write_bytes(_good_pdf())
    first = ingest_sources(
        store=bad_corpus.records,
        index=bad_corpus.index,
        sources=list(file_sources([path], max_bytes=LIMIT, today=TODAY)),
    )
    assert first.loaded == 1
    path.write_bytes(corrupt_pdf())
    again = ingest_sources(
        store=bad_corpus.records,
        index=bad_corpus.index,
        sources=list(file_sources([path], max_bytes=LIMIT, today=TODAY)),
    )
    assert again.sources_failed == 1 and sum(again.removed.values()) == 0
    assert "corrupt PDF 'strategy.pdf'" in again.skipped[0]
    assert bad_corpus.records.get_record("policy:file:strategy-pdf") is not None


def test_cli_ingest_of_only_bad_files_names_each_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, make, *_ in BAD_FILES[:3]:
        (folder / name).write_bytes(make())
    from integrations.cli.main import app as cli_app  # the CLI imports every command: only here

    result = CliRunner().invoke(
        cli_app,
        ["--data-dir", str(tmp_path / "data"), "ingest", str(folder), "--json", "--no-progress"],
        env={"CLUSTER_ADVISOR_LOG_LEVEL": "error"},
    )
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout[: result.stdout.rindex("}") + 1])
    assert summary["sources_failed"] == 3 and summary["totals"]["documents"]["policy"] == 0
    for name, _, _, message, _ in BAD_FILES[:3]:
        reasons = [line for line in summary["skipped"] if f"{name}: " in line]
        assert len(reasons) == 1 and re.search(message, reasons[0]), summary["skipped"]
    assert "nothing could be loaded" in result.stderr


# --- the upload endpoint -------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "make", "error", "message", "status"), BAD_FILES, ids=IDS)
def test_upload_of_each_bad_file_is_4xx_with_its_reason(
    bad_corpus: Corpus,
    client: TestClient,
    name: str,
    make: Callable[[], bytes],
    error: type[AdvisorError],
    message: str,
    status: int,
) -> None:
    before = _counts(bad_corpus)
    response = client.post("/v1/documents", files={"file": (name, make(), "application/octet-stream")})
    assert response.status_code == status, response.text
    assert re.search(message, response.json()["detail"])
    assert _counts(bad_corpus) == before


def _streamed(total: int, block: bytes) -> Iterator[bytes]:
    boundary = b"--hostile"
    yield boundary + b'\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\n'
    yield b"Content-Type: text/plain\r\n\r\n"
    for _ in range(total // len(block)):
        yield block
    yield b"\r\n" + boundary + b"--\r\n"


def test_100_mb_upload_is_413_by_its_length_before_it_is_read(bad_corpus: Corpus, client: TestClient) -> None:
    before = _counts(bad_corpus)
    response = client.post(
        "/v1/documents",
        content=b"x" * 1000,  # what a client that lies about nothing sends first; refused by the header
        headers={"Content-Type": "multipart/form-data; boundary=hostile", "Content-Length": str(100 * MB)},
    )
    assert response.status_code == 413 and "request body too large" in response.json()["detail"]
    assert _counts(bad_corpus) == before


def test_100_mb_upload_without_a_length_is_cut_off_at_the_limit(
    bad_corpus: Corpus, client: TestClient
) -> None:
    before = _counts(bad_corpus)
    block = b"Cluster policy text. " * 50_000  # about 1 MB
    started = time.perf_counter()
    with PeakRss() as memory:
        response = client.post(
            "/v1/documents",
            content=_streamed(100 * MB, block),
            headers={"Content-Type": "multipart/form-data; boundary=hostile"},
        )
    assert response.status_code == 413, response.text[:300]
    assert "request body too large: the limit is" in response.json()["detail"]
    assert memory.grew_mb < 200, f"{memory.grew_mb:.0f} MB"
    assert time.perf_counter() - started < 30
    assert _counts(bad_corpus) == before


TRAVERSAL_NAMES = [
    "../../etc/passwd.md",
    "/etc/passwd.md",
    "..\\..\\windows\\win.ini.md",
    "C:\\Windows\\System32\\drivers.md",
    "a/../../b.md",
    "....//....//c.md",
    "\u202eevil.md",
]


@pytest.mark.parametrize("filename", TRAVERSAL_NAMES)
def test_upload_names_with_paths_keep_only_a_safe_last_component(
    bad_corpus: Corpus, client: TestClient, filename: str
) -> None:
    response = client.post(
        "/v1/documents", files={"file": (filename, b"# Note\n\nA short note.\n", "text/markdown")}
    )
    assert response.status_code == 201, response.text
    doc_id = response.json()["documents"][0]["doc_id"]
    try:
        assert re.fullmatch(r"upload:anonymous:policy:file:[a-z0-9-]+", doc_id)
        record = bad_corpus.records.get_record(doc_id)
        assert record is not None
        reference = record.provenance[0].record_ref or ""
        assert reference and not any(mark in reference for mark in ("/", "\\", "\x00", "\u202e", ".."))
    finally:
        assert client.delete(f"/v1/documents/{doc_id}").status_code == 204


def _raw_multipart(filename: bytes, body: bytes) -> bytes:
    return (
        b'--b0undary\r\nContent-Disposition: form-data; name="file"; filename="'
        + filename
        + b'"\r\nContent-Type: text/markdown\r\n\r\n'
        + body
        + b"\r\n--b0undary--\r\n"
    )


@pytest.mark.parametrize(
    ("filename", "status", "message"),
    [
        (b"evil\x00.md", 201, None),  # a real NUL byte on the wire: dropped from the name
        (b"notes.md\x00.exe", 415, r"'\.exe' files are not supported"),
        (b"..", 415, r"'upload': files without an extension"),
        (b"../../", 415, r"'upload': files without an extension"),
        (b"passwd", 415, r"'passwd': files without an extension"),
    ],
)
def test_raw_upload_names_with_nul_bytes_or_no_name(
    client: TestClient, filename: bytes, status: int, message: str | None
) -> None:
    response = client.post(
        "/v1/documents",
        content=_raw_multipart(filename, b"# Note\n\nNul names.\n"),
        headers={"Content-Type": "multipart/form-data; boundary=b0undary"},
    )
    assert response.status_code == status, response.text
    if message is not None:
        assert re.search(message, response.json()["detail"])
    else:
        doc_id = response.json()["documents"][0]["doc_id"]
        assert doc_id == "upload:anonymous:policy:file:evil-md"
        assert client.delete(f"/v1/documents/{doc_id}").status_code == 204


def test_loader_names_never_escape(tmp_path: Path) -> None:
    """``load_bytes`` is what the upload route calls: the name only ever picks the loader and the id."""
    for filename in TRAVERSAL_NAMES:
        record = load_bytes(b"Some text.", filename=filename, max_bytes=MB, retrieved_on=TODAY).records[0]
        assert re.fullmatch(r"policy:file:[a-z0-9-]+", record.doc_id), filename
    assert not any(tmp_path.iterdir()) and not Path(os.sep, "etc", "passwd.md").exists()


def shared_stream_pdf(pages: int, operators: int) -> bytes:
    """A small PDF whose every page shows one compressed content stream of ``operators`` text
    operators: readers extract that stream once per page (the CPU bomb of issue 15, item 5)."""
    content = b"BT /F1 12 Tf 72 712 Td " + b"(cluster) Tj " * operators + b"ET"
    stream = zlib.compress(content, 9)
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        *[
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
        ]
        * pages,
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(bodies, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref))
    return out.getvalue()


def test_a_pdf_that_repeats_one_content_stream_is_stopped_at_its_time_budget() -> None:
    from corpus.files.pdf import parse_pdf

    bomb = shared_stream_pdf(pages=400, operators=2000)  # ~60 KB; about 25 s of CPU to read whole
    assert len(bomb) < 80_000
    started = time.monotonic()
    with pytest.raises(InvalidInput, match=r"takes more than 1 s to read.*re-export it"):
        parse_pdf(bomb, name="bomb.pdf", fallback_title="bomb", time_budget_s=1.0)
    assert time.monotonic() - started < 10  # the budget plus the page being read, on a loaded machine


def test_a_pdf_over_its_text_budget_is_refused() -> None:
    from corpus.files.pdf import parse_pdf

    text_heavy = shared_stream_pdf(pages=5, operators=200)
    parsed = parse_pdf(text_heavy, name="ok.pdf", fallback_title="ok")
    assert sum(len(section.text) for section in parsed.sections) >= 5 * 200 * 7
    with pytest.raises(InvalidInput, match=r"more than 2,000 characters of text; split it"):
        parse_pdf(text_heavy, name="big.pdf", fallback_title="big", text_budget_chars=2000)


def test_the_default_pdf_time_budget_grows_with_the_file() -> None:
    from corpus.files import pdf

    started = time.monotonic()
    with pytest.raises(InvalidInput, match=r"bomb.pdf' takes more than [56] s"):
        load_bytes(
            shared_stream_pdf(pages=400, operators=2000),
            filename="bomb.pdf",
            max_bytes=MB,
            retrieved_on=TODAY,
        )
    assert time.monotonic() - started < pdf.TIME_BASE_S + 10
