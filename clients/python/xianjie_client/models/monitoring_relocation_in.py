from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringRelocationIn")


@_attrs_define
class MonitoringRelocationIn:
    """
    Attributes:
        household_id (UUID):
        moved_on (datetime.date): 搬迁入住日期
    """

    household_id: UUID
    moved_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        household_id = str(self.household_id)

        moved_on = self.moved_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "household_id": household_id,
                "moved_on": moved_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        household_id = UUID(d.pop("household_id"))

        moved_on = datetime.date.fromisoformat(d.pop("moved_on"))

        monitoring_relocation_in = cls(
            household_id=household_id,
            moved_on=moved_on,
        )

        return monitoring_relocation_in
