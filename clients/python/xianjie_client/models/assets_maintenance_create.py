from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.assets_maintenance_kind import AssetsMaintenanceKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetsMaintenanceCreate")


@_attrs_define
class AssetsMaintenanceCreate:
    """
    Attributes:
        kind (AssetsMaintenanceKind): routine=日常管护；repair=维修；incident=运维故障
        performed_on (datetime.date): 管护（或故障发生）日期
        description (str):
        cost (int | str): 费用（元）
        resolved_on (datetime.date | None | Unset): 故障排除日期
    """

    kind: AssetsMaintenanceKind
    performed_on: datetime.date
    description: str
    cost: int | str
    resolved_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        performed_on = self.performed_on.isoformat()

        description = self.description

        cost: int | str
        cost = self.cost

        resolved_on: None | str | Unset
        if isinstance(self.resolved_on, Unset):
            resolved_on = UNSET
        elif isinstance(self.resolved_on, datetime.date):
            resolved_on = self.resolved_on.isoformat()
        else:
            resolved_on = self.resolved_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "performed_on": performed_on,
                "description": description,
                "cost": cost,
            }
        )
        if resolved_on is not UNSET:
            field_dict["resolved_on"] = resolved_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = AssetsMaintenanceKind(d.pop("kind"))

        performed_on = datetime.date.fromisoformat(d.pop("performed_on"))

        description = d.pop("description")

        def _parse_cost(data: object) -> int | str:
            return cast(int | str, data)

        cost = _parse_cost(d.pop("cost"))

        def _parse_resolved_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_on_type_0 = datetime.date.fromisoformat(data)

                return resolved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        resolved_on = _parse_resolved_on(d.pop("resolved_on", UNSET))

        assets_maintenance_create = cls(
            kind=kind,
            performed_on=performed_on,
            description=description,
            cost=cost,
            resolved_on=resolved_on,
        )

        return assets_maintenance_create
