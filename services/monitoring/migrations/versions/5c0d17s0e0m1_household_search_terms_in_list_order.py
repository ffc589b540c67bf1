"""The household list's search by one or two characters walks a side table of each household's
terms in list order (issue 16).

The character index (``ix_households_search_chars``, GIN) answers which households hold a term but
not in the list's ``(updated_at, id)`` order: for a term of middling frequency (0.05–0.5 % of
households: a rare surname, a two-character given name, a village's name) a page either walked the
list order testing 10k–100k rows or read a bitmap of 500–5k heap blocks and sorted them, 20–200 ms
at a million households (bench/BULK.md "Lists at 1M"). ``household_search_terms`` holds every
distinct one- and two-character substring of each household's head name and of its address (not
across the two), with the household's ``updated_at``, its village and whether it is cancelled: its
primary key ``(term, updated_at, household_id)`` gives a term's households already in list order,
and the included village and cancelled flag let the caller's territory and the cancelled rows be
tested in the index alone. A page is then one ordered index walk that stops after the page.

Each risk cause of the household is a term too (``#illness``): a page of a rare cause walked
30k–57k rows of the list order at 1M (``housing``, ``other``: 13–31 ms), and the GIN index over the
causes had the search's generic-plan trap (a common cause read through a bitmap).

Terms made only of digits and of 组, 号 and 村 (``3组``, ``12``, ``号``) are left out: every address
holds some of them, so they made a third of the rows, and a search for them is served well enough
by walking the list order itself (a share of 5–100 %). ``SEARCH_TERM_LEFT_OUT`` in the repository is
the same pattern.

Kept by statement-level triggers with transition tables, so a set-based insert or update (the
ledger import) stays one set-based statement here too: an insert adds its rows' terms; an update
replaces the terms of rows whose updated_at, name, address, causes, village or cancellation changed (found
by the old row's own terms: no index on household_id is needed); a delete removes them; a truncate
empties the side table.

Revision ID: 5c0d17s0e0m1
Revises: 5c0d17o0e0m1
Create Date: 2026-12-01 06:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "5c0d17s0e0m1"
down_revision: str | None = "5c0d17o0e0m1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The pattern of terms left out; repository.SEARCH_TERM_LEFT_OUT is the same.
LEFT_OUT = "^[0-9组号村]+$"
# A risk cause's term: '#' and the cause (longer than any search term, so never one).
CAUSE_MARK = "#"


def upgrade() -> None:
    op.execute(f"""
        CREATE FUNCTION monitoring.household_search_terms_of(head_name text, address text, risk_causes text[])
        RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT substr(part, i, width)
            FROM unnest(ARRAY[head_name, address]) AS part,
                 generate_series(1, char_length(part)) AS i,
                 (VALUES (1), (2)) AS w(width)
            WHERE i + width - 1 <= char_length(part)
              AND substr(part, i, width) !~ '{LEFT_OUT}'
            UNION
            SELECT '{CAUSE_MARK}' || cause FROM unnest(risk_causes) AS cause
        $$
    """)
    op.execute("""
        CREATE TABLE monitoring.household_search_terms (
            term text NOT NULL,
            updated_at timestamptz NOT NULL,
            household_id uuid NOT NULL,
            village_code varchar(12) NOT NULL,
            cancelled boolean NOT NULL
        )
    """)
    op.execute("""
        CREATE FUNCTION monitoring.household_search_terms_inserted() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO monitoring.household_search_terms
            SELECT term, n.updated_at, n.id, n.village_code, n.cancelled_on IS NOT NULL
            FROM new_rows AS n, monitoring.household_search_terms_of(n.head_name, n.address, n.risk_causes::text[]) AS term
            -- In key order: the rows of one term then go to neighbouring leaves of the key (an
            -- import's households share one updated_at) instead of one random leaf each.
            ORDER BY 1, 2, 3;
            RETURN NULL;
        END
        $$
    """)
    op.execute("""
        CREATE FUNCTION monitoring.household_search_terms_updated() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM monitoring.household_search_terms AS t
            USING old_rows AS o
                JOIN new_rows AS n ON n.id = o.id,
                monitoring.household_search_terms_of(o.head_name, o.address, o.risk_causes::text[]) AS old_term
            WHERE (o.updated_at, o.head_name, o.address, o.risk_causes, o.village_code, o.cancelled_on IS NULL)
                      IS DISTINCT FROM
                  (n.updated_at, n.head_name, n.address, n.risk_causes, n.village_code, n.cancelled_on IS NULL)
              AND t.term = old_term AND t.updated_at = o.updated_at AND t.household_id = o.id;
            INSERT INTO monitoring.household_search_terms
            SELECT term, n.updated_at, n.id, n.village_code, n.cancelled_on IS NOT NULL
            FROM old_rows AS o
                JOIN new_rows AS n ON n.id = o.id,
                monitoring.household_search_terms_of(n.head_name, n.address, n.risk_causes::text[]) AS term
            WHERE (o.updated_at, o.head_name, o.address, o.risk_causes, o.village_code, o.cancelled_on IS NULL)
                      IS DISTINCT FROM
                  (n.updated_at, n.head_name, n.address, n.risk_causes, n.village_code, n.cancelled_on IS NULL)
            ORDER BY 1, 2, 3;
            RETURN NULL;
        END
        $$
    """)
    op.execute("""
        CREATE FUNCTION monitoring.household_search_terms_deleted() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM monitoring.household_search_terms AS t
            USING old_rows AS o, monitoring.household_search_terms_of(o.head_name, o.address, o.risk_causes::text[]) AS old_term
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
            -- already, and may not truncate it again from here. Then it is empty and this is quick;
            -- truncating the households alone deletes their terms row by row.
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
    # The households already there, before the key: built once by a sort, not entry by entry (a
    # district of 1M households has ~11M terms).
    op.execute("""
        INSERT INTO monitoring.household_search_terms
        SELECT term, h.updated_at, h.id, h.village_code, h.cancelled_on IS NOT NULL
        FROM monitoring.households AS h, monitoring.household_search_terms_of(h.head_name, h.address, h.risk_causes::text[]) AS term
    """)
    op.execute("""
        ALTER TABLE monitoring.household_search_terms ADD CONSTRAINT pk_household_search_terms
            PRIMARY KEY (term, updated_at, household_id) INCLUDE (village_code, cancelled)
    """)


def downgrade() -> None:
    for event in ("insert", "update", "delete", "truncate"):
        op.execute(f"DROP TRIGGER household_search_terms_{event} ON monitoring.households")
    op.execute("DROP TABLE monitoring.household_search_terms")
    for function in ("inserted()", "updated()", "deleted()", "truncated()", "of(text, text, text[])"):
        op.execute(f"DROP FUNCTION monitoring.household_search_terms_{function}")
