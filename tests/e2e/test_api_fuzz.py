"""No input makes any service answer 500: schemathesis fuzzes every operation of the gateway's
merged OpenAPI document (examples, boundary values, random data) as a district administrator.

Left out: account endpoints (/admin, /auth) — fuzzing them would change the session's demo
accounts under the other tests — and the public listing, whose per-caller rate limit the fuzzer
would exhaust for every later test (all callers here are 127.0.0.1). A finding prints a curl line.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Stack


async def test_no_operation_answers_500(stack: Stack, tokens: dict[str, str]) -> None:
    schemathesis = Path(sys.executable).parent / "schemathesis"
    if not schemathesis.exists():
        pytest.fail("schemathesis is missing: pip install -e '.[dev]'")
    command = [
        str(schemathesis),
        "run",
        f"{stack.gateway_url}/openapi.json",
        "-H",
        f"Authorization: Bearer {tokens['admin']}",
        "--checks",
        "not_a_server_error",
        "--exclude-path-regex",
        "^/(admin|auth)|/public/",
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        "10",
        "--seed",
        "419001",
        "--workers",
        "2",
    ]
    # The stack runs in this process's event loop: run the fuzzer beside it, not blocking it.
    process = await asyncio.create_subprocess_exec(*command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output, _ = await process.communicate()
    text = output.decode(errors="replace")
    assert process.returncode == 0, text[-6000:]
    assert "passed" in text
