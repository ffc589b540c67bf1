"""A pre-warmed pytest for cosmic-ray's test command: nearly all of a unit-test run is importing
FastAPI, SQLAlchemy, pydantic, pytest and our models, the same for every mutant. The server imports
those once — every module the tests need except the mutated ones and whatever imports them (an
import blocker refuses those, so they are imported fresh from disk, mutant and all, in each child)
— then forks one child per mutant that runs pytest and reports its exit code.

    python mutation/warm.py serve SOCKET MUTATED_FILE... -- TEST_FILE...
    python mutation/warm.py run SOCKET -- PYTEST_ARGS  # cosmic-ray's test-command
"""

from __future__ import annotations

import importlib
import importlib.abc
import json
import os
import signal
import socket
import subprocess
import sys

OURS = ("services", "shared", "gateway", "xianjie", "tests", "mutation")
RUN_LIMIT_SECONDS = 120  # a mutant that loops for ever dies here (cosmic-ray's own timeout kills the client)


def needed_modules(test_files: list[str]) -> list[str]:
    """Every module collecting ``test_files`` imports, in import order, found in a throw-away run."""
    probe = (
        "import json, sys, pytest\n"
        f"pytest.main(['--collect-only', '-q', '--noconftest', '-p', 'no:cacheprovider', *{test_files!r}])\n"
        "print('\\n' + json.dumps(list(sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, check=True, text=True)  # noqa: S603
    out = run.stdout
    names: list[str] = json.loads(out.strip().splitlines()[-1])
    return [n for n in names if not n.startswith("__") and n.split(".")[0] not in ("tests", "mutation")]


class Blocker(importlib.abc.MetaPathFinder):
    """Refuses the mutated modules, so nothing that imports one is loaded before the fork."""

    def __init__(self, names: set[str]) -> None:
        self.names = names

    def find_spec(self, fullname: str, path: object, target: object = None) -> None:
        if fullname in self.names:
            raise ImportError(f"{fullname} is mutated: imported in the child only")


def serve(path: str, mutated_files: list[str], test_files: list[str]) -> None:
    mutated = {f.removesuffix(".py").replace("/", ".").removesuffix(".__init__") for f in mutated_files}
    blocker = Blocker(mutated)
    sys.meta_path.insert(0, blocker)
    for name in needed_modules(test_files):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: S112 - imports a mutated module, or only imports inside its package
            continue
    sys.meta_path.remove(blocker)
    assert not mutated & set(sys.modules), "the server must not hold a mutated module"
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    if os.path.exists(path):
        os.unlink(path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    print(f"warm: ready on {path}", flush=True)
    while True:
        conn, _ = server.accept()
        with conn:
            request = json.loads(conn.makefile().readline())
            if request.get("stop"):
                return
            pid = os.fork()
            if pid == 0:
                server.close()
                signal.alarm(RUN_LIMIT_SECONDS)
                os.chdir(request["cwd"])
                sys.path.insert(0, request["cwd"])
                import pytest

                with open(os.devnull, "w") as quiet:
                    os.dup2(quiet.fileno(), 1)
                    os.dup2(quiet.fileno(), 2)
                    code = pytest.main(request["args"])
                os._exit(int(code))
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            conn.sendall(f"{code}\n".encode())


def run(path: str, args: list[str]) -> int:
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    with client:
        client.sendall((json.dumps({"cwd": os.getcwd(), "args": args}) + "\n").encode())
        return int(client.makefile().readline() or 1)


def stop(path: str) -> None:
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    with client:
        client.sendall(b'{"stop": true}\n')


if __name__ == "__main__":
    command, socket_path, *rest = sys.argv[1:]
    if command == "serve":
        split = rest.index("--")
        serve(socket_path, rest[:split], rest[split + 1 :])
    elif command == "run":
        sys.exit(run(socket_path, rest[1:] if rest[:1] == ["--"] else rest))
    else:
        stop(socket_path)
