from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funds_get_report_format import FundsGetReportFormat
from ...models.funds_report import FundsReport
from ...models.funds_report_name import FundsReportName
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    name: FundsReportName,
    *,
    year: int | None | Unset = UNSET,
    month: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    format_: FundsGetReportFormat | Unset = FundsGetReportFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    json_month: int | None | Unset
    if isinstance(month, Unset):
        json_month = UNSET
    else:
        json_month = month
    params["month"] = json_month

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
        "url": "/api/funds/v1/reports/{name}".format(
            name=quote(str(name), safe=""),
        ),
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
    name: FundsReportName,
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    month: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    format_: FundsGetReportFormat | Unset = FundsGetReportFormat.JSON,
) -> Response[FundsReport | Problem]:
    """报表（JSON 或 XLSX 下载）/ a report, as JSON or an XLSX download

     fund-use 资金使用（按来源、类别；需 year）；pipeline 项目库进展（按乡镇、状态；可选 year、town_code）；checkpoint-progress
    节点支出进度（按项目；需 year、month）。

    Args:
        name (FundsReportName): fund-use=资金使用：按来源和类别；pipeline=项目进展：按状态和乡镇；checkpoint-
            progress=节点支出进度：按项目
        year (int | None | Unset):
        month (int | None | Unset):
        town_code (None | str | Unset):
        format_ (FundsGetReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: FundsGetReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsReport | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        year=year,
        month=month,
        town_code=town_code,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: FundsReportName,
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    month: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    format_: FundsGetReportFormat | Unset = FundsGetReportFormat.JSON,
) -> FundsReport | Problem | None:
    """报表（JSON 或 XLSX 下载）/ a report, as JSON or an XLSX download

     fund-use 资金使用（按来源、类别；需 year）；pipeline 项目库进展（按乡镇、状态；可选 year、town_code）；checkpoint-progress
    节点支出进度（按项目；需 year、month）。

    Args:
        name (FundsReportName): fund-use=资金使用：按来源和类别；pipeline=项目进展：按状态和乡镇；checkpoint-
            progress=节点支出进度：按项目
        year (int | None | Unset):
        month (int | None | Unset):
        town_code (None | str | Unset):
        format_ (FundsGetReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: FundsGetReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsReport | Problem
    """

    return sync_detailed(
        name=name,
        client=client,
        year=year,
        month=month,
        town_code=town_code,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    name: FundsReportName,
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    month: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    format_: FundsGetReportFormat | Unset = FundsGetReportFormat.JSON,
) -> Response[FundsReport | Problem]:
    """报表（JSON 或 XLSX 下载）/ a report, as JSON or an XLSX download

     fund-use 资金使用（按来源、类别；需 year）；pipeline 项目库进展（按乡镇、状态；可选 year、town_code）；checkpoint-progress
    节点支出进度（按项目；需 year、month）。

    Args:
        name (FundsReportName): fund-use=资金使用：按来源和类别；pipeline=项目进展：按状态和乡镇；checkpoint-
            progress=节点支出进度：按项目
        year (int | None | Unset):
        month (int | None | Unset):
        town_code (None | str | Unset):
        format_ (FundsGetReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: FundsGetReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsReport | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        year=year,
        month=month,
        town_code=town_code,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: FundsReportName,
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    month: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    format_: FundsGetReportFormat | Unset = FundsGetReportFormat.JSON,
) -> FundsReport | Problem | None:
    """报表（JSON 或 XLSX 下载）/ a report, as JSON or an XLSX download

     fund-use 资金使用（按来源、类别；需 year）；pipeline 项目库进展（按乡镇、状态；可选 year、town_code）；checkpoint-progress
    节点支出进度（按项目；需 year、month）。

    Args:
        name (FundsReportName): fund-use=资金使用：按来源和类别；pipeline=项目进展：按状态和乡镇；checkpoint-
            progress=节点支出进度：按项目
        year (int | None | Unset):
        month (int | None | Unset):
        town_code (None | str | Unset):
        format_ (FundsGetReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: FundsGetReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsReport | Problem
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            year=year,
            month=month,
            town_code=town_code,
            format_=format_,
        )
    ).parsed
