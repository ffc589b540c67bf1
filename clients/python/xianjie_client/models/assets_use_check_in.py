from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.assets_use_status import AssetsUseStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetsUseCheckIn")


@_attrs_define
class AssetsUseCheckIn:
    """
    Attributes:
        checked_on (datetime.date): 核查日期
        use_status (AssetsUseStatus): 公益性资产使用状况.
        note (None | str | Unset):
    """

    checked_on: datetime.date
    use_status: AssetsUseStatus
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        checked_on = self.checked_on.isoformat()

        use_status = self.use_status.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checked_on": checked_on,
                "use_status": use_status,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checked_on = datetime.date.fromisoformat(d.pop("checked_on"))

        use_status = AssetsUseStatus(d.pop("use_status"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        assets_use_check_in = cls(
            checked_on=checked_on,
            use_status=use_status,
            note=note,
        )

        return assets_use_check_in
