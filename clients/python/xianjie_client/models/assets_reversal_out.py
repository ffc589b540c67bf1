from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssetsReversalOut")


@_attrs_define
class AssetsReversalOut:
    """
    Attributes:
        id (UUID):
        reversed_on (datetime.date):
        reason (str):
        approved_by (str):
        approval_ref (str):
        approved_on (datetime.date):
        actor (str):
        recorded_at (datetime.datetime):
    """

    id: UUID
    reversed_on: datetime.date
    reason: str
    approved_by: str
    approval_ref: str
    approved_on: datetime.date
    actor: str
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        reversed_on = self.reversed_on.isoformat()

        reason = self.reason

        approved_by = self.approved_by

        approval_ref = self.approval_ref

        approved_on = self.approved_on.isoformat()

        actor = self.actor

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reversed_on": reversed_on,
                "reason": reason,
                "approved_by": approved_by,
                "approval_ref": approval_ref,
                "approved_on": approved_on,
                "actor": actor,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        reversed_on = datetime.date.fromisoformat(d.pop("reversed_on"))

        reason = d.pop("reason")

        approved_by = d.pop("approved_by")

        approval_ref = d.pop("approval_ref")

        approved_on = datetime.date.fromisoformat(d.pop("approved_on"))

        actor = d.pop("actor")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        assets_reversal_out = cls(
            id=id,
            reversed_on=reversed_on,
            reason=reason,
            approved_by=approved_by,
            approval_ref=approval_ref,
            approved_on=approved_on,
            actor=actor,
            recorded_at=recorded_at,
        )

        assets_reversal_out.additional_properties = d
        return assets_reversal_out

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
