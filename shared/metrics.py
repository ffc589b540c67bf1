"""Prometheus metrics, one registry per app so several apps can share a process (tests)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from starlette.routing import Match


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

    def install(self, app: FastAPI, component: str) -> None:
        @app.middleware("http")
        async def measure(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
            route = _route_template(app, request)
            started = time.perf_counter()
            status = 500
            try:
                response = await call_next(request)
                status = response.status_code
                return response
            finally:
                self.latency.labels(component, request.method, route).observe(time.perf_counter() - started)
                self.requests.labels(component, request.method, route, str(status)).inc()

        @app.get("/metrics", include_in_schema=False)
        async def metrics() -> Response:
            return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


def _route_template(app: FastAPI, request: Request) -> str:
    # Label by template (/v1/households/{id}), never by raw path: raw ids would explode cardinality.
    for route in app.router.routes:
        match, _ = route.matches(request.scope)
        if match is Match.FULL:
            return getattr(route, "path", "other")
    return "unmatched"
