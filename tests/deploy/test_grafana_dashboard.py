"""deploy/grafana/xianjie.json: a Grafana dashboard whose every query names only metrics (and
labels) the suite serves, parses as PromQL (promtool, where installed), and covers what operators
watch: requests, the event path, the database pool, the processes, NATS and the gateway's breakers."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from shared.metrics import DatabasePoolCollector, Metrics
from tests.deploy.test_alert_rules import _served_metric_names

DASHBOARD = Path(__file__).resolve().parents[2] / "deploy" / "grafana" / "xianjie.json"

PROMQL_WORDS = {
    "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset",
    "sum", "min", "max", "avg", "count", "rate", "irate", "increase", "histogram_quantile", "topk", "bottomk",
}  # fmt: skip
# Labels Prometheus adds to every scraped series (kubernetes_sd with the usual relabelling; the
# alert rules use `namespace` too).
TARGET_LABELS = {"namespace", "pod", "instance", "job"}
# Labels of the scrape-time gauges (shared/ops.py, gateway/proxy/breaker.py), which have no samples
# offline; test_alert_rules checks those names are in their sources.
SCRAPE_TIME_LABELS = {
    "xianjie_nats_connected": {"component"},
    "xianjie_gateway_upstream_circuit_open": {"service"},
}


@pytest.fixture(scope="module")
def dashboard() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return loaded


def _targets(dashboard: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p["title"], t["expr"]) for p in dashboard["panels"] for t in p["targets"]]


def _metric_names(expr: str) -> set[str]:
    """The series an expression reads: identifiers that are not functions, keywords, label names
    (inside {…} or by/without (…)), strings or durations."""
    bare = re.sub(r'"[^"]*"', "", expr)
    bare = re.sub(r"\{[^}]*\}", "", bare)
    bare = re.sub(r"\[[^\]]*\]", "", bare)
    bare = re.sub(r"\b(by|without|on|ignoring)\s*\([^)]*\)", "", bare)
    names = set(re.findall(r"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()", bare))
    return {n for n in names if n not in PROMQL_WORDS and not re.fullmatch(r"\d.*", n)}


def _labels_used(expr: str) -> set[str]:
    used = {
        m for group in re.findall(r"\b(?:by|without)\s*\(([^)]*)\)", expr) for m in re.findall(r"\w+", group)
    }
    for matchers in re.findall(r"\{([^}]*)\}", expr):
        used |= set(re.findall(r"(\w+)\s*(?:=~|!~|!=|=)", matchers))
    return used


def _served_labels() -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {name: set(names) for name, names in SCRAPE_TIME_LABELS.items()}
    for metric in vars(Metrics()).values():
        if hasattr(metric, "_labelnames"):
            suffixes = {"counter": ["_total"], "histogram": ["_bucket", "_sum", "_count"]}.get(
                metric._type, [""]
            )
            extra = {"le"} if metric._type == "histogram" else set()
            for suffix in suffixes:
                labels[metric._name + suffix] = set(metric._labelnames) | (
                    extra if suffix == "_bucket" else set()
                )
    for family in DatabasePoolCollector("monitoring", lambda: None)._families().values():
        labels[family.name] = set(family._labelnames)
    return labels


def test_every_query_names_served_metrics_and_their_labels(dashboard: dict[str, Any]) -> None:
    served = _served_metric_names()
    labels = _served_labels()
    targets = _targets(dashboard)
    assert targets
    for title, expr in targets:
        metrics = _metric_names(expr)
        assert metrics, f"{title}: no metric in {expr}"
        assert metrics <= served, f"{title}: {metrics - served} not served"
        allowed = TARGET_LABELS | {label for m in metrics for label in labels.get(m, set())}
        assert _labels_used(expr) <= allowed, (
            f"{title}: labels {_labels_used(expr) - allowed} not on {metrics}"
        )


def test_the_name_check_sees_a_wrong_name() -> None:
    assert _metric_names('sum by (component) (rate(xianjie_http_requests_total{status=~"5.."}[5m]))') == {
        "xianjie_http_requests_total"
    }
    assert "xianjie_outbox_lag" not in _served_metric_names()
    assert _labels_used("max by (consumer, stream) (xianjie_consumer_pending)") == {"consumer", "stream"}


def test_dashboard_covers_what_operators_watch(dashboard: dict[str, Any]) -> None:
    read = set().union(*(_metric_names(expr) for _, expr in _targets(dashboard)))
    assert read >= {
        "xianjie_http_requests_total",
        "xianjie_http_request_seconds_bucket",
        "xianjie_outbox_backlog",
        "xianjie_outbox_oldest_unpublished_age_seconds",
        "xianjie_consumer_pending",
        "xianjie_consumer_ack_pending",
        "xianjie_events_parked_open",
        "xianjie_db_pool_checked_out",
        "process_cpu_seconds_total",
        "process_resident_memory_bytes",
        "xianjie_nats_connected",
        "xianjie_gateway_upstream_circuit_open",
    }
    assert any('status=~"5.."' in expr for _, expr in _targets(dashboard)), "5xx by component"


def test_dashboard_is_importable(dashboard: dict[str, Any]) -> None:
    assert dashboard["uid"] and dashboard["title"] and isinstance(dashboard["schemaVersion"], int)
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    for panel in dashboard["panels"]:
        assert {"h", "w", "x", "y"} <= set(panel["gridPos"]), panel["title"]
        assert panel["datasource"]["uid"] == "${datasource}"
        ref_ids = [t["refId"] for t in panel["targets"]]
        assert len(ref_ids) == len(set(ref_ids)), panel["title"]


@pytest.mark.skipif(shutil.which("promtool") is None, reason="promtool not installed")
def test_every_query_parses_as_promql(dashboard: dict[str, Any], tmp_path: Path) -> None:
    """promtool has no offline query parser, but it parses recording rules: one per query."""
    rules = [
        {"record": f"dashboard:query_{i}", "expr": expr} for i, (_, expr) in enumerate(_targets(dashboard))
    ]
    path = tmp_path / "queries.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}), encoding="utf-8")
    command = ["promtool", "check", "rules", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    assert done.returncode == 0, done.stdout + done.stderr
