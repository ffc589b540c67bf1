from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.employment_wage_create import EmploymentWageCreate
from ...models.employment_wage_out import EmploymentWageOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    spell_id: UUID,
    *,
    body: EmploymentWageCreate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/employment/v1/spells/{spell_id}/wages".format(
            spell_id=quote(str(spell_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmploymentWageOut | Problem | None:
    if response.status_code == 201:
        response_201 = EmploymentWageOut.from_dict(response.json())

        return response_201

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
) -> Response[EmploymentWageOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    spell_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EmploymentWageCreate,
    if_match: str,
) -> Response[EmploymentWageOut | Problem]:
    """登记月工资变动（需 If-Match，为务工人员的版本）/ record a monthly wage (If-Match)

    Args:
        spell_id (UUID):
        if_match (str):
        body (EmploymentWageCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmploymentWageOut | Problem]
    """

    kwargs = _get_kwargs(
        spell_id=spell_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    spell_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EmploymentWageCreate,
    if_match: str,
) -> EmploymentWageOut | Problem | None:
    """登记月工资变动（需 If-Match，为务工人员的版本）/ record a monthly wage (If-Match)

    Args:
        spell_id (UUID):
        if_match (str):
        body (EmploymentWageCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmploymentWageOut | Problem
    """

    return sync_detailed(
        spell_id=spell_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    spell_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EmploymentWageCreate,
    if_match: str,
) -> Response[EmploymentWageOut | Problem]:
    """登记月工资变动（需 If-Match，为务工人员的版本）/ record a monthly wage (If-Match)

    Args:
        spell_id (UUID):
        if_match (str):
        body (EmploymentWageCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmploymentWageOut | Problem]
    """

    kwargs = _get_kwargs(
        spell_id=spell_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    spell_id: UUID,
    *,
    client: AuthenticatedClient,
    body: EmploymentWageCreate,
    if_match: str,
) -> EmploymentWageOut | Problem | None:
    """登记月工资变动（需 If-Match，为务工人员的版本）/ record a monthly wage (If-Match)

    Args:
        spell_id (UUID):
        if_match (str):
        body (EmploymentWageCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmploymentWageOut | Problem
    """

    return (
        await asyncio_detailed(
            spell_id=spell_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
