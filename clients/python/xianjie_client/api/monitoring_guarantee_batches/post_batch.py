from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_guarantee_batch import MonitoringGuaranteeBatch
from ...models.monitoring_guarantee_batch_report import MonitoringGuaranteeBatchReport
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: MonitoringGuaranteeBatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/monitoring/v1/guarantee-batches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringGuaranteeBatchReport | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringGuaranteeBatchReport.from_dict(response.json())

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
) -> Response[MonitoringGuaranteeBatchReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MonitoringGuaranteeBatch,
) -> Response[MonitoringGuaranteeBatchReport | Problem]:
    """三保障和饮水安全部门数据批量推送（集成账号）/ a department's batch of 三保障 records

     住建：housing_appraisal；水利：water_check；教育：dropout、student_aid；医保：insurance、medical_expense；卫健：medical_e
    xpense。按身份证号匹配成员，逐条回执；同一批次重复推送不会重复登记；发现新风险（新危房、饮水转为不安全、辍学、当年未参保）时产生部门预警。

    Args:
        body (MonitoringGuaranteeBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringGuaranteeBatchReport | Problem]
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
    body: MonitoringGuaranteeBatch,
) -> MonitoringGuaranteeBatchReport | Problem | None:
    """三保障和饮水安全部门数据批量推送（集成账号）/ a department's batch of 三保障 records

     住建：housing_appraisal；水利：water_check；教育：dropout、student_aid；医保：insurance、medical_expense；卫健：medical_e
    xpense。按身份证号匹配成员，逐条回执；同一批次重复推送不会重复登记；发现新风险（新危房、饮水转为不安全、辍学、当年未参保）时产生部门预警。

    Args:
        body (MonitoringGuaranteeBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringGuaranteeBatchReport | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MonitoringGuaranteeBatch,
) -> Response[MonitoringGuaranteeBatchReport | Problem]:
    """三保障和饮水安全部门数据批量推送（集成账号）/ a department's batch of 三保障 records

     住建：housing_appraisal；水利：water_check；教育：dropout、student_aid；医保：insurance、medical_expense；卫健：medical_e
    xpense。按身份证号匹配成员，逐条回执；同一批次重复推送不会重复登记；发现新风险（新危房、饮水转为不安全、辍学、当年未参保）时产生部门预警。

    Args:
        body (MonitoringGuaranteeBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringGuaranteeBatchReport | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MonitoringGuaranteeBatch,
) -> MonitoringGuaranteeBatchReport | Problem | None:
    """三保障和饮水安全部门数据批量推送（集成账号）/ a department's batch of 三保障 records

     住建：housing_appraisal；水利：water_check；教育：dropout、student_aid；医保：insurance、medical_expense；卫健：medical_e
    xpense。按身份证号匹配成员，逐条回执；同一批次重复推送不会重复登记；发现新风险（新危房、饮水转为不安全、辍学、当年未参保）时产生部门预警。

    Args:
        body (MonitoringGuaranteeBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringGuaranteeBatchReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
