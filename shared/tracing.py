"""OpenTelemetry traces, off unless ``XIANJIE_OTEL_ENDPOINT`` names an OTLP/HTTP collector.

When on, a request is one trace from the gateway (FastAPI server span, aiohttp client span to the
service) through the service (server span, asyncpg spans) and across NATS: the W3C trace context
of the request that wrote an event travels in the event itself (CloudEvents' distributed-tracing
extension attributes ``traceparent``/``tracestate``, stored with the outbox row), is copied into
the NATS message headers by the relay, and the consumer continues the trace in a span of its own.
nats-py has no instrumentation, hence the few functions here.

Off (the default) nothing is instrumented and the functions below return at once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

from fastapi import FastAPI

# Attributes of the CloudEvents distributed-tracing extension, and the W3C header names.
TRACE_FIELDS = ("traceparent", "tracestate")
# Probes and scrapes would be most of the traces and say nothing.
_UNTRACED_URLS = "healthz,readyz,metrics"

_provider: Any = None


def tracing_enabled() -> bool:
    return _provider is not None


def configure_tracing(app: FastAPI, component: str, endpoint: str) -> bool:
    """Instrument ``app`` (and, once per process, asyncpg and aiohttp's client) and export spans to
    ``endpoint`` (``http://collector:4318``). Returns whether tracing is on."""
    global _provider
    if not endpoint:
        return False
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    if _provider is None:
        from opentelemetry import trace
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.instrumentation.aiohttp_client import AioHttpClientInstrumentor
        from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        # One provider per process: the first component's name is the process's service name
        # (production runs one component per process).
        provider = TracerProvider(
            resource=Resource.create({"service.name": f"xianjie-{component}", "service.namespace": "xianjie"})
        )
        exporter = OTLPSpanExporter(endpoint=endpoint.rstrip("/") + "/v1/traces")
        provider.add_span_processor(BatchSpanProcessor(exporter))
        trace.set_tracer_provider(provider)
        AsyncPGInstrumentor().instrument(tracer_provider=provider)
        AioHttpClientInstrumentor().instrument(tracer_provider=provider)
        _provider = provider
    # No spans per ASGI send/receive message: one server span per request is what ops read.
    FastAPIInstrumentor.instrument_app(
        app, tracer_provider=_provider, excluded_urls=_UNTRACED_URLS, exclude_spans=["receive", "send"]
    )
    return True


@contextlib.contextmanager
def client_span(method: str, url: str) -> Iterator[tuple[Any, dict[str, str]]]:
    """A CLIENT span around an HTTP call made without aiohttp (the gateway's proxy client,
    gateway/proxy/upstream.py), as aiohttp's instrumentation would make it, and the W3C trace
    context to send with the request. Only call it when :func:`tracing_enabled`."""
    from opentelemetry import propagate, trace

    tracer = trace.get_tracer("xianjie.http.client", tracer_provider=_provider)
    with tracer.start_as_current_span(
        method,
        kind=trace.SpanKind.CLIENT,
        attributes={"http.request.method": method, "url.full": url},
    ) as span:
        carrier: dict[str, str] = {}
        propagate.inject(carrier)
        yield span, carrier


def shutdown_tracing() -> None:
    """Send the spans still buffered (at process exit the provider does this by itself too)."""
    if _provider is not None:
        _provider.force_flush()


def trace_context() -> dict[str, str]:
    """The current trace context as event attributes (empty when off or outside any span)."""
    if _provider is None:
        return {}
    from opentelemetry import propagate

    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return {key: value for key, value in carrier.items() if key in TRACE_FIELDS}


def nats_headers(envelope: Mapping[str, Any]) -> dict[str, str]:
    """The trace context an outbox envelope carries, as NATS message headers."""
    return {key: str(envelope[key]) for key in TRACE_FIELDS if envelope.get(key)}


def current_trace_ids() -> dict[str, str]:
    """trace_id and span_id of the current span, for log lines (empty when off or outside)."""
    if _provider is None:
        return {}
    from opentelemetry import trace

    context = trace.get_current_span().get_span_context()
    if not context.is_valid:
        return {}
    return {"trace_id": f"{context.trace_id:032x}", "span_id": f"{context.span_id:016x}"}


@contextlib.contextmanager
def consumer_span(consumer: str, event: Any, headers: Mapping[str, str] | None = None) -> Iterator[None]:
    """A CONSUMER span for handling ``event``, continuing the trace of the request that wrote it:
    from the NATS headers, else from the envelope's own attributes (a re-published event)."""
    if _provider is None:
        yield
        return
    from opentelemetry import propagate, trace

    extra = getattr(event, "model_extra", None) or {}
    carrier = {key: str(extra[key]) for key in TRACE_FIELDS if extra.get(key)}
    carrier.update({key: value for key, value in (headers or {}).items() if key in TRACE_FIELDS})
    tracer = trace.get_tracer("xianjie.events", tracer_provider=_provider)
    with tracer.start_as_current_span(
        f"{event.type} process",
        context=propagate.extract(carrier),
        kind=trace.SpanKind.CONSUMER,
        attributes={
            "messaging.system": "nats",
            "messaging.operation.type": "process",
            "messaging.consumer.group.name": consumer,
            "messaging.message.id": str(event.id),
            "cloudevents.event_type": event.type,
        },
    ):
        yield
