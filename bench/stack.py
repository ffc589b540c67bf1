"""What the request-path benches share: the suite running as `make up` runs it, wrk, lean peers.

``Suite`` starts ``xianjie up`` (separate processes, embedded PostgreSQL and NATS, demo data) in a
temporary folder on free ports and signs in the demo admin. ``wrk`` runs Debian's wrk against a URL
and reads back requests/s and the median latency. ``peer`` starts a lean reference app under
uvicorn (one worker, as the services run) against the suite's database.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from xianjie.components import ALL
from xianjie.devstack import free_port

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# The lean reference list app lives outside the repository, in the handbook beside the project
# root (``../shared/bench``); a git worktree sits deeper, so look upwards for it.
SHARED_BENCH = next(
    (folder / "shared" / "bench" for folder in ROOT.parents if (folder / "shared" / "bench").is_dir()),
    ROOT.parent / "shared" / "bench",
)


@dataclass
class Suite:
    data: Path
    ports: dict[str, int]
    token: str

    def url(self, component: str, path: str) -> str:
        return f"http://127.0.0.1:{self.ports[component]}{path}"

    @property
    def db_socket(self) -> Path:
        return self.data / "postgres"

    @property
    def jwks(self) -> str:
        return self.url("gateway", "/.well-known/jwks.json")

    def pid_of(self, component: str) -> int:
        """The process serving ``component`` (for py-spy)."""
        out = subprocess.run(
            ["ss", "-ltnpH", f"sport = :{self.ports[component]}"], capture_output=True, text=True
        )
        found = re.search(r"pid=(\d+)", out.stdout)
        if not found:
            raise RuntimeError(f"no process listens on {component}'s port")
        return int(found.group(1))


def _wait_healthy(
    urls: list[str], launcher: subprocess.Popen[bytes], log: Path, timeout: float = 180
) -> None:
    deadline = time.monotonic() + timeout
    pending = list(urls)
    while pending:
        if launcher.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("start-up failed:\n" + log.read_text()[-3000:])
        for url in list(pending):
            with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=1) as resp:
                if resp.status == 200:
                    pending.remove(url)
        time.sleep(0.2)


# The event path's figures: backlogs (gauges) and work done (counters), summed over a component.
_EVENT_FIGURES = re.compile(
    r"^xianjie_(?:consumer_pending|consumer_ack_pending|outbox_backlog|events_handled_total"
    r"|events_published_total|events_duplicate_total)\{[^}]*\} (\S+)$",
    re.MULTILINE,
)


def _event_figures(ports: dict[str, int]) -> tuple[float, ...]:
    figures = []
    for port in ports.values():
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as resp:
            text = resp.read().decode()
        figures.append(sum(float(v) for v in _EVENT_FIGURES.findall(text) if v != "NaN"))
    return tuple(figures)


def _wait_settled(ports: dict[str, int], quiet_for: int = 4, timeout: float = 90) -> None:
    """Until the demo data's events are relayed and consumed (the gateway fans each out to
    webhooks): that work ran for ~10 s after start-up and took a tenth of the gateway's samples in
    a profile taken then. Settled: the event figures unchanged for ``quiet_for`` seconds."""
    deadline = time.monotonic() + timeout
    last, same = _event_figures(ports), 0
    while same < quiet_for and time.monotonic() < deadline:
        time.sleep(1)
        now = _event_figures(ports)
        same = same + 1 if now == last else 0
        last = now


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        # SIGTERM, not SIGINT: a shell running `make bench` in the background ignores SIGINT for
        # its children, and both uvicorn and `xianjie up` stop cleanly on SIGTERM.
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def suite(settings: dict[str, str] | None = None) -> Iterator[Suite]:
    """``settings``: XIANJIE_* variables for the suite (the caller's own are not passed on)."""
    ports = {c.name: free_port() for c in ALL}
    password = "bench-" + os.urandom(6).hex()
    with tempfile.TemporaryDirectory(prefix="xj-bench-") as tmp:
        data = Path(tmp)
        args = [str(BIN / "xianjie"), "up", "--data-dir", str(data), "--nats-port", str(free_port())]
        args += [a for c in ALL for a in (f"--{c.name}-port", str(ports[c.name]))]
        env = {k: v for k, v in os.environ.items() if not k.startswith("XIANJIE_")}
        env["XIANJIE_DEMO_PASSWORD"] = password
        env.update(settings or {})
        # One access line per request is part of the service's work, but a terminal is not: to a file.
        log = data / "launcher.log"
        with log.open("w") as out:
            launcher = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        try:
            _wait_healthy([f"http://127.0.0.1:{p}/healthz" for p in ports.values()], launcher, log)
            form = urllib.parse.urlencode(
                {"grant_type": "password", "username": "admin", "password": password}
            )
            with urllib.request.urlopen(
                f"http://127.0.0.1:{ports['gateway']}/auth/token", data=form.encode(), timeout=10
            ) as resp:
                token = json.load(resp)["access_token"]
            _wait_settled(ports)
            yield Suite(data, ports, token)
        finally:
            _stop(launcher)


@contextlib.contextmanager
def peer(app: str, app_dir: Path, suite: Suite) -> Iterator[tuple[str, int]]:
    """A lean reference app (``module:app`` in ``app_dir``) on a free port; its base URL and pid."""
    port = free_port()
    env = dict(os.environ, XJ_DB_HOST=str(suite.db_socket), XJ_JWKS=suite.jwks)
    process = subprocess.Popen(
        [
            str(BIN / "uvicorn"),
            "--app-dir",
            str(app_dir),
            app,
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # A session of its own, as `xianjie up` gives each service: with the kernel's autogroup
        # scheduling, CPU is shared between sessions first, so a peer left in the bench's session
        # would get a different share of the machine than the service it is compared with.
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit(f"{app} failed: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=1),
            ):
                break
            if time.monotonic() > deadline:
                raise SystemExit(f"{app} did not start")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}", process.pid
    finally:
        _stop(process)


@dataclass
class WrkResult:
    requests_per_s: float
    p50_ms: float
    non_2xx: int
    # CPU the serving process(es) spent per request: steadier than req/s on a shared machine,
    # where the neighbours' load decides how much of a core each process gets.
    cpu_ms: float = 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(
    url: str,
    token: str,
    *,
    connections: int = 16,
    seconds: float = 5,
    script: Path | None = None,
    env: dict[str, str] | None = None,
    pids: tuple[int, ...] = (),
) -> WrkResult:
    """``wrk`` on one thread (the other core serves), the admin token on every request."""
    args = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "-H",
        f"Authorization: Bearer {token}",
    ]
    if script is not None:
        args += ["-s", str(script)]
    cpu_before = sum(cpu_seconds(pid) for pid in pids)
    out = subprocess.run(
        [*args, url], capture_output=True, text=True, env={**os.environ, **(env or {})}, check=True
    )
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out.stdout)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out.stdout)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out.stdout)
    cpu = sum(cpu_seconds(pid) for pid in pids) - cpu_before
    done = re.search(r"(\d+) requests in", out.stdout)
    if not rps or not p50 or not done:
        raise RuntimeError("wrk output not understood:\n" + out.stdout + out.stderr)
    return WrkResult(
        float(rps.group(1)),
        float(p50.group(1)) * _UNITS[p50.group(2)],
        int(bad.group(1)) if bad else 0,
        1000 * cpu / max(1, int(done.group(1))),
    )
