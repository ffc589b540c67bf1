"""What does the gateway cost? The same list call, straight to the service and through the gateway.

Starts the whole suite with `xianjie up` (separate processes, embedded servers, a temporary data
folder, free ports), signs in, creates some households, then fires N requests at concurrency C at
each path and prints requests/s and latency percentiles. Usage:
    python bench/gateway_proxy.py [N=3000] [C=16]
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from xianjie.components import ALL
from xianjie.devstack import free_port


async def hammer(
    session: aiohttp.ClientSession, url: str, headers: dict[str, str], total: int, concurrency: int
) -> None:
    latencies: list[float] = []
    queue = iter(range(total))

    async def worker() -> None:
        for _ in queue:
            started = time.perf_counter()
            async with session.get(url, headers=headers) as resp:
                await resp.read()
                assert resp.status == 200, resp.status
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    p50, p95 = cuts[49] * 1000, cuts[94] * 1000
    print(f"  {total / elapsed:8,.0f} req/s   p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   {url}")


async def measure(ports: dict[str, int], password: str, total: int, concurrency: int) -> None:
    gateway = f"http://127.0.0.1:{ports['gateway']}"
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{gateway}/auth/token",
            data={"grant_type": "password", "username": "admin", "password": password},
        ) as r:
            token = (await r.json())["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        for i in range(20):
            body = {
                "town_code": "419001100",
                "village_code": "419001100201",
                "head_name": f"户主{i}",
                "kind": "lifted_out",
                "member_count": 3,
            }
            async with session.post(
                f"{gateway}/api/monitoring/v1/households", json=body, headers=headers
            ) as r:
                assert r.status == 201, await r.text()
        direct = f"http://127.0.0.1:{ports['monitoring']}/v1/households?limit=20"
        proxied = f"{gateway}/api/monitoring/v1/households?limit=20"
        for url in (direct, proxied):  # warm both paths (JWKS cache, connection pools)
            await hammer(session, url, headers, 200, concurrency)
        print(f"{total} GET list-of-20 requests at concurrency {concurrency}:")
        await hammer(session, direct, headers, total, concurrency)
        await hammer(session, proxied, headers, total, concurrency)


def wait_until_up(ports: dict[str, int], launcher: subprocess.Popen[bytes], log: Path) -> None:
    import urllib.request

    deadline = time.monotonic() + 120
    pending = dict(ports)
    while pending:
        if launcher.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("xianjie up failed:\n" + log.read_text()[-3000:])
        for name, port in list(pending.items()):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as resp:
                    if resp.status == 200:
                        del pending[name]
            except OSError:
                pass
        time.sleep(0.2)


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    concurrency = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    ports = {c.name: free_port() for c in ALL}
    password = "bench-" + os.urandom(6).hex()
    with tempfile.TemporaryDirectory(prefix="xj-bench-gw-") as data:
        args = [
            str(Path(sys.executable).parent / "xianjie"),
            "up",
            "--data-dir",
            data,
            "--nats-port",
            str(free_port()),
        ]
        args += [a for c in ALL for a in (f"--{c.name}-port", str(ports[c.name]))]
        env = {k: v for k, v in os.environ.items() if not k.startswith("XIANJIE_")}
        env["XIANJIE_DEMO_PASSWORD"] = password
        log = Path(data) / "launcher.log"
        with log.open("w") as out:
            launcher = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_until_up(ports, launcher, log)
            asyncio.run(measure(ports, password, total, concurrency))
        finally:
            launcher.send_signal(signal.SIGINT)
            launcher.wait(timeout=30)


if __name__ == "__main__":
    main()
