from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.employment_nomination_out import EmploymentNominationOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    craftsman_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/employment/v1/craftsmen/{craftsman_id}/nominations".format(
            craftsman_id=quote(str(craftsman_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[EmploymentNominationOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = EmploymentNominationOut.from_dict(response_200_item_data)

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
) -> Response[Problem | list[EmploymentNominationOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    craftsman_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[EmploymentNominationOut]]:
    """工匠的申报记录 / a craftsman's nominations

    Args:
        craftsman_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[EmploymentNominationOut]]
    """

    kwargs = _get_kwargs(
        craftsman_id=craftsman_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    craftsman_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | list[EmploymentNominationOut] | None:
    """工匠的申报记录 / a craftsman's nominations

    Args:
        craftsman_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[EmploymentNominationOut]
    """

    return sync_detailed(
        craftsman_id=craftsman_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    craftsman_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[EmploymentNominationOut]]:
    """工匠的申报记录 / a craftsman's nominations

    Args:
        craftsman_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[EmploymentNominationOut]]
    """

    kwargs = _get_kwargs(
        craftsman_id=craftsman_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    craftsman_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | list[EmploymentNominationOut] | None:
    """工匠的申报记录 / a craftsman's nominations

    Args:
        craftsman_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[EmploymentNominationOut]
    """

    return (
        await asyncio_detailed(
            craftsman_id=craftsman_id,
            client=client,
        )
    ).parsed
