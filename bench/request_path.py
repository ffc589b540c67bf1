"""The request path: monitoring's list and create beside lean apps, and the gateway's hop.

Starts the suite as `make up` does (``bench/stack.py``), then with wrk (16 connections unless
said, one thread) measures, each pair back to back and twice over (best of two, so a neighbour's
burst on this shared machine hurts both sides alike):

- GET /v1/households?limit=20 — the lean app (``../shared/bench/peer_list.py``) vs the service;
- the same call through the gateway vs direct (throughput at 16; at 1 connection the median
  latency, from requests alternating between the two paths: see ``alternating``);
- POST /v1/households with an Idempotency-Key — the lean write (``bench/peer_write.py``) vs the
  service;
- what single behaviours cost, alone: the Idempotency-Key (the same write without one).

``python bench/request_path.py`` prints the rows (``--list``: only the list's two, quicker);
``bench/run.py`` collects them into RESULTS.md.
``python bench/request_path.py --profile monitoring|gateway [--write]`` records py-spy (raw
stacks) on that process while wrk runs and prints where the time goes, by frame.
"""

from __future__ import annotations

import argparse
import collections
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.rows import Row, added_at_most, at_least, info
from bench.stack import SHARED_BENCH, Suite, WrkResult, peer, suite, wrk

HERE = Path(__file__).resolve().parent
LIST = "/v1/households?limit=20"
POST = HERE / "post_household.lua"
ROUNDS = 2


def best(*runs: WrkResult) -> WrkResult:
    return max(runs, key=lambda r: r.requests_per_s)


def fastest(*runs: WrkResult) -> WrkResult:
    return min(runs, key=lambda r: r.p50_ms)


def paired(
    urls: dict[str, str], token: str, pids: dict[str, tuple[int, ...]], **kwargs: object
) -> dict[str, WrkResult]:
    """Each URL measured ROUNDS times, interleaved; the best round of each."""
    runs: dict[str, list[WrkResult]] = {name: [] for name in urls}
    for round_no in range(ROUNDS):
        for name, url in urls.items():
            env = {"BENCH_KEY_PREFIX": f"{name}-{round_no}-{os.urandom(4).hex()}"}
            result = wrk(url, token, env=env, pids=pids.get(name, ()), **kwargs)  # type: ignore[arg-type]
            if result.non_2xx:
                raise RuntimeError(f"{name}: {result.non_2xx} answers were not 2xx ({url})")
            runs[name].append(result)
    pick = fastest if kwargs.get("connections") == 1 else best
    return {name: pick(*results) for name, results in runs.items()}


def alternating(urls: dict[str, str], token: str, requests: int = 2000) -> dict[str, float]:
    """Median latency (ms) of each URL at one connection each, one request to each in turn.

    Why not two wrk runs at 1 connection: on this shared machine a 4 s run's median moves by 2×
    from one run to the next with the neighbours' load (1.07 vs 2.75 ms direct, same minute), so
    the difference of two runs' medians, the gateway's added latency, was mostly that noise.
    Alternating request by request puts both paths under the same load at the same moment; the
    client's own cost (http.client, keep-alive) is the same on both sides and cancels out."""
    parts = {name: urllib.parse.urlsplit(url) for name, url in urls.items()}
    conns = {
        name: http.client.HTTPConnection(p.hostname or "127.0.0.1", p.port, timeout=30)
        for name, p in parts.items()
    }
    headers = {"Authorization": f"Bearer {token}"}
    times: dict[str, list[float]] = {name: [] for name in urls}

    def once(name: str) -> float:
        part = parts[name]
        started = time.perf_counter()
        conns[name].request("GET", f"{part.path}?{part.query}", headers=headers)
        resp = conns[name].getresponse()
        resp.read()
        took = time.perf_counter() - started
        if resp.status != 200:
            raise RuntimeError(f"{name}: answered {resp.status}")
        return took

    try:
        for name in urls:
            for _ in range(100):  # warm: connections, caches
                once(name)
        for _ in range(requests):
            for name in urls:
                times[name].append(once(name))
    finally:
        for conn in conns.values():
            conn.close()
    return {name: 1000 * statistics.median(values) for name, values in times.items()}


def warm(s: Suite, *urls: str) -> None:
    for url in urls:
        wrk(url, s.token, seconds=1)


def list_rows() -> list[Row]:
    """Only the list of 20, service direct vs the lean app (``--list``: a quicker run while
    working on the read path; ``make bench`` runs ``rows()``)."""
    with suite() as s, peer("peer_list:app", SHARED_BENCH, s) as (lean_list, lean_list_pid):
        pids = {"lean": (lean_list_pid,), "direct": (s.pid_of("monitoring"),)}
        urls = {"lean": lean_list + LIST, "direct": s.url("monitoring", LIST)}
        warm(s, *urls.values())
        at16 = paired(urls, s.token, pids)
    return service_list_rows(at16)


def service_list_rows(at16: dict[str, WrkResult]) -> list[Row]:
    """The list of 20, service direct vs the lean app: its goal and its CPU a request."""
    return [
        at_least(
            "list of 20: service direct vs lean app (16 conn)",
            at16["direct"].requests_per_s,
            at16["lean"].requests_per_s,
            "req/s",
            0.5,
        ),
        info(
            "list of 20: CPU per request, service vs lean app",
            at16["direct"].cpu_ms,
            at16["lean"].cpu_ms,
            "ms",
        ),
    ]


def service_write_rows(writes: dict[str, WrkResult]) -> list[Row]:
    """The create, service direct vs the lean write app: its goal and its CPU a request."""
    return [
        at_least(
            "create household + Idempotency-Key: service vs lean app (16 conn)",
            writes["direct"].requests_per_s,
            writes["lean"].requests_per_s,
            "req/s",
            0.5,
        ),
        info(
            "create household: CPU per request, service vs lean app",
            writes["direct"].cpu_ms,
            writes["lean"].cpu_ms,
            "ms",
        ),
    ]


def rows() -> list[Row]:
    with (
        suite() as s,
        peer("peer_list:app", SHARED_BENCH, s) as (lean_list, lean_list_pid),
        peer("peer_write:app", HERE, s) as (lean_write, lean_write_pid),
    ):
        monitoring = (s.pid_of("monitoring"),)
        pids = {
            "lean": (lean_list_pid,),
            "direct": monitoring,
            "gateway": (s.pid_of("gateway"),),
        }
        direct = s.url("monitoring", LIST)
        gateway = s.url("gateway", "/api/monitoring" + LIST)
        lean = lean_list + LIST
        warm(s, direct, gateway, lean)
        urls = {"lean": lean, "direct": direct, "gateway": gateway}
        at16 = paired(urls, s.token, pids)
        at1 = paired(urls, s.token, pids, connections=1, seconds=4)
        hop = alternating({"direct": direct, "gateway": gateway}, s.token)
        post = {"lean": lean_write + "/v1/households", "direct": s.url("monitoring", "/v1/households")}
        write_pids = {"lean": (lean_write_pid,), "direct": monitoring}
        writes = paired(post, s.token, write_pids, script=POST)
        no_key = HERE / "post_household_no_key.lua"
        plain = paired({"direct": post["direct"]}, s.token, write_pids, script=no_key)["direct"]
    return [
        *service_list_rows(at16),
        at_least(
            "list of 20: through the gateway vs direct (16 conn)",
            at16["gateway"].requests_per_s,
            at16["direct"].requests_per_s,
            "req/s",
            0.85,
        ),
        info(
            "list of 20: gateway's own CPU per request vs the service's",
            at16["gateway"].cpu_ms,
            at16["direct"].cpu_ms,
            "ms",
        ),
        added_at_most(
            "list of 20: gateway p50 vs direct p50 (1 conn, requests alternating)",
            hop["gateway"],
            hop["direct"],
            "ms",
            0.5,
        ),
        info(
            "list of 20: service direct p50 vs lean app p50 (1 conn)",
            at1["direct"].p50_ms,
            at1["lean"].p50_ms,
            "ms",
        ),
        *service_write_rows(writes),
        info(
            "cost of Idempotency-Key alone: create with a key vs without (16 conn)",
            writes["direct"].requests_per_s,
            plain.requests_per_s,
            "req/s",
        ),
    ]


def write_rows() -> list[Row]:
    """The create alone (the write part of :func:`rows`), for measuring a change to the write path."""
    with suite() as s, peer("peer_write:app", HERE, s) as (lean_write, lean_write_pid):
        post = {"lean": lean_write + "/v1/households", "direct": s.url("monitoring", "/v1/households")}
        write_pids = {"lean": (lean_write_pid,), "direct": (s.pid_of("monitoring"),)}
        for url in post.values():
            wrk(url, s.token, seconds=1, script=POST, env={"BENCH_KEY_PREFIX": f"warm-{os.urandom(4).hex()}"})
        writes = paired(post, s.token, write_pids, script=POST)
    return service_write_rows(writes)


def profile(component: str, write: bool, seconds: int, gil: bool = False) -> None:
    out = Path(f"/tmp/perf-{component}-{'write' if write else 'list'}.txt")
    with suite() as s:
        path = "/v1/households" if write else LIST
        url = s.url(component, ("/api/monitoring" if component == "gateway" else "") + path)
        warm(s, url)
        pid = s.pid_of(component)
        spy = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "py-spy"),
                "record",
                "-p",
                str(pid),
                "-f",
                "raw",
                "-o",
                str(out),
                "-d",
                str(seconds),
                "-r",
                "200",
                # (--native needs the process paused while its stack is read.)
                *(["--native"] if os.environ.get("BENCH_PYSPY_NATIVE") else ["--nonblocking"]),
                # Only samples holding the GIL: the process's own CPU, not the coroutines
                # waiting on the database (which py-spy otherwise often counts as busy).
                *(["--gil"] if gil else []),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        load = threading.Thread(
            target=lambda: wrk(url, s.token, seconds=seconds, script=POST if write else None)
        )
        load.start()
        load.join()
        spy.wait()
    summarise(out)


def summarise(raw: Path, top: int = 45) -> None:
    """Inclusive share of samples per frame (a frame counted once per stack)."""
    inclusive: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        n = int(count)
        total += n
        for frame in set(stack.split(";")):
            inclusive[frame] += n
    print(f"{total} samples from {raw}")
    for frame, n in inclusive.most_common(top):
        print(f"{100 * n / total:5.1f}%  {frame[:150]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", choices=["monitoring", "gateway"])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--list", action="store_true", help="only the list of 20 vs the lean app")
    parser.add_argument("--gil", action="store_true", help="profile: only samples holding the GIL")
    parser.add_argument(
        "--only-write", action="store_true", help="only the create, service vs lean app (CPU a request)"
    )
    args = parser.parse_args()
    if args.profile:
        profile(args.profile, args.write, args.seconds, args.gil)
        return
    if args.only_write:
        for row in write_rows():
            print(row)
        return
    for row in list_rows() if args.list else rows():
        print(row)


if __name__ == "__main__":
    main()
