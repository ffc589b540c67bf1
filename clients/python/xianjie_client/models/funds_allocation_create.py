from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundsAllocationCreate")


@_attrs_define
class FundsAllocationCreate:
    """
    Attributes:
        project_id (UUID):
        amount (int | str): 安排金额（元）
    """

    project_id: UUID
    amount: int | str

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        amount: int | str
        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "project_id": project_id,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        funds_allocation_create = cls(
            project_id=project_id,
            amount=amount,
        )

        return funds_allocation_create
