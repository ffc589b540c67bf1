from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_village_designation import MonitoringVillageDesignation
from ...models.monitoring_village_out import MonitoringVillageOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    village_code: str,
    *,
    body: MonitoringVillageDesignation,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/monitoring/v1/forces/villages/{village_code}".format(
            village_code=quote(str(village_code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringVillageOut | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringVillageOut.from_dict(response.json())

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
) -> Response[MonitoringVillageOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    village_code: str,
    *,
    client: AuthenticatedClient,
    body: MonitoringVillageDesignation,
    if_match: str | Unset = UNSET,
) -> Response[MonitoringVillageOut | Problem]:
    """认定或修改脱贫村（已有记录需 If-Match）/ mark a village as 脱贫村 or not

    Args:
        village_code (str):
        if_match (str | Unset):
        body (MonitoringVillageDesignation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringVillageOut | Problem]
    """

    kwargs = _get_kwargs(
        village_code=village_code,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    village_code: str,
    *,
    client: AuthenticatedClient,
    body: MonitoringVillageDesignation,
    if_match: str | Unset = UNSET,
) -> MonitoringVillageOut | Problem | None:
    """认定或修改脱贫村（已有记录需 If-Match）/ mark a village as 脱贫村 or not

    Args:
        village_code (str):
        if_match (str | Unset):
        body (MonitoringVillageDesignation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringVillageOut | Problem
    """

    return sync_detailed(
        village_code=village_code,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    village_code: str,
    *,
    client: AuthenticatedClient,
    body: MonitoringVillageDesignation,
    if_match: str | Unset = UNSET,
) -> Response[MonitoringVillageOut | Problem]:
    """认定或修改脱贫村（已有记录需 If-Match）/ mark a village as 脱贫村 or not

    Args:
        village_code (str):
        if_match (str | Unset):
        body (MonitoringVillageDesignation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringVillageOut | Problem]
    """

    kwargs = _get_kwargs(
        village_code=village_code,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    village_code: str,
    *,
    client: AuthenticatedClient,
    body: MonitoringVillageDesignation,
    if_match: str | Unset = UNSET,
) -> MonitoringVillageOut | Problem | None:
    """认定或修改脱贫村（已有记录需 If-Match）/ mark a village as 脱贫村 or not

    Args:
        village_code (str):
        if_match (str | Unset):
        body (MonitoringVillageDesignation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringVillageOut | Problem
    """

    return (
        await asyncio_detailed(
            village_code=village_code,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
