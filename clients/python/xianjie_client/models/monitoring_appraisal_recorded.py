from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.monitoring_appraisal_out import MonitoringAppraisalOut
    from ..models.monitoring_renovation_case_out import MonitoringRenovationCaseOut


T = TypeVar("T", bound="MonitoringAppraisalRecorded")


@_attrs_define
class MonitoringAppraisalRecorded:
    """
    Attributes:
        appraisal (MonitoringAppraisalOut):
        housing_safe (bool): 农户住房是否安全（按最近一次鉴定）
        renovation_case (MonitoringRenovationCaseOut | None): 该户未销号的危房改造（或本次复评销号的）
    """

    appraisal: MonitoringAppraisalOut
    housing_safe: bool
    renovation_case: MonitoringRenovationCaseOut | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.monitoring_renovation_case_out import MonitoringRenovationCaseOut  # noqa: PLC0415

        appraisal = self.appraisal.to_dict()

        housing_safe = self.housing_safe

        renovation_case: dict[str, Any] | None
        if isinstance(self.renovation_case, MonitoringRenovationCaseOut):
            renovation_case = self.renovation_case.to_dict()
        else:
            renovation_case = self.renovation_case

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appraisal": appraisal,
                "housing_safe": housing_safe,
                "renovation_case": renovation_case,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_appraisal_out import MonitoringAppraisalOut  # noqa: PLC0415
        from ..models.monitoring_renovation_case_out import MonitoringRenovationCaseOut  # noqa: PLC0415

        d = dict(src_dict)
        appraisal = MonitoringAppraisalOut.from_dict(d.pop("appraisal"))

        housing_safe = d.pop("housing_safe")

        def _parse_renovation_case(data: object) -> MonitoringRenovationCaseOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                renovation_case_type_0 = MonitoringRenovationCaseOut.from_dict(data)

                return renovation_case_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringRenovationCaseOut | None, data)

        renovation_case = _parse_renovation_case(d.pop("renovation_case"))

        monitoring_appraisal_recorded = cls(
            appraisal=appraisal,
            housing_safe=housing_safe,
            renovation_case=renovation_case,
        )

        monitoring_appraisal_recorded.additional_properties = d
        return monitoring_appraisal_recorded

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
