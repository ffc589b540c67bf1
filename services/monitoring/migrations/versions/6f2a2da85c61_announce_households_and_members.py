"""announce every existing household and member once

Revision ID: 6f2a2da85c61
Revises: 695ae0ed064a
Create Date: 2026-12-02 09:30:00.000000

``household.changed.v1`` and ``member.changed.v1`` are new: other services project them (employment's
floor, micro-credit, reference checks). Records made before they existed were never announced, so
this writes one event per household and per member into the outbox, in the envelope the kit's
``Outbox.add_from_query`` builds; the relay publishes them like any other. Each carries the row's
current version, so a consumer that meets a later change first keeps the later one.

Frozen here on purpose (a migration must not change when the code does): the payloads as
``services/monitoring/households/events.py`` defined them at this revision.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "6f2a2da85c61"
down_revision: str | None = "695ae0ed064a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (aggregate, the rows to announce: a ``subject`` column and the payload as ``data``)
ANNOUNCEMENTS = (
    (
        "household",
        """
        SELECT h.id::text AS subject, jsonb_build_object(
            'household_id', h.id, 'town_code', h.town_code, 'village_code', h.village_code,
            'lifted_out', h.kind = 'lifted_out', 'status', h.status::text, 'subtype', h.subtype::text,
            'version', h.version) AS data
        FROM monitoring.households h
        """,
    ),
    (
        "member",
        """
        SELECT m.id::text AS subject, jsonb_build_object(
            'member_id', m.id, 'household_id', m.household_id, 'labour', m.labour::text,
            'active', true, 'version', m.version) AS data
        FROM monitoring.members m
        """,
    ),
)


def upgrade() -> None:
    for aggregate, rows in ANNOUNCEMENTS:
        event_type = f"cn.xianjie.monitoring.{aggregate}.changed.v1"
        op.execute(
            f"""
            INSERT INTO monitoring.outbox (event_id, nats_subject, envelope)
            SELECT ev.id, 'xianjie.monitoring.{aggregate}.changed', jsonb_build_object(
                'specversion', '1.0', 'id', ev.id, 'source', '/xianjie/monitoring',
                'type', '{event_type}', 'subject', ev.subject,
                'time', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                'datacontenttype', 'application/json', 'dataschema', 'urn:xianjie:schema:{event_type}',
                'data', ev.data)
            FROM (SELECT gen_random_uuid() AS id, r.subject, r.data FROM ({rows}) AS r ORDER BY r.subject) AS ev
            """  # noqa: S608 - constant SQL of this migration
        )


def downgrade() -> None:
    # Announcements cannot be taken back once published; the earlier code simply never makes new ones.
    pass
