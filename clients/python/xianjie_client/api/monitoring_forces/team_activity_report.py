from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_report import MonitoringReport
from ...models.problem import Problem
from ...models.team_activity_report_format import TeamActivityReportFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    year: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    format_: TeamActivityReportFormat | Unset = TeamActivityReportFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    json_town_code: None | str | Unset
    if isinstance(town_code, Unset):
        json_town_code = UNSET
    else:
        json_town_code = town_code
    params["town_code"] = json_town_code

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/monitoring/v1/forces/reports/team-activity",
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
    year: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    format_: TeamActivityReportFormat | Unset = TeamActivityReportFormat.JSON,
) -> Response[MonitoringReport | Problem]:
    """驻村工作队工作情况（昼访夜谈、培训）/ per-team activity in a year

    Args:
        year (int | None | Unset): 年度（默认今年）
        town_code (None | str | Unset):
        format_ (TeamActivityReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: TeamActivityReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReport | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        town_code=town_code,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    format_: TeamActivityReportFormat | Unset = TeamActivityReportFormat.JSON,
) -> MonitoringReport | Problem | None:
    """驻村工作队工作情况（昼访夜谈、培训）/ per-team activity in a year

    Args:
        year (int | None | Unset): 年度（默认今年）
        town_code (None | str | Unset):
        format_ (TeamActivityReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: TeamActivityReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReport | Problem
    """

    return sync_detailed(
        client=client,
        year=year,
        town_code=town_code,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    format_: TeamActivityReportFormat | Unset = TeamActivityReportFormat.JSON,
) -> Response[MonitoringReport | Problem]:
    """驻村工作队工作情况（昼访夜谈、培训）/ per-team activity in a year

    Args:
        year (int | None | Unset): 年度（默认今年）
        town_code (None | str | Unset):
        format_ (TeamActivityReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: TeamActivityReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReport | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        town_code=town_code,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    format_: TeamActivityReportFormat | Unset = TeamActivityReportFormat.JSON,
) -> MonitoringReport | Problem | None:
    """驻村工作队工作情况（昼访夜谈、培训）/ per-team activity in a year

    Args:
        year (int | None | Unset): 年度（默认今年）
        town_code (None | str | Unset):
        format_ (TeamActivityReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: TeamActivityReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            year=year,
            town_code=town_code,
            format_=format_,
        )
    ).parsed
