from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_declaration_form import MonitoringDeclarationForm
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    village_code: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["village_code"] = village_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/monitoring/v1/public/declaration-form",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringDeclarationForm | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringDeclarationForm.from_dict(response.json())

        return response_200

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
) -> Response[MonitoringDeclarationForm | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    village_code: str,
) -> Response[MonitoringDeclarationForm | Problem]:
    """自主申报表单（村务公开栏二维码，无需登录、限流）/ the declaration form of a village

    Args:
        village_code (str): 村（社区）代码

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringDeclarationForm | Problem]
    """

    kwargs = _get_kwargs(
        village_code=village_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    village_code: str,
) -> MonitoringDeclarationForm | Problem | None:
    """自主申报表单（村务公开栏二维码，无需登录、限流）/ the declaration form of a village

    Args:
        village_code (str): 村（社区）代码

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringDeclarationForm | Problem
    """

    return sync_detailed(
        client=client,
        village_code=village_code,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    village_code: str,
) -> Response[MonitoringDeclarationForm | Problem]:
    """自主申报表单（村务公开栏二维码，无需登录、限流）/ the declaration form of a village

    Args:
        village_code (str): 村（社区）代码

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringDeclarationForm | Problem]
    """

    kwargs = _get_kwargs(
        village_code=village_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    village_code: str,
) -> MonitoringDeclarationForm | Problem | None:
    """自主申报表单（村务公开栏二维码，无需登录、限流）/ the declaration form of a village

    Args:
        village_code (str): 村（社区）代码

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringDeclarationForm | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            village_code=village_code,
        )
    ).parsed
