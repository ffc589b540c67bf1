from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_declaration_create import MonitoringDeclarationCreate
from ...models.monitoring_declaration_receipt import MonitoringDeclarationReceipt
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: MonitoringDeclarationCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/public/declarations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringDeclarationReceipt | Problem | None:
    if response.status_code == 201:
        response_201 = MonitoringDeclarationReceipt.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MonitoringDeclarationReceipt | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MonitoringDeclarationCreate,
) -> Response[MonitoringDeclarationReceipt | Problem]:
    """农户自主申报（无需登录、按手机号和来源地址限流）/ declare a difficulty (no token)

     只返回查询码；凭查询码和手机号查询办理进度。

    Args:
        body (MonitoringDeclarationCreate): 农户自主申报 as the applicant (the farmer or a family
            member) fills it in.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringDeclarationReceipt | Problem]
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
    client: AuthenticatedClient | Client,
    body: MonitoringDeclarationCreate,
) -> MonitoringDeclarationReceipt | Problem | None:
    """农户自主申报（无需登录、按手机号和来源地址限流）/ declare a difficulty (no token)

     只返回查询码；凭查询码和手机号查询办理进度。

    Args:
        body (MonitoringDeclarationCreate): 农户自主申报 as the applicant (the farmer or a family
            member) fills it in.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringDeclarationReceipt | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MonitoringDeclarationCreate,
) -> Response[MonitoringDeclarationReceipt | Problem]:
    """农户自主申报（无需登录、按手机号和来源地址限流）/ declare a difficulty (no token)

     只返回查询码；凭查询码和手机号查询办理进度。

    Args:
        body (MonitoringDeclarationCreate): 农户自主申报 as the applicant (the farmer or a family
            member) fills it in.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringDeclarationReceipt | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MonitoringDeclarationCreate,
) -> MonitoringDeclarationReceipt | Problem | None:
    """农户自主申报（无需登录、按手机号和来源地址限流）/ declare a difficulty (no token)

     只返回查询码；凭查询码和手机号查询办理进度。

    Args:
        body (MonitoringDeclarationCreate): 农户自主申报 as the applicant (the farmer or a family
            member) fills it in.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringDeclarationReceipt | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
