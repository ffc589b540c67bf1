from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_replay_result import MonitoringReplayResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    parked_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/ops/parked-events/{parked_id}/replay".format(
            parked_id=quote(str(parked_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringReplayResult | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringReplayResult.from_dict(response.json())

        return response_200

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
) -> Response[MonitoringReplayResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    parked_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[MonitoringReplayResult | Problem]:
    """重放停放的事件 / replay a parked event

    Args:
        parked_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReplayResult | Problem]
    """

    kwargs = _get_kwargs(
        parked_id=parked_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    parked_id: int,
    *,
    client: AuthenticatedClient,
) -> MonitoringReplayResult | Problem | None:
    """重放停放的事件 / replay a parked event

    Args:
        parked_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReplayResult | Problem
    """

    return sync_detailed(
        parked_id=parked_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    parked_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[MonitoringReplayResult | Problem]:
    """重放停放的事件 / replay a parked event

    Args:
        parked_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReplayResult | Problem]
    """

    kwargs = _get_kwargs(
        parked_id=parked_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    parked_id: int,
    *,
    client: AuthenticatedClient,
) -> MonitoringReplayResult | Problem | None:
    """重放停放的事件 / replay a parked event

    Args:
        parked_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReplayResult | Problem
    """

    return (
        await asyncio_detailed(
            parked_id=parked_id,
            client=client,
        )
    ).parsed
