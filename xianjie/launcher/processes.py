"""The app processes: one uvicorn each, started, watched until healthy, stopped in order."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from xianjie.components import ComponentInfo
from xianjie.launcher.settings import (
    HEALTH_TIMEOUT_SECONDS,
    STOP_TIMEOUT_SECONDS,
    Echo,
    LauncherError,
    probe_host,
    short_path,
)


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


def watch_children(children: Sequence[Child], interval: float = 0.5) -> NoReturn:
    """Until a signal unwinds it: a child that exits ends the run with an error."""
    while True:
        for child in children:
            _check_running(child)
        time.sleep(interval)
