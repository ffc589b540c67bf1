import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_village_out import PageVillageOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    lifted_out_village: bool | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_lifted_out_village: bool | None | Unset
    if isinstance(lifted_out_village, Unset):
        json_lifted_out_village = UNSET
    else:
        json_lifted_out_village = lifted_out_village
    params["lifted_out_village"] = json_lifted_out_village

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
        "url": "/api/monitoring/v1/forces/villages",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageVillageOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageVillageOut.from_dict(response.json())

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
) -> Response[PageVillageOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    lifted_out_village: bool | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageVillageOut | Problem]:
    """村的脱贫村标识 / villages and their 脱贫村 flag

    Args:
        lifted_out_village (bool | None | Unset):
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageVillageOut | Problem]
    """

    kwargs = _get_kwargs(
        lifted_out_village=lifted_out_village,
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
    lifted_out_village: bool | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageVillageOut | Problem | None:
    """村的脱贫村标识 / villages and their 脱贫村 flag

    Args:
        lifted_out_village (bool | None | Unset):
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageVillageOut | Problem
    """

    return sync_detailed(
        client=client,
        lifted_out_village=lifted_out_village,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    lifted_out_village: bool | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageVillageOut | Problem]:
    """村的脱贫村标识 / villages and their 脱贫村 flag

    Args:
        lifted_out_village (bool | None | Unset):
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageVillageOut | Problem]
    """

    kwargs = _get_kwargs(
        lifted_out_village=lifted_out_village,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    lifted_out_village: bool | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageVillageOut | Problem | None:
    """村的脱贫村标识 / villages and their 脱贫村 flag

    Args:
        lifted_out_village (bool | None | Unset):
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageVillageOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            lifted_out_village=lifted_out_village,
            updated_since=updated_since,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
