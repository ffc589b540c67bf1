"""Evidence files (佐证材料): upload to the object store, record, list, download, withdraw.

Rules (issue 11; docs/services/monitoring.md "佐证材料"):
- A file is at most ``evidence_max_bytes`` (413 ``file_too_large``) and is a JPEG, PNG or PDF by
  its first bytes (415 ``unsupported_file_type``); the client's name and Content-Type are not trusted.
- Its store key is ours (``evidence/<household>/<evidence id>``); the database row keeps sha256,
  size, type, uploader and time. A refused or failed upload leaves no object behind.
- A supporting visit or workflow step must be the same household's (422; foreign keys too).
- Evidence is withdrawn with a reason (If-Match), never deleted; a helper withdraws only their own.
- Scope is the household's: whoever may not load the household gets 404 for its files.
"""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime

import structlog
from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from services.monitoring.access import load_household
from services.monitoring.evidence import repository
from services.monitoring.evidence.files import HEAD_BYTES, display_name, sniff
from services.monitoring.evidence.schemas import EvidenceFingerprint, EvidenceForm, WithdrawalIn
from services.monitoring.evidence.upload import receive_one_file
from services.monitoring.models import Evidence, Household
from services.monitoring.settings import MonitoringSettings
from shared.auth import Role
from shared.context import RequestContext
from shared.errors import (
    AppError,
    FieldProblem,
    Forbidden,
    InvalidRequest,
    InvalidTransition,
    NotFound,
    ValidationFailed,
)
from shared.objectstore import (
    ObjectNotFound,
    ObjectStore,
    ObjectStoreError,
    ObjectTooLarge,
    StoredObject,
    limited,
    store_from_settings,
)

log = structlog.get_logger("xianjie.monitoring.evidence")


class FileTooLarge(AppError):
    status, code, title_zh, title_en = 413, "file_too_large", "文件超过大小上限", "File too large"


class UnsupportedFileType(AppError):
    status, code = 415, "unsupported_file_type"
    title_zh, title_en = "只接受 JPEG、PNG 图片或 PDF 文件", "Only JPEG, PNG or PDF files"


class EmptyFile(AppError):
    status, code, title_zh, title_en = 422, "empty_file", "上传的文件为空", "The file is empty"


class EvidenceStoreUnavailable(AppError):
    status, code = 503, "evidence_store_unavailable"
    title_zh, title_en = "材料存储暂不可用，请稍后重试", "File store unavailable, retry later"


def store_of(ctx: RequestContext) -> ObjectStore:
    """The process's store for evidence, made from the settings on first use (tests may set one)."""
    state = ctx.request.app.state
    store: ObjectStore | None = getattr(state, "evidence_store", None)
    if store is None:
        store = store_from_settings(ctx.component.settings, prefix="monitoring")
        state.evidence_store = store
    return store


@dataclass
class _Stored:
    key: str
    media_type: str
    size: int
    sha256: str


async def _drain(chunks: AsyncIterator[bytes]) -> None:
    """Read the rest of a refused file, so the answer reaches a client still sending (the body limit
    middleware bounds how much)."""
    async for _ in chunks:
        pass


async def _store_file(store: ObjectStore, key: str, chunks: AsyncIterator[bytes], max_bytes: int) -> _Stored:
    head = bytearray()
    while len(head) < HEAD_BYTES:
        try:
            head += await anext(chunks)
        except StopAsyncIteration:
            break
    if not head:
        raise EmptyFile("请选择要上传的文件", "the file part has no content")
    media_type = sniff(bytes(head))
    if media_type is None:
        await _drain(chunks)
        raise UnsupportedFileType("文件内容不是 JPEG、PNG 或 PDF", "content is not JPEG, PNG or PDF")
    digest = hashlib.sha256()

    async def whole() -> AsyncIterator[bytes]:
        yield bytes(head)
        async for chunk in chunks:
            yield chunk

    async def hashed(source: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
        async for chunk in source:
            digest.update(chunk)
            yield chunk

    try:
        info = await store.put(key, hashed(limited(whole(), max_bytes)), content_type=media_type)
    except ObjectTooLarge:
        await _drain(chunks)
        raise FileTooLarge(
            f"文件不能超过 {max_bytes} 字节", f"files are limited to {max_bytes} bytes"
        ) from None
    return _Stored(key=key, media_type=media_type, size=info.size, sha256=digest.hexdigest())


def _read_form(fields: dict[str, str]) -> EvidenceForm:
    # A form sends an unused optional field as "": that means "not given".
    given = {name: value for name, value in fields.items() if value.strip() != ""}
    try:
        return EvidenceForm.model_validate(given)
    except ValidationError as exc:
        error = InvalidRequest()
        error.field_problems = [
            FieldProblem(
                field=".".join(str(p) for p in e["loc"]) or "form",
                message="不允许的字段" if e["type"] == "extra_forbidden" else e["msg"],
                type=e["type"],
            )
            for e in exc.errors()
        ]
        raise error from None


async def _forget(store: ObjectStore, key: str) -> None:
    try:
        await store.delete(key)
    except Exception:  # the refusal matters more; an orphan object only takes space
        log.warning("evidence_orphan_left", key=key)


async def _check_supports(ctx: RequestContext, household: Household, form: EvidenceForm) -> None:
    if form.visit_id is not None and form.transition_id is not None:
        raise ValidationFailed("transition_id", "一份材料只佐证一条走访记录或一个流程步骤")
    if form.visit_id is not None and not await repository.visit_of(ctx.session, household.id, form.visit_id):
        raise ValidationFailed("visit_id", "该农户没有这条走访记录", "no such visit of this household")
    if form.transition_id is not None and not await repository.transition_of(
        ctx.session, household.id, form.transition_id
    ):
        raise ValidationFailed("transition_id", "该农户没有这个流程步骤", "no such step of this household")


async def upload(ctx: RequestContext, household: Household, request: Request) -> Evidence | JSONResponse:
    """Stream the file to the store and record it; a replayed Idempotency-Key answers as before."""
    settings = ctx.settings_as(MonitoringSettings)
    store = store_of(ctx)
    evidence_id = uuid.uuid4()
    key = f"evidence/{household.id}/{evidence_id}"

    async def consume(_: str | None, chunks: AsyncIterator[bytes]) -> _Stored:
        return await _store_file(store, key, chunks, settings.evidence_max_bytes)

    # Nothing is written yet (the household was only read): end that transaction so the pool
    # connection is not held while a phone uploads for minutes. The writes below start a new one,
    # which the request commits as usual.
    await ctx.session.commit()

    try:
        received = await receive_one_file(request, consume)
    except ObjectStoreError as exc:
        log.error("evidence_store_failed", key=key, error=str(exc))
        await _forget(store, key)
        raise EvidenceStoreUnavailable() from None
    except BaseException:
        await _forget(store, key)  # e.g. a second file part after the first was stored
        raise
    stored: _Stored = received.stored
    try:
        form = _read_form(received.fields)
        file_name = display_name(received.file_name, stored.media_type, form.kind.label)
        fingerprint = EvidenceFingerprint(
            form=form, file_name=file_name, sha256=stored.sha256, size_bytes=stored.size
        )
        if (replay := await ctx.idempotent_replay(fingerprint)) is not None:
            await _forget(store, key)
            return replay
        await _check_supports(ctx, household, form)
        evidence = Evidence(
            id=evidence_id,
            household_id=household.id,
            kind=form.kind,
            visit_id=form.visit_id,
            transition_id=form.transition_id,
            description=form.description,
            file_name=file_name,
            store_key=key,
            media_type=stored.media_type,
            size_bytes=stored.size,
            sha256=stored.sha256,
            uploaded_by=ctx.principal.subject,
            uploaded_role=ctx.principal.role.value,
        )
        ctx.session.add(evidence)
        await ctx.session.flush()
        await ctx.audit(
            "create",
            "evidence",
            evidence.id,
            {
                "household_id": str(household.id),
                "kind": form.kind.value,
                "media_type": stored.media_type,
                "size_bytes": stored.size,
                "sha256": stored.sha256,
                "visit_id": str(form.visit_id) if form.visit_id else None,
                "transition_id": form.transition_id,
            },
        )
        return evidence
    except BaseException:
        await _forget(store, key)
        raise


async def visible(ctx: RequestContext, evidence_id: uuid.UUID, *, for_update: bool = False) -> Evidence:
    """The file if the caller may load its household; anyone else is told it does not exist (404)."""
    evidence = await repository.get(ctx.session, evidence_id)
    if evidence is not None:
        try:
            await load_household(ctx, evidence.household_id)
        except NotFound:
            evidence = None
    if evidence is None:
        raise NotFound("材料不存在或不在您的数据范围内", "evidence not found")
    if for_update:
        await ctx.session.refresh(evidence, with_for_update=True)
    return evidence


async def open_content(ctx: RequestContext, evidence_id: uuid.UUID) -> tuple[Evidence, StoredObject]:
    evidence = await visible(ctx, evidence_id)
    try:
        opened = await store_of(ctx).open(evidence.store_key)
    except (ObjectNotFound, ObjectStoreError) as exc:
        log.error("evidence_content_unavailable", evidence_id=str(evidence.id), error=type(exc).__name__)
        raise EvidenceStoreUnavailable() from None
    if opened.info.size != evidence.size_bytes:
        with contextlib.suppress(Exception):
            await opened.chunks.aclose()  # type: ignore[attr-defined]
        log.error("evidence_content_mismatch", evidence_id=str(evidence.id))
        raise EvidenceStoreUnavailable()
    return evidence, opened


async def withdraw(ctx: RequestContext, evidence_id: uuid.UUID, body: WithdrawalIn) -> Evidence:
    evidence = await visible(ctx, evidence_id, for_update=True)
    if ctx.principal.role is Role.HELPER and evidence.uploaded_by != ctx.principal.subject:
        raise Forbidden("帮扶责任人只能撤回本人上传的材料", "helpers withdraw only their own uploads")
    ctx.require_if_match(evidence.version)
    if evidence.withdrawn_at is not None:
        raise InvalidTransition("该材料已撤回", "already withdrawn")
    evidence.withdrawn_at = datetime.now(UTC)
    evidence.withdrawn_by = ctx.principal.subject
    evidence.withdrawal_reason = body.reason
    await ctx.session.flush()
    await ctx.audit("withdraw", "evidence", evidence.id, {"reason": body.reason})
    return evidence
