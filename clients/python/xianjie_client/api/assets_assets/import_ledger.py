from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assets_body_import_ledger import AssetsBodyImportLedger
from ...models.assets_import_report import AssetsImportReport
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: AssetsBodyImportLedger,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/assets/v1/assets/import",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssetsImportReport | Problem | None:
    if response.status_code == 200:
        response_200 = AssetsImportReport.from_dict(response.json())

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
) -> Response[AssetsImportReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AssetsBodyImportLedger,
) -> Response[AssetsImportReport | Problem]:
    """导入存量资产台账（CSV/XLSX，逐行报告，可重复导入）/ import an existing asset ledger

     表头：原台账编号、资产名称、资产类型、资产类别、乡镇代码、村代码、资产价值（元）、形成日期、产权主体类型、产权主体、管护主体、当前状态、来源项目编号、历史项目名称。同一文件重复导入不产生任何变化。

    Args:
        body (AssetsBodyImportLedger):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetsImportReport | Problem]
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
    body: AssetsBodyImportLedger,
) -> AssetsImportReport | Problem | None:
    """导入存量资产台账（CSV/XLSX，逐行报告，可重复导入）/ import an existing asset ledger

     表头：原台账编号、资产名称、资产类型、资产类别、乡镇代码、村代码、资产价值（元）、形成日期、产权主体类型、产权主体、管护主体、当前状态、来源项目编号、历史项目名称。同一文件重复导入不产生任何变化。

    Args:
        body (AssetsBodyImportLedger):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetsImportReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AssetsBodyImportLedger,
) -> Response[AssetsImportReport | Problem]:
    """导入存量资产台账（CSV/XLSX，逐行报告，可重复导入）/ import an existing asset ledger

     表头：原台账编号、资产名称、资产类型、资产类别、乡镇代码、村代码、资产价值（元）、形成日期、产权主体类型、产权主体、管护主体、当前状态、来源项目编号、历史项目名称。同一文件重复导入不产生任何变化。

    Args:
        body (AssetsBodyImportLedger):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetsImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AssetsBodyImportLedger,
) -> AssetsImportReport | Problem | None:
    """导入存量资产台账（CSV/XLSX，逐行报告，可重复导入）/ import an existing asset ledger

     表头：原台账编号、资产名称、资产类型、资产类别、乡镇代码、村代码、资产价值（元）、形成日期、产权主体类型、产权主体、管护主体、当前状态、来源项目编号、历史项目名称。同一文件重复导入不产生任何变化。

    Args:
        body (AssetsBodyImportLedger):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetsImportReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
