"""The search terms' side table serves every list filter that was still slow at 1M (issue 16).

``household_search_terms`` (migration 5c0d17s0e0m1) gave a one- or two-character ``q`` and a risk
cause their households in list order. What was left over 10 ms at the database at 1M households
(bench/BULK.md "Lists at 1M"): a ``q`` of three or more characters (village names 160–233 ms p95,
full names 20 ms), ``n组`` (38 ms: its terms were left out), ``q`` with status or kind (27–105 ms:
the side table did not hold them), and a town official's status and category (12 ms: a rare
status's rows of the whole district tested at the heap for the town). Now:

- the index includes the household's ``status``, ``kind`` and ``subtype`` beside its village and
  cancelled flag, so those filters are tested in the index during a walk, never at the heap;
- a monitored household's status (``$included``; not ``not_monitored``, 93 % of households, whose
  own index walks well) and its category (``&marginal``) are terms, as its causes are (``#illness``);
- ``<digit>组`` is a term (an address's group: ``3组``, and the last digit of ``12组``), and
  ``村<digit>`` no longer is (the same in every address, ``村3``, and nobody's search): one row a
  household either way.

A ``q`` of three or more characters walks the rarest of its terms, the others probed in the key,
and the substring tested on the household (repository.filtered).

The table is filled anew (its rows gain three columns and some terms change): ~2 min at 1M.
Downgrade restores migration 5c0d17s0e0m1's table, functions and triggers (by its own upgrade).

Revision ID: 5c0d18s0e0m1
Revises: 5c0d17s0e0m1
Create Date: 2026-12-01 11:00:00
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from alembic import op

revision: str = "5c0d18s0e0m1"
down_revision: str | None = "5c0d17s0e0m1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Terms left out: made only of digits and 组, 号 and 村 (every address holds some), but for a digit
# and 组; and 村 with a digit. repository.SEARCH_TERM_LEFT_OUT is the same.
KEPT = "(t !~ '^[0-9组号村]+$' OR t ~ '^[0-9]组$') AND t !~ '^村[0-9]$'"
# Marks of the terms that are no text of the household's (longer than any search term).
CAUSE_MARK, STATUS_MARK, SUBTYPE_MARK = "#", "$", "&"
# The columns whose change rewrites a household's terms.
WATCHED = "updated_at, head_name, address, risk_causes, village_code, cancelled_on IS NULL, status, kind, subtype"
ROW = "term, n.updated_at, n.id, n.village_code, n.cancelled_on IS NOT NULL, n.status, n.kind, n.subtype"
TERMS_OF = "monitoring.household_search_terms_of({0}.head_name, {0}.address, {0}.risk_causes::text[], {0}.status::text, {0}.subtype::text)"


def _previous() -> ModuleType:
    """Migration 5c0d17s0e0m1 (its upgrade and downgrade make and drop the first side table)."""
    path = next(Path(__file__).parent.glob("5c0d17s0e0m1_*.py"))
    spec = importlib.util.spec_from_file_location("search_terms_5c0d17s0e0m1", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    _previous().downgrade()
    op.execute(f"""
        CREATE FUNCTION monitoring.household_search_terms_of(
            head_name text, address text, risk_causes text[], status text, subtype text
        ) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT t
            FROM unnest(ARRAY[head_name, address]) AS part,
                 generate_series(1, char_length(part)) AS i,
                 (VALUES (1), (2)) AS w(width),
                 substr(part, i, width) AS t
            WHERE i + width - 1 <= char_length(part) AND {KEPT}
            UNION
            SELECT '{CAUSE_MARK}' || cause FROM unnest(risk_causes) AS cause
            UNION
            SELECT '{STATUS_MARK}' || status WHERE status <> 'not_monitored'
            UNION
            SELECT '{SUBTYPE_MARK}' || subtype WHERE subtype IS NOT NULL
        $$
    """)
    op.execute("""
        CREATE TABLE monitoring.household_search_terms (
            term text NOT NULL,
            updated_at timestamptz NOT NULL,
            household_id uuid NOT NULL,
            village_code varchar(12) NOT NULL,
            cancelled boolean NOT NULL,
            status monitoring.household_status NOT NULL,
            kind monitoring.household_kind NOT NULL,
            subtype monitoring.household_subtype
        )
    """)
    op.execute(f"""
        CREATE FUNCTION monitoring.household_search_terms_inserted() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO monitoring.household_search_terms
            SELECT {ROW}
            FROM new_rows AS n, {TERMS_OF.format("n")} AS term
            -- In key order: the rows of one term then go to neighbouring leaves of the key (an
            -- import's households share one updated_at) instead of one random leaf each.
            ORDER BY 1, 2, 3;
            RETURN NULL;
        END
        $$
    """)
    changed = f"(o.{WATCHED.replace(', ', ', o.')}) IS DISTINCT FROM (n.{WATCHED.replace(', ', ', n.')})"
    op.execute(f"""
        CREATE FUNCTION monitoring.household_search_terms_updated() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM monitoring.household_search_terms AS t
            USING old_rows AS o JOIN new_rows AS n ON n.id = o.id, {TERMS_OF.format("o")} AS old_term
            WHERE {changed}
              AND t.term = old_term AND t.updated_at = o.updated_at AND t.household_id = o.id;
            INSERT INTO monitoring.household_search_terms
            SELECT {ROW}
            FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id, {TERMS_OF.format("n")} AS term
            WHERE {changed}
            ORDER BY 1, 2, 3;
            RETURN NULL;
        END
        $$
    """)
    op.execute(f"""
        CREATE FUNCTION monitoring.household_search_terms_deleted() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM monitoring.household_search_terms AS t
            USING old_rows AS o, {TERMS_OF.format("o")} AS old_term
            WHERE t.term = old_term AND t.updated_at = o.updated_at AND t.household_id = o.id;
            RETURN NULL;
        END
        $$
    """)
    op.execute("""
        CREATE FUNCTION monitoring.household_search_terms_truncated() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            -- Not TRUNCATE: a TRUNCATE naming both tables (the tests' clean-up) holds the side table
            -- already, and may not truncate it again from here.
            DELETE FROM monitoring.household_search_terms;
            RETURN NULL;
        END
        $$
    """)
    for event, transition, function in (
        ("INSERT", "NEW TABLE AS new_rows", "inserted"),
        ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows", "updated"),
        ("DELETE", "OLD TABLE AS old_rows", "deleted"),
    ):
        op.execute(f"""
            CREATE TRIGGER household_search_terms_{event.lower()}
            AFTER {event} ON monitoring.households REFERENCING {transition}
            FOR EACH STATEMENT EXECUTE FUNCTION monitoring.household_search_terms_{function}()
        """)
    op.execute("""
        CREATE TRIGGER household_search_terms_truncate AFTER TRUNCATE ON monitoring.households
        FOR EACH STATEMENT EXECUTE FUNCTION monitoring.household_search_terms_truncated()
    """)
    # The households already there, before the key (built once by a sort).
    op.execute(f"""
        INSERT INTO monitoring.household_search_terms
        SELECT {ROW.replace("n.", "h.")}
        FROM monitoring.households AS h, {TERMS_OF.format("h")} AS term
    """)
    op.execute("""
        ALTER TABLE monitoring.household_search_terms ADD CONSTRAINT pk_household_search_terms
            PRIMARY KEY (term, updated_at, household_id) INCLUDE (village_code, cancelled, status, kind, subtype)
    """)
    # A search of three or more characters walks its rarest term: the repository reads each
    # term's share from ANALYZE's most common values, 1,000 of them (the default 100 stops at the
    # single characters; a village's name is ~0.05 % of the rows).
    op.execute("ALTER TABLE monitoring.household_search_terms ALTER COLUMN term SET STATISTICS 1000")


def downgrade() -> None:
    for event in ("insert", "update", "delete", "truncate"):
        op.execute(f"DROP TRIGGER household_search_terms_{event} ON monitoring.households")
    op.execute("DROP TABLE monitoring.household_search_terms")
    for function in ("inserted()", "updated()", "deleted()", "truncated()", "of(text, text, text[], text, text)"):
        op.execute(f"DROP FUNCTION monitoring.household_search_terms_{function}")
    _previous().upgrade()
