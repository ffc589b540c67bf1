"""Deployment files and the launcher's decisions, checked without Docker, Kubernetes or a running stack.

The expectations come from the code: the component table (xianjie/components.py) and each
component's settings class, so a renamed setting or a new component fails here first.
"""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from shared.settings import ServiceSettings, SuiteSettings
from xianjie import launcher
from xianjie.cli import build_parser, main, settings_class
from xianjie.components import ALL, GATEWAY, SERVICES, ComponentInfo

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
K8S_DIR = ROOT / "deploy" / "k8s"
COMPONENT_IDS = [c.name for c in ALL]


def known_settings(component: ComponentInfo) -> set[str]:
    return set(settings_class(component).model_fields)


def setting_of(key: str, component: ComponentInfo) -> str:
    """XIANJIE_<COMPONENT>_FOO_BAR or XIANJIE_FOO_BAR → foo_bar."""
    assert key.startswith("XIANJIE_"), key
    name = key.removeprefix("XIANJIE_")
    own = f"{component.name.upper()}_"
    if name.startswith(own) and name.removeprefix(own).lower() in known_settings(component):
        name = name.removeprefix(own)
    return name.lower()


def localhost_defaults(component: ComponentInfo) -> set[str]:
    """Settings whose default points at this machine — wrong inside a container, so must be set."""
    cls = settings_class(component)
    return {
        name
        for name, info in cls.model_fields.items()
        if isinstance(info.default, str) and ("127.0.0.1" in info.default or "localhost" in info.default)
    }


def interpolate(value: str) -> str:
    """What `docker compose` makes of ${VAR:-default} / ${VAR:?error} / ${VAR} with a .env file."""

    def one(match: re.Match[str]) -> str:
        op, arg = match.group(2), match.group(3)
        if op == ":-":
            return arg or ""
        return "s3cret-from-the-env-file"

    return re.sub(r"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}", one, value)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def k8s() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in sorted(K8S_DIR.rglob("*.yaml")):
        docs += [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    return docs


def run_tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """A command-line tool installed in this virtual environment (dev extras)."""
    command = [str(BIN / name), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603


def clean_environ(monkeypatch: pytest.MonkeyPatch, values: dict[str, str]) -> None:
    for key in list(os.environ):
        if key.startswith("XIANJIE_"):
            monkeypatch.delenv(key)
    for key, value in values.items():
        monkeypatch.setenv(key, value)


# --------------------------------------------------------------------------- docker-compose.yml


def test_compose_matches_the_compose_schema() -> None:
    result = run_tool("check-jsonschema", "--builtin-schema", "vendor.compose-spec", str(COMPOSE_FILE))
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_has_servers_migration_and_every_component(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"postgres", "nats", "migrate", *COMPONENT_IDS}
    assert int(services["postgres"]["image"].split(":")[1].split("-")[0]) >= 16
    assert services["migrate"]["command"] == ["migrate"]
    assert services["nats"]["volumes"], "JetStream data must survive a restart"
    images = {services[name]["image"] for name in ["migrate", *COMPONENT_IDS]}
    assert len(images) == 1, "one image for every process"
    for name in ["migrate", *COMPONENT_IDS]:
        assert services[name]["build"]["dockerfile"] == "deploy/Dockerfile"


@pytest.mark.parametrize("component", ALL, ids=COMPONENT_IDS)
def test_compose_runs_each_component_on_its_port(compose: dict[str, Any], component: ComponentInfo) -> None:
    service = compose["services"][component.name]
    assert service["command"] == ["serve", component.name]
    env = service["environment"]
    assert env[f"XIANJIE_{component.name.upper()}_HOST"] == "0.0.0.0"
    assert int(env[f"XIANJIE_{component.name.upper()}_PORT"]) == component.port
    assert f"http://127.0.0.1:{component.port}/readyz" in " ".join(service["healthcheck"]["test"])
    assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert service["restart"] in ("unless-stopped", "always"), "a crashed process comes back"
    for server in ("postgres", "nats"):
        assert service["depends_on"][server]["condition"] == "service_healthy"


@pytest.mark.parametrize("component", ALL, ids=COMPONENT_IDS)
def test_compose_environment_is_what_the_settings_read(
    compose: dict[str, Any], component: ComponentInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {k: interpolate(str(v)) for k, v in compose["services"][component.name]["environment"].items()}
    fields = known_settings(component)
    unknown = [key for key in env if setting_of(key, component) not in fields]
    assert not unknown, f"variables no settings field reads: {unknown}"
    set_here = {setting_of(key, component) for key in env}
    missing = localhost_defaults(component) - set_here
    assert not missing, f"left at a 127.0.0.1 default inside a container: {missing}"

    clean_environ(monkeypatch, env)
    settings = settings_class(component)()  # production mode: refuses missing servers
    assert settings.environment.value == "production"
    assert settings.database_url.startswith("postgresql+asyncpg://")
    assert "@postgres:5432/" in settings.database_url
    assert settings.nats_url == "nats://nats:4222"
    port = compose_gateway_port(compose)
    assert settings.jwks_url == f"http://{GATEWAY.name}:{port}/.well-known/jwks.json"
    assert (settings.host, settings.port) == ("0.0.0.0", component.port)
    if component is GATEWAY:
        assert settings.service_urls() == {s.name: f"http://{s.name}:{s.port}" for s in SERVICES}


def compose_gateway_port(compose: dict[str, Any]) -> int:
    return int(compose["services"][GATEWAY.name]["environment"]["XIANJIE_GATEWAY_PORT"])


def test_compose_migration_has_the_database(compose: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    env = {k: interpolate(str(v)) for k, v in compose["services"]["migrate"]["environment"].items()}
    clean_environ(monkeypatch, env)
    assert SuiteSettings().database_url.startswith("postgresql+asyncpg://")


def test_compose_nats_runs_jetstream_with_fsync_always(compose: dict[str, Any], tmp_path: Path) -> None:
    content = compose["configs"]["nats-conf"]["content"]
    assert re.search(r"jetstream\s*\{", content)
    assert re.search(r"sync_interval:\s*always", content)
    conf = tmp_path / "nats.conf"
    conf.write_text(content.replace("/data", str(tmp_path / "js")))
    result = run_tool("nats-server", "-c", str(conf), "-t")
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- Kubernetes


# Custom resources (CloudNativePG's Cluster): kubernetes-validate knows only the built-in kinds and
# fails on a kind it has no schema for, so these files are skipped here and their shape is checked
# by tests/deploy/test_k8s_data.py instead.
CUSTOM_RESOURCE_FILES = {"postgres.yaml"}


def test_k8s_manifests_validate_offline() -> None:
    files = sorted(str(p) for p in K8S_DIR.rglob("*.yaml") if p.name not in CUSTOM_RESOURCE_FILES)
    result = run_tool("kubernetes-validate", "--strict", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def _find(docs: list[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    matches = [d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind} {name}"
    return matches[0]


@pytest.mark.parametrize("component", ALL, ids=COMPONENT_IDS)
def test_k8s_deployment_and_service_per_component(
    k8s: list[dict[str, Any]], component: ComponentInfo
) -> None:
    deployment = _find(k8s, "Deployment", component.name)
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert container["args"][:2] == ["serve", component.name]
    assert container["ports"][0]["containerPort"] == component.port
    env = {e["name"]: e["value"] for e in container["env"]}
    assert env[f"XIANJIE_{component.name.upper()}_HOST"] == "0.0.0.0"
    assert int(env[f"XIANJIE_{component.name.upper()}_PORT"]) == component.port
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert {"cpu", "memory"} <= set(container["resources"]["requests"])
    assert {"cpu", "memory"} <= set(container["resources"]["limits"])
    refs = {next(iter(r.values()))["name"] for r in container["envFrom"]}
    assert refs == {"xianjie-config", f"xianjie-{component.name}"}, "its own Secret, not a shared one"
    assert "replicas" not in deployment["spec"], "the HorizontalPodAutoscaler owns the replica count"
    service = _find(k8s, "Service", component.name)
    assert service["spec"]["ports"][0]["port"] == component.port
    assert service["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"]


def test_k8s_config_names_real_settings_and_services(k8s: list[dict[str, Any]]) -> None:
    config = _find(k8s, "ConfigMap", "xianjie-config")["data"]
    for key in config:
        assert any(setting_of(key, c) in known_settings(c) for c in ALL), f"{key} is read by no component"
    assert config["XIANJIE_ENVIRONMENT"] == "production"
    assert config["XIANJIE_JWKS_URL"] == f"http://{GATEWAY.name}:{GATEWAY.port}/.well-known/jwks.json"
    for service in SERVICES:
        assert (
            config[f"XIANJIE_GATEWAY_{service.name.upper()}_URL"] == f"http://{service.name}:{service.port}"
        )


def test_k8s_migration_job(k8s: list[dict[str, Any]]) -> None:
    job = _find(k8s, "Job", "xianjie-migrate")
    (container,) = job["spec"]["template"]["spec"]["containers"]
    assert container["args"] == ["migrate"]
    refs = {next(iter(r.values()))["name"] for r in container["envFrom"]}
    assert refs == {"xianjie-config", "xianjie-migrate"}
    secret = _find(k8s, "Secret", "xianjie-migrate")["stringData"]
    assert set(secret) == {"XIANJIE_DATABASE_URL"}, "migrations need the database, no other secret"


def test_dockerfile_one_image_non_root() -> None:
    text = (ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.M)
    assert re.search(r"pip install --no-deps \.", text)
    assert re.search(r"^USER (?!root|0\b)\S+", text, re.M)
    assert 'ENTRYPOINT ["xianjie"]' in text
    assert 'CMD ["serve"]' in text


def test_ci_runs_make_test() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script
    assert re.search(r"^make test$", script, re.M)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("up", "test", "lint", "venv"):
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert "$(PYTEST_ARGS)" in makefile


# --------------------------------------------------------------------------- launcher: pure pieces


def test_demo_password_generated_once_with_0600(tmp_path: Path) -> None:
    first = launcher.resolve_demo_password(tmp_path / "data", {})
    assert first.source == "generated"
    assert first.path == tmp_path / "data" / "demo-password"
    assert stat.S_IMODE(first.path.stat().st_mode) == 0o600
    assert len(first.value) >= 16
    again = launcher.resolve_demo_password(tmp_path / "data", {})
    assert (again.value, again.source) == (first.value, "file")
    other = launcher.resolve_demo_password(tmp_path / "elsewhere", {})
    assert other.value != first.value


def test_demo_password_file_tightened_if_loose(tmp_path: Path) -> None:
    path = tmp_path / "demo-password"
    path.write_text("kept-one\n")
    path.chmod(0o644)
    assert launcher.resolve_demo_password(tmp_path, {}).value == "kept-one"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_demo_password_from_environment(tmp_path: Path) -> None:
    chosen = launcher.resolve_demo_password(tmp_path, {"XIANJIE_DEMO_PASSWORD": "mine-1234"})
    assert (chosen.value, chosen.source, chosen.warning) == ("mine-1234", "env", "")
    # Kept: the accounts now have this password, and a later run without the variable prints it.
    assert stat.S_IMODE((tmp_path / "demo-password").stat().st_mode) == 0o600
    assert launcher.resolve_demo_password(tmp_path, {}).value == "mine-1234"
    assert launcher.resolve_demo_password(tmp_path, {"XIANJIE_DEMO_PASSWORD": "mine-1234"}).warning == ""


def test_demo_password_from_environment_cannot_change_existing_accounts(tmp_path: Path) -> None:
    first = launcher.resolve_demo_password(tmp_path, {})
    later = launcher.resolve_demo_password(tmp_path, {"XIANJIE_DEMO_PASSWORD": "another-one"})
    assert later.value == first.value
    assert "XIANJIE_DEMO_PASSWORD differs" in later.warning


def test_external_urls_mean_nothing_embedded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = launcher.plan_infrastructure(
        {"XIANJIE_DATABASE_URL": "postgresql://db.example/x", "XIANJIE_NATS_URL": "nats://mq.example:4222"}
    )
    assert not plan.embedded_postgres
    assert not plan.embedded_nats

    import xianjie.devstack as devstack

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an embedded server was started")

    monkeypatch.setattr(devstack.EmbeddedPostgres, "start", refuse)
    monkeypatch.setattr(devstack.EmbeddedNats, "start", refuse)
    with launcher.embedded_servers(plan, tmp_path, echo=lambda _: None) as (pg_url, nats_url):
        assert (pg_url, nats_url) == (None, None)
    assert plan.database_url_for("funds", None) == "postgresql://db.example/x"


def test_no_urls_mean_both_embedded_and_per_service_overrides_count() -> None:
    plan = launcher.plan_infrastructure({})
    assert plan.embedded_postgres and plan.embedded_nats
    assert plan.database_url_for("funds", "postgresql://embedded") == "postgresql://embedded"

    # Only one service has its own database: the others still need the embedded one.
    partial = launcher.plan_infrastructure({"XIANJIE_FUNDS_DATABASE_URL": "postgresql://funds-db/x"})
    assert partial.embedded_postgres
    assert partial.database_url_for("funds", "postgresql://embedded") == "postgresql://funds-db/x"
    assert partial.database_url_for("assets", "postgresql://embedded") == "postgresql://embedded"


def test_ports_default_env_and_flags() -> None:
    assert launcher.resolve_ports({}) == {c.name: c.port for c in ALL}
    ports = launcher.resolve_ports({"XIANJIE_FUNDS_PORT": "9103"}, {"gateway": 9100})
    assert ports["funds"] == 9103
    assert ports["gateway"] == 9100
    assert ports["monitoring"] == 8001
    with pytest.raises(launcher.LauncherError, match="both set to port 8001"):
        launcher.resolve_ports({"XIANJIE_ASSETS_PORT": "8001"})
    with pytest.raises(launcher.LauncherError, match="not a port"):
        launcher.resolve_ports({"XIANJIE_ASSETS_PORT": "eighty"})


def test_taken_port_is_reported_clearly() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert launcher.port_in_use("127.0.0.1", port)
        with pytest.raises(launcher.LauncherError) as error:
            launcher.check_ports_free("127.0.0.1", {"monitoring": port})
        message = str(error.value)
        assert f"monitoring: port {port}" in message
        assert "--monitoring-port" in message
        assert "XIANJIE_MONITORING_PORT" in message
        assert launcher.pick_port("127.0.0.1", port, None, "NATS") != port
        with pytest.raises(launcher.LauncherError, match="already in use"):
            launcher.pick_port("127.0.0.1", 4222, port, "NATS")


def test_up_refuses_taken_port_before_starting_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        code = main(["up", "--data-dir", str(tmp_path), "--gateway-port", str(port)])
    assert code == 2
    assert f"gateway: port {port}" in capsys.readouterr().err
    assert not (tmp_path / "postgres").exists()


def test_leftover_nats_on_our_store_is_stopped(tmp_path: Path) -> None:
    from xianjie.devstack import free_port, wait_for_port

    store = tmp_path / "nats"
    port = free_port()
    leftover = subprocess.Popen(  # noqa: S603
        [str(BIN / "nats-server"), "-js", "-sd", str(store), "-a", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        pid_file = tmp_path / "nats.pid"
        pid_file.write_text(f"{os.getpid()}\n")  # not a nats-server: left alone
        assert not launcher.stop_stale_nats(pid_file, store)
        pid_file.write_text(f"{leftover.pid}\n")
        assert not launcher.stop_stale_nats(pid_file, tmp_path / "another-store")
        assert leftover.poll() is None
        pid_file.write_text(f"{leftover.pid}\n")
        assert launcher.stop_stale_nats(pid_file, store)
        assert leftover.wait(timeout=5) is not None
        assert not pid_file.exists()
    finally:
        leftover.kill()
        leftover.wait()


@pytest.mark.parametrize("component", ALL, ids=COMPONENT_IDS)
def test_child_environment(component: ComponentInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    ports = {c.name: 9000 + i for i, c in enumerate(ALL)}
    env = launcher.child_env(
        component,
        base={"XIANJIE_FUNDS_DATABASE_URL": "postgresql://own/db", "PATH": "/bin"},
        host="127.0.0.1",
        ports=ports,
        database_url="postgresql://postgres:@/postgres?host=/sock",
        nats_url="nats://127.0.0.1:4333",
        data_dir=Path("/abs/.data"),
    )
    assert env["PATH"] == "/bin"
    assert env["XIANJIE_FUNDS_DATABASE_URL"] == "postgresql://own/db"
    assert env["XIANJIE_JWKS_URL"] == f"http://127.0.0.1:{ports['gateway']}/.well-known/jwks.json"

    clean_environ(monkeypatch, {k: v for k, v in env.items() if k.startswith("XIANJIE_")})
    settings = settings_class(component)()
    assert settings.port == ports[component.name]
    assert settings.nats_url == "nats://127.0.0.1:4333"
    expected_db = (
        "postgresql://own/db" if component.name == "funds" else "postgresql://postgres:@/postgres?host=/sock"
    )
    assert settings.database_url == expected_db
    assert str(settings.data_dir) == "/abs/.data"
    if component is GATEWAY:
        assert settings.service_urls() == {s.name: f"http://127.0.0.1:{ports[s.name]}" for s in SERVICES}


def test_every_component_has_a_settings_class() -> None:
    for component in ALL:
        cls = settings_class(component)
        assert issubclass(cls, ServiceSettings)
        assert cls.component == component.name
        assert cls.model_fields["port"].default == component.port


def test_serve_needs_a_known_component_and_a_database(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clean_environ(monkeypatch, {})
    assert main(["serve", "nowhere"]) == 2
    assert "unknown component 'nowhere'" in capsys.readouterr().err
    assert main(["serve"]) == 2
    assert "which component" in capsys.readouterr().err
    assert main(["serve", "monitoring"]) == 2
    assert "XIANJIE_DATABASE_URL is not set" in capsys.readouterr().err


def test_parser_knows_every_component_port_flag() -> None:
    args = build_parser().parse_args(["up", *[f"--{c.name}-port={c.port + 100}" for c in ALL]])
    assert all(getattr(args, f"{c.name}_port") == c.port + 100 for c in ALL)


def test_format_accounts_aligns_chinese_labels() -> None:
    class Account:
        def __init__(self, username: str, role_label: str, division_code: str | None) -> None:
            self.username, self.role, self.role_label = username, "x", role_label
            self.division_code, self.description = division_code, "d"

    text = launcher.format_accounts(
        [Account("admin", "区级管理员", None), Account("a", "审计", "419001")], "pw"
    )
    lines = text.splitlines()
    assert lines[-1].endswith("pw")
    starts = {launcher._display_width(line[: line.index(" d") if " d" in line else 0]) for line in lines[1:3]}
    assert len(starts) == 1
