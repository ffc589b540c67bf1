"""Issue 14: the API docs render offline — Debian's Chromium, headless, loads /docs from the
gateway (no network beyond it), renders the operations and the OAuth2 Authorize button, and
leaves a screenshot for people to look at (in the test's temporary folder)."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Stack

BROWSERS = ("chromium", "chromium-browser")


def browser() -> str:
    for name in BROWSERS:
        if found := shutil.which(name):
            return found
    pytest.fail("Chromium is missing: apt-get install chromium (the offline-docs check needs it)")


async def headless(*arguments: str) -> str:
    process = await asyncio.create_subprocess_exec(
        browser(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        # Everything must come from the gateway: any other host fails to resolve.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--window-size=1280,1600",
        "--virtual-time-budget=20000",
        *arguments,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout=90)
    assert process.returncode == 0
    return output.decode(errors="replace")


async def test_swagger_ui_renders_the_operations_offline(stack: Stack, tmp_path: Path) -> None:
    url = f"{stack.gateway_url}/docs"
    dom = await headless("--dump-dom", url)
    for operation_id in ("list_households", "take_step", "create_project", "token"):
        assert f'opblock-summary-operation-id">{operation_id}<' in dom, operation_id
    assert "btn authorize" in dom  # the OAuth2 sign-in of the document's security scheme

    screenshot = tmp_path / "docs.png"
    await headless(f"--screenshot={screenshot}", url)
    assert screenshot.stat().st_size > 20_000  # a rendered page, not a blank one


async def test_redoc_renders_offline(stack: Stack) -> None:
    dom = await headless("--dump-dom", f"{stack.gateway_url}/redoc")
    assert "登记农户" in dom  # an operation's summary, rendered by ReDoc's script
