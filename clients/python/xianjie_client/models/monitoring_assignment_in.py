from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_support_kind import MonitoringSupportKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringAssignmentIn")


@_attrs_define
class MonitoringAssignmentIn:
    """
    Attributes:
        kind (MonitoringSupportKind): Who answers for a village (seed §三(九): 示范区领导包抓、部门包扶、企业帮建).
        village_code (str): 村（社区）代码
        responsible (str): 领导姓名、包扶部门或帮建企业
        valid_from (datetime.date):
        user_id (None | str | Unset): 登录本系统的账号（网关用户 id）
        valid_to (datetime.date | None | Unset):
        note (str | Unset):  Default: ''.
    """

    kind: MonitoringSupportKind
    village_code: str
    responsible: str
    valid_from: datetime.date
    user_id: None | str | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        village_code = self.village_code

        responsible = self.responsible

        valid_from = self.valid_from.isoformat()

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "village_code": village_code,
                "responsible": responsible,
                "valid_from": valid_from,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = MonitoringSupportKind(d.pop("kind"))

        village_code = d.pop("village_code")

        responsible = d.pop("responsible")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

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

        note = d.pop("note", UNSET)

        monitoring_assignment_in = cls(
            kind=kind,
            village_code=village_code,
            responsible=responsible,
            valid_from=valid_from,
            user_id=user_id,
            valid_to=valid_to,
            note=note,
        )

        return monitoring_assignment_in
