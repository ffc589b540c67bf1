from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundsBusinessOut")


@_attrs_define
class FundsBusinessOut:
    """
    Attributes:
        id (UUID):
        industry_id (UUID):
        name (str):
        kind (str):
        failing_since (datetime.date | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    industry_id: UUID
    name: str
    kind: str
    failing_since: datetime.date | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        industry_id = str(self.industry_id)

        name = self.name

        kind = self.kind

        failing_since: None | str
        if isinstance(self.failing_since, datetime.date):
            failing_since = self.failing_since.isoformat()
        else:
            failing_since = self.failing_since

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "industry_id": industry_id,
                "name": name,
                "kind": kind,
                "failing_since": failing_since,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        industry_id = UUID(d.pop("industry_id"))

        name = d.pop("name")

        kind = d.pop("kind")

        def _parse_failing_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failing_since_type_0 = datetime.date.fromisoformat(data)

                return failing_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        failing_since = _parse_failing_since(d.pop("failing_since"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        funds_business_out = cls(
            id=id,
            industry_id=industry_id,
            name=name,
            kind=kind,
            failing_since=failing_since,
            created_at=created_at,
            updated_at=updated_at,
        )

        funds_business_out.additional_properties = d
        return funds_business_out

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
