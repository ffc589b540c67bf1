from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="EmploymentBrandWorkerCreate")


@_attrs_define
class EmploymentBrandWorkerCreate:
    """
    Attributes:
        worker_id (UUID):
        joined_on (datetime.date):
    """

    worker_id: UUID
    joined_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        worker_id = str(self.worker_id)

        joined_on = self.joined_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "worker_id": worker_id,
                "joined_on": joined_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        worker_id = UUID(d.pop("worker_id"))

        joined_on = datetime.date.fromisoformat(d.pop("joined_on"))

        employment_brand_worker_create = cls(
            worker_id=worker_id,
            joined_on=joined_on,
        )

        return employment_brand_worker_create
