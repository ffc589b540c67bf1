"""Value and use (seed §四(十二) 推动经营性资产保值增效、公益性资产持续发挥作用).

- Operating assets' book value over time: each depreciation (计提折旧) or revaluation (资产评估)
  is a record with the book value before and after; nothing is overwritten. The figures come from
  the village collective's books, which follow 《农村集体经济组织会计制度》(财会〔2023〕14号):
  depreciation by the straight-line (年限平均法) or units-of-production method chosen there; the
  method and its parameters are kept in ``basis``. A revaluation needs an appraisal report
  (评估报告文号). Records go forward in time only, so the history reads as a series.
- Public-welfare assets' use status (正常使用 / 闲置 / 损毁): each check is a record; a change of
  status moves the asset's status and date and is announced. Idle or damaged for
  ``not_in_use_months`` whole months → the idle screening's ``not_in_use`` rule.

Who: the ledger's writers inside their territory (services/assets/access.py).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from services.assets.models import (
    Asset,
    AssetKind,
    AssetStatus,
    AssetValuation,
    UseCheck,
    ValuationKind,
)
from services.assets.value import repository
from services.assets.value.events import USE_STATUS_CHANGED, UseStatusChanged
from services.assets.value.schemas import UseCheckIn, ValuationIn
from shared.context import RequestContext
from shared.errors import Conflict, InvalidTransition, ValidationFailed


def _require_kind(asset: Asset, kind: AssetKind, what: str) -> None:
    if asset.kind is not kind:
        raise InvalidTransition(f"只有{kind.label}资产才能{what}", f"only {kind.value} assets")
    if asset.status is AssetStatus.DISPOSED:
        raise InvalidTransition("资产已处置", "asset is disposed")


async def book_value(ctx: RequestContext, asset: Asset) -> tuple[Decimal, list[AssetValuation]]:
    history = await repository.valuations(ctx.session, asset.id)
    return (history[-1].book_value if history else asset.value), history


async def record_valuation(ctx: RequestContext, asset: Asset, data: ValuationIn) -> AssetValuation:
    _require_kind(asset, AssetKind.OPERATING, "记录账面价值")
    current, history = await book_value(ctx, asset)
    if data.valued_on < asset.formed_on:
        raise ValidationFailed("valued_on", "基准日不能早于资产形成日期", "before the asset was formed")
    if history and data.valued_on <= history[-1].valued_on:
        raise Conflict(
            f"已有 {history[-1].valued_on} 的记录，新记录的基准日须在其后", "valuations go forward in time"
        )
    if data.kind is ValuationKind.DEPRECIATION and data.book_value > current:
        raise ValidationFailed(
            "book_value",
            f"计提折旧后的账面价值不能高于当前账面价值 {current:.2f} 元",
            "depreciation cannot raise the book value",
        )
    if data.kind is ValuationKind.REVALUATION and data.appraisal_ref is None:
        raise ValidationFailed(
            "appraisal_ref", "资产评估须附评估报告文号", "a revaluation needs its appraisal"
        )
    valuation = AssetValuation(
        asset_id=asset.id, book_value_before=current, actor=ctx.principal.subject, **data.model_dump()
    )
    ctx.session.add(valuation)
    await ctx.session.flush()
    await ctx.audit("create", "asset_valuation", valuation.id, {"asset_id": asset.id, **data.model_dump()})
    return valuation


async def check_use(ctx: RequestContext, asset: Asset, data: UseCheckIn) -> UseCheck:
    _require_kind(asset, AssetKind.PUBLIC_WELFARE, "登记使用状况")
    ctx.require_if_match(asset.version)
    assert (
        asset.use_status is not None and asset.use_status_since is not None
    )  # CHECK use_status_public_welfare
    if data.checked_on < asset.use_status_since:
        raise ValidationFailed(
            "checked_on",
            f"核查日期不能早于当前状况的起始日期 {asset.use_status_since}",
            "a check cannot precede the current status",
        )
    check = UseCheck(asset_id=asset.id, actor=ctx.principal.subject, **data.model_dump())
    ctx.session.add(check)
    before = asset.use_status
    if data.use_status is not before:
        asset.use_status, asset.use_status_since = data.use_status, data.checked_on
    await ctx.session.flush()
    await ctx.audit("check_use", "asset", asset.id, data.model_dump(mode="json"))
    if data.use_status is not before:
        await ctx.publish(
            USE_STATUS_CHANGED,
            asset.id,
            UseStatusChanged(
                asset_id=asset.id,
                town_code=asset.town_code,
                village_code=asset.village_code,
                from_status=before,
                to_status=data.use_status,
                checked_on=data.checked_on,
            ),
        )
    return check


def straight_line(
    value: Decimal, formed_on: date, useful_life_years: int, residual_rate: Decimal
) -> list[tuple[int, int, Decimal, Decimal, Decimal]]:
    """年限平均法 per calendar year: (year, months, depreciation, accumulated, book value at year end).

    Depreciation starts the month after the asset is formed (当月增加的固定资产当月不提折旧) and runs
    ``useful_life_years × 12`` months; each year is rounded to the fen and the last year takes the
    remainder, so the accumulated total is exactly ``value × (1 − residual_rate)``.
    """
    depreciable = value * (1 - residual_rate)
    months_total = useful_life_years * 12
    monthly = depreciable / months_total
    start = formed_on.year * 12 + formed_on.month  # the month after formed_on, 0-based month index
    end = start + months_total  # exclusive
    rows: list[tuple[int, int, Decimal, Decimal, Decimal]] = []
    accumulated = Decimal("0.00")
    for year in range(start // 12, (end - 1) // 12 + 1):
        months = min(end, (year + 1) * 12) - max(start, year * 12)
        last = (year + 1) * 12 >= end
        amount = (depreciable - accumulated) if last else (monthly * months).quantize(Decimal("0.01"))
        amount = amount.quantize(Decimal("0.01"))
        accumulated += amount
        rows.append((year, months, amount, accumulated, (value - accumulated).quantize(Decimal("0.01"))))
    return rows
