from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    refusal_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/employment/v1/import-refusals/{refusal_id}".format(
            refusal_id=quote(str(refusal_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    refusal_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Problem]:
    """下载导入时被拒的行（XLSX：原列 + 问题）/ the refused rows of an import, as XLSX

     同一角色、同一辖区可读；保留若干天后删除。身份证号码已遮蔽，请按原文件行号查找。

    Args:
        refusal_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        refusal_id=refusal_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    refusal_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Any | Problem | None:
    """下载导入时被拒的行（XLSX：原列 + 问题）/ the refused rows of an import, as XLSX

     同一角色、同一辖区可读；保留若干天后删除。身份证号码已遮蔽，请按原文件行号查找。

    Args:
        refusal_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        refusal_id=refusal_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    refusal_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Problem]:
    """下载导入时被拒的行（XLSX：原列 + 问题）/ the refused rows of an import, as XLSX

     同一角色、同一辖区可读；保留若干天后删除。身份证号码已遮蔽，请按原文件行号查找。

    Args:
        refusal_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        refusal_id=refusal_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    refusal_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Any | Problem | None:
    """下载导入时被拒的行（XLSX：原列 + 问题）/ the refused rows of an import, as XLSX

     同一角色、同一辖区可读；保留若干天后删除。身份证号码已遮蔽，请按原文件行号查找。

    Args:
        refusal_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            refusal_id=refusal_id,
            client=client,
        )
    ).parsed
