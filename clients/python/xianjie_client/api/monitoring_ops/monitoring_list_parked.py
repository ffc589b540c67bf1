from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_parked_event import MonitoringParkedEvent
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    include_replayed: bool | Unset = False,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_replayed"] = include_replayed

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/monitoring/v1/ops/parked-events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[MonitoringParkedEvent] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = MonitoringParkedEvent.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[Problem | list[MonitoringParkedEvent]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    include_replayed: bool | Unset = False,
    limit: int | Unset = 100,
) -> Response[Problem | list[MonitoringParkedEvent]]:
    """查看停放的事件 / parked events

    Args:
        include_replayed (bool | Unset):  Default: False.
        limit (int | Unset): 每页条数 / page size Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[MonitoringParkedEvent]]
    """

    kwargs = _get_kwargs(
        include_replayed=include_replayed,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    include_replayed: bool | Unset = False,
    limit: int | Unset = 100,
) -> Problem | list[MonitoringParkedEvent] | None:
    """查看停放的事件 / parked events

    Args:
        include_replayed (bool | Unset):  Default: False.
        limit (int | Unset): 每页条数 / page size Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[MonitoringParkedEvent]
    """

    return sync_detailed(
        client=client,
        include_replayed=include_replayed,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    include_replayed: bool | Unset = False,
    limit: int | Unset = 100,
) -> Response[Problem | list[MonitoringParkedEvent]]:
    """查看停放的事件 / parked events

    Args:
        include_replayed (bool | Unset):  Default: False.
        limit (int | Unset): 每页条数 / page size Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[MonitoringParkedEvent]]
    """

    kwargs = _get_kwargs(
        include_replayed=include_replayed,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    include_replayed: bool | Unset = False,
    limit: int | Unset = 100,
) -> Problem | list[MonitoringParkedEvent] | None:
    """查看停放的事件 / parked events

    Args:
        include_replayed (bool | Unset):  Default: False.
        limit (int | Unset): 每页条数 / page size Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[MonitoringParkedEvent]
    """

    return (
        await asyncio_detailed(
            client=client,
            include_replayed=include_replayed,
            limit=limit,
        )
    ).parsed
