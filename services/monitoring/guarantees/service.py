"""部门数据 for 三保障和饮水安全 (seed §一(二), 责任单位 教育体育局、卫生健康委员会、医保局、
住房和城乡建设局、水利局): each department's system pushes the records it keeps; each record fills
the same record a cadre would, and a record that shows a new risk raises a department alert.

- A department sends only its kinds (setting ``guarantee_department_kinds``).
- Records match members by ID number (active members only); unmatched ones are refused.
- Each record runs in its own savepoint: a refused one never undoes the others.
- A record is known by ``department:batch:record`` (``origin_ref``): a re-post changes nothing.
- "New risk" is a change for the worse: a renovation case opened (危房), water turned unsafe, a
  dropout case opened, a member's latest year turned uninsured.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.monitoring.access import sending_department, vault
from services.monitoring.alerts.events import ALERT_RAISED, AlertRaised
from services.monitoring.education import service as education
from services.monitoring.education.schemas import AidIn, DropoutIn
from services.monitoring.guarantees.schemas import (
    AidRecord,
    DropoutRecord,
    GuaranteeBatch,
    GuaranteeBatchReport,
    GuaranteeRecord,
    GuaranteeRecordResult,
    HousingRecord,
    InsuranceRecord,
    WaterRecord,
)
from services.monitoring.health import service as health
from services.monitoring.health.schemas import ExpenseIn, InsuranceIn
from services.monitoring.households.id_numbers import InvalidIdNumber, parse
from services.monitoring.housing import service as housing
from services.monitoring.housing.schemas import AppraisalIn
from services.monitoring.models import Alert, AlertSource, Household, Member, RiskCause
from services.monitoring.settings import MonitoringSettings
from services.monitoring.water import service as water
from services.monitoring.water.schemas import WaterCheckIn
from shared.context import RequestContext
from shared.errors import AppError, Forbidden, PayloadTooLarge, ValidationFailed

# The table each kind fills: where a record's origin is looked up before it is applied again.
TABLES = {
    "housing_appraisal": "housing_appraisals",
    "water_check": "water_checks",
    "dropout": "dropout_cases",
    "student_aid": "student_aids",
    "insurance": "member_insurances",
    "medical_expense": "medical_expenses",
}


class NewRisk(NamedTuple):
    cause: RiskCause
    reason: str


async def _received(session: AsyncSession, kind: str, origin: str) -> bool:
    table = TABLES[kind]  # from the fixed map above, never from input
    found = await session.scalar(
        text(f"SELECT 1 FROM monitoring.{table} WHERE origin_ref = :o"),  # noqa: S608
        {"o": origin},
    )
    return found is not None


async def _person(session: AsyncSession, digest: bytes) -> tuple[Household, Member] | None:
    row = (
        await session.execute(
            select(Household, Member)
            .join(Member, Member.household_id == Household.id)
            .where(Member.id_number_hash == digest, Member.left_on.is_(None))
            .with_for_update(of=Household)
        )
    ).first()
    return None if row is None else (row[0], row[1])


async def _apply(
    ctx: RequestContext, record: GuaranteeRecord, household: Household, member: Member, origin: str
) -> NewRisk | None:
    """Fill the record; the new risk it shows, if any."""
    if isinstance(record, HousingRecord):
        data = AppraisalIn(appraised_on=record.appraised_on, grade=record.grade, appraiser=record.appraiser)
        appraisal, case = await housing.record_appraisal(ctx, household, data, origin_ref=origin)
        if case is not None and case.opening_appraisal_id == appraisal.id:
            return NewRisk(RiskCause.HOUSING, f"住房安全性鉴定为{record.grade.label}")
        return None
    if isinstance(record, WaterRecord):
        was_safe = household.water_safe
        check = WaterCheckIn(checked_on=record.checked_on, safe=record.safe, finding=record.finding)
        await water.record_check(ctx, household, check, origin_ref=origin)
        if was_safe and not household.water_safe:
            return NewRisk(RiskCause.DRINKING_WATER, f"饮水不安全：{record.finding}")
        return None
    if isinstance(record, DropoutRecord):
        opening = DropoutIn(member_id=member.id, opened_on=record.opened_on, reason=record.reason)
        await education.open_case(ctx, household, opening, origin_ref=origin)
        return NewRisk(RiskCause.SCHOOLING, f"义务教育阶段适龄儿童辍学：{record.reason}")
    if isinstance(record, AidRecord):
        aid = AidIn(
            member_id=member.id,
            kind=record.aid_kind,
            amount=record.amount,
            school_year=record.school_year,
            term=record.term,
            granted_on=record.granted_on,
        )
        await education.grant_aid(ctx, household, aid, origin_ref=origin)
        return None
    if isinstance(record, InsuranceRecord):
        was_insured = member.medical_insured
        data_in = InsuranceIn(
            insured=record.insured, subsidy=record.subsidy, subsidy_amount=record.subsidy_amount
        )
        await health.record_insurance(
            ctx, household, member, record.year, data_in, origin_ref=origin, replace_without_if_match=True
        )
        if was_insured and not member.medical_insured:
            return NewRisk(RiskCause.MEDICAL_INSURANCE, f"{record.year}年未参加基本医疗保险")
        return None
    expense = ExpenseIn(
        member_id=member.id,
        settled_on=record.settled_on,
        total=record.total,
        basic_insurance_paid=record.basic_insurance_paid,
        serious_illness_paid=record.serious_illness_paid,
        medical_assistance_paid=record.medical_assistance_paid,
    )
    await health.record_expense(ctx, household, expense, origin_ref=origin)
    return None


async def _raise_alert(
    ctx: RequestContext, household: Household, department: str, risk: NewRisk, origin: str
) -> None:
    alert = Alert(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        source=AlertSource.DEPARTMENT,
        reason=risk.reason,
        risk_causes=[risk.cause],
        department=department,
        origin_ref=origin,
    )
    ctx.session.add(alert)
    await ctx.session.flush()
    await ctx.publish(
        ALERT_RAISED,
        alert.id,
        AlertRaised(
            alert_id=alert.id,
            household_id=household.id,
            town_code=household.town_code,
            village_code=household.village_code,
            source=AlertSource.DEPARTMENT.value,
        ),
    )


def _refusal(exc: Exception) -> str:
    if isinstance(exc, AppError):
        return exc.detail_zh or exc.title_zh
    constraint = getattr(getattr(getattr(exc, "orig", None), "__cause__", None), "constraint_name", None)
    return f"与现有记录冲突（{constraint}）" if constraint else "与现有记录冲突"


async def receive_batch(ctx: RequestContext, batch: GuaranteeBatch) -> GuaranteeBatchReport:
    department = sending_department(ctx.principal)
    settings = ctx.settings_as(MonitoringSettings)
    allowed = settings.guarantee_department_kinds.get(department)
    if not allowed:
        raise Forbidden("该部门不报送三保障和饮水安全数据", "this department sends no 三保障 records")
    if len(batch.records) > settings.department_batch_max_records:
        limit = settings.department_batch_max_records
        raise PayloadTooLarge(f"每批最多 {limit} 条记录", f"at most {limit} records per batch")
    seen: set[str] = set()
    for index, record in enumerate(batch.records):
        if record.record_id in seen:
            raise ValidationFailed(
                f"body.records.{index}.record_id", "批内记录编号重复", "record_id repeated"
            )
        seen.add(record.record_id)
    id_numbers = vault(ctx)
    results: list[GuaranteeRecordResult] = []
    for record in batch.records:
        results.append(await _one(ctx, department, allowed, batch.batch_id, record, id_numbers))
    report = GuaranteeBatchReport(
        batch_id=batch.batch_id,
        department=department,
        received=len(results),
        accepted=sum(r.status == "accepted" for r in results),
        already_received=sum(r.status == "unchanged" for r in results),
        refused=sum(r.status == "refused" for r in results),
        alerts_raised=sum(r.alert_raised for r in results),
        records=results,
    )
    await ctx.audit("receive", "guarantee_batch", batch.batch_id, report.model_dump(exclude={"records"}))
    return report


async def _one(
    ctx: RequestContext,
    department: str,
    allowed: list[str],
    batch_id: str,
    record: GuaranteeRecord,
    id_numbers: Any,
) -> GuaranteeRecordResult:
    def refused(reason: str) -> GuaranteeRecordResult:
        return GuaranteeRecordResult(record_id=record.record_id, status="refused", reason=reason)

    if record.kind not in allowed:
        return refused(f"{department}不报送此类记录")
    origin = f"department:{department}:{batch_id}:{record.record_id}"
    if await _received(ctx.session, record.kind, origin):
        return GuaranteeRecordResult(record_id=record.record_id, status="unchanged")
    try:
        number, _ = parse(record.id_number)
    except InvalidIdNumber as exc:
        return refused(str(exc))
    person = await _person(ctx.session, id_numbers.digest(number))
    if person is None:
        return refused("未找到该身份证号对应的农户成员")
    household, member = person
    try:
        async with ctx.session.begin_nested():
            risk = await _apply(ctx, record, household, member, origin)
            if risk is not None:
                await _raise_alert(ctx, household, department, risk, origin)
    except (AppError, IntegrityError) as exc:
        return refused(_refusal(exc))
    return GuaranteeRecordResult(record_id=record.record_id, status="accepted", alert_raised=risk is not None)
