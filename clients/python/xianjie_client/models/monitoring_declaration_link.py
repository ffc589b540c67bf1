from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringDeclarationLink")


@_attrs_define
class MonitoringDeclarationLink:
    """
    Attributes:
        household_id (UUID): 已登记（或刚登记）的农户；申报随即转为该户的预警
    """

    household_id: UUID

    def to_dict(self) -> dict[str, Any]:
        household_id = str(self.household_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "household_id": household_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        household_id = UUID(d.pop("household_id"))

        monitoring_declaration_link = cls(
            household_id=household_id,
        )

        return monitoring_declaration_link
