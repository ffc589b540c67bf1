from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.employment_body_import_work_file import EmploymentBodyImportWorkFile
from ...models.employment_import_report import EmploymentImportReport
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: EmploymentBodyImportWorkFile,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/employment/v1/national/work-file/import",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmploymentImportReport | Problem | None:
    if response.status_code == 200:
        response_200 = EmploymentImportReport.from_dict(response.json())

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
) -> Response[EmploymentImportReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EmploymentBodyImportWorkFile,
) -> Response[EmploymentImportReport | Problem]:
    """导入国家系统每月务工数据（按身份证号码匹配，逐行报告）/ import the national monthly work file

     列名见 national_work_layout.yaml（区县可按实际模板调整）。身份证号码只用于匹配，不保存。同一文件重复导入不产生任何变化。

    Args:
        body (EmploymentBodyImportWorkFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmploymentImportReport | Problem]
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
    body: EmploymentBodyImportWorkFile,
) -> EmploymentImportReport | Problem | None:
    """导入国家系统每月务工数据（按身份证号码匹配，逐行报告）/ import the national monthly work file

     列名见 national_work_layout.yaml（区县可按实际模板调整）。身份证号码只用于匹配，不保存。同一文件重复导入不产生任何变化。

    Args:
        body (EmploymentBodyImportWorkFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmploymentImportReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EmploymentBodyImportWorkFile,
) -> Response[EmploymentImportReport | Problem]:
    """导入国家系统每月务工数据（按身份证号码匹配，逐行报告）/ import the national monthly work file

     列名见 national_work_layout.yaml（区县可按实际模板调整）。身份证号码只用于匹配，不保存。同一文件重复导入不产生任何变化。

    Args:
        body (EmploymentBodyImportWorkFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmploymentImportReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EmploymentBodyImportWorkFile,
) -> EmploymentImportReport | Problem | None:
    """导入国家系统每月务工数据（按身份证号码匹配，逐行报告）/ import the national monthly work file

     列名见 national_work_layout.yaml（区县可按实际模板调整）。身份证号码只用于匹配，不保存。同一文件重复导入不产生任何变化。

    Args:
        body (EmploymentBodyImportWorkFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmploymentImportReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
