from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_insurance_in import MonitoringInsuranceIn
from ...models.monitoring_insurance_out import MonitoringInsuranceOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    household_id: UUID,
    member_id: UUID,
    year: int,
    *,
    body: MonitoringInsuranceIn,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/monitoring/v1/households/{household_id}/members/{member_id}/insurance/{year}".format(
            household_id=quote(str(household_id), safe=""),
            member_id=quote(str(member_id), safe=""),
            year=quote(str(year), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringInsuranceOut | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringInsuranceOut.from_dict(response.json())

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
) -> Response[MonitoringInsuranceOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    household_id: UUID,
    member_id: UUID,
    year: int,
    *,
    client: AuthenticatedClient,
    body: MonitoringInsuranceIn,
    if_match: str | Unset = UNSET,
) -> Response[MonitoringInsuranceOut | Problem]:
    """登记成员年度参保与分类资助（更正需 If-Match）/ a member's insurance in a year

    Args:
        household_id (UUID):
        member_id (UUID):
        year (int):
        if_match (str | Unset):
        body (MonitoringInsuranceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringInsuranceOut | Problem]
    """

    kwargs = _get_kwargs(
        household_id=household_id,
        member_id=member_id,
        year=year,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    household_id: UUID,
    member_id: UUID,
    year: int,
    *,
    client: AuthenticatedClient,
    body: MonitoringInsuranceIn,
    if_match: str | Unset = UNSET,
) -> MonitoringInsuranceOut | Problem | None:
    """登记成员年度参保与分类资助（更正需 If-Match）/ a member's insurance in a year

    Args:
        household_id (UUID):
        member_id (UUID):
        year (int):
        if_match (str | Unset):
        body (MonitoringInsuranceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringInsuranceOut | Problem
    """

    return sync_detailed(
        household_id=household_id,
        member_id=member_id,
        year=year,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    household_id: UUID,
    member_id: UUID,
    year: int,
    *,
    client: AuthenticatedClient,
    body: MonitoringInsuranceIn,
    if_match: str | Unset = UNSET,
) -> Response[MonitoringInsuranceOut | Problem]:
    """登记成员年度参保与分类资助（更正需 If-Match）/ a member's insurance in a year

    Args:
        household_id (UUID):
        member_id (UUID):
        year (int):
        if_match (str | Unset):
        body (MonitoringInsuranceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringInsuranceOut | Problem]
    """

    kwargs = _get_kwargs(
        household_id=household_id,
        member_id=member_id,
        year=year,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    household_id: UUID,
    member_id: UUID,
    year: int,
    *,
    client: AuthenticatedClient,
    body: MonitoringInsuranceIn,
    if_match: str | Unset = UNSET,
) -> MonitoringInsuranceOut | Problem | None:
    """登记成员年度参保与分类资助（更正需 If-Match）/ a member's insurance in a year

    Args:
        household_id (UUID):
        member_id (UUID):
        year (int):
        if_match (str | Unset):
        body (MonitoringInsuranceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringInsuranceOut | Problem
    """

    return (
        await asyncio_detailed(
            household_id=household_id,
            member_id=member_id,
            year=year,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
