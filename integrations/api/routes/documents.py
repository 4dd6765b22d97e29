"""``POST/GET/DELETE /v1/documents``: add a file to the corpus, list documents, remove one everywhere."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, HTTPException, Query, Response, UploadFile
from starlette.concurrency import run_in_threadpool

from corpus.errors import FileTooLarge, NotFound
from corpus.files import load_bytes
from corpus.ingest import IngestSource, ingest_sources, remove_documents
from corpus.models import Audience
from integrations.api.deps import ApiServices, CallerDep, ServicesDep, visible_audiences
from integrations.api.schemas import DocumentItem, DocumentsPage, UploadResponse
from integrations.api.security import Caller

router = APIRouter(prefix="/v1", tags=["documents"])

UPLOAD_ORIGIN = "api-upload"


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
    with services.writing():
        # Same id again updates a document: never one the caller may not see (an internal one).
        visible = visible_audiences(caller)
        for record in loaded.records:
            stored = services.records.get_record(record.doc_id)
            if stored is not None and stored.audience not in visible:
                raise HTTPException(
                    status_code=403,
                    detail=f"'{record.doc_id}' is a document this caller may not change; "
                    "rename the file (or the record's id) and upload it again",
                )
        report = ingest_sources(
            store=services.records,
            index=services.index,
            sources=[IngestSource(origin=UPLOAD_ORIGIN, records=loaded.records, problems=loaded.problems)],
            remove_missing=False,
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
            for record in loaded.records
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
        403: {"description": "An internal document (or key) the caller may not change."},
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
    """Read an uploaded file and index it (same id again: the document is updated)."""
    wanted = Audience(audience)
    if caller.authenticated and wanted not in visible_audiences(caller):
        raise HTTPException(status_code=403, detail="this API key may not add internal documents")
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
    offset: Annotated[int, Query(ge=0)] = 0,
) -> DocumentsPage:
    """Documents of one origin (uploads by default) the caller may see, by id."""
    audiences = visible_audiences(caller)
    items = []
    for doc_id, stored in sorted(services.records.stored_documents(origin=origin).items()):
        record = services.records.get_record(doc_id)
        if record is None or record.audience not in audiences:
            continue
        items.append(
            DocumentItem(
                doc_id=doc_id,
                doc_type=stored.doc_type.value,
                title=record.title,
                origin=stored.origin,
                audience=record.audience.value,
            )
        )
    return DocumentsPage(
        total=len(items), offset=offset, limit=limit, documents=items[offset : offset + limit]
    )


@router.delete(
    "/documents/{doc_id:path}", status_code=204, responses={404: {"description": "Unknown document."}}
)
def delete_document(doc_id: str, services: ServicesDep, caller: CallerDep) -> Response:
    """Remove a document from the record store and from every index."""
    if _visible(services, caller, doc_id) is None:
        raise NotFound(f"no document with id {doc_id[:300]!r}")
    with services.writing():
        remove_documents(store=services.records, index=services.index, doc_ids=[doc_id])
        services.index.flush()
    return Response(status_code=204)
