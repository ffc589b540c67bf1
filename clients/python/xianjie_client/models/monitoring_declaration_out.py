from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_declaration_status import MonitoringDeclarationStatus
from ..models.monitoring_risk_cause import MonitoringRiskCause

T = TypeVar("T", bound="MonitoringDeclarationOut")


@_attrs_define
class MonitoringDeclarationOut:
    """A declaration as the village's cadres see it (ID number and phone masked).

    Attributes:
        id (UUID):
        tracking_code (str):
        town_code (str):
        village_code (str):
        applicant_name (str):
        id_number_masked (str):
        phone_masked (str):
        account (str):
        risk_causes (list[MonitoringRiskCause]):
        status (MonitoringDeclarationStatus): Where a public self-declaration stands in the village's inbox.
        household_id (None | UUID):
        alert_id (None | UUID):
        dismissal_reason (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        status_label (str): status 的中文名称
        risk_cause_labels (list[str]): risk_causes 的中文名称
    """

    id: UUID
    tracking_code: str
    town_code: str
    village_code: str
    applicant_name: str
    id_number_masked: str
    phone_masked: str
    account: str
    risk_causes: list[MonitoringRiskCause]
    status: MonitoringDeclarationStatus
    household_id: None | UUID
    alert_id: None | UUID
    dismissal_reason: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    status_label: str
    risk_cause_labels: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        tracking_code = self.tracking_code

        town_code = self.town_code

        village_code = self.village_code

        applicant_name = self.applicant_name

        id_number_masked = self.id_number_masked

        phone_masked = self.phone_masked

        account = self.account

        risk_causes = []
        for risk_causes_item_data in self.risk_causes:
            risk_causes_item = risk_causes_item_data.value
            risk_causes.append(risk_causes_item)

        status = self.status.value

        household_id: None | str
        if isinstance(self.household_id, UUID):
            household_id = str(self.household_id)
        else:
            household_id = self.household_id

        alert_id: None | str
        if isinstance(self.alert_id, UUID):
            alert_id = str(self.alert_id)
        else:
            alert_id = self.alert_id

        dismissal_reason: None | str
        dismissal_reason = self.dismissal_reason

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        status_label = self.status_label

        risk_cause_labels = self.risk_cause_labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tracking_code": tracking_code,
                "town_code": town_code,
                "village_code": village_code,
                "applicant_name": applicant_name,
                "id_number_masked": id_number_masked,
                "phone_masked": phone_masked,
                "account": account,
                "risk_causes": risk_causes,
                "status": status,
                "household_id": household_id,
                "alert_id": alert_id,
                "dismissal_reason": dismissal_reason,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "status_label": status_label,
                "risk_cause_labels": risk_cause_labels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        tracking_code = d.pop("tracking_code")

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        applicant_name = d.pop("applicant_name")

        id_number_masked = d.pop("id_number_masked")

        phone_masked = d.pop("phone_masked")

        account = d.pop("account")

        risk_causes = []
        _risk_causes = d.pop("risk_causes")
        for risk_causes_item_data in _risk_causes:
            risk_causes_item = MonitoringRiskCause(risk_causes_item_data)

            risk_causes.append(risk_causes_item)

        status = MonitoringDeclarationStatus(d.pop("status"))

        def _parse_household_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                household_id_type_0 = UUID(data)

                return household_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        household_id = _parse_household_id(d.pop("household_id"))

        def _parse_alert_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                alert_id_type_0 = UUID(data)

                return alert_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        alert_id = _parse_alert_id(d.pop("alert_id"))

        def _parse_dismissal_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dismissal_reason = _parse_dismissal_reason(d.pop("dismissal_reason"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        status_label = d.pop("status_label")

        risk_cause_labels = cast(list[str], d.pop("risk_cause_labels"))

        monitoring_declaration_out = cls(
            id=id,
            tracking_code=tracking_code,
            town_code=town_code,
            village_code=village_code,
            applicant_name=applicant_name,
            id_number_masked=id_number_masked,
            phone_masked=phone_masked,
            account=account,
            risk_causes=risk_causes,
            status=status,
            household_id=household_id,
            alert_id=alert_id,
            dismissal_reason=dismissal_reason,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            status_label=status_label,
            risk_cause_labels=risk_cause_labels,
        )

        monitoring_declaration_out.additional_properties = d
        return monitoring_declaration_out

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
