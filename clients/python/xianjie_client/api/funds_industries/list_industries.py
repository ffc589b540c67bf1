import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funds_industry_class import FundsIndustryClass
from ...models.page_industry_out import PageIndustryOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    town_code: None | str | Unset = UNSET,
    industry_class: FundsIndustryClass | None | Unset = UNSET,
    year: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_town_code: None | str | Unset
    if isinstance(town_code, Unset):
        json_town_code = UNSET
    else:
        json_town_code = town_code
    params["town_code"] = json_town_code

    json_industry_class: None | str | Unset
    if isinstance(industry_class, Unset):
        json_industry_class = UNSET
    elif isinstance(industry_class, FundsIndustryClass):
        json_industry_class = industry_class.value
    else:
        json_industry_class = industry_class
    params["industry_class"] = json_industry_class

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

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
        "url": "/api/funds/v1/industries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageIndustryOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageIndustryOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[PageIndustryOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    industry_class: FundsIndustryClass | None | Unset = UNSET,
    year: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageIndustryOut | Problem]:
    """帮扶产业列表

    Args:
        town_code (None | str | Unset):
        industry_class (FundsIndustryClass | None | Unset):
        year (int | None | Unset):
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageIndustryOut | Problem]
    """

    kwargs = _get_kwargs(
        town_code=town_code,
        industry_class=industry_class,
        year=year,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    industry_class: FundsIndustryClass | None | Unset = UNSET,
    year: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageIndustryOut | Problem | None:
    """帮扶产业列表

    Args:
        town_code (None | str | Unset):
        industry_class (FundsIndustryClass | None | Unset):
        year (int | None | Unset):
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageIndustryOut | Problem
    """

    return sync_detailed(
        client=client,
        town_code=town_code,
        industry_class=industry_class,
        year=year,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    industry_class: FundsIndustryClass | None | Unset = UNSET,
    year: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageIndustryOut | Problem]:
    """帮扶产业列表

    Args:
        town_code (None | str | Unset):
        industry_class (FundsIndustryClass | None | Unset):
        year (int | None | Unset):
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageIndustryOut | Problem]
    """

    kwargs = _get_kwargs(
        town_code=town_code,
        industry_class=industry_class,
        year=year,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    industry_class: FundsIndustryClass | None | Unset = UNSET,
    year: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageIndustryOut | Problem | None:
    """帮扶产业列表

    Args:
        town_code (None | str | Unset):
        industry_class (FundsIndustryClass | None | Unset):
        year (int | None | Unset):
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageIndustryOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            town_code=town_code,
            industry_class=industry_class,
            year=year,
            updated_since=updated_since,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
