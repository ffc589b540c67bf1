"""存量资产台账导入: assets formed before this system, brought into the one ledger (seed §四(十二)).

A town's old ledger (XLSX or CSV, one asset a row) is read row by row; a bad row is refused with
its column and reason and never blocks the good ones. Each imported line is marked
``origin = imported`` and keeps its number in the old ledger (原台账编号), unique per village, so
importing the same file again opens nothing twice (those rows answer ``unchanged``).

The source project: an old asset usually came from a project funds never recorded. Such a row
names it by text (历史项目名称, kept as ``legacy_project_name``) and has no ``source_project_id``.
A row that gives a funds project id (来源项目编号) is checked exactly as ``POST /v1/assets`` checks
it (``registry/projects.py``): known to the projection, inside the caller's territory, the asset
where the project is — an import is no way round the reference check. Giving both is refused.

Who: the ledger's writers, inside their territory (a row outside it is refused).
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from services.assets.models import Asset, AssetKind, AssetOrigin, AssetStatus, LifecycleAction, OwnerKind
from services.assets.registry import projects, repository
from services.assets.registry.events import ASSET_REGISTERED
from services.assets.registry.schemas import AssetCreate
from services.assets.registry.service import follow_kind, registered
from services.assets.settings import AssetsSettings
from shared.context import RequestContext
from shared.errors import AppError
from shared.labels import LabelledEnum
from shared.tabular import ImportReport, RowProblem, RowResult, read_rows

# Field → Chinese header of the import file (the order of the template).
COLUMNS: dict[str, str] = {
    "legacy_ref": "原台账编号",
    "name": "资产名称",
    "kind": "资产类型",
    "category": "资产类别",
    "town_code": "乡镇代码",
    "village_code": "村代码",
    "value": "资产价值（元）",
    "formed_on": "形成日期",
    "owner_kind": "产权主体类型",
    "owner_name": "产权主体",
    "manager_name": "管护主体",
    "status": "当前状态",
    "source_project_id": "来源项目编号",
    "legacy_project_name": "历史项目名称",
}
REQUIRED = ("legacy_ref", "name", "kind", "category", "town_code", "village_code", "value", "formed_on")
# An old asset may already be confirmed, handed over or running; a disposed one is not imported.
IMPORTABLE_STATUSES = (
    AssetStatus.FORMED,
    AssetStatus.OWNERSHIP_CONFIRMED,
    AssetStatus.HANDED_OVER,
    AssetStatus.IN_OPERATION,
)


class RowRefused(Exception):
    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _choice(cells: dict[str, str], field: str, enum: type[LabelledEnum], default: Any) -> Any:
    if not cells[field]:
        return default
    member = enum.parse(cells[field])
    if member is None:
        raise RowRefused(COLUMNS[field], f"应为：{'、'.join(enum.labels().values())}")
    return member


def parse_row(values: dict[str, str]) -> tuple[AssetCreate, AssetStatus, str, str | None]:
    """The row as a registration, its status, old-ledger number and historical project name."""
    cells = {field: values.get(header, "").strip() for field, header in COLUMNS.items()}
    for field in REQUIRED:
        if not cells[field]:
            raise RowRefused(COLUMNS[field], "必填")
    if len(cells["legacy_ref"]) > 60 or len(cells["legacy_project_name"]) > 200:
        raise RowRefused(COLUMNS["legacy_ref"], "原台账编号（≤60 字）或历史项目名称（≤200 字）过长")
    if cells["source_project_id"] and cells["legacy_project_name"]:
        raise RowRefused(COLUMNS["source_project_id"], "来源项目编号与历史项目名称只填其一")
    status = _choice(cells, "status", AssetStatus, AssetStatus.FORMED)
    if status not in IMPORTABLE_STATUSES:
        raise RowRefused(COLUMNS["status"], "已处置的资产不导入台账")
    body: dict[str, Any] = {
        "name": cells["name"],
        "kind": _choice(cells, "kind", AssetKind, None),
        "category": cells["category"],
        "town_code": cells["town_code"],
        "village_code": cells["village_code"],
        "value": cells["value"].replace(",", ""),
        "formed_on": cells["formed_on"],
        "owner_kind": _choice(cells, "owner_kind", OwnerKind, OwnerKind.VILLAGE_COLLECTIVE),
        "owner_name": cells["owner_name"] or None,
        "manager_name": cells["manager_name"] or None,
        "source_project_id": cells["source_project_id"] or None,
    }
    try:
        data = AssetCreate.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = str(first["loc"][0]) if first["loc"] else ""
        raise RowRefused(COLUMNS.get(where, where or None), _message(first)) from exc
    return data, status, cells["legacy_ref"], cells["legacy_project_name"] or None


def _message(error: Any) -> str:
    kind = error.get("type", "")
    if kind.startswith("date") or kind.startswith("decimal") or kind == "uuid_parsing":
        return "格式不正确"
    return "取值不符合要求"


async def _check(ctx: RequestContext, data: AssetCreate) -> None:
    """The checks ``POST /v1/assets`` makes: the place, the caller's territory, the named project."""
    if not ctx.principal.covers(data.village_code):
        raise RowRefused(COLUMNS["village_code"], "不在您的辖区内")
    try:
        ctx.component.divisions.require_town(data.town_code)
        ctx.component.divisions.require_village(data.village_code, data.town_code)
        await projects.require_source_project(ctx, data)
    except AppError as exc:
        field = exc.field_problems[0].field if exc.field_problems else "source_project_id"
        raise RowRefused(COLUMNS.get(field, field), exc.detail_zh or exc.title_zh) from exc


async def _insert(
    ctx: RequestContext, data: AssetCreate, status: AssetStatus, legacy_ref: str, legacy_project: str | None
) -> tuple[uuid.UUID, bool]:
    """The line's id and whether it was opened now (False: an earlier import holds it)."""
    asset = Asset(
        **data.model_dump(),
        status=status,
        origin=AssetOrigin.IMPORTED,
        legacy_ref=legacy_ref,
        legacy_project_name=legacy_project,
    )
    follow_kind(asset)
    row = {c.key: getattr(asset, c.key) for c in Asset.__table__.columns if getattr(asset, c.key) is not None}
    row.update(id=uuid.uuid4(), version=1)
    statement = (
        pg_insert(Asset)
        .values(**row)
        .on_conflict_do_nothing(index_elements=["village_code", "legacy_ref"])
        .returning(Asset.id)
    )
    opened = await ctx.session.scalar(statement)
    if opened is not None:
        return opened, True
    existing = await ctx.session.scalar(
        select(Asset.id).where(Asset.village_code == data.village_code, Asset.legacy_ref == legacy_ref)
    )
    assert existing is not None  # the conflict names it
    return existing, False


async def import_ledger(ctx: RequestContext, content: bytes, filename: str) -> ImportReport:
    settings = ctx.settings_as(AssetsSettings)
    report = ImportReport()
    first_row_of: dict[tuple[str, str], int] = {}
    opened: list[uuid.UUID] = []
    for row in read_rows(content, filename, max_rows=settings.ledger_import_max_rows):
        try:
            data, status, legacy_ref, legacy_project = parse_row(row.values)
            key = (data.village_code, legacy_ref)
            if key in first_row_of:
                raise RowRefused(COLUMNS["legacy_ref"], f"与第 {first_row_of[key]} 行重复")
            await _check(ctx, data)
        except RowRefused as exc:
            problem = RowProblem(field=exc.field, message=exc.message)
            report.add(RowResult(row=row.number, status="refused", problems=[problem]))
            continue
        first_row_of[key] = row.number
        asset_id, new = await _insert(ctx, data, status, legacy_ref, legacy_project)
        report.add(
            RowResult(row=row.number, status="accepted" if new else "unchanged", id=str(asset_id)),
            keep_all=True,
        )
        if new:
            opened.append(asset_id)
    await _announce(ctx, opened)
    await ctx.audit(
        "import",
        "asset",
        None,
        {
            "file": filename,
            "accepted": report.accepted,
            "unchanged": report.unchanged,
            "refused": report.refused,
        },
    )
    return report


async def _announce(ctx: RequestContext, opened: list[uuid.UUID]) -> None:
    """Each opened line gets its registration step (to the status the old ledger gives) and its
    ``asset.registered`` event, in the import's transaction."""
    if not opened:
        return
    assets = (await ctx.session.execute(select(Asset).where(Asset.id.in_(opened)))).scalars()
    steps = []
    for asset in assets:
        steps.append(
            {
                "id": uuid.uuid4(),
                "asset_id": asset.id,
                "action": LifecycleAction.REGISTER,
                "from_status": None,
                "to_status": asset.status,
                "occurred_on": asset.formed_on,
                "reason": "存量台账导入",
                "documents": [],
                "details": {"legacy_ref": asset.legacy_ref},
                "actor": ctx.principal.subject,
                "actor_role": ctx.principal.role.value,
            }
        )
        await ctx.publish(ASSET_REGISTERED, asset.id, registered(asset))
    await repository.add_steps(ctx.session, steps)
