"""Browser tests of the web console: Debian's Chromium (never a downloaded browser) driven by
Playwright, one browser per module, against the real test stack."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
import pytest_asyncio

playwright_api = pytest.importorskip("playwright.async_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = os.path.exists(CHROMIUM)
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def browser() -> AsyncIterator[playwright_api.Browser]:
    if not HAVE_CHROMIUM:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    async with playwright_api.async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--headless=new", "--disable-gpu"]
        )
        try:
            yield browser
        finally:
            await browser.close()


@dataclass
class Console:
    """One signed-out browser tab on the console, noting every request it makes and every error."""

    page: playwright_api.Page
    origin: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests to anywhere but the gateway (a CDN, a font host, ...); data: and blob: stay in the page."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob")
            and f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" != self.origin
        ]

    async def sign_in(self, username: str, password: str) -> None:
        await self.page.goto(self.origin + "/")
        await self.page.fill("#username", username)
        await self.page.fill("#password", password)
        await self.page.click("form.signin button[type=submit]")
        await self.page.wait_for_selector("main[data-view]")

    async def go(self, route: str, view: str) -> None:
        """Follow an in-app link and wait until the view has drawn its data."""
        await self.page.evaluate("r => { location.hash = r }", route)
        await self.page.wait_for_selector(f"main[data-view='{view}']")

    async def figure(self, name: str) -> str:
        return (
            await self.page.locator(
                f"[data-figure='{name}'] .figure-value, a[data-figure='{name}']:not(.figure)"
            ).first.inner_text()
        ).strip()


@pytest_asyncio.fixture(loop_scope="session")
async def open_console(browser: playwright_api.Browser, stack: object) -> AsyncIterator[object]:
    contexts: list[playwright_api.BrowserContext] = []
    consoles: list[Console] = []

    async def open_(viewport: dict[str, int] = DESKTOP) -> Console:
        context = await browser.new_context(viewport=viewport, locale="zh-CN", accept_downloads=True)
        contexts.append(context)
        page = await context.new_page()
        page.set_default_timeout(15_000)
        console = Console(page=page, origin=stack.gateway_url)  # type: ignore[attr-defined]
        page.on("request", lambda r: console.requests.append(r.url))
        page.on("pageerror", lambda e: console.errors.append(str(e)))
        # A Content-Security-Policy refusal (an inline script or style, another origin) is a bug.
        page.on(
            "console",
            lambda m: console.errors.append(m.text) if "Content Security Policy" in m.text else None,
        )
        consoles.append(console)
        return console

    yield open_
    for context in contexts:
        await context.close()
    for console in consoles:
        assert console.foreign_requests() == [], "the console asked another origin"
        assert console.errors == [], console.errors
