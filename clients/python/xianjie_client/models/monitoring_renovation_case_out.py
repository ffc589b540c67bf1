from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_renovation_status import MonitoringRenovationStatus

T = TypeVar("T", bound="MonitoringRenovationCaseOut")


@_attrs_define
class MonitoringRenovationCaseOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        town_code (str):
        village_code (str):
        opening_appraisal_id (UUID):
        opened_on (datetime.date):
        status (MonitoringRenovationStatus): 危房改造: opened by a C/D appraisal, completed by the works, closed by a safe
            re-appraisal.
        completed_on (datetime.date | None):
        closing_appraisal_id (None | UUID):
        closed_on (datetime.date | None):
        version (int):
        updated_at (datetime.datetime):
        status_label (str): status 的中文名称
    """

    id: UUID
    household_id: UUID
    town_code: str
    village_code: str
    opening_appraisal_id: UUID
    opened_on: datetime.date
    status: MonitoringRenovationStatus
    completed_on: datetime.date | None
    closing_appraisal_id: None | UUID
    closed_on: datetime.date | None
    version: int
    updated_at: datetime.datetime
    status_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        town_code = self.town_code

        village_code = self.village_code

        opening_appraisal_id = str(self.opening_appraisal_id)

        opened_on = self.opened_on.isoformat()

        status = self.status.value

        completed_on: None | str
        if isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        closing_appraisal_id: None | str
        if isinstance(self.closing_appraisal_id, UUID):
            closing_appraisal_id = str(self.closing_appraisal_id)
        else:
            closing_appraisal_id = self.closing_appraisal_id

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        version = self.version

        updated_at = self.updated_at.isoformat()

        status_label = self.status_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "town_code": town_code,
                "village_code": village_code,
                "opening_appraisal_id": opening_appraisal_id,
                "opened_on": opened_on,
                "status": status,
                "completed_on": completed_on,
                "closing_appraisal_id": closing_appraisal_id,
                "closed_on": closed_on,
                "version": version,
                "updated_at": updated_at,
                "status_label": status_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        opening_appraisal_id = UUID(d.pop("opening_appraisal_id"))

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        status = MonitoringRenovationStatus(d.pop("status"))

        def _parse_completed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        completed_on = _parse_completed_on(d.pop("completed_on"))

        def _parse_closing_appraisal_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closing_appraisal_id_type_0 = UUID(data)

                return closing_appraisal_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        closing_appraisal_id = _parse_closing_appraisal_id(d.pop("closing_appraisal_id"))

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        status_label = d.pop("status_label")

        monitoring_renovation_case_out = cls(
            id=id,
            household_id=household_id,
            town_code=town_code,
            village_code=village_code,
            opening_appraisal_id=opening_appraisal_id,
            opened_on=opened_on,
            status=status,
            completed_on=completed_on,
            closing_appraisal_id=closing_appraisal_id,
            closed_on=closed_on,
            version=version,
            updated_at=updated_at,
            status_label=status_label,
        )

        monitoring_renovation_case_out.additional_properties = d
        return monitoring_renovation_case_out

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
