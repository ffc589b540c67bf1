"""`make bench`: run every bench script, write bench/RESULTS.md (each figure beside its reference).

Each entry of SCRIPTS names a module in bench/ with a ``rows() -> list[bench.rows.Row]`` function;
it runs in a subprocess of its own (its servers, event loop and memory are gone when it ends) and
hands its rows back as JSON. Adding a bench is one line here.

    python bench/run.py                 # all, writes bench/RESULTS.md
    python bench/run.py request_path    # only those named (RESULTS.md still written)
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

SCRIPTS = [
    "request_path",  # list + create beside lean apps, the gateway hop (bench/request_path.py)
    "ledger_import",  # households ledger import vs raw COPY, RSS after it (bench/ledger_import.py)
    "outbox_relay",  # outbox writes vs raw COPY, relay vs raw publish_async (bench/outbox_relay.py)
    "employment_monthly",  # national work file import vs raw COPY (bench/employment_monthly.py)
    "monitoring_scale",  # every documented households/alerts list filter at 200k households, p95 through
    # the gateway beside the database (bench/monitoring_scale.py; --households 1000000 by hand)
]


def run_one(name: str) -> list[dict[str, object]]:
    """Run ``bench/<name>.py``'s rows() in a fresh interpreter; its rows as dicts."""
    code = (
        "import json, sys, importlib; "
        f"rows = importlib.import_module('bench.{name}').rows(); "
        "sys.stdout.write('\\n@@ROWS@@' + json.dumps([r.as_dict() for r in rows]))"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0 or "@@ROWS@@" not in done.stdout:
        raise RuntimeError(f"bench {name} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    rows: list[dict[str, object]] = json.loads(done.stdout.rsplit("@@ROWS@@", 1)[1])
    return rows


def _figure(value: object, unit: str) -> str:
    number = float(value)  # type: ignore[arg-type]
    text = f"{number:,.0f}" if abs(number) >= 100 else f"{number:.2f}"
    return f"{text} {unit}"


def render(results: dict[str, list[dict[str, object]]], seconds: float) -> str:
    lines = [
        "# Bench results",
        "",
        f"Written by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} cores "
        f"({platform.machine()}, Python {platform.python_version()}), load average at the end "
        f"{os.getloadavg()[0]:.1f}; the run took {seconds / 60:.1f} min.",
        "",
        "Every figure is beside its reference measured in the same run (see bench/README.md for what",
        "each compares and how). The machine is shared: absolute figures move with the neighbours' load,",
        "the ratios much less.",
        "",
        "| bench | measured | ours | reference | ratio / added | goal | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for script, rows in results.items():
        for row in rows:
            unit = str(row["unit"])
            ratio = float(row["ratio"])  # type: ignore[arg-type]
            shown = f"{ratio:+.2f} {unit}" if str(row["goal"]).startswith("≤ +") else f"{ratio:.2f}×"
            met = "—" if row["goal"] == "—" else ("yes" if row["met"] else "**no**")
            lines.append(
                f"| {script} | {row['name']} | {_figure(row['figure'], unit)} | "
                f"{_figure(row['reference'], unit)} | {shown} | {row['goal']} | {met} |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    wanted = sys.argv[1:] or SCRIPTS
    started = time.monotonic()
    results: dict[str, list[dict[str, object]]] = {}
    for name in wanted:
        print(f"bench: {name} ...", flush=True)
        results[name] = run_one(name)
        for row in results[name]:
            print(f"  {row['name']}: {row['figure']} vs {row['reference']} {row['unit']} -> {row['ratio']}")
    text = render(results, time.monotonic() - started)
    (HERE / "RESULTS.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
