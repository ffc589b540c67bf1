from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_expense_out import MonitoringExpenseOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    household_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/monitoring/v1/households/{household_id}/medical-expenses".format(
            household_id=quote(str(household_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[MonitoringExpenseOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = MonitoringExpenseOut.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[MonitoringExpenseOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    household_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[MonitoringExpenseOut]]:
    """农户大额医疗费用 / a household's large medical expenses

    Args:
        household_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[MonitoringExpenseOut]]
    """

    kwargs = _get_kwargs(
        household_id=household_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    household_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | list[MonitoringExpenseOut] | None:
    """农户大额医疗费用 / a household's large medical expenses

    Args:
        household_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[MonitoringExpenseOut]
    """

    return sync_detailed(
        household_id=household_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    household_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[MonitoringExpenseOut]]:
    """农户大额医疗费用 / a household's large medical expenses

    Args:
        household_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[MonitoringExpenseOut]]
    """

    kwargs = _get_kwargs(
        household_id=household_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    household_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | list[MonitoringExpenseOut] | None:
    """农户大额医疗费用 / a household's large medical expenses

    Args:
        household_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[MonitoringExpenseOut]
    """

    return (
        await asyncio_detailed(
            household_id=household_id,
            client=client,
        )
    ).parsed
