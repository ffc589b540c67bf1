from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assets_depreciation_schedule import AssetsDepreciationSchedule
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    asset_id: UUID,
    *,
    useful_life_years: int,
    residual_rate: float | str | Unset = 0.05,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["useful_life_years"] = useful_life_years

    json_residual_rate: float | str | Unset
    if isinstance(residual_rate, Unset):
        json_residual_rate = UNSET
    else:
        json_residual_rate = residual_rate
    params["residual_rate"] = json_residual_rate

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/assets/v1/assets/{asset_id}/depreciation-schedule".format(
            asset_id=quote(str(asset_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssetsDepreciationSchedule | Problem | None:
    if response.status_code == 200:
        response_200 = AssetsDepreciationSchedule.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AssetsDepreciationSchedule | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    asset_id: UUID,
    *,
    client: AuthenticatedClient,
    useful_life_years: int,
    residual_rate: float | str | Unset = 0.05,
) -> Response[AssetsDepreciationSchedule | Problem]:
    """按年限平均法测算折旧（供核对账面价值）/ straight-line depreciation schedule

    Args:
        asset_id (UUID):
        useful_life_years (int): 折旧年限（年）
        residual_rate (float | str | Unset): 残值率（多余小数位四舍六入） Default: 0.05.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetsDepreciationSchedule | Problem]
    """

    kwargs = _get_kwargs(
        asset_id=asset_id,
        useful_life_years=useful_life_years,
        residual_rate=residual_rate,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    asset_id: UUID,
    *,
    client: AuthenticatedClient,
    useful_life_years: int,
    residual_rate: float | str | Unset = 0.05,
) -> AssetsDepreciationSchedule | Problem | None:
    """按年限平均法测算折旧（供核对账面价值）/ straight-line depreciation schedule

    Args:
        asset_id (UUID):
        useful_life_years (int): 折旧年限（年）
        residual_rate (float | str | Unset): 残值率（多余小数位四舍六入） Default: 0.05.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetsDepreciationSchedule | Problem
    """

    return sync_detailed(
        asset_id=asset_id,
        client=client,
        useful_life_years=useful_life_years,
        residual_rate=residual_rate,
    ).parsed


async def asyncio_detailed(
    asset_id: UUID,
    *,
    client: AuthenticatedClient,
    useful_life_years: int,
    residual_rate: float | str | Unset = 0.05,
) -> Response[AssetsDepreciationSchedule | Problem]:
    """按年限平均法测算折旧（供核对账面价值）/ straight-line depreciation schedule

    Args:
        asset_id (UUID):
        useful_life_years (int): 折旧年限（年）
        residual_rate (float | str | Unset): 残值率（多余小数位四舍六入） Default: 0.05.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetsDepreciationSchedule | Problem]
    """

    kwargs = _get_kwargs(
        asset_id=asset_id,
        useful_life_years=useful_life_years,
        residual_rate=residual_rate,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    asset_id: UUID,
    *,
    client: AuthenticatedClient,
    useful_life_years: int,
    residual_rate: float | str | Unset = 0.05,
) -> AssetsDepreciationSchedule | Problem | None:
    """按年限平均法测算折旧（供核对账面价值）/ straight-line depreciation schedule

    Args:
        asset_id (UUID):
        useful_life_years (int): 折旧年限（年）
        residual_rate (float | str | Unset): 残值率（多余小数位四舍六入） Default: 0.05.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetsDepreciationSchedule | Problem
    """

    return (
        await asyncio_detailed(
            asset_id=asset_id,
            client=client,
            useful_life_years=useful_life_years,
            residual_rate=residual_rate,
        )
    ).parsed
