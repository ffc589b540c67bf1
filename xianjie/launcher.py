"""``xianjie up``: the whole suite on one machine, as separate processes.

Embedded PostgreSQL and NATS start only for what has no URL configured; every component's
migrations run; demo accounts are ensured; then the gateway and the four services start as
uvicorn processes and the launcher waits until each answers ``/healthz``. Stopping (Ctrl-C,
SIGTERM, SIGHUP) goes in reverse: the app processes first, then NATS, then PostgreSQL, so no
process ever loses a server it still talks to while shutting down.

The pieces that decide things (ports, password, what to embed, each child's environment) are
plain functions of their inputs so they can be tested without starting anything.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

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


# --------------------------------------------------------------------------- ports


def _parse_port(raw: str, where: str) -> int:
    try:
        port = int(raw)
    except ValueError:
        raise LauncherError(f"{where}: {raw!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise LauncherError(f"{where}: {port} is not a port number (1–65535)")
    return port


def resolve_ports(
    env: Mapping[str, str], overrides: Mapping[str, int | None] | None = None
) -> dict[str, int]:
    """Port of every component: command-line flag, else ``XIANJIE_<NAME>_PORT``, else the default."""
    overrides = overrides or {}
    ports: dict[str, int] = {}
    for component in ALL:
        flag = overrides.get(component.name)
        if flag is not None:
            ports[component.name] = _parse_port(str(flag), f"--{component.name}-port")
        elif raw := env.get(env_name(component.name, "port"), "").strip():
            ports[component.name] = _parse_port(raw, env_name(component.name, "port"))
        else:
            ports[component.name] = component.port
    seen: dict[int, str] = {}
    for name, port in ports.items():
        if port in seen:
            raise LauncherError(f"{seen[port]} and {name} are both set to port {port}")
        seen[port] = name
    return ports


def port_in_use(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        # Same option uvicorn uses, so a port in TIME_WAIT counts as free, a listener does not.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


def check_ports_free(host: str, ports: Mapping[str, int]) -> None:
    taken = [(name, port) for name, port in ports.items() if port_in_use(host, port)]
    if taken:
        lines = [f"  {name}: port {port} on {host} is already in use" for name, port in taken]
        hints = [f"--{name}-port N  or  {env_name(name, 'port')}=N" for name, _ in taken]
        raise LauncherError(
            "cannot start: ports taken\n"
            + "\n".join(lines)
            + "\nStop whatever holds them (is another `xianjie up` running?) or choose other ports:\n  "
            + "\n  ".join(hints)
            + "\n(with make: make up UP_ARGS='--gateway-port 9000 ...')"
        )


def pick_port(host: str, preferred: int, explicit: int | None, what: str) -> int:
    """An explicit port must be free; otherwise the preferred one if free, else any free one."""
    if explicit is not None:
        if port_in_use(host, explicit):
            raise LauncherError(f"{what}: port {explicit} on {host} is already in use")
        return explicit
    if not port_in_use(host, preferred):
        return preferred
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


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


# --------------------------------------------------------------------------- embedded servers


def prune_stale_postgres_handles(pgdata: Path) -> None:
    """embedded-postgres stops the server only when the last registered pid lets go; a launcher
    killed with SIGKILL leaves its pid behind and the server would then never be stopped."""
    handles = pgdata / ".handle_pids.json"
    with contextlib.suppress(FileNotFoundError, ValueError, OSError):
        pids = json.loads(handles.read_text())
        alive = [pid for pid in pids if isinstance(pid, int) and _pid_alive(pid)]
        if alive != pids:
            handles.write_text(json.dumps(alive))


def stop_stale_nats(pid_file: Path, store_dir: Path, timeout: float = 5.0) -> bool:
    """Stop a NATS left running on our store by a launcher that was killed outright (SIGKILL).

    Two servers on one JetStream store would corrupt it; the pid is trusted only if that process
    is still a nats-server using this store directory."""
    try:
        pid = int(pid_file.read_text().strip())
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except (OSError, ValueError):
        pid_file.unlink(missing_ok=True)
        return False
    pid_file.unlink(missing_ok=True)
    if not argv or not argv[0].endswith("nats-server") or str(store_dir) not in argv:
        return False
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while _pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _pid_alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return True


def _pid_alive(pid: int) -> bool:
    with contextlib.suppress(OSError, IndexError):
        # A zombie (exited, not yet reaped by its parent) is not alive for our purposes.
        if Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z"):
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def embedded_servers(
    plan: InfraPlan,
    data_dir: Path,
    *,
    host: str = "127.0.0.1",
    nats_port: int | None = None,
    need_nats: bool = True,
    echo: Echo = print,
) -> Iterator[tuple[str | None, str | None]]:
    """Start what the plan says is missing; yield (embedded database URL, embedded NATS URL)."""
    from xianjie.devstack import EmbeddedNats, EmbeddedPostgres

    with contextlib.ExitStack() as stack:
        pg_url: str | None = None
        nats_url: str | None = None
        if plan.embedded_postgres:
            pgdata = data_dir / "postgres"
            fresh = not (pgdata / "PG_VERSION").exists()
            prune_stale_postgres_handles(pgdata)
            started = time.monotonic()
            postgres = EmbeddedPostgres(pgdata)
            stack.callback(_stop_postgres, postgres, echo)
            pg_url = postgres.start()
            echo(
                f"  PostgreSQL  embedded, {'new' if fresh else 'existing'} data in {_short(pgdata)} "
                f"({time.monotonic() - started:.1f}s)"
            )
        if need_nats and plan.embedded_nats:
            pid_file = data_dir / "nats.pid"
            if stop_stale_nats(pid_file, data_dir / "nats"):
                echo("  NATS        stopped a leftover server from an earlier run")
            port = pick_port(host, DEFAULT_NATS_PORT, nats_port, "NATS")
            monitor = pick_port(host, DEFAULT_NATS_MONITOR_PORT, None, "NATS monitoring")
            (data_dir / "logs").mkdir(parents=True, exist_ok=True)
            nats = EmbeddedNats(
                data_dir / "nats",
                port=port,
                monitor_port=monitor,
                log_file=data_dir / "logs" / "nats.log",
                detach=True,
            )
            stack.callback(_stop_nats, nats, echo, pid_file)
            nats_url = nats.start()
            if nats._process is not None:
                pid_file.write_text(f"{nats._process.pid}\n")
            note = "" if port == DEFAULT_NATS_PORT else f" ({DEFAULT_NATS_PORT} was taken)"
            echo(f"  NATS        embedded with JetStream at {nats_url}{note}, monitoring :{monitor}")
        yield pg_url, nats_url


def _stop_postgres(postgres: Any, echo: Echo) -> None:
    postgres.stop()
    echo("  PostgreSQL  stopped")


def _stop_nats(nats: Any, echo: Echo, pid_file: Path) -> None:
    nats.stop()
    pid_file.unlink(missing_ok=True)
    echo("  NATS        stopped")


def _short(path: Path) -> str:
    with contextlib.suppress(ValueError):
        return str(path.relative_to(Path.cwd())) + "/"
    return str(path) + "/"


# --------------------------------------------------------------------------- migrations, demo data


def run_migrations(urls: Mapping[str, str], echo: Echo = print, only: Sequence[str] | None = None) -> None:
    from shared.migrations import upgrade

    for component in ALL:
        if only and component.name not in only:
            continue
        if not (component.migrations / "env.py").exists():
            echo(f"  migrations  {component.name}: none yet, skipped")
            continue
        started = time.monotonic()
        try:
            upgrade(component.migrations, component.schema, urls[component.name])
        except Exception as exc:
            raise LauncherError(
                f"migrations of {component.name} failed: {type(exc).__name__}: {exc}"
            ) from exc
        echo(f"  migrations  {component.name}: at head ({time.monotonic() - started:.1f}s)")


def load_demo_data(database_url: str, password: str) -> list[Any]:
    """Demo accounts in the gateway (demo records come later, through the API: :func:`load_demo_records`)."""
    import asyncio

    from shared.db import Database, create_engine

    try:
        from gateway.demo import ensure_demo_accounts
    except ModuleNotFoundError as exc:
        if exc.name not in ("gateway", "gateway.demo"):
            raise
        raise LauncherError(
            "gateway.demo is missing: cannot create the demo accounts (use --no-demo)"
        ) from exc

    async def run() -> list[Any]:
        db = Database(create_engine(database_url, pool_size=2))
        try:
            return list(await ensure_demo_accounts(db, password))
        finally:
            await db.dispose()

    return asyncio.run(run())


def load_demo_records(gateway_url: str, password: str, echo: Echo = print) -> dict[str, int]:
    """Demo records through the running gateway (idempotent); a problem is a warning, never fatal."""
    import asyncio

    from xianjie import demo_data

    started = time.monotonic()
    try:
        counts = asyncio.run(demo_data.load_demo_records(gateway_url, password, echo=echo))
    except Stop:
        raise
    except Exception as exc:  # the demo must never keep the suite from starting
        echo(f"  demo data   warning: not loaded: {type(exc).__name__}: {exc}")
        return {}
    echo(f"  demo data   {demo_data.summary(counts)} ({time.monotonic() - started:.1f}s)")
    return counts


def format_accounts(accounts: Sequence[Any], password: str) -> str:
    rows = [("username", "role", "division", "description")]
    for account in accounts:
        role = getattr(account, "role_label", "") or str(getattr(account.role, "value", account.role))
        rows.append(
            (
                str(account.username),
                str(role),
                str(account.division_code or "—"),
                str(getattr(account, "description", "")),
            )
        )
    widths = [max(_display_width(row[i]) for row in rows) for i in range(3)]
    lines = []
    for row in rows:
        cells = [row[i] + " " * (widths[i] - _display_width(row[i])) for i in range(3)]
        lines.append("  " + "  ".join([*cells, row[3]]).rstrip())
    lines.append(f"  password for every demo account: {password}")
    return "\n".join(lines)


def _display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# --------------------------------------------------------------------------- app processes


@dataclass
class Child:
    component: ComponentInfo
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def name(self) -> str:
        return self.component.name


def uvicorn_command(component: ComponentInfo, host: str, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        component.app_factory,
        "--host",
        host,
        "--port",
        str(port),
        "--timeout-graceful-shutdown",
        "10",
        "--no-server-header",
    ]


_libc: Any = None


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM it if the launcher dies, even by SIGKILL (Linux)."""
    if _libc is not None:
        _libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def start_child(
    component: ComponentInfo, host: str, port: int, env: Mapping[str, str], log_dir: Path
) -> Child:
    global _libc
    if _libc is None and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{component.name}.log"
    with open(log_path, "ab") as log:
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        log.write(f"\n--- {stamp} starting {component.name} on {host}:{port}\n".encode())
        log.flush()
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            uvicorn_command(component, host, port),
            env=dict(env),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            # Own session: Ctrl-C reaches the launcher only, which then stops the children in order.
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
    return Child(component, port, process, log_path)


def stop_children(
    children: Sequence[Child], echo: Echo = print, timeout: float = STOP_TIMEOUT_SECONDS
) -> None:
    for child in children:
        if child.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.process.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for child in children:
        try:
            child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.process.pid, signal.SIGKILL)
            child.process.wait()
            echo(f"  {child.name:<11} killed (did not stop within {timeout:.0f}s)")
            continue
        echo(f"  {child.name:<11} stopped")


def log_tail(path: Path, lines: int = 25) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    return ""


def wait_healthy(
    children: Sequence[Child], host: str, echo: Echo = print, timeout: float = HEALTH_TIMEOUT_SECONDS
) -> None:
    import httpx

    pending = {child.name: child for child in children}
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2.0, trust_env=False) as client:
        while pending:
            for name, child in list(pending.items()):
                code = child.process.poll()
                if code is not None:
                    raise LauncherError(
                        f"{name} exited with code {code} while starting; last lines of {child.log_path}:\n"
                        + log_tail(child.log_path)
                    )
                try:
                    response = client.get(f"http://{probe_host(host)}:{child.port}/healthz")
                except httpx.TransportError:
                    continue
                if response.status_code == 200:
                    del pending[name]
                    echo(f"  {name:<11} healthy on :{child.port}")
            if pending and time.monotonic() > deadline:
                names = ", ".join(pending)
                logs = _short(children[0].log_path.parent)
                raise LauncherError(f"{names} did not answer /healthz within {timeout:.0f}s; see {logs}")
            if pending:
                time.sleep(0.1)


# --------------------------------------------------------------------------- xianjie up


class Stop(Exception):
    """Raised from a signal handler to unwind start-up or the wait loop."""


def _raise_stop(signum: int, _frame: FrameType | None) -> None:
    # Once: a second Ctrl-C must not break the orderly shutdown (which is bounded by timeouts).
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)
    raise Stop(signal.Signals(signum).name)


@dataclass
class UpOptions:
    data_dir: Path
    host: str = "127.0.0.1"
    port_overrides: dict[str, int | None] = field(default_factory=dict)
    nats_port: int | None = None
    demo: bool = True
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))


def up(options: UpOptions, echo: Echo = print) -> int:
    started = time.monotonic()
    data_dir = options.data_dir.resolve()
    env = options.env
    ports = resolve_ports(env, options.port_overrides)
    check_ports_free(options.host, ports)
    plan = plan_infrastructure(env)
    password = resolve_demo_password(data_dir, env) if options.demo else None
    if password is not None and password.warning:
        echo(f"xianjie: warning: {password.warning}")

    previous = {
        sig: signal.signal(sig, _raise_stop) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    }
    children: list[Child] = []
    try:
        with contextlib.ExitStack() as stack:
            echo(f"xianjie: starting (data in {_short(data_dir)})")
            pg_url, nats_url = stack.enter_context(
                embedded_servers(plan, data_dir, host="127.0.0.1", nats_port=options.nats_port, echo=echo)
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
            check_ports_free(options.host, ports)  # again: start-up took a while
            for component in ALL:
                environment = child_env(
                    component,
                    base=env,
                    host=options.host,
                    ports=ports,
                    database_url=plan.database_url or pg_url or "",
                    nats_url=plan.nats_url or nats_url or "",
                    data_dir=data_dir,
                )
                children.append(
                    start_child(
                        component, options.host, ports[component.name], environment, data_dir / "logs"
                    )
                )
            wait_healthy(children, options.host, echo)
            if password is not None:
                load_demo_records(
                    f"http://{probe_host(options.host)}:{ports[GATEWAY.name]}", password.value, echo
                )
            echo(
                _banner(
                    options.host,
                    ports,
                    data_dir,
                    plan.nats_url or nats_url or "",
                    accounts,
                    password,
                    time.monotonic() - started,
                )
            )
            while True:
                for child in children:
                    code = child.process.poll()
                    if code is not None:
                        raise LauncherError(
                            f"{child.name} exited with code {code}; last lines of {child.log_path}:\n"
                            + log_tail(child.log_path)
                        )
                time.sleep(0.5)
    except Stop as stop:
        echo(f"xianjie: stopped ({stop}).")
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stop_all(children: list[Child], echo: Echo) -> None:
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_IGN)
    echo("xianjie: stopping…")
    stop_children(children, echo)


def _banner(
    host: str,
    ports: Mapping[str, int],
    data_dir: Path,
    nats_url: str,
    accounts: Sequence[Any],
    password: DemoPassword | None,
    seconds: float,
) -> str:
    base = f"http://{probe_host(host)}:{ports[GATEWAY.name]}"
    services = "  ".join(f"{s.name} :{ports[s.name]}" for s in SERVICES)
    lines = [
        "",
        f"xianjie is up in {seconds:.1f}s",
        f"  gateway     {base}",
        f"  API docs    {base}/docs      (OpenAPI: {base}/openapi.json)",
        f"  AsyncAPI    {base}/asyncapi.json",
        f"  services    {services}",
        f"  NATS        {nats_url}",
        f"  logs        {_short(data_dir / 'logs')}",
    ]
    if password is not None:
        origin = {
            "env": f"from {DEMO_PASSWORD_ENV}, kept in {password.path}",
            "file": f"kept in {password.path}",
            "generated": f"generated, kept in {password.path}",
        }[password.source]
        lines += ["", f"Demo accounts (password {origin}):", format_accounts(accounts, password.value)]
        lines += [
            "",
            f"  try: curl -s {base}/auth/token -d grant_type=password -d username=admin "
            f"-d password='{password.value}'",
        ]
    lines += ["", "Press Ctrl-C to stop."]
    return "\n".join(lines)
