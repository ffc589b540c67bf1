from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.employment_nomination_status import EmploymentNominationStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="EmploymentNominationDecision")


@_attrs_define
class EmploymentNominationDecision:
    """
    Attributes:
        status (EmploymentNominationStatus): nominated=已申报；recognised=已认定；rejected=未通过
        decided_on (datetime.date):
        note (None | str | Unset):
    """

    status: EmploymentNominationStatus
    decided_on: datetime.date
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        decided_on = self.decided_on.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "decided_on": decided_on,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = EmploymentNominationStatus(d.pop("status"))

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        employment_nomination_decision = cls(
            status=status,
            decided_on=decided_on,
            note=note,
        )

        return employment_nomination_decision
