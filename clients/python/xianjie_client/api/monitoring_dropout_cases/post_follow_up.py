from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_dropout_out import MonitoringDropoutOut
from ...models.monitoring_follow_up_in import MonitoringFollowUpIn
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    case_id: UUID,
    *,
    body: MonitoringFollowUpIn,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/dropout-cases/{case_id}/follow-ups".format(
            case_id=quote(str(case_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringDropoutOut | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringDropoutOut.from_dict(response.json())

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
) -> Response[MonitoringDropoutOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringFollowUpIn,
    if_match: str,
) -> Response[MonitoringDropoutOut | Problem]:
    """登记劝返跟进（需 If-Match）/ record a follow-up

    Args:
        case_id (UUID):
        if_match (str):
        body (MonitoringFollowUpIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringDropoutOut | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringFollowUpIn,
    if_match: str,
) -> MonitoringDropoutOut | Problem | None:
    """登记劝返跟进（需 If-Match）/ record a follow-up

    Args:
        case_id (UUID):
        if_match (str):
        body (MonitoringFollowUpIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringDropoutOut | Problem
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringFollowUpIn,
    if_match: str,
) -> Response[MonitoringDropoutOut | Problem]:
    """登记劝返跟进（需 If-Match）/ record a follow-up

    Args:
        case_id (UUID):
        if_match (str):
        body (MonitoringFollowUpIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringDropoutOut | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringFollowUpIn,
    if_match: str,
) -> MonitoringDropoutOut | Problem | None:
    """登记劝返跟进（需 If-Match）/ record a follow-up

    Args:
        case_id (UUID):
        if_match (str):
        body (MonitoringFollowUpIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringDropoutOut | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
