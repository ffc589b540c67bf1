import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_vocational_status import MonitoringVocationalStatus
from ...models.page_vocational_out import PageVocationalOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    status: MonitoringVocationalStatus | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, MonitoringVocationalStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_town_code: None | str | Unset
    if isinstance(town_code, Unset):
        json_town_code = UNSET
    else:
        json_town_code = town_code
    params["town_code"] = json_town_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/monitoring/v1/vocational-students",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageVocationalOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageVocationalOut.from_dict(response.json())

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
) -> Response[PageVocationalOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    status: MonitoringVocationalStatus | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
) -> Response[PageVocationalOut | Problem]:
    """雨露计划学生 / 雨露计划 students

    Args:
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        status (MonitoringVocationalStatus | None | Unset):
        town_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageVocationalOut | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        status=status,
        town_code=town_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    status: MonitoringVocationalStatus | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
) -> PageVocationalOut | Problem | None:
    """雨露计划学生 / 雨露计划 students

    Args:
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        status (MonitoringVocationalStatus | None | Unset):
        town_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageVocationalOut | Problem
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        status=status,
        town_code=town_code,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    status: MonitoringVocationalStatus | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
) -> Response[PageVocationalOut | Problem]:
    """雨露计划学生 / 雨露计划 students

    Args:
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        status (MonitoringVocationalStatus | None | Unset):
        town_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageVocationalOut | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        updated_since=updated_since,
        status=status,
        town_code=town_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    updated_since: datetime.datetime | None | Unset = UNSET,
    status: MonitoringVocationalStatus | None | Unset = UNSET,
    town_code: None | str | Unset = UNSET,
) -> PageVocationalOut | Problem | None:
    """雨露计划学生 / 雨露计划 students

    Args:
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        status (MonitoringVocationalStatus | None | Unset):
        town_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageVocationalOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            updated_since=updated_since,
            status=status,
            town_code=town_code,
        )
    ).parsed
