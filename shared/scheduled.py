"""Periodic tasks: work a service does on a clock rather than on a request or an event.

A service declares its tasks (``PeriodicTask``) in its ``scheduled.py``; the app factory runs each
in the background of every replica. The clock is the wall clock cut into periods of ``interval``
seconds (period n starts at n × interval since the epoch), the same for every replica; each
replica wakes once an interval (from its own start) and offers to run the period it woke in.
A run is one transaction that first takes an advisory lock named after the task, so replicas
waking together never work at once, and then claims the period in the inbox (id derived from task
and period, ``consumer`` = ``task:<name>``): a replica that wakes later in the period, after
another finished it, finds the claim and skips — one run per period across replicas. The claim
commits with the work, so a failed run leaves the period to the next replica that wakes in it.
Outcomes and run times are Prometheus metrics.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import structlog
from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db import Database, advisory_xact_lock
from shared.divisions import DivisionRegistry
from shared.events.outbox import Outbox
from shared.metrics import Metrics
from shared.settings import ServiceSettings
from shared.tables import KitTables
from shared.work import WorkContext

log = structlog.get_logger("xianjie.scheduled")

# Namespace of the period claims' ids (uuid5 of "<component>:<task>:<period>").
_PERIOD_CLAIMS = uuid.UUID("6f1c9f9e-2f57-4c1e-9a55-0b9f1a6c7d21")


@dataclass(frozen=True)
class PeriodicTask:
    """``run`` every ``interval(settings)`` seconds (0 or less: the task is off)."""

    name: str
    run: Callable[[WorkContext], Awaitable[Any]]
    interval: Callable[[Any], float]

    def lock_name(self, component: str) -> str:
        """The advisory lock a run holds; a request doing the same work may wait on it too."""
        return f"task:{component}:{self.name}"

    @property
    def claimant(self) -> str:
        """Who the inbox names for the task's period claims."""
        return f"task:{self.name}"

    @property
    def actor(self) -> str:
        """Who the audit log names for the task's changes: no person asked for them."""
        return f"schedule:{self.name}"


class TaskRunner:
    def __init__(
        self,
        task: PeriodicTask,
        *,
        component: str,
        db: Database,
        tables: KitTables,
        outbox: Outbox,
        metrics: Metrics,
        settings: ServiceSettings,
        divisions: DivisionRegistry,
    ) -> None:
        self.task = task
        self.component = component
        self.db = db
        self.tables = tables
        self.outbox = outbox
        self.metrics = metrics
        self.settings = settings
        self.divisions = divisions
        self.interval = float(task.interval(settings))
        self._loop: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        """Whether this replica runs the task on its clock (False when its interval turns it off)."""
        return self._loop is not None and not self._loop.done()

    def start(self) -> None:
        if self.interval > 0:
            self._loop = asyncio.create_task(self._run_forever(), name=f"{self.component}-{self.task.name}")

    async def stop(self) -> None:
        if self._loop is not None:
            self._loop.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop
            self._loop = None

    def period(self, at: float) -> int:
        """The number of the period the wall-clock time ``at`` (epoch seconds) falls in."""
        return math.floor(at / self.interval)

    async def run_once(self, period: int | None = None) -> bool:
        """One run now. False when another replica holds the task's lock, or already ran ``period``
        (nothing was done). Without a period (a run asked for by hand) only the lock is checked."""
        started = time.perf_counter()
        async with self.db.transaction() as session:
            if not await advisory_xact_lock(session, self.task.lock_name(self.component), wait=False):
                self.metrics.task_runs.labels(self.component, self.task.name, "skipped").inc()
                return False
            if period is not None and not await self._claim(session, period):
                self.metrics.task_runs.labels(self.component, self.task.name, "skipped").inc()
                return False
            await self.task.run(
                WorkContext(
                    session=session,
                    actor=self.task.actor,
                    outbox=self.outbox,
                    tables=self.tables,
                    settings=self.settings,
                    divisions=self.divisions,
                )
            )
        labels = (self.component, self.task.name)
        self.metrics.task_seconds.labels(*labels).observe(time.perf_counter() - started)
        self.metrics.task_runs.labels(*labels, "done").inc()
        return True

    def _claim_id(self, period: int) -> uuid.UUID:
        return uuid.uuid5(_PERIOD_CLAIMS, f"{self.component}:{self.task.name}:{period}")

    async def _claim(self, session: AsyncSession, period: int) -> bool:
        inbox = self.tables.inbox
        claimed = await session.scalar(
            pg_insert(inbox)
            .values(
                event_id=self._claim_id(period), consumer=self.task.claimant, event_type=f"period:{period}"
            )
            .on_conflict_do_nothing()
            .returning(inbox.c.event_id)
        )
        if claimed is None:
            return False
        # Claims of finished periods are not needed once no replica can wake in them (a beat is
        # never older than one interval): dropped by primary key, so a task every second does
        # not grow the inbox by 86 400 rows a day.
        stale = [self._claim_id(period - back) for back in range(2, 6)]
        await session.execute(
            delete(inbox).where(inbox.c.consumer == self.task.claimant, inbox.c.event_id.in_(stale))
        )
        return True

    async def _run_forever(self) -> None:
        # Wake every interval from this replica's start (the first run one interval after it, as
        # before replicas shared periods), on a fixed beat so no period is skipped by drift, and
        # claim the wall-clock period the beat falls in.
        started = time.time()
        beat = 0
        while True:
            # The next beat still ahead (a stalled loop skips the beats it missed, never bursts).
            beat = max(beat + 1, math.floor((time.time() - started) / self.interval) + 1)
            wake = started + beat * self.interval
            await asyncio.sleep(max(0.0, wake - time.time()))
            try:
                await self.run_once(self.period(wake))
            except Exception as exc:
                self.metrics.task_runs.labels(self.component, self.task.name, "failed").inc()
                log.warning("task_failed", task=self.task.name, error=str(exc) or type(exc).__name__)
