from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_safety_net_batch import MonitoringSafetyNetBatch
from ...models.monitoring_safety_net_batch_report import MonitoringSafetyNetBatchReport
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: MonitoringSafetyNetBatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/assistance-plans/safety-net-batches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringSafetyNetBatchReport | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringSafetyNetBatchReport.from_dict(response.json())

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
) -> Response[MonitoringSafetyNetBatchReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MonitoringSafetyNetBatch,
) -> Response[MonitoringSafetyNetBatchReport | Problem]:
    """民政系统批量推送低保、特困供养落实（集成账号）/ civil affairs' batch of deliveries

     按身份证号匹配在册成员，在该户当年帮扶计划中登记落实（没有计划或措施时一并建立）；逐条回执；重复推送不重复登记。

    Args:
        body (MonitoringSafetyNetBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringSafetyNetBatchReport | Problem]
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
    body: MonitoringSafetyNetBatch,
) -> MonitoringSafetyNetBatchReport | Problem | None:
    """民政系统批量推送低保、特困供养落实（集成账号）/ civil affairs' batch of deliveries

     按身份证号匹配在册成员，在该户当年帮扶计划中登记落实（没有计划或措施时一并建立）；逐条回执；重复推送不重复登记。

    Args:
        body (MonitoringSafetyNetBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringSafetyNetBatchReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MonitoringSafetyNetBatch,
) -> Response[MonitoringSafetyNetBatchReport | Problem]:
    """民政系统批量推送低保、特困供养落实（集成账号）/ civil affairs' batch of deliveries

     按身份证号匹配在册成员，在该户当年帮扶计划中登记落实（没有计划或措施时一并建立）；逐条回执；重复推送不重复登记。

    Args:
        body (MonitoringSafetyNetBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringSafetyNetBatchReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MonitoringSafetyNetBatch,
) -> MonitoringSafetyNetBatchReport | Problem | None:
    """民政系统批量推送低保、特困供养落实（集成账号）/ civil affairs' batch of deliveries

     按身份证号匹配在册成员，在该户当年帮扶计划中登记落实（没有计划或措施时一并建立）；逐条回执；重复推送不重复登记。

    Args:
        body (MonitoringSafetyNetBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringSafetyNetBatchReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
