"""Sign-in rate limit per username + client IP, kept in this process's memory (``limits``).

Several gateway processes each count on their own; a shared limit would need the Redis storage.
"""

from __future__ import annotations

import math
import time

from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from shared.errors import AppError


class RateLimited(AppError):
    status, code, title_zh, title_en = 429, "rate_limited", "请求过于频繁，请稍后再试", "Too many requests"


class LoginRateLimiter:
    def __init__(self, limit: str) -> None:
        self.item = parse(limit)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def hit(self, *identifiers: str) -> None:
        """Count one attempt; over the limit, raise 429 with Retry-After."""
        key = [part.lower() for part in identifiers]
        if self.limiter.hit(self.item, "login", *key):
            return
        reset = self.limiter.get_window_stats(self.item, "login", *key).reset_time
        retry_after = max(1, math.ceil(reset - time.time()))
        error = RateLimited(
            f"登录尝试过于频繁，请 {retry_after} 秒后再试",
            f"too many sign-in attempts; retry in {retry_after} s",
        )
        error.headers["Retry-After"] = str(retry_after)
        raise error
