"""The plumbing every service's demo steps share: a signed-in HTTP client to the gateway.

``services/<service>/demo.py`` holds a service's demo records and the steps that create them;
they call the gateway through :class:`DemoLoader`, which signs in as the demo accounts, sends each
POST with its fixed ``Idempotency-Key``, counts what exists and what is new, and turns a refusal
into one warning line. ``xianjie/demo_data.py`` runs the services' steps in order.

This module imports nothing from ``services`` or ``xianjie.demo_data``, so a service's demo module
can import it without a cycle.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

Echo = Callable[[str], None]

CONCURRENCY = 8

# --------------------------------------------------------------------------- common ground

# The year of the demo's incomes, monitoring line, funds and projects.
YEAR = 2025
# Towns of the demo (克井镇, 邵原镇, 坡头镇, 王屋镇); 北大河村 is village_beidahe's own village.
KEJING, SHAOYUAN, POTOU, WANGWU = "419001100", "419001104", "419001105", "419001109"
BEIDAHE = "419001100201"


# --------------------------------------------------------------------------- the API client


@dataclass
class Answer:
    status: int
    body: Any
    etag: str | None
    replayed: bool


# A record just created in one service reaches the others' projections through events, usually
# within milliseconds; a write naming it meanwhile is refused (503 reference_pending, or 422
# unknown_reference while the event is still in the owner's outbox). The demo waits that long.
REFERENCE_WAIT_SECONDS = 15.0
# Attempts of a request that got no answer at all (a connection reset or closed under it).
TRANSPORT_ATTEMPTS = 5


def _worth_retrying(resp: httpx.Response, method: str, key: str | None, attempt: int, in_time: bool) -> bool:
    """Send the same request again? A 5xx (e.g. a deadlock victim) rolled back, claim of the
    Idempotency-Key included, so the same request may simply be sent again; a reference not yet
    projected is waited for."""
    if method == "POST" and not key:
        return False
    if resp.status_code >= 500:
        return attempt < 2 or (resp.status_code == 503 and in_time)
    if resp.status_code == 422 and in_time:
        return resp.headers.get("content-type", "").startswith("application/problem") and (
            resp.json().get("code") == "unknown_reference"
        )
    return False


@dataclass
class DemoLoader:
    http: httpx.AsyncClient
    echo: Echo
    tokens: dict[str, str] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    new: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    limit: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(CONCURRENCY))
    reference_wait: float = REFERENCE_WAIT_SECONDS

    def warn(self, what: str, problem: str) -> None:
        line = f"  demo data   warning: {what}: {problem}"
        self.warnings.append(line)
        self.echo(line)

    async def call(
        self,
        method: str,
        path: str,
        account: str,
        what: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        key: str | None = None,
        if_match: str | None = None,
        quiet: Sequence[int] = (),
    ) -> Answer | None:
        """One request; a refusal is a warning (unless its status is in ``quiet``) and ``None``."""
        token = self.tokens.get(account)
        if token is None:
            return None  # signing in failed: already warned
        headers = {"Authorization": f"Bearer {token}", "Accept-Language": "en"}
        if key:
            headers["Idempotency-Key"] = key
        if if_match:
            headers["If-Match"] = if_match
        deadline = asyncio.get_running_loop().time() + self.reference_wait
        for attempt in range(1000):
            async with self.limit:
                try:
                    got = await self.http.request(method, path, json=json, params=params, headers=headers)
                except httpx.TransportError as exc:
                    # No answer at all — e.g. a pooled keep-alive connection the server closed as it
                    # was reused (its idle timeout comes sooner on a busy machine; the pool may hold
                    # several such). A keyed POST or an idempotent method is sent again after the
                    # usual pause, on a new connection, a few times like a 5xx; then it is a warning.
                    if attempt >= TRANSPORT_ATTEMPTS - 1 or not (key or method in ("GET", "PUT", "HEAD")):
                        self.warn(what, f"{type(exc).__name__}: {exc}")
                        return None
                    got = None
                except httpx.HTTPError as exc:
                    self.warn(what, f"{type(exc).__name__}: {exc}")
                    return None
            if got is not None:
                resp = got
                if not _worth_retrying(
                    resp, method, key, attempt, asyncio.get_running_loop().time() < deadline
                ):
                    break
            await asyncio.sleep(min(0.2 * (attempt + 1), 1.0))
        if resp.status_code >= 400:
            if resp.status_code not in quiet:
                self.warn(what, _problem(resp))
            return None
        body = resp.json() if resp.content else None
        return Answer(
            resp.status_code,
            body,
            resp.headers.get("etag"),
            resp.headers.get("idempotent-replayed") == "true",
        )

    async def create(
        self, kind: str, path: str, account: str, key: str, body: Any, *, if_match: str | None = None
    ) -> Answer | None:
        """A POST with its fixed Idempotency-Key; counted under ``kind`` when it succeeds."""
        answer = await self.call("POST", path, account, key, json=body, key=key, if_match=if_match)
        if answer is not None:
            self.counts[kind] += 1
            if not answer.replayed:
                self.new[kind] += 1
        return answer

    async def create_if_match(
        self, kind: str, path: str, account: str, key: str, body: Any, *, record: str, what: str
    ) -> Answer | None:
        """:meth:`create` sent with ``If-Match``: the current ETag of ``record`` (read as ``what``)."""
        etag = await self.etag(record, account, what)
        return await self.create(kind, path, account, key, body, if_match=etag)

    async def etag(self, path: str, account: str, what: str) -> str | None:
        answer = await self.call("GET", path, account, what)
        return answer.etag if answer else None

    async def sign_in(self, password: str) -> None:
        async def one(account: str, data: dict[str, str]) -> None:
            try:
                resp = await self.http.post("/auth/token", data=data)
            except httpx.HTTPError as exc:
                self.warn(f"sign in as {account}", f"{type(exc).__name__}: {exc}")
                return
            if resp.status_code != 200:
                self.warn(f"sign in as {account}", _problem(resp))
                return
            self.tokens[account] = resp.json()["access_token"]

        users = ["admin", "town_kejing", "village_beidahe"]
        await asyncio.gather(
            *(one(u, {"grant_type": "password", "username": u, "password": password}) for u in users),
            one(
                "integrator_hrss",
                {
                    "grant_type": "client_credentials",
                    "client_id": "integrator_hrss",
                    "client_secret": password,
                },
            ),
        )


def _problem(resp: httpx.Response) -> str:
    try:
        problem = resp.json()
    except ValueError:
        return f"HTTP {resp.status_code}"
    if not isinstance(problem, dict):
        return f"HTTP {resp.status_code}"
    detail = problem.get("detail") or problem.get("title", "")
    return f"HTTP {resp.status_code} {problem.get('code', '')}: {detail}"


async def gather(*steps: Awaitable[Any]) -> list[Any]:
    """``asyncio.gather`` as a list."""
    return list(await asyncio.gather(*steps))
