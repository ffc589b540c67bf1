"""``xianjie up``: the whole suite on one machine, as separate processes.

Embedded PostgreSQL and NATS start only for what has no URL configured; every component's
migrations run; demo accounts are ensured; then the gateway and the four services start as
uvicorn processes and the launcher waits until each answers ``/healthz``. From then on it
supervises them: one that exits is restarted with capped exponential backoff (logged as JSON
lines) while the others keep serving. Stopping (Ctrl-C, SIGTERM, SIGHUP — to the launcher, or to
``make up``, whose recipe execs it) goes in reverse: the gateway, then the services, then NATS,
then PostgreSQL, so no process ever loses a server it still talks to while shutting down.

The pieces that decide things (ports, password, what to embed, each child's environment) are
plain functions of their inputs so they can be tested without starting anything:
:mod:`~xianjie.launcher.settings` and :mod:`~xianjie.launcher.ports`. The servers are in
:mod:`~xianjie.launcher.embedded`, migrations and demo data in :mod:`~xianjie.launcher.provision`,
the app processes in :mod:`~xianjie.launcher.processes`, what is printed in
:mod:`~xianjie.launcher.banner`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

from xianjie.components import ALL, GATEWAY
from xianjie.launcher.banner import _display_width as _display_width  # the tests measure with it
from xianjie.launcher.banner import banner, format_accounts
from xianjie.launcher.embedded import embedded_servers, prune_stale_postgres_handles, stop_stale_nats
from xianjie.launcher.ports import check_ports_free, pick_port, port_in_use, resolve_ports
from xianjie.launcher.processes import (
    Backoff,
    Child,
    MakeParent,
    log_tail,
    start_child,
    stop_children,
    supervise,
    uvicorn_command,
    wait_healthy,
)
from xianjie.launcher.provision import load_demo_data, load_demo_records, run_migrations
from xianjie.launcher.settings import (
    DEFAULT_NATS_MONITOR_PORT,
    DEFAULT_NATS_PORT,
    DEMO_PASSWORD_ENV,
    DEMO_PASSWORD_FILE,
    HEALTH_TIMEOUT_SECONDS,
    STOP_TIMEOUT_SECONDS,
    DemoPassword,
    Echo,
    InfraPlan,
    LauncherError,
    Stop,
    child_env,
    component_value,
    env_name,
    plan_infrastructure,
    probe_host,
    resolve_demo_password,
    short_path,
)

__all__ = [
    "DEFAULT_NATS_MONITOR_PORT",
    "DEFAULT_NATS_PORT",
    "DEMO_PASSWORD_ENV",
    "DEMO_PASSWORD_FILE",
    "HEALTH_TIMEOUT_SECONDS",
    "STOP_TIMEOUT_SECONDS",
    "Backoff",
    "Child",
    "DemoPassword",
    "Echo",
    "InfraPlan",
    "LauncherError",
    "MakeParent",
    "Stop",
    "UpOptions",
    "check_ports_free",
    "child_env",
    "component_value",
    "embedded_servers",
    "env_name",
    "format_accounts",
    "load_demo_data",
    "load_demo_records",
    "log_tail",
    "pick_port",
    "plan_infrastructure",
    "port_in_use",
    "probe_host",
    "prune_stale_postgres_handles",
    "resolve_demo_password",
    "resolve_ports",
    "run_migrations",
    "start_child",
    "stop_children",
    "stop_stale_nats",
    "supervise",
    "up",
    "uvicorn_command",
    "wait_healthy",
]

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@dataclass
class UpOptions:
    data_dir: Path
    host: str = "127.0.0.1"
    port_overrides: dict[str, int | None] = field(default_factory=dict)
    nats_port: int | None = None
    demo: bool = True
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))


@dataclass(frozen=True)
class _Decided:
    """What ``up`` settled before starting anything."""

    started: float
    make_parent: MakeParent | None
    data_dir: Path
    ports: dict[str, int]
    plan: InfraPlan
    password: DemoPassword | None


def up(options: UpOptions, echo: Echo = print) -> int:
    started = time.monotonic()
    make_parent = MakeParent.find()
    data_dir = options.data_dir.resolve()
    ports = resolve_ports(options.env, options.port_overrides)
    check_ports_free(options.host, ports)
    plan = plan_infrastructure(options.env)
    password = resolve_demo_password(data_dir, options.env) if options.demo else None
    if password is not None and password.warning:
        echo(f"xianjie: warning: {password.warning}")

    previous = {sig: signal.signal(sig, _raise_stop) for sig in STOP_SIGNALS}
    try:
        _run(options, _Decided(started, make_parent, data_dir, ports, plan, password), echo)
    except Stop as stop:
        echo(f"xianjie: stopped ({stop}).")
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _run(options: UpOptions, decided: _Decided, echo: Echo) -> NoReturn:
    """Servers, migrations, demo accounts, app processes, demo records, banner; then watch."""
    plan, password = decided.plan, decided.password
    children: list[Child] = []
    with contextlib.ExitStack() as stack:
        echo(f"xianjie: starting (data in {short_path(decided.data_dir)})")
        pg_url, embedded_nats_url = stack.enter_context(
            embedded_servers(plan, decided.data_dir, host="127.0.0.1", nats_port=options.nats_port, echo=echo)
        )
        if not plan.embedded_postgres:
            echo("  PostgreSQL  external (XIANJIE_DATABASE_URL)")
        if not plan.embedded_nats:
            echo("  NATS        external (XIANJIE_NATS_URL)")
        urls = {c.name: plan.database_url_for(c.name, pg_url) for c in ALL}
        run_migrations(urls, echo)
        accounts: list[Any] = []
        if password is not None:
            accounts = load_demo_data(urls[GATEWAY.name], password.value)

        # Children go last into the stack, so they are stopped first.
        stack.callback(_stop_all, children, echo)
        check_ports_free(options.host, decided.ports)  # again: start-up took a while
        nats_url = plan.nats_url or embedded_nats_url or ""
        _start_children(children, options, decided, plan.database_url or pg_url or "", nats_url)
        wait_healthy(children, options.host, echo)
        if password is not None:
            gateway_url = f"http://{probe_host(options.host)}:{decided.ports[GATEWAY.name]}"
            load_demo_records(gateway_url, password.value, echo)
        seconds = time.monotonic() - decided.started
        echo(banner(options.host, decided.ports, decided.data_dir, nats_url, accounts, password, seconds))
        supervise(children, echo, make_parent=decided.make_parent)


def _start_children(
    children: list[Child], options: UpOptions, decided: _Decided, database_url: str, nats_url: str
) -> None:
    """Start every component, appending each to ``children`` at once (so a failure stops the rest)."""
    for component in ALL:
        environment = child_env(
            component,
            base=options.env,
            host=options.host,
            ports=decided.ports,
            database_url=database_url,
            nats_url=nats_url,
            data_dir=decided.data_dir,
        )
        children.append(
            start_child(
                component, options.host, decided.ports[component.name], environment, decided.data_dir / "logs"
            )
        )


def _raise_stop(signum: int, _frame: FrameType | None) -> None:
    # Once: a second Ctrl-C must not break the orderly shutdown (which is bounded by timeouts).
    for sig in STOP_SIGNALS:
        signal.signal(sig, signal.SIG_IGN)
    raise Stop(signal.Signals(signum).name)


def _stop_all(children: list[Child], echo: Echo) -> None:
    for sig in STOP_SIGNALS:
        signal.signal(sig, signal.SIG_IGN)
    echo("xianjie: stopping…")
    stop_children(children, echo)
