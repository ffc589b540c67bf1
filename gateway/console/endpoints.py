"""The console's page and its built assets, from this package (built by ``make console`` from
``console/``; no Node at run time). Same origin as the API, and the page may talk to nothing else:
its Content-Security-Policy allows only this origin, so a stray CDN reference fails loudly."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

STATIC_DIR = Path(__file__).parent / "static"
ASSETS_URL = "/console"

# 'unsafe-inline' only for style *attributes*: ECharts positions its tooltip with inline styles.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    # The page names its hashed assets: always ask again for it, never for them.
    "Cache-Control": "no-cache",
}


class HashedAssets(StaticFiles):
    """Vite names every asset by its content hash, so a browser may keep them for good."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
            response.headers["X-Content-Type-Options"] = "nosniff"
        return response


def install_console(app: FastAPI) -> None:
    """``/`` answers the console's page; ``/console/assets/...`` its scripts and styles."""
    index = STATIC_DIR / "index.html"
    if not index.is_file():  # a checkout without the built console: say how to build it
        missing = (
            "<!doctype html><meta charset=utf-8><title>衔接</title>"
            "<p>工作台尚未构建：运行 <code>make console</code>。"
        )

        @app.get("/", include_in_schema=False)
        async def console_missing() -> HTMLResponse:
            return HTMLResponse(missing, status_code=503)

        return

    app.mount(f"{ASSETS_URL}/assets", HashedAssets(directory=STATIC_DIR / "assets"), name="console-assets")

    @app.get("/", include_in_schema=False)
    async def console_page() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)

    @app.get(ASSETS_URL, include_in_schema=False)
    @app.get(f"{ASSETS_URL}/", include_in_schema=False)
    async def console_alias() -> RedirectResponse:
        return RedirectResponse("/", status_code=308)
