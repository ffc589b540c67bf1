"""Process and database-pool metrics on /metrics: what ops need to see a replica run out of CPU,
memory or connections."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from shared.db import create_engine
from shared.metrics import install_process_and_pool_metrics
from tests.conftest import Infra, Stack
from xianjie.components import ALL


def _samples(exposition: str) -> dict[tuple[str, str], float]:
    """(sample name, component label or "") → value."""
    values: dict[tuple[str, str], float] = {}
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            values[(sample.name, sample.labels.get("component", ""))] = sample.value
    return values


async def test_pool_gauges_follow_connections_in_use(migrated: Infra) -> None:
    engine = create_engine(migrated.database_url, pool_size=2)
    registry = CollectorRegistry()
    install_process_and_pool_metrics(registry, "funds", lambda: engine.pool)

    def gauge(name: str) -> float | None:
        return registry.get_sample_value(f"xianjie_db_pool_{name}", {"component": "funds"})

    try:
        assert (gauge("size"), gauge("checked_out"), gauge("overflow"), gauge("max")) == (2, 0, 0, 4)
        held = [await engine.connect() for _ in range(3)]  # one beyond pool_size: overflow
        for connection in held:
            await connection.execute(text("SELECT 1"))
        assert gauge("checked_out") == 3
        assert gauge("overflow") == 1
        for connection in held:
            await connection.close()
        assert gauge("checked_out") == 0
        assert gauge("checked_in") == 2, "pool_size connections stay open, the overflow one is closed"
    finally:
        await engine.dispose()


def test_pool_gauges_are_absent_before_startup() -> None:
    registry = CollectorRegistry()
    install_process_and_pool_metrics(registry, "assets", lambda: None)
    assert registry.get_sample_value("xianjie_db_pool_size", {"component": "assets"}) is None
    assert registry.get_sample_value("process_resident_memory_bytes") is not None


@pytest.mark.parametrize("name", [c.name for c in ALL])
async def test_metrics_endpoint_has_process_and_pool_metrics(stack: Stack, name: str) -> None:
    async with httpx.AsyncClient(base_url=stack.url(name), trust_env=False) as client:
        first = _samples((await client.get("/metrics")).text)
        await asyncio.sleep(0.05)
        # Some work, so the process spends CPU between the scrapes.
        for _ in range(20):
            await client.get("/readyz")
        second = _samples((await client.get("/metrics")).text)
    assert second[("process_resident_memory_bytes", "")] > 10 * 2**20
    assert second[("process_open_fds", "")] > 0
    assert second[("process_cpu_seconds_total", "")] >= first[("process_cpu_seconds_total", "")]
    assert ("python_info", "") in second
    assert second[("xianjie_db_pool_size", name)] >= 1
    assert second[("xianjie_db_pool_max", name)] >= second[("xianjie_db_pool_size", name)]
    assert 0 <= second[("xianjie_db_pool_checked_out", name)] <= second[("xianjie_db_pool_max", name)]
