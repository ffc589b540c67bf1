"""The projection of the gateway's accounts is emptied before each test like every service table,
while the demo accounts (and their ``user.changed`` events, consumed once at start) live for the
whole session: it is put back as the gateway's events made it, one row per account, so the demo
helper is a known helper again. (Reference data the migrations seed — the 2025 line, the policy
toolbox — is put back by the suite's own cleanup, tests/conftest.py.)"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.conftest import Stack

# What ``accounts.service.on_user_changed`` made of the gateway's announcements (the live consumer
# may be applying a newer one meanwhile: it wins).
ACCOUNTS_AS_PROJECTED = """
    INSERT INTO monitoring.projected_users (user_id, role, division_code, active, version)
    SELECT id::text, role::text, division_code, active, version FROM gateway.users
    ON CONFLICT DO NOTHING
"""


@pytest.fixture(autouse=True)
async def projected_accounts(request: pytest.FixtureRequest, _clean_service_tables: None) -> None:
    if not {"stack", "api"} & set(request.fixturenames):
        return
    stack: Stack = request.getfixturevalue("stack")
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(text(ACCOUNTS_AS_PROJECTED))
