"""Periodic tasks: one replica at a time does the work, in one transaction, on record."""

from __future__ import annotations

import asyncio
import time

import pytest
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


async def test_a_replica_waking_late_does_not_run_the_period_again(stack: Stack) -> None:
    runs: list[str] = []

    async def quick(ctx: WorkContext) -> None:
        runs.append(ctx.actor)

    task = PeriodicTask(name="kit-test-period", run=quick, interval=lambda _: 60)
    first, second = _runner(stack, task), _runner(stack, task)
    period = first.period(time.time())
    assert await first.run_once(period) is True
    # The other replica wakes for the same period after the first committed: the lock is free, but
    # the period is taken.
    assert await second.run_once(period) is False
    assert runs == ["schedule:kit-test-period"]
    assert await second.run_once(period + 1) is True  # the next period is its to run
    assert len(runs) == 2


async def test_a_failed_run_leaves_its_period_to_another_replica(stack: Stack) -> None:
    attempts: list[int] = []

    async def flaky(ctx: WorkContext) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("first try fails")

    task = PeriodicTask(name="kit-test-flaky", run=flaky, interval=lambda _: 60)
    first, second = _runner(stack, task), _runner(stack, task)
    period = first.period(time.time())
    with pytest.raises(RuntimeError):
        await first.run_once(period)
    assert await second.run_once(period) is True  # the claim rolled back with the failed work
    assert len(attempts) == 2


async def test_replicas_on_the_clock_run_each_period_once(stack: Stack) -> None:
    """Two replicas' runners on a short clock: every period is run, none twice."""
    periods: list[int] = []
    interval = 0.4

    async def record(ctx: WorkContext) -> None:
        periods.append(int(time.time() // interval))

    task = PeriodicTask(name="kit-test-clock", run=record, interval=lambda _: interval)
    runners = [_runner(stack, task) for _ in range(2)]
    for runner in runners:
        runner.start()
    try:
        await asyncio.sleep(interval * 6)
    finally:
        for runner in runners:
            await runner.stop()
    assert len(periods) >= 4
    assert len(set(periods)) == len(periods), periods
    # Both runners count into the one component's registry here: its "done" is the total.
    done = runners[0].metrics.task_runs.labels("monitoring", "kit-test-clock", "done")._value.get()
    assert done == len(periods)


async def test_claims_of_finished_periods_are_dropped(stack: Stack) -> None:
    async def quick(ctx: WorkContext) -> None:
        pass

    runner = _runner(stack, PeriodicTask(name="kit-test-claims", run=quick, interval=lambda _: 60))
    period = runner.period(time.time())
    for offset in range(8):
        assert await runner.run_once(period + offset) is True
    inbox = runner.tables.inbox
    async with runner.db.sessions() as session:
        kept = (
            (
                await session.execute(
                    select(inbox.c.event_type).where(inbox.c.consumer == "task:kit-test-claims")
                )
            )
            .scalars()
            .all()
        )
    assert sorted(kept) == [f"period:{period + 6}", f"period:{period + 7}"]
