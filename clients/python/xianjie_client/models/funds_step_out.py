from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_project_status import FundsProjectStatus

T = TypeVar("T", bound="FundsStepOut")


@_attrs_define
class FundsStepOut:
    """
    Attributes:
        id (int):
        from_status (FundsProjectStatus | None):
        to_status (FundsProjectStatus): A project's life (domain §3), in order; ``rejected`` ends a failed entry review.
        actor (str):
        actor_role (str):
        reason (str):
        documents (list[str]):
        at (datetime.datetime):
    """

    id: int
    from_status: FundsProjectStatus | None
    to_status: FundsProjectStatus
    actor: str
    actor_role: str
    reason: str
    documents: list[str]
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        from_status: None | str
        if isinstance(self.from_status, FundsProjectStatus):
            from_status = self.from_status.value
        else:
            from_status = self.from_status

        to_status = self.to_status.value

        actor = self.actor

        actor_role = self.actor_role

        reason = self.reason

        documents = self.documents

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "from_status": from_status,
                "to_status": to_status,
                "actor": actor,
                "actor_role": actor_role,
                "reason": reason,
                "documents": documents,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_from_status(data: object) -> FundsProjectStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = FundsProjectStatus(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FundsProjectStatus | None, data)

        from_status = _parse_from_status(d.pop("from_status"))

        to_status = FundsProjectStatus(d.pop("to_status"))

        actor = d.pop("actor")

        actor_role = d.pop("actor_role")

        reason = d.pop("reason")

        documents = cast(list[str], d.pop("documents"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        funds_step_out = cls(
            id=id,
            from_status=from_status,
            to_status=to_status,
            actor=actor,
            actor_role=actor_role,
            reason=reason,
            documents=documents,
            at=at,
        )

        funds_step_out.additional_properties = d
        return funds_step_out

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
