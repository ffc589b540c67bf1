from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funds_site_out import FundsSiteOut
from ...models.funds_site_progress import FundsSiteProgress
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    site_id: UUID,
    *,
    body: FundsSiteProgress,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/funds/v1/project-sites/{site_id}/progress".format(
            site_id=quote(str(site_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FundsSiteOut | Problem | None:
    if response.status_code == 200:
        response_200 = FundsSiteOut.from_dict(response.json())

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
) -> Response[FundsSiteOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    site_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FundsSiteProgress,
    if_match: str | Unset = UNSET,
) -> Response[FundsSiteOut | Problem]:
    """报告点位进度（需 If-Match）/ report a site's progress

    Args:
        site_id (UUID):
        if_match (str | Unset):
        body (FundsSiteProgress):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsSiteOut | Problem]
    """

    kwargs = _get_kwargs(
        site_id=site_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    site_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FundsSiteProgress,
    if_match: str | Unset = UNSET,
) -> FundsSiteOut | Problem | None:
    """报告点位进度（需 If-Match）/ report a site's progress

    Args:
        site_id (UUID):
        if_match (str | Unset):
        body (FundsSiteProgress):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsSiteOut | Problem
    """

    return sync_detailed(
        site_id=site_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    site_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FundsSiteProgress,
    if_match: str | Unset = UNSET,
) -> Response[FundsSiteOut | Problem]:
    """报告点位进度（需 If-Match）/ report a site's progress

    Args:
        site_id (UUID):
        if_match (str | Unset):
        body (FundsSiteProgress):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsSiteOut | Problem]
    """

    kwargs = _get_kwargs(
        site_id=site_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    site_id: UUID,
    *,
    client: AuthenticatedClient,
    body: FundsSiteProgress,
    if_match: str | Unset = UNSET,
) -> FundsSiteOut | Problem | None:
    """报告点位进度（需 If-Match）/ report a site's progress

    Args:
        site_id (UUID):
        if_match (str | Unset):
        body (FundsSiteProgress):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsSiteOut | Problem
    """

    return (
        await asyncio_detailed(
            site_id=site_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
