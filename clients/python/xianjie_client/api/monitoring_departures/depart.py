from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_change_result import MonitoringChangeResult
from ...models.monitoring_departure_in import MonitoringDepartureIn
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    household_id: UUID,
    *,
    body: MonitoringDepartureIn,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/households/{household_id}/departures".format(
            household_id=quote(str(household_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringChangeResult | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringChangeResult.from_dict(response.json())

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
) -> Response[MonitoringChangeResult | Problem]:
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
    body: MonitoringDepartureIn,
    if_match: str,
) -> Response[MonitoringChangeResult | Problem]:
    """成员离户：死亡、迁出、婚出（需 If-Match）/ a member leaves the household

     成员保留在户籍历史中（left_on），当日起不计入人数；户主离户须指定接任户主；最后一名成员离户请办理注销。

    Args:
        household_id (UUID):
        if_match (str):
        body (MonitoringDepartureIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringChangeResult | Problem]
    """

    kwargs = _get_kwargs(
        household_id=household_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    household_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringDepartureIn,
    if_match: str,
) -> MonitoringChangeResult | Problem | None:
    """成员离户：死亡、迁出、婚出（需 If-Match）/ a member leaves the household

     成员保留在户籍历史中（left_on），当日起不计入人数；户主离户须指定接任户主；最后一名成员离户请办理注销。

    Args:
        household_id (UUID):
        if_match (str):
        body (MonitoringDepartureIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringChangeResult | Problem
    """

    return sync_detailed(
        household_id=household_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    household_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringDepartureIn,
    if_match: str,
) -> Response[MonitoringChangeResult | Problem]:
    """成员离户：死亡、迁出、婚出（需 If-Match）/ a member leaves the household

     成员保留在户籍历史中（left_on），当日起不计入人数；户主离户须指定接任户主；最后一名成员离户请办理注销。

    Args:
        household_id (UUID):
        if_match (str):
        body (MonitoringDepartureIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringChangeResult | Problem]
    """

    kwargs = _get_kwargs(
        household_id=household_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    household_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringDepartureIn,
    if_match: str,
) -> MonitoringChangeResult | Problem | None:
    """成员离户：死亡、迁出、婚出（需 If-Match）/ a member leaves the household

     成员保留在户籍历史中（left_on），当日起不计入人数；户主离户须指定接任户主；最后一名成员离户请办理注销。

    Args:
        household_id (UUID):
        if_match (str):
        body (MonitoringDepartureIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringChangeResult | Problem
    """

    return (
        await asyncio_detailed(
            household_id=household_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
