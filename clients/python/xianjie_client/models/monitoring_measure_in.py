from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.monitoring_measure_kind import MonitoringMeasureKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringMeasureIn")


@_attrs_define
class MonitoringMeasureIn:
    """
    Attributes:
        description (str):
        owner (str): 责任人或责任单位
        starts_on (datetime.date):
        ends_on (datetime.date):
        policy_code (None | str | Unset): 来自政策工具箱（可选）
        kind (MonitoringMeasureKind | None | Unset): 不填时取政策的类型；无政策时必填
        member_id (None | Unset | UUID): 措施落实到人时填写：该户在册成员（开发式帮扶措施按人统计）
    """

    description: str
    owner: str
    starts_on: datetime.date
    ends_on: datetime.date
    policy_code: None | str | Unset = UNSET
    kind: MonitoringMeasureKind | None | Unset = UNSET
    member_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        owner = self.owner

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        policy_code: None | str | Unset
        if isinstance(self.policy_code, Unset):
            policy_code = UNSET
        else:
            policy_code = self.policy_code

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, MonitoringMeasureKind):
            kind = self.kind.value
        else:
            kind = self.kind

        member_id: None | str | Unset
        if isinstance(self.member_id, Unset):
            member_id = UNSET
        elif isinstance(self.member_id, UUID):
            member_id = str(self.member_id)
        else:
            member_id = self.member_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "owner": owner,
                "starts_on": starts_on,
                "ends_on": ends_on,
            }
        )
        if policy_code is not UNSET:
            field_dict["policy_code"] = policy_code
        if kind is not UNSET:
            field_dict["kind"] = kind
        if member_id is not UNSET:
            field_dict["member_id"] = member_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        owner = d.pop("owner")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        def _parse_policy_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy_code = _parse_policy_code(d.pop("policy_code", UNSET))

        def _parse_kind(data: object) -> MonitoringMeasureKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = MonitoringMeasureKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringMeasureKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_member_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                member_id_type_0 = UUID(data)

                return member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        member_id = _parse_member_id(d.pop("member_id", UNSET))

        monitoring_measure_in = cls(
            description=description,
            owner=owner,
            starts_on=starts_on,
            ends_on=ends_on,
            policy_code=policy_code,
            kind=kind,
            member_id=member_id,
        )

        return monitoring_measure_in
