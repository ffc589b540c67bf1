from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_dropout_outcome import MonitoringDropoutOutcome
from ..models.monitoring_dropout_status import MonitoringDropoutStatus

T = TypeVar("T", bound="MonitoringDropoutOut")


@_attrs_define
class MonitoringDropoutOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        member_id (UUID):
        town_code (str):
        village_code (str):
        opened_on (datetime.date):
        reason (str):
        status (MonitoringDropoutStatus): 控辍保学: a case opened for a child of compulsory-school age out of school,
            followed until closed.
        follow_ups (int):
        last_followed_on (datetime.date | None):
        last_follow_up (None | str):
        outcome (MonitoringDropoutOutcome | None):
        closed_on (datetime.date | None):
        version (int):
        updated_at (datetime.datetime):
        status_label (str): status 的中文名称
        outcome_label (None | str): outcome 的中文名称
    """

    id: UUID
    household_id: UUID
    member_id: UUID
    town_code: str
    village_code: str
    opened_on: datetime.date
    reason: str
    status: MonitoringDropoutStatus
    follow_ups: int
    last_followed_on: datetime.date | None
    last_follow_up: None | str
    outcome: MonitoringDropoutOutcome | None
    closed_on: datetime.date | None
    version: int
    updated_at: datetime.datetime
    status_label: str
    outcome_label: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        member_id = str(self.member_id)

        town_code = self.town_code

        village_code = self.village_code

        opened_on = self.opened_on.isoformat()

        reason = self.reason

        status = self.status.value

        follow_ups = self.follow_ups

        last_followed_on: None | str
        if isinstance(self.last_followed_on, datetime.date):
            last_followed_on = self.last_followed_on.isoformat()
        else:
            last_followed_on = self.last_followed_on

        last_follow_up: None | str
        last_follow_up = self.last_follow_up

        outcome: None | str
        if isinstance(self.outcome, MonitoringDropoutOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        version = self.version

        updated_at = self.updated_at.isoformat()

        status_label = self.status_label

        outcome_label: None | str
        outcome_label = self.outcome_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "member_id": member_id,
                "town_code": town_code,
                "village_code": village_code,
                "opened_on": opened_on,
                "reason": reason,
                "status": status,
                "follow_ups": follow_ups,
                "last_followed_on": last_followed_on,
                "last_follow_up": last_follow_up,
                "outcome": outcome,
                "closed_on": closed_on,
                "version": version,
                "updated_at": updated_at,
                "status_label": status_label,
                "outcome_label": outcome_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        member_id = UUID(d.pop("member_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        reason = d.pop("reason")

        status = MonitoringDropoutStatus(d.pop("status"))

        follow_ups = d.pop("follow_ups")

        def _parse_last_followed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_followed_on_type_0 = datetime.date.fromisoformat(data)

                return last_followed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_followed_on = _parse_last_followed_on(d.pop("last_followed_on"))

        def _parse_last_follow_up(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_follow_up = _parse_last_follow_up(d.pop("last_follow_up"))

        def _parse_outcome(data: object) -> MonitoringDropoutOutcome | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = MonitoringDropoutOutcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringDropoutOutcome | None, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        status_label = d.pop("status_label")

        def _parse_outcome_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_label = _parse_outcome_label(d.pop("outcome_label"))

        monitoring_dropout_out = cls(
            id=id,
            household_id=household_id,
            member_id=member_id,
            town_code=town_code,
            village_code=village_code,
            opened_on=opened_on,
            reason=reason,
            status=status,
            follow_ups=follow_ups,
            last_followed_on=last_followed_on,
            last_follow_up=last_follow_up,
            outcome=outcome,
            closed_on=closed_on,
            version=version,
            updated_at=updated_at,
            status_label=status_label,
            outcome_label=outcome_label,
        )

        monitoring_dropout_out.additional_properties = d
        return monitoring_dropout_out

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
