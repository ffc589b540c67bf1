from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.funds_borrower_kind import FundsBorrowerKind

T = TypeVar("T", bound="FundsLoanCreate")


@_attrs_define
class FundsLoanCreate:
    """
    Attributes:
        household_id (UUID): 借款农户（监测服务中的户 id，须在本辖区，且为脱贫户或监测户）
        member_id (UUID): 借款人（该户在册成员的 id）
        borrower_kind (FundsBorrowerKind): lifted_out=脱贫人口；monitored=监测对象
        village_code (str): 借款农户所在村（须与监测服务一致）
        lender (str): 放贷银行
        amount (int | str): 金额（元），最多两位小数的字符串 / yuan as a decimal string
        term_months (int):
        issued_on (datetime.date):
    """

    household_id: UUID
    member_id: UUID
    borrower_kind: FundsBorrowerKind
    village_code: str
    lender: str
    amount: int | str
    term_months: int
    issued_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        household_id = str(self.household_id)

        member_id = str(self.member_id)

        borrower_kind = self.borrower_kind.value

        village_code = self.village_code

        lender = self.lender

        amount: int | str
        amount = self.amount

        term_months = self.term_months

        issued_on = self.issued_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "household_id": household_id,
                "member_id": member_id,
                "borrower_kind": borrower_kind,
                "village_code": village_code,
                "lender": lender,
                "amount": amount,
                "term_months": term_months,
                "issued_on": issued_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        household_id = UUID(d.pop("household_id"))

        member_id = UUID(d.pop("member_id"))

        borrower_kind = FundsBorrowerKind(d.pop("borrower_kind"))

        village_code = d.pop("village_code")

        lender = d.pop("lender")

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        term_months = d.pop("term_months")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        funds_loan_create = cls(
            household_id=household_id,
            member_id=member_id,
            borrower_kind=borrower_kind,
            village_code=village_code,
            lender=lender,
            amount=amount,
            term_months=term_months,
            issued_on=issued_on,
        )

        return funds_loan_create
