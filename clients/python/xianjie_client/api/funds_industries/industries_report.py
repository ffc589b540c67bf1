from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funds_report import FundsReport
from ...models.industries_report_format import IndustriesReportFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    year: int | None | Unset = UNSET,
    format_: IndustriesReportFormat | Unset = IndustriesReportFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funds/v1/industries/report",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FundsReport | Problem | None:
    if response.status_code == 200:
        response_200 = FundsReport.from_dict(response.json())

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
) -> Response[FundsReport | Problem]:
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
    format_: IndustriesReportFormat | Unset = IndustriesReportFormat.JSON,
) -> Response[FundsReport | Problem]:
    """帮扶产业四个一批与联农带农（按乡镇）/ industries by town and class

    Args:
        year (int | None | Unset):
        format_ (IndustriesReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: IndustriesReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsReport | Problem]
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
    year: int | None | Unset = UNSET,
    format_: IndustriesReportFormat | Unset = IndustriesReportFormat.JSON,
) -> FundsReport | Problem | None:
    """帮扶产业四个一批与联农带农（按乡镇）/ industries by town and class

    Args:
        year (int | None | Unset):
        format_ (IndustriesReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: IndustriesReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsReport | Problem
    """

    return sync_detailed(
        client=client,
        year=year,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    format_: IndustriesReportFormat | Unset = IndustriesReportFormat.JSON,
) -> Response[FundsReport | Problem]:
    """帮扶产业四个一批与联农带农（按乡镇）/ industries by town and class

    Args:
        year (int | None | Unset):
        format_ (IndustriesReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: IndustriesReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsReport | Problem]
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
    year: int | None | Unset = UNSET,
    format_: IndustriesReportFormat | Unset = IndustriesReportFormat.JSON,
) -> FundsReport | Problem | None:
    """帮扶产业四个一批与联农带农（按乡镇）/ industries by town and class

    Args:
        year (int | None | Unset):
        format_ (IndustriesReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: IndustriesReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            year=year,
            format_=format_,
        )
    ).parsed
