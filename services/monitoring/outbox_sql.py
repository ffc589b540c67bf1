"""Set-based publishing: one INSERT ... SELECT puts an event per row into the outbox.

Screening, imports and department batches announce thousands of rows at once; building each
envelope in Python would turn a single SQL pass back into a loop. The envelope built here is the
same CloudEvent that :meth:`shared.events.envelope.EventSpec.envelope` builds (tests check the
payloads against the spec's model).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.events.envelope import EventSpec


async def publish_each(
    session: AsyncSession, spec: EventSpec, rows_sql: str, *, with_sql: str = "", **params: Any
) -> int:
    """Publish ``spec`` once per row of ``rows_sql``, which yields ``subject`` (text) and ``data`` (jsonb).

    ``with_sql`` (``WITH ... AS (INSERT ... RETURNING ...)``) lets the rows that are announced be
    written by the same statement, so a set-based change and its events are one pass.
    """
    result = await session.execute(
        text(
            f"""
            {with_sql}
            INSERT INTO monitoring.outbox (event_id, nats_subject, envelope)
            SELECT ev.id, :nats_subject, jsonb_build_object(
                'specversion', '1.0', 'id', ev.id, 'source', CAST(:source AS text),
                'type', CAST(:type AS text), 'subject', ev.subject,
                'time', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                'datacontenttype', 'application/json', 'dataschema', CAST(:dataschema AS text),
                'data', ev.data)
            FROM (SELECT gen_random_uuid() AS id, r.subject, r.data FROM ({rows_sql}) AS r) AS ev
            """  # noqa: S608 - our own constant SQL; values are bound
        ),
        {
            "nats_subject": spec.nats_subject,
            "source": spec.source,
            "type": spec.type,
            "dataschema": f"urn:xianjie:schema:{spec.type}",
            **params,
        },
    )
    return result.rowcount or 0
