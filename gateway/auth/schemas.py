from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from shared.auth import Role


class TokenResponse(BaseModel):
    """OAuth2 token response (RFC 6749 §5.1)."""

    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int = Field(description="访问令牌有效秒数 / seconds until the access token expires")
    refresh_token: str | None = Field(default=None, description="一次性刷新令牌 / single-use refresh token")
    scope: str | None = None


class MeOut(BaseModel):
    id: str
    username: str
    display_name: str
    role: Role
    role_label: str
    division_code: str | None
    division_name: str | None
    department: str | None


class Jwks(BaseModel):
    keys: list[dict[str, Any]]
