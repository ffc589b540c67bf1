"""The unit of work of whatever no HTTP request started: a consumed event or a periodic task.

Handlers and tasks get the same helpers a request gets (audit, publish through the outbox, the
service's typed settings, the division table), inside the one transaction the kit opens for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from fastapi.encoders import jsonable_encoder
from sqlalchemy import Table, bindparam, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

from shared.divisions import DivisionRegistry
from shared.events.envelope import EventPayload, EventSpec
from shared.events.outbox import Outbox
from shared.kit_rows import deferred
from shared.settings import ServiceSettings
from shared.statements import Statement, link
from shared.tables import KitTables

SettingsT = TypeVar("SettingsT", bound=ServiceSettings)


def settings_as(settings: ServiceSettings, kind: type[SettingsT]) -> SettingsT:
    """The component's settings as its own settings class (a wiring mistake fails loudly)."""
    if not isinstance(settings, kind):
        raise TypeError(f"this component runs with {type(settings).__name__}, not {kind.__name__}")
    return settings


async def record_audit(
    session: AsyncSession,
    tables: KitTables,
    *,
    actor: str,
    actor_role: str,
    action: str,
    entity: str,
    entity_id: object | None,
    changes: dict[str, Any] | None,
    request_id: str | None = None,
) -> None:
    entity_key = None if entity_id is None else str(entity_id)
    rows = await deferred(session)
    if rows is not None:
        # The request's unit of work sends it with the other kit rows (shared.kit_rows), as the
        # column's own bind processor writes it (None as JSON null).
        dialect = (await link(session))[2]
        rows.audit.append(
            (
                actor,
                actor_role,
                action,
                entity,
                entity_key,
                _changes_text(tables.audit_log, dialect)(audit_json(changes)),
                request_id,
            )
        )
        return
    await _audit_insert(tables.audit_log).execute(
        session,
        actor=actor,
        actor_role=actor_role,
        action=action,
        entity=entity,
        entity_id=entity_key,
        changes=audit_json(changes),
        request_id=request_id,
    )


def audit_json(changes: dict[str, Any] | None) -> Any:
    """What an audit row keeps of ``changes``: JSON, with money as its exact decimal text.

    FastAPI's encoder turns a ``Decimal`` into a float (8600.1 for 8600.10, and rounding for large
    sums); the audit trail is where an amount is checked later, so it keeps the digits.
    """
    if not changes:
        return None
    # Most changes are flat (codes, counts, flags, enums): what the encoder gives for them, without
    # its generic walk (30 µs for a create's eight fields). Anything else goes through it.
    plain = {}
    for key, value in changes.items():
        if type(key) is not str:
            break
        if isinstance(value, Enum):
            value = value.value
        if type(value) not in _PLAIN:
            break
        plain[key] = value
    else:
        return plain
    return jsonable_encoder(changes, custom_encoder={Decimal: str})


_PLAIN = frozenset({str, int, float, bool, type(None)})


@cache
def _changes_text(table: Table, dialect: Dialect) -> Callable[[Any], Any]:
    """The ``changes`` column's bind processor: the JSON text SQLAlchemy sends for a value."""
    processor = table.c.changes.type.dialect_impl(dialect).bind_processor(dialect)
    assert processor is not None
    return processor


@cache
def _audit_insert(table: Table) -> Statement:
    """The audit row's INSERT, compiled once (``shared.statements``)."""
    return Statement(
        insert(table).values(
            {
                name: bindparam(name)
                for name in ("actor", "actor_role", "action", "entity", "entity_id", "changes", "request_id")
            }
        )
    )


@dataclass
class WorkContext:
    """One transaction of background work, acting as ``actor`` (``event:<source>``, ``schedule:<task>``)."""

    session: AsyncSession
    actor: str
    outbox: Outbox
    tables: KitTables
    settings: ServiceSettings
    divisions: DivisionRegistry

    def settings_as(self, kind: type[SettingsT]) -> SettingsT:
        return settings_as(self.settings, kind)

    def audit_changes(self, changes: dict[str, Any] | None) -> dict[str, Any] | None:
        return changes

    async def audit(
        self, action: str, entity: str, entity_id: object | None = None, changes: dict[str, Any] | None = None
    ) -> None:
        await record_audit(
            self.session,
            self.tables,
            actor=self.actor,
            actor_role="system",
            action=action,
            entity=entity,
            entity_id=entity_id,
            changes=self.audit_changes(changes),
        )

    async def publish(self, spec: EventSpec, subject: object, payload: EventPayload) -> None:
        await self.outbox.add(self.session, spec, str(subject), payload)
