from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_correction_kind import FundsCorrectionKind
from ..models.funds_correction_status import FundsCorrectionStatus

T = TypeVar("T", bound="FundsCorrectionOut")


@_attrs_define
class FundsCorrectionOut:
    """
    Attributes:
        id (UUID):
        kind (FundsCorrectionKind): payment=资金支付；allocation=资金安排；repayment=小额信贷还款
        target_id (UUID):
        project_id (None | UUID):
        loan_id (None | UUID):
        division_code (str):
        amount (str):
        booked_on (datetime.date):
        reason (str):
        status (FundsCorrectionStatus): pending=待审批；approved=已批准并冲正；rejected=已驳回
        requested_by_name (str):
        decided_by_name (None | str):
        decided_at (datetime.datetime | None):
        decision_note (None | str):
        entry_id (None | UUID): 批准后写入的冲正分录（负数金额，corrects_id 指向原记录）
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        kind_label (str): kind 的中文名称
        status_label (str): status 的中文名称
    """

    id: UUID
    kind: FundsCorrectionKind
    target_id: UUID
    project_id: None | UUID
    loan_id: None | UUID
    division_code: str
    amount: str
    booked_on: datetime.date
    reason: str
    status: FundsCorrectionStatus
    requested_by_name: str
    decided_by_name: None | str
    decided_at: datetime.datetime | None
    decision_note: None | str
    entry_id: None | UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind_label: str
    status_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        target_id = str(self.target_id)

        project_id: None | str
        if isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        loan_id: None | str
        if isinstance(self.loan_id, UUID):
            loan_id = str(self.loan_id)
        else:
            loan_id = self.loan_id

        division_code = self.division_code

        amount = self.amount

        booked_on = self.booked_on.isoformat()

        reason = self.reason

        status = self.status.value

        requested_by_name = self.requested_by_name

        decided_by_name: None | str
        decided_by_name = self.decided_by_name

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decision_note: None | str
        decision_note = self.decision_note

        entry_id: None | str
        if isinstance(self.entry_id, UUID):
            entry_id = str(self.entry_id)
        else:
            entry_id = self.entry_id

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        kind_label = self.kind_label

        status_label = self.status_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "target_id": target_id,
                "project_id": project_id,
                "loan_id": loan_id,
                "division_code": division_code,
                "amount": amount,
                "booked_on": booked_on,
                "reason": reason,
                "status": status,
                "requested_by_name": requested_by_name,
                "decided_by_name": decided_by_name,
                "decided_at": decided_at,
                "decision_note": decision_note,
                "entry_id": entry_id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "kind_label": kind_label,
                "status_label": status_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = FundsCorrectionKind(d.pop("kind"))

        target_id = UUID(d.pop("target_id"))

        def _parse_project_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        project_id = _parse_project_id(d.pop("project_id"))

        def _parse_loan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                loan_id_type_0 = UUID(data)

                return loan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        loan_id = _parse_loan_id(d.pop("loan_id"))

        division_code = d.pop("division_code")

        amount = d.pop("amount")

        booked_on = datetime.date.fromisoformat(d.pop("booked_on"))

        reason = d.pop("reason")

        status = FundsCorrectionStatus(d.pop("status"))

        requested_by_name = d.pop("requested_by_name")

        def _parse_decided_by_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by_name = _parse_decided_by_name(d.pop("decided_by_name"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decision_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_note = _parse_decision_note(d.pop("decision_note"))

        def _parse_entry_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                entry_id_type_0 = UUID(data)

                return entry_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        entry_id = _parse_entry_id(d.pop("entry_id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        kind_label = d.pop("kind_label")

        status_label = d.pop("status_label")

        funds_correction_out = cls(
            id=id,
            kind=kind,
            target_id=target_id,
            project_id=project_id,
            loan_id=loan_id,
            division_code=division_code,
            amount=amount,
            booked_on=booked_on,
            reason=reason,
            status=status,
            requested_by_name=requested_by_name,
            decided_by_name=decided_by_name,
            decided_at=decided_at,
            decision_note=decision_note,
            entry_id=entry_id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            kind_label=kind_label,
            status_label=status_label,
        )

        funds_correction_out.additional_properties = d
        return funds_correction_out

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
