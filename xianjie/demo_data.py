"""Demo records for ``xianjie up``, created through the gateway's public API.

Everything goes through the same HTTP API a person or a departmental system would use, signed in as
the demo accounts, so audit rows, outbox events and the cross-service flows (a project accepted in
funds opens its assets; a job loss in employment raises an alert in monitoring) happen for real.

The data set is fixed: the same households, members, incomes, workers, funds, projects and assets
on every run. Every POST carries an ``Idempotency-Key`` derived from the record (``demo:household:7``),
so a second run creates nothing: the services answer with the stored response. The few writes that
are PUTs (incomes, performance targets, PV station profiles) are only sent when the record is not
there yet. A step a service refuses is reported as one warning line and the rest carries on: the
demo never blocks ``xianjie up``.

Each service's records and steps live beside it, in ``services/<service>/demo.py``; the client they
share is :mod:`xianjie.demo_loader`. This module only runs them in order and hands ids from one
service's steps to the next: monitoring's members to employment, funds' accepted project to assets.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

import httpx

from services.assets import demo as assets
from services.employment import demo as employment
from services.funds import demo as funds
from services.monitoring import demo as monitoring
from services.monitoring.demo import demo_households, fake_id_number
from xianjie.demo_loader import REFERENCE_WAIT_SECONDS, DemoLoader, Echo, gather

__all__ = ["demo_households", "fake_id_number", "load_demo_records", "summary"]


def job_candidates(registered: list[monitoring.Registered]) -> list[employment.Candidate]:
    """The members monitoring registered who become workers: able-bodied, spouses aside."""
    candidates = []
    for r in registered:
        for k, member in enumerate(r.household.members):
            if member.relation != "spouse" and monitoring.able_bodied(member):
                serial = r.household.index * 10 + k + 1
                candidates.append(
                    employment.Candidate(
                        serial=serial,
                        household_id=r.id,
                        member_id=r.members.get(member.id_number(serial)),
                        town_code=r.household.town_code,
                        village_code=r.household.village_code,
                    )
                )
    return candidates


async def load_demo_records(
    gateway_url: str,
    password: str,
    *,
    echo: Echo = print,
    opened_assets_timeout: float = 10.0,
    reference_wait: float = REFERENCE_WAIT_SECONDS,
) -> dict[str, int]:
    """Create the demo records through the gateway (idempotent); counts of what exists per kind.

    A refused step prints one warning line (``echo``) and is skipped; nothing here raises for a
    refusal. ``counts["new"]`` is how many records this run created (0 on a repeat). The two waits
    for events (assets opened from the accepted project; a reference another service has not yet
    projected) give up after ``opened_assets_timeout`` / ``reference_wait`` seconds.
    """
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30, trust_env=False) as http:
        loader = DemoLoader(http, echo, reference_wait=reference_wait)
        await loader.sign_in(password)
        if not loader.tokens:
            return {}
        # Monitoring, funds and the hand-registered assets do not depend on each other.
        registered, project_ids, _ = await gather(
            monitoring.create_records(loader), funds.create_records(loader), assets.create_records(loader)
        )
        # Workers need monitoring's member ids; the opened assets need the accepted project.
        accepted = funds.accepted_project()
        waits: list[Awaitable[Any]] = [employment.create_records(loader, job_candidates(registered))]
        if accepted is not None and accepted.key in project_ids and loader.counts["acceptances"]:
            waits.append(
                assets.wait_for_opened_assets(
                    loader, project_ids[accepted.key], len(accepted.assets), opened_assets_timeout
                )
            )
        await gather(*waits)
    result = dict(sorted(loader.counts.items()))
    result["new"] = sum(loader.new.values())
    result["warnings"] = len(loader.warnings)
    return result


def summary(counts: dict[str, int]) -> str:
    """One line for the launcher: ``30 households, 97 members, …``."""
    labels = [
        ("households", "household", "households"),
        ("members", "member", "members"),
        ("incomes", "income", "incomes"),
        ("workflow_steps", "workflow step", "workflow steps"),
        ("workers", "worker", "workers"),
        ("spells", "spell", "spells"),
        ("funds", "fund", "funds"),
        ("projects", "project", "projects"),
        ("payments", "payment", "payments"),
        ("assets_opened", "asset from projects", "assets from projects"),
        ("assets_registered", "asset by hand", "assets by hand"),
        ("monthly_records", "monthly record", "monthly records"),
        ("distributions", "distribution", "distributions"),
    ]
    parts = [f"{counts[k]} {one if counts[k] == 1 else many}" for k, one, many in labels if counts.get(k)]
    text = ", ".join(parts) or "nothing"
    new = counts.get("new", 0)
    text += f"; {new} new" if new else "; nothing new (all there already)"
    if counts.get("warnings"):
        text += f"; {counts['warnings']} warnings (above)"
    return text
