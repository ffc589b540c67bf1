from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.models import Spell


async def open_main(session: AsyncSession, worker_id: uuid.UUID) -> Spell | None:
    return await session.scalar(
        select(Spell).where(Spell.worker_id == worker_id, Spell.is_main, Spell.ended_on.is_(None))
    )


async def main_overlapping(
    session: AsyncSession,
    worker_id: uuid.UUID,
    started_on: date,
    ended_on: date | None,
    *,
    besides: uuid.UUID | None,
) -> bool:
    """Whether a main spell of the worker (other than ``besides``) shares a day with [start, end]."""
    query = select(func.count()).where(
        Spell.worker_id == worker_id,
        Spell.is_main,
        func.daterange(Spell.started_on, Spell.ended_on, "[]").op("&&")(
            func.daterange(started_on, ended_on, "[]")
        ),
    )
    if besides is not None:
        query = query.where(Spell.id != besides)
    return bool(await session.scalar(query))


async def of_worker(session: AsyncSession, worker_id: uuid.UUID) -> list[Spell]:
    rows = await session.scalars(
        select(Spell).where(Spell.worker_id == worker_id).order_by(Spell.started_on, Spell.id)
    )
    return list(rows)


class SpellUpdate(NamedTuple):
    """One row of a monthly update as staged: the worker's current job, or the end of the open one."""

    worker_id: uuid.UUID
    employed: bool
    employer: str | None = None
    place: str | None = None
    sector: str | None = None
    channel: str | None = None
    started_on: date | None = None
    ended_on: date | None = None
    monthly_wage: Decimal | None = None
    reason: str | None = None


class OpenJob(NamedTuple):
    """A worker's open main spell in the words of a file's cells (enums by value, dates ISO, the wage
    with its two decimals), as ``repeats_open_job`` compares them."""

    employer: str
    place: str
    sector: str | None
    channel: str | None
    started_on: str
    monthly_wage: str | None


class RowOutcome(NamedTuple):
    row_no: int
    worker_id: uuid.UUID
    action: str


class Outcome(NamedTuple):
    """What the database decided for the staged rows: how many rows took each action, and each
    refused row (the report names those one by one)."""

    tally: dict[str, int]
    refused: list[RowOutcome]


class LostJob(NamedTuple):
    """A job loss the update recorded, in the fields ``worker.unemployed`` announces."""

    worker_id: uuid.UUID
    household_id: uuid.UUID
    town_code: str
    village_code: str
    ended_on: date


# The staging table's columns: the file's row number, then a SpellUpdate.
UPDATE_COLUMNS = ["row_no", *SpellUpdate._fields]
# What each row of a monthly update does, decided against the worker's open main spell.
CHANGED = ("start", "change", "correct", "end")
REFUSED = ("unknown", "overlap", "end_before_start")

_STAGE = text("""
    CREATE TEMP TABLE spell_updates (
        row_no int, worker_id uuid, employed bool, employer text, place text, sector text, channel text,
        started_on date, ended_on date, monthly_wage numeric(16, 2), reason text
    ) ON COMMIT DROP
""")
_PLAN = text("""
    CREATE TEMP TABLE spell_plan ON COMMIT DROP AS
    SELECT u.*, o.id AS open_id, w.version AS planned_version,
        CASE
            WHEN w.id IS NULL THEN 'unknown'
            WHEN u.employed AND o.id IS NOT NULL AND u.started_on = o.started_on THEN
                CASE WHEN (o.employer, o.place::text, o.sector, o.channel::text, o.monthly_wage)
                          IS NOT DISTINCT FROM (u.employer, u.place, u.sector, u.channel, u.monthly_wage)
                     THEN 'unchanged' ELSE 'correct' END
            WHEN u.employed AND o.id IS NOT NULL AND u.started_on > o.started_on THEN 'change'
            WHEN u.employed AND o.id IS NOT NULL THEN 'overlap'
            WHEN u.employed AND (last.ended_on IS NULL OR u.started_on > last.ended_on) THEN 'start'
            WHEN u.employed THEN 'overlap'
            WHEN o.id IS NULL THEN 'unchanged'
            WHEN u.ended_on >= o.started_on THEN 'end'
            ELSE 'end_before_start'
        END AS action
    FROM spell_updates u
    LEFT JOIN employment.workers w ON w.id = u.worker_id AND w.village_code LIKE :scope
    LEFT JOIN employment.spells o ON o.worker_id = w.id AND o.is_main AND o.ended_on IS NULL
    LEFT JOIN LATERAL (
        SELECT max(s.ended_on) AS ended_on FROM employment.spells s WHERE s.worker_id = w.id AND s.is_main
    ) last ON true
""")
# The workers the plan changes, locked in one order before anything is written — a change of the
# same worker elsewhere (a job loss, a post, their household's identity) waits for this file, and two
# files never deadlock — and whether each is still the version the plan was made from. Only those:
# locking every listed worker costs more than the rest of a 100 000-row file's unchanged rows.
_LOCK_CHANGED = text("""
    SELECT coalesce(bool_and(w.version = p.planned_version), true)
    FROM (
        SELECT id, version FROM employment.workers
        WHERE id IN (SELECT worker_id FROM spell_plan WHERE action IN ('start', 'change', 'correct', 'end'))
        ORDER BY id FOR NO KEY UPDATE
    ) w JOIN spell_plan p ON p.worker_id = w.id
""")
_CLOSE = text("""
    UPDATE employment.spells s
    SET ended_on = CASE p.action WHEN 'end' THEN p.ended_on ELSE p.started_on - 1 END,
        end_reason = CASE p.action WHEN 'end' THEN coalesce(p.reason, :lost) ELSE :changed END,
        updated_at = now()
    FROM spell_plan p WHERE s.id = p.open_id AND p.action IN ('end', 'change')
""")
_CORRECT = text("""
    UPDATE employment.spells s
    SET employer = p.employer, place = p.place::employment.work_place, sector = p.sector,
        channel = p.channel::employment.channel, monthly_wage = p.monthly_wage, updated_at = now()
    FROM spell_plan p WHERE s.id = p.open_id AND p.action = 'correct'
""")
_OPEN = text("""
    INSERT INTO employment.spells (id, worker_id, town_code, is_main, employer, place, sector, channel,
                                   monthly_wage, started_on)
    SELECT gen_random_uuid(), p.worker_id, w.town_code, true, p.employer, p.place::employment.work_place,
           p.sector, p.channel::employment.channel, p.monthly_wage, p.started_on
    FROM spell_plan p JOIN employment.workers w ON w.id = p.worker_id
    WHERE p.action IN ('start', 'change')
""")
_SNAPSHOT = text("""
    UPDATE employment.workers w
    SET status = (CASE WHEN p.action = 'end' THEN 'unemployed' ELSE 'employed' END)::employment.worker_status,
        employer = CASE WHEN p.action = 'end' THEN w.employer ELSE p.employer END,
        place = CASE WHEN p.action = 'end' THEN w.place ELSE p.place::employment.work_place END,
        monthly_wage = CASE WHEN p.action = 'end' THEN w.monthly_wage ELSE p.monthly_wage END,
        employed_since = CASE WHEN p.action = 'end' THEN w.employed_since ELSE p.started_on END,
        ended_on = CASE WHEN p.action = 'end' THEN p.ended_on END,
        end_reason = CASE WHEN p.action = 'end' THEN coalesce(p.reason, :lost) END,
        version = w.version + 1, updated_at = now()
    FROM spell_plan p WHERE w.id = p.worker_id AND p.action IN ('start', 'change', 'correct', 'end')
""")
# Every worker a good row names is confirmed as of the file: those the plan changes, those it found
# unchanged and those known unchanged before staging (``unchanged``). In their own narrow table
# (ADR 0016): a confirmation is not a change of the worker (no new version, no new ``updated_at``),
# and 46k confirmations write 46k narrow tuples (0.3 s of backend CPU, against 1.3-2.1 s for 46k new
# worker tuples with seven index entries each, measured side by side at load 18). In id order, the
# order of both its indexes' entries.
_VERIFIED = text("""
    UPDATE employment.worker_verifications v SET verified_on = :collected_on
    FROM (SELECT worker_id FROM spell_plan WHERE action IN ('unchanged', 'start', 'change', 'correct', 'end')
          UNION ALL SELECT unnest(CAST(:unchanged AS uuid[])) ORDER BY 1) AS u
    WHERE v.worker_id = u.worker_id AND v.verified_on < :collected_on
""")
_VERIFIED_KNOWN = text("""
    UPDATE employment.worker_verifications v SET verified_on = :collected_on
    FROM (SELECT worker_id FROM unnest(CAST(:unchanged AS uuid[])) AS u(worker_id) ORDER BY 1) AS u
    WHERE v.worker_id = u.worker_id AND v.verified_on < :collected_on
""")
_AUDIT = text("""
    INSERT INTO employment.audit_log (actor, actor_role, action, entity, entity_id, changes, request_id)
    SELECT :actor, :role, 'bulk_update', 'worker', p.worker_id::text,
           jsonb_build_object('row', p.row_no, 'change', p.action,
                              'collected_on', CAST(:collected_on AS date)),
           :request_id
    FROM spell_plan p WHERE p.action IN ('start', 'change', 'correct', 'end')
""")
# The report lists refused rows only and counts the rest: of a month's file (mostly unchanged rows)
# only those are read back, the others as a count per action.
_TALLY = text("SELECT action, count(*) FROM spell_plan GROUP BY action")
_REFUSED = text(
    "SELECT row_no, worker_id, action FROM spell_plan WHERE action = ANY(:refused) ORDER BY row_no"
)
_LOST = text("""
    SELECT w.id AS worker_id, w.household_id, w.town_code, w.village_code, p.ended_on
    FROM spell_plan p JOIN employment.workers w ON w.id = p.worker_id WHERE p.action = 'end'
""")


async def plan_locked(session: AsyncSession, scope: str, attempts: int = 3) -> None:
    """Decide each staged row against the worker's spells, with the workers to change locked; a
    worker changed elsewhere while the plan was made (rare) is decided again as it is now."""
    for attempt in range(attempts):
        if attempt:
            await session.execute(text("DROP TABLE spell_plan"))
        await session.execute(_PLAN, {"scope": scope})
        if await session.scalar(_LOCK_CHANGED):
            break
    await session.execute(text("ANALYZE spell_plan"))


async def apply_updates(
    session: AsyncSession,
    records: list[tuple[Any, ...]],
    *,
    unchanged: Sequence[uuid.UUID] = (),
    scope: str,
    collected_on: date,
    audit: dict[str, str | None],
    reasons: dict[str, str],
) -> tuple[Outcome, list[LostJob]]:
    """Apply a monthly update set-based: stage the rows (``(row_no, *SpellUpdate)``) with COPY,
    decide each against the open spell, then a handful of statements change every worker at once.
    ``unchanged`` are workers in the caller's area whose row was already found to change nothing:
    only their ``verified_on`` moves.

    Returns the outcome (a count per action, each refused row) and the job losses to announce.
    """
    if not records:
        await session.execute(_VERIFIED_KNOWN, {"collected_on": collected_on, "unchanged": list(unchanged)})
        return Outcome({"unchanged": len(unchanged)} if unchanged else {}, []), []
    await session.execute(_STAGE)
    connection = await (await session.connection()).get_raw_connection()
    await connection.driver_connection.copy_records_to_table(  # type: ignore[union-attr]
        "spell_updates", records=records, columns=UPDATE_COLUMNS
    )
    await plan_locked(session, scope)
    await session.execute(_CLOSE, reasons)
    await session.execute(_CORRECT)
    await session.execute(_OPEN)
    await session.execute(_SNAPSHOT, {"lost": reasons["lost"]})
    await session.execute(_VERIFIED, {"collected_on": collected_on, "unchanged": list(unchanged)})
    await session.execute(_AUDIT, {"collected_on": collected_on, **audit})
    tally = {action: count for action, count in (await session.execute(_TALLY)).all()}
    if unchanged:
        tally["unchanged"] = tally.get("unchanged", 0) + len(unchanged)
    refused = [
        RowOutcome(*row) for row in (await session.execute(_REFUSED, {"refused": list(REFUSED)})).all()
    ]
    outcome = Outcome(tally, refused)
    lost = [LostJob(*row) for row in (await session.execute(_LOST)).all()]
    return outcome, lost
