from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_body_import_households import MonitoringBodyImportHouseholds
from ...models.monitoring_import_report import MonitoringImportReport
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: MonitoringBodyImportHouseholds,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/households/import",
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
    body: MonitoringBodyImportHouseholds,
) -> Response[MonitoringImportReport | Problem]:
    """批量导入农户台账（CSV/XLSX）/ import households from a ledger

     表头：乡镇代码、村代码、户主姓名、户主身份证号、住址、户类型、家庭人口数、健康状况、劳动能力、在校情况、参加医保。以户主身份证号识别农户：重复导入同一文件不产生任何变化。

    Args:
        body (MonitoringBodyImportHouseholds):

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
    body: MonitoringBodyImportHouseholds,
) -> MonitoringImportReport | Problem | None:
    """批量导入农户台账（CSV/XLSX）/ import households from a ledger

     表头：乡镇代码、村代码、户主姓名、户主身份证号、住址、户类型、家庭人口数、健康状况、劳动能力、在校情况、参加医保。以户主身份证号识别农户：重复导入同一文件不产生任何变化。

    Args:
        body (MonitoringBodyImportHouseholds):

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
    body: MonitoringBodyImportHouseholds,
) -> Response[MonitoringImportReport | Problem]:
    """批量导入农户台账（CSV/XLSX）/ import households from a ledger

     表头：乡镇代码、村代码、户主姓名、户主身份证号、住址、户类型、家庭人口数、健康状况、劳动能力、在校情况、参加医保。以户主身份证号识别农户：重复导入同一文件不产生任何变化。

    Args:
        body (MonitoringBodyImportHouseholds):

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
    body: MonitoringBodyImportHouseholds,
) -> MonitoringImportReport | Problem | None:
    """批量导入农户台账（CSV/XLSX）/ import households from a ledger

     表头：乡镇代码、村代码、户主姓名、户主身份证号、住址、户类型、家庭人口数、健康状况、劳动能力、在校情况、参加医保。以户主身份证号识别农户：重复导入同一文件不产生任何变化。

    Args:
        body (MonitoringBodyImportHouseholds):

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
