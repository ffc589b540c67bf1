"""Tables of the assets service (schema ``assets``)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import CheckConstraint, DateTime, Enum, Index, Integer, Numeric, String, Uuid, func
from sqlalchemy.orm import Mapped, mapped_column

from shared.db import declarative_base
from shared.tables import add_kit_tables

SCHEMA = "assets"
Base = declarative_base(SCHEMA)
kit = add_kit_tables(Base.metadata)


class AssetKind(StrEnum):
    OPERATING = "operating"  # 经营性
    PUBLIC_WELFARE = "public_welfare"  # 公益性
    HOUSEHOLD = "household"  # 到户类


ASSET_KIND_LABELS = {
    AssetKind.OPERATING: "经营性",
    AssetKind.PUBLIC_WELFARE: "公益性",
    AssetKind.HOUSEHOLD: "到户类",
}


class OwnerKind(StrEnum):
    VILLAGE_COLLECTIVE = "village_collective"  # 村集体
    HOUSEHOLD = "household"  # 农户
    OTHER = "other"  # 其他


OWNER_KIND_LABELS = {
    OwnerKind.VILLAGE_COLLECTIVE: "村集体",
    OwnerKind.HOUSEHOLD: "农户",
    OwnerKind.OTHER: "其他",
}


class AssetStatus(StrEnum):
    """An asset's life (domain §4): formed → 确权 → 移交 → 管护运营 → 收益分配 → 处置; grows later."""

    FORMED = "formed"  # 已形成


ASSET_STATUS_LABELS = {AssetStatus.FORMED: "已形成"}


def _enum(e: type[StrEnum], name: str) -> Enum:
    return Enum(e, name=name, schema=SCHEMA, values_callable=lambda x: [m.value for m in x])


class Asset(Base):
    """帮扶项目资产：one line of the unified asset ledger (资产登记管理台账)."""

    __tablename__ = "assets"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[AssetKind] = mapped_column(_enum(AssetKind, "asset_kind"))
    town_code: Mapped[str] = mapped_column(String(9))
    village_code: Mapped[str] = mapped_column(String(12))
    value: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    # The funds service's project that formed it (资金、项目、资产一体化); no FK across services.
    source_project_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    owner_kind: Mapped[OwnerKind] = mapped_column(_enum(OwnerKind, "owner_kind"))
    status: Mapped[AssetStatus] = mapped_column(
        _enum(AssetStatus, "asset_status"), default=AssetStatus.FORMED
    )
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("left(village_code, 9) = town_code", name="village_in_town"),
        CheckConstraint("value >= 0", name="value_non_negative"),
        Index(None, "town_code", "village_code"),
        Index(None, "source_project_id"),
        Index(None, "updated_at", "id"),
    )
