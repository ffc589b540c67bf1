from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.monitoring_team_member_in import MonitoringTeamMemberIn


T = TypeVar("T", bound="MonitoringTeamIn")


@_attrs_define
class MonitoringTeamIn:
    """
    Attributes:
        village_code (str): 村（社区）代码
        sending_unit (str): 派出单位
        valid_from (datetime.date):
        valid_to (datetime.date | None | Unset):
        predecessor_id (None | Unset | UUID): 轮换：被接替的上一支工作队（其任期在本队开始前一日结束）
        members (list[MonitoringTeamMemberIn] | Unset):
    """

    village_code: str
    sending_unit: str
    valid_from: datetime.date
    valid_to: datetime.date | None | Unset = UNSET
    predecessor_id: None | Unset | UUID = UNSET
    members: list[MonitoringTeamMemberIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        village_code = self.village_code

        sending_unit = self.sending_unit

        valid_from = self.valid_from.isoformat()

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        predecessor_id: None | str | Unset
        if isinstance(self.predecessor_id, Unset):
            predecessor_id = UNSET
        elif isinstance(self.predecessor_id, UUID):
            predecessor_id = str(self.predecessor_id)
        else:
            predecessor_id = self.predecessor_id

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "village_code": village_code,
                "sending_unit": sending_unit,
                "valid_from": valid_from,
            }
        )
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to
        if predecessor_id is not UNSET:
            field_dict["predecessor_id"] = predecessor_id
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_team_member_in import MonitoringTeamMemberIn  # noqa: PLC0415

        d = dict(src_dict)
        village_code = d.pop("village_code")

        sending_unit = d.pop("sending_unit")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))

        def _parse_predecessor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                predecessor_id_type_0 = UUID(data)

                return predecessor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        predecessor_id = _parse_predecessor_id(d.pop("predecessor_id", UNSET))

        _members = d.pop("members", UNSET)
        members: list[MonitoringTeamMemberIn] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = MonitoringTeamMemberIn.from_dict(members_item_data)

                members.append(members_item)

        monitoring_team_in = cls(
            village_code=village_code,
            sending_unit=sending_unit,
            valid_from=valid_from,
            valid_to=valid_to,
            predecessor_id=predecessor_id,
            members=members,
        )

        return monitoring_team_in
