"""deploy/alerts: the Prometheus rules are well formed, name only metrics the suite serves, and
(where promtool is installed) pass ``promtool check rules`` and their own ``promtool test rules``."""

from __future__ import annotations

import inspect
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

import gateway.proxy.breaker
import shared.ops
from shared.metrics import Metrics, install_process_and_pool_metrics

ALERTS = Path(__file__).resolve().parents[2] / "deploy" / "alerts"
RULES = ALERTS / "xianjie-rules.yml"


def _rules() -> list[dict[str, object]]:
    document = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    return [rule for group in document["groups"] for rule in group["rules"]]


def _served_metric_names() -> set[str]:
    """Every sample name a component's /metrics can serve: the suite's own metrics, the process and
    connection-pool collectors every component installs, and the scrape-time gauges below."""
    registry = Metrics().registry
    install_process_and_pool_metrics(registry, "monitoring", lambda: None)
    names: set[str] = set()
    for family in registry.collect():
        suffixes = {"counter": ["_total"], "histogram": ["_bucket", "_sum", "_count"]}.get(family.type, [""])
        names |= {family.name + suffix for suffix in suffixes}
    # Read at scrape time by collectors of their own (values depend on a running app).
    for module, name in (
        (shared.ops, "xianjie_nats_connected"),
        (gateway.proxy.breaker, "xianjie_gateway_upstream_circuit_open"),
    ):
        assert f'"{name}"' in inspect.getsource(module)
        names.add(name)
    return names


def test_every_rule_is_complete_and_names_served_metrics() -> None:
    rules = _rules()
    assert {r["alert"] for r in rules} >= {
        "XianjieNatsDisconnected",
        "XianjieUpstreamCircuitOpen",
        "XianjieHighServerErrorRate",
    }
    served = _served_metric_names()
    for rule in rules:
        assert rule["labels"]["severity"] in {"warning", "critical"}, rule  # type: ignore[index]
        assert rule["annotations"]["summary"], rule  # type: ignore[index]
        for metric in re.findall(r"\bxianjie_[a-z_]+", str(rule["expr"])):
            assert metric in served, f"{rule['alert']}: {metric} is not served"


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool not installed")
def test_promtool_checks_and_unit_tests_pass() -> None:
    for args in (["check", "rules", RULES.name], ["test", "rules", "xianjie-rules.test.yml"]):
        done = subprocess.run(["promtool", *args], cwd=ALERTS, capture_output=True, text=True, check=False)  # noqa: S603, S607
        assert done.returncode == 0, done.stdout + done.stderr
