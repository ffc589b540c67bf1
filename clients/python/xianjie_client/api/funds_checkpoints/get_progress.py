from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funds_checkpoint_report import FundsCheckpointReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    year: int,
    month: int,
    behind_only: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["year"] = year

    params["month"] = month

    params["behind_only"] = behind_only

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funds/v1/checkpoints/progress",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundsCheckpointReport | Problem | None:
    if response.status_code == 200:
        response_200 = FundsCheckpointReport.from_dict(response.json())

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
) -> Response[FundsCheckpointReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    year: int,
    month: int,
    behind_only: bool | Unset = False,
) -> Response[FundsCheckpointReport | Problem]:
    """节点资金支出进度（按项目、资金、乡镇）/ disbursement progress at a checkpoint

    Args:
        year (int):
        month (int): 节点月份（默认 7、10、12）
        behind_only (bool | Unset): 只列出低于目标的项目 Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsCheckpointReport | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        month=month,
        behind_only=behind_only,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    year: int,
    month: int,
    behind_only: bool | Unset = False,
) -> FundsCheckpointReport | Problem | None:
    """节点资金支出进度（按项目、资金、乡镇）/ disbursement progress at a checkpoint

    Args:
        year (int):
        month (int): 节点月份（默认 7、10、12）
        behind_only (bool | Unset): 只列出低于目标的项目 Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsCheckpointReport | Problem
    """

    return sync_detailed(
        client=client,
        year=year,
        month=month,
        behind_only=behind_only,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    year: int,
    month: int,
    behind_only: bool | Unset = False,
) -> Response[FundsCheckpointReport | Problem]:
    """节点资金支出进度（按项目、资金、乡镇）/ disbursement progress at a checkpoint

    Args:
        year (int):
        month (int): 节点月份（默认 7、10、12）
        behind_only (bool | Unset): 只列出低于目标的项目 Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsCheckpointReport | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        month=month,
        behind_only=behind_only,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    year: int,
    month: int,
    behind_only: bool | Unset = False,
) -> FundsCheckpointReport | Problem | None:
    """节点资金支出进度（按项目、资金、乡镇）/ disbursement progress at a checkpoint

    Args:
        year (int):
        month (int): 节点月份（默认 7、10、12）
        behind_only (bool | Unset): 只列出低于目标的项目 Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsCheckpointReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            year=year,
            month=month,
            behind_only=behind_only,
        )
    ).parsed
