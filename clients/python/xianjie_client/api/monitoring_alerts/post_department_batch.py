from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_batch_report import MonitoringBatchReport
from ...models.monitoring_department_batch import MonitoringDepartmentBatch
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: MonitoringDepartmentBatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/alerts/department-batches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringBatchReport | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringBatchReport.from_dict(response.json())

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
) -> Response[MonitoringBatchReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MonitoringDepartmentBatch,
) -> Response[MonitoringBatchReport | Problem]:
    """部门筛查预警批量推送（集成账号）/ a department's batch of alerts

     按身份证号匹配农户；未匹配的记录在回执中列出；同一批次重复推送不会重复预警。

    Args:
        body (MonitoringDepartmentBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringBatchReport | Problem]
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
    body: MonitoringDepartmentBatch,
) -> MonitoringBatchReport | Problem | None:
    """部门筛查预警批量推送（集成账号）/ a department's batch of alerts

     按身份证号匹配农户；未匹配的记录在回执中列出；同一批次重复推送不会重复预警。

    Args:
        body (MonitoringDepartmentBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringBatchReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MonitoringDepartmentBatch,
) -> Response[MonitoringBatchReport | Problem]:
    """部门筛查预警批量推送（集成账号）/ a department's batch of alerts

     按身份证号匹配农户；未匹配的记录在回执中列出；同一批次重复推送不会重复预警。

    Args:
        body (MonitoringDepartmentBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringBatchReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MonitoringDepartmentBatch,
) -> MonitoringBatchReport | Problem | None:
    """部门筛查预警批量推送（集成账号）/ a department's batch of alerts

     按身份证号匹配农户；未匹配的记录在回执中列出；同一批次重复推送不会重复预警。

    Args:
        body (MonitoringDepartmentBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringBatchReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
