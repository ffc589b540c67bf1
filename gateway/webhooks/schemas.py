from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, ClassVar

from pydantic import Field

from gateway.models import DeliveryStatus
from shared.labels import label_of
from shared.schemas import InputModel, OutputModel

EventType = Annotated[
    str,
    Field(
        max_length=200,
        pattern=r"^cn\.xianjie\.[a-z_]+\.[a-z_]+\.[a-z_]+\.v[0-9]+$",
        examples=["cn.xianjie.monitoring.household.included.v1"],
        description="CloudEvents type（见 /asyncapi.json）",
    ),
]
WebhookUrl = Annotated[
    str,
    Field(
        min_length=8,
        max_length=2000,
        pattern=r"^https?://",
        examples=["https://ybj.example.gov.cn/xianjie/events"],
        description="接收地址（http/https，主机须在允许名单内）",
    ),
]
Division = Annotated[
    str,
    Field(
        pattern=r"^\d{9}(\d{3})?$", description="只接收该镇（9 位）或村（12 位）的事件；空为账号的全部范围"
    ),
]


class SubscriptionCreate(InputModel):
    url: WebhookUrl
    event_types: list[EventType] = Field(min_length=1, max_length=100)
    division_code: Division | None = None


class SubscriptionUpdate(InputModel):
    url: WebhookUrl | None = None
    event_types: list[EventType] | None = Field(default=None, min_length=1, max_length=100)
    active: bool | None = None


class SubscriptionOut(OutputModel):
    id: uuid.UUID
    owner: str
    department: str
    url: str
    event_types: list[str]
    division_code: str | None
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime
    # What happened to its deliveries (visible to the department and the district).
    last_delivered_at: datetime | None = None
    last_attempt_at: datetime | None = None
    last_status_code: int | None = Field(default=None, description="最近一次投递的 HTTP 状态码")
    last_error: str | None = None
    pending: int = Field(default=0, description="待投递（含重试中）")
    failed: int = Field(default=0, description="重试用尽、投递失败")


class SubscriptionCreated(SubscriptionOut):
    secret: str = Field(
        description="签名密钥（Standard Webhooks 格式 whsec_…），只在创建和更换时返回一次，请妥善保存"
    )


class DeliveryOut(OutputModel):
    id: int
    event_id: uuid.UUID
    event_type: str
    event_time: datetime
    status: DeliveryStatus
    status_label: ClassVar[property] = label_of("status")
    attempts: int
    next_attempt_at: datetime
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None


class ReplayRequest(InputModel):
    since: datetime = Field(description="重新投递此时间（事件发生时间）以后的事件")


class ReplayOut(OutputModel):
    requeued: int = Field(description="重新排队的投递数")
