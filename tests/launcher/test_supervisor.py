"""``xianjie up`` as an operator runs it, in a subprocess on free ports: a killed app process comes
back while the others keep answering, and a signal to the launcher (or to ``make up`` alone) stops
everything in order — gateway, services, NATS, PostgreSQL — with nothing left running."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from xianjie.components import ALL
from xianjie.devstack import free_port
from xianjie.launcher.processes import Backoff, log_line

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 240.0


@dataclass
class Running:
    process: subprocess.Popen[bytes]
    output: Path
    ports: dict[str, int]
    data_dir: Path

    def text(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")

    def events(self) -> list[dict[str, object]]:
        found = []
        for line in self.text().splitlines():
            if line.startswith("{"):
                found.append(json.loads(line))
        return found

    @property
    def launcher_pid(self) -> int:
        """The launcher: the process we started, or under ``make up`` make's one child."""
        if Path(f"/proc/{self.process.pid}/comm").read_text().strip() != "make":
            return self.process.pid
        (child,) = _children(self.process.pid)
        return child

    def app_pids(self) -> dict[str, int]:
        """Pid of each app process, found among the launcher's children by the app it serves."""
        pids = {}
        factories = {c.app_factory: c.name for c in ALL}
        for pid in _children(self.launcher_pid):
            try:
                argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
            except OSError:
                continue
            for factory, name in factories.items():
                if factory in argv:
                    pids[name] = pid
        return pids


def _children(parent: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(") ", 1)[1].split()[1]) == parent:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def _health(client: httpx.Client, port: int) -> int:
    try:
        return client.get(f"http://127.0.0.1:{port}/healthz").status_code
    except httpx.TransportError:
        return 0


def _start(tmp_path: Path, via_make: bool) -> Running:
    ports = {c.name: free_port() for c in ALL}
    data_dir = tmp_path / "data"
    args = ["--no-demo", "--data-dir", str(data_dir), "--nats-port", str(free_port())]
    for name, port in ports.items():
        args += [f"--{name}-port", str(port)]
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("XIANJIE_") and k not in {"MAKEFLAGS", "MAKELEVEL", "MFLAGS"}
    }
    env["PYTHONPATH"] = str(ROOT)
    if via_make:
        # The real Makefile target, with this interpreter's venv and no re-install (-o venv).
        venv = Path(sys.executable).parent.parent
        command = ["make", "-s", "-o", "venv", f"VENV={venv}", "up", "UP_ARGS=" + " ".join(args)]
    else:
        command = [sys.executable, "-m", "xianjie.cli", "up", *args]
    output = tmp_path / "launcher.out"
    with open(output, "wb") as out:
        process = subprocess.Popen(  # noqa: S603
            command,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            # Its own group: the signals below reach the one process they are sent to, nothing else.
            start_new_session=True,
        )
    running = Running(process, output, ports, data_dir)
    deadline = time.monotonic() + START_TIMEOUT
    with httpx.Client(timeout=2.0, trust_env=False) as client:
        while not all(_health(client, p) == 200 for p in ports.values()):
            if process.poll() is not None or time.monotonic() > deadline:
                _stop(process)
                pytest.fail(f"xianjie up did not start:\n{running.text()[-3000:]}")
            time.sleep(0.5)
    # The banner comes once every process answered; supervision starts right after it.
    while "xianjie is up in" not in running.text() and time.monotonic() < deadline:
        time.sleep(0.2)
    return running


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture
def launcher(tmp_path: Path) -> Iterator[Running]:
    running = _start(tmp_path, via_make=False)
    try:
        yield running
    finally:
        _stop(running.process)


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1]
    except OSError:
        return True
    return state.startswith("Z")


def _assert_all_stopped(running: Running, app_pids: dict[str, int]) -> None:
    for name, pid in app_pids.items():
        assert _gone(pid), f"{name} (pid {pid}) still running"
    assert not (running.data_dir / "nats.pid").exists()
    assert not (running.data_dir / "postgres" / "postmaster.pid").exists()
    text = running.text()
    stopped = [text.index(f"  {c.name:<11} stopped") for c in ALL]
    gateway, *services = stopped
    assert gateway < min(services), "the gateway stops before the services"
    assert max(services) < text.index("  NATS        stopped") < text.index("  PostgreSQL  stopped")


def test_a_killed_service_comes_back_while_the_others_serve_then_sigterm_stops_all(
    launcher: Running,
) -> None:
    before = launcher.app_pids()
    assert set(before) == {c.name for c in ALL}
    victim = "employment"
    os.kill(before[victim], signal.SIGKILL)

    others = {n: p for n, p in launcher.ports.items() if n != victim}
    answered: dict[str, int] = dict.fromkeys(others, 0)
    deadline = time.monotonic() + 120
    with httpx.Client(timeout=5.0, trust_env=False) as client:
        while True:
            for name, port in others.items():
                assert _health(client, port) == 200, f"{name} stopped answering while {victim} was down"
                answered[name] += 1
            after = launcher.app_pids()
            if (
                after.get(victim) not in (None, before[victim])
                and _health(client, launcher.ports[victim]) == 200
            ):
                break
            assert time.monotonic() < deadline, launcher.text()[-3000:]
            time.sleep(0.1)
        # Through the gateway too: it routes to the new process.
        assert client.get(
            f"http://127.0.0.1:{launcher.ports['gateway']}/api/{victim}/v1/nothing"
        ).status_code in {
            401,
            404,
        }
    assert all(count >= 1 for count in answered.values())
    assert {n: p for n, p in after.items() if n != victim} == {n: p for n, p in before.items() if n != victim}

    events = launcher.events()
    exited = next(e for e in events if e["event"] == "app_exited")
    assert exited["component"] == victim
    assert exited["exit_code"] == -signal.SIGKILL
    assert any(e["event"] == "app_restarted" and e["component"] == victim for e in events)

    os.kill(launcher.process.pid, signal.SIGTERM)
    assert launcher.process.wait(timeout=90) == 0
    _assert_all_stopped(launcher, after)


# The real Makefile's `up` recipe, with a stand-in for the venv's `xianjie` that runs the launcher's
# own signal handling and supervision loop with no children (starting the whole suite once, above,
# is enough): what matters here is which signals reach it through make.
STAND_IN = """#!{python}
import signal, sys
sys.path.insert(0, {root!r})
from xianjie import launcher
from xianjie.launcher.processes import MakeParent, supervise
make_parent = MakeParent.find()  # as up() does first
for sig in launcher.STOP_SIGNALS:
    signal.signal(sig, launcher._raise_stop)
print("supervising", sys.argv[1:], flush=True)
try:
    supervise([], print, interval=0.05, make_parent=make_parent)
except launcher.Stop as stop:
    print(f"xianjie: stopped ({{stop}}).", flush=True)
    sys.exit(0)
"""


@pytest.mark.parametrize(
    ("sent", "seen"),
    [(signal.SIGINT, "SIGINT to make"), (signal.SIGTERM, "SIGTERM"), (signal.SIGKILL, "make exited")],
)
def test_a_signal_to_make_up_alone_reaches_the_launcher(
    tmp_path: Path, sent: signal.Signals, seen: str
) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    stand_in = venv / "bin" / "xianjie"
    stand_in.write_text(STAND_IN.format(python=sys.executable, root=str(ROOT)))
    stand_in.chmod(0o755)
    output = tmp_path / "make.out"
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MAKELEVEL", "MFLAGS"}}
    with open(output, "wb") as out:
        make = subprocess.Popen(  # noqa: S603
            ["make", "-s", "-o", "venv", f"VENV={venv}", "up", "UP_ARGS=--no-demo"],  # noqa: S607
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # the signal goes to make's pid only, never to a group
        )
    try:
        deadline = time.monotonic() + 30
        while "supervising" not in output.read_text():
            assert make.poll() is None and time.monotonic() < deadline, output.read_text()
            time.sleep(0.05)
        assert "['up', '--no-demo']" in output.read_text()
        (launcher,) = _children(make.pid)  # the recipe execs: no shell in between
        os.kill(make.pid, sent)
        make.wait(timeout=30)
        while not _gone(launcher):  # (after SIGKILL to make, the orphan notices on its own)
            assert time.monotonic() < deadline + 30, output.read_text()
            time.sleep(0.05)
        assert f"xianjie: stopped ({seen})." in output.read_text()
    finally:
        _stop(make)


def test_backoff_doubles_up_to_its_cap() -> None:
    backoff = Backoff(base_seconds=0.5, cap_seconds=4)
    assert [backoff.delay(n) for n in range(1, 7)] == [0.5, 1, 2, 4, 4, 4]


def test_supervisor_log_lines_are_json() -> None:
    line = json.loads(log_line("app_exited", "error", component="funds", exit_code=-9))
    assert line["event"] == "app_exited"
    assert line["level"] == "error"
    assert line["component"] == "funds"
    assert line["timestamp"].endswith("Z")
