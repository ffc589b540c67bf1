"""The rules of webhook subscriptions and deliveries, as plain functions (no I/O).

- A URL is http(s) and its host is allowed (SSRF: a department's URL must not reach the suite's
  own servers or cloud metadata, so only hosts and networks the district named are accepted).
- A department subscribes only to the event types its duty needs (``webhook_department_events``).
- An event reaches a subscription only if its place (``village_code``, else ``town_code``) lies
  in the subscription's division; an event without a place (district-wide counts) only reaches
  subscriptions without a division.
- Signatures follow Standard Webhooks (standardwebhooks.com): HMAC-SHA256 over
  ``<webhook-id>.<webhook-timestamp>.<body>``, so a receiver can check them with that project's
  libraries, and the timestamp inside the signed content stops replays of an old delivery.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Iterable, Mapping
from fnmatch import fnmatchcase
from typing import Any
from urllib.parse import urlsplit

SECRET_PREFIX = "whsec_"  # noqa: S105 - the Standard Webhooks prefix, not a secret
SIGNATURE_VERSION = "v1"


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` header value for ``body`` sent at ``timestamp`` (Unix seconds)."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return f"{SIGNATURE_VERSION},{base64.b64encode(digest).decode()}"


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a webhook at all (Chinese, for the answer), or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "只接受 http 或 https 地址"
    if not parts.hostname or parts.username or parts.password:
        return "地址须含主机名，且不得含用户名或密码"
    return None


def host_allowed(host: str, resolved: Iterable[str], allowed_hosts: Iterable[str]) -> bool:
    """A host is allowed by name, or when every address it resolves to lies in an allowed network
    (all of them: a name that also resolves elsewhere could be steered there)."""
    allowed = list(allowed_hosts)
    if host.lower() in {entry.lower() for entry in allowed if not _is_network(entry)}:
        return True
    addresses = list(resolved)
    networks = _networks(allowed)
    return bool(addresses) and all(
        any(ipaddress.ip_address(address) in network for network in networks) for address in addresses
    )


def _is_network(entry: str) -> bool:
    try:
        ipaddress.ip_network(entry, strict=False)
    except ValueError:
        return False
    return True


def _networks(allowed: Iterable[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(entry, strict=False) for entry in allowed if _is_network(entry)]


def types_refused(department: str, event_types: Iterable[str], table: Mapping[str, list[str]]) -> list[str]:
    """The requested types the department may not have (all of them for a department not in the table)."""
    patterns = table.get(department, [])
    return [t for t in event_types if not any(fnmatchcase(t, pattern) for pattern in patterns)]


def event_place(data: Mapping[str, Any]) -> str | None:
    """Where an event happened: its village, else its town; None for a district-wide event."""
    for key in ("village_code", "town_code"):
        value = data.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def in_scope(place: str | None, division_code: str | None) -> bool:
    if division_code is None:
        return True
    return place is not None and place.startswith(division_code)


def backoff_seconds(attempts: int, base: float, cap: float) -> float:
    """Wait after the ``attempts``-th failed attempt: base, 2·base, 4·base, … never above the cap."""
    return float(min(cap, base * 2 ** max(attempts - 1, 0)))
