from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_national_workbook_response_import_national_workbook import (
    ImportNationalWorkbookResponseImportNationalWorkbook,
)
from ...models.monitoring_body_import_national_workbook import MonitoringBodyImportNationalWorkbook
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MonitoringBodyImportNationalWorkbook,
    apply: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["apply"] = apply

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/national/import",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportNationalWorkbookResponseImportNationalWorkbook | Problem | None:
    if response.status_code == 200:
        response_200 = ImportNationalWorkbookResponseImportNationalWorkbook.from_dict(response.json())

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
) -> Response[ImportNationalWorkbookResponseImportNationalWorkbook | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MonitoringBodyImportNationalWorkbook,
    apply: bool | Unset = False,
) -> Response[ImportNationalWorkbookResponseImportNationalWorkbook | Problem]:
    """导入国家系统采集表，应用区里接受的更改（先试运行）/ import a national workbook

     按身份证号码（密钥散列）匹配本辖区的成员与户，逐行报告。可导入修改的列：户主姓名、家庭住址、住房/饮水是否安全，成员姓名、在校生状况、健康状况、劳动技能、是否参加医保，以及各年度收入（可新登记）；其他
    列不一致时该行被拒。apply=false（默认）为试运行：报告与实际导入相同，但不写入。

    Args:
        apply (bool | Unset): true 时写入；默认 false 只试运行 Default: False.
        body (MonitoringBodyImportNationalWorkbook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportNationalWorkbookResponseImportNationalWorkbook | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        apply=apply,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: MonitoringBodyImportNationalWorkbook,
    apply: bool | Unset = False,
) -> ImportNationalWorkbookResponseImportNationalWorkbook | Problem | None:
    """导入国家系统采集表，应用区里接受的更改（先试运行）/ import a national workbook

     按身份证号码（密钥散列）匹配本辖区的成员与户，逐行报告。可导入修改的列：户主姓名、家庭住址、住房/饮水是否安全，成员姓名、在校生状况、健康状况、劳动技能、是否参加医保，以及各年度收入（可新登记）；其他
    列不一致时该行被拒。apply=false（默认）为试运行：报告与实际导入相同，但不写入。

    Args:
        apply (bool | Unset): true 时写入；默认 false 只试运行 Default: False.
        body (MonitoringBodyImportNationalWorkbook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportNationalWorkbookResponseImportNationalWorkbook | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        apply=apply,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MonitoringBodyImportNationalWorkbook,
    apply: bool | Unset = False,
) -> Response[ImportNationalWorkbookResponseImportNationalWorkbook | Problem]:
    """导入国家系统采集表，应用区里接受的更改（先试运行）/ import a national workbook

     按身份证号码（密钥散列）匹配本辖区的成员与户，逐行报告。可导入修改的列：户主姓名、家庭住址、住房/饮水是否安全，成员姓名、在校生状况、健康状况、劳动技能、是否参加医保，以及各年度收入（可新登记）；其他
    列不一致时该行被拒。apply=false（默认）为试运行：报告与实际导入相同，但不写入。

    Args:
        apply (bool | Unset): true 时写入；默认 false 只试运行 Default: False.
        body (MonitoringBodyImportNationalWorkbook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportNationalWorkbookResponseImportNationalWorkbook | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        apply=apply,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MonitoringBodyImportNationalWorkbook,
    apply: bool | Unset = False,
) -> ImportNationalWorkbookResponseImportNationalWorkbook | Problem | None:
    """导入国家系统采集表，应用区里接受的更改（先试运行）/ import a national workbook

     按身份证号码（密钥散列）匹配本辖区的成员与户，逐行报告。可导入修改的列：户主姓名、家庭住址、住房/饮水是否安全，成员姓名、在校生状况、健康状况、劳动技能、是否参加医保，以及各年度收入（可新登记）；其他
    列不一致时该行被拒。apply=false（默认）为试运行：报告与实际导入相同，但不写入。

    Args:
        apply (bool | Unset): true 时写入；默认 false 只试运行 Default: False.
        body (MonitoringBodyImportNationalWorkbook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportNationalWorkbookResponseImportNationalWorkbook | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            apply=apply,
        )
    ).parsed
