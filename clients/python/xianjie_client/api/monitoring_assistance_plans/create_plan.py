from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_plan_in import MonitoringPlanIn
from ...models.monitoring_plan_out import MonitoringPlanOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: MonitoringPlanIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/assistance-plans",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringPlanOut | Problem | None:
    if response.status_code == 201:
        response_201 = MonitoringPlanOut.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[MonitoringPlanOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MonitoringPlanIn,
) -> Response[MonitoringPlanOut | Problem]:
    """制定帮扶计划（含措施、责任人、时间）/ create an assistance plan

     为脱贫户（无论是否为监测对象）或监测对象制定；其他农户 409 household_not_plannable。措施可落实到人（member_id：该户在册成员）。

    Args:
        body (MonitoringPlanIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringPlanOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: MonitoringPlanIn,
) -> MonitoringPlanOut | Problem | None:
    """制定帮扶计划（含措施、责任人、时间）/ create an assistance plan

     为脱贫户（无论是否为监测对象）或监测对象制定；其他农户 409 household_not_plannable。措施可落实到人（member_id：该户在册成员）。

    Args:
        body (MonitoringPlanIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringPlanOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MonitoringPlanIn,
) -> Response[MonitoringPlanOut | Problem]:
    """制定帮扶计划（含措施、责任人、时间）/ create an assistance plan

     为脱贫户（无论是否为监测对象）或监测对象制定；其他农户 409 household_not_plannable。措施可落实到人（member_id：该户在册成员）。

    Args:
        body (MonitoringPlanIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringPlanOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MonitoringPlanIn,
) -> MonitoringPlanOut | Problem | None:
    """制定帮扶计划（含措施、责任人、时间）/ create an assistance plan

     为脱贫户（无论是否为监测对象）或监测对象制定；其他农户 409 household_not_plannable。措施可落实到人（member_id：该户在册成员）。

    Args:
        body (MonitoringPlanIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringPlanOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
