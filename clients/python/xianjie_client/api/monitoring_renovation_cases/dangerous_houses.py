import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dangerous_houses_format import DangerousHousesFormat
from ...models.monitoring_report import MonitoringReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    town_code: None | str | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    format_: DangerousHousesFormat | Unset = DangerousHousesFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_town_code: None | str | Unset
    if isinstance(town_code, Unset):
        json_town_code = UNSET
    else:
        json_town_code = town_code
    params["town_code"] = json_town_code

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/monitoring/v1/housing/dangerous-houses",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringReport | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringReport.from_dict(response.json())

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
) -> Response[MonitoringReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    format_: DangerousHousesFormat | Unset = DangerousHousesFormat.JSON,
) -> Response[MonitoringReport | Problem]:
    """居住危房农户报表（应为零；JSON 或 XLSX）/ households living in a dangerous house

    Args:
        town_code (None | str | Unset):
        as_of (datetime.date | None | Unset): 统计日期（默认今天）
        format_ (DangerousHousesFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: DangerousHousesFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReport | Problem]
    """

    kwargs = _get_kwargs(
        town_code=town_code,
        as_of=as_of,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    format_: DangerousHousesFormat | Unset = DangerousHousesFormat.JSON,
) -> MonitoringReport | Problem | None:
    """居住危房农户报表（应为零；JSON 或 XLSX）/ households living in a dangerous house

    Args:
        town_code (None | str | Unset):
        as_of (datetime.date | None | Unset): 统计日期（默认今天）
        format_ (DangerousHousesFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: DangerousHousesFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReport | Problem
    """

    return sync_detailed(
        client=client,
        town_code=town_code,
        as_of=as_of,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    format_: DangerousHousesFormat | Unset = DangerousHousesFormat.JSON,
) -> Response[MonitoringReport | Problem]:
    """居住危房农户报表（应为零；JSON 或 XLSX）/ households living in a dangerous house

    Args:
        town_code (None | str | Unset):
        as_of (datetime.date | None | Unset): 统计日期（默认今天）
        format_ (DangerousHousesFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: DangerousHousesFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReport | Problem]
    """

    kwargs = _get_kwargs(
        town_code=town_code,
        as_of=as_of,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    format_: DangerousHousesFormat | Unset = DangerousHousesFormat.JSON,
) -> MonitoringReport | Problem | None:
    """居住危房农户报表（应为零；JSON 或 XLSX）/ households living in a dangerous house

    Args:
        town_code (None | str | Unset):
        as_of (datetime.date | None | Unset): 统计日期（默认今天）
        format_ (DangerousHousesFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: DangerousHousesFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            town_code=town_code,
            as_of=as_of,
            format_=format_,
        )
    ).parsed
