"""Work the monitoring service does on a clock: the identification time limit (快速响应)."""

from __future__ import annotations

import structlog

from services.monitoring.forces import service as forces
from services.monitoring.worklists import service as worklists
from shared import clock
from shared.scheduled import PeriodicTask
from shared.work import WorkContext

log = structlog.get_logger("xianjie.monitoring.scheduled")


async def check_identification_limit(ctx: WorkContext) -> None:
    """A case passes its limit as days go by, not on a write: look every interval, announce once."""
    found = await worklists.record_overdue_identifications(ctx, clock.today())
    if found:
        log.info("identification_overdue_found", cases=found)


IDENTIFICATION_LIMIT = PeriodicTask(
    name="identification-limit",
    run=check_identification_limit,
    interval=lambda settings: settings.identification_check_interval_seconds,
)


async def check_coverage(ctx: WorkContext) -> None:
    """A term ends as days go by: each 脱贫村 left without a leader, unit or team is announced once."""
    found = await forces.announce_new_gaps(ctx, clock.today())
    if found:
        log.info("coverage_gaps_found", gaps=found)


COVERAGE_CHECK = PeriodicTask(
    name="coverage-check",
    run=check_coverage,
    interval=lambda settings: settings.coverage_check_interval_seconds,
)

TASKS = [IDENTIFICATION_LIMIT, COVERAGE_CHECK]
