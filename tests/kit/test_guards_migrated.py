"""Every database guard a service's models declare — CHECK, exclusion constraint, unique index — is in
the database its migrations build. `alembic check` (tests/test_migrations.py) compares columns,
types, indexes and unique constraints but not CHECK or exclusion constraints: a guard declared in the
model and never migrated would hold in nobody's database and no other test would notice."""

from __future__ import annotations

import importlib

import pytest
from sqlalchemy import CheckConstraint, Index, text
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.ext.asyncio import create_async_engine

from shared.db import to_async_url
from tests.conftest import Infra

SERVICES = ["monitoring", "employment", "funds", "assets"]


def declared(service: str) -> set[str]:
    """The names the database gives the model's CHECKs, exclusions and named unique indexes."""
    models = importlib.import_module(f"services.{service}.models")
    names: set[str] = set()
    for table in models.Base.metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint) and isinstance(constraint.name, str):
                name = constraint.name
                names.add(name if name.startswith("ck_") else f"ck_{table.name}_{name}")
            elif isinstance(constraint, ExcludeConstraint) and isinstance(constraint.name, str):
                names.add(constraint.name)
        for index in table.indexes:
            if isinstance(index, Index) and index.unique and isinstance(index.name, str):
                names.add(index.name)
    return names


@pytest.mark.parametrize("service", SERVICES)
async def test_every_guard_of_the_models_is_in_the_migrated_database(migrated: Infra, service: str) -> None:
    engine = create_async_engine(to_async_url(migrated.database_url))
    try:
        async with engine.connect() as conn:
            present = set(
                (
                    await conn.execute(
                        text(
                            "SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
                            " WHERE n.nspname = :schema UNION"
                            " SELECT indexname FROM pg_indexes WHERE schemaname = :schema"
                        ),
                        {"schema": service},
                    )
                ).scalars()
            )
    finally:
        await engine.dispose()
    assert declared(service) - present == set()
