"""What happens between the servers and the app processes: migrations, demo accounts, demo records."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from xianjie.components import ALL
from xianjie.launcher.settings import Echo, LauncherError, Stop


def run_migrations(urls: Mapping[str, str], echo: Echo = print, only: Sequence[str] | None = None) -> None:
    from shared.migrations import upgrade

    for component in ALL:
        if only and component.name not in only:
            continue
        if not (component.migrations / "env.py").exists():
            echo(f"  migrations  {component.name}: none yet, skipped")
            continue
        started = time.monotonic()
        try:
            upgrade(component.migrations, component.schema, urls[component.name])
        except Exception as exc:
            raise LauncherError(
                f"migrations of {component.name} failed: {type(exc).__name__}: {exc}"
            ) from exc
        echo(f"  migrations  {component.name}: at head ({time.monotonic() - started:.1f}s)")


def load_demo_data(database_url: str, password: str) -> list[Any]:
    """Demo accounts in the gateway (demo records come later, through the API: :func:`load_demo_records`)."""
    import asyncio

    from shared.db import Database, create_engine

    try:
        from gateway.demo import ensure_demo_accounts
    except ModuleNotFoundError as exc:
        if exc.name not in ("gateway", "gateway.demo"):
            raise
        raise LauncherError(
            "gateway.demo is missing: cannot create the demo accounts (use --no-demo)"
        ) from exc

    async def run() -> list[Any]:
        db = Database(create_engine(database_url, pool_size=2))
        try:
            return list(await ensure_demo_accounts(db, password))
        finally:
            await db.dispose()

    return asyncio.run(run())


def load_demo_records(gateway_url: str, password: str, echo: Echo = print) -> dict[str, int]:
    """Demo records through the running gateway (idempotent); a problem is a warning, never fatal."""
    import asyncio

    from xianjie import demo_data

    started = time.monotonic()
    try:
        counts = asyncio.run(demo_data.load_demo_records(gateway_url, password, echo=echo))
    except Stop:
        raise
    except Exception as exc:  # the demo must never keep the suite from starting
        echo(f"  demo data   warning: not loaded: {type(exc).__name__}: {exc}")
        return {}
    echo(f"  demo data   {demo_data.summary(counts)} ({time.monotonic() - started:.1f}s)")
    return counts
