from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from services.monitoring.access import FieldWorkerCtx, VisitReaderCtx, load_household
from services.monitoring.evidence import repository, service
from services.monitoring.evidence.files import EXTENSIONS, content_disposition
from services.monitoring.evidence.schemas import EvidenceOut, WithdrawalIn
from services.monitoring.models import Evidence, EvidenceKind
from shared.context import etag_for
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter

# Evidence shows faces, signatures and ID cards: those who keep and check the household's record
# read it (its cadres, its helper, auditors — every auditor read on record); departments, who read
# households for their reports, do not. Scope is the household's (404 outside it).
router = KitRouter(tags=["evidence 佐证材料"])
BASE = "/v1/households/{household_id}/evidence"
# One file by its own id (short paths: an auditor's read is recorded with its path).
ONE = "/v1/evidence/{evidence_id}"

_UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["kind", "file"],
                    "additionalProperties": False,  # another field is refused (422)
                    "properties": {
                        "kind": {
                            "type": "string",
                            "enum": [k.value for k in EvidenceKind],
                            "x-enum-descriptions": [k.label for k in EvidenceKind],
                        },
                        # An empty field is no visit (HTML forms send every field).
                        "visit_id": {
                            "anyOf": [
                                {"type": "string", "format": "uuid"},
                                {"type": "string", "maxLength": 0},
                            ]
                        },
                        "transition_id": {"type": "integer", "minimum": 1},
                        "description": {"type": "string", "maxLength": 500},
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "JPEG、PNG 或 PDF（按内容识别），不超过 evidence_max_bytes",
                        },
                    },
                }
            }
        },
    }
}


@router.post(
    BASE,
    status_code=201,
    response_model=EvidenceOut,
    summary="上传佐证材料（multipart：kind、file，可选 visit_id / transition_id）/ upload evidence",
    responses=problem_responses(400, 401, 403, 404, 413, 415, 422, 503),
    openapi_extra=_UPLOAD_BODY,
)
async def upload_evidence(household_id: uuid.UUID, request: Request, ctx: FieldWorkerCtx) -> JSONResponse:
    household = await load_household(ctx, household_id)
    result = await service.upload(ctx, household, request)
    if isinstance(result, JSONResponse):  # a replayed Idempotency-Key
        return result
    out = EvidenceOut.model_validate(result)
    location = ONE.format(evidence_id=out.id)
    headers = {"ETag": etag_for(out.version), "Location": location}
    return await ctx.respond(out, status_code=201, headers=headers)


@router.get(
    BASE,
    response_model=Page[EvidenceOut],
    summary="农户的佐证材料 / a household's evidence",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_evidence(
    household_id: uuid.UUID,
    ctx: VisitReaderCtx,
    kind: Annotated[EvidenceKind | None, Query()] = None,
    include_withdrawn: Annotated[bool, Query(description="含已撤回的材料")] = False,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[EvidenceOut]:
    household = await load_household(ctx, household_id)
    query = repository.of_household(
        household.id, kind=kind, include_withdrawn=include_withdrawn, updated_since=updated_since
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Evidence.updated_at, Evidence.id), cursor=cursor, limit=limit
    )
    return Page[EvidenceOut](items=[EvidenceOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    ONE,
    response_model=EvidenceOut,
    summary="一份佐证材料的记录 / one evidence record",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_evidence(evidence_id: uuid.UUID, ctx: VisitReaderCtx) -> JSONResponse:
    out = EvidenceOut.model_validate(await service.visible(ctx, evidence_id))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.get(
    ONE + "/content",
    response_class=StreamingResponse,
    summary="下载佐证材料（流式）/ download the file",
    responses={
        200: {
            "content": {t: {"schema": {"type": "string", "format": "binary"}} for t in EXTENSIONS},
            "description": "文件内容 / the file",
        },
        **problem_responses(401, 403, 404, 422, 503),
    },
)
async def download_evidence(evidence_id: uuid.UUID, ctx: VisitReaderCtx) -> StreamingResponse:
    evidence, opened = await service.open_content(ctx, evidence_id)
    fallback = f"evidence-{evidence.id}{EXTENSIONS[evidence.media_type]}"
    return StreamingResponse(
        opened.chunks,
        media_type=evidence.media_type,
        headers={
            "Content-Length": str(evidence.size_bytes),
            "Content-Disposition": content_disposition(evidence.file_name, fallback),
            "X-Content-Type-Options": "nosniff",
            # Personal documents: no shared cache keeps a copy.
            "Cache-Control": "private, no-store",
            "ETag": f'"{evidence.sha256}"',
        },
    )


@router.post(
    ONE + "/withdrawal",
    response_model=EvidenceOut,
    summary="撤回佐证材料（须说明原因；需 If-Match；材料保留）/ withdraw evidence with a reason",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def withdraw_evidence(evidence_id: uuid.UUID, body: WithdrawalIn, ctx: FieldWorkerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = EvidenceOut.model_validate(await service.withdraw(ctx, evidence_id, body))
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})
