from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assets_asset_out import AssetsAssetOut
    from ..models.assets_distribution_out import AssetsDistributionOut
    from ..models.assets_idle_flag_out import AssetsIdleFlagOut
    from ..models.assets_lifecycle_step_out import AssetsLifecycleStepOut
    from ..models.assets_monthly_out import AssetsMonthlyOut
    from ..models.assets_operation_totals_out import AssetsOperationTotalsOut
    from ..models.assets_pv_station_out import AssetsPvStationOut
    from ..models.assets_source_project_out import AssetsSourceProjectOut


T = TypeVar("T", bound="AssetsAssetCard")


@_attrs_define
class AssetsAssetCard:
    """资产卡片: the asset, where it came from, everything that happened to it, and what it earns.

    Attributes:
        asset (AssetsAssetOut):
        source_project (AssetsSourceProjectOut | None): 来源项目及其资金构成；无来源项目、或项目不在您的数据范围内时为空
        history (list[AssetsLifecycleStepOut]):
        pv_station (AssetsPvStationOut | None):
        operation_totals (AssetsOperationTotalsOut):
        recent_months (list[AssetsMonthlyOut]): 最近 12 个月的运营记录
        distributions (list[AssetsDistributionOut]):
        open_idle_flags (list[AssetsIdleFlagOut]):
    """

    asset: AssetsAssetOut
    source_project: AssetsSourceProjectOut | None
    history: list[AssetsLifecycleStepOut]
    pv_station: AssetsPvStationOut | None
    operation_totals: AssetsOperationTotalsOut
    recent_months: list[AssetsMonthlyOut]
    distributions: list[AssetsDistributionOut]
    open_idle_flags: list[AssetsIdleFlagOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.assets_pv_station_out import AssetsPvStationOut  # noqa: PLC0415
        from ..models.assets_source_project_out import AssetsSourceProjectOut  # noqa: PLC0415

        asset = self.asset.to_dict()

        source_project: dict[str, Any] | None
        if isinstance(self.source_project, AssetsSourceProjectOut):
            source_project = self.source_project.to_dict()
        else:
            source_project = self.source_project

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        pv_station: dict[str, Any] | None
        if isinstance(self.pv_station, AssetsPvStationOut):
            pv_station = self.pv_station.to_dict()
        else:
            pv_station = self.pv_station

        operation_totals = self.operation_totals.to_dict()

        recent_months = []
        for recent_months_item_data in self.recent_months:
            recent_months_item = recent_months_item_data.to_dict()
            recent_months.append(recent_months_item)

        distributions = []
        for distributions_item_data in self.distributions:
            distributions_item = distributions_item_data.to_dict()
            distributions.append(distributions_item)

        open_idle_flags = []
        for open_idle_flags_item_data in self.open_idle_flags:
            open_idle_flags_item = open_idle_flags_item_data.to_dict()
            open_idle_flags.append(open_idle_flags_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset": asset,
                "source_project": source_project,
                "history": history,
                "pv_station": pv_station,
                "operation_totals": operation_totals,
                "recent_months": recent_months,
                "distributions": distributions,
                "open_idle_flags": open_idle_flags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assets_asset_out import AssetsAssetOut  # noqa: PLC0415
        from ..models.assets_distribution_out import AssetsDistributionOut  # noqa: PLC0415
        from ..models.assets_idle_flag_out import AssetsIdleFlagOut  # noqa: PLC0415
        from ..models.assets_lifecycle_step_out import AssetsLifecycleStepOut  # noqa: PLC0415
        from ..models.assets_monthly_out import AssetsMonthlyOut  # noqa: PLC0415
        from ..models.assets_operation_totals_out import AssetsOperationTotalsOut  # noqa: PLC0415
        from ..models.assets_pv_station_out import AssetsPvStationOut  # noqa: PLC0415
        from ..models.assets_source_project_out import AssetsSourceProjectOut  # noqa: PLC0415

        d = dict(src_dict)
        asset = AssetsAssetOut.from_dict(d.pop("asset"))

        def _parse_source_project(data: object) -> AssetsSourceProjectOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_project_type_0 = AssetsSourceProjectOut.from_dict(data)

                return source_project_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetsSourceProjectOut | None, data)

        source_project = _parse_source_project(d.pop("source_project"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = AssetsLifecycleStepOut.from_dict(history_item_data)

            history.append(history_item)

        def _parse_pv_station(data: object) -> AssetsPvStationOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pv_station_type_0 = AssetsPvStationOut.from_dict(data)

                return pv_station_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetsPvStationOut | None, data)

        pv_station = _parse_pv_station(d.pop("pv_station"))

        operation_totals = AssetsOperationTotalsOut.from_dict(d.pop("operation_totals"))

        recent_months = []
        _recent_months = d.pop("recent_months")
        for recent_months_item_data in _recent_months:
            recent_months_item = AssetsMonthlyOut.from_dict(recent_months_item_data)

            recent_months.append(recent_months_item)

        distributions = []
        _distributions = d.pop("distributions")
        for distributions_item_data in _distributions:
            distributions_item = AssetsDistributionOut.from_dict(distributions_item_data)

            distributions.append(distributions_item)

        open_idle_flags = []
        _open_idle_flags = d.pop("open_idle_flags")
        for open_idle_flags_item_data in _open_idle_flags:
            open_idle_flags_item = AssetsIdleFlagOut.from_dict(open_idle_flags_item_data)

            open_idle_flags.append(open_idle_flags_item)

        assets_asset_card = cls(
            asset=asset,
            source_project=source_project,
            history=history,
            pv_station=pv_station,
            operation_totals=operation_totals,
            recent_months=recent_months,
            distributions=distributions,
            open_idle_flags=open_idle_flags,
        )

        assets_asset_card.additional_properties = d
        return assets_asset_card

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
