from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="EmploymentCraftsmanCreate")


@_attrs_define
class EmploymentCraftsmanCreate:
    """
    Attributes:
        worker_id (UUID):
        craft (str): 技艺，如 木工、石匠、竹编、豫菜烹饪
    """

    worker_id: UUID
    craft: str

    def to_dict(self) -> dict[str, Any]:
        worker_id = str(self.worker_id)

        craft = self.craft

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "worker_id": worker_id,
                "craft": craft,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        worker_id = UUID(d.pop("worker_id"))

        craft = d.pop("craft")

        employment_craftsman_create = cls(
            worker_id=worker_id,
            craft=craft,
        )

        return employment_craftsman_create
