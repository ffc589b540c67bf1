"""Funds service: how fast are payments under contention, and the set-based reports at size?

Starts its own embedded PostgreSQL, migrates the funds schema, generates its own data, and prints:
1. payments/s when W workers race on ONE allocation (every payment queues on that row) until it
   is exhausted — and checks that not one cent more than the allocation was paid;
2. payments/s when the W workers pay W different allocations;
3. the checkpoint progress queries (per project, town, fund) over P projects and N payments;
4. the micro-credit overdue-by-town query over L loans.

Usage: python bench/funds_money.py [--large]   (default P=2,000 N=20,000 L=20,000; large ×10)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from services.funds.checkpoints import repository as checkpoints
from services.funds.ledger import repository as ledger
from services.funds.microcredit import repository as microcredit
from services.funds.models import Payment, ProjectStatus
from shared.auth import Principal, Role
from shared.db import Database, create_engine
from shared.migrations import upgrade
from xianjie.components import by_name
from xianjie.devstack import EmbeddedPostgres

DISTRICT = Principal(subject="bench", username="bench", role=Role.DISTRICT_ADMIN)
WORKERS = 16
CENT = Decimal("0.01")


async def seed(db: Database, projects: int, payments: int, loans: int) -> uuid.UUID:
    async with db.transaction() as session:
        fund_id = uuid.uuid4()
        await session.execute(
            text(
                "INSERT INTO funds.funds (id, year, source, name, amount, allocated, version)"
                " VALUES (:id, 2025, 'central', 'bench', 1e12, :allocated, 1)"
            ),
            {"id": fund_id, "allocated": projects * 100000},
        )
        await session.execute(
            text(
                "INSERT INTO funds.projects (id, name, town_code, village_code, category, year,"
                " planned_amount, allocated, status, requires_elevated_review, version)"
                " SELECT gen_random_uuid(), 'p' || g, t.town, t.town || '201', 'industry', 2025,"
                " 100000, 100000, 'in_progress', false, 1 FROM generate_series(1, :n) g"
                " CROSS JOIN LATERAL (SELECT (ARRAY['419001100','419001109','419001001','419001002'])"
                "[1 + g % 4] AS town) t"
            ),
            {"n": projects},
        )
        await session.execute(
            text(
                "INSERT INTO funds.allocations (id, fund_id, project_id, amount)"
                " SELECT gen_random_uuid(), :fund, id, 100000 FROM funds.projects"
            ),
            {"fund": fund_id},
        )
        await session.execute(
            text(
                "WITH a AS (SELECT id, project_id, row_number() OVER () AS r FROM funds.allocations)"
                " INSERT INTO funds.payments"
                " (id, allocation_id, project_id, fund_id, amount, paid_on, voucher)"
                " SELECT gen_random_uuid(), a.id, a.project_id, :fund, 1,"
                " date '2025-01-01' + (g % 360), 'v' FROM generate_series(1, :n) g"
                " JOIN a ON a.r = 1 + g % :projects"
            ),
            {"fund": fund_id, "n": payments, "projects": projects},
        )
        await session.execute(
            text(
                "UPDATE funds.allocations al SET paid = s.total FROM"
                " (SELECT allocation_id, sum(amount) total FROM funds.payments GROUP BY allocation_id) s"
                " WHERE s.allocation_id = al.id"
            )
        )
        await session.execute(
            text(
                "INSERT INTO funds.loans (id, household_id, member_id, borrower_kind, town_code,"
                " village_code, lender, amount, term_months, issued_on, due_on, repaid, version)"
                " SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'lifted_out', t.town,"
                " t.town || '201', 'bank', 50000, 36, date '2022-01-01' + (g % 1000),"
                " date '2025-01-01' + (g % 1000), (g % 5) * 10000, 1 FROM generate_series(1, :n) g"
                " CROSS JOIN LATERAL"
                " (SELECT (ARRAY['419001100','419001109','419001001'])[1 + g % 3] AS town) t"
            ),
            {"n": loans},
        )
    return fund_id


async def new_allocation(db: Database, fund_id: uuid.UUID, amount: Decimal) -> tuple[uuid.UUID, uuid.UUID]:
    async with db.transaction() as session:
        project_id, allocation_id = uuid.uuid4(), uuid.uuid4()
        await session.execute(
            text(
                "INSERT INTO funds.projects (id, name, town_code, category, year, planned_amount, allocated,"
                " status, requires_elevated_review, version)"
                " VALUES (:id, 'race', '419001100', 'industry', 2025, :a, :a, 'in_progress', false, 1)"
            ),
            {"id": project_id, "a": amount},
        )
        await session.execute(
            text("INSERT INTO funds.allocations (id, fund_id, project_id, amount) VALUES (:id, :f, :p, :a)"),
            {"id": allocation_id, "f": fund_id, "p": project_id, "a": amount},
        )
    return allocation_id, project_id


async def pay_once(db: Database, fund_id: uuid.UUID, allocation_id: uuid.UUID, project_id: uuid.UUID) -> bool:
    """One payment as the service makes it: conditional updates, then the payment row."""
    async with db.transaction() as session:
        if not await ledger.pay_from_allocation(session, allocation_id, CENT):
            return False
        await ledger.record_paid(session, fund_id, project_id, CENT, ProjectStatus.IN_PROGRESS)
        session.add(
            Payment(
                allocation_id=allocation_id,
                project_id=project_id,
                fund_id=fund_id,
                amount=CENT,
                paid_on=date(2025, 6, 1),
                voucher="bench",
            )
        )
    return True


async def race(
    db: Database, fund_id: uuid.UUID, targets: list[tuple[uuid.UUID, uuid.UUID]], per_worker: int
) -> tuple[int, int, float]:
    async def worker(index: int) -> tuple[int, int]:
        allocation_id, project_id = targets[index % len(targets)]
        done = refused = 0
        for _ in range(per_worker):
            if await pay_once(db, fund_id, allocation_id, project_id):
                done += 1
            else:
                refused += 1
        return done, refused

    started = time.perf_counter()
    results = await asyncio.gather(*(worker(i) for i in range(WORKERS)))
    elapsed = time.perf_counter() - started
    return sum(r[0] for r in results), sum(r[1] for r in results), elapsed


async def timed(label: str, coro: object) -> None:
    started = time.perf_counter()
    rows = await coro  # type: ignore[misc]
    print(f"  {label:<34} {1000 * (time.perf_counter() - started):8.1f} ms  ({len(rows)} rows)")


async def run(database_url: str, projects: int, payments: int, loans: int) -> None:
    db = Database(create_engine(database_url, pool_size=WORKERS))
    started = time.perf_counter()
    fund_id = await seed(db, projects, payments, loans)
    print(
        f"seeded {projects} projects, {payments} payments, {loans} loans"
        f" in {time.perf_counter() - started:.1f} s"
    )

    per_worker = 50
    budget = Decimal(WORKERS * per_worker - 100) * CENT  # 100 payments too many are attempted
    hot = await new_allocation(db, fund_id, budget)
    done, refused, elapsed = await race(db, fund_id, [hot], per_worker)
    async with db.sessions() as session:
        paid = await session.scalar(text("SELECT paid FROM funds.allocations WHERE id = :id"), {"id": hot[0]})
    assert paid == budget and refused == 100, (paid, budget, refused)
    print(
        f"one allocation, {WORKERS} workers: {done} paid, {refused} refused,"
        f" {done / elapsed:,.0f} payments/s;"
        f" paid {paid} of {budget} (never more)"
    )

    spread = [await new_allocation(db, fund_id, Decimal(1000)) for _ in range(WORKERS)]
    done, refused, elapsed = await race(db, fund_id, spread, per_worker)
    print(f"{WORKERS} allocations, {WORKERS} workers: {done / elapsed:,.0f} payments/s")

    async with db.sessions() as session:
        await session.execute(text("ANALYZE"))
        as_of = date(2025, 7, 31)
        print("checkpoint progress (July):")
        await timed("per project", checkpoints.projects(session, DISTRICT, 2025, as_of))
        await timed("per town", checkpoints.towns(session, DISTRICT, 2025, as_of, Decimal("0.5")))
        await timed("per fund", checkpoints.funds(session, 2025, as_of))
        print("micro-credit:")
        await timed("overdue by town", microcredit.overdue_by_town(session, DISTRICT, date(2026, 6, 30)))
    await db.dispose()


def main() -> None:
    scale = 10 if "--large" in sys.argv[1:] else 1
    with tempfile.TemporaryDirectory() as tmp:
        postgres = EmbeddedPostgres(Path(tmp) / "pg")
        url = postgres.start()
        try:
            funds = by_name("funds")
            upgrade(funds.migrations, funds.schema, url)
            asyncio.run(run(url, 2000 * scale, 20000 * scale, 20000 * scale))
        finally:
            postgres.stop()


if __name__ == "__main__":
    main()
