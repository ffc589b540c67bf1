from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.employment_nomination_status import EmploymentNominationStatus
from ..models.employment_nomination_tier import EmploymentNominationTier

T = TypeVar("T", bound="EmploymentNominationOut")


@_attrs_define
class EmploymentNominationOut:
    """
    Attributes:
        id (UUID):
        craftsman_id (UUID):
        town_code (str):
        tier (EmploymentNominationTier): provincial=申报省级乡村工匠名师；national=推荐国家级乡村工匠名师
        batch (int | None): 省级名师的申报批次
        nominated_on (datetime.date):
        status (EmploymentNominationStatus): nominated=已申报；recognised=已认定；rejected=未通过
        decided_on (datetime.date | None):
        note (None | str):
        version (int):
        tier_label (str): tier 的中文名称
        status_label (str): status 的中文名称
    """

    id: UUID
    craftsman_id: UUID
    town_code: str
    tier: EmploymentNominationTier
    batch: int | None
    nominated_on: datetime.date
    status: EmploymentNominationStatus
    decided_on: datetime.date | None
    note: None | str
    version: int
    tier_label: str
    status_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        craftsman_id = str(self.craftsman_id)

        town_code = self.town_code

        tier = self.tier.value

        batch: int | None
        batch = self.batch

        nominated_on = self.nominated_on.isoformat()

        status = self.status.value

        decided_on: None | str
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        note: None | str
        note = self.note

        version = self.version

        tier_label = self.tier_label

        status_label = self.status_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "craftsman_id": craftsman_id,
                "town_code": town_code,
                "tier": tier,
                "batch": batch,
                "nominated_on": nominated_on,
                "status": status,
                "decided_on": decided_on,
                "note": note,
                "version": version,
                "tier_label": tier_label,
                "status_label": status_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        craftsman_id = UUID(d.pop("craftsman_id"))

        town_code = d.pop("town_code")

        tier = EmploymentNominationTier(d.pop("tier"))

        def _parse_batch(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        batch = _parse_batch(d.pop("batch"))

        nominated_on = datetime.date.fromisoformat(d.pop("nominated_on"))

        status = EmploymentNominationStatus(d.pop("status"))

        def _parse_decided_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decided_on = _parse_decided_on(d.pop("decided_on"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        version = d.pop("version")

        tier_label = d.pop("tier_label")

        status_label = d.pop("status_label")

        employment_nomination_out = cls(
            id=id,
            craftsman_id=craftsman_id,
            town_code=town_code,
            tier=tier,
            batch=batch,
            nominated_on=nominated_on,
            status=status,
            decided_on=decided_on,
            note=note,
            version=version,
            tier_label=tier_label,
            status_label=status_label,
        )

        employment_nomination_out.additional_properties = d
        return employment_nomination_out

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
