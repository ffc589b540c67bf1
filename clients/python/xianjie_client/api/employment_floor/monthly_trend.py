from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.employment_floor_series import EmploymentFloorSeries
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: str,
    to: None | str | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    else:
        json_to = to
    params["to"] = json_to

    json_town_code: None | str | Unset
    if isinstance(town_code, Unset):
        json_town_code = UNSET
    else:
        json_town_code = town_code
    params["town_code"] = json_town_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/employment/v1/floor/series",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmploymentFloorSeries | Problem | None:
    if response.status_code == 200:
        response_200 = EmploymentFloorSeries.from_dict(response.json())

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
) -> Response[EmploymentFloorSeries | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: None | str | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
) -> Response[EmploymentFloorSeries | Problem]:
    """按月趋势（看板 JSON）/ monthly trend for dashboards

    Args:
        from_ (str):
        to (None | str | Unset):
        town_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmploymentFloorSeries | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        town_code=town_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: None | str | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
) -> EmploymentFloorSeries | Problem | None:
    """按月趋势（看板 JSON）/ monthly trend for dashboards

    Args:
        from_ (str):
        to (None | str | Unset):
        town_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmploymentFloorSeries | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        town_code=town_code,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: None | str | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
) -> Response[EmploymentFloorSeries | Problem]:
    """按月趋势（看板 JSON）/ monthly trend for dashboards

    Args:
        from_ (str):
        to (None | str | Unset):
        town_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmploymentFloorSeries | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        town_code=town_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: None | str | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
) -> EmploymentFloorSeries | Problem | None:
    """按月趋势（看板 JSON）/ monthly trend for dashboards

    Args:
        from_ (str):
        to (None | str | Unset):
        town_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmploymentFloorSeries | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            town_code=town_code,
        )
    ).parsed
