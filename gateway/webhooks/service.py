"""Registering, changing and replaying webhook subscriptions (rules in ``rules.py``)."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit

from gateway.models import WebhookSubscription
from gateway.settings import GatewaySettings
from gateway.webhooks import repository, rules
from gateway.webhooks.dispatch import resolve
from gateway.webhooks.schemas import ReplayRequest, SubscriptionCreate, SubscriptionUpdate
from shared.auth import Principal, Role
from shared.context import RequestContext
from shared.errors import Forbidden, NotFound, ValidationFailed


def owner_filter(principal: Principal) -> str | None:
    """A department's system sees its own subscriptions; the district and auditors see all."""
    return principal.subject if principal.role is Role.INTEGRATOR else None


async def load(
    ctx: RequestContext, subscription_id: uuid.UUID, *, for_update: bool = False
) -> WebhookSubscription:
    found = await repository.get(
        ctx.session, subscription_id, owner_filter(ctx.principal), for_update=for_update
    )
    if found is None:
        raise NotFound("订阅不存在", "subscription not found")
    return found


def _department(principal: Principal) -> str:
    if not principal.department:
        raise Forbidden("集成账号未绑定部门", "the integrator account has no department")
    return principal.department


async def _check_url(settings: GatewaySettings, url: str) -> None:
    problem = rules.url_problem(url)
    if problem is None:
        host = urlsplit(url).hostname or ""
        if not rules.host_allowed(host, await resolve(host), settings.webhook_allowed_hosts):
            problem = f"主机 {host} 不在允许名单内或无法解析（XIANJIE_GATEWAY_WEBHOOK_ALLOWED_HOSTS）"
    if problem is not None:
        raise ValidationFailed("url", problem, "this URL may not receive webhooks")


def _check_types(settings: GatewaySettings, department: str, event_types: list[str]) -> None:
    refused = rules.types_refused(department, event_types, settings.webhook_department_events)
    if refused:
        raise Forbidden(
            f"部门「{department}」不能订阅：{'、'.join(refused)}",
            f"{department} may not subscribe to {refused}",
        )


async def register(ctx: RequestContext, body: SubscriptionCreate) -> tuple[WebhookSubscription, str]:
    settings = ctx.settings_as(GatewaySettings)
    department = _department(ctx.principal)
    _check_types(settings, department, body.event_types)
    # The client's own scope bounds the subscription's (a client without one has the district).
    division = body.division_code or ctx.principal.division_prefix
    if division is not None:
        ctx.principal.require_may_write_in(division)
    await _check_url(settings, body.url)
    secret = rules.new_secret()
    subscription = WebhookSubscription(
        owner=ctx.principal.subject,
        department=department,
        url=body.url,
        event_types=sorted(set(body.event_types)),
        division_code=division,
        secret=secret,
        active=True,
    )
    ctx.session.add(subscription)
    await ctx.session.flush()
    await ctx.audit(
        "create",
        "webhook_subscription",
        subscription.id,
        {"url": body.url, "event_types": subscription.event_types, "division_code": division},
    )
    return subscription, secret


async def update(
    ctx: RequestContext, subscription_id: uuid.UUID, body: SubscriptionUpdate
) -> WebhookSubscription:
    settings = ctx.settings_as(GatewaySettings)
    subscription = await load(ctx, subscription_id, for_update=True)
    ctx.require_if_match(subscription.version)
    changes = body.model_dump(exclude_unset=True, exclude_none=True)
    if "event_types" in changes:
        _check_types(settings, subscription.department, changes["event_types"])
        changes["event_types"] = sorted(set(changes["event_types"]))
    if "url" in changes:
        await _check_url(settings, changes["url"])
    for name, value in changes.items():
        setattr(subscription, name, value)
    await ctx.session.flush()
    await ctx.audit("update", "webhook_subscription", subscription.id, changes)
    return subscription


async def rotate_secret(ctx: RequestContext, subscription_id: uuid.UUID) -> tuple[WebhookSubscription, str]:
    subscription = await load(ctx, subscription_id, for_update=True)
    ctx.require_if_match(subscription.version)
    subscription.secret = rules.new_secret()
    await ctx.session.flush()
    await ctx.audit("rotate_secret", "webhook_subscription", subscription.id)
    return subscription, subscription.secret


async def remove(ctx: RequestContext, subscription_id: uuid.UUID) -> None:
    subscription = await load(ctx, subscription_id, for_update=True)
    ctx.require_if_match(subscription.version)
    await ctx.session.delete(subscription)
    await ctx.audit("delete", "webhook_subscription", subscription_id)


async def replay(ctx: RequestContext, subscription_id: uuid.UUID, body: ReplayRequest) -> int:
    subscription = await load(ctx, subscription_id, for_update=True)
    requeued = await repository.requeue_since(ctx.session, subscription.id, body.since)
    await ctx.audit(
        "replay",
        "webhook_subscription",
        subscription.id,
        {"since": body.since.isoformat(), "requeued": requeued},
    )
    return requeued  # the dispatcher finds them on its next look (webhook_poll_seconds)
