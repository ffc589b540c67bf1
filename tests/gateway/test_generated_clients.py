"""Issue 14: clients generated from the committed OpenAPI document work — the Python client
(openapi-python-client, zero warnings) installed and run through the gateway, and TypeScript
types (openapi-typescript) compiled with tsc; the AsyncAPI document passes the official parser."""

from __future__ import annotations

import asyncio
import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE
from xianjie.clients import CLIENTS, OPENAPI, PYTHON_CLIENT, generate_python_client

SCENARIO = Path(__file__).parent / "client_scenario.py"
TYPESCRIPT = CLIENTS / "typescript"


async def run(*command: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    # The stack serves from this process's event loop: wait for the child beside it, not blocking it.
    process = await asyncio.create_subprocess_exec(
        *command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout=240)
    text = output.decode(errors="replace")
    assert process.returncode == 0, f"{' '.join(command)}:\n{text[-4000:]}"
    return text


def differing_files(left: Path, right: Path) -> list[str]:
    # What pip or an editor leaves in a source tree is not the generator's output.
    compared = filecmp.dircmp(
        left, right, ignore=["__pycache__", ".ruff_cache", "build", "xianjie_client.egg-info"]
    )
    found = [*compared.left_only, *compared.right_only, *compared.diff_files, *compared.funny_files]
    for name, sub in compared.subdirs.items():
        found += [f"{name}/{f}" for f in differing_files(Path(sub.left), Path(sub.right))]
    return found


async def test_python_client_generates_cleanly_and_works(
    stack: Stack, demo_password: str, tmp_path: Path
) -> None:
    generated = tmp_path / "python"
    # Raises on any generator warning (a dropped schema or operation).
    await asyncio.to_thread(generate_python_client, OPENAPI, generated)
    assert not differing_files(generated, PYTHON_CLIENT), "clients/python is stale: run `make clients`"

    site = tmp_path / "site"
    await run(
        sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
        "--disable-pip-version-check", "--target", str(site), str(generated),
    )  # fmt: skip
    output = await run(
        sys.executable, str(SCENARIO), stack.gateway_url, "village_beidahe", demo_password, KEJING, KEJING_VILLAGE,
        env={**os.environ, "PYTHONPATH": str(site)},
    )  # fmt: skip
    assert "scenario passed" in output


async def test_typescript_types_compile_and_asyncapi_parses() -> None:
    npm = shutil.which("npm")
    if shutil.which("node") is None or npm is None:
        pytest.skip("node and npm are not installed on this machine (apt-get install nodejs npm)")
    if not (TYPESCRIPT / "node_modules" / ".package-lock.json").exists():
        # The versions pinned in clients/typescript/package-lock.json, nothing newer.
        await run(npm, "ci", "--no-audit", "--no-fund", cwd=TYPESCRIPT)
    await run(npm, "run", "build", cwd=TYPESCRIPT)  # openapi-typescript, then tsc --noEmit
    assert "export interface paths" in (TYPESCRIPT / "src" / "api.d.ts").read_text(encoding="utf-8")
    parsed = await run("node", "validate-asyncapi.mjs", cwd=TYPESCRIPT)
    assert "asyncapi valid" in parsed
