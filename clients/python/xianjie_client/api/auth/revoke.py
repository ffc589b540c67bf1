from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_revoke import BodyRevoke
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BodyRevoke | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/revoke",
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
    client: AuthenticatedClient | Client,
    body: BodyRevoke | Unset = UNSET,
) -> Response[Any | Problem]:
    """注销：吊销刷新令牌（OAuth2 RFC 7009）/ sign out: revoke a refresh token

     `token` 为刷新令牌；其整条登录链随之失效。未知令牌同样答 200（RFC 7009 §2.2）。访问令牌到期前仍然有效，客户端应自行丢弃。

    Args:
        body (BodyRevoke | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: BodyRevoke | Unset = UNSET,
) -> Any | Problem | None:
    """注销：吊销刷新令牌（OAuth2 RFC 7009）/ sign out: revoke a refresh token

     `token` 为刷新令牌；其整条登录链随之失效。未知令牌同样答 200（RFC 7009 §2.2）。访问令牌到期前仍然有效，客户端应自行丢弃。

    Args:
        body (BodyRevoke | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyRevoke | Unset = UNSET,
) -> Response[Any | Problem]:
    """注销：吊销刷新令牌（OAuth2 RFC 7009）/ sign out: revoke a refresh token

     `token` 为刷新令牌；其整条登录链随之失效。未知令牌同样答 200（RFC 7009 §2.2）。访问令牌到期前仍然有效，客户端应自行丢弃。

    Args:
        body (BodyRevoke | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BodyRevoke | Unset = UNSET,
) -> Any | Problem | None:
    """注销：吊销刷新令牌（OAuth2 RFC 7009）/ sign out: revoke a refresh token

     `token` 为刷新令牌；其整条登录链随之失效。未知令牌同样答 200（RFC 7009 §2.2）。访问令牌到期前仍然有效，客户端应自行丢弃。

    Args:
        body (BodyRevoke | Unset):

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
        )
    ).parsed
