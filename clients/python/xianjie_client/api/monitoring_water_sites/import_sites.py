from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_body_import_sites import MonitoringBodyImportSites
from ...models.monitoring_import_report import MonitoringImportReport
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: MonitoringBodyImportSites,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/water-sites/import",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringImportReport | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringImportReport.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[MonitoringImportReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MonitoringBodyImportSites,
) -> Response[MonitoringImportReport | Problem]:
    """导入供水工程点位清单（CSV/XLSX，逐行回执）/ import water sites from the district's list

     表头：点位编号、点位名称、供水工程、乡镇代码、村代码、年度、状态（未开工/在建/已完工）、完工日期、资金项目编号（可空；须为本镇已批复的资金项目）、演示数据（是/否）。按点位编号匹配：重复导入不变。

    Args:
        body (MonitoringBodyImportSites):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: MonitoringBodyImportSites,
) -> MonitoringImportReport | Problem | None:
    """导入供水工程点位清单（CSV/XLSX，逐行回执）/ import water sites from the district's list

     表头：点位编号、点位名称、供水工程、乡镇代码、村代码、年度、状态（未开工/在建/已完工）、完工日期、资金项目编号（可空；须为本镇已批复的资金项目）、演示数据（是/否）。按点位编号匹配：重复导入不变。

    Args:
        body (MonitoringBodyImportSites):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringImportReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MonitoringBodyImportSites,
) -> Response[MonitoringImportReport | Problem]:
    """导入供水工程点位清单（CSV/XLSX，逐行回执）/ import water sites from the district's list

     表头：点位编号、点位名称、供水工程、乡镇代码、村代码、年度、状态（未开工/在建/已完工）、完工日期、资金项目编号（可空；须为本镇已批复的资金项目）、演示数据（是/否）。按点位编号匹配：重复导入不变。

    Args:
        body (MonitoringBodyImportSites):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MonitoringBodyImportSites,
) -> MonitoringImportReport | Problem | None:
    """导入供水工程点位清单（CSV/XLSX，逐行回执）/ import water sites from the district's list

     表头：点位编号、点位名称、供水工程、乡镇代码、村代码、年度、状态（未开工/在建/已完工）、完工日期、资金项目编号（可空；须为本镇已批复的资金项目）、演示数据（是/否）。按点位编号匹配：重复导入不变。

    Args:
        body (MonitoringBodyImportSites):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringImportReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
