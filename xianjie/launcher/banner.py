"""What ``xianjie up`` prints once everything answers: the URLs, the demo accounts, their password."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from xianjie.components import GATEWAY, SERVICES
from xianjie.launcher.settings import DEMO_PASSWORD_ENV, DemoPassword, probe_host, short_path


def format_accounts(accounts: Sequence[Any], password: str) -> str:
    rows = [("username", "role", "division", "description")]
    for account in accounts:
        role = getattr(account, "role_label", "") or str(getattr(account.role, "value", account.role))
        rows.append(
            (
                str(account.username),
                str(role),
                str(account.division_code or "—"),
                str(getattr(account, "description", "")),
            )
        )
    widths = [max(_display_width(row[i]) for row in rows) for i in range(3)]
    lines = []
    for row in rows:
        cells = [row[i] + " " * (widths[i] - _display_width(row[i])) for i in range(3)]
        lines.append("  " + "  ".join([*cells, row[3]]).rstrip())
    lines.append(f"  password for every demo account: {password}")
    return "\n".join(lines)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def banner(
    host: str,
    ports: Mapping[str, int],
    data_dir: Path,
    nats_url: str,
    accounts: Sequence[Any],
    password: DemoPassword | None,
    seconds: float,
) -> str:
    base = f"http://{probe_host(host)}:{ports[GATEWAY.name]}"
    services = "  ".join(f"{s.name} :{ports[s.name]}" for s in SERVICES)
    lines = [
        "",
        f"xianjie is up in {seconds:.1f}s",
        f"  console     {base}/          (web console: dashboard and workbench; sign in with a demo account)",
        f"  gateway     {base}",
        f"  API docs    {base}/docs      (OpenAPI: {base}/openapi.json)",
        f"  AsyncAPI    {base}/asyncapi.json",
        f"  services    {services}",
        f"  NATS        {nats_url}",
        f"  logs        {short_path(data_dir / 'logs')}",
    ]
    if password is not None:
        lines += _accounts_lines(base, accounts, password)
    lines += ["", "Press Ctrl-C to stop."]
    return "\n".join(lines)


def _accounts_lines(base: str, accounts: Sequence[Any], password: DemoPassword) -> list[str]:
    origin = {
        "env": f"from {DEMO_PASSWORD_ENV}, kept in {password.path}",
        "file": f"kept in {password.path}",
        "generated": f"generated, kept in {password.path}",
    }[password.source]
    return [
        "",
        f"Demo accounts (password {origin}):",
        format_accounts(accounts, password.value),
        "",
        f"  try: curl -s {base}/auth/token -d grant_type=password -d username=admin "
        f"-d password='{password.value}'",
    ]
