"""Checkpoints (7 月、10 月、12 月重要时间节点): disbursement progress against configured targets.

Progress of a project or a town is what was paid by the checkpoint's last day over what was
allocated to it from the year's funds; a fund's is what was paid over its amount. A project is
behind when its progress is below the checkpoint's target. Everyone who reads the project library
reads progress within their scope; the district records an assessment, which is announced.
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

from services.funds.checkpoints import repository
from services.funds.checkpoints.events import CHECKPOINT_ASSESSED, CheckpointAssessed
from services.funds.checkpoints.schemas import (
    AssessmentCreate,
    CheckpointReport,
    FundProgress,
    Progress,
    ProjectProgress,
    TownProgress,
)
from services.funds.models import CheckpointAssessment
from services.funds.ratios import ratio
from services.funds.settings import FundsSettings
from shared.context import RequestContext
from shared.errors import ValidationFailed


def checkpoint(targets: dict[int, Decimal], year: int, month: int) -> tuple[date, Decimal]:
    """The checkpoint's last day and its target, or 422 for a month that is not a checkpoint."""
    if month not in targets:
        months = "、".join(str(m) for m in sorted(targets))
        raise ValidationFailed(
            "month", f"节点月份须为 {months} 月之一", f"checkpoint months are {sorted(targets)}"
        )
    return date(year, month, calendar.monthrange(year, month)[1]), targets[month]


def _progress(
    allocated: Decimal, paid: Decimal, target: Decimal, *, of: Decimal | None = None
) -> dict[str, object]:
    """Paid over allocated (a fund's: over its amount, ``of``), and whether that is below target.

    Behind is decided on the exact amounts, as the repository counts ``projects_behind``
    (``paid < allocated × target``), not on the ratio rounded to four places for display: one fen
    short of 50 % of 10 000 rounds to 0.5000 but is behind."""
    whole = allocated if of is None else of
    share = ratio(paid, whole)
    return {
        "allocated": allocated,
        "paid": paid,
        "progress": share,
        "behind": share is not None and paid < whole * target,
    }


async def report(ctx: RequestContext, year: int, month: int) -> CheckpointReport:
    as_of, target = checkpoint(ctx.settings_as(FundsSettings).checkpoint_targets, year, month)
    projects = [
        ProjectProgress(
            project_id=r.project_id,
            name=r.name,
            town_code=r.town_code,
            village_code=r.village_code,
            category=r.category,
            **_progress(r.allocated, r.paid, target),
        )
        for r in await repository.projects(ctx.session, ctx.principal, year, as_of)
    ]
    towns = [
        TownProgress(
            town_code=r.town_code,
            town_name=ctx.component.divisions.name(r.town_code),
            projects=r.projects,
            projects_behind=r.projects_behind,
            **_progress(r.allocated, r.paid, target),
        )
        for r in await repository.towns(ctx.session, ctx.principal, year, as_of, target)
    ]
    funds = [
        FundProgress(
            fund_id=r.fund_id,
            name=r.name,
            source=r.source,
            amount=r.amount,
            **_progress(r.allocated, r.paid, target, of=r.amount),
        )
        for r in await repository.funds(ctx.session, year, as_of)
    ]
    allocated = sum((p.allocated for p in projects), Decimal(0))
    paid = sum((p.paid for p in projects), Decimal(0))
    return CheckpointReport(
        year=year,
        month=month,
        as_of=as_of,
        target_ratio=target,
        total=Progress(**_progress(allocated, paid, target)),
        towns=towns,
        funds=funds,
        projects=projects,
    )


async def assess(ctx: RequestContext, data: AssessmentCreate) -> CheckpointAssessment:
    result = await report(ctx, data.year, data.month)
    behind = [p.project_id for p in result.projects if p.behind]
    assessment = CheckpointAssessment(
        year=data.year,
        month=data.month,
        as_of=result.as_of,
        target_ratio=result.target_ratio,
        allocated=result.total.allocated,
        paid=result.total.paid,
        projects_total=len(result.projects),
        projects_behind=len(behind),
        assessed_by=ctx.principal.subject,
    )
    ctx.session.add(assessment)
    await ctx.session.flush()
    await ctx.audit("assess", "checkpoint", assessment.id, data.model_dump())
    await ctx.publish(
        CHECKPOINT_ASSESSED,
        assessment.id,
        CheckpointAssessed(
            assessment_id=assessment.id,
            year=data.year,
            month=data.month,
            as_of=result.as_of,
            target_ratio=result.target_ratio,
            allocated=result.total.allocated,
            paid=result.total.paid,
            progress=result.total.progress,
            projects_total=len(result.projects),
            projects_behind=len(behind),
            behind_project_ids=behind,
        ),
    )
    return assessment
