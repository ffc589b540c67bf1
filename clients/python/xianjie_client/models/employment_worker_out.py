from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.employment_work_place import EmploymentWorkPlace
from ..models.employment_worker_status import EmploymentWorkerStatus

T = TypeVar("T", bound="EmploymentWorkerOut")


@_attrs_define
class EmploymentWorkerOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        member_id (UUID):
        town_code (str):
        village_code (str):
        status (EmploymentWorkerStatus): employed=务工就业；unemployed=未就业
        employer (None | str):
        place (EmploymentWorkPlace | None):
        monthly_wage (None | str):
        employed_since (datetime.date | None):
        ended_on (datetime.date | None):
        end_reason (None | str):
        skills (list[str]):
        verified_on (datetime.date): 最近核实日期（现场核实或月度导入）。核实不改变 version 与 updated_at，增量同步不含仅核实的记录，待跟进名单以 /v1/workers/stale
            为准 / last confirmed (field app or monthly file); a confirmation changes neither version nor updated_at, so delta
            sync does not carry it — the stale list is /v1/workers/stale
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        status_label (str): status 的中文名称
        place_label (None | str): place 的中文名称
    """

    id: UUID
    household_id: UUID
    member_id: UUID
    town_code: str
    village_code: str
    status: EmploymentWorkerStatus
    employer: None | str
    place: EmploymentWorkPlace | None
    monthly_wage: None | str
    employed_since: datetime.date | None
    ended_on: datetime.date | None
    end_reason: None | str
    skills: list[str]
    verified_on: datetime.date
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    status_label: str
    place_label: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        member_id = str(self.member_id)

        town_code = self.town_code

        village_code = self.village_code

        status = self.status.value

        employer: None | str
        employer = self.employer

        place: None | str
        if isinstance(self.place, EmploymentWorkPlace):
            place = self.place.value
        else:
            place = self.place

        monthly_wage: None | str
        monthly_wage = self.monthly_wage

        employed_since: None | str
        if isinstance(self.employed_since, datetime.date):
            employed_since = self.employed_since.isoformat()
        else:
            employed_since = self.employed_since

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        end_reason: None | str
        end_reason = self.end_reason

        skills = self.skills

        verified_on = self.verified_on.isoformat()

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        status_label = self.status_label

        place_label: None | str
        place_label = self.place_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "member_id": member_id,
                "town_code": town_code,
                "village_code": village_code,
                "status": status,
                "employer": employer,
                "place": place,
                "monthly_wage": monthly_wage,
                "employed_since": employed_since,
                "ended_on": ended_on,
                "end_reason": end_reason,
                "skills": skills,
                "verified_on": verified_on,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "status_label": status_label,
                "place_label": place_label,
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

        status = EmploymentWorkerStatus(d.pop("status"))

        def _parse_employer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        employer = _parse_employer(d.pop("employer"))

        def _parse_place(data: object) -> EmploymentWorkPlace | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                place_type_0 = EmploymentWorkPlace(data)

                return place_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmploymentWorkPlace | None, data)

        place = _parse_place(d.pop("place"))

        def _parse_monthly_wage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        monthly_wage = _parse_monthly_wage(d.pop("monthly_wage"))

        def _parse_employed_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employed_since_type_0 = datetime.date.fromisoformat(data)

                return employed_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        employed_since = _parse_employed_since(d.pop("employed_since"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        def _parse_end_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))

        skills = cast(list[str], d.pop("skills"))

        verified_on = datetime.date.fromisoformat(d.pop("verified_on"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        status_label = d.pop("status_label")

        def _parse_place_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        place_label = _parse_place_label(d.pop("place_label"))

        employment_worker_out = cls(
            id=id,
            household_id=household_id,
            member_id=member_id,
            town_code=town_code,
            village_code=village_code,
            status=status,
            employer=employer,
            place=place,
            monthly_wage=monthly_wage,
            employed_since=employed_since,
            ended_on=ended_on,
            end_reason=end_reason,
            skills=skills,
            verified_on=verified_on,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            status_label=status_label,
            place_label=place_label,
        )

        employment_worker_out.additional_properties = d
        return employment_worker_out

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
