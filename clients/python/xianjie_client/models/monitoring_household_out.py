from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_elimination_stage import MonitoringEliminationStage
from ..models.monitoring_household_kind import MonitoringHouseholdKind
from ..models.monitoring_household_status import MonitoringHouseholdStatus
from ..models.monitoring_risk_cause import MonitoringRiskCause
from ..models.monitoring_subtype import MonitoringSubtype

T = TypeVar("T", bound="MonitoringHouseholdOut")


@_attrs_define
class MonitoringHouseholdOut:
    """
    Attributes:
        id (UUID):
        town_code (str):
        village_code (str):
        head_name (str):
        address (str):
        kind (MonitoringHouseholdKind): Who a household is (脱贫 identity): it does not change when the household is
            monitored.

            Being monitored (监测对象) is the household's ``status`` with its category (``subtype``); a
            脱贫户 included as 脱贫不稳定户 is still a 脱贫户 in every count (issue 11).
        member_count (int):
        helper_user_id (None | str):
        status (MonitoringHouseholdStatus): Where a household stands in identification and assistance (识别纳入 → 帮扶 →
            消除/兜底).
        subtype (MonitoringSubtype | None):
        risk_causes (list[MonitoringRiskCause]):
        housing_safe (bool):
        water_safe (bool):
        case_started_on (datetime.date | None):
        notice_posted_on (datetime.date | None):
        included_on (datetime.date | None):
        closed_on (datetime.date | None):
        formed_on (datetime.date): 立户日期（登记或分户之日）
        cancelled_on (datetime.date | None): 注销日期；已注销的农户默认不在列表和统计中
        elimination_stage (MonitoringEliminationStage | None): 风险消除程序所处环节（进行中时；其间仍为监测对象 status=included）
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        kind_label (str): kind 的中文名称
        elimination_stage_label (None | str): elimination_stage 的中文名称
        status_label (str): status 的中文名称
        subtype_label (None | str): subtype 的中文名称
        risk_cause_labels (list[str]): risk_causes 的中文名称
    """

    id: UUID
    town_code: str
    village_code: str
    head_name: str
    address: str
    kind: MonitoringHouseholdKind
    member_count: int
    helper_user_id: None | str
    status: MonitoringHouseholdStatus
    subtype: MonitoringSubtype | None
    risk_causes: list[MonitoringRiskCause]
    housing_safe: bool
    water_safe: bool
    case_started_on: datetime.date | None
    notice_posted_on: datetime.date | None
    included_on: datetime.date | None
    closed_on: datetime.date | None
    formed_on: datetime.date
    cancelled_on: datetime.date | None
    elimination_stage: MonitoringEliminationStage | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind_label: str
    elimination_stage_label: None | str
    status_label: str
    subtype_label: None | str
    risk_cause_labels: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        town_code = self.town_code

        village_code = self.village_code

        head_name = self.head_name

        address = self.address

        kind = self.kind.value

        member_count = self.member_count

        helper_user_id: None | str
        helper_user_id = self.helper_user_id

        status = self.status.value

        subtype: None | str
        if isinstance(self.subtype, MonitoringSubtype):
            subtype = self.subtype.value
        else:
            subtype = self.subtype

        risk_causes = []
        for risk_causes_item_data in self.risk_causes:
            risk_causes_item = risk_causes_item_data.value
            risk_causes.append(risk_causes_item)

        housing_safe = self.housing_safe

        water_safe = self.water_safe

        case_started_on: None | str
        if isinstance(self.case_started_on, datetime.date):
            case_started_on = self.case_started_on.isoformat()
        else:
            case_started_on = self.case_started_on

        notice_posted_on: None | str
        if isinstance(self.notice_posted_on, datetime.date):
            notice_posted_on = self.notice_posted_on.isoformat()
        else:
            notice_posted_on = self.notice_posted_on

        included_on: None | str
        if isinstance(self.included_on, datetime.date):
            included_on = self.included_on.isoformat()
        else:
            included_on = self.included_on

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        formed_on = self.formed_on.isoformat()

        cancelled_on: None | str
        if isinstance(self.cancelled_on, datetime.date):
            cancelled_on = self.cancelled_on.isoformat()
        else:
            cancelled_on = self.cancelled_on

        elimination_stage: None | str
        if isinstance(self.elimination_stage, MonitoringEliminationStage):
            elimination_stage = self.elimination_stage.value
        else:
            elimination_stage = self.elimination_stage

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        kind_label = self.kind_label

        elimination_stage_label: None | str
        elimination_stage_label = self.elimination_stage_label

        status_label = self.status_label

        subtype_label: None | str
        subtype_label = self.subtype_label

        risk_cause_labels = self.risk_cause_labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "town_code": town_code,
                "village_code": village_code,
                "head_name": head_name,
                "address": address,
                "kind": kind,
                "member_count": member_count,
                "helper_user_id": helper_user_id,
                "status": status,
                "subtype": subtype,
                "risk_causes": risk_causes,
                "housing_safe": housing_safe,
                "water_safe": water_safe,
                "case_started_on": case_started_on,
                "notice_posted_on": notice_posted_on,
                "included_on": included_on,
                "closed_on": closed_on,
                "formed_on": formed_on,
                "cancelled_on": cancelled_on,
                "elimination_stage": elimination_stage,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "kind_label": kind_label,
                "elimination_stage_label": elimination_stage_label,
                "status_label": status_label,
                "subtype_label": subtype_label,
                "risk_cause_labels": risk_cause_labels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        head_name = d.pop("head_name")

        address = d.pop("address")

        kind = MonitoringHouseholdKind(d.pop("kind"))

        member_count = d.pop("member_count")

        def _parse_helper_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        helper_user_id = _parse_helper_user_id(d.pop("helper_user_id"))

        status = MonitoringHouseholdStatus(d.pop("status"))

        def _parse_subtype(data: object) -> MonitoringSubtype | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subtype_type_0 = MonitoringSubtype(data)

                return subtype_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringSubtype | None, data)

        subtype = _parse_subtype(d.pop("subtype"))

        risk_causes = []
        _risk_causes = d.pop("risk_causes")
        for risk_causes_item_data in _risk_causes:
            risk_causes_item = MonitoringRiskCause(risk_causes_item_data)

            risk_causes.append(risk_causes_item)

        housing_safe = d.pop("housing_safe")

        water_safe = d.pop("water_safe")

        def _parse_case_started_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                case_started_on_type_0 = datetime.date.fromisoformat(data)

                return case_started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        case_started_on = _parse_case_started_on(d.pop("case_started_on"))

        def _parse_notice_posted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notice_posted_on_type_0 = datetime.date.fromisoformat(data)

                return notice_posted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        notice_posted_on = _parse_notice_posted_on(d.pop("notice_posted_on"))

        def _parse_included_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                included_on_type_0 = datetime.date.fromisoformat(data)

                return included_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        included_on = _parse_included_on(d.pop("included_on"))

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

        formed_on = datetime.date.fromisoformat(d.pop("formed_on"))

        def _parse_cancelled_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_on_type_0 = datetime.date.fromisoformat(data)

                return cancelled_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        cancelled_on = _parse_cancelled_on(d.pop("cancelled_on"))

        def _parse_elimination_stage(data: object) -> MonitoringEliminationStage | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                elimination_stage_type_0 = MonitoringEliminationStage(data)

                return elimination_stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringEliminationStage | None, data)

        elimination_stage = _parse_elimination_stage(d.pop("elimination_stage"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        kind_label = d.pop("kind_label")

        def _parse_elimination_stage_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        elimination_stage_label = _parse_elimination_stage_label(d.pop("elimination_stage_label"))

        status_label = d.pop("status_label")

        def _parse_subtype_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subtype_label = _parse_subtype_label(d.pop("subtype_label"))

        risk_cause_labels = cast(list[str], d.pop("risk_cause_labels"))

        monitoring_household_out = cls(
            id=id,
            town_code=town_code,
            village_code=village_code,
            head_name=head_name,
            address=address,
            kind=kind,
            member_count=member_count,
            helper_user_id=helper_user_id,
            status=status,
            subtype=subtype,
            risk_causes=risk_causes,
            housing_safe=housing_safe,
            water_safe=water_safe,
            case_started_on=case_started_on,
            notice_posted_on=notice_posted_on,
            included_on=included_on,
            closed_on=closed_on,
            formed_on=formed_on,
            cancelled_on=cancelled_on,
            elimination_stage=elimination_stage,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            kind_label=kind_label,
            elimination_stage_label=elimination_stage_label,
            status_label=status_label,
            subtype_label=subtype_label,
            risk_cause_labels=risk_cause_labels,
        )

        monitoring_household_out.additional_properties = d
        return monitoring_household_out

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
