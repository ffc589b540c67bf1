"""Prometheus metrics, one registry per app so several apps can share a process (tests).

Most are counted as things happen. The event path's state (outbox backlog, consumer lag, parked
events) lives in PostgreSQL and JetStream, so it is read when Prometheus scrapes: hooks given to
``before_scrape`` refresh those gauges, each bounded in time so a slow dependency never stalls
/metrics (a gauge it could not read shows NaN rather than a stale value).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import structlog
from fastapi import FastAPI, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    GCCollector,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

log = structlog.get_logger("xianjie.metrics")

# How long one scrape waits for the event path's figures before leaving them unknown.
SCRAPE_HOOK_TIMEOUT_SECONDS = 2.0


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "xianjie_http_requests_total",
            "HTTP requests",
            ["component", "method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "xianjie_http_request_seconds",
            "HTTP request latency",
            ["component", "method", "route"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.events_published = Counter(
            "xianjie_events_published_total",
            "Events published from the outbox",
            ["component"],
            registry=self.registry,
        )
        self.events_handled = Counter(
            "xianjie_events_handled_total",
            "Events applied by consumers",
            ["component", "type"],
            registry=self.registry,
        )
        self.events_duplicate = Counter(
            "xianjie_events_duplicate_total",
            "Redelivered events skipped by the inbox",
            ["component", "type"],
            registry=self.registry,
        )
        self.events_failed = Counter(
            "xianjie_events_failed_total",
            "Handler failures (will be retried)",
            ["component", "type"],
            registry=self.registry,
        )
        self.events_parked = Counter(
            "xianjie_events_parked_total",
            "Events parked after bounded redelivery",
            ["component", "type"],
            registry=self.registry,
        )
        self.events_unhandled = Counter(
            "xianjie_events_unhandled_total",
            "Events on a consumed subject with no handler here (unknown type or version), parked or skipped",
            ["consumer", "type"],
            registry=self.registry,
        )
        # The event path's state, refreshed on each scrape (see before_scrape).
        self.outbox_backlog = Gauge(
            "xianjie_outbox_backlog",
            "Outbox rows not yet published (including rows set aside after too many failures)",
            ["component"],
            registry=self.registry,
        )
        self.outbox_set_aside = Gauge(
            "xianjie_outbox_set_aside",
            "Outbox rows set aside after XIANJIE_OUTBOX_MAX_ATTEMPTS failed publishes",
            ["component"],
            registry=self.registry,
        )
        self.outbox_oldest_age = Gauge(
            "xianjie_outbox_oldest_unpublished_age_seconds",
            "Age of the oldest unpublished outbox row (0 when none waits)",
            ["component"],
            registry=self.registry,
        )
        self.consumer_pending = Gauge(
            "xianjie_consumer_pending",
            "Events of the source stream not yet delivered to this durable consumer (JetStream num_pending)",
            ["consumer", "stream"],
            registry=self.registry,
        )
        self.consumer_ack_pending = Gauge(
            "xianjie_consumer_ack_pending",
            "Events delivered to this consumer and not yet acknowledged (JetStream num_ack_pending)",
            ["consumer", "stream"],
            registry=self.registry,
        )
        self.parked_open = Gauge(
            "xianjie_events_parked_open",
            "Parked events not yet replayed",
            ["component"],
            registry=self.registry,
        )
        self._before_scrape: list[Callable[[], Awaitable[None]]] = []
        self._request_children: dict[tuple[str, str, str, int], tuple[Any, Any]] = {}

        self.task_runs = Counter(
            "xianjie_task_runs_total",
            "Periodic task runs by outcome (done, skipped: another replica held the lock, failed)",
            ["component", "task", "outcome"],
            registry=self.registry,
        )
        self.task_seconds = Histogram(
            "xianjie_task_seconds",
            "Periodic task run time",
            ["component", "task"],
            registry=self.registry,
            buckets=(0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300),
        )

    def before_scrape(self, hook: Callable[[], Awaitable[None]]) -> None:
        """Run ``hook`` before each /metrics answer (to refresh gauges read from elsewhere)."""
        self._before_scrape.append(hook)

    async def refresh(self) -> None:
        for hook in self._before_scrape:
            try:
                await asyncio.wait_for(hook(), SCRAPE_HOOK_TIMEOUT_SECONDS)
            except Exception as exc:  # a scrape must answer even when a dependency does not
                log.warning("metrics_refresh_failed", error=str(exc) or type(exc).__name__)

    def observe_request(self, component: str, method: str, route: str, status: int, seconds: float) -> None:
        """One answered request, labelled by route template (``/v1/households/{id}``), never the
        raw path: raw ids would explode cardinality. Called by the kit's ASGI layer
        (``shared.component.KitMiddleware``)."""
        key = (component, method, route, status)
        children = self._request_children.get(key)
        if children is None:
            # prometheus_client's labels() hashes and locks on every call: a few microseconds a
            # request, kept here per label set (a service has a bounded number of routes).
            children = self._request_children[key] = (
                self.latency.labels(component, method, route),
                self.requests.labels(component, method, route, str(status)),
            )
        children[0].observe(seconds)
        children[1].inc()

    def install(self, app: FastAPI, component: str) -> None:
        install_process_and_pool_metrics(self.registry, component, lambda: _component_pool(app))

        @app.get("/metrics", include_in_schema=False)
        async def metrics() -> Response:
            await self.refresh()
            return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


# --------------------------------------------------------------------------- process and DB pool


def install_process_and_pool_metrics(
    registry: CollectorRegistry, component: str, pool: Callable[[], Any | None]
) -> None:
    """CPU, memory, open files and GC of this process (prometheus_client's collectors, which the
    default registry has but a registry of our own does not), and the state of the component's
    SQLAlchemy connection pool, read at scrape time from ``pool()`` (None before startup)."""
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    GCCollector(registry=registry)
    registry.register(DatabasePoolCollector(component, pool))


def _component_pool(app: FastAPI) -> Any | None:
    component = getattr(app.state, "component", None)
    db = getattr(component, "db", None)
    return db.engine.pool if db is not None else None


class DatabasePoolCollector(Collector):
    """Gauges of a SQLAlchemy QueuePool: its size, connections lent out, overflow in use and idle.
    Checked-out near size + max overflow means requests are about to queue for a connection."""

    def __init__(self, component: str, pool: Callable[[], Any | None]) -> None:
        self.component = component
        self.pool = pool

    def describe(self) -> list[Metric]:
        return list(self._families().values())

    def collect(self) -> Iterator[Metric]:
        pool = self.pool()
        families = self._families()
        if pool is not None and hasattr(pool, "checkedout"):
            values = {
                "size": pool.size(),
                "checked_out": pool.checkedout(),
                "checked_in": pool.checkedin(),
                # QueuePool.overflow() counts from -size (connections not yet opened): in use is >= 0.
                "overflow": max(pool.overflow(), 0),
                "max": pool.size() + max(getattr(pool, "_max_overflow", 0), 0),
            }
            for key, family in families.items():
                family.add_metric([self.component], values[key])
        yield from families.values()

    @staticmethod
    def _families() -> dict[str, GaugeMetricFamily]:
        def gauge(name: str, documentation: str) -> GaugeMetricFamily:
            return GaugeMetricFamily(f"xianjie_db_pool_{name}", documentation, labels=["component"])

        return {
            "size": gauge("size", "Connections the pool keeps (pool_size)"),
            "checked_out": gauge("checked_out", "Connections lent out to requests and tasks now"),
            "checked_in": gauge("checked_in", "Open connections idle in the pool"),
            "overflow": gauge("overflow", "Connections open beyond pool_size now"),
            "max": gauge("max", "Most connections the pool will open (pool_size + max_overflow)"),
        }
