"""Webhook subscriptions: a department's system without NATS receives events over HTTP."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.responses import JSONResponse

from gateway.access import WebhookOwnerCtx, WebhookReaderCtx
from gateway.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from gateway.webhooks import repository, service
from gateway.webhooks.schemas import (
    DeliveryOut,
    ReplayOut,
    ReplayRequest,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionOut,
    SubscriptionUpdate,
)
from shared.context import RequestContext, etag_for
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, keyset_page

router = APIRouter(prefix="/webhooks", tags=["webhooks 事件推送订阅"])


async def _out(ctx: RequestContext, rows: list[WebhookSubscription]) -> list[SubscriptionOut]:
    health = await repository.health(ctx.session, [r.id for r in rows])
    empty = repository.DeliveryHealth()
    return [
        SubscriptionOut.model_validate(
            {**SubscriptionOut.model_validate(r).model_dump(), **vars(health.get(r.id, empty))}
        )
        for r in rows
    ]


@router.post(
    "/subscriptions",
    status_code=201,
    response_model=SubscriptionCreated,
    summary="登记事件推送订阅（返回签名密钥）/ subscribe a URL to events",
    responses=problem_responses(400, 401, 403, 409, 413, 422),
)
async def create_subscription(body: SubscriptionCreate, ctx: WebhookOwnerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    subscription, secret = await service.register(ctx, body)
    (out,) = await _out(ctx, [subscription])
    created = SubscriptionCreated(**out.model_dump(), secret=secret)
    return await ctx.respond(
        created,
        status_code=201,
        headers={"ETag": etag_for(out.version), "Location": f"/webhooks/subscriptions/{out.id}"},
    )


@router.get(
    "/subscriptions",
    response_model=Page[SubscriptionOut],
    summary="订阅列表（含最近投递情况）/ list subscriptions with their delivery health",
    responses=problem_responses(401, 403, 422),
)
async def list_subscriptions(
    ctx: WebhookReaderCtx, cursor: Cursor = None, limit: Limit = 50
) -> Page[SubscriptionOut]:
    query = repository.visible(service.owner_filter(ctx.principal))
    rows, next_cursor = await keyset_page(
        ctx.session,
        query,
        (WebhookSubscription.updated_at, WebhookSubscription.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[SubscriptionOut](items=await _out(ctx, list(rows)), next_cursor=next_cursor)


@router.get(
    "/subscriptions/{subscription_id}",
    response_model=SubscriptionOut,
    summary="订阅详情：最近投递、失败数 / a subscription and its delivery health",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_subscription(subscription_id: uuid.UUID, ctx: WebhookReaderCtx) -> JSONResponse:
    (out,) = await _out(ctx, [await service.load(ctx, subscription_id)])
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.patch(
    "/subscriptions/{subscription_id}",
    response_model=SubscriptionOut,
    summary="修改订阅（地址、事件类型、停用）/ change a subscription",
    responses=problem_responses(401, 403, 404, 412, 413, 422, 428),
)
async def update_subscription(
    subscription_id: uuid.UUID, body: SubscriptionUpdate, ctx: WebhookOwnerCtx
) -> JSONResponse:
    (out,) = await _out(ctx, [await service.update(ctx, subscription_id, body)])
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.post(
    "/subscriptions/{subscription_id}/secret",
    response_model=SubscriptionCreated,
    summary="更换签名密钥 / rotate the signing secret",
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def rotate_secret(subscription_id: uuid.UUID, ctx: WebhookOwnerCtx) -> JSONResponse:
    subscription, secret = await service.rotate_secret(ctx, subscription_id)
    (out,) = await _out(ctx, [subscription])
    return JSONResponse(
        SubscriptionCreated(**out.model_dump(), secret=secret).model_dump(mode="json"),
        headers={"ETag": etag_for(out.version)},
    )


@router.delete(
    "/subscriptions/{subscription_id}",
    status_code=204,
    summary="删除订阅 / delete a subscription",
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def delete_subscription(subscription_id: uuid.UUID, ctx: WebhookOwnerCtx) -> Response:
    await service.remove(ctx, subscription_id)
    return Response(status_code=204)


@router.get(
    "/subscriptions/{subscription_id}/deliveries",
    response_model=Page[DeliveryOut],
    summary="投递记录（状态、次数、最近错误）/ a subscription's deliveries",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_deliveries(
    subscription_id: uuid.UUID,
    ctx: WebhookReaderCtx,
    status: Annotated[DeliveryStatus | None, Query()] = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[DeliveryOut]:
    subscription = await service.load(ctx, subscription_id)
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.deliveries(subscription.id, status),
        (WebhookDelivery.event_time, WebhookDelivery.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[DeliveryOut](items=[DeliveryOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/subscriptions/{subscription_id}/replay",
    response_model=ReplayOut,
    summary="从某时刻起重新投递 / deliver again every event since a time",
    responses=problem_responses(400, 401, 403, 404, 413, 422),
)
async def replay(subscription_id: uuid.UUID, body: ReplayRequest, ctx: WebhookOwnerCtx) -> JSONResponse:
    if (answer := await ctx.idempotent_replay(body)) is not None:
        return answer
    requeued = await service.replay(ctx, subscription_id, body)
    return await ctx.respond(ReplayOut(requeued=requeued))
