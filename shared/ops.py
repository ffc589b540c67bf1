"""Health, readiness and the operator's view of parked events.

Readiness means "can serve requests": the database answers. NATS is not part of it — writes keep
going to the outbox while NATS is down and are published once it returns — so a NATS outage must
not take the API out of rotation. Its state is in ``/healthz``'s detail and the
``xianjie_nats_connected`` gauge, which the alert rules in deploy/alerts/ watch.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import FastAPI, Path, Query, Request
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector, CollectorRegistry
from pydantic import BaseModel
from sqlalchemy import select

from shared.auth import Role
from shared.context import RequestContext, requires
from shared.errors import Conflict, NotFound, problem_response, problem_responses
from shared.events.consumer import HandlerFailed, NoHandler
from shared.pagination import Limit
from shared.routing import KitRouter


def _nats_state(app: FastAPI) -> str | None:
    """ "ok" or "down" for a component with a NATS link; None without one (or before start-up)."""
    component = getattr(app.state, "component", None)
    link = getattr(component, "link", None)
    if link is None:
        return None
    return "ok" if link.connected else "down"


def health_router() -> KitRouter:
    router = KitRouter(tags=["ops"])

    @router.get("/healthz", summary="存活检查（附 NATS 状态）/ liveness, with NATS state")
    async def healthz(request: Request) -> dict[str, Any]:
        # Always 200 while the process runs: a liveness failure restarts it, which cures no outage.
        nats = _nats_state(request.app)
        return {"status": "ok"} if nats is None else {"status": "ok", "checks": {"nats": nats}}

    @router.get("/readyz", summary="就绪检查（数据库）/ readiness: the database answers", responses={503: {}})
    async def readyz(request: Request) -> Any:
        component = getattr(request.app.state, "component", None)
        checks: dict[str, str] = {}
        if component is None:
            checks["startup"] = "pending"
        else:
            try:
                await component.db.ping()
                checks["database"] = "ok"
            except Exception as exc:
                checks["database"] = f"down: {type(exc).__name__}"
        if all(v == "ok" for v in checks.values()):
            return {"status": "ready", "checks": checks}
        return problem_response(
            request,
            status=503,
            code="not_ready",
            title="服务未就绪",
            headers={"Retry-After": "5"},
            extra={"checks": checks},
        )

    return router


class _NatsConnected(Collector):
    """``xianjie_nats_connected``: read at scrape time, so it is never stale."""

    def __init__(self, app: FastAPI, component: str) -> None:
        self.app = app
        self.component = component

    def collect(self) -> Iterator[GaugeMetricFamily]:
        state = _nats_state(self.app)
        if state is None:
            return
        gauge = GaugeMetricFamily(
            "xianjie_nats_connected",
            "1 while the NATS link is connected; 0 while down (writes wait in the outbox)",
            labels=["component"],
        )
        gauge.add_metric([self.component], 1.0 if state == "ok" else 0.0)
        yield gauge


def install_health_metrics(app: FastAPI, registry: CollectorRegistry, component: str) -> None:
    registry.register(_NatsConnected(app, component))


class ParkedEvent(BaseModel):
    id: int
    event_id: str
    consumer: str
    event_type: str
    nats_subject: str
    error: str
    deliveries: int
    parked_at: datetime
    replayed_at: datetime | None
    envelope: dict[str, Any]


class ReplayResult(BaseModel):
    id: int
    applied: bool


# Parked events are the district's operators' business; auditors may look (and their look is on record).
OperatorReaderCtx = Annotated[RequestContext, requires((Role.DISTRICT_ADMIN, Role.AUDITOR))]
OperatorCtx = Annotated[RequestContext, requires((Role.DISTRICT_ADMIN,), write=True)]


def ops_router() -> KitRouter:
    router = KitRouter(prefix="/v1/ops", tags=["ops"])

    @router.get(
        "/parked-events",
        summary="查看停放的事件 / parked events",
        response_model=list[ParkedEvent],
        responses=problem_responses(401, 403),
    )
    async def list_parked(
        ctx: OperatorReaderCtx,
        include_replayed: Annotated[bool, Query()] = False,
        limit: Limit = 100,
    ) -> list[ParkedEvent]:
        table = ctx.component.tables.parked_events
        query = select(table).order_by(table.c.id.desc()).limit(limit)
        if not include_replayed:
            query = query.where(table.c.replayed_at.is_(None))
        rows = (await ctx.session.execute(query)).mappings().all()
        return [ParkedEvent.model_validate({**row, "event_id": str(row["event_id"])}) for row in rows]

    @router.post(
        "/parked-events/{parked_id}/replay",
        summary="重放停放的事件 / replay a parked event",
        response_model=ReplayResult,
        responses=problem_responses(401, 403, 404, 409),
    )
    async def replay(ctx: OperatorCtx, parked_id: Annotated[int, Path(ge=1, le=2**63 - 1)]) -> ReplayResult:
        component = ctx.component
        table = component.tables.parked_events
        event_type = await ctx.session.scalar(select(table.c.event_type).where(table.c.id == parked_id))
        # A service's consumers (one per source stream) share its name; the handler's owner replays.
        if event_type is None:
            raise NotFound()
        consumer = next((c for c in component.consumers if event_type in c.subscription.handlers), None)
        if consumer is None:
            # Parked because no handler knew its type or version: replayable once one is deployed.
            error = NoHandler(event_type)
            raise Conflict(f"重放失败：{error}", f"replay failed: {error}")
        try:
            applied = await consumer.replay(parked_id)
        except HandlerFailed as exc:
            raise Conflict(f"重放失败：{exc}", f"replay failed: {exc}") from exc
        await ctx.audit("replay", "parked_event", parked_id, {"event_type": event_type, "applied": applied})
        return ReplayResult(id=parked_id, applied=applied)

    return router
