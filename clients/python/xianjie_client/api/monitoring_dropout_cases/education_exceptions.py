from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.education_exceptions_format import EducationExceptionsFormat
from ...models.monitoring_report import MonitoringReport
from ...models.monitoring_term import MonitoringTerm
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    town_code: None | str | Unset = UNSET,
    school_year: int | None | Unset = UNSET,
    term: MonitoringTerm | None | Unset = UNSET,
    format_: EducationExceptionsFormat | Unset = EducationExceptionsFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_town_code: None | str | Unset
    if isinstance(town_code, Unset):
        json_town_code = UNSET
    else:
        json_town_code = town_code
    params["town_code"] = json_town_code

    json_school_year: int | None | Unset
    if isinstance(school_year, Unset):
        json_school_year = UNSET
    else:
        json_school_year = school_year
    params["school_year"] = json_school_year

    json_term: None | str | Unset
    if isinstance(term, Unset):
        json_term = UNSET
    elif isinstance(term, MonitoringTerm):
        json_term = term.value
    else:
        json_term = term
    params["term"] = json_term

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/monitoring/v1/education/exceptions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringReport | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringReport.from_dict(response.json())

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
) -> Response[MonitoringReport | Problem]:
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
    school_year: int | None | Unset = UNSET,
    term: MonitoringTerm | None | Unset = UNSET,
    format_: EducationExceptionsFormat | Unset = EducationExceptionsFormat.JSON,
) -> Response[MonitoringReport | Problem]:
    """教育保障例外清单：未销案辍学、未获资助学生（JSON 或 XLSX）/ education exceptions

    Args:
        town_code (None | str | Unset):
        school_year (int | None | Unset): 学期所在年份（默认本学期）
        term (MonitoringTerm | None | Unset): spring 春季 / autumn 秋季（默认本学期）
        format_ (EducationExceptionsFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: EducationExceptionsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReport | Problem]
    """

    kwargs = _get_kwargs(
        town_code=town_code,
        school_year=school_year,
        term=term,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    school_year: int | None | Unset = UNSET,
    term: MonitoringTerm | None | Unset = UNSET,
    format_: EducationExceptionsFormat | Unset = EducationExceptionsFormat.JSON,
) -> MonitoringReport | Problem | None:
    """教育保障例外清单：未销案辍学、未获资助学生（JSON 或 XLSX）/ education exceptions

    Args:
        town_code (None | str | Unset):
        school_year (int | None | Unset): 学期所在年份（默认本学期）
        term (MonitoringTerm | None | Unset): spring 春季 / autumn 秋季（默认本学期）
        format_ (EducationExceptionsFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: EducationExceptionsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReport | Problem
    """

    return sync_detailed(
        client=client,
        town_code=town_code,
        school_year=school_year,
        term=term,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    school_year: int | None | Unset = UNSET,
    term: MonitoringTerm | None | Unset = UNSET,
    format_: EducationExceptionsFormat | Unset = EducationExceptionsFormat.JSON,
) -> Response[MonitoringReport | Problem]:
    """教育保障例外清单：未销案辍学、未获资助学生（JSON 或 XLSX）/ education exceptions

    Args:
        town_code (None | str | Unset):
        school_year (int | None | Unset): 学期所在年份（默认本学期）
        term (MonitoringTerm | None | Unset): spring 春季 / autumn 秋季（默认本学期）
        format_ (EducationExceptionsFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: EducationExceptionsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReport | Problem]
    """

    kwargs = _get_kwargs(
        town_code=town_code,
        school_year=school_year,
        term=term,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    school_year: int | None | Unset = UNSET,
    term: MonitoringTerm | None | Unset = UNSET,
    format_: EducationExceptionsFormat | Unset = EducationExceptionsFormat.JSON,
) -> MonitoringReport | Problem | None:
    """教育保障例外清单：未销案辍学、未获资助学生（JSON 或 XLSX）/ education exceptions

    Args:
        town_code (None | str | Unset):
        school_year (int | None | Unset): 学期所在年份（默认本学期）
        term (MonitoringTerm | None | Unset): spring 春季 / autumn 秋季（默认本学期）
        format_ (EducationExceptionsFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: EducationExceptionsFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            town_code=town_code,
            school_year=school_year,
            term=term,
            format_=format_,
        )
    ).parsed
