"""What every endpoint receives: the unit of work, the caller, and the request-scoped helpers.

``Ctx`` opens one transaction for the request and commits it after the endpoint returned (before
the response is sent), so a 201 is only ever answered for a committed write.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Any

from fastapi import Depends, Request, params
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy import Table, Text, bindparam, cast, select, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from shared.auth import Principal, Role
from shared.errors import IdempotencyKeyReused, PreconditionFailed, PreconditionRequired, Unauthorized
from shared.events.envelope import EventPayload, EventSpec
from shared.kit_rows import defer_kit_rows, headers_json, kept_rows, write_kit_rows
from shared.projections import RowT, require_reference
from shared.runtime import Component
from shared.settings import ServiceSettings
from shared.statements import Statement
from shared.work import SettingsT, record_audit

IDEMPOTENCY_HEADER = "Idempotency-Key"
bearer = HTTPBearer(auto_error=False, description="网关签发的访问令牌 / access token from POST /auth/token")


def get_component(request: Request) -> Component:
    component: Component = request.app.state.component
    return component


async def get_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    return await _principal(request, credentials)


async def _principal(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        error = Unauthorized("需要登录令牌", "bearer token required")
        error.headers["WWW-Authenticate"] = "Bearer"
        raise error
    principal = await get_component(request).verifier.verify(credentials.credentials)
    request.state.principal = principal
    return principal


def etag_for(version: int) -> str:
    return f'"{version}"'


@dataclass
class RequestContext:
    session: AsyncSession
    principal: Principal
    request: Request
    component: Component
    _idempotency: tuple[str, str] | None = field(default=None, init=False)

    @property
    def request_id(self) -> str | None:
        return getattr(self.request.state, "request_id", None)

    def settings_as(self, kind: type[SettingsT]) -> SettingsT:
        """The service's own settings class (``ctx.settings_as(MonitoringSettings)``)."""
        return self.component.settings_as(kind)

    async def audit(
        self, action: str, entity: str, entity_id: object | None = None, changes: dict[str, Any] | None = None
    ) -> None:
        await record_audit(
            self.session,
            self.component.tables,
            actor=self.principal.subject,
            actor_role=self.principal.role.value,
            action=action,
            entity=entity,
            entity_id=entity_id,
            changes=changes,
            request_id=self.request_id,
        )

    async def publish(self, spec: EventSpec, subject: object, payload: EventPayload) -> None:
        await self.component.outbox.add(self.session, spec, str(subject), payload)

    async def require_reference(
        self, row: RowT | None, *, field: str, source: str, place: Callable[[RowT], str] | None = None
    ) -> RowT:
        """``row`` of another service's record named in this request, if the caller may name it
        (``shared.projections.require_reference``)."""
        return await require_reference(
            self.principal, row, field=field, source=source, events=self.component, place=place
        )

    def require_if_match(self, current_version: int) -> None:
        header = self.request.headers.get("if-match")
        if header is None or not header.strip():
            raise PreconditionRequired()
        wanted = {tag.strip().removeprefix("W/") for tag in header.split(",")}
        if "*" not in wanted and etag_for(current_version) not in wanted:
            error = PreconditionFailed(current_version=current_version)
            error.headers["ETag"] = etag_for(current_version)
            raise error

    async def idempotent_replay(self, body: BaseModel | None) -> JSONResponse | None:
        """Claim the request's Idempotency-Key; if it was already answered, return that answer.

        The claim is a row inserted in this transaction: a concurrent retry with the same key waits
        on it and then sees the stored answer; if this request fails, the claim rolls back with it.
        """
        key = self.request.headers.get(IDEMPOTENCY_HEADER)
        if not key:
            return None
        if len(key) > 200:
            raise IdempotencyKeyReused(
                "幂等键过长（最多 200 字符）", "Idempotency-Key longer than 200 characters"
            )
        payload = body.model_dump(mode="json") if body is not None else None
        digest = hashlib.sha256(
            json.dumps(
                [self.request.method, self.request.url.path, payload], sort_keys=True, default=str
            ).encode()
        ).hexdigest()
        table = self.component.tables.idempotency_keys
        claimed = await _claim(table).scalar(
            self.session, principal=self.principal.subject, key=key, request_hash=digest
        )
        if claimed is not None:
            self._idempotency = (key, digest)
            return None
        row = (
            await self.session.execute(
                select(table).where(table.c.principal == self.principal.subject, table.c.key == key)
            )
        ).one()
        if row.request_hash != digest or row.status_code is None:
            raise IdempotencyKeyReused()
        headers = dict(row.response_headers or {})
        headers["Idempotent-Replayed"] = "true"
        return JSONResponse(row.response_body, status_code=row.status_code, headers=headers)

    async def respond(
        self, body: BaseModel, *, status_code: int = 200, headers: dict[str, str] | None = None
    ) -> JSONResponse:
        """Build the answer and, for a claimed Idempotency-Key, keep it for retries.

        The body is serialised once, by pydantic, and the same JSON text is both sent and kept
        (``tests/kit/test_lean_write.py`` pins it to what ``JSONResponse`` renders of the model's dump).
        """
        content = body.model_dump_json(by_alias=True)
        if self._idempotency is not None:
            key, _ = self._idempotency
            keep = (self.principal.subject, key, status_code, content, headers_json(headers or {}))
            if kept_rows(self.session) is not None:
                # With the request's audit rows and events: one statement (shared.kit_rows).
                await write_kit_rows(self.session, keep=keep)
            else:
                await _keep_answer(self.component.tables.idempotency_keys).execute(
                    self.session,
                    principal=keep[0],
                    key=keep[1],
                    status_code=keep[2],
                    response_body=keep[3],
                    response_headers=headers or {},
                )
        return RenderedJSONResponse(content, status_code=status_code, headers=headers)


class RenderedJSONResponse(JSONResponse):
    """A ``JSONResponse`` of JSON text already rendered (by pydantic's serialiser)."""

    def render(self, content: Any) -> bytes:
        return content.encode() if isinstance(content, str) else super().render(content)


@cache
def _claim(table: Table) -> Statement:
    return Statement(
        pg_insert(table)
        .values(
            principal=bindparam("principal"), key=bindparam("key"), request_hash=bindparam("request_hash")
        )
        .on_conflict_do_nothing()
        .returning(table.c.key)
    )


@cache
def _keep_answer(table: Table) -> Statement:
    return Statement(
        update(table)
        .where(table.c.principal == bindparam("principal"), table.c.key == bindparam("key"))
        .values(
            status_code=bindparam("status_code"),
            # The answer's JSON text as sent, not parsed and serialised again.
            response_body=cast(bindparam("response_body", type_=Text), JSONB),
            response_headers=bindparam("response_headers"),
        )
    )


# Requests that only read run without a transaction (``Database.reads``): no BEGIN, no COMMIT.
READ_METHODS = frozenset({"GET", "HEAD"})


@asynccontextmanager
async def _unit_of_work(request: Request, principal: Principal) -> AsyncIterator[RequestContext]:
    component = get_component(request)
    db = component.db
    reads = request.method in READ_METHODS
    async with db.reads() if reads else db.transaction() as session:
        if not reads:
            # The audit rows and events wait and go in one statement (shared.kit_rows).
            defer_kit_rows(session, component.tables)
        ctx = RequestContext(session=session, principal=principal, request=request, component=component)
        yield ctx
        if principal.role is Role.AUDITOR:
            # Auditors see everything; in exchange every read of theirs is on record.
            # The path names what was read; the column is bounded (100), so a longer path is cut
            # there and kept whole beside the parameters.
            path = request.url.path
            await ctx.audit("read", "http", path[:100], {"path": path, "params": dict(request.path_params)})
        if not reads:
            await write_kit_rows(session)


async def _request_context(
    request: Request, principal: Annotated[Principal, Depends(get_principal)]
) -> AsyncIterator[RequestContext]:
    async with _unit_of_work(request, principal) as ctx:
        yield ctx


# scope="function": the transaction commits when the endpoint returns, before the response goes out.
Ctx = Annotated[RequestContext, Depends(_request_context, scope="function")]
CurrentPrincipal = Annotated[Principal, Depends(get_principal)]

# A further rule on the caller, beyond the role (e.g. "only the HR department's system").
PrincipalCheck = Callable[[Principal, ServiceSettings], None]


def requires(
    roles: Iterable[Role], *, write: bool = False, check: PrincipalCheck | None = None
) -> params.Depends:
    """The request's unit of work, for callers with one of ``roles`` (and, for ``write``, not read-only).

    Authorisation is declared in the endpoint's signature, once per kind of caller, in the
    service's ``access.py``::

        ReaderCtx = Annotated[RequestContext, requires(READERS)]
        WriterCtx = Annotated[RequestContext, requires(WRITERS, write=True)]

    The caller is checked before the transaction opens; territorial scope, which depends on the
    record, stays with the service code that loads the record.
    """
    allowed = tuple(roles)

    # One dependency rather than a chain (caller -> role check -> unit of work): FastAPI solves
    # each dependency per request, and the chain cost more than the list query itself. The
    # bearer scheme stays a dependency of its own so the OpenAPI document names it.
    async def authorized_context(
        request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
    ) -> AsyncIterator[RequestContext]:
        principal = await _principal(request, credentials)
        if write:
            principal.require_write()
        principal.require_role(*allowed)
        if check is not None:
            check(principal, get_component(request).settings)
        # The caller is checked before the transaction opens: a refused caller never opens one.
        async with _unit_of_work(request, principal) as ctx:
            yield ctx

    return Depends(authorized_context, scope="function")
