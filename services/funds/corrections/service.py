"""Corrections (冲正): money entries are reversed by compensating entries, never edited.

How approval works (四眼原则, practice of every treasury ledger):
- who asks: the officials who write the entry — district and town officials (their town) for
  payments and repayments; the district for allocations (only the district allocates);
- who approves: a district administrator who is not the one who asked (refused here with 403 and
  by the CHECK ``approver_not_requester``); approval writes the compensating entry at once,
  rejection writes nothing; either ends the request;
- one open request per entry (partial unique index): two reversals are never judged on one balance.

On approval the entry gets a negative twin naming it (``corrects_id``), booked on the day asked
(default the request's day; never before the original entry, so a reversal may count in the
checkpoint it belongs to), and the running totals (allocation, fund, project paid/allocated;
loan repaid) come down by conditional UPDATEs. Every figure built from entries follows by itself:
checkpoints sum payments by date, the industry share and reports sum allocations, the public
listing shows the project's totals.
A wrong entry is "corrected" by reversing it in full and recording the right one as usual.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import func, select

from services.funds.access import location
from services.funds.corrections import repository
from services.funds.corrections.events import CORRECTION_DECIDED, CORRECTION_REQUESTED, CorrectionChanged
from services.funds.corrections.schemas import CorrectionCreate, CorrectionDecision
from services.funds.ledger import repository as ledger
from services.funds.microcredit import repository as loans
from services.funds.models import (
    Allocation,
    Correction,
    CorrectionKind,
    CorrectionStatus,
    Payment,
    Repayment,
)
from shared import clock
from shared.auth import Role
from shared.context import RequestContext
from shared.errors import Conflict, Forbidden, InvalidTransition, NotFound, ValidationFailed
from shared.reports import Report


class CorrectionExceeded(Conflict):
    code = "correction_exceeded"
    title_zh, title_en = "冲正金额超过可冲正余额", "The correction exceeds what is left to reverse"


class AlreadyPending(Conflict):
    code = "correction_pending"
    title_zh, title_en = "该记录已有待审批的冲正申请", "A correction of this entry is already pending"


class NotAnOriginal(InvalidTransition):
    code = "correction_of_correction"
    title_zh, title_en = "冲正分录本身不能再冲正", "A compensating entry is not corrected again"


class ApproverIsRequester(Forbidden):
    code = "approver_is_requester"
    title_zh, title_en = (
        "冲正须由申请人以外的人审批",
        "A correction is approved by someone other than its requester",
    )


class AlreadyDecided(InvalidTransition):
    code = "correction_decided"
    title_zh, title_en = "该冲正申请已审批", "The correction was decided already"


def _event(correction: Correction) -> CorrectionChanged:
    return CorrectionChanged(
        correction_id=correction.id,
        kind=correction.kind,
        target_id=correction.target_id,
        project_id=correction.project_id,
        loan_id=correction.loan_id,
        amount=correction.amount,
        status=correction.status,
        entry_id=correction.entry_id,
    )


def _booked_on(data: CorrectionCreate, entered_on: date | None) -> date:
    booked = data.booked_on or clock.today()
    if booked > clock.today():
        raise ValidationFailed("booked_on", "记账日期不能晚于今天", "booked_on is in the future")
    if entered_on is not None and booked < entered_on:
        raise ValidationFailed(
            "booked_on", f"记账日期不能早于原记录日期 {entered_on}", "booked_on precedes the entry"
        )
    return booked


def _left(amount: Decimal, taken: Decimal, wanted: Decimal, what: str) -> None:
    if wanted > amount - taken:
        raise CorrectionExceeded(
            f"{what}尚可冲正 {amount - taken:.2f} 元，不足 {wanted:.2f} 元", "not enough left to reverse"
        )


async def _payment(ctx: RequestContext, data: CorrectionCreate) -> Correction:
    query = ledger.payments(ctx.principal, project_id=None, fund_id=None, updated_since=None)
    payment = (await ctx.session.execute(query.where(Payment.id == data.target_id))).scalar_one_or_none()
    if payment is None:
        raise NotFound("支付记录不存在", "payment not found")
    found = await ledger.get_allocation(ctx.session, ctx.principal, payment.allocation_id)
    assert found is not None  # the payment is visible, so is its project
    _, project = found
    ctx.principal.require_may_write_in(location(project))
    if payment.corrects_id is not None:
        raise NotAnOriginal()
    _left(payment.amount, payment.reversed, data.amount, "该笔支付")
    booked = _booked_on(data, payment.paid_on)
    return Correction(project_id=project.id, division_code=location(project), booked_on=booked)


async def _allocation(ctx: RequestContext, data: CorrectionCreate) -> Correction:
    ctx.principal.require_role(Role.DISTRICT_ADMIN)
    found = await ledger.get_allocation(ctx.session, ctx.principal, data.target_id)
    if found is None:
        raise NotFound("资金安排不存在", "allocation not found")
    allocation, project = found
    if allocation.corrects_id is not None:
        raise NotAnOriginal()
    # Money already paid out of it is taken back by reversing those payments first.
    _left(allocation.amount - allocation.paid, allocation.reversed, data.amount, "该笔资金安排（未支付部分）")
    booked = _booked_on(data, clock.day_of(allocation.created_at))
    return Correction(project_id=project.id, division_code=location(project), booked_on=booked)


async def _repayment(ctx: RequestContext, data: CorrectionCreate) -> Correction:
    repayment = await ctx.session.get(Repayment, data.target_id)
    loan = None if repayment is None else await loans.get(ctx.session, ctx.principal, repayment.loan_id)
    if repayment is None or loan is None:
        raise NotFound("还款记录不存在", "repayment not found")
    ctx.principal.require_may_write_in(loan.village_code)
    if repayment.corrects_id is not None:
        raise NotAnOriginal()
    _left(repayment.amount, repayment.reversed, data.amount, "该笔还款")
    booked = _booked_on(data, repayment.repaid_on)
    return Correction(loan_id=loan.id, division_code=loan.village_code, booked_on=booked)


TARGETS = {
    CorrectionKind.PAYMENT: _payment,
    CorrectionKind.ALLOCATION: _allocation,
    CorrectionKind.REPAYMENT: _repayment,
}


async def request(ctx: RequestContext, data: CorrectionCreate) -> Correction:
    correction = await TARGETS[data.kind](ctx, data)
    pending = await ctx.session.scalar(
        select(Correction.id).where(
            Correction.kind == data.kind,
            Correction.target_id == data.target_id,
            Correction.status == CorrectionStatus.PENDING,
        )
    )
    if pending is not None:
        raise AlreadyPending(f"待审批的申请：{pending}", f"pending: {pending}")
    correction.kind = data.kind
    correction.target_id = data.target_id
    correction.amount = data.amount
    correction.reason = data.reason.strip()
    correction.status = CorrectionStatus.PENDING
    correction.requested_by = ctx.principal.subject
    correction.requested_by_name = ctx.principal.username
    ctx.session.add(correction)
    await ctx.session.flush()
    await ctx.audit("request", "correction", correction.id, data.model_dump())
    await ctx.publish(CORRECTION_REQUESTED, correction.id, _event(correction))
    return correction


async def _write_entry(ctx: RequestContext, correction: Correction) -> Payment | Allocation | Repayment:
    """The compensating entry, after taking the totals down (or a 409 if the balance went)."""
    amount = correction.amount
    booked = correction.booked_on
    entry: Payment | Allocation | Repayment
    if correction.kind is CorrectionKind.PAYMENT:
        payment = await ctx.session.get_one(Payment, correction.target_id)
        ok = await repository.take_back_payment(ctx.session, payment, amount)
        entry = Payment(
            allocation_id=payment.allocation_id,
            project_id=payment.project_id,
            fund_id=payment.fund_id,
            amount=-amount,
            paid_on=booked,
            voucher=f"冲正 {payment.voucher}"[:100],
            corrects_id=payment.id,
        )
    elif correction.kind is CorrectionKind.ALLOCATION:
        allocation = await ctx.session.get_one(Allocation, correction.target_id)
        ok = await repository.take_back_allocation(ctx.session, allocation, amount)
        entry = Allocation(
            fund_id=allocation.fund_id,
            project_id=allocation.project_id,
            amount=-amount,
            corrects_id=allocation.id,
        )
    else:
        repayment = await ctx.session.get_one(Repayment, correction.target_id)
        ok = await repository.take_back_repayment(ctx.session, repayment, amount)
        entry = Repayment(
            loan_id=repayment.loan_id, amount=-amount, repaid_on=booked, corrects_id=repayment.id
        )
    if not ok:
        raise CorrectionExceeded(
            "原记录可冲正余额已不足（已被冲正或已支付）", "the entry's balance changed meanwhile"
        )
    ctx.session.add(entry)
    await ctx.session.flush()
    return entry


async def decide(ctx: RequestContext, correction: Correction, data: CorrectionDecision) -> Correction:
    ctx.require_if_match(correction.version)
    if correction.status is not CorrectionStatus.PENDING:
        raise AlreadyDecided()
    if correction.requested_by == ctx.principal.subject:
        raise ApproverIsRequester()
    if data.approve:
        entry = await _write_entry(ctx, correction)
        correction.entry_id = entry.id
        correction.status = CorrectionStatus.APPROVED
    else:
        correction.status = CorrectionStatus.REJECTED
    correction.decided_by = ctx.principal.subject
    correction.decided_by_name = ctx.principal.username
    correction.decided_at = datetime.now(UTC)
    correction.decision_note = data.note
    await ctx.session.flush()
    await ctx.audit("decide", "correction", correction.id, data.model_dump())
    await ctx.publish(CORRECTION_DECIDED, correction.id, _event(correction))
    return correction


REPORT_COLUMNS = [
    ("booked_on", "记账日期"),
    ("kind", "冲正类型"),
    ("amount", "冲正金额（元）"),
    ("reason", "原因"),
    ("status", "状态"),
    ("requested_by", "申请人"),
    ("decided_by", "审批人"),
    ("decided_at", "审批时间"),
    ("target_id", "原记录"),
    ("entry_id", "冲正分录"),
]


async def report(ctx: RequestContext, year: int | None) -> Report:
    query = repository.scoped(ctx.principal)
    if year is not None:
        query = query.where(func.extract("year", Correction.booked_on) == year)
    rows = (await ctx.session.execute(query.order_by(Correction.booked_on, Correction.created_at))).scalars()
    return Report.of(
        "corrections",
        f"{year}年资金冲正记录" if year else "资金冲正记录",
        REPORT_COLUMNS,
        [
            {
                "booked_on": c.booked_on,
                "kind": c.kind.label,
                "amount": c.amount,
                "reason": c.reason,
                "status": c.status.label,
                "requested_by": c.requested_by_name,
                "decided_by": c.decided_by_name,
                "decided_at": c.decided_at.isoformat(timespec="seconds") if c.decided_at else None,
                "target_id": str(c.target_id),
                "entry_id": str(c.entry_id) if c.entry_id else None,
            }
            for c in rows
        ],
    )
