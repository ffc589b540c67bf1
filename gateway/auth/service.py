"""Grants of POST /auth/token: who gets which token, refresh rotation and reuse detection."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt
import structlog
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.auth.keys import KeyRing
from gateway.auth.passwords import hash_password, needs_rehash, verify_password
from gateway.auth.schemas import TokenResponse
from gateway.models import RefreshToken, ServiceClient, User
from gateway.settings import GatewaySettings
from shared.auth import Role
from shared.errors import AppError

log = structlog.get_logger("xianjie.gateway.auth")


class OAuthError(AppError):
    """OAuth2 clients read ``error``; we add it beside the problem's ``code``."""

    def __init__(self, detail_zh: str | None = None, detail_en: str | None = None) -> None:
        super().__init__(detail_zh, detail_en, error=self.code)


class InvalidRequest(OAuthError):
    status, code, title_zh, title_en = 400, "invalid_request", "请求参数不完整", "Invalid token request"


class UnsupportedGrantType(OAuthError):
    status, code, title_zh, title_en = (
        400,
        "unsupported_grant_type",
        "不支持的授权类型",
        "Unsupported grant type",
    )


class InvalidGrant(OAuthError):
    status, code, title_zh, title_en = 400, "invalid_grant", "授权无效或已过期", "Invalid grant"


class BadCredentials(OAuthError):
    # Wrong username or password: 401, with the OAuth2 error code the password grant uses.
    status, code, title_zh, title_en = 401, "invalid_grant", "用户名或密码错误", "Wrong username or password"


class InvalidClient(OAuthError):
    status, code, title_zh, title_en = 401, "invalid_client", "客户端认证失败", "Client authentication failed"

    def __init__(self, detail_zh: str | None = None, detail_en: str | None = None) -> None:
        super().__init__(detail_zh, detail_en)
        self.headers["WWW-Authenticate"] = 'Basic realm="xianjie"'


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class Claimant:
    """Whoever a token is issued to: a person or a departmental system."""

    subject: str
    username: str
    role: Role
    division_code: str | None = None
    department: str | None = None


def claimant_of(user: User) -> Claimant:
    return Claimant(str(user.id), user.username, user.role, user.division_code, user.department)


class TokenIssuer:
    def __init__(self, settings: GatewaySettings, keyring: KeyRing) -> None:
        self.settings = settings
        self.keyring = keyring

    async def access_token(self, who: Claimant) -> str:
        key = await self.keyring.current()
        now = datetime.now(UTC)
        claims = {
            "iss": self.settings.token_issuer,
            "aud": self.settings.token_audience,
            "sub": who.subject,
            "username": who.username,
            "role": who.role.value,
            "division_code": who.division_code,
            "department": who.department,
            "typ": "access",
            # With its fraction, so that a token issued just after an account change is told from
            # one issued just before it (shared.auth.TokenVerifier.revoke_before).
            "iat": now.timestamp(),
            "exp": now.timestamp() + self.settings.access_token_ttl_seconds,
            "jti": uuid.uuid4().hex,
        }
        return jwt.encode(claims, key.private_key, algorithm="EdDSA", headers={"kid": key.kid})

    async def new_refresh_token(self, session: AsyncSession, user_id: uuid.UUID, family_id: uuid.UUID) -> str:
        raw = secrets.token_urlsafe(32)
        session.add(
            RefreshToken(
                token_hash=token_digest(raw),
                family_id=family_id,
                user_id=user_id,
                expires_at=datetime.now(UTC) + timedelta(seconds=self.settings.refresh_token_ttl_seconds),
            )
        )
        await session.flush()
        return raw

    async def for_user(self, session: AsyncSession, user: User, family_id: uuid.UUID) -> TokenResponse:
        return TokenResponse(
            access_token=await self.access_token(claimant_of(user)),
            expires_in=self.settings.access_token_ttl_seconds,
            refresh_token=await self.new_refresh_token(session, user.id, family_id),
        )


async def password_grant(
    session: AsyncSession, issuer: TokenIssuer, username: str, password: str
) -> TokenResponse:
    user = await session.scalar(select(User).where(User.username == username.strip().lower()))
    ok = await verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.active:
        log.info("login_failed", username=username[:50], known=user is not None)
        raise BadCredentials()
    if needs_rehash(user.password_hash):
        user.password_hash = await hash_password(password)
    log.info("login", user_id=str(user.id), role=user.role.value)
    return await issuer.for_user(session, user, family_id=uuid.uuid4())


async def client_credentials_grant(
    session: AsyncSession, issuer: TokenIssuer, client_id: str, client_secret: str
) -> TokenResponse:
    client = await session.scalar(select(ServiceClient).where(ServiceClient.client_id == client_id))
    ok = await verify_password(client.secret_hash if client else None, client_secret)
    if client is None or not ok or not client.active:
        log.info("client_login_failed", client_id=client_id[:50])
        raise InvalidClient()
    who = Claimant(client.client_id, client.client_id, Role.INTEGRATOR, None, client.department)
    return TokenResponse(
        access_token=await issuer.access_token(who), expires_in=issuer.settings.access_token_ttl_seconds
    )


async def refresh_grant(session: AsyncSession, issuer: TokenIssuer, raw: str) -> TokenResponse | InvalidGrant:
    """Rotate a refresh token. Returns (rather than raises) the error, so a family revoked on reuse
    is committed before the caller answers 400."""
    token = await session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == token_digest(raw)).with_for_update()
    )
    if token is None or token.revoked_at is not None:
        return InvalidGrant("刷新令牌无效", "invalid refresh token")
    if token.used_at is not None:
        # A used token came back: it was stolen or replayed. End the whole sign-in chain.
        await revoke_family(session, token.family_id)
        log.warning("refresh_token_reused", family_id=str(token.family_id), user_id=str(token.user_id))
        return InvalidGrant(
            "刷新令牌已被使用，该登录已失效，请重新登录", "refresh token reused; sign in again"
        )
    now = datetime.now(UTC)
    if token.expires_at <= now:
        return InvalidGrant("刷新令牌已过期", "refresh token expired")
    token.used_at = now
    user = await session.get(User, token.user_id)
    if user is None or not user.active:
        await revoke_family(session, token.family_id)
        return InvalidGrant("账号已停用", "account disabled")
    return await issuer.for_user(session, user, family_id=token.family_id)


async def revoke_family(session: AsyncSession, family_id: uuid.UUID) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=func.now())
    )


async def revoke_refresh_token(session: AsyncSession, raw: str) -> None:
    """Sign-out (RFC 7009): the refresh token's whole chain ends. An unknown token is not an error,
    so the answer tells nobody whether a token existed."""
    family_id = await session.scalar(
        select(RefreshToken.family_id).where(RefreshToken.token_hash == token_digest(raw))
    )
    if family_id is not None:
        await revoke_family(session, family_id)


async def revoke_user_tokens(session: AsyncSession, user_id: uuid.UUID) -> None:
    """After a password change, role change or deactivation: no refresh token of theirs works."""
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=func.now())
    )
