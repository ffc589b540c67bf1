import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funds_report import FundsReport
from ...models.insurance_coverage_format import InsuranceCoverageFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_of: datetime.date | None | Unset = UNSET,
    format_: InsuranceCoverageFormat | Unset = InsuranceCoverageFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funds/v1/insurance-coverage",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FundsReport | Problem | None:
    if response.status_code == 200:
        response_200 = FundsReport.from_dict(response.json())

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
) -> Response[FundsReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    format_: InsuranceCoverageFormat | Unset = InsuranceCoverageFormat.JSON,
) -> Response[FundsReport | Problem]:
    """防返贫保险覆盖率（按乡镇）/ insurance coverage of eligible households by town

    Args:
        as_of (datetime.date | None | Unset):
        format_ (InsuranceCoverageFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: InsuranceCoverageFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsReport | Problem]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    format_: InsuranceCoverageFormat | Unset = InsuranceCoverageFormat.JSON,
) -> FundsReport | Problem | None:
    """防返贫保险覆盖率（按乡镇）/ insurance coverage of eligible households by town

    Args:
        as_of (datetime.date | None | Unset):
        format_ (InsuranceCoverageFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: InsuranceCoverageFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsReport | Problem
    """

    return sync_detailed(
        client=client,
        as_of=as_of,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    format_: InsuranceCoverageFormat | Unset = InsuranceCoverageFormat.JSON,
) -> Response[FundsReport | Problem]:
    """防返贫保险覆盖率（按乡镇）/ insurance coverage of eligible households by town

    Args:
        as_of (datetime.date | None | Unset):
        format_ (InsuranceCoverageFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: InsuranceCoverageFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsReport | Problem]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    format_: InsuranceCoverageFormat | Unset = InsuranceCoverageFormat.JSON,
) -> FundsReport | Problem | None:
    """防返贫保险覆盖率（按乡镇）/ insurance coverage of eligible households by town

    Args:
        as_of (datetime.date | None | Unset):
        format_ (InsuranceCoverageFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: InsuranceCoverageFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            as_of=as_of,
            format_=format_,
        )
    ).parsed
