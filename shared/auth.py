"""Token verification and data scope, done by every service itself.

The gateway signs short-lived JWTs (EdDSA); a service fetches the gateway's JWKS, verifies the
token, and derives a :class:`Principal` carrying role and territorial scope. Scope is expressed on
division codes: a town's 9-digit code is the prefix of its villages' 12-digit codes.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import jwt
import structlog

from shared.errors import Forbidden, NotFound, Unauthorized
from shared.labels import LabelledEnum

log = structlog.get_logger("xianjie.auth")


class Role(LabelledEnum):
    DISTRICT_ADMIN = "district_admin", "区级管理员"  # 全部数据
    DEPARTMENT_OFFICER = "department_officer", "行业部门干部"  # 本部门数据与预警
    TOWN_OFFICIAL = "town_official", "镇（街道）干部"  # 本镇
    VILLAGE_CADRE = "village_cadre", "村干部"  # 本村
    HELPER = "helper", "帮扶责任人"  # 所联系农户
    AUDITOR = "auditor", "审计人员"  # 只读全部，读亦留痕
    INTEGRATOR = "integrator", "部门系统（集成账号）"  # 推送与订阅


# Roles whose scope is bounded by a division code carried in the token, and the code's length.
TERRITORIAL_ROLES = {Role.TOWN_OFFICIAL: 9, Role.VILLAGE_CADRE: 12}


@dataclass(frozen=True)
class Principal:
    subject: str  # user or client id
    username: str
    role: Role
    division_code: str | None = None  # town (9) or village (12) for territorial roles
    department: str | None = None
    claims: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def read_only(self) -> bool:
        return self.role is Role.AUDITOR

    @property
    def division_prefix(self) -> str | None:
        """Code prefix this principal is confined to; ``None`` means no territorial bound.

        Fails closed: a territorial role whose token lacks its code is bound to a prefix no
        division has (the verifier refuses such tokens; this guards principals made elsewhere).
        """
        if self.role not in TERRITORIAL_ROLES:
            return None
        return self.division_code or NO_TERRITORY

    def covers(self, division_code: str) -> bool:
        prefix = self.division_prefix
        return prefix is None or division_code.startswith(prefix)

    def require_role(self, *roles: Role) -> None:
        if self.role not in roles:
            raise Forbidden(
                f"角色「{self.role.label}」不能执行此操作", f"role {self.role.value} may not do this"
            )

    def require_write(self) -> None:
        if self.read_only:
            raise Forbidden("审计账号只读", "auditor accounts are read-only")

    def require_covers(self, division_code: str) -> None:
        """Reading outside one's territory: the record does not exist, as far as the caller can tell."""
        if not self.covers(division_code):
            raise NotFound()

    def require_may_write_in(self, division_code: str) -> None:
        """Writing a record into a place outside one's territory is refused: the caller named the place."""
        if not self.covers(division_code):
            raise Forbidden(
                f"不能在本辖区以外（{division_code}）登记数据", f"{division_code} is outside your territory"
            )


# Matches no division code (codes are digits): the scope of a territorial principal without one.
NO_TERRITORY = "-"

KeySource = Callable[[], Awaitable[list[dict[str, Any]]]]


def jwks_over_http(url: str, client: httpx.AsyncClient | None = None) -> KeySource:
    """The gateway's JWKS, fetched over HTTP (how every service gets the public keys)."""

    async def fetch() -> list[dict[str, Any]]:
        http = client or httpx.AsyncClient(timeout=5.0)
        try:
            resp = await http.get(url)
            resp.raise_for_status()
            keys: list[dict[str, Any]] = resp.json().get("keys", [])
            return keys
        finally:
            if client is None:
                await http.aclose()

    return fetch


class TokenVerifier:
    """Verifies gateway tokens against public JWKs from ``key_source``, cached by key id.

    An unknown ``kid`` triggers a refetch (at most once per ``refresh_cooldown``), so a key the
    gateway adds is picked up without restarting services.
    """

    def __init__(
        self,
        key_source: KeySource,
        *,
        issuer: str,
        audience: str,
        refresh_cooldown: float = 30.0,
        cache_size: int = 10_000,
    ) -> None:
        self.key_source = key_source
        self.cache_size = cache_size
        self._verified: dict[str, tuple[float, Principal]] = {}
        self.issuer = issuer
        self.audience = audience
        self.refresh_cooldown = refresh_cooldown
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()
        # subject -> time of the last change of its account: tokens issued before it are refused.
        self._not_before: dict[str, float] = {}

    def revoke_before(self, subject: str, changed_at: float) -> None:
        """The account behind ``subject`` changed (role, place, deactivated) at ``changed_at``: its
        tokens issued earlier carry stale claims and are no longer accepted."""
        self._not_before[subject] = max(changed_at, self._not_before.get(subject, 0.0))

    def _require_current(self, principal: Principal) -> Principal:
        not_before = self._not_before.get(principal.subject)
        if not_before is not None and float(principal.claims.get("iat", 0)) < not_before:
            raise Unauthorized("账号已变更，请重新登录", "the account changed; sign in again")
        return principal

    async def _refresh(self) -> None:
        async with self._lock:
            if time.monotonic() - self._fetched_at < self.refresh_cooldown and self._keys:
                return
            try:
                keys = {}
                for jwk in await self.key_source():
                    key = jwt.PyJWK.from_dict(jwk)
                    if key.key_id:
                        keys[key.key_id] = key
                self._keys = keys
                self._fetched_at = time.monotonic()
            except (httpx.HTTPError, OSError, ValueError, jwt.PyJWKError) as exc:
                log.warning("jwks_fetch_failed", error=str(exc) or type(exc).__name__)

    async def _key_for(self, kid: str) -> jwt.PyJWK:
        if kid not in self._keys:
            await self._refresh()
        key = self._keys.get(kid)
        if key is None:
            raise Unauthorized("令牌签名密钥未知", "unknown signing key")
        return key

    async def verify(self, token: str) -> Principal:
        """The caller behind ``token``. A field app sends the same token for up to its lifetime, so a
        verified token is remembered until it expires: Ed25519 checks cost ~0.5 ms a request."""
        cached = self._verified.get(token)
        if cached is not None and cached[0] > time.time():
            return self._require_current(cached[1])
        principal = await self._verify(token)
        if len(self._verified) >= self.cache_size:
            self._verified.clear()  # crude but bounded; tokens live minutes, the cache refills at once
        self._verified[token] = (float(principal.claims["exp"]), principal)
        return self._require_current(principal)

    async def _verify(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthorized("令牌格式错误", "malformed token") from exc
        key = await self._key_for(str(header.get("kid", "")))
        try:
            claims = jwt.decode(
                token,
                key.key,
                algorithms=["EdDSA"],
                audience=self.audience,
                issuer=self.issuer,
                options={"require": ["exp", "iat", "sub", "role"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("令牌已过期", "token expired") from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized("令牌无效", "invalid token") from exc
        if claims.get("typ") != "access":
            raise Unauthorized("不是访问令牌", "not an access token")
        try:
            role = Role(claims["role"])
        except ValueError as exc:
            raise Unauthorized("令牌角色未知", "unknown role") from exc
        division_code = claims.get("division_code")
        if role in TERRITORIAL_ROLES and not _is_division(division_code, TERRITORIAL_ROLES[role]):
            # A town or village account without its place would read everything: refuse the token.
            raise Unauthorized("令牌缺少有效的辖区代码", "token lacks a valid division code")
        return Principal(
            subject=str(claims["sub"]),
            username=str(claims.get("username", claims["sub"])),
            role=role,
            division_code=division_code,
            department=claims.get("department"),
            claims=claims,
        )


def _is_division(code: object, length: int) -> bool:
    return isinstance(code, str) and len(code) == length and code.isdigit()
