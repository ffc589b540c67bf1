"""The app processes: one uvicorn each, started, watched until healthy, supervised, stopped in order.

A process that dies after start-up is restarted by :func:`supervise` with exponential backoff
(capped), each exit and restart logged as one JSON line; the others keep serving meanwhile.
Stopping goes gateway first (no new requests come in), then the services.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from shared.logging import UVICORN_LOG_CONFIG_FILE
from xianjie.components import GATEWAY, ComponentInfo
from xianjie.launcher.settings import (
    HEALTH_TIMEOUT_SECONDS,
    STOP_TIMEOUT_SECONDS,
    Echo,
    LauncherError,
    Stop,
    probe_host,
    short_path,
)


@dataclass
class Child:
    component: ComponentInfo
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path
    # What it was started with, so the supervisor can start it again the same way.
    host: str = "127.0.0.1"
    env: Mapping[str, str] = field(default_factory=dict)
    started_at: float = field(default_factory=time.monotonic)
    # Supervision: exits since it last ran long enough, when it is due again, whether it answers.
    failures: int = 0
    restarts: int = 0
    restart_at: float | None = None
    down_since: float | None = None
    healthy: bool = True

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
        # Every line JSON, uvicorn's included (shared.logging).
        "--log-config",
        str(UVICORN_LOG_CONFIG_FILE),
        # The kit writes one access line per request itself (request id, no query string);
        # uvicorn's own line was a second one, and cost a few percent of a small request.
        "--no-access-log",
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
    return Child(component, port, process, log_path, host=host, env=dict(env))


def stop_children(
    children: Sequence[Child], echo: Echo = print, timeout: float = STOP_TIMEOUT_SECONDS
) -> None:
    """The gateway first, so no new request reaches a service that is going away; then the services."""
    gateway = [c for c in children if c.name == GATEWAY.name]
    services = [c for c in children if c.name != GATEWAY.name]
    for group in (gateway, services):
        _stop_group(group, echo, timeout)


def _stop_group(children: Sequence[Child], echo: Echo, timeout: float) -> None:
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


def _check_running(child: Child, when: str = "") -> None:
    """A child that has exited is an error, with the last lines of its log."""
    code = child.process.poll()
    if code is not None:
        raise LauncherError(
            f"{child.name} exited with code {code}{when}; last lines of {child.log_path}:\n"
            + log_tail(child.log_path)
        )


def wait_healthy(
    children: Sequence[Child], host: str, echo: Echo = print, timeout: float = HEALTH_TIMEOUT_SECONDS
) -> None:
    import httpx

    pending = {child.name: child for child in children}
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2.0, trust_env=False) as client:
        while pending:
            for name, child in list(pending.items()):
                _check_running(child, " while starting")
                try:
                    response = client.get(f"http://{probe_host(host)}:{child.port}/healthz")
                except httpx.TransportError:
                    continue
                if response.status_code == 200:
                    del pending[name]
                    echo(f"  {name:<11} healthy on :{child.port}")
            if pending and time.monotonic() > deadline:
                names = ", ".join(pending)
                logs = short_path(children[0].log_path.parent)
                raise LauncherError(f"{names} did not answer /healthz within {timeout:.0f}s; see {logs}")
            if pending:
                time.sleep(0.1)


@dataclass(frozen=True)
class Backoff:
    """How long a crashed app process waits before its next start: base·2^(n-1), at most ``cap``.

    A process that then stays up ``stable_seconds`` is forgiven its earlier exits, so one crash a
    day restarts at once rather than after the cap.
    """

    base_seconds: float = 0.5
    cap_seconds: float = 30.0
    stable_seconds: float = 60.0

    def delay(self, failures: int) -> float:
        return min(self.cap_seconds, self.base_seconds * 2 ** max(0, failures - 1))


def log_line(event: str, level: str = "info", **fields: Any) -> str:
    """One JSON log line shaped like the app processes' own (structlog's JSON renderer)."""
    record = {
        "event": event,
        "level": level,
        "logger": "xianjie.launcher",
        "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        **fields,
    }
    return json.dumps(record, ensure_ascii=False)


def supervise(
    children: Sequence[Child],
    echo: Echo = print,
    backoff: Backoff | None = None,
    interval: float = 0.2,
    make_parent: MakeParent | None = None,
) -> NoReturn:
    """Until a signal unwinds it: restart whatever exits, with backoff, and say so in JSON lines.

    ``make_parent`` (found when the launcher started, see :class:`MakeParent`): stop when that
    make is interrupted or gone."""
    import httpx

    backoff = backoff or Backoff()
    watch_parent = make_parent
    with httpx.Client(timeout=0.5, trust_env=False) as client:
        while True:
            now = time.monotonic()
            for child in children:
                _supervise_one(child, now, backoff, echo, client)
            if watch_parent is not None:
                if os.getppid() != watch_parent.pid:  # make itself was killed: nobody to serve
                    raise Stop("make exited")
                if watch_parent.interrupted():
                    raise Stop("SIGINT to make")
            time.sleep(interval)


def _supervise_one(child: Child, now: float, backoff: Backoff, echo: Echo, client: Any) -> None:
    import httpx

    if child.restart_at is None:
        code = child.process.poll()
        if code is None:
            if child.failures and now - child.started_at >= backoff.stable_seconds:
                child.failures = 0
            if not child.healthy:
                with contextlib.suppress(httpx.HTTPError):
                    if client.get(f"http://{probe_host(child.host)}:{child.port}/healthz").status_code == 200:
                        child.healthy = True
                        down = now - (child.down_since or now)
                        echo(log_line("app_healthy", component=child.name, down_seconds=round(down, 2)))
                        child.down_since = None
            return
        child.failures += 1
        delay = backoff.delay(child.failures)
        child.restart_at = now + delay
        child.healthy = False
        child.down_since = child.down_since or now
        echo(
            log_line(
                "app_exited",
                "error",
                component=child.name,
                exit_code=code,
                restart_in_seconds=delay,
                failures=child.failures,
                log=str(child.log_path),
            )
        )
        return
    if now < child.restart_at:
        return
    try:
        fresh = start_child(child.component, child.host, child.port, child.env, child.log_path.parent)
    except OSError as exc:  # e.g. too many processes: count it as one more failure
        child.failures += 1
        child.restart_at = now + backoff.delay(child.failures)
        echo(log_line("app_restart_failed", "error", component=child.name, error=str(exc)))
        return
    child.process, child.started_at, child.restart_at = fresh.process, now, None
    child.restarts += 1
    restarted = log_line(
        "app_restarted", "warning", component=child.name, pid=fresh.process.pid, restarts=child.restarts
    )
    echo(restarted)


@dataclass
class MakeParent:
    """``make up``: make forwards SIGTERM to its child (the recipe execs us) but not SIGINT — it
    waits for its children instead. While make runs its fatal-signal handler, SIGINT is blocked in
    make (Linux shows it in /proc/<pid>/status), and that is how we learn an operator interrupted
    it. Seen on two polls in a row, so a moment's blocking elsewhere in make is not mistaken for it."""

    pid: int
    seen: int = 0

    @classmethod
    def find(cls) -> MakeParent | None:
        """The make that started us, if one did: call it first thing, before make can go away."""
        pid = os.getppid()
        with contextlib.suppress(OSError):
            if Path(f"/proc/{pid}/comm").read_text().strip() in {"make", "gmake"}:
                return cls(pid)
        return None

    def interrupted(self) -> bool:
        self.seen = self.seen + 1 if self._sigint_blocked() else 0
        return self.seen >= 2

    def _sigint_blocked(self) -> bool:
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return False
        for line in status.splitlines():
            if line.startswith("SigBlk:"):
                return bool(int(line.split()[1], 16) & (1 << (signal.SIGINT - 1)))
        return False
