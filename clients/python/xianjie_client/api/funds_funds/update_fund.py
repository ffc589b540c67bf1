from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funds_fund_out import FundsFundOut
from ...models.funds_fund_update import FundsFundUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    fund_id: UUID,
    *,
    body: FundsFundUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/funds/v1/funds/{fund_id}".format(
            fund_id=quote(str(fund_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FundsFundOut | Problem | None:
    if response.status_code == 200:
        response_200 = FundsFundOut.from_dict(response.json())

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
) -> Response[FundsFundOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FundsFundUpdate,
    if_match: str,
) -> Response[FundsFundOut | Problem]:
    """调整资金（需 If-Match）/ amend a fund (If-Match required)

    Args:
        fund_id (UUID):
        if_match (str):
        body (FundsFundUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsFundOut | Problem]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FundsFundUpdate,
    if_match: str,
) -> FundsFundOut | Problem | None:
    """调整资金（需 If-Match）/ amend a fund (If-Match required)

    Args:
        fund_id (UUID):
        if_match (str):
        body (FundsFundUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsFundOut | Problem
    """

    return sync_detailed(
        fund_id=fund_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FundsFundUpdate,
    if_match: str,
) -> Response[FundsFundOut | Problem]:
    """调整资金（需 If-Match）/ amend a fund (If-Match required)

    Args:
        fund_id (UUID):
        if_match (str):
        body (FundsFundUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsFundOut | Problem]
    """

    kwargs = _get_kwargs(
        fund_id=fund_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    fund_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FundsFundUpdate,
    if_match: str,
) -> FundsFundOut | Problem | None:
    """调整资金（需 If-Match）/ amend a fund (If-Match required)

    Args:
        fund_id (UUID):
        if_match (str):
        body (FundsFundUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsFundOut | Problem
    """

    return (
        await asyncio_detailed(
            fund_id=fund_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
