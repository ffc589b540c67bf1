"""Rate limits counted in one store for all replicas (``limits``, moving window).

``XIANJIE_RATE_LIMIT_STORAGE`` picks the store: ``memory://`` (the default, and what the embedded
``xianjie up`` uses) counts in this process — N replicas then allow N times the rate; a Redis URL
(``redis://127.0.0.1:6379/0``, also ``rediss://``, ``redis+sentinel://``, ``redis+cluster://``)
counts in Redis, shared by every replica. Keys start with ``XIANJIE_RATE_LIMIT_KEY_PREFIX``.

Should Redis be unreachable, hits are counted in this process instead (logged): the limit then
holds per replica rather than not at all, and sign-in keeps working.
"""

from __future__ import annotations

import math
import time

import structlog
from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError
from limits.storage import storage_from_string

from shared.errors import AppError

log = structlog.get_logger("xianjie.ratelimit")


class RateLimited(AppError):
    status, code, title_zh, title_en = 429, "rate_limited", "请求过于频繁，请稍后再试", "Too many requests"


def _storage(url: str, key_prefix: str) -> Storage:
    if url.startswith("memory://"):
        return MemoryStorage()
    if url.startswith(("redis://", "rediss://", "redis+sentinel://", "redis+cluster://")):
        # redis-py's asyncio client (limits' default would be coredis, which we do not install).
        storage = storage_from_string(
            f"async+{url}", implementation="redispy", key_prefix=key_prefix, wrap_exceptions=True
        )
        assert isinstance(storage, Storage)  # the async+ scheme gives the asyncio storage
        return storage
    raise ValueError(f"rate-limit storage must be memory:// or a redis URL, not {url.split('://')[0]}://")


class RateLimits:
    def __init__(self, storage_url: str = "memory://", key_prefix: str = "xianjie") -> None:
        self.shared = not storage_url.startswith("memory://")
        self.limiter = MovingWindowRateLimiter(_storage(storage_url, key_prefix))
        self._local = MovingWindowRateLimiter(MemoryStorage())

    async def retry_after(self, limit: str | RateLimitItem, *key: str) -> int | None:
        """Count one hit on ``key``; None within ``limit``, else the seconds until a retry may pass."""
        item = parse(limit) if isinstance(limit, str) else limit
        limiter = self.limiter
        try:
            allowed = await limiter.hit(item, *key)
        except StorageError as exc:
            log.warning("rate_limit_store_unreachable", error=str(exc.storage_error) or type(exc).__name__)
            limiter = self._local
            allowed = await limiter.hit(item, *key)
        if allowed:
            return None
        try:
            reset = (await limiter.get_window_stats(item, *key)).reset_time
        except StorageError:
            reset = time.time() + item.get_expiry()
        return max(1, math.ceil(reset - time.time()))

    async def hit(self, limit: str | RateLimitItem, *key: str, zh: str, en: str) -> None:
        """Count one hit; over the limit, raise 429 with Retry-After. ``zh``/``en`` may name
        ``{retry_after}``."""
        retry_after = await self.retry_after(limit, *key)
        if retry_after is None:
            return
        error = RateLimited(zh.format(retry_after=retry_after), en.format(retry_after=retry_after))
        error.headers["Retry-After"] = str(retry_after)
        raise error
