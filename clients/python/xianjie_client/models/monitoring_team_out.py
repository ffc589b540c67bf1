from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.monitoring_team_member_out import MonitoringTeamMemberOut


T = TypeVar("T", bound="MonitoringTeamOut")


@_attrs_define
class MonitoringTeamOut:
    """
    Attributes:
        id (UUID):
        town_code (str):
        village_code (str):
        sending_unit (str):
        valid_from (datetime.date):
        valid_to (datetime.date | None):
        predecessor_id (None | UUID):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        members (list[MonitoringTeamMemberOut] | Unset):
    """

    id: UUID
    town_code: str
    village_code: str
    sending_unit: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    predecessor_id: None | UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    members: list[MonitoringTeamMemberOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        town_code = self.town_code

        village_code = self.village_code

        sending_unit = self.sending_unit

        valid_from = self.valid_from.isoformat()

        valid_to: None | str
        if isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        predecessor_id: None | str
        if isinstance(self.predecessor_id, UUID):
            predecessor_id = str(self.predecessor_id)
        else:
            predecessor_id = self.predecessor_id

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "town_code": town_code,
                "village_code": village_code,
                "sending_unit": sending_unit,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "predecessor_id": predecessor_id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_team_member_out import MonitoringTeamMemberOut  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        sending_unit = d.pop("sending_unit")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        def _parse_valid_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_to = _parse_valid_to(d.pop("valid_to"))

        def _parse_predecessor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                predecessor_id_type_0 = UUID(data)

                return predecessor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        predecessor_id = _parse_predecessor_id(d.pop("predecessor_id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _members = d.pop("members", UNSET)
        members: list[MonitoringTeamMemberOut] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = MonitoringTeamMemberOut.from_dict(members_item_data)

                members.append(members_item)

        monitoring_team_out = cls(
            id=id,
            town_code=town_code,
            village_code=village_code,
            sending_unit=sending_unit,
            valid_from=valid_from,
            valid_to=valid_to,
            predecessor_id=predecessor_id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            members=members,
        )

        monitoring_team_out.additional_properties = d
        return monitoring_team_out

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
