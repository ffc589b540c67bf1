"""Each process's RSS over a large ledger import and then an hour of list traffic (issue 16).

Starts the suite as ``make up`` runs it (``bench/stack.py``), imports ``--rows`` ledger rows through
the gateway in files of at most 200,000 rows (the service's ``import_max_rows``), then sends list
requests through the gateway for ``--minutes`` at about ``--rate`` requests a second, from
``--clients`` concurrent clients: households (first pages, filters, searches, later pages by
cursor) and every other service's main list. Every ``--every`` seconds it reads the RSS of the
gateway and of each service's process.

Flat means: after the warm-up (the first tenth of the load), the last quarter's RSS stays within a
few percent of the first quarter's. A leak shows as a line that keeps rising; glibc's arenas show
as steps that level off.

Not part of ``make bench`` (an hour does not fit its ten minutes): run by hand, e.g.
``python bench/memory_soak.py --rows 1000000 --minutes 60 --out bench/MEMORY.md``. The rate is
moderate on purpose, so that the machine's other work goes on; the curve, not the speed, is the
figure here.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

from bench.ledger_import import ledger_csv
from bench.stack import Suite, suite
from shared.divisions import DivisionRegistry
from xianjie.components import ALL

IMPORT_FILE_ROWS = 200_000
# Every service's main list (first pages) besides the households' varied ones.
OTHER_LISTS = (
    "/api/monitoring/v1/alerts",
    "/api/monitoring/v1/visits",
    "/api/employment/v1/workers",
    "/api/employment/v1/floor",
    "/api/funds/v1/projects",
    "/api/funds/v1/funds",
    "/api/assets/v1/assets",
)
SEARCH_TERMS = ("王", "李", "张建", "刘", "华", "第3组", "陈明", "国", "杨")
KINDS = ("lifted_out", "low_income", "ordinary")


@dataclass
class Curve:
    components: list[str]
    rows: list[tuple[float, str, list[float]]] = field(default_factory=list)  # (minute, phase, MB each)

    def sample(self, started: float, phase: str, processes: dict[str, psutil.Process]) -> None:
        mb = [processes[c].memory_info().rss / 2**20 for c in self.components]
        self.rows.append((round((time.monotonic() - started) / 60, 2), phase, [round(m, 1) for m in mb]))

    def markdown(self) -> str:
        head = "| minute | phase | " + " | ".join(f"{c} MB" for c in self.components) + " |"
        rule = "|---|---|" + "---|" * len(self.components)
        body = [f"| {m} | {p} | " + " | ".join(f"{v:.0f}" for v in mb) + " |" for m, p, mb in self.rows]
        return "\n".join([head, rule, *body])

    def flatness(self) -> dict[str, tuple[float, float]]:
        """Per component: mean RSS of the load's first and last quarter (after a tenth as warm-up)."""
        load = [mb for _, phase, mb in self.rows if phase == "list load"]
        load = load[len(load) // 10 :]
        quarter = max(1, len(load) // 4)
        first, last = load[:quarter], load[-quarter:]
        return {
            c: (sum(r[i] for r in first) / len(first), sum(r[i] for r in last) / len(last))
            for i, c in enumerate(self.components)
        }


def import_ledger(
    s: Suite, rows: int, curve: Curve, started: float, processes: dict[str, psutil.Process]
) -> list[str]:
    registry = DivisionRegistry.load()
    villages = sorted(d.code for d in registry.by_code.values() if len(d.code) == 12)
    headers = {"Authorization": f"Bearer {s.token}"}
    with httpx.Client(timeout=1800) as client:
        for offset in range(0, rows, IMPORT_FILE_ROWS):
            count = min(IMPORT_FILE_ROWS, rows - offset)
            content = ledger_csv(count, villages, offset=offset)
            began = time.monotonic()
            resp = client.post(
                s.url("gateway", "/api/monitoring/v1/households/import"),
                headers=headers,
                files={"file": ("ledger.csv", content, "text/csv")},
            )
            took = time.monotonic() - began
            if resp.status_code != 200:
                raise SystemExit(
                    f"import at row {offset:,}: {resp.status_code} after {took:.1f} s: {resp.text}"
                )
            print(f"imported {offset + count:,} rows ({count:,} in {took:.1f} s)", flush=True)
            curve.sample(started, "import", processes)
    return villages


def household_paths(villages: list[str]) -> list[str]:
    base = "/api/monitoring/v1/households"
    paths = [base, f"{base}?include_cancelled=true", f"{base}?limit=20"]
    paths += [f"{base}?town_code={v[:9]}" for v in villages[::20]]
    paths += [f"{base}?village_code={v}" for v in villages[::15]]
    paths += [f"{base}?kind={k}" for k in KINDS]
    paths += [f"{base}?q={t}" for t in SEARCH_TERMS]
    return paths


async def list_load(
    s: Suite,
    paths: list[str],
    minutes: float,
    rate: float,
    clients: int,
    every: float,
    curve: Curve,
    started: float,
    processes: dict[str, psutil.Process],
    slow: list[tuple[float, str, str]],
) -> Counter[str]:
    """Requests at about ``rate`` a second for ``minutes``; every tenth follows a page's cursor."""
    headers = {"Authorization": f"Bearer {s.token}"}
    stop_at = time.monotonic() + minutes * 60
    outcomes: Counter[str] = Counter()
    interval = clients / rate

    async def get(client: httpx.AsyncClient, path: str) -> httpx.Response | None:
        began = time.monotonic()
        try:
            resp = await client.get(path)
        except httpx.HTTPError as exc:
            outcomes[type(exc).__name__] += 1
            slow.append((time.monotonic() - began, path, type(exc).__name__))
            return None
        outcomes[str(resp.status_code)] += 1
        if (took := time.monotonic() - began) > 1:
            slow.append((took, path, str(resp.status_code)))
        return resp

    async def client_loop(seed: int) -> None:
        rng = random.Random(seed)
        # Longer than the gateway's own wait (30 s): its 504 is the answer to count, not ours.
        async with httpx.AsyncClient(base_url=s.url("gateway", ""), headers=headers, timeout=60) as client:
            while time.monotonic() < stop_at:
                began = time.monotonic()
                path = rng.choice(paths)
                resp = await get(client, path)
                followed = resp is not None and resp.status_code == 200 and rng.random() < 0.1
                if followed and resp is not None and (cursor := resp.json().get("next_cursor")):
                    joiner = "&" if "?" in path else "?"
                    await get(client, f"{path}{joiner}cursor={cursor}")
                await asyncio.sleep(max(0.0, interval - (time.monotonic() - began)))

    async def sampler() -> None:
        while time.monotonic() < stop_at:
            curve.sample(started, "list load", processes)
            await asyncio.sleep(every)

    await asyncio.gather(sampler(), *(client_loop(n) for n in range(clients)))
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--rate", type=float, default=60, help="list requests a second, about")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--every", type=float, default=30, help="seconds between RSS samples")
    parser.add_argument("--out", type=Path, help="write the curve as markdown here")
    args = parser.parse_args()

    components = [c.name for c in ALL]
    # An import of 200,000 rows into a table of 800,000 on a loaded machine can outlast the
    # gateway's default upload wait (300 s): the curve, not the import's speed, is measured here.
    # The demo admin's token must outlive the run (15 minutes by default: a first hour-long run
    # measured 45 minutes of 401 answers).
    settings = {
        "XIANJIE_GATEWAY_PROXY_UPLOAD_TIMEOUT_SECONDS": "1800",
        "XIANJIE_GATEWAY_ACCESS_TOKEN_TTL_SECONDS": str(int(args.minutes * 60) + 3600),
    }
    with suite(settings) as s:
        processes = {c: psutil.Process(s.pid_of(c)) for c in components}
        curve = Curve(components)
        started = time.monotonic()
        curve.sample(started, "started", processes)
        villages = import_ledger(s, args.rows, curve, started, processes)
        paths = household_paths(villages) + list(OTHER_LISTS)
        slow: list[tuple[float, str, str]] = []
        outcomes = asyncio.run(
            list_load(
                s, paths, args.minutes, args.rate, args.clients, args.every, curve, started, processes, slow
            )
        )
        curve.sample(started, "end", processes)

    lines = [
        f"Ledger import of {args.rows:,} rows through the gateway, then {args.minutes:g} minutes of list "
        f"requests (~{args.rate:g}/s, {args.clients} clients, {len(paths)} paths, 1 in 10 followed by its "
        f"next page): {sum(outcomes.values()):,} requests; answers "
        + ", ".join(f"{outcome} × {count:,}" for outcome, count in outcomes.most_common())
        + f"; {len(slow)} took over 1 s"
        + (
            ": " + "; ".join(f"{p} {o} {t:.1f} s" for t, p, o in sorted(slow, reverse=True)[:10])
            if slow
            else ""
        )
        + ".",
        "",
        "| component | RSS, load's first quarter | last quarter | ratio |",
        "|---|---|---|---|",
    ]
    for component, (first, last) in curve.flatness().items():
        lines.append(f"| {component} | {first:.0f} MB | {last:.0f} MB | {last / first:.3f}× |")
    lines += ["", curve.markdown()]
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.write_text(report + "\n")
    # A curve of refusals is not a list load: say so rather than let it pass for one.
    if outcomes["200"] < 0.99 * sum(outcomes.values()):
        raise SystemExit(f"under 99 % of the list requests were answered 200: {dict(outcomes)}")


if __name__ == "__main__":
    main()
