"""Finding people (从人找人到数据找人): self-declarations, department batches, cadre visits, system
screening, and other services' events — each recorded with its origin."""

from __future__ import annotations

from typing import NamedTuple

from services.monitoring.access import load_household, sending_department, vault
from services.monitoring.alerts import repository
from services.monitoring.alerts.events import (
    ALERT_RAISED,
    INDUSTRY_LINK_AT_RISK,
    WORKER_UNEMPLOYED,
    AlertRaised,
)
from services.monitoring.alerts.schemas import (
    AlertCreate,
    BatchReport,
    DepartmentBatch,
    DepartmentRecord,
    PolicyExplainedOut,
    ScreeningRequest,
    ScreeningResult,
    UnmatchedRecord,
    VisitCreate,
)
from services.monitoring.dates import years_before
from services.monitoring.forces import service as forces
from services.monitoring.households.id_numbers import IdNumberVault, InvalidIdNumber, parse
from services.monitoring.incomes import repository as incomes
from services.monitoring.models import (
    Alert,
    AlertSource,
    Household,
    Policy,
    PolicyExplanation,
    RiskCause,
    Visit,
    VisitorKind,
)
from services.monitoring.settings import MonitoringSettings
from shared import clock
from shared.auth import Role
from shared.context import RequestContext
from shared.errors import PayloadTooLarge, ValidationFailed
from shared.events.consumer import EventContext


class UnknownHousehold(LookupError):
    """An event names a household we do not have: retried, then parked for an operator."""


def _announcement(alert: Alert) -> AlertRaised:
    return AlertRaised(
        alert_id=alert.id,
        household_id=alert.household_id,
        town_code=alert.town_code,
        village_code=alert.village_code,
        source=alert.source.value,
    )


def _new_alert(household: Household, source: AlertSource, reason: str, causes: list[RiskCause]) -> Alert:
    return Alert(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        source=source,
        reason=reason,
        risk_causes=causes,
    )


async def raise_alert(ctx: RequestContext, data: AlertCreate) -> Alert:
    if data.source is not AlertSource.SELF_DECLARED:
        raise ValidationFailed(
            "body.source",
            "此接口只登记农户自主申报；部门预警、走访和系统筛查各有专门接口",
            "only self-declarations are raised here",
        )
    household = await load_household(ctx, data.household_id)
    alert = _new_alert(household, data.source, data.reason, list(dict.fromkeys(data.risk_causes)))
    ctx.session.add(alert)
    await ctx.session.flush()
    await ctx.audit("create", "alert", alert.id, data.model_dump())
    await ctx.publish(ALERT_RAISED, alert.id, _announcement(alert))
    return alert


class Identified(NamedTuple):
    """A batch record with a valid ID number, and that number's keyed hash (what members match on)."""

    record: DepartmentRecord
    digest: bytes


def identify(
    records: list[DepartmentRecord], id_numbers: IdNumberVault
) -> tuple[list[Identified], list[UnmatchedRecord]]:
    """The records with a valid ID number, hashed; the others reported back with the reason.

    A record id repeated within the batch is refused (422): the id is what keeps a re-post of the
    batch from raising its alerts twice.
    """
    identified: list[Identified] = []
    unmatched: list[UnmatchedRecord] = []
    seen: set[str] = set()
    for index, record in enumerate(records):
        if record.record_id in seen:
            raise ValidationFailed(
                f"body.records.{index}.record_id", "批内记录编号重复", "record_id repeated"
            )
        seen.add(record.record_id)
        try:
            number, _ = parse(record.id_number)
        except InvalidIdNumber as exc:
            unmatched.append(UnmatchedRecord(record_id=record.record_id, reason=str(exc)))
            continue
        identified.append(Identified(record, id_numbers.digest(number)))
    return identified, unmatched


async def receive_department_batch(ctx: RequestContext, batch: DepartmentBatch) -> BatchReport:
    """部门筛查预警: records matched to households by ID number; unmatched ones reported back."""
    department = sending_department(ctx.principal)
    limit = ctx.settings_as(MonitoringSettings).department_batch_max_records
    if len(batch.records) > limit:
        raise PayloadTooLarge(f"每批最多 {limit} 条记录", f"at most {limit} records per batch")
    identified, unmatched = identify(batch.records, vault(ctx))
    known = await repository.matched_hashes(ctx.session, [i.digest for i in identified])
    matched = [i for i in identified if i.digest in known]
    unmatched += [
        UnmatchedRecord(record_id=i.record.record_id, reason="未找到该身份证号对应的农户成员")
        for i in identified
        if i.digest not in known
    ]
    raised = 0
    if matched:
        raised = await repository.raise_department_alerts(
            ctx.session,
            department=department,
            batch_id=batch.batch_id,
            record_ids=[m.record.record_id for m in matched],
            digests=[m.digest for m in matched],
            causes=[m.record.risk_cause.value for m in matched],
            reasons=[m.record.reason for m in matched],
        )
    report = BatchReport(
        batch_id=batch.batch_id,
        department=department,
        received=len(batch.records),
        raised=raised,
        already_received=len(matched) - raised,
        unmatched=unmatched,
    )
    await ctx.audit("receive", "department_batch", batch.batch_id, report.model_dump(exclude={"unmatched"}))
    return report


def _visitor_kind(ctx: RequestContext, data: VisitCreate) -> VisitorKind:
    if data.as_town_secretary:
        if ctx.principal.role is not Role.TOWN_OFFICIAL:
            raise ValidationFailed(
                "body.as_town_secretary", "只有镇干部可登记镇党委书记遍访", "town officials only"
            )
        return VisitorKind.TOWN_SECRETARY
    return VisitorKind.RESPONSIBLE_HELPER if ctx.principal.role is Role.HELPER else VisitorKind.CADRE


async def _explained_policies(ctx: RequestContext, data: VisitCreate) -> list[tuple[Policy, bool]]:
    """Each policy the visit explained (明白纸), by its toolbox code, with whether it was known."""
    found = await repository.policies_by_code(ctx.session, [p.policy_code for p in data.policies_explained])
    explained: list[tuple[Policy, bool]] = []
    seen: set[str] = set()
    for index, item in enumerate(data.policies_explained):
        field = f"body.policies_explained.{index}.policy_code"
        if item.policy_code in seen:
            raise ValidationFailed(field, "同一政策在一次走访中只登记一次", "policy listed twice")
        seen.add(item.policy_code)
        policy = found.get(item.policy_code)
        if policy is None:
            raise ValidationFailed(field, f"政策工具箱中没有编码 {item.policy_code}", "unknown policy code")
        explained.append((policy, item.already_known))
    return explained


async def log_visit(ctx: RequestContext, data: VisitCreate) -> tuple[Visit, list[PolicyExplainedOut]]:
    """走访记录; findings with risk causes also raise a cadre-visit alert; the policies explained
    (明白纸) are kept with whether the household already knew each (知晓率)."""
    kind = _visitor_kind(ctx, data)
    household = await load_household(ctx, data.household_id)
    if data.work_team_id is not None:  # 昼访夜谈 (seed §三(九))
        await forces.require_visiting_team(ctx, data.work_team_id, household, clock.day_of(data.visited_at))
    explained = await _explained_policies(ctx, data)
    causes = list(dict.fromkeys(data.risk_causes))
    alert = None
    if causes:
        alert = _new_alert(household, AlertSource.CADRE_VISIT, data.findings, causes)
        ctx.session.add(alert)
        await ctx.session.flush()
        await ctx.publish(ALERT_RAISED, alert.id, _announcement(alert))
    visit = Visit(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        visitor_id=ctx.principal.subject,
        visitor_role=ctx.principal.role.value,
        visitor_kind=kind,
        visited_at=data.visited_at,
        latitude=data.latitude,
        longitude=data.longitude,
        findings=data.findings,
        risk_causes=causes,
        alert_id=alert.id if alert else None,
        work_team_id=data.work_team_id,
    )
    ctx.session.add(visit)
    await ctx.session.flush()
    ctx.session.add_all(
        PolicyExplanation(visit_id=visit.id, policy_id=policy.id, already_known=known)
        for policy, known in explained
    )
    await ctx.session.flush()
    await ctx.audit(
        "create",
        "visit",
        visit.id,
        {
            "household_id": household.id,
            "alert_id": visit.alert_id,
            "policies_explained": {policy.code: known for policy, known in explained},
        },
    )
    return visit, [
        PolicyExplainedOut(policy_code=policy.code, policy_name=policy.name, already_known=known)
        for policy, known in sorted(explained, key=lambda e: e[0].code)
    ]


async def screen(ctx: RequestContext, data: ScreeningRequest) -> ScreeningResult:
    line = await incomes.line(ctx.session, data.year)
    if line is None:
        raise ValidationFailed(
            "body.year", f"{data.year} 年尚未设定监测线", f"no monitoring line for {data.year}"
        )
    settings = ctx.settings_as(MonitoringSettings)
    today = clock.today()
    raised = await repository.screen(
        ctx.session,
        year=data.year,
        line=line.amount,
        # Compulsory-school age (6–15 by default): born after (today − 16 years), by (today − 6 years).
        school_born_after=years_before(today, settings.school_age_max + 1),
        school_born_by=years_before(today, settings.school_age_min),
        division_prefix=ctx.principal.division_prefix,
        medical_share=settings.medical_out_of_pocket_income_share,
    )
    result = ScreeningResult(year=data.year, monitoring_line=line.amount, raised=raised)
    await ctx.audit("screen", "household", None, result.model_dump())
    return result


async def on_worker_unemployed(ctx: EventContext) -> None:
    """employment: worker.unemployed → an alert for the worker's household (坚决杜绝因失业返贫)."""
    job_loss = ctx.read(WORKER_UNEMPLOYED)
    household = await ctx.session.get(Household, job_loss.household_id)
    if household is None:
        raise UnknownHousehold(f"household {job_loss.household_id} unknown")
    alert = _new_alert(
        household,
        AlertSource.EVENT,
        f"务工人员失业（{job_loss.ended_on.isoformat()} 结束就业）",
        [RiskCause.UNSTABLE_WORK],
    )
    alert.origin_ref = f"event:{ctx.event.id}"
    ctx.session.add(alert)
    await ctx.session.flush()
    await ctx.audit("create", "alert", alert.id, {"worker_id": str(job_loss.worker_id)})
    await ctx.publish(ALERT_RAISED, alert.id, _announcement(alert))


INDUSTRY_RISKS = {"business_failing": "经营主体经营困难", "link_broken": "联农带农中断"}


async def on_industry_link_at_risk(ctx: EventContext) -> None:
    """funds: industry_link.at_risk → an alert for that household (因产业失败); funds sends one event
    per household concerned, and the event id as origin keeps a redelivery from alerting twice."""
    risk = ctx.read(INDUSTRY_LINK_AT_RISK)
    household = await ctx.session.get(Household, risk.household_id)
    if household is None:
        raise UnknownHousehold(f"household {risk.household_id} unknown")
    what = INDUSTRY_RISKS.get(risk.kind, risk.kind)
    alert = _new_alert(
        household,
        AlertSource.EVENT,
        f"帮扶产业预警：{risk.industry_name}·{risk.business_name}{what}（{risk.observed_on.isoformat()}）",
        [RiskCause.BUSINESS_FAILURE],
    )
    alert.origin_ref = f"event:{ctx.event.id}"
    ctx.session.add(alert)
    await ctx.session.flush()
    await ctx.audit("create", "alert", alert.id, {"industry_risk": risk.kind})
    await ctx.publish(ALERT_RAISED, alert.id, _announcement(alert))
