from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_notice_procedure import MonitoringNoticeProcedure
from ..models.monitoring_objection_status import MonitoringObjectionStatus

T = TypeVar("T", bound="MonitoringObjectionOut")


@_attrs_define
class MonitoringObjectionOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        procedure (MonitoringNoticeProcedure): Which procedure's public notice (公示) an objection is lodged against.
        notice_posted_on (datetime.date):
        objector_name (None | str):
        content (str):
        lodged_on (datetime.date):
        recorded_by (str):
        recorded_by_role (str):
        status (MonitoringObjectionStatus): Handling an objection records its finding, which closes it.
        finding (None | str):
        handled_by (None | str):
        handled_by_role (None | str):
        handled_at (datetime.datetime | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        procedure_label (str): procedure 的中文名称
        status_label (str): status 的中文名称
        objector (str): Who objects, as the console shows it: the name given, or 匿名.
    """

    id: UUID
    household_id: UUID
    procedure: MonitoringNoticeProcedure
    notice_posted_on: datetime.date
    objector_name: None | str
    content: str
    lodged_on: datetime.date
    recorded_by: str
    recorded_by_role: str
    status: MonitoringObjectionStatus
    finding: None | str
    handled_by: None | str
    handled_by_role: None | str
    handled_at: datetime.datetime | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    procedure_label: str
    status_label: str
    objector: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        procedure = self.procedure.value

        notice_posted_on = self.notice_posted_on.isoformat()

        objector_name: None | str
        objector_name = self.objector_name

        content = self.content

        lodged_on = self.lodged_on.isoformat()

        recorded_by = self.recorded_by

        recorded_by_role = self.recorded_by_role

        status = self.status.value

        finding: None | str
        finding = self.finding

        handled_by: None | str
        handled_by = self.handled_by

        handled_by_role: None | str
        handled_by_role = self.handled_by_role

        handled_at: None | str
        if isinstance(self.handled_at, datetime.datetime):
            handled_at = self.handled_at.isoformat()
        else:
            handled_at = self.handled_at

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        procedure_label = self.procedure_label

        status_label = self.status_label

        objector = self.objector

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "procedure": procedure,
                "notice_posted_on": notice_posted_on,
                "objector_name": objector_name,
                "content": content,
                "lodged_on": lodged_on,
                "recorded_by": recorded_by,
                "recorded_by_role": recorded_by_role,
                "status": status,
                "finding": finding,
                "handled_by": handled_by,
                "handled_by_role": handled_by_role,
                "handled_at": handled_at,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "procedure_label": procedure_label,
                "status_label": status_label,
                "objector": objector,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        procedure = MonitoringNoticeProcedure(d.pop("procedure"))

        notice_posted_on = datetime.date.fromisoformat(d.pop("notice_posted_on"))

        def _parse_objector_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        objector_name = _parse_objector_name(d.pop("objector_name"))

        content = d.pop("content")

        lodged_on = datetime.date.fromisoformat(d.pop("lodged_on"))

        recorded_by = d.pop("recorded_by")

        recorded_by_role = d.pop("recorded_by_role")

        status = MonitoringObjectionStatus(d.pop("status"))

        def _parse_finding(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        finding = _parse_finding(d.pop("finding"))

        def _parse_handled_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        handled_by = _parse_handled_by(d.pop("handled_by"))

        def _parse_handled_by_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        handled_by_role = _parse_handled_by_role(d.pop("handled_by_role"))

        def _parse_handled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                handled_at_type_0 = datetime.datetime.fromisoformat(data)

                return handled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        handled_at = _parse_handled_at(d.pop("handled_at"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        procedure_label = d.pop("procedure_label")

        status_label = d.pop("status_label")

        objector = d.pop("objector")

        monitoring_objection_out = cls(
            id=id,
            household_id=household_id,
            procedure=procedure,
            notice_posted_on=notice_posted_on,
            objector_name=objector_name,
            content=content,
            lodged_on=lodged_on,
            recorded_by=recorded_by,
            recorded_by_role=recorded_by_role,
            status=status,
            finding=finding,
            handled_by=handled_by,
            handled_by_role=handled_by_role,
            handled_at=handled_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            procedure_label=procedure_label,
            status_label=status_label,
            objector=objector,
        )

        monitoring_objection_out.additional_properties = d
        return monitoring_objection_out

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
