from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.monitoring_aid_record import MonitoringAidRecord
    from ..models.monitoring_dropout_record import MonitoringDropoutRecord
    from ..models.monitoring_expense_record import MonitoringExpenseRecord
    from ..models.monitoring_housing_record import MonitoringHousingRecord
    from ..models.monitoring_insurance_record import MonitoringInsuranceRecord
    from ..models.monitoring_water_record import MonitoringWaterRecord


T = TypeVar("T", bound="MonitoringGuaranteeBatch")


@_attrs_define
class MonitoringGuaranteeBatch:
    """
    Attributes:
        batch_id (str): 批次编号：同一批次重复推送不会重复登记
        records (list[MonitoringAidRecord | MonitoringDropoutRecord | MonitoringExpenseRecord | MonitoringHousingRecord
            | MonitoringInsuranceRecord | MonitoringWaterRecord]):
    """

    batch_id: str
    records: list[
        MonitoringAidRecord
        | MonitoringDropoutRecord
        | MonitoringExpenseRecord
        | MonitoringHousingRecord
        | MonitoringInsuranceRecord
        | MonitoringWaterRecord
    ]

    def to_dict(self) -> dict[str, Any]:
        from ..models.monitoring_aid_record import MonitoringAidRecord  # noqa: PLC0415
        from ..models.monitoring_dropout_record import MonitoringDropoutRecord  # noqa: PLC0415
        from ..models.monitoring_housing_record import MonitoringHousingRecord  # noqa: PLC0415
        from ..models.monitoring_insurance_record import MonitoringInsuranceRecord  # noqa: PLC0415
        from ..models.monitoring_water_record import MonitoringWaterRecord  # noqa: PLC0415

        batch_id = self.batch_id

        records = []
        for records_item_data in self.records:
            records_item: dict[str, Any]
            if isinstance(records_item_data, MonitoringHousingRecord):
                records_item = records_item_data.to_dict()
            elif isinstance(records_item_data, MonitoringWaterRecord):
                records_item = records_item_data.to_dict()
            elif isinstance(records_item_data, MonitoringDropoutRecord):
                records_item = records_item_data.to_dict()
            elif isinstance(records_item_data, MonitoringAidRecord):
                records_item = records_item_data.to_dict()
            elif isinstance(records_item_data, MonitoringInsuranceRecord):
                records_item = records_item_data.to_dict()
            else:
                records_item = records_item_data.to_dict()

            records.append(records_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "batch_id": batch_id,
                "records": records,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_aid_record import MonitoringAidRecord  # noqa: PLC0415
        from ..models.monitoring_dropout_record import MonitoringDropoutRecord  # noqa: PLC0415
        from ..models.monitoring_expense_record import MonitoringExpenseRecord  # noqa: PLC0415
        from ..models.monitoring_housing_record import MonitoringHousingRecord  # noqa: PLC0415
        from ..models.monitoring_insurance_record import MonitoringInsuranceRecord  # noqa: PLC0415
        from ..models.monitoring_water_record import MonitoringWaterRecord  # noqa: PLC0415

        d = dict(src_dict)
        batch_id = d.pop("batch_id")

        records = []
        _records = d.pop("records")
        for records_item_data in _records:

            def _parse_records_item(
                data: object,
            ) -> (
                MonitoringAidRecord
                | MonitoringDropoutRecord
                | MonitoringExpenseRecord
                | MonitoringHousingRecord
                | MonitoringInsuranceRecord
                | MonitoringWaterRecord
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    records_item_type_0 = MonitoringHousingRecord.from_dict(data)

                    return records_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    records_item_type_1 = MonitoringWaterRecord.from_dict(data)

                    return records_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    records_item_type_2 = MonitoringDropoutRecord.from_dict(data)

                    return records_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    records_item_type_3 = MonitoringAidRecord.from_dict(data)

                    return records_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    records_item_type_4 = MonitoringInsuranceRecord.from_dict(data)

                    return records_item_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                records_item_type_5 = MonitoringExpenseRecord.from_dict(data)

                return records_item_type_5

            records_item = _parse_records_item(records_item_data)

            records.append(records_item)

        monitoring_guarantee_batch = cls(
            batch_id=batch_id,
            records=records,
        )

        return monitoring_guarantee_batch
