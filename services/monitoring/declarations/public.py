"""The unit of work of a caller without a token (the public self-declaration channel).

No :class:`~shared.context.RequestContext` here: that one requires a token. A public request gets
what it needs the same way — one transaction, the audit row (actor ``public``), the outbox, and
the Idempotency-Key (one key space for all anonymous callers; the stored answer is replayed only
to a request with the same body, i.e. the same name, ID number and phone) — plus rate limits per
caller, counted in PostgreSQL in a transaction of their own, so that a refused or failed request
still counts and every replica sees the same counts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from limits import parse as parse_limit
from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.declarations import repository
from services.monitoring.settings import MonitoringSettings
from shared.context import IDEMPOTENCY_HEADER, get_component
from shared.errors import AppError, IdempotencyKeyReused
from shared.events.envelope import EventPayload, EventSpec
from shared.runtime import Component
from shared.work import record_audit

PUBLIC_ACTOR = "public"


class RateLimited(AppError):
    status, code, title_zh, title_en = 429, "rate_limited", "请求过于频繁，请稍后再试", "Too many requests"


def client_address(request: Request) -> str:
    """The caller as the server resolved it. Uvicorn believes X-Forwarded-For only from the proxies
    it is told to trust (``xianjie serve --forwarded-allow-ips``, default 127.0.0.1: set it to the
    gateway's addresses) and then takes the nearest untrusted hop — the address the gateway saw.
    A header forged by a caller who reaches the service directly is ignored."""
    return request.client.host if request.client else "unknown"


@dataclass
class PublicRequest:
    request: Request
    component: Component
    client: str
    session: AsyncSession | None = None
    _idempotency: str | None = field(default=None, init=False)

    @property
    def settings(self) -> MonitoringSettings:
        return self.component.settings_as(MonitoringSettings)

    @property
    def db(self) -> AsyncSession:
        if self.session is None:
            raise RuntimeError("the public request's transaction is not open")
        return self.session

    def keyed(self, value: str) -> str:
        """A caller's key for a counter: HMAC under the service secret, never the phone or address."""
        key = hashlib.sha256(b"xianjie:rate-bucket:" + self.settings.id_number_key.encode()).digest()
        return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()

    async def count(self, bucket: str, who: str, limit_text: str) -> None:
        """One hit of ``who`` against ``limit_text``; past the limit a 429 with Retry-After."""
        limit = parse_limit(limit_text)
        window = int(limit.get_expiry())
        keep = max(int(parse_limit(t).get_expiry()) for t in self._limits())
        async with self.component.db.transaction() as session:
            hit = await repository.hit(session, f"{bucket}:{self.keyed(who)}", window, keep_seconds=keep)
        if hit.hits > limit.amount:
            retry_after = max(1, math.ceil(hit.seconds_left))
            error = RateLimited(f"请 {retry_after} 秒后再试", f"retry in {retry_after} s")
            error.headers["Retry-After"] = str(retry_after)
            raise error

    def _limits(self) -> list[str]:
        s = self.settings
        return [
            s.self_declaration_phone_limit,
            s.self_declaration_client_limit,
            s.self_declaration_lookup_limit,
        ]

    async def audit(self, action: str, entity: str, entity_id: object, changes: dict[str, Any]) -> None:
        await record_audit(
            self.db,
            self.component.tables,
            actor=PUBLIC_ACTOR,
            actor_role=PUBLIC_ACTOR,
            action=action,
            entity=entity,
            entity_id=entity_id,
            changes=changes,
            request_id=getattr(self.request.state, "request_id", None),
        )

    async def publish(self, spec: EventSpec, subject: object, payload: EventPayload) -> None:
        await self.component.outbox.add(self.db, spec, str(subject), payload)

    async def idempotent_replay(self, body: BaseModel) -> JSONResponse | None:
        """As :meth:`shared.context.RequestContext.idempotent_replay`, for the anonymous caller."""
        key = self.request.headers.get(IDEMPOTENCY_HEADER)
        if not key:
            return None
        if len(key) > 200:
            raise IdempotencyKeyReused(
                "幂等键过长（最多 200 字符）", "Idempotency-Key longer than 200 characters"
            )
        digest = hashlib.sha256(
            json.dumps(
                [self.request.method, self.request.url.path, body.model_dump(mode="json")], sort_keys=True
            ).encode()
        ).hexdigest()
        table = self.component.tables.idempotency_keys
        claimed = await self.db.scalar(
            pg_insert(table)
            .values(principal=PUBLIC_ACTOR, key=key, request_hash=digest)
            .on_conflict_do_nothing()
            .returning(table.c.key)
        )
        if claimed is not None:
            self._idempotency = key
            return None
        row = (
            await self.db.execute(select(table).where(table.c.principal == PUBLIC_ACTOR, table.c.key == key))
        ).one()
        if row.request_hash != digest or row.status_code is None:
            raise IdempotencyKeyReused()
        return JSONResponse(
            row.response_body, status_code=row.status_code, headers={"Idempotent-Replayed": "true"}
        )

    async def respond(self, body: BaseModel, *, status_code: int = 200) -> JSONResponse:
        content = jsonable_encoder(body)
        if self._idempotency is not None:
            table = self.component.tables.idempotency_keys
            await self.db.execute(
                update(table)
                .where(table.c.principal == PUBLIC_ACTOR, table.c.key == self._idempotency)
                .values(status_code=status_code, response_body=content, response_headers={})
            )
        return JSONResponse(content, status_code=status_code)


def _public(request: Request) -> PublicRequest:
    return PublicRequest(request=request, component=get_component(request), client=client_address(request))


async def declaring_client(request: Request) -> AsyncIterator[PublicRequest]:
    """A declaration: counted per client address first (before the body is even looked at), then
    one transaction for the request, committed before the answer goes out."""
    public = _public(request)
    await public.count("declare-client", public.client, public.settings.self_declaration_client_limit)
    async with public.component.db.transaction() as session:
        public.session = session
        yield public


async def reading_client(request: Request) -> AsyncIterator[PublicRequest]:
    """The notice-board form and progress lookups: counted per client address, read-only."""
    public = _public(request)
    await public.count("lookup-client", public.client, public.settings.self_declaration_lookup_limit)
    async with public.component.db.transaction() as session:
        public.session = session
        yield public


DeclaringClient = Annotated[PublicRequest, Depends(declaring_client, scope="function")]
ReadingClient = Annotated[PublicRequest, Depends(reading_client, scope="function")]
