from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_borrower_kind import FundsBorrowerKind
from ..models.funds_loan_status import FundsLoanStatus

T = TypeVar("T", bound="FundsLoanOut")


@_attrs_define
class FundsLoanOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        member_id (UUID):
        borrower_kind (FundsBorrowerKind): lifted_out=脱贫人口；monitored=监测对象
        town_code (str):
        village_code (str):
        lender (str):
        amount (str):
        term_months (int):
        issued_on (datetime.date):
        due_on (datetime.date):
        repaid (str):
        status (FundsLoanStatus): Derived at a date, never stored: a loan becomes overdue by the calendar alone.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        borrower_kind_label (str): borrower_kind 的中文名称
        status_label (str): status 的中文名称
    """

    id: UUID
    household_id: UUID
    member_id: UUID
    borrower_kind: FundsBorrowerKind
    town_code: str
    village_code: str
    lender: str
    amount: str
    term_months: int
    issued_on: datetime.date
    due_on: datetime.date
    repaid: str
    status: FundsLoanStatus
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    borrower_kind_label: str
    status_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        member_id = str(self.member_id)

        borrower_kind = self.borrower_kind.value

        town_code = self.town_code

        village_code = self.village_code

        lender = self.lender

        amount = self.amount

        term_months = self.term_months

        issued_on = self.issued_on.isoformat()

        due_on = self.due_on.isoformat()

        repaid = self.repaid

        status = self.status.value

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        borrower_kind_label = self.borrower_kind_label

        status_label = self.status_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "member_id": member_id,
                "borrower_kind": borrower_kind,
                "town_code": town_code,
                "village_code": village_code,
                "lender": lender,
                "amount": amount,
                "term_months": term_months,
                "issued_on": issued_on,
                "due_on": due_on,
                "repaid": repaid,
                "status": status,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "borrower_kind_label": borrower_kind_label,
                "status_label": status_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        member_id = UUID(d.pop("member_id"))

        borrower_kind = FundsBorrowerKind(d.pop("borrower_kind"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        lender = d.pop("lender")

        amount = d.pop("amount")

        term_months = d.pop("term_months")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        repaid = d.pop("repaid")

        status = FundsLoanStatus(d.pop("status"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        borrower_kind_label = d.pop("borrower_kind_label")

        status_label = d.pop("status_label")

        funds_loan_out = cls(
            id=id,
            household_id=household_id,
            member_id=member_id,
            borrower_kind=borrower_kind,
            town_code=town_code,
            village_code=village_code,
            lender=lender,
            amount=amount,
            term_months=term_months,
            issued_on=issued_on,
            due_on=due_on,
            repaid=repaid,
            status=status,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            borrower_kind_label=borrower_kind_label,
            status_label=status_label,
        )

        funds_loan_out.additional_properties = d
        return funds_loan_out

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
