"""members who left stop counting

A member monitoring announces as gone (``member.changed`` with ``active: false`` and ``left_on``:
died, moved or married out, or their household was cancelled) counts towards the floor no longer
from that day: ``member_departures`` keeps the day — like ``household_identities``, not part of the
projection, so a rebuild never moves the count — and ``counted_spans_of`` cuts each worker's
counted days there. Nobody has left yet when this runs (monitoring starts recording departures with
the same release), so nothing is recounted.

Revision ID: 5c0d11a0e0c2
Revises: 577c34f36c1d
Create Date: 2026-11-30 14:20:00.000000
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "5c0d11a0e0c2"
down_revision: str | None = "577c34f36c1d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As in 577c34f36c1d, and each worker's days cut before the day their member left the household.
COUNTED_SPANS_OF = """
CREATE OR REPLACE FUNCTION employment.counted_spans_of(ids uuid[])
RETURNS TABLE (worker_id uuid, town_code varchar, place employment.work_place, started_on date, ended_on date)
LANGUAGE sql STABLE AS $$
    WITH w AS (
        SELECT w.id, w.household_id, w.town_code,
               datemultirange(daterange(NULL, d.left_on)) AS in_household
        FROM employment.workers w
        LEFT JOIN employment.member_departures d ON d.member_id = w.member_id
        WHERE w.id = ANY(ids)
    ),
    lifted AS (
        SELECT w.id, range_agg(daterange(i.since, i.until)) AS days
        FROM w JOIN (
            SELECT household_id, since, lifted_out,
                   lead(since) OVER (PARTITION BY household_id ORDER BY since) AS until
            FROM employment.household_identities
            WHERE household_id IN (SELECT household_id FROM w)
        ) i ON i.household_id = w.household_id
        WHERE i.lifted_out
        GROUP BY w.id
    ),
    jobs AS (
        SELECT s.worker_id, s.place, daterange(s.started_on, s.ended_on, '[]') AS days
        FROM employment.spells s WHERE s.worker_id = ANY(ids) AND s.is_main
    ),
    worked AS (
        SELECT j.worker_id, j.place, multirange(j.days) AS days FROM jobs j
        UNION ALL
        SELECT h.worker_id, 'in_county',
               range_agg(daterange(h.started_on, h.ended_on, '[]'))
               - coalesce((SELECT range_agg(j.days) FROM jobs j WHERE j.worker_id = h.worker_id), '{}')
        FROM employment.post_holdings h WHERE h.worker_id = ANY(ids)
        GROUP BY h.worker_id
    )
    SELECT w.id, w.town_code, k.place, lower(span),
           CASE WHEN upper_inf(span) THEN NULL ELSE upper(span) - 1 END
    FROM worked k
    JOIN w ON w.id = k.worker_id
    JOIN lifted l ON l.id = k.worker_id
    CROSS JOIN LATERAL unnest(k.days * l.days * w.in_household) AS span
$$
"""


def _previous_revision() -> ModuleType:
    """The revision whose ``counted_spans_of`` a downgrade puts back."""
    path = Path(__file__).with_name("577c34f36c1d_projection_and_counted_workers.py")
    spec = importlib.util.spec_from_file_location("employment_577c34f36c1d", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    op.create_table(
        "member_departures",
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_departures")),
        schema="employment",
    )
    op.execute(COUNTED_SPANS_OF)


def downgrade() -> None:
    previous = _previous_revision().COUNTED_SPANS_OF.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION")
    op.execute(previous)
    op.drop_table("member_departures", schema="employment")
    # Workers of members who had left count again from their departure on.
    op.execute("SELECT employment.recount(ARRAY(SELECT id FROM employment.workers))")
