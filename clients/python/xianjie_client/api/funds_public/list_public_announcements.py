from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funds_announcement_kind import FundsAnnouncementKind
from ...models.page_public_announcement import PagePublicAnnouncement
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    year: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    kind: FundsAnnouncementKind | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    json_town_code: None | str | Unset
    if isinstance(town_code, Unset):
        json_town_code = UNSET
    else:
        json_town_code = town_code
    params["town_code"] = json_town_code

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, FundsAnnouncementKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funds/v1/public/announcements",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PagePublicAnnouncement | Problem | None:
    if response.status_code == 200:
        response_200 = PagePublicAnnouncement.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PagePublicAnnouncement | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    year: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    kind: FundsAnnouncementKind | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PagePublicAnnouncement | Problem]:
    """公告公示（公开、无需登录、限流）/ public announcements (no token, rate-limited)

    Args:
        year (int | None | Unset):
        town_code (None | str | Unset):
        kind (FundsAnnouncementKind | None | Unset):
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePublicAnnouncement | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        town_code=town_code,
        kind=kind,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    year: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    kind: FundsAnnouncementKind | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PagePublicAnnouncement | Problem | None:
    """公告公示（公开、无需登录、限流）/ public announcements (no token, rate-limited)

    Args:
        year (int | None | Unset):
        town_code (None | str | Unset):
        kind (FundsAnnouncementKind | None | Unset):
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePublicAnnouncement | Problem
    """

    return sync_detailed(
        client=client,
        year=year,
        town_code=town_code,
        kind=kind,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    year: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    kind: FundsAnnouncementKind | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[PagePublicAnnouncement | Problem]:
    """公告公示（公开、无需登录、限流）/ public announcements (no token, rate-limited)

    Args:
        year (int | None | Unset):
        town_code (None | str | Unset):
        kind (FundsAnnouncementKind | None | Unset):
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePublicAnnouncement | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        town_code=town_code,
        kind=kind,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    year: int | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
    kind: FundsAnnouncementKind | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 20,
) -> PagePublicAnnouncement | Problem | None:
    """公告公示（公开、无需登录、限流）/ public announcements (no token, rate-limited)

    Args:
        year (int | None | Unset):
        town_code (None | str | Unset):
        kind (FundsAnnouncementKind | None | Unset):
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePublicAnnouncement | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            year=year,
            town_code=town_code,
            kind=kind,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
