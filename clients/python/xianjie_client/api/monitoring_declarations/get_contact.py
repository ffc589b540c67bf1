from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_declaration_contact import MonitoringDeclarationContact
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    declaration_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/monitoring/v1/declarations/{declaration_id}/contact".format(
            declaration_id=quote(str(declaration_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringDeclarationContact | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringDeclarationContact.from_dict(response.json())

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
) -> Response[MonitoringDeclarationContact | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    declaration_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[MonitoringDeclarationContact | Problem]:
    """申报人手机号和身份证号（村、镇、区干部回访用，读取留痕）/ the applicant's contact in full

    Args:
        declaration_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringDeclarationContact | Problem]
    """

    kwargs = _get_kwargs(
        declaration_id=declaration_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    declaration_id: UUID,
    *,
    client: AuthenticatedClient,
) -> MonitoringDeclarationContact | Problem | None:
    """申报人手机号和身份证号（村、镇、区干部回访用，读取留痕）/ the applicant's contact in full

    Args:
        declaration_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringDeclarationContact | Problem
    """

    return sync_detailed(
        declaration_id=declaration_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    declaration_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[MonitoringDeclarationContact | Problem]:
    """申报人手机号和身份证号（村、镇、区干部回访用，读取留痕）/ the applicant's contact in full

    Args:
        declaration_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringDeclarationContact | Problem]
    """

    kwargs = _get_kwargs(
        declaration_id=declaration_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    declaration_id: UUID,
    *,
    client: AuthenticatedClient,
) -> MonitoringDeclarationContact | Problem | None:
    """申报人手机号和身份证号（村、镇、区干部回访用，读取留痕）/ the applicant's contact in full

    Args:
        declaration_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringDeclarationContact | Problem
    """

    return (
        await asyncio_detailed(
            declaration_id=declaration_id,
            client=client,
        )
    ).parsed
