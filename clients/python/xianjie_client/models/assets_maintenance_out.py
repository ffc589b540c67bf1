from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assets_maintenance_kind import AssetsMaintenanceKind

T = TypeVar("T", bound="AssetsMaintenanceOut")


@_attrs_define
class AssetsMaintenanceOut:
    """
    Attributes:
        id (UUID):
        asset_id (UUID):
        kind (AssetsMaintenanceKind): routine=日常管护；repair=维修；incident=运维故障
        performed_on (datetime.date):
        description (str):
        cost (str):
        resolved_on (datetime.date | None):
        actor (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        kind_label (str): kind 的中文名称
    """

    id: UUID
    asset_id: UUID
    kind: AssetsMaintenanceKind
    performed_on: datetime.date
    description: str
    cost: str
    resolved_on: datetime.date | None
    actor: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        asset_id = str(self.asset_id)

        kind = self.kind.value

        performed_on = self.performed_on.isoformat()

        description = self.description

        cost = self.cost

        resolved_on: None | str
        if isinstance(self.resolved_on, datetime.date):
            resolved_on = self.resolved_on.isoformat()
        else:
            resolved_on = self.resolved_on

        actor = self.actor

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        kind_label = self.kind_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "asset_id": asset_id,
                "kind": kind,
                "performed_on": performed_on,
                "description": description,
                "cost": cost,
                "resolved_on": resolved_on,
                "actor": actor,
                "created_at": created_at,
                "updated_at": updated_at,
                "kind_label": kind_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        asset_id = UUID(d.pop("asset_id"))

        kind = AssetsMaintenanceKind(d.pop("kind"))

        performed_on = datetime.date.fromisoformat(d.pop("performed_on"))

        description = d.pop("description")

        cost = d.pop("cost")

        def _parse_resolved_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_on_type_0 = datetime.date.fromisoformat(data)

                return resolved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        resolved_on = _parse_resolved_on(d.pop("resolved_on"))

        actor = d.pop("actor")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        kind_label = d.pop("kind_label")

        assets_maintenance_out = cls(
            id=id,
            asset_id=asset_id,
            kind=kind,
            performed_on=performed_on,
            description=description,
            cost=cost,
            resolved_on=resolved_on,
            actor=actor,
            created_at=created_at,
            updated_at=updated_at,
            kind_label=kind_label,
        )

        assets_maintenance_out.additional_properties = d
        return assets_maintenance_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
