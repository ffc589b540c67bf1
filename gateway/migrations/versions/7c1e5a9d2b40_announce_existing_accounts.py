"""announce every existing account once

Revision ID: 7c1e5a9d2b40
Revises: 9b350b8b21fb
Create Date: 2026-11-30 12:40:00.000000

``user.changed.v1`` is new: services follow it to refuse stale tokens and monitoring projects the
accounts (helpers must be real, active accounts). Accounts made before it existed were never
announced, so this writes one event per account into the gateway's outbox, in the kit's envelope;
the relay publishes them. ``changed_at`` is the account's creation, not now: announcing an account
as it is must not end the tokens it already holds.

Frozen here on purpose: the payload as ``gateway/users/events.py`` defined it at this revision.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "7c1e5a9d2b40"
down_revision: str | None = "9b350b8b21fb"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENT_TYPE = "cn.xianjie.gateway.user.changed.v1"


def upgrade() -> None:
    op.execute(
        f"""
        INSERT INTO gateway.outbox (event_id, nats_subject, envelope)
        SELECT ev.id, 'xianjie.gateway.user.changed', jsonb_build_object(
            'specversion', '1.0', 'id', ev.id, 'source', '/xianjie/gateway',
            'type', '{EVENT_TYPE}', 'subject', ev.subject,
            'time', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            'datacontenttype', 'application/json', 'dataschema', 'urn:xianjie:schema:{EVENT_TYPE}',
            'data', ev.data)
        FROM (
            SELECT gen_random_uuid() AS id, u.id::text AS subject, jsonb_build_object(
                'user_id', u.id::text, 'role', u.role::text, 'division_code', u.division_code,
                'department', u.department, 'active', u.active, 'version', u.version,
                'changed_at', to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
            ) AS data
            FROM gateway.users u ORDER BY u.created_at
        ) AS ev
        """  # noqa: S608 - constant SQL of this migration
    )


def downgrade() -> None:
    # Announcements cannot be taken back once published; the earlier code simply never makes new ones.
    pass
