import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assets_asset_kind import AssetsAssetKind
from ...models.assets_asset_status import AssetsAssetStatus
from ...models.assets_owner_kind import AssetsOwnerKind
from ...models.page_asset_out import PageAssetOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    town_code: None | str | Unset = UNSET,
    village_code: None | str | Unset = UNSET,
    kind: AssetsAssetKind | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    owner_kind: AssetsOwnerKind | None | Unset = UNSET,
    status: AssetsAssetStatus | None | Unset = UNSET,
    source_project_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
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

    json_village_code: None | str | Unset
    if isinstance(village_code, Unset):
        json_village_code = UNSET
    else:
        json_village_code = village_code
    params["village_code"] = json_village_code

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, AssetsAssetKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    else:
        json_category = category
    params["category"] = json_category

    json_owner_kind: None | str | Unset
    if isinstance(owner_kind, Unset):
        json_owner_kind = UNSET
    elif isinstance(owner_kind, AssetsOwnerKind):
        json_owner_kind = owner_kind.value
    else:
        json_owner_kind = owner_kind
    params["owner_kind"] = json_owner_kind

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AssetsAssetStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_source_project_id: None | str | Unset
    if isinstance(source_project_id, Unset):
        json_source_project_id = UNSET
    elif isinstance(source_project_id, UUID):
        json_source_project_id = str(source_project_id)
    else:
        json_source_project_id = source_project_id
    params["source_project_id"] = json_source_project_id

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

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
        "url": "/api/assets/v1/assets",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageAssetOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageAssetOut.from_dict(response.json())

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
) -> Response[PageAssetOut | Problem]:
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
    village_code: None | str | Unset = UNSET,
    kind: AssetsAssetKind | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    owner_kind: AssetsOwnerKind | None | Unset = UNSET,
    status: AssetsAssetStatus | None | Unset = UNSET,
    source_project_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageAssetOut | Problem]:
    """资产台账（筛选、搜索）/ list and search assets

    Args:
        town_code (None | str | Unset):
        village_code (None | str | Unset):
        kind (AssetsAssetKind | None | Unset):
        category (None | str | Unset):
        owner_kind (AssetsOwnerKind | None | Unset):
        status (AssetsAssetStatus | None | Unset):
        source_project_id (None | Unset | UUID):
        q (None | str | Unset): 按名称搜索
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAssetOut | Problem]
    """

    kwargs = _get_kwargs(
        town_code=town_code,
        village_code=village_code,
        kind=kind,
        category=category,
        owner_kind=owner_kind,
        status=status,
        source_project_id=source_project_id,
        q=q,
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
    village_code: None | str | Unset = UNSET,
    kind: AssetsAssetKind | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    owner_kind: AssetsOwnerKind | None | Unset = UNSET,
    status: AssetsAssetStatus | None | Unset = UNSET,
    source_project_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageAssetOut | Problem | None:
    """资产台账（筛选、搜索）/ list and search assets

    Args:
        town_code (None | str | Unset):
        village_code (None | str | Unset):
        kind (AssetsAssetKind | None | Unset):
        category (None | str | Unset):
        owner_kind (AssetsOwnerKind | None | Unset):
        status (AssetsAssetStatus | None | Unset):
        source_project_id (None | Unset | UUID):
        q (None | str | Unset): 按名称搜索
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAssetOut | Problem
    """

    return sync_detailed(
        client=client,
        town_code=town_code,
        village_code=village_code,
        kind=kind,
        category=category,
        owner_kind=owner_kind,
        status=status,
        source_project_id=source_project_id,
        q=q,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    village_code: None | str | Unset = UNSET,
    kind: AssetsAssetKind | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    owner_kind: AssetsOwnerKind | None | Unset = UNSET,
    status: AssetsAssetStatus | None | Unset = UNSET,
    source_project_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageAssetOut | Problem]:
    """资产台账（筛选、搜索）/ list and search assets

    Args:
        town_code (None | str | Unset):
        village_code (None | str | Unset):
        kind (AssetsAssetKind | None | Unset):
        category (None | str | Unset):
        owner_kind (AssetsOwnerKind | None | Unset):
        status (AssetsAssetStatus | None | Unset):
        source_project_id (None | Unset | UUID):
        q (None | str | Unset): 按名称搜索
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAssetOut | Problem]
    """

    kwargs = _get_kwargs(
        town_code=town_code,
        village_code=village_code,
        kind=kind,
        category=category,
        owner_kind=owner_kind,
        status=status,
        source_project_id=source_project_id,
        q=q,
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
    village_code: None | str | Unset = UNSET,
    kind: AssetsAssetKind | None | Unset = UNSET,
    category: None | str | Unset = UNSET,
    owner_kind: AssetsOwnerKind | None | Unset = UNSET,
    status: AssetsAssetStatus | None | Unset = UNSET,
    source_project_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageAssetOut | Problem | None:
    """资产台账（筛选、搜索）/ list and search assets

    Args:
        town_code (None | str | Unset):
        village_code (None | str | Unset):
        kind (AssetsAssetKind | None | Unset):
        category (None | str | Unset):
        owner_kind (AssetsOwnerKind | None | Unset):
        status (AssetsAssetStatus | None | Unset):
        source_project_id (None | Unset | UUID):
        q (None | str | Unset): 按名称搜索
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAssetOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            town_code=town_code,
            village_code=village_code,
            kind=kind,
            category=category,
            owner_kind=owner_kind,
            status=status,
            source_project_id=source_project_id,
            q=q,
            updated_since=updated_since,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
