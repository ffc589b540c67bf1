import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_household_kind import MonitoringHouseholdKind
from ...models.monitoring_household_status import MonitoringHouseholdStatus
from ...models.monitoring_risk_cause import MonitoringRiskCause
from ...models.monitoring_subtype import MonitoringSubtype
from ...models.page_household_out import PageHouseholdOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    town_code: None | str | Unset = UNSET,
    village_code: None | str | Unset = UNSET,
    kind: MonitoringHouseholdKind | None | Unset = UNSET,
    subtype: MonitoringSubtype | None | Unset = UNSET,
    status: MonitoringHouseholdStatus | None | Unset = UNSET,
    risk_cause: MonitoringRiskCause | None | Unset = UNSET,
    helper_user_id: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    include_cancelled: bool | Unset = False,
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
    elif isinstance(kind, MonitoringHouseholdKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_subtype: None | str | Unset
    if isinstance(subtype, Unset):
        json_subtype = UNSET
    elif isinstance(subtype, MonitoringSubtype):
        json_subtype = subtype.value
    else:
        json_subtype = subtype
    params["subtype"] = json_subtype

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, MonitoringHouseholdStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_risk_cause: None | str | Unset
    if isinstance(risk_cause, Unset):
        json_risk_cause = UNSET
    elif isinstance(risk_cause, MonitoringRiskCause):
        json_risk_cause = risk_cause.value
    else:
        json_risk_cause = risk_cause
    params["risk_cause"] = json_risk_cause

    json_helper_user_id: None | str | Unset
    if isinstance(helper_user_id, Unset):
        json_helper_user_id = UNSET
    else:
        json_helper_user_id = helper_user_id
    params["helper_user_id"] = json_helper_user_id

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params["include_cancelled"] = include_cancelled

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
        "url": "/api/monitoring/v1/households",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageHouseholdOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageHouseholdOut.from_dict(response.json())

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
) -> Response[PageHouseholdOut | Problem]:
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
    kind: MonitoringHouseholdKind | None | Unset = UNSET,
    subtype: MonitoringSubtype | None | Unset = UNSET,
    status: MonitoringHouseholdStatus | None | Unset = UNSET,
    risk_cause: MonitoringRiskCause | None | Unset = UNSET,
    helper_user_id: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    include_cancelled: bool | Unset = False,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageHouseholdOut | Problem]:
    """农户列表 / list households

    Args:
        town_code (None | str | Unset):
        village_code (None | str | Unset):
        kind (MonitoringHouseholdKind | None | Unset):
        subtype (MonitoringSubtype | None | Unset):
        status (MonitoringHouseholdStatus | None | Unset):
        risk_cause (MonitoringRiskCause | None | Unset):
        helper_user_id (None | str | Unset):
        q (None | str | Unset): 户主姓名或住址包含
        include_cancelled (bool | Unset): 包含已注销的农户（按 updated_since 同步时应为 true，以获知注销） Default:
            False.
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageHouseholdOut | Problem]
    """

    kwargs = _get_kwargs(
        town_code=town_code,
        village_code=village_code,
        kind=kind,
        subtype=subtype,
        status=status,
        risk_cause=risk_cause,
        helper_user_id=helper_user_id,
        q=q,
        include_cancelled=include_cancelled,
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
    kind: MonitoringHouseholdKind | None | Unset = UNSET,
    subtype: MonitoringSubtype | None | Unset = UNSET,
    status: MonitoringHouseholdStatus | None | Unset = UNSET,
    risk_cause: MonitoringRiskCause | None | Unset = UNSET,
    helper_user_id: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    include_cancelled: bool | Unset = False,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageHouseholdOut | Problem | None:
    """农户列表 / list households

    Args:
        town_code (None | str | Unset):
        village_code (None | str | Unset):
        kind (MonitoringHouseholdKind | None | Unset):
        subtype (MonitoringSubtype | None | Unset):
        status (MonitoringHouseholdStatus | None | Unset):
        risk_cause (MonitoringRiskCause | None | Unset):
        helper_user_id (None | str | Unset):
        q (None | str | Unset): 户主姓名或住址包含
        include_cancelled (bool | Unset): 包含已注销的农户（按 updated_since 同步时应为 true，以获知注销） Default:
            False.
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageHouseholdOut | Problem
    """

    return sync_detailed(
        client=client,
        town_code=town_code,
        village_code=village_code,
        kind=kind,
        subtype=subtype,
        status=status,
        risk_cause=risk_cause,
        helper_user_id=helper_user_id,
        q=q,
        include_cancelled=include_cancelled,
        updated_since=updated_since,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    village_code: None | str | Unset = UNSET,
    kind: MonitoringHouseholdKind | None | Unset = UNSET,
    subtype: MonitoringSubtype | None | Unset = UNSET,
    status: MonitoringHouseholdStatus | None | Unset = UNSET,
    risk_cause: MonitoringRiskCause | None | Unset = UNSET,
    helper_user_id: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    include_cancelled: bool | Unset = False,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[PageHouseholdOut | Problem]:
    """农户列表 / list households

    Args:
        town_code (None | str | Unset):
        village_code (None | str | Unset):
        kind (MonitoringHouseholdKind | None | Unset):
        subtype (MonitoringSubtype | None | Unset):
        status (MonitoringHouseholdStatus | None | Unset):
        risk_cause (MonitoringRiskCause | None | Unset):
        helper_user_id (None | str | Unset):
        q (None | str | Unset): 户主姓名或住址包含
        include_cancelled (bool | Unset): 包含已注销的农户（按 updated_since 同步时应为 true，以获知注销） Default:
            False.
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageHouseholdOut | Problem]
    """

    kwargs = _get_kwargs(
        town_code=town_code,
        village_code=village_code,
        kind=kind,
        subtype=subtype,
        status=status,
        risk_cause=risk_cause,
        helper_user_id=helper_user_id,
        q=q,
        include_cancelled=include_cancelled,
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
    kind: MonitoringHouseholdKind | None | Unset = UNSET,
    subtype: MonitoringSubtype | None | Unset = UNSET,
    status: MonitoringHouseholdStatus | None | Unset = UNSET,
    risk_cause: MonitoringRiskCause | None | Unset = UNSET,
    helper_user_id: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    include_cancelled: bool | Unset = False,
    updated_since: datetime.datetime | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> PageHouseholdOut | Problem | None:
    """农户列表 / list households

    Args:
        town_code (None | str | Unset):
        village_code (None | str | Unset):
        kind (MonitoringHouseholdKind | None | Unset):
        subtype (MonitoringSubtype | None | Unset):
        status (MonitoringHouseholdStatus | None | Unset):
        risk_cause (MonitoringRiskCause | None | Unset):
        helper_user_id (None | str | Unset):
        q (None | str | Unset): 户主姓名或住址包含
        include_cancelled (bool | Unset): 包含已注销的农户（按 updated_since 同步时应为 true，以获知注销） Default:
            False.
        updated_since (datetime.datetime | None | Unset): 只返回此时间之后有变化的记录（增量同步）/ only records
            changed since (delta sync)
        cursor (None | str | Unset): 上一页答复中的 next_cursor / the previous page's next_cursor
        limit (int | Unset): 每页条数 / page size Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageHouseholdOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            town_code=town_code,
            village_code=village_code,
            kind=kind,
            subtype=subtype,
            status=status,
            risk_cause=risk_cause,
            helper_user_id=helper_user_id,
            q=q,
            include_cancelled=include_cancelled,
            updated_since=updated_since,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
