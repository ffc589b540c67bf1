"""Sign-in rate limit per username + client IP (``limits``, moving window).

Counted where ``XIANJIE_RATE_LIMIT_STORAGE`` says (shared.ratelimit): in this process by default,
in Redis when several gateway replicas must share one count.
"""

from __future__ import annotations

from shared.ratelimit import RateLimited, RateLimits

__all__ = ["LoginRateLimiter", "RateLimited"]


class LoginRateLimiter:
    def __init__(self, limit: str, *, storage_url: str = "memory://", key_prefix: str = "xianjie") -> None:
        self.limit = limit
        self.limits = RateLimits(storage_url, key_prefix)

    async def hit(self, *identifiers: str) -> None:
        """Count one attempt; over the limit, raise 429 with Retry-After."""
        await self.limits.hit(
            self.limit,
            "login",
            *(part.lower() for part in identifiers),
            zh="登录尝试过于频繁，请 {retry_after} 秒后再试",
            en="too many sign-in attempts; retry in {retry_after} s",
        )
