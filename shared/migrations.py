"""Alembic, one tree and one version table per component schema, driven from code."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from shared.db import to_async_url


def alembic_config(migrations_dir: Path, schema: str, database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", str(migrations_dir / "versions"))
    config.attributes["database_url"] = database_url
    config.attributes["schema"] = schema
    return config


def upgrade(migrations_dir: Path, schema: str, database_url: str, revision: str = "head") -> None:
    """Blocking; call from a thread when an event loop is running (Alembic runs its own)."""
    command.upgrade(alembic_config(migrations_dir, schema, database_url), revision)


def autogenerate(migrations_dir: Path, schema: str, database_url: str, message: str) -> Path:
    """Write a new revision with the difference between the models and a database at head."""
    script = command.revision(
        alembic_config(migrations_dir, schema, database_url), message=message, autogenerate=True
    )
    scripts = script if isinstance(script, list) else [script]
    return Path(scripts[0].path) if scripts and scripts[0] is not None else migrations_dir


def run_env(metadata: MetaData) -> None:
    """Body of every component's ``migrations/env.py``."""
    config = context.config
    schema: str = config.attributes["schema"]
    url: str = config.attributes["database_url"]

    def do_run(connection: Connection) -> None:
        connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
        context.configure(
            connection=connection,
            target_metadata=metadata,
            version_table_schema=schema,
            include_schemas=True,
            include_name=lambda name, type_, parent: type_ != "schema" or name == schema,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()

    async def run() -> None:
        engine = create_async_engine(to_async_url(url))
        async with engine.begin() as connection:
            await connection.run_sync(do_run)
        await engine.dispose()

    asyncio.run(run())
