from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_measure_kind import MonitoringMeasureKind

T = TypeVar("T", bound="MonitoringMeasureOut")


@_attrs_define
class MonitoringMeasureOut:
    """
    Attributes:
        id (UUID):
        policy_id (None | UUID):
        kind (MonitoringMeasureKind): developmental=开发式帮扶；safety_net=兜底保障
        description (str):
        owner (str):
        starts_on (datetime.date):
        ends_on (datetime.date):
        member_id (None | UUID):
        delivered_on (datetime.date | None): 落实日期；为空表示尚未落实
        delivered_by (None | str):
        delivery_note (None | str):
        ended_on (datetime.date | None): 终止日期；为空表示未终止
        end_reason (None | str):
        replaces_id (None | UUID): 本措施替换的原措施
        kind_label (str): kind 的中文名称
    """

    id: UUID
    policy_id: None | UUID
    kind: MonitoringMeasureKind
    description: str
    owner: str
    starts_on: datetime.date
    ends_on: datetime.date
    member_id: None | UUID
    delivered_on: datetime.date | None
    delivered_by: None | str
    delivery_note: None | str
    ended_on: datetime.date | None
    end_reason: None | str
    replaces_id: None | UUID
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        policy_id: None | str
        if isinstance(self.policy_id, UUID):
            policy_id = str(self.policy_id)
        else:
            policy_id = self.policy_id

        kind = self.kind.value

        description = self.description

        owner = self.owner

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        member_id: None | str
        if isinstance(self.member_id, UUID):
            member_id = str(self.member_id)
        else:
            member_id = self.member_id

        delivered_on: None | str
        if isinstance(self.delivered_on, datetime.date):
            delivered_on = self.delivered_on.isoformat()
        else:
            delivered_on = self.delivered_on

        delivered_by: None | str
        delivered_by = self.delivered_by

        delivery_note: None | str
        delivery_note = self.delivery_note

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        end_reason: None | str
        end_reason = self.end_reason

        replaces_id: None | str
        if isinstance(self.replaces_id, UUID):
            replaces_id = str(self.replaces_id)
        else:
            replaces_id = self.replaces_id

        kind_label = self.kind_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "policy_id": policy_id,
                "kind": kind,
                "description": description,
                "owner": owner,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "member_id": member_id,
                "delivered_on": delivered_on,
                "delivered_by": delivered_by,
                "delivery_note": delivery_note,
                "ended_on": ended_on,
                "end_reason": end_reason,
                "replaces_id": replaces_id,
                "kind_label": kind_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_policy_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                policy_id_type_0 = UUID(data)

                return policy_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        policy_id = _parse_policy_id(d.pop("policy_id"))

        kind = MonitoringMeasureKind(d.pop("kind"))

        description = d.pop("description")

        owner = d.pop("owner")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        def _parse_member_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                member_id_type_0 = UUID(data)

                return member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        member_id = _parse_member_id(d.pop("member_id"))

        def _parse_delivered_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_on_type_0 = datetime.date.fromisoformat(data)

                return delivered_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        delivered_on = _parse_delivered_on(d.pop("delivered_on"))

        def _parse_delivered_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        delivered_by = _parse_delivered_by(d.pop("delivered_by"))

        def _parse_delivery_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        delivery_note = _parse_delivery_note(d.pop("delivery_note"))

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

        def _parse_replaces_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replaces_id_type_0 = UUID(data)

                return replaces_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        replaces_id = _parse_replaces_id(d.pop("replaces_id"))

        kind_label = d.pop("kind_label")

        monitoring_measure_out = cls(
            id=id,
            policy_id=policy_id,
            kind=kind,
            description=description,
            owner=owner,
            starts_on=starts_on,
            ends_on=ends_on,
            member_id=member_id,
            delivered_on=delivered_on,
            delivered_by=delivered_by,
            delivery_note=delivery_note,
            ended_on=ended_on,
            end_reason=end_reason,
            replaces_id=replaces_id,
            kind_label=kind_label,
        )

        monitoring_measure_out.additional_properties = d
        return monitoring_measure_out

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
