"""projection and counted workers

Monitoring's households and members projected (``projected_households``, ``projected_members``),
and the floor counting 脱贫劳动力 only (domain §2): each worker's counted days (``counted_spans``:
main spells and public-welfare posts, on the days their household is a 脱贫户 by
``household_identities``) are recounted by ``employment.recount`` from triggers, whose difference
is appended to ``employment_changes`` (no longer one row per day, town and place that concurrent
writers queue on); a household's identity changing recounts its workers the same way. A deferred trigger records the count at commit in ``floor_counts``, in commit
order, for the floor check to announce.

The workers already registered keep counting as before (their households presumed 脱贫户 at
version 0) until monitoring's first ``household.changed`` for the household says otherwise.

Revision ID: 577c34f36c1d
Revises: a1be1d558f44
Create Date: 2026-11-30 12:10:00.000000
"""
import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '577c34f36c1d'
down_revision: str | None = 'a1be1d558f44'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The type exists since the first revision.
WORK_PLACE = postgresql.ENUM(name='work_place', schema='employment', create_type=False)

# The days a worker counts, by place: their main spells, and the days of a public-welfare post
# without a main job (县内), each cut to the days their household is a 脱贫户.
COUNTED_SPANS_OF = """
CREATE FUNCTION employment.counted_spans_of(ids uuid[])
RETURNS TABLE (worker_id uuid, town_code varchar, place employment.work_place, started_on date, ended_on date)
LANGUAGE sql STABLE AS $$
    WITH w AS (
        SELECT w.id, w.household_id, w.town_code FROM employment.workers w WHERE w.id = ANY(ids)
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
    CROSS JOIN LATERAL unnest(k.days * l.days) AS span
$$
"""
# Replace the workers' counted spans by what they are now; the difference moves the count
# (+1 on a span's first day, -1 the day after its last). The workers' rows are locked first, so a
# concurrent change of the same worker (spells, posts, household identity) waits and then counts
# with what this one committed; workers of different households never wait for each other.
RECOUNT = """
CREATE FUNCTION employment.recount(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(cardinality(ids), 0) = 0 THEN
        RETURN;
    END IF;
    PERFORM 1 FROM employment.workers WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    WITH fresh AS MATERIALIZED (SELECT * FROM employment.counted_spans_of(ids)),
    gone AS (
        DELETE FROM employment.counted_spans c
        WHERE c.worker_id = ANY(ids) AND NOT EXISTS (
            SELECT 1 FROM fresh f
            WHERE (f.worker_id, f.town_code, f.place, f.started_on)
                  = (c.worker_id, c.town_code, c.place, c.started_on)
              AND f.ended_on IS NOT DISTINCT FROM c.ended_on)
        RETURNING c.town_code, c.place, c.started_on, c.ended_on
    ),
    added AS (
        INSERT INTO employment.counted_spans (worker_id, town_code, place, started_on, ended_on)
        SELECT f.worker_id, f.town_code, f.place, f.started_on, f.ended_on FROM fresh f
        WHERE NOT EXISTS (
            SELECT 1 FROM employment.counted_spans c
            WHERE (c.worker_id, c.town_code, c.place, c.started_on)
                  = (f.worker_id, f.town_code, f.place, f.started_on)
              AND c.ended_on IS NOT DISTINCT FROM f.ended_on)
        RETURNING town_code, place, started_on, ended_on
    ),
    moves AS (
        SELECT started_on AS day, town_code, place, 1 AS delta FROM added
        UNION ALL SELECT ended_on + 1, town_code, place, -1 FROM added WHERE ended_on IS NOT NULL
        UNION ALL SELECT started_on, town_code, place, -1 FROM gone
        UNION ALL SELECT ended_on + 1, town_code, place, 1 FROM gone WHERE ended_on IS NOT NULL
    )
    INSERT INTO employment.employment_changes (day, town_code, place, delta)
    SELECT day, town_code, place, sum(delta) FROM moves
    GROUP BY day, town_code, place HAVING sum(delta) <> 0;
END $$
"""
# Transition tables allow one event per trigger, hence one trigger per event on one function.
RECOUNT_TOUCHED_WORKERS = """
CREATE FUNCTION employment.recount_touched_workers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM employment.recount(ARRAY(SELECT DISTINCT worker_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM employment.recount(ARRAY(SELECT DISTINCT worker_id FROM old_rows));
    ELSE
        PERFORM employment.recount(ARRAY(SELECT worker_id FROM new_rows UNION SELECT worker_id FROM old_rows));
    END IF;
    RETURN NULL;
END $$
"""
# At commit, once per transaction that moved the count: the count at its day, in commit order.
# The advisory lock is held from here to the end of the commit only.
RECORD_FLOOR_COUNT = """
CREATE FUNCTION employment.record_floor_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('employment.floor_counted', true) = 'yes' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('employment.floor_counted', 'yes', true);
    PERFORM pg_advisory_xact_lock(hashtextextended('employment:floor-count', 0));
    INSERT INTO employment.floor_counts (as_of, employed)
    SELECT current_date, coalesce(sum(delta), 0) FROM employment.employment_changes
    WHERE day <= current_date;
    RETURN NULL;
END $$
"""
TRANSITIONS = {
    "insert": "NEW TABLE AS new_rows",
    "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "OLD TABLE AS old_rows",
}
TRIGGERS = [
    *(
        f"CREATE TRIGGER {table}_recounted_{event} AFTER {event.upper()} ON employment.{table}"
        f" REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION employment.recount_touched_workers()"
        for table in ("spells", "post_holdings")
        for event, tables in TRANSITIONS.items()
    ),
    "CREATE CONSTRAINT TRIGGER employment_changes_counted AFTER INSERT OR DELETE"
    " ON employment.employment_changes DEFERRABLE INITIALLY DEFERRED"
    " FOR EACH ROW EXECUTE FUNCTION employment.record_floor_count()",
]
FUNCTIONS = [
    "record_floor_count()",
    "recount_touched_workers()",
    "recount(uuid[])",
    "counted_spans_of(uuid[])",
]


def upgrade() -> None:
    op.create_table('projected_households',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('lifted_out', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('subtype', sa.String(length=40), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projected_households')),
    schema='employment'
    )
    op.create_table('projected_members',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('labour', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projected_members')),
    schema='employment'
    )
    op.create_table('household_identities',
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('since', sa.Date(), nullable=False),
    sa.Column('lifted_out', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('household_id', 'since', name=op.f('pk_household_identities')),
    schema='employment'
    )
    op.create_table('counted_spans',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('worker_id', sa.Uuid(), nullable=False),
    sa.Column('town_code', sa.String(length=9), nullable=False),
    sa.Column('place', WORK_PLACE, nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_counted_spans')),
    schema='employment'
    )
    op.create_index(op.f('ix_counted_spans_worker_id'), 'counted_spans', ['worker_id'], unique=False, schema='employment')
    op.create_table('floor_counts',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('employed', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_floor_counts')),
    schema='employment'
    )
    op.create_index(op.f('ix_post_holdings_worker_id'), 'post_holdings', ['worker_id'], unique=False, schema='employment')
    # Change points are appended, not upserted: no row that concurrent writers queue on.
    op.drop_constraint('pk_employment_changes', 'employment_changes', schema='employment', type_='primary')
    op.add_column('employment_changes', sa.Column('id', sa.BigInteger(), sa.Identity(always=True), nullable=False), schema='employment')
    op.create_primary_key('pk_employment_changes', 'employment_changes', ['id'], schema='employment')
    op.create_index(op.f('ix_employment_changes_day_town_code_place'), 'employment_changes', ['day', 'town_code', 'place'], unique=False, schema='employment')

    op.execute('DROP FUNCTION employment.count_spell_changes() CASCADE')
    for statement in (COUNTED_SPANS_OF, RECOUNT, RECOUNT_TOUCHED_WORKERS, RECORD_FLOOR_COUNT, *TRIGGERS):
        op.execute(statement)
    # Every registered worker counted afresh, their households presumed 脱贫户 as the count had them.
    op.execute('DELETE FROM employment.employment_changes')
    op.execute("""
        INSERT INTO employment.household_identities (household_id, since, lifted_out, version)
        SELECT DISTINCT household_id, DATE '-infinity', true, 0 FROM employment.workers
    """)
    op.execute('SELECT employment.recount(ARRAY(SELECT id FROM employment.workers))')


def _previous_revision() -> ModuleType:
    """The revision before this one, whose count trigger a downgrade puts back as it was."""
    path = Path(__file__).with_name('a1be1d558f44_spells_floor_subsidies_posts_job_support.py')
    spec = importlib.util.spec_from_file_location('employment_a1be1d558f44', path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    for function in FUNCTIONS:
        op.execute(f'DROP FUNCTION employment.{function} CASCADE')
    op.drop_index(op.f('ix_employment_changes_day_town_code_place'), table_name='employment_changes', schema='employment')
    op.drop_constraint('pk_employment_changes', 'employment_changes', schema='employment', type_='primary')
    op.drop_column('employment_changes', 'id', schema='employment')
    op.execute('DELETE FROM employment.employment_changes')
    op.create_primary_key('pk_employment_changes', 'employment_changes', ['day', 'town_code', 'place'], schema='employment')
    previous = _previous_revision()
    op.execute(previous.COUNT_FUNCTION)
    for trigger in previous.COUNT_TRIGGERS:
        op.execute(trigger)
    # Every main spell counted again, as before this revision (posts and identities aside).
    op.execute("""
        INSERT INTO employment.employment_changes (day, town_code, place, delta)
        SELECT day, town_code, place, sum(delta) FROM (
            SELECT started_on AS day, town_code, place, 1 AS delta FROM employment.spells WHERE is_main
            UNION ALL
            SELECT ended_on + 1, town_code, place, -1 FROM employment.spells WHERE is_main AND ended_on IS NOT NULL
        ) moves GROUP BY day, town_code, place HAVING sum(delta) <> 0
    """)
    op.drop_index(op.f('ix_post_holdings_worker_id'), table_name='post_holdings', schema='employment')
    op.drop_table('floor_counts', schema='employment')
    op.drop_index(op.f('ix_counted_spans_worker_id'), table_name='counted_spans', schema='employment')
    op.drop_table('counted_spans', schema='employment')
    op.drop_table('household_identities', schema='employment')
    op.drop_table('projected_members', schema='employment')
    op.drop_table('projected_households', schema='employment')
