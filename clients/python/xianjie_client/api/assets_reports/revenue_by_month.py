from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assets_report import AssetsReport
from ...models.problem import Problem
from ...models.revenue_by_month_format import RevenueByMonthFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    year: int,
    format_: RevenueByMonthFormat | Unset = RevenueByMonthFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["year"] = year

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/assets/v1/reports/revenue-by-month",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AssetsReport | Problem | None:
    if response.status_code == 200:
        response_200 = AssetsReport.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[AssetsReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    year: int,
    format_: RevenueByMonthFormat | Unset = RevenueByMonthFormat.JSON,
) -> Response[AssetsReport | Problem]:
    """光伏收益与收益分配（按月）/ PV revenue and distributions by month

    Args:
        year (int): 年度
        format_ (RevenueByMonthFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: RevenueByMonthFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetsReport | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    year: int,
    format_: RevenueByMonthFormat | Unset = RevenueByMonthFormat.JSON,
) -> AssetsReport | Problem | None:
    """光伏收益与收益分配（按月）/ PV revenue and distributions by month

    Args:
        year (int): 年度
        format_ (RevenueByMonthFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: RevenueByMonthFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetsReport | Problem
    """

    return sync_detailed(
        client=client,
        year=year,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    year: int,
    format_: RevenueByMonthFormat | Unset = RevenueByMonthFormat.JSON,
) -> Response[AssetsReport | Problem]:
    """光伏收益与收益分配（按月）/ PV revenue and distributions by month

    Args:
        year (int): 年度
        format_ (RevenueByMonthFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: RevenueByMonthFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetsReport | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    year: int,
    format_: RevenueByMonthFormat | Unset = RevenueByMonthFormat.JSON,
) -> AssetsReport | Problem | None:
    """光伏收益与收益分配（按月）/ PV revenue and distributions by month

    Args:
        year (int): 年度
        format_ (RevenueByMonthFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: RevenueByMonthFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetsReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            year=year,
            format_=format_,
        )
    ).parsed
