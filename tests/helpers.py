"""Small helpers for tests (fixtures live in conftest.py)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx


def auth(token: str, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **headers}


async def eventually(
    check: Callable[[], Awaitable[Any]], *, timeout: float = 15.0, interval: float = 0.1
) -> Any:
    """Poll an async check until it returns a truthy value (events are asynchronous by design)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        result = await check()
        if result:
            return result
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {timeout}s (last: {result!r})")
        await asyncio.sleep(interval)


def new_id() -> str:
    return str(uuid.uuid4())


KEJING = "419001100"  # 克井镇
KEJING_VILLAGE = "419001100201"  # demo village of 克井镇 (village_beidahe's)
KEJING_OTHER_VILLAGE = "419001100202"
WANGWU = "419001109"  # 王屋镇
WANGWU_VILLAGE = "419001109201"


def problem(resp: httpx.Response) -> dict[str, Any]:
    """A problem answer without what differs on every request (to compare two refusals)."""
    return {k: v for k, v in resp.json().items() if k not in ("request_id", "instance")}
