"""Kubernetes operations manifests: per-component Secrets, autoscaling, disruption budgets, the
Ingress and the NetworkPolicies — checked offline against the code's components and settings.

The NetworkPolicies are checked by evaluating them (a small evaluator of the NetworkPolicy rules
used here: pod and namespace selectors, ports by number or name) on the connections the suite
makes and on ones it must not be able to make.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from xianjie.cli import settings_class
from xianjie.components import ALL, GATEWAY, SERVICES, ComponentInfo

ROOT = Path(__file__).resolve().parents[2]
K8S_DIR = ROOT / "deploy" / "k8s"
COMPONENT_IDS = [c.name for c in ALL]
NAMESPACE = "xianjie"


@pytest.fixture(scope="module")
def k8s() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in sorted(K8S_DIR.rglob("*.yaml")):
        docs += [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    return docs


def _of_kind(docs: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [d for d in docs if d["kind"] == kind]


def _find(docs: list[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    matches = [d for d in _of_kind(docs, kind) if d["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind} {name}"
    return matches[0]


# --------------------------------------------------------------------------- Secrets


@pytest.mark.parametrize("component", ALL, ids=COMPONENT_IDS)
def test_each_component_gets_only_the_secrets_it_reads(
    k8s: list[dict[str, Any]], component: ComponentInfo
) -> None:
    secret = _find(k8s, "Secret", f"xianjie-{component.name}")["stringData"]
    cls = settings_class(component)
    fields = set(cls.model_fields)
    for key in secret:
        name = key.removeprefix("XIANJIE_")
        own = f"{component.name.upper()}_"
        setting = name.removeprefix(own).lower() if name.startswith(own) else name.lower()
        assert setting in fields, f"{component.name} is given {key}, which it does not read"
    assert "XIANJIE_DATABASE_URL" in secret
    assert ("XIANJIE_ID_NUMBER_MATCH_KEY" in secret) == cls.needs_id_number_match
    assert ("XIANJIE_OBJECT_STORE_SECRET_KEY" in secret) == cls.needs_object_store
    # The key that encrypts stored ID numbers: monitoring's alone.
    assert ("XIANJIE_MONITORING_ID_NUMBER_KEY" in secret) == (component.name == "monitoring")


def test_id_number_keys_reach_only_monitoring_and_employment(k8s: list[dict[str, Any]]) -> None:
    holders = {
        d["metadata"]["name"]
        for d in _of_kind(k8s, "Secret")
        if any("ID_NUMBER" in key for key in d.get("stringData", {}))
    }
    assert holders == {"xianjie-monitoring", "xianjie-employment"}
    config = _find(k8s, "ConfigMap", "xianjie-config")["data"]
    assert not [key for key in config if "KEY" in key or "PASSWORD" in key or "DATABASE_URL" in key]


@pytest.mark.parametrize("component", ALL, ids=COMPONENT_IDS)
def test_config_and_own_secret_are_enough_to_start_in_production(
    k8s: list[dict[str, Any]], component: ComponentInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _find(k8s, "ConfigMap", "xianjie-config")["data"]
    secret = _find(k8s, "Secret", f"xianjie-{component.name}")["stringData"]
    # What an operator puts in place of the placeholders (production refuses REPLACE-ME values).
    filled = {k: v.replace("REPLACE-ME", secrets.token_urlsafe(24)) for k, v in secret.items()}
    for key in list(os.environ):
        if key.startswith("XIANJIE_"):
            monkeypatch.delenv(key)
    for key, value in {**config, **filled}.items():
        monkeypatch.setenv(key, value)
    settings = settings_class(component)()
    assert settings.environment.value == "production"
    assert settings.database_url.startswith("postgresql+asyncpg://")

    # And the placeholder itself is refused where a real key is required.
    if settings_class(component).needs_id_number_match:
        monkeypatch.setenv("XIANJIE_ID_NUMBER_MATCH_KEY", secret["XIANJIE_ID_NUMBER_MATCH_KEY"])
        with pytest.raises(ValueError, match="MATCH_KEY"):
            settings_class(component)()


# --------------------------------------------------------------------------- scaling


@pytest.mark.parametrize("component", ALL, ids=COMPONENT_IDS)
def test_autoscaler_and_disruption_budget_per_component(
    k8s: list[dict[str, Any]], component: ComponentInfo
) -> None:
    deployment = _find(k8s, "Deployment", component.name)
    hpa = _find(k8s, "HorizontalPodAutoscaler", component.name)["spec"]
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": component.name}
    assert hpa["minReplicas"] >= 2, "one crashed pod must not leave the component without a replica"
    assert hpa["maxReplicas"] > hpa["minReplicas"]
    by_type = {m["type"]: m for m in hpa["metrics"]}
    assert by_type["Resource"]["resource"]["name"] == "cpu"
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert "cpu" in container["resources"]["requests"], "a CPU utilisation target needs a CPU request"
    if component in SERVICES:
        # Consumers also scale on the events waiting for their durable consumer (named after them).
        external = by_type["External"]["external"]
        assert external["metric"]["name"] == "jetstream_consumer_num_pending"
        assert external["metric"]["selector"]["matchLabels"] == {"consumer_name": component.name}
    else:
        assert "External" not in by_type

    pdb = _find(k8s, "PodDisruptionBudget", component.name)["spec"]
    assert pdb["selector"]["matchLabels"] == deployment["spec"]["selector"]["matchLabels"]
    assert 1 <= pdb["minAvailable"] < hpa["minReplicas"], "a drain must still be able to move a pod"


# --------------------------------------------------------------------------- Ingress


def test_only_the_gateway_is_exposed_at_the_public_address(k8s: list[dict[str, Any]]) -> None:
    public_host = urlsplit(_find(k8s, "ConfigMap", "xianjie-config")["data"]["XIANJIE_PUBLIC_URL"]).hostname
    ingresses = _of_kind(k8s, "Ingress")
    assert ingresses
    gateway_service = _find(k8s, "Service", GATEWAY.name)
    port_names = {p["name"] for p in gateway_service["spec"]["ports"]}
    for ingress in ingresses:
        for rule in ingress["spec"]["rules"]:
            assert rule["host"] == public_host
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                assert backend["name"] == GATEWAY.name
                assert backend["port"]["name"] in port_names
        assert {h for t in ingress["spec"]["tls"] for h in t["hosts"]} == {public_host}
    paths = {p["path"] for i in ingresses for r in i["spec"]["rules"] for p in r["http"]["paths"]}
    assert "/" in paths
    assert "/auth/token" in paths, "sign-in gets its own, lower limit at the edge"


# --------------------------------------------------------------------------- NetworkPolicy


@dataclass(frozen=True)
class Peer:
    """A pod somewhere in the cluster, or an address outside it (namespace None)."""

    namespace: str | None
    labels: dict[str, str] = field(default_factory=dict, hash=False)
    ports: dict[str, int] = field(default_factory=dict, hash=False)  # named container ports


def _selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    if any(labels.get(k) != v for k, v in selector.get("matchLabels", {}).items()):
        return False
    for expression in selector.get("matchExpressions", []):
        value = labels.get(expression["key"])
        operator = expression["operator"]
        if operator == "In" and value not in expression["values"]:
            return False
        if operator == "NotIn" and value in expression["values"]:
            return False
        if operator == "Exists" and value is None:
            return False
    return True


def _peer_matches(rule_peer: dict[str, Any], peer: Peer) -> bool:
    if "ipBlock" in rule_peer:
        return peer.namespace is None  # the policies here use ipBlock only for outside addresses
    if peer.namespace is None:
        return False
    if "namespaceSelector" in rule_peer:
        namespace_labels = {"kubernetes.io/metadata.name": peer.namespace}
        if not _selects(rule_peer["namespaceSelector"], namespace_labels):
            return False
    elif peer.namespace != NAMESPACE:
        return False
    return _selects(rule_peer.get("podSelector", {}), peer.labels)


def _port_matches(rule_ports: list[dict[str, Any]] | None, port: int, target: Peer) -> bool:
    if not rule_ports:
        return True
    for rule_port in rule_ports:
        wanted = rule_port["port"]
        number = target.ports.get(wanted) if isinstance(wanted, str) else wanted
        if number == port and rule_port.get("protocol", "TCP") == "TCP":
            return True
    return False


def _direction_allows(
    policies: list[dict[str, Any]], pod: Peer, other: Peer, port: int, target: Peer, direction: str
) -> bool:
    """Ingress to `pod` from `other` (direction "ingress") or egress from `pod` to `other`."""
    kind = direction.capitalize()
    selecting = [
        p
        for p in policies
        if _selects(p["spec"]["podSelector"], pod.labels) and kind in p["spec"]["policyTypes"]
    ]
    if not selecting:
        return True
    key = "from" if direction == "ingress" else "to"
    for policy in selecting:
        for rule in policy["spec"].get(direction, []):
            peers = rule.get(key)
            if (peers is None or any(_peer_matches(p, other) for p in peers)) and _port_matches(
                rule.get("ports"), port, target
            ):
                return True
    return False


def _allowed(policies: list[dict[str, Any]], source: Peer, target: Peer, port: int) -> bool:
    if source.namespace == NAMESPACE and not _direction_allows(
        policies, source, target, port, target, "egress"
    ):
        return False
    # A connection needs the source's egress and the target's ingress (outside pods: unrestricted here).
    return target.namespace != NAMESPACE or _direction_allows(
        policies, target, source, port, target, "ingress"
    )


def _pod(k8s: list[dict[str, Any]], name: str) -> Peer:
    if name == "migrate":
        template = _find(k8s, "Job", "xianjie-migrate")["spec"]["template"]
    else:
        template = _find(k8s, "Deployment", name)["spec"]["template"]
    (container,) = template["spec"]["containers"]
    ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
    return Peer(NAMESPACE, dict(template["metadata"]["labels"]), ports)


DNS = Peer("kube-system", {"k8s-app": "kube-dns"})
# The data servers as deployed by postgres.yaml and nats.yaml (checked against those files in
# test_data_server_peers_are_the_deployed_pods): CloudNativePG labels each instance with its Cluster.
POSTGRES = Peer("database", {"cnpg.io/cluster": "postgres", "cnpg.io/instanceRole": "primary"})
POSTGRES_REPLICA = Peer("database", {"cnpg.io/cluster": "postgres", "cnpg.io/instanceRole": "replica"})
NATS = Peer("nats", {"app.kubernetes.io/name": "nats", "app.kubernetes.io/part-of": "xianjie"})
# Other pods in the same namespaces: another team's database or a NATS client, reached by nobody here.
OTHER_DATABASE = Peer("database", {"cnpg.io/cluster": "someone-elses"})
OTHER_IN_NATS_NAMESPACE = Peer("nats", {"app.kubernetes.io/name": "nats-box"})
OBJECT_STORE = Peer("minio", {"app": "minio"})
OTEL_COLLECTOR = Peer("opentelemetry", {"app": "otel-collector"})
INGRESS_CONTROLLER = Peer("ingress-nginx", {"app": "ingress-nginx"})
PROMETHEUS = Peer("prometheus", {"app": "prometheus"})
ELSEWHERE_IN_CLUSTER = Peer("default", {"app": "someone-else"})
OUTSIDE = Peer(None)


def test_network_policies_deny_by_default(k8s: list[dict[str, Any]]) -> None:
    policies = _of_kind(k8s, "NetworkPolicy")
    default = [p for p in policies if p["spec"]["podSelector"] == {}]
    assert len(default) == 1
    assert set(default[0]["spec"]["policyTypes"]) == {"Ingress", "Egress"}
    assert not default[0]["spec"].get("ingress") and not default[0]["spec"].get("egress")


def test_network_policies_allow_what_the_suite_needs(k8s: list[dict[str, Any]]) -> None:
    policies = _of_kind(k8s, "NetworkPolicy")
    gateway = _pod(k8s, GATEWAY.name)
    for name in [*COMPONENT_IDS, "migrate"]:
        pod = _pod(k8s, name)
        assert _allowed(policies, pod, DNS, 53), name
        assert _allowed(policies, pod, POSTGRES, 5432), name
        assert _allowed(policies, pod, NATS, 4222), name
        assert _allowed(policies, pod, OTEL_COLLECTOR, 4318), name
    for component in ALL:
        assert _allowed(policies, PROMETHEUS, _pod(k8s, component.name), component.port), component.name
    assert _allowed(policies, INGRESS_CONTROLLER, gateway, GATEWAY.port)
    assert _allowed(policies, gateway, OUTSIDE, 443), "webhook deliveries"
    for service in SERVICES:
        pod = _pod(k8s, service.name)
        assert _allowed(policies, gateway, pod, service.port), f"gateway → {service.name}"
        assert _allowed(policies, pod, gateway, GATEWAY.port), f"{service.name} → JWKS"
    assert _allowed(policies, _pod(k8s, "monitoring"), OBJECT_STORE, 9000)


def test_network_policies_refuse_everything_else(k8s: list[dict[str, Any]]) -> None:
    policies = _of_kind(k8s, "NetworkPolicy")
    gateway = _pod(k8s, GATEWAY.name)
    for service in SERVICES:
        pod = _pod(k8s, service.name)
        for caller in (INGRESS_CONTROLLER, ELSEWHERE_IN_CLUSTER):
            assert not _allowed(policies, caller, pod, service.port), f"{caller} → {service.name}"
        for other in SERVICES:
            if other is not service:
                assert not _allowed(policies, pod, _pod(k8s, other.name), other.port), (
                    f"{service.name} → {other.name}"
                )
        assert not _allowed(policies, pod, OUTSIDE, 443), f"{service.name} → the internet"
        assert not _allowed(policies, pod, POSTGRES, 22)
        if service.name != "monitoring":
            assert not _allowed(policies, pod, OBJECT_STORE, 9000), f"{service.name} → object store"
    assert not _allowed(policies, ELSEWHERE_IN_CLUSTER, gateway, GATEWAY.port)
    assert not _allowed(policies, OUTSIDE, gateway, GATEWAY.port), "only through the ingress controller"
    assert not _allowed(policies, _pod(k8s, "migrate"), OUTSIDE, 443)
    assert not _allowed(policies, PROMETHEUS, gateway, 9999)
    for name in [*COMPONENT_IDS, "migrate"]:
        pod = _pod(k8s, name)
        assert not _allowed(policies, pod, OTHER_DATABASE, 5432), f"{name} → another database"
        assert not _allowed(policies, pod, OTHER_IN_NATS_NAMESPACE, 4222), f"{name} → another pod in nats"
        for port in (6222, 8222):  # NATS cluster routes and monitoring: the nodes' own business
            assert not _allowed(policies, pod, NATS, port), f"{name} → NATS port {port}"


def test_data_server_peers_are_the_deployed_pods(k8s: list[dict[str, Any]]) -> None:
    """The peers above are what postgres.yaml and nats.yaml deploy, so the evaluation is about them."""
    cluster = _find(k8s, "Cluster", "postgres")
    assert cluster["metadata"]["namespace"] == POSTGRES.namespace
    assert POSTGRES.labels["cnpg.io/cluster"] == cluster["metadata"]["name"]
    nats = _find(k8s, "StatefulSet", "nats")
    assert nats["metadata"]["namespace"] == NATS.namespace
    assert nats["spec"]["template"]["metadata"]["labels"] == NATS.labels
    (client,) = [s for s in _of_kind(k8s, "Service") if s["metadata"]["name"] == "nats"]
    assert _selects(client["spec"]["selector"] and {"matchLabels": client["spec"]["selector"]}, NATS.labels)


def test_replica_is_reachable_too(k8s: list[dict[str, Any]]) -> None:
    """After a failover the replica is the primary: the policy must not name the instance's role."""
    policies = _of_kind(k8s, "NetworkPolicy")
    for name in [*COMPONENT_IDS, "migrate"]:
        assert _allowed(policies, _pod(k8s, name), POSTGRES_REPLICA, 5432), name


def test_network_policy_evaluator_sees_a_missing_rule() -> None:
    """The evaluator itself: without the policies everything is open; with only the default deny
    nothing is."""
    pod = Peer(NAMESPACE, {"app.kubernetes.io/name": "funds"}, {"http": 8003})
    assert _allowed([], ELSEWHERE_IN_CLUSTER, pod, 8003)
    deny = {"spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}}
    assert not _allowed([deny], ELSEWHERE_IN_CLUSTER, pod, 8003)
    assert not _allowed([deny], pod, POSTGRES, 5432)
