from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_token import BodyToken
from ...models.problem import Problem
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BodyToken | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/token",
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyToken | Unset = UNSET,
) -> Response[Problem | TokenResponse]:
    """获取令牌（OAuth2）/ obtain a token (OAuth2)

     `grant_type=password`（username, password）供个人登录；`client_credentials`（client_id, client_secret，表单或
    HTTP Basic）供部门系统；`refresh_token` 轮换刷新令牌（每个只能用一次，重复使用会使整条登录链失效）。

    Args:
        body (BodyToken | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
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
    body: BodyToken | Unset = UNSET,
) -> Problem | TokenResponse | None:
    """获取令牌（OAuth2）/ obtain a token (OAuth2)

     `grant_type=password`（username, password）供个人登录；`client_credentials`（client_id, client_secret，表单或
    HTTP Basic）供部门系统；`refresh_token` 轮换刷新令牌（每个只能用一次，重复使用会使整条登录链失效）。

    Args:
        body (BodyToken | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyToken | Unset = UNSET,
) -> Response[Problem | TokenResponse]:
    """获取令牌（OAuth2）/ obtain a token (OAuth2)

     `grant_type=password`（username, password）供个人登录；`client_credentials`（client_id, client_secret，表单或
    HTTP Basic）供部门系统；`refresh_token` 轮换刷新令牌（每个只能用一次，重复使用会使整条登录链失效）。

    Args:
        body (BodyToken | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BodyToken | Unset = UNSET,
) -> Problem | TokenResponse | None:
    """获取令牌（OAuth2）/ obtain a token (OAuth2)

     `grant_type=password`（username, password）供个人登录；`client_credentials`（client_id, client_secret，表单或
    HTTP Basic）供部门系统；`refresh_token` 轮换刷新令牌（每个只能用一次，重复使用会使整条登录链失效）。

    Args:
        body (BodyToken | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
