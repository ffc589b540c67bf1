from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_add_measure import MonitoringAddMeasure
from ...models.monitoring_end_measure import MonitoringEndMeasure
from ...models.monitoring_plan_out import MonitoringPlanOut
from ...models.monitoring_replace_measure import MonitoringReplaceMeasure
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    plan_id: UUID,
    *,
    body: MonitoringAddMeasure | MonitoringEndMeasure | MonitoringReplaceMeasure,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/assistance-plans/{plan_id}/amendments".format(
            plan_id=quote(str(plan_id), safe=""),
        ),
    }

    if isinstance(body, MonitoringAddMeasure):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, MonitoringEndMeasure):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringPlanOut | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringPlanOut.from_dict(response.json())

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
) -> Response[MonitoringPlanOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringAddMeasure | MonitoringEndMeasure | MonitoringReplaceMeasure,
    if_match: str,
) -> Response[MonitoringPlanOut | Problem]:
    """调整帮扶计划：增加、终止或替换措施（需 If-Match）/ amend a plan

     action=add 增加措施；end 终止措施（ended_on、reason；措施不删除）；replace 终止原措施并增加接替它的措施（新措施的 replaces_id
    指向原措施）。每次调整记入调整记录。

    Args:
        plan_id (UUID):
        if_match (str):
        body (MonitoringAddMeasure | MonitoringEndMeasure | MonitoringReplaceMeasure):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringPlanOut | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringAddMeasure | MonitoringEndMeasure | MonitoringReplaceMeasure,
    if_match: str,
) -> MonitoringPlanOut | Problem | None:
    """调整帮扶计划：增加、终止或替换措施（需 If-Match）/ amend a plan

     action=add 增加措施；end 终止措施（ended_on、reason；措施不删除）；replace 终止原措施并增加接替它的措施（新措施的 replaces_id
    指向原措施）。每次调整记入调整记录。

    Args:
        plan_id (UUID):
        if_match (str):
        body (MonitoringAddMeasure | MonitoringEndMeasure | MonitoringReplaceMeasure):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringPlanOut | Problem
    """

    return sync_detailed(
        plan_id=plan_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringAddMeasure | MonitoringEndMeasure | MonitoringReplaceMeasure,
    if_match: str,
) -> Response[MonitoringPlanOut | Problem]:
    """调整帮扶计划：增加、终止或替换措施（需 If-Match）/ amend a plan

     action=add 增加措施；end 终止措施（ended_on、reason；措施不删除）；replace 终止原措施并增加接替它的措施（新措施的 replaces_id
    指向原措施）。每次调整记入调整记录。

    Args:
        plan_id (UUID):
        if_match (str):
        body (MonitoringAddMeasure | MonitoringEndMeasure | MonitoringReplaceMeasure):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringPlanOut | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MonitoringAddMeasure | MonitoringEndMeasure | MonitoringReplaceMeasure,
    if_match: str,
) -> MonitoringPlanOut | Problem | None:
    """调整帮扶计划：增加、终止或替换措施（需 If-Match）/ amend a plan

     action=add 增加措施；end 终止措施（ended_on、reason；措施不删除）；replace 终止原措施并增加接替它的措施（新措施的 replaces_id
    指向原措施）。每次调整记入调整记录。

    Args:
        plan_id (UUID):
        if_match (str):
        body (MonitoringAddMeasure | MonitoringEndMeasure | MonitoringReplaceMeasure):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringPlanOut | Problem
    """

    return (
        await asyncio_detailed(
            plan_id=plan_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
