from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assets_use_status import AssetsUseStatus

T = TypeVar("T", bound="AssetsUseCheckOut")


@_attrs_define
class AssetsUseCheckOut:
    """
    Attributes:
        id (UUID):
        asset_id (UUID):
        checked_on (datetime.date):
        use_status (AssetsUseStatus): 公益性资产使用状况.
        note (None | str):
        actor (str):
        recorded_at (datetime.datetime):
        use_status_label (str): use_status 的中文名称
    """

    id: UUID
    asset_id: UUID
    checked_on: datetime.date
    use_status: AssetsUseStatus
    note: None | str
    actor: str
    recorded_at: datetime.datetime
    use_status_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        asset_id = str(self.asset_id)

        checked_on = self.checked_on.isoformat()

        use_status = self.use_status.value

        note: None | str
        note = self.note

        actor = self.actor

        recorded_at = self.recorded_at.isoformat()

        use_status_label = self.use_status_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "asset_id": asset_id,
                "checked_on": checked_on,
                "use_status": use_status,
                "note": note,
                "actor": actor,
                "recorded_at": recorded_at,
                "use_status_label": use_status_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        asset_id = UUID(d.pop("asset_id"))

        checked_on = datetime.date.fromisoformat(d.pop("checked_on"))

        use_status = AssetsUseStatus(d.pop("use_status"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        actor = d.pop("actor")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        use_status_label = d.pop("use_status_label")

        assets_use_check_out = cls(
            id=id,
            asset_id=asset_id,
            checked_on=checked_on,
            use_status=use_status,
            note=note,
            actor=actor,
            recorded_at=recorded_at,
            use_status_label=use_status_label,
        )

        assets_use_check_out.additional_properties = d
        return assets_use_check_out

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
