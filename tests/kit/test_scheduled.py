"""Periodic tasks: one replica at a time does the work, in one transaction, on record."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from shared.scheduled import PeriodicTask, TaskRunner
from shared.work import WorkContext
from tests.conftest import Stack


def _runner(stack: Stack, task: PeriodicTask) -> TaskRunner:
    component = stack.apps["monitoring"].state.component
    return TaskRunner(
        task,
        component=component.name,
        db=component.db,
        tables=component.tables,
        outbox=component.outbox,
        metrics=component.metrics,
        settings=component.settings,
        divisions=component.divisions,
    )


async def test_a_second_replica_skips_while_the_first_runs(stack: Stack) -> None:
    inside, release = asyncio.Event(), asyncio.Event()
    runs: list[str] = []

    async def slow(ctx: WorkContext) -> None:
        runs.append(ctx.actor)
        inside.set()
        await release.wait()

    task = PeriodicTask(name="kit-test-slow", run=slow, interval=lambda _: 0)
    first, second = _runner(stack, task), _runner(stack, task)
    running = asyncio.create_task(first.run_once())
    await asyncio.wait_for(inside.wait(), 10)
    assert await second.run_once() is False  # the lock is held: nothing done twice
    release.set()
    assert await running is True
    assert runs == ["schedule:kit-test-slow"]
    assert await second.run_once() is True  # free again once the first committed
    skipped = first.metrics.task_runs.labels("monitoring", "kit-test-slow", "skipped")._value.get()
    assert skipped == 1


async def test_a_run_writes_its_audit_row_in_its_own_transaction(stack: Stack) -> None:
    async def audited(ctx: WorkContext) -> None:
        await ctx.audit("screen", "kit_test", None, {"checked": 3})

    runner = _runner(stack, PeriodicTask(name="kit-test-audit", run=audited, interval=lambda _: 0))
    assert await runner.run_once() is True
    audit = runner.tables.audit_log
    async with runner.db.sessions() as session:
        row = (await session.execute(select(audit).where(audit.c.entity == "kit_test"))).one()
    assert (row.actor, row.actor_role, row.changes) == ("schedule:kit-test-audit", "system", {"checked": 3})


async def test_an_interval_of_zero_leaves_the_task_off(stack: Stack) -> None:
    async def never(ctx: WorkContext) -> None:
        raise AssertionError("an off task ran")

    runner = _runner(stack, PeriodicTask(name="kit-test-off", run=never, interval=lambda _: 0))
    runner.start()
    assert not runner.running
    await runner.stop()
