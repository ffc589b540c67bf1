from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_action import MonitoringAction
from ..models.monitoring_risk_cause import MonitoringRiskCause
from ..models.monitoring_subtype import MonitoringSubtype
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringTransitionIn")


@_attrs_define
class MonitoringTransitionIn:
    """
    Attributes:
        action (MonitoringAction): start_verification=开始核实；submit_village_review=提交村级评议；village_approve=村级评议通过并公示；object
            =公示异议成立，重新核实；close_notice=公示期满无异议，报镇审核；town_approve=镇级审核通过，报区审批；approve=区级审批纳入监测；reject=不予纳入；eliminate_risk=区级审批
            标注风险消除；mark_safety_net=标注兜底保障户；start_elimination=启动风险消除（入户核实）；submit_elimination_review=提交风险消除村级民主评议；post_elimin
            ation_notice=村级评议通过，风险消除公示；object_elimination=风险消除公示异议成立，退回入户核实；close_elimination_notice=风险消除公示期满，报镇审核；town_appr
            ove_elimination=镇级审核通过风险消除，报区审批；halt_elimination=不予消除风险，继续帮扶
        reason (str): 理由或依据（必填，留痕）
        subtype (MonitoringSubtype | None | Unset): 提交村级评议时必填：监测对象类型
        risk_causes (list[MonitoringRiskCause] | None | Unset): 提交村级评议时必填
        notice_posted_on (datetime.date | None | Unset): 公示张贴日期（村级评议通过时，默认今天）
    """

    action: MonitoringAction
    reason: str
    subtype: MonitoringSubtype | None | Unset = UNSET
    risk_causes: list[MonitoringRiskCause] | None | Unset = UNSET
    notice_posted_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        reason = self.reason

        subtype: None | str | Unset
        if isinstance(self.subtype, Unset):
            subtype = UNSET
        elif isinstance(self.subtype, MonitoringSubtype):
            subtype = self.subtype.value
        else:
            subtype = self.subtype

        risk_causes: list[str] | None | Unset
        if isinstance(self.risk_causes, Unset):
            risk_causes = UNSET
        elif isinstance(self.risk_causes, list):
            risk_causes = []
            for risk_causes_type_0_item_data in self.risk_causes:
                risk_causes_type_0_item = risk_causes_type_0_item_data.value
                risk_causes.append(risk_causes_type_0_item)

        else:
            risk_causes = self.risk_causes

        notice_posted_on: None | str | Unset
        if isinstance(self.notice_posted_on, Unset):
            notice_posted_on = UNSET
        elif isinstance(self.notice_posted_on, datetime.date):
            notice_posted_on = self.notice_posted_on.isoformat()
        else:
            notice_posted_on = self.notice_posted_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "reason": reason,
            }
        )
        if subtype is not UNSET:
            field_dict["subtype"] = subtype
        if risk_causes is not UNSET:
            field_dict["risk_causes"] = risk_causes
        if notice_posted_on is not UNSET:
            field_dict["notice_posted_on"] = notice_posted_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = MonitoringAction(d.pop("action"))

        reason = d.pop("reason")

        def _parse_subtype(data: object) -> MonitoringSubtype | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subtype_type_0 = MonitoringSubtype(data)

                return subtype_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringSubtype | None | Unset, data)

        subtype = _parse_subtype(d.pop("subtype", UNSET))

        def _parse_risk_causes(data: object) -> list[MonitoringRiskCause] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                risk_causes_type_0 = []
                _risk_causes_type_0 = data
                for risk_causes_type_0_item_data in _risk_causes_type_0:
                    risk_causes_type_0_item = MonitoringRiskCause(risk_causes_type_0_item_data)

                    risk_causes_type_0.append(risk_causes_type_0_item)

                return risk_causes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MonitoringRiskCause] | None | Unset, data)

        risk_causes = _parse_risk_causes(d.pop("risk_causes", UNSET))

        def _parse_notice_posted_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notice_posted_on_type_0 = datetime.date.fromisoformat(data)

                return notice_posted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        notice_posted_on = _parse_notice_posted_on(d.pop("notice_posted_on", UNSET))

        monitoring_transition_in = cls(
            action=action,
            reason=reason,
            subtype=subtype,
            risk_causes=risk_causes,
            notice_posted_on=notice_posted_on,
        )

        return monitoring_transition_in
