"""Periodic tasks: work a service does on a clock rather than on a request or an event.

A service declares its tasks (``PeriodicTask``) in its ``scheduled.py``; the app factory runs each
in the background of every replica. A run is one transaction that first takes an advisory lock
named after the task, so when several replicas wake together only one does the work and the
others record a skip. Outcomes and run times are Prometheus metrics; a failing run is logged and
the next one comes at the next interval.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import structlog

from shared.db import Database, advisory_xact_lock
from shared.divisions import DivisionRegistry
from shared.events.outbox import Outbox
from shared.metrics import Metrics
from shared.settings import ServiceSettings
from shared.tables import KitTables
from shared.work import WorkContext

log = structlog.get_logger("xianjie.scheduled")


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

    async def run_once(self) -> bool:
        """One run now. False when another replica holds the task's lock (nothing was done)."""
        started = time.perf_counter()
        async with self.db.transaction() as session:
            if not await advisory_xact_lock(session, self.task.lock_name(self.component), wait=False):
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

    async def _run_forever(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self.run_once()
            except Exception as exc:
                self.metrics.task_runs.labels(self.component, self.task.name, "failed").inc()
                log.warning("task_failed", task=self.task.name, error=str(exc) or type(exc).__name__)
