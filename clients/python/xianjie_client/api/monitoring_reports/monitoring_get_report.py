import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.monitoring_get_report_format import MonitoringGetReportFormat
from ...models.monitoring_group_by import MonitoringGroupBy
from ...models.monitoring_report import MonitoringReport
from ...models.monitoring_report_name import MonitoringReportName
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    name: MonitoringReportName,
    *,
    town_code: None | str | Unset = UNSET,
    group: MonitoringGroupBy | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    format_: MonitoringGetReportFormat | Unset = MonitoringGetReportFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_town_code: None | str | Unset
    if isinstance(town_code, Unset):
        json_town_code = UNSET
    else:
        json_town_code = town_code
    params["town_code"] = json_town_code

    json_group: str | Unset = UNSET
    if not isinstance(group, Unset):
        json_group = group.value

    params["group"] = json_group

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
        "url": "/api/monitoring/v1/reports/{name}".format(
            name=quote(str(name), safe=""),
        ),
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
    name: MonitoringReportName,
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    group: MonitoringGroupBy | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    format_: MonitoringGetReportFormat | Unset = MonitoringGetReportFormat.JSON,
) -> Response[MonitoringReport | Problem]:
    """报表（JSON 或 XLSX 下载）/ a report, as JSON or an XLSX download

     households 农户分布（group=status|subtype|risk_cause|kind）；long-running 两年及以上未消除风险；lacking-developmental
    开发式措施不足；identification-overdue 识别超时限；helper-coverage 帮扶责任覆盖；helper-missing 未明确帮扶责任人；data-quality
    疑点数据（按镇、按规则编号）。

    Args:
        name (MonitoringReportName): households=农户分布统计；long-running=两年及以上未消除风险监测对象及处置情况；lacking-
            developmental=开发式帮扶措施不足的有劳动能力脱贫人口和监测对象；identification-overdue=识别纳入超时限；helper-
            coverage=帮扶责任覆盖与镇党委书记遍访；helper-missing=未明确帮扶责任人的农户；data-quality=疑点数据；policy-
            awareness=政策知晓率（走访讲解明白纸）
        town_code (None | str | Unset):
        group (MonitoringGroupBy | Unset): status=状态；subtype=监测对象类型；risk_cause=风险类型；kind=农户类型
        as_of (datetime.date | None | Unset): 仅 households 报表：统计日期（默认今天），按当日在册的农户与成员计数
        format_ (MonitoringGetReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: MonitoringGetReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReport | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        town_code=town_code,
        group=group,
        as_of=as_of,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: MonitoringReportName,
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    group: MonitoringGroupBy | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    format_: MonitoringGetReportFormat | Unset = MonitoringGetReportFormat.JSON,
) -> MonitoringReport | Problem | None:
    """报表（JSON 或 XLSX 下载）/ a report, as JSON or an XLSX download

     households 农户分布（group=status|subtype|risk_cause|kind）；long-running 两年及以上未消除风险；lacking-developmental
    开发式措施不足；identification-overdue 识别超时限；helper-coverage 帮扶责任覆盖；helper-missing 未明确帮扶责任人；data-quality
    疑点数据（按镇、按规则编号）。

    Args:
        name (MonitoringReportName): households=农户分布统计；long-running=两年及以上未消除风险监测对象及处置情况；lacking-
            developmental=开发式帮扶措施不足的有劳动能力脱贫人口和监测对象；identification-overdue=识别纳入超时限；helper-
            coverage=帮扶责任覆盖与镇党委书记遍访；helper-missing=未明确帮扶责任人的农户；data-quality=疑点数据；policy-
            awareness=政策知晓率（走访讲解明白纸）
        town_code (None | str | Unset):
        group (MonitoringGroupBy | Unset): status=状态；subtype=监测对象类型；risk_cause=风险类型；kind=农户类型
        as_of (datetime.date | None | Unset): 仅 households 报表：统计日期（默认今天），按当日在册的农户与成员计数
        format_ (MonitoringGetReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: MonitoringGetReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReport | Problem
    """

    return sync_detailed(
        name=name,
        client=client,
        town_code=town_code,
        group=group,
        as_of=as_of,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    name: MonitoringReportName,
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    group: MonitoringGroupBy | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    format_: MonitoringGetReportFormat | Unset = MonitoringGetReportFormat.JSON,
) -> Response[MonitoringReport | Problem]:
    """报表（JSON 或 XLSX 下载）/ a report, as JSON or an XLSX download

     households 农户分布（group=status|subtype|risk_cause|kind）；long-running 两年及以上未消除风险；lacking-developmental
    开发式措施不足；identification-overdue 识别超时限；helper-coverage 帮扶责任覆盖；helper-missing 未明确帮扶责任人；data-quality
    疑点数据（按镇、按规则编号）。

    Args:
        name (MonitoringReportName): households=农户分布统计；long-running=两年及以上未消除风险监测对象及处置情况；lacking-
            developmental=开发式帮扶措施不足的有劳动能力脱贫人口和监测对象；identification-overdue=识别纳入超时限；helper-
            coverage=帮扶责任覆盖与镇党委书记遍访；helper-missing=未明确帮扶责任人的农户；data-quality=疑点数据；policy-
            awareness=政策知晓率（走访讲解明白纸）
        town_code (None | str | Unset):
        group (MonitoringGroupBy | Unset): status=状态；subtype=监测对象类型；risk_cause=风险类型；kind=农户类型
        as_of (datetime.date | None | Unset): 仅 households 报表：统计日期（默认今天），按当日在册的农户与成员计数
        format_ (MonitoringGetReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: MonitoringGetReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringReport | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        town_code=town_code,
        group=group,
        as_of=as_of,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: MonitoringReportName,
    *,
    client: AuthenticatedClient,
    town_code: None | str | Unset = UNSET,
    group: MonitoringGroupBy | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    format_: MonitoringGetReportFormat | Unset = MonitoringGetReportFormat.JSON,
) -> MonitoringReport | Problem | None:
    """报表（JSON 或 XLSX 下载）/ a report, as JSON or an XLSX download

     households 农户分布（group=status|subtype|risk_cause|kind）；long-running 两年及以上未消除风险；lacking-developmental
    开发式措施不足；identification-overdue 识别超时限；helper-coverage 帮扶责任覆盖；helper-missing 未明确帮扶责任人；data-quality
    疑点数据（按镇、按规则编号）。

    Args:
        name (MonitoringReportName): households=农户分布统计；long-running=两年及以上未消除风险监测对象及处置情况；lacking-
            developmental=开发式帮扶措施不足的有劳动能力脱贫人口和监测对象；identification-overdue=识别纳入超时限；helper-
            coverage=帮扶责任覆盖与镇党委书记遍访；helper-missing=未明确帮扶责任人的农户；data-quality=疑点数据；policy-
            awareness=政策知晓率（走访讲解明白纸）
        town_code (None | str | Unset):
        group (MonitoringGroupBy | Unset): status=状态；subtype=监测对象类型；risk_cause=风险类型；kind=农户类型
        as_of (datetime.date | None | Unset): 仅 households 报表：统计日期（默认今天），按当日在册的农户与成员计数
        format_ (MonitoringGetReportFormat | Unset): json（默认）或 xlsx 下载 / json, or an XLSX download
            Default: MonitoringGetReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringReport | Problem
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            town_code=town_code,
            group=group,
            as_of=as_of,
            format_=format_,
        )
    ).parsed
