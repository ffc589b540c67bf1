"""What the launcher decides before it starts anything: names, the demo password, what to embed.

Plain functions of their inputs (an environment mapping, a data folder), so they can be tested
without starting a server.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from xianjie.components import ALL, GATEWAY, SERVICES, ComponentInfo

DEMO_PASSWORD_ENV = "XIANJIE_DEMO_PASSWORD"  # noqa: S105 - a variable name
DEMO_PASSWORD_FILE = "demo-password"  # noqa: S105 - a file name
DEFAULT_NATS_PORT = 4222
DEFAULT_NATS_MONITOR_PORT = 8222
HEALTH_TIMEOUT_SECONDS = 90.0
STOP_TIMEOUT_SECONDS = 15.0

Echo = Callable[[str], None]


class LauncherError(Exception):
    """A problem the user can fix; the CLI prints it without a traceback."""


class Stop(Exception):
    """Raised from a signal handler to unwind start-up or the wait loop."""


def short_path(path: Path) -> str:
    """``path`` relative to the working directory when it is below it, with a trailing slash."""
    with contextlib.suppress(ValueError):
        return str(path.relative_to(Path.cwd())) + "/"
    return str(path) + "/"


# --------------------------------------------------------------------------- environment names


def env_name(component: str, setting: str) -> str:
    """``XIANJIE_<COMPONENT>_<SETTING>`` — the per-component override the settings classes read."""
    return f"XIANJIE_{component.upper()}_{setting.upper()}"


def component_value(env: Mapping[str, str], component: str, setting: str) -> str:
    """The value a component's settings would see: its own override first, then the suite-wide one."""
    return env.get(env_name(component, setting)) or env.get(f"XIANJIE_{setting.upper()}", "")


# --------------------------------------------------------------------------- demo password


@dataclass(frozen=True)
class DemoPassword:
    value: str
    source: str  # "env", "file" or "generated"
    path: Path | None = None
    warning: str = ""


def resolve_demo_password(data_dir: Path, env: Mapping[str, str]) -> DemoPassword:
    """The demo accounts' password for this data folder.

    ``XIANJIE_DEMO_PASSWORD`` when set, otherwise one generated with ``secrets.token_urlsafe``.
    Either way it is kept in ``<data>/demo-password`` (mode 0600): the gateway creates missing
    demo accounts and never changes an existing one's password, so the file records the password
    the accounts in this folder really have, and a later run prints that one.
    """
    from_env = env.get(DEMO_PASSWORD_ENV, "").strip()
    path = data_dir / DEMO_PASSWORD_FILE
    kept = ""
    with contextlib.suppress(FileNotFoundError):
        kept = path.read_text(encoding="utf-8").strip()
    if kept:
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
        warning = ""
        if from_env and from_env != kept:
            warning = (
                f"{DEMO_PASSWORD_ENV} differs from the password the demo accounts in {data_dir} were "
                f"created with ({path}); using that one. Remove the data folder to start over."
            )
        return DemoPassword(kept, "file", path, warning)
    value = from_env or secrets.token_urlsafe(12)
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    path.chmod(0o600)  # in case an empty file with looser bits was there already
    return DemoPassword(value, "env" if from_env else "generated", path)


# --------------------------------------------------------------------------- what to embed


@dataclass(frozen=True)
class InfraPlan:
    """Which servers come from configuration and which the launcher must start itself."""

    database_url: str  # suite-wide XIANJIE_DATABASE_URL; "" → embedded PostgreSQL
    nats_url: str  # suite-wide XIANJIE_NATS_URL; "" → embedded NATS
    # Per-component values after XIANJIE_<NAME>_* overrides ("" → the embedded server's URL).
    component_database_urls: dict[str, str] = field(default_factory=dict)
    component_nats_urls: dict[str, str] = field(default_factory=dict)

    @property
    def embedded_postgres(self) -> bool:
        return not all(self.component_database_urls.values())

    @property
    def embedded_nats(self) -> bool:
        return not all(self.component_nats_urls.values())

    def database_url_for(self, component: str, embedded_url: str | None) -> str:
        url = self.component_database_urls.get(component) or embedded_url
        if not url:
            raise LauncherError(f"no database for {component}")
        return url


def plan_infrastructure(env: Mapping[str, str]) -> InfraPlan:
    return InfraPlan(
        database_url=env.get("XIANJIE_DATABASE_URL", ""),
        nats_url=env.get("XIANJIE_NATS_URL", ""),
        component_database_urls={c.name: component_value(env, c.name, "database_url") for c in ALL},
        component_nats_urls={c.name: component_value(env, c.name, "nats_url") for c in ALL},
    )


# --------------------------------------------------------------------------- each child's environment


def child_env(
    component: ComponentInfo,
    *,
    base: Mapping[str, str],
    host: str,
    ports: Mapping[str, int],
    database_url: str,
    nats_url: str,
    data_dir: Path,
) -> dict[str, str]:
    """Environment of one app process. Per-component overrides already in ``base`` still win."""
    local = probe_host(host)
    env = dict(base)
    env.update(
        {
            "XIANJIE_DATABASE_URL": database_url,
            "XIANJIE_NATS_URL": nats_url,
            "XIANJIE_DATA_DIR": str(data_dir),
            "XIANJIE_JWKS_URL": f"http://{local}:{ports[GATEWAY.name]}/.well-known/jwks.json",
            env_name(component.name, "host"): host,
            env_name(component.name, "port"): str(ports[component.name]),
            "PYTHONUNBUFFERED": "1",
        }
    )
    if component.name == GATEWAY.name:
        for service in SERVICES:
            env[env_name(GATEWAY.name, f"{service.name}_url")] = f"http://{local}:{ports[service.name]}"
    return env


def probe_host(host: str) -> str:
    """Where to reach a server bound to ``host`` from this machine."""
    if host in ("", "0.0.0.0"):
        return "127.0.0.1"
    if host == "::":
        return "::1"
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
