from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assets_idle_flag_out import AssetsIdleFlagOut
from ...models.assets_proposal_in import AssetsProposalIn
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    flag_id: UUID,
    *,
    body: AssetsProposalIn,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/assets/v1/idle-assets/{flag_id}".format(
            flag_id=quote(str(flag_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssetsIdleFlagOut | Problem | None:
    if response.status_code == 200:
        response_200 = AssetsIdleFlagOut.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AssetsIdleFlagOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    flag_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AssetsProposalIn,
    if_match: str,
) -> Response[AssetsIdleFlagOut | Problem]:
    """提出处置意见（盘活/改变用途/处置，需 If-Match）/ propose an action

    Args:
        flag_id (UUID):
        if_match (str):
        body (AssetsProposalIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetsIdleFlagOut | Problem]
    """

    kwargs = _get_kwargs(
        flag_id=flag_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    flag_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AssetsProposalIn,
    if_match: str,
) -> AssetsIdleFlagOut | Problem | None:
    """提出处置意见（盘活/改变用途/处置，需 If-Match）/ propose an action

    Args:
        flag_id (UUID):
        if_match (str):
        body (AssetsProposalIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetsIdleFlagOut | Problem
    """

    return sync_detailed(
        flag_id=flag_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    flag_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AssetsProposalIn,
    if_match: str,
) -> Response[AssetsIdleFlagOut | Problem]:
    """提出处置意见（盘活/改变用途/处置，需 If-Match）/ propose an action

    Args:
        flag_id (UUID):
        if_match (str):
        body (AssetsProposalIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssetsIdleFlagOut | Problem]
    """

    kwargs = _get_kwargs(
        flag_id=flag_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    flag_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AssetsProposalIn,
    if_match: str,
) -> AssetsIdleFlagOut | Problem | None:
    """提出处置意见（盘活/改变用途/处置，需 If-Match）/ propose an action

    Args:
        flag_id (UUID):
        if_match (str):
        body (AssetsProposalIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssetsIdleFlagOut | Problem
    """

    return (
        await asyncio_detailed(
            flag_id=flag_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
