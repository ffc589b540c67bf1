from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funds_indicator_out import FundsIndicatorOut
    from ..models.funds_project_asset_out import FundsProjectAssetOut
    from ..models.funds_project_out import FundsProjectOut
    from ..models.funds_step_out import FundsStepOut


T = TypeVar("T", bound="FundsProjectDossier")


@_attrs_define
class FundsProjectDossier:
    """A project with its history, performance indicators and assets.

    Attributes:
        project (FundsProjectOut):
        steps (list[FundsStepOut]):
        indicators (list[FundsIndicatorOut]):
        assets (list[FundsProjectAssetOut]):
    """

    project: FundsProjectOut
    steps: list[FundsStepOut]
    indicators: list[FundsIndicatorOut]
    assets: list[FundsProjectAssetOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project = self.project.to_dict()

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        indicators = []
        for indicators_item_data in self.indicators:
            indicators_item = indicators_item_data.to_dict()
            indicators.append(indicators_item)

        assets = []
        for assets_item_data in self.assets:
            assets_item = assets_item_data.to_dict()
            assets.append(assets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project": project,
                "steps": steps,
                "indicators": indicators,
                "assets": assets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.funds_indicator_out import FundsIndicatorOut  # noqa: PLC0415
        from ..models.funds_project_asset_out import FundsProjectAssetOut  # noqa: PLC0415
        from ..models.funds_project_out import FundsProjectOut  # noqa: PLC0415
        from ..models.funds_step_out import FundsStepOut  # noqa: PLC0415

        d = dict(src_dict)
        project = FundsProjectOut.from_dict(d.pop("project"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = FundsStepOut.from_dict(steps_item_data)

            steps.append(steps_item)

        indicators = []
        _indicators = d.pop("indicators")
        for indicators_item_data in _indicators:
            indicators_item = FundsIndicatorOut.from_dict(indicators_item_data)

            indicators.append(indicators_item)

        assets = []
        _assets = d.pop("assets")
        for assets_item_data in _assets:
            assets_item = FundsProjectAssetOut.from_dict(assets_item_data)

            assets.append(assets_item)

        funds_project_dossier = cls(
            project=project,
            steps=steps,
            indicators=indicators,
            assets=assets,
        )

        funds_project_dossier.additional_properties = d
        return funds_project_dossier

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
