"""OpenTelemetry: with XIANJIE_OTEL_ENDPOINT set, one request is one trace from the gateway through
the service and PostgreSQL, across NATS to the consuming service; spans reach an OTLP/HTTP
collector (a small receiver here, on loopback). Off by default: nothing in the envelope.

The traced components run in a subprocess (tracing is per process and instruments asyncpg and
aiohttp globally), on a database and a NATS server of their own so the session's stack neither
publishes their events nor consumes them.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.trace.v1.trace_pb2 import Span

from shared import tracing
from shared.events.envelope import EventPayload, EventSpec
from shared.migrations import upgrade
from tests.conftest import Infra, _create_scratch_database, _drop_scratch_database
from xianjie.components import ALL
from xianjie.devstack import EmbeddedNats

ROOT = Path(__file__).resolve().parents[2]
TRACED = ("gateway", "monitoring", "funds")

# Run in the subprocess: gateway, monitoring and funds with tracing on; one household registered
# through the gateway; wait until funds has applied monitoring's household event; flush the spans.
SCRIPT = """
import asyncio, os, sys
import asyncpg, httpx
from gateway.demo import ensure_demo_accounts
from shared.db import Database, create_engine
from shared.tracing import shutdown_tracing
from tests.conftest import Infra, _factory, serve_app, service_settings
from tests.monitoring.factories import create_household
from xianjie.components import ALL
from xianjie.devstack import free_port

async def main(database_url, nats_url, endpoint, password):
    infra = Infra(database_url=database_url, nats_url=nats_url, nats=None)
    ports = {c.name: free_port() for c in ALL}
    gateway_db = Database(create_engine(database_url, pool_size=1))
    await ensure_demo_accounts(gateway_db, password)
    await gateway_db.dispose()
    servers = []
    print("starting the apps", file=sys.stderr, flush=True)
    for name in ("gateway", "monitoring", "funds"):
        app = _factory(name)(service_settings(name, infra, ports, otel_endpoint=endpoint))
        servers.append(await serve_app(app, ports[name]))
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{ports['gateway']}", timeout=30) as api:
        signed_in = await api.post(
            "/auth/token", data={"grant_type": "password", "username": "admin", "password": password}
        )
        household = await create_household(api, signed_in.json()["access_token"])
    print("household created; waiting for funds to apply its event", file=sys.stderr, flush=True)
    connection = await asyncpg.connect(database_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        for _ in range(600):
            applied = await connection.fetchval(
                "SELECT count(*) FROM funds.inbox WHERE event_type LIKE '%household.changed%'"
            )
            if applied:
                break
            await asyncio.sleep(0.1)
        else:
            sys.exit("funds never applied the household event")
    finally:
        await connection.close()
    await asyncio.sleep(0.3)
    shutdown_tracing()  # every span is exported here: what follows is only tidying up
    print(household["id"], flush=True)
    for server, task in servers:
        server.should_exit = True
    # Once in a full CI run (not reproduced in 4 runs alone) this process never ended: bound the
    # servers' stop and name the one that hung, instead of costing the suite its 300 s timeout.
    done, pending = await asyncio.wait([task for _, task in servers], timeout=30)
    for name, (server, task) in zip(("gateway", "monitoring", "funds"), servers):
        if task in pending:
            print(f"the {name} app did not stop within 30 s", file=sys.stderr, flush=True)
    sys.stdout.flush()
    os._exit(0)

asyncio.run(main(*sys.argv[1:5]))
"""


class _Collector(BaseHTTPRequestHandler):
    spans: list[tuple[dict[str, str], Span]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        request = ExportTraceServiceRequest()
        request.ParseFromString(body)
        for resource_spans in request.resource_spans:
            resource = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
            for scope_spans in resource_spans.scope_spans:
                self.spans.extend((resource, span) for span in scope_spans.spans)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def collector() -> Iterator[tuple[str, list[tuple[dict[str, str], Span]]]]:
    received: list[tuple[dict[str, str], Span]] = []
    handler = type("Collector", (_Collector,), {"spans": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", received
    finally:
        server.shutdown()
        server.server_close()


def _attributes(span: Span) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for attribute in span.attributes:
        value = attribute.value
        values[attribute.key] = value.string_value or value.int_value or value.bool_value
    return values


def test_one_trace_from_gateway_through_service_database_and_nats(
    migrated: Infra,
    demo_password: str,
    collector: tuple[str, list[tuple[dict[str, str], Span]]],
    tmp_path: Path,
) -> None:
    endpoint, received = collector
    database_url = _create_scratch_database(migrated.database_url)
    nats = EmbeddedNats(tmp_path / "nats", log_file=tmp_path / "nats.log")
    nats_url = nats.start()
    try:
        for component in ALL:
            if component.name in TRACED:
                upgrade(component.migrations, component.schema, database_url)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XIANJIE_", "OTEL_"))}
        env.update(PYTHONPATH=str(ROOT), XIANJIE_DATA_DIR=str(tmp_path))
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", SCRIPT, database_url, nats_url, endpoint, demo_password],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    finally:
        nats.stop()
        _drop_scratch_database(migrated.database_url, database_url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert received, "no spans reached the collector"
    assert all(resource.get("service.name", "").startswith("xianjie-") for resource, _ in received)

    spans = [span for _, span in received]
    server_spans = [
        s for s in spans if s.kind == Span.SPAN_KIND_SERVER and s.name.startswith("POST /api/{service}/")
    ]
    assert server_spans, sorted({(s.kind, s.name) for s in spans})
    trace_id = server_spans[0].trace_id
    in_trace = [s for s in spans if s.trace_id == trace_id]
    kinds = {s.kind for s in in_trace}
    assert Span.SPAN_KIND_CLIENT in kinds, "the gateway's call to the service (its proxy client)"
    assert [s for s in in_trace if s.kind == Span.SPAN_KIND_SERVER and s.name == "POST /v1/households"], (
        "monitoring's server span, under the gateway's"
    )
    assert not [s for s in spans if s.name.endswith((" http send", " http receive"))]
    assert any(_attributes(s).get("db.system") == "postgresql" or "INSERT" in s.name for s in in_trace), (
        "monitoring's statements (asyncpg)"
    )
    consumers = [s for s in in_trace if s.kind == Span.SPAN_KIND_CONSUMER]
    # The gateway (webhooks) consumes the same event: which of the two exports first is a race.
    applied = [
        s
        for s in consumers
        if "household.changed" in s.name and _attributes(s).get("messaging.consumer.group.name") == "funds"
    ]
    assert applied, f"funds continued the trace from the event: {[s.name for s in consumers]}"
    # The consumer's own database work hangs under its span.
    assert any(s.parent_span_id == applied[0].span_id for s in in_trace)
    # No spans for probes and scrapes.
    assert not [s for s in spans if s.name.split(" ")[-1] in {"/healthz", "/readyz", "/metrics"}]


class _Probe(EventPayload):
    n: int


def test_tracing_off_adds_nothing_to_events() -> None:
    assert not tracing.tracing_enabled()
    spec = EventSpec(service="funds", aggregate="probe", name="made", payload=_Probe)
    envelope = spec.envelope("s-1", _Probe(n=1)).model_dump(mode="json", exclude_none=True)
    assert not set(envelope) & set(tracing.TRACE_FIELDS)
    assert tracing.nats_headers(envelope) == {}
    assert tracing.current_trace_ids() == {}
    with tracing.consumer_span("funds", spec.envelope("s-1", _Probe(n=1)), {}):
        pass
    # A stored envelope with a context is carried into the NATS headers.
    carried = {**envelope, "traceparent": "00-" + "1" * 32 + "-" + "2" * 16 + "-01"}
    assert tracing.nats_headers(carried) == {"traceparent": carried["traceparent"]}
    assert json.dumps(envelope)
