"""Issue 16: the household list's text search (``q``: head name or address contains) is served by
one GIN index over the characters of both, instead of two pg_trgm indexes.

pg_trgm cannot use its index for a query shorter than three characters, and Chinese names are
searched by one or two (a surname, a given name): at a million households such a search read the
whole table in (updated_at, id) order. The characters of head name and address, as one array, serve
every length: the query asks for rows holding all of its characters (``@>``), then checks the
substring itself (``LIKE``); for a character most rows hold (组 of every address) the planner's
element statistics send it to the (updated_at, id) walk instead. One GIN instead of two also halves
what each inserted household costs its search indexes (the ledger import inserts a million).

Revision ID: 5c0d15b0e0m1
Revises: 5c0d15i0e0m1
Create Date: 2026-11-30 17:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = "5c0d15b0e0m1"
down_revision: str | None = "5c0d15i0e0m1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The expression services/monitoring/households/repository.py searches (it must match exactly).
SEARCH_CHARS = "(regexp_split_to_array(head_name, '') || regexp_split_to_array(address, ''))"


def upgrade() -> None:
    op.execute(f"CREATE INDEX ix_households_search_chars ON monitoring.households USING gin ({SEARCH_CHARS})")
    op.drop_index("ix_households_head_name_trgm", table_name="households", schema="monitoring")
    op.drop_index("ix_households_address_trgm", table_name="households", schema="monitoring")


def downgrade() -> None:
    for column in ("head_name", "address"):
        op.execute(
            f"CREATE INDEX ix_households_{column}_trgm ON monitoring.households "
            f"USING gin ({column} gin_trgm_ops)"
        )
    op.drop_index("ix_households_search_chars", table_name="households", schema="monitoring")
