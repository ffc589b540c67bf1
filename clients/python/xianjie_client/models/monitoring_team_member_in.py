from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_team_role import MonitoringTeamRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringTeamMemberIn")


@_attrs_define
class MonitoringTeamMemberIn:
    """
    Attributes:
        role (MonitoringTeamRole): first_secretary=第一书记；member=工作队员
        name (str):
        user_id (None | str | Unset): 网关用户 id（登录者）
        valid_from (datetime.date | None | Unset): 默认为工作队任期开始日
    """

    role: MonitoringTeamRole
    name: str
    user_id: None | str | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        name = self.name

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
                "name": name,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = MonitoringTeamRole(d.pop("role"))

        name = d.pop("name")

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        def _parse_valid_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))

        monitoring_team_member_in = cls(
            role=role,
            name=name,
            user_id=user_id,
            valid_from=valid_from,
        )

        return monitoring_team_member_in
