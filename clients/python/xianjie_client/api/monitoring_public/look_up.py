from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_declaration_lookup import MonitoringDeclarationLookup
from ...models.monitoring_declaration_progress_out import MonitoringDeclarationProgressOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: MonitoringDeclarationLookup,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/public/declarations/lookup",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringDeclarationProgressOut | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringDeclarationProgressOut.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[MonitoringDeclarationProgressOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MonitoringDeclarationLookup,
) -> Response[MonitoringDeclarationProgressOut | Problem]:
    """查询申报进度（查询码 + 手机号，无需登录、限流）/ a declaration's progress

     查询码或手机号不正确时一律答复 404。

    Args:
        body (MonitoringDeclarationLookup):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringDeclarationProgressOut | Problem]
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
    body: MonitoringDeclarationLookup,
) -> MonitoringDeclarationProgressOut | Problem | None:
    """查询申报进度（查询码 + 手机号，无需登录、限流）/ a declaration's progress

     查询码或手机号不正确时一律答复 404。

    Args:
        body (MonitoringDeclarationLookup):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringDeclarationProgressOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MonitoringDeclarationLookup,
) -> Response[MonitoringDeclarationProgressOut | Problem]:
    """查询申报进度（查询码 + 手机号，无需登录、限流）/ a declaration's progress

     查询码或手机号不正确时一律答复 404。

    Args:
        body (MonitoringDeclarationLookup):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringDeclarationProgressOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MonitoringDeclarationLookup,
) -> MonitoringDeclarationProgressOut | Problem | None:
    """查询申报进度（查询码 + 手机号，无需登录、限流）/ a declaration's progress

     查询码或手机号不正确时一律答复 404。

    Args:
        body (MonitoringDeclarationLookup):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringDeclarationProgressOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
