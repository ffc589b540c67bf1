"""The data servers in deploy/k8s: NATS JetStream (nats.yaml, a 3-node StatefulSet) and PostgreSQL
(postgres.yaml, a CloudNativePG Cluster) — checked offline against each other, against the suite's
configuration and Secrets, and (NATS) by the real nats-server's configuration check.

postgres.yaml is a custom resource: kubernetes-validate has no schema for CloudNativePG's kinds (it
fails on an unknown kind), so test_deploy_files skips that file and its shape is checked here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from xianjie.components import ALL, ComponentInfo

ROOT = Path(__file__).resolve().parents[2]
K8S_DIR = ROOT / "deploy" / "k8s"
COMPONENT_IDS = [c.name for c in ALL]


@pytest.fixture(scope="module")
def k8s() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in sorted(K8S_DIR.rglob("*.yaml")):
        docs += [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    return docs


def _find(docs: list[dict[str, Any]], kind: str, name: str, namespace: str | None = None) -> dict[str, Any]:
    matches = [
        d
        for d in docs
        if d["kind"] == kind
        and d["metadata"]["name"] == name
        and (namespace is None or d["metadata"].get("namespace") == namespace)
    ]
    assert len(matches) == 1, f"expected one {kind} {name}"
    return matches[0]


# --------------------------------------------------------------------------- NATS


@pytest.fixture(scope="module")
def nats_conf(k8s: list[dict[str, Any]]) -> str:
    conf: str = _find(k8s, "ConfigMap", "nats-config", "nats")["data"]["nats.conf"]
    return conf


def test_nats_config_passes_the_servers_own_check(nats_conf: str, tmp_path: Path) -> None:
    conf = tmp_path / "nats.conf"
    conf.write_text(
        nats_conf.replace("/data", str(tmp_path / "data")).replace("/var/run/nats", str(tmp_path))
    )
    nats_server = Path(sys.executable).parent / "nats-server"
    done = subprocess.run(  # noqa: S603
        [str(nats_server), "-c", str(conf), "-t"],
        capture_output=True,
        text=True,
        check=False,
        env={"POD_NAME": "nats-0"},
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_nats_fsyncs_every_write(nats_conf: str) -> None:
    """Jepsen (NATS 2.12.1, 2025) lost acknowledged writes under the default lazy fsync."""
    jetstream = re.search(r"jetstream\s*\{([^}]*)\}", nats_conf)
    assert jetstream, "JetStream must be enabled"
    assert re.search(r"^\s*sync_interval:\s*always\s*$", jetstream.group(1), re.MULTILINE)
    assert re.search(r"^\s*store_dir:\s*/data/", jetstream.group(1), re.MULTILINE)


def test_nats_is_a_three_node_cluster_routed_through_its_headless_service(
    k8s: list[dict[str, Any]], nats_conf: str
) -> None:
    statefulset = _find(k8s, "StatefulSet", "nats", "nats")["spec"]
    assert statefulset["replicas"] == 3
    headless = _find(k8s, "Service", statefulset["serviceName"], "nats")["spec"]
    assert headless["clusterIP"] == "None"
    assert headless["selector"] == statefulset["selector"]["matchLabels"]
    cluster_port = {p["name"]: p["port"] for p in headless["ports"]}["cluster"]
    routes = set(re.findall(r"nats://([\w.-]+):(\d+)", nats_conf.split("cluster", 1)[1]))
    expected = {(f"nats-{i}.{statefulset['serviceName']}.nats.svc", str(cluster_port)) for i in range(3)}
    assert routes == expected, "one route per StatefulSet pod, by its stable name"
    assert re.search(rf"cluster\s*\{{[^}}]*port:\s*{cluster_port}\b", nats_conf)


def test_nats_nodes_keep_their_data_and_are_probed_on_jetstream_health(k8s: list[dict[str, Any]]) -> None:
    spec = _find(k8s, "StatefulSet", "nats", "nats")["spec"]
    (claim,) = spec["volumeClaimTemplates"]
    containers = {c["name"]: c for c in spec["template"]["spec"]["containers"]}
    server = containers["nats"]
    assert {m["name"]: m["mountPath"] for m in server["volumeMounts"]}[claim["metadata"]["name"]] == "/data"
    ports = {p["name"]: p["containerPort"] for p in server["ports"]}
    assert ports == {"client": 4222, "cluster": 6222, "monitor": 8222}
    for probe in ("readinessProbe", "livenessProbe"):
        check = server[probe]["httpGet"]
        assert check == {"path": "/healthz?js-enabled-only=true", "port": "monitor"}, probe
    # The full check (streams current) gates start-up, so a rolling update waits for it per node.
    assert server["startupProbe"]["httpGet"] == {"path": "/healthz", "port": "monitor"}
    # A node per Kubernetes node, and a drain takes one at a time (two keep the quorum).
    anti = spec["template"]["spec"]["affinity"]["podAntiAffinity"]
    assert (
        anti["requiredDuringSchedulingIgnoredDuringExecution"][0]["topologyKey"] == "kubernetes.io/hostname"
    )
    pdb = _find(k8s, "PodDisruptionBudget", "nats", "nats")["spec"]
    assert pdb["maxUnavailable"] == 1
    assert pdb["selector"] == spec["selector"]


def test_nats_exporter_serves_what_the_autoscalers_read(k8s: list[dict[str, Any]]) -> None:
    spec = _find(k8s, "StatefulSet", "nats", "nats")["spec"]["template"]
    exporter = {c["name"]: c for c in spec["spec"]["containers"]}["exporter"]
    # -jsz=consumers is what serves jetstream_consumer_num_pending{consumer_name=…}.
    assert "-jsz=consumers" in exporter["args"] or "-jsz=all" in exporter["args"]
    assert exporter["args"][-1] == "http://localhost:8222"
    port = re.search(r"-port=(\d+)", " ".join(exporter["args"]))
    assert port
    assert spec["metadata"]["annotations"]["prometheus.io/port"] == port.group(1)
    pending = [
        m["external"]["metric"]["name"]
        for d in k8s
        if d["kind"] == "HorizontalPodAutoscaler"
        for m in d["spec"]["metrics"]
        if m["type"] == "External"
    ]
    assert pending and set(pending) == {"jetstream_consumer_num_pending"}


def test_suite_connects_to_the_nats_client_service(k8s: list[dict[str, Any]]) -> None:
    url = urlsplit(_find(k8s, "ConfigMap", "xianjie-config")["data"]["XIANJIE_NATS_URL"])
    name, namespace, _ = (url.hostname or "").split(".", 2)
    client = _find(k8s, "Service", name, namespace)["spec"]
    statefulset = _find(k8s, "StatefulSet", "nats", namespace)["spec"]
    assert client["selector"] == statefulset["selector"]["matchLabels"]
    assert url.port in {p["port"] for p in client["ports"]}


# --------------------------------------------------------------------------- PostgreSQL (CloudNativePG)


@pytest.fixture(scope="module")
def cluster(k8s: list[dict[str, Any]]) -> dict[str, Any]:
    return _find(k8s, "Cluster", "postgres", "database")


def test_postgres_cluster_has_the_shape_cloudnativepg_requires(cluster: dict[str, Any]) -> None:
    assert cluster["apiVersion"] == "postgresql.cnpg.io/v1"
    spec = cluster["spec"]
    assert spec["instances"] == 2, "a primary and a streaming replica"
    assert re.fullmatch(r"\d+(Gi|Mi|Ti)", spec["storage"]["size"])
    assert int(re.sub(r"\D.*", "", spec["imageName"].rsplit(":", 1)[1])) >= 16
    assert spec["affinity"]["podAntiAffinityType"] == "required", "replica on another node than the primary"
    initdb = spec["bootstrap"]["initdb"]
    assert set(initdb) <= {
        "database",
        "owner",
        "secret",
        "postInitApplicationSQL",
        "encoding",
        "localeCollate",
    }
    assert all(isinstance(statement, str) for statement in initdb["postInitApplicationSQL"])
    for role in spec["managed"]["roles"]:
        assert set(role) <= {"name", "ensure", "login", "passwordSecret", "comment", "inRoles"}, role
        assert role["ensure"] == "present" and role["login"] is True


def _database_urls(k8s: list[dict[str, Any]]) -> dict[str, str]:
    return {
        d["metadata"]["name"].removeprefix("xianjie-"): d["stringData"]["XIANJIE_DATABASE_URL"]
        for d in k8s
        if d["kind"] == "Secret" and d["metadata"].get("namespace") == "xianjie" and "stringData" in d
        if "XIANJIE_DATABASE_URL" in d["stringData"]
    }


def test_every_database_url_points_at_the_clusters_primary_service(
    k8s: list[dict[str, Any]], cluster: dict[str, Any]
) -> None:
    urls = _database_urls(k8s)
    assert set(urls) == {*COMPONENT_IDS, "migrate"}
    primary = f"{cluster['metadata']['name']}-rw.{cluster['metadata']['namespace']}.svc"
    for name, raw in urls.items():
        url = urlsplit(raw.replace("+asyncpg", ""))
        assert (url.hostname, url.port) == (primary, 5432), name
        assert url.path == f"/{cluster['spec']['bootstrap']['initdb']['database']}", name


@pytest.mark.parametrize("component", ALL, ids=COMPONENT_IDS)
def test_each_component_logs_in_as_its_own_role_with_rights_on_its_schema_only(
    k8s: list[dict[str, Any]], cluster: dict[str, Any], component: ComponentInfo
) -> None:
    user = urlsplit(_database_urls(k8s)[component.name]).username
    assert user == component.name
    roles = {r["name"]: r for r in cluster["spec"]["managed"]["roles"]}
    password = _find(k8s, "Secret", roles[user]["passwordSecret"]["name"], "database")
    assert password["type"] == "kubernetes.io/basic-auth"
    assert password["stringData"]["username"] == user
    sql = cluster["spec"]["bootstrap"]["initdb"]["postInitApplicationSQL"]
    granted = {m.group(1) for s in sql if (m := re.search(rf"IN SCHEMA (\w+) GRANT .* TO {user}$", s))}
    granted |= {m.group(1) for s in sql if (m := re.search(rf"ON SCHEMA (\w+) TO {user}$", s))}
    assert granted == {component.name}, f"{user} is granted {granted}"
    assert f"CREATE ROLE {user} NOLOGIN" in sql, "exists before the operator gives it a login"


def test_migration_runs_as_the_database_owner(k8s: list[dict[str, Any]], cluster: dict[str, Any]) -> None:
    initdb = cluster["spec"]["bootstrap"]["initdb"]
    assert urlsplit(_database_urls(k8s)["migrate"]).username == initdb["owner"]
    owner = _find(k8s, "Secret", initdb["secret"]["name"], "database")
    assert owner["stringData"]["username"] == initdb["owner"]
    schemas = {
        m.group(1) for s in initdb["postInitApplicationSQL"] if (m := re.match(r"CREATE SCHEMA (\w+)", s))
    }
    assert schemas == set(COMPONENT_IDS)
