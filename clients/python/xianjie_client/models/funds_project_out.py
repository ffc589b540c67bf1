from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funds_project_category import FundsProjectCategory
from ..models.funds_project_status import FundsProjectStatus

T = TypeVar("T", bound="FundsProjectOut")


@_attrs_define
class FundsProjectOut:
    """
    Attributes:
        id (UUID):
        name (str):
        town_code (str):
        village_code (None | str):
        category (FundsProjectCategory): industry=产业；employment=就业；infrastructure=小型公益性基础设施；relocation=易地搬迁后续扶持；other=其他
        year (int):
        planned_amount (str):
        allocated (str): 已安排资金（元）
        paid (str): 已支付（元）
        status (FundsProjectStatus): A project's life (domain §3), in order; ``rejected`` ends a failed entry review.
        requires_elevated_review (bool):
        elevated_review_on (datetime.date | None):
        elevated_review_document (None | str):
        proposing_department (None | str):
        evaluated_on (datetime.date | None):
        evaluation_conclusion (None | str):
        accepted_on (datetime.date | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        category_label (str): category 的中文名称
        status_label (str): status 的中文名称
    """

    id: UUID
    name: str
    town_code: str
    village_code: None | str
    category: FundsProjectCategory
    year: int
    planned_amount: str
    allocated: str
    paid: str
    status: FundsProjectStatus
    requires_elevated_review: bool
    elevated_review_on: datetime.date | None
    elevated_review_document: None | str
    proposing_department: None | str
    evaluated_on: datetime.date | None
    evaluation_conclusion: None | str
    accepted_on: datetime.date | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    category_label: str
    status_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        town_code = self.town_code

        village_code: None | str
        village_code = self.village_code

        category = self.category.value

        year = self.year

        planned_amount = self.planned_amount

        allocated = self.allocated

        paid = self.paid

        status = self.status.value

        requires_elevated_review = self.requires_elevated_review

        elevated_review_on: None | str
        if isinstance(self.elevated_review_on, datetime.date):
            elevated_review_on = self.elevated_review_on.isoformat()
        else:
            elevated_review_on = self.elevated_review_on

        elevated_review_document: None | str
        elevated_review_document = self.elevated_review_document

        proposing_department: None | str
        proposing_department = self.proposing_department

        evaluated_on: None | str
        if isinstance(self.evaluated_on, datetime.date):
            evaluated_on = self.evaluated_on.isoformat()
        else:
            evaluated_on = self.evaluated_on

        evaluation_conclusion: None | str
        evaluation_conclusion = self.evaluation_conclusion

        accepted_on: None | str
        if isinstance(self.accepted_on, datetime.date):
            accepted_on = self.accepted_on.isoformat()
        else:
            accepted_on = self.accepted_on

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        category_label = self.category_label

        status_label = self.status_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "town_code": town_code,
                "village_code": village_code,
                "category": category,
                "year": year,
                "planned_amount": planned_amount,
                "allocated": allocated,
                "paid": paid,
                "status": status,
                "requires_elevated_review": requires_elevated_review,
                "elevated_review_on": elevated_review_on,
                "elevated_review_document": elevated_review_document,
                "proposing_department": proposing_department,
                "evaluated_on": evaluated_on,
                "evaluation_conclusion": evaluation_conclusion,
                "accepted_on": accepted_on,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "category_label": category_label,
                "status_label": status_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        town_code = d.pop("town_code")

        def _parse_village_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        village_code = _parse_village_code(d.pop("village_code"))

        category = FundsProjectCategory(d.pop("category"))

        year = d.pop("year")

        planned_amount = d.pop("planned_amount")

        allocated = d.pop("allocated")

        paid = d.pop("paid")

        status = FundsProjectStatus(d.pop("status"))

        requires_elevated_review = d.pop("requires_elevated_review")

        def _parse_elevated_review_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                elevated_review_on_type_0 = datetime.date.fromisoformat(data)

                return elevated_review_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        elevated_review_on = _parse_elevated_review_on(d.pop("elevated_review_on"))

        def _parse_elevated_review_document(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        elevated_review_document = _parse_elevated_review_document(d.pop("elevated_review_document"))

        def _parse_proposing_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        proposing_department = _parse_proposing_department(d.pop("proposing_department"))

        def _parse_evaluated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evaluated_on_type_0 = datetime.date.fromisoformat(data)

                return evaluated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        evaluated_on = _parse_evaluated_on(d.pop("evaluated_on"))

        def _parse_evaluation_conclusion(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evaluation_conclusion = _parse_evaluation_conclusion(d.pop("evaluation_conclusion"))

        def _parse_accepted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_on_type_0 = datetime.date.fromisoformat(data)

                return accepted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        accepted_on = _parse_accepted_on(d.pop("accepted_on"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        category_label = d.pop("category_label")

        status_label = d.pop("status_label")

        funds_project_out = cls(
            id=id,
            name=name,
            town_code=town_code,
            village_code=village_code,
            category=category,
            year=year,
            planned_amount=planned_amount,
            allocated=allocated,
            paid=paid,
            status=status,
            requires_elevated_review=requires_elevated_review,
            elevated_review_on=elevated_review_on,
            elevated_review_document=elevated_review_document,
            proposing_department=proposing_department,
            evaluated_on=evaluated_on,
            evaluation_conclusion=evaluation_conclusion,
            accepted_on=accepted_on,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            category_label=category_label,
            status_label=status_label,
        )

        funds_project_out.additional_properties = d
        return funds_project_out

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
