"""Ports of the app processes and of the embedded NATS: chosen, checked, picked."""

from __future__ import annotations

import socket
from collections.abc import Mapping

from xianjie.components import ALL
from xianjie.launcher.settings import LauncherError, env_name


def _parse_port(raw: str, where: str) -> int:
    try:
        port = int(raw)
    except ValueError:
        raise LauncherError(f"{where}: {raw!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise LauncherError(f"{where}: {port} is not a port number (1–65535)")
    return port


def resolve_ports(
    env: Mapping[str, str], overrides: Mapping[str, int | None] | None = None
) -> dict[str, int]:
    """Port of every component: command-line flag, else ``XIANJIE_<NAME>_PORT``, else the default."""
    overrides = overrides or {}
    ports: dict[str, int] = {}
    for component in ALL:
        flag = overrides.get(component.name)
        if flag is not None:
            ports[component.name] = _parse_port(str(flag), f"--{component.name}-port")
        elif raw := env.get(env_name(component.name, "port"), "").strip():
            ports[component.name] = _parse_port(raw, env_name(component.name, "port"))
        else:
            ports[component.name] = component.port
    seen: dict[int, str] = {}
    for name, port in ports.items():
        if port in seen:
            raise LauncherError(f"{seen[port]} and {name} are both set to port {port}")
        seen[port] = name
    return ports


def port_in_use(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        # Same option uvicorn uses, so a port in TIME_WAIT counts as free, a listener does not.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


def check_ports_free(host: str, ports: Mapping[str, int]) -> None:
    taken = [(name, port) for name, port in ports.items() if port_in_use(host, port)]
    if taken:
        lines = [f"  {name}: port {port} on {host} is already in use" for name, port in taken]
        hints = [f"--{name}-port N  or  {env_name(name, 'port')}=N" for name, _ in taken]
        raise LauncherError(
            "cannot start: ports taken\n"
            + "\n".join(lines)
            + "\nStop whatever holds them (is another `xianjie up` running?) or choose other ports:\n  "
            + "\n  ".join(hints)
            + "\n(with make: make up UP_ARGS='--gateway-port 9000 ...')"
        )


def pick_port(host: str, preferred: int, explicit: int | None, what: str) -> int:
    """An explicit port must be free; otherwise the preferred one if free, else any free one."""
    if explicit is not None:
        if port_in_use(host, explicit):
            raise LauncherError(f"{what}: port {explicit} on {host} is already in use")
        return explicit
    if not port_in_use(host, preferred):
        return preferred
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port
