"""``POST/GET/DELETE /v1/documents``: add a file to the corpus, list documents, remove one everywhere.

Writes need a caller with write permission (:class:`~integrations.api.security.Caller`). Uploads
live in the caller's own id namespace (``upload:<owner>:<id>``), so they never replace a bundled
document or another caller's upload; a caller deletes its own uploads, an admin key any document.
Deleting leaves a tombstone (the record is kept) that ``ingest`` and ``restore`` respect.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, HTTPException, Query, Response, UploadFile
from starlette.concurrency import run_in_threadpool

from corpus.chunking import chunk_record
from corpus.errors import FileTooLarge, NotFound
from corpus.files import load_bytes
from corpus.ingest import IngestSource, delete_documents, ingest_sources
from corpus.models import Audience
from integrations.api.deps import ApiServices, CallerDep, ServicesDep, visible_audiences
from integrations.api.schemas import MAX_OFFSET, DocumentItem, DocumentsPage, UploadResponse
from integrations.api.security import Caller

router = APIRouter(prefix="/v1", tags=["documents"])

UPLOAD_ORIGIN = "api-upload"
READ_ONLY = (
    "this caller may not change documents: writes need an API key with write permission "
    "(KEY:write or KEY:admin in CLUSTER_ADVISOR_API_KEYS; see CLUSTER_ADVISOR_WRITERS)"
)


def _require_writer(caller: Caller) -> None:
    if not caller.can_write:
        raise HTTPException(status_code=403, detail=READ_ONLY)


def _ingest(
    services: ApiServices,
    data: bytes,
    filename: str,
    audience: Audience,
    caller: Caller,
    encoding: str | None,
) -> UploadResponse:
    loaded = load_bytes(
        data,
        filename=filename,
        max_bytes=services.settings.max_file_bytes,
        audience=audience,
        retrieved_on=services.settings.today,
        encoding=encoding,
    )
    # The caller's own namespace: the same file again updates the caller's own upload, nothing else.
    records = [
        record.model_copy(update={"doc_id": f"{caller.upload_prefix}{record.doc_id}"})
        for record in loaded.records
    ]
    # Chunk and embed before taking the write lock: readers wait only for the upsert itself.
    passages = [chunk for record in records for chunk in chunk_record(record)]
    limit = services.settings.max_upload_chunks
    if len(passages) > limit:
        raise FileTooLarge(
            f"'{filename}' makes {len(passages):,} passages; one upload may make at most {limit:,} "
            "(CLUSTER_ADVISOR_MAX_UPLOAD_CHUNKS): split the file, or load it with 'cluster-advisor ingest'"
        )
    vectors = services.index.embed_chunks(passages)
    with services.writing():
        services.records.clear_tombstones(record.doc_id for record in records)  # a deliberate re-upload
        report = ingest_sources(
            store=services.records,
            index=services.index,
            sources=[IngestSource(origin=UPLOAD_ORIGIN, records=records, problems=loaded.problems)],
            remove_missing=False,
            vectors=vectors,
        )
        services.index.flush()
    return UploadResponse(
        documents=[
            DocumentItem(
                doc_id=record.doc_id,
                doc_type=record.doc_type.value,
                title=record.title,
                origin=UPLOAD_ORIGIN,
                audience=record.audience.value,
            )
            for record in records
        ],
        added=sum(report.added.values()),
        updated=sum(report.updated.values()),
        unchanged=sum(report.unchanged.values()),
        problems=list(report.skipped),
    )


@router.post(
    "/documents",
    status_code=201,
    response_model=UploadResponse,
    responses={
        413: {"description": "File over the size limit."},
        403: {
            "description": "A caller without write permission, or internal documents from a key that may not."
        },
        415: {"description": "Unsupported file type."},
        422: {"description": "Corrupt, empty or hostile file."},
    },
)
async def upload_document(
    services: ServicesDep,
    caller: CallerDep,
    file: Annotated[
        UploadFile, File(description="PDF, DOCX, PPTX, HTML, Markdown, text, or CSV/JSON/XLSX records.")
    ],
    audience: Annotated[Literal["public", "internal"], Form()] = "public",
    encoding: Annotated[
        str | None,
        Form(max_length=40, description="Text encoding of a CSV/text file, e.g. cp1250 (default: detected)."),
    ] = None,
) -> UploadResponse:
    """Read an uploaded file and index it under ``upload:<owner>:`` (the same file again updates it)."""
    _require_writer(caller)
    wanted = Audience(audience)
    if wanted not in visible_audiences(caller):
        raise HTTPException(status_code=403, detail="this caller may not add internal documents")
    limit = services.settings.max_file_bytes
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(f"'{file.filename}' is larger than the limit of {limit:,} bytes")
    return await run_in_threadpool(
        _ingest, services, data, file.filename or "upload", wanted, caller, encoding or None
    )


def _visible(services: ApiServices, caller: Caller, doc_id: str) -> DocumentItem | None:
    record = services.records.get_record(doc_id)
    if record is None or record.audience not in visible_audiences(caller):
        return None
    stored = services.records.stored_documents().get(doc_id)
    return DocumentItem(
        doc_id=doc_id,
        doc_type=record.doc_type.value,
        title=record.title,
        origin=stored.origin if stored else "unknown",
        audience=record.audience.value,
    )


@router.get("/documents", response_model=DocumentsPage)
def list_documents(
    services: ServicesDep,
    caller: CallerDep,
    origin: Annotated[
        str, Query(max_length=200, description="'api-upload' (uploads), 'bundled', or a file origin.")
    ] = UPLOAD_ORIGIN,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> DocumentsPage:
    """Documents of one origin (uploads by default) the caller may see, by id (one page, cut in SQL)."""
    total, rows = services.records.list_documents(
        origin=origin,
        audiences=[audience.value for audience in visible_audiences(caller)],
        limit=limit,
        offset=offset,
    )
    items = [
        DocumentItem(
            doc_id=row.doc_id,
            doc_type=row.doc_type.value,
            title=row.title,
            origin=row.origin,
            audience=row.audience,
        )
        for row in rows
    ]
    return DocumentsPage(total=total, offset=offset, limit=limit, documents=items)


@router.delete(
    "/documents/{doc_id:path}",
    status_code=204,
    responses={
        403: {"description": "A read-only caller, or a document that is not the caller's own upload."},
        404: {"description": "Unknown document (or one the caller may not see)."},
    },
)
def delete_document(doc_id: str, services: ServicesDep, caller: CallerDep) -> Response:
    """Delete a document everywhere; its record is kept as a tombstone (``ingest`` won't re-add it)."""
    _require_writer(caller)
    # A document the caller may not see answers exactly as a missing one: no existence leak.
    if _visible(services, caller, doc_id) is None:
        raise NotFound(f"no document with id {doc_id[:300]!r}")
    if not (caller.admin or doc_id.startswith(caller.upload_prefix)):
        raise HTTPException(
            status_code=403,
            detail=f"this caller may delete only its own uploads (ids starting {caller.upload_prefix!r}); "
            "other documents need an admin key (KEY:admin)",
        )
    with services.writing():
        delete_documents(
            store=services.records, index=services.index, doc_ids=[doc_id], deleted_by=caller.owner
        )
        services.index.flush()
    return Response(status_code=204)
