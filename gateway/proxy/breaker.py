"""A circuit breaker per upstream service, and each service's timeouts.

A frozen service would cost every caller the whole read timeout. After ``failure_threshold``
consecutive timeouts or connection failures the breaker opens: calls are answered 503 at once
(problem ``unavailable``, ``Retry-After``) for ``reset_seconds``; then one call at a time is let
through as a probe (half-open) — its answer closes the breaker, its failure opens it again.

An answer of any status is a success: a service that answers 500 or 503 is alive and says so
itself. Small and in-process on purpose: each gateway replica judges its own connections.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

import structlog
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from starlette.datastructures import State

from gateway.proxy.upstream import Timeouts, UpstreamError
from gateway.settings import GatewaySettings
from shared.errors import AppError

log = structlog.get_logger("xianjie.gateway.breaker")


class CircuitOpen(AppError):
    status, code, title_zh, title_en = (
        503,
        "unavailable",
        "后端服务暂不可用，请稍后重试",
        "Upstream service unavailable, retry later",
    )


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


# What counts against an upstream: it did not answer (timeouts, refused or reset connections).
UPSTREAM_FAILURES: tuple[type[BaseException], ...] = (TimeoutError, UpstreamError)


@dataclass
class CircuitBreaker:
    service: str
    failure_threshold: int = 3
    reset_seconds: float = 5.0
    clock: Callable[[], float] = time.monotonic
    state: BreakerState = BreakerState.CLOSED
    failures: int = 0
    opened_at: float = 0.0
    probing: bool = False

    def _refuse(self, retry_after: float) -> CircuitOpen:
        error = CircuitOpen(
            f"服务 {self.service} 连续无响应，暂停转发",
            f"service {self.service} is not answering; calls are paused",
        )
        error.headers["Retry-After"] = str(max(1, math.ceil(retry_after)))
        return error

    def admit(self) -> None:
        """Let the call through, or raise :class:`CircuitOpen`."""
        if self.state is BreakerState.OPEN:
            waited = self.clock() - self.opened_at
            if waited < self.reset_seconds:
                raise self._refuse(self.reset_seconds - waited)
            self.state, self.probing = BreakerState.HALF_OPEN, False
        if self.state is BreakerState.HALF_OPEN:
            if self.probing:  # one probe at a time; the rest wait for its verdict
                raise self._refuse(1)
            self.probing = True

    def succeeded(self) -> None:
        if self.state is not BreakerState.CLOSED:
            log.info("upstream_circuit_closed", service=self.service)
        self.state, self.failures, self.probing = BreakerState.CLOSED, 0, False

    def failed(self) -> None:
        self.failures += 1
        if self.state is BreakerState.HALF_OPEN or self.failures >= self.failure_threshold:
            if self.state is not BreakerState.OPEN:
                log.warning("upstream_circuit_opened", service=self.service, failures=self.failures)
            self.state, self.opened_at, self.probing = BreakerState.OPEN, self.clock(), False

    def abandoned(self) -> None:
        """The call ended without a verdict (the caller went away): free the probe slot."""
        self.probing = False

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Around one call: admitted or refused; the outcome recorded."""
        self.admit()
        try:
            yield
        except UPSTREAM_FAILURES:
            self.failed()
            raise
        except BaseException:
            self.abandoned()
            raise
        self.succeeded()


@dataclass
class Upstreams:
    """Each service's breaker and timeouts, from the gateway's settings."""

    settings: GatewaySettings
    breakers: dict[str, CircuitBreaker] = field(default_factory=dict)
    timeouts: dict[tuple[str, bool], Timeouts] = field(default_factory=dict)

    def breaker(self, service: str) -> CircuitBreaker:
        found = self.breakers.get(service)
        if found is None:
            found = self.breakers[service] = CircuitBreaker(
                service,
                failure_threshold=self.settings.proxy_breaker_failures,
                reset_seconds=self.settings.proxy_breaker_reset_seconds,
            )
        return found

    def timeout(self, service: str, *, upload: bool = False) -> Timeouts:
        """``upload``: the request streams a large body (an import), answered only once it is all
        processed; it waits ``proxy_upload_timeout_seconds`` when that is the longer."""
        key = (service, upload)
        found = self.timeouts.get(key)
        if found is None:
            found = self.timeouts[key] = self._timeout(service, upload)
        return found

    def _timeout(self, service: str, upload: bool) -> Timeouts:
        read = self.settings.proxy_service_timeouts.get(service, self.settings.proxy_timeout_seconds)
        if upload:
            read = max(read, self.settings.proxy_upload_timeout_seconds)
        return Timeouts(
            # A service that does not accept the connection at once is down; say so quickly.
            connect=self.settings.proxy_connect_timeout_seconds,
            # Between the answer's bytes; waiting for a free pooled connection counts too, but no
            # longer than an answer would.
            read=read,
        )


class _CircuitGauge(Collector):
    def __init__(self, upstreams: Upstreams) -> None:
        self.upstreams = upstreams

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily(
            "xianjie_gateway_upstream_circuit_open",
            "1 while the gateway's circuit breaker for a service is open or probing (calls answered 503)",
            labels=["service"],
        )
        for service, breaker in sorted(self.upstreams.breakers.items()):
            gauge.add_metric([service], 0.0 if breaker.state is BreakerState.CLOSED else 1.0)
        yield gauge


def upstreams(state: State) -> Upstreams:
    """The app's :class:`Upstreams` (``app.state``), made on first use (its gauge joins the app's
    metrics then)."""
    found: Upstreams | None = getattr(state, "upstreams", None)
    if found is None:
        found = state.upstreams = Upstreams(state.gateway.settings)
        metrics = getattr(state, "metrics", None)
        if metrics is not None:
            metrics.registry.register(_CircuitGauge(found))
    return found
