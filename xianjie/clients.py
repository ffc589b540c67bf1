"""Generated API clients from the committed OpenAPI document (docs/api/openapi.json).

``xianjie client`` (make clients) regenerates clients/python/ with openapi-python-client; the
generator's warnings are errors (a warning means it dropped a schema or an operation).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from xianjie.components import ROOT

CLIENTS = ROOT / "clients"
PYTHON_CLIENT = CLIENTS / "python"
GENERATOR_CONFIG = CLIENTS / "openapi-python-client.yml"
OPENAPI = ROOT / "docs" / "api" / "openapi.json"


class GeneratorFailed(Exception):
    pass


def generate_python_client(spec: Path, into: Path) -> str:
    """Generate the client of ``spec`` as the folder ``into``; the generator's output is returned."""
    tools = Path(sys.executable).parent
    generator = tools / "openapi-python-client"
    if not generator.exists():
        raise GeneratorFailed("openapi-python-client is missing: pip install -e '.[dev]'")
    with tempfile.TemporaryDirectory() as work:
        # Its post-generation hooks run ruff from PATH: the one of this environment.
        env = {**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ.get('PATH', '')}"}
        result = subprocess.run(  # noqa: S603 - our own tool with our own arguments
            [
                str(generator),
                "generate",
                "--path",
                str(spec),
                "--config",
                str(GENERATOR_CONFIG),
                "--meta",
                "setup",
            ],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        output = result.stdout + result.stderr
        if result.returncode != 0 or "WARNING" in output:
            raise GeneratorFailed(output)
        if into.exists():
            shutil.rmtree(into)
        # The generator's ruff hook leaves its cache behind: not part of the client.
        shutil.copytree(Path(work) / "xianjie-client", into, ignore=shutil.ignore_patterns(".ruff_cache"))
    return output
