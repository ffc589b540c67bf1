from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.employment_worker_status import EmploymentWorkerStatus

T = TypeVar("T", bound="EmploymentJobSupportOut")


@_attrs_define
class EmploymentJobSupportOut:
    """A household member listed for job support (就业帮扶), and whether they are placed yet.

    Attributes:
        id (UUID):
        household_id (UUID):
        member_id (UUID):
        town_code (str):
        village_code (str):
        subtype (str):
        risk_causes (list[str]):
        included_on (datetime.date):
        worker_id (None | UUID):
        worker_status (EmploymentWorkerStatus | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    household_id: UUID
    member_id: UUID
    town_code: str
    village_code: str
    subtype: str
    risk_causes: list[str]
    included_on: datetime.date
    worker_id: None | UUID
    worker_status: EmploymentWorkerStatus | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        member_id = str(self.member_id)

        town_code = self.town_code

        village_code = self.village_code

        subtype = self.subtype

        risk_causes = self.risk_causes

        included_on = self.included_on.isoformat()

        worker_id: None | str
        if isinstance(self.worker_id, UUID):
            worker_id = str(self.worker_id)
        else:
            worker_id = self.worker_id

        worker_status: None | str
        if isinstance(self.worker_status, EmploymentWorkerStatus):
            worker_status = self.worker_status.value
        else:
            worker_status = self.worker_status

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "member_id": member_id,
                "town_code": town_code,
                "village_code": village_code,
                "subtype": subtype,
                "risk_causes": risk_causes,
                "included_on": included_on,
                "worker_id": worker_id,
                "worker_status": worker_status,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        member_id = UUID(d.pop("member_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        subtype = d.pop("subtype")

        risk_causes = cast(list[str], d.pop("risk_causes"))

        included_on = datetime.date.fromisoformat(d.pop("included_on"))

        def _parse_worker_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                worker_id_type_0 = UUID(data)

                return worker_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        worker_id = _parse_worker_id(d.pop("worker_id"))

        def _parse_worker_status(data: object) -> EmploymentWorkerStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                worker_status_type_0 = EmploymentWorkerStatus(data)

                return worker_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmploymentWorkerStatus | None, data)

        worker_status = _parse_worker_status(d.pop("worker_status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        employment_job_support_out = cls(
            id=id,
            household_id=household_id,
            member_id=member_id,
            town_code=town_code,
            village_code=village_code,
            subtype=subtype,
            risk_causes=risk_causes,
            included_on=included_on,
            worker_id=worker_id,
            worker_status=worker_status,
            created_at=created_at,
            updated_at=updated_at,
        )

        employment_job_support_out.additional_properties = d
        return employment_job_support_out

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
