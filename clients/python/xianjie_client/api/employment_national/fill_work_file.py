from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.employment_body_fill_work_file import EmploymentBodyFillWorkFile
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: EmploymentBodyFillWorkFile,
    month: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["month"] = month

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/employment/v1/national/work-file/fill",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EmploymentBodyFillWorkFile,
    month: str,
) -> Response[Any | Problem]:
    """按国家系统模板填报每月务工状态（XLSX）/ fill the national monthly work file

     上传国家系统下发的模板（含身份证号码、姓名），返回同一批行并按月末记录填写务工各列；身份证号码取自上传文件，本服务不保存。辖区外或未登记的行务工各列留空。

    Args:
        month (str): 月份 YYYY-MM
        body (EmploymentBodyFillWorkFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        month=month,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EmploymentBodyFillWorkFile,
    month: str,
) -> Any | Problem | None:
    """按国家系统模板填报每月务工状态（XLSX）/ fill the national monthly work file

     上传国家系统下发的模板（含身份证号码、姓名），返回同一批行并按月末记录填写务工各列；身份证号码取自上传文件，本服务不保存。辖区外或未登记的行务工各列留空。

    Args:
        month (str): 月份 YYYY-MM
        body (EmploymentBodyFillWorkFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        month=month,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EmploymentBodyFillWorkFile,
    month: str,
) -> Response[Any | Problem]:
    """按国家系统模板填报每月务工状态（XLSX）/ fill the national monthly work file

     上传国家系统下发的模板（含身份证号码、姓名），返回同一批行并按月末记录填写务工各列；身份证号码取自上传文件，本服务不保存。辖区外或未登记的行务工各列留空。

    Args:
        month (str): 月份 YYYY-MM
        body (EmploymentBodyFillWorkFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        month=month,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EmploymentBodyFillWorkFile,
    month: str,
) -> Any | Problem | None:
    """按国家系统模板填报每月务工状态（XLSX）/ fill the national monthly work file

     上传国家系统下发的模板（含身份证号码、姓名），返回同一批行并按月末记录填写务工各列；身份证号码取自上传文件，本服务不保存。辖区外或未登记的行务工各列留空。

    Args:
        month (str): 月份 YYYY-MM
        body (EmploymentBodyFillWorkFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            month=month,
        )
    ).parsed
