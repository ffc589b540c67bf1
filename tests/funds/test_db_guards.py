"""Each database guard of the funds rules alone: direct SQL through the service's own connection, past
the service's checks, must be refused by the named constraint — and the same column exactly on the
line must pass. The service checks the same rules first; these guards are what hold under
concurrency and for any writer that is not the service."""

from __future__ import annotations

import httpx

from tests.conftest import Stack
from tests.funds.factories import funded_project, known_borrower, new_fund, pay, record_loan
from tests.helpers import assert_each_guard_alone

# One set-up, then each guard in its own transaction (rolled back either way).
# (statement exactly on the line — accepted, statement one fen / one step past it, constraint)
GUARDS = [
    (
        "UPDATE funds.funds SET allocated = amount",
        "UPDATE funds.funds SET allocated = amount + 0.01",
        "ck_funds_allocated_within_amount",
    ),
    (
        "UPDATE funds.funds SET paid = allocated",
        "UPDATE funds.funds SET paid = allocated + 0.01",
        "ck_funds_paid_within_allocated",
    ),
    (
        "UPDATE funds.projects SET allocated = planned_amount",
        "UPDATE funds.projects SET allocated = planned_amount + 0.01",
        "ck_projects_allocated_within_plan",
    ),
    (
        "UPDATE funds.projects SET paid = allocated",
        "UPDATE funds.projects SET paid = allocated + 0.01",
        "ck_projects_paid_within_allocated",
    ),
    (
        "UPDATE funds.allocations SET paid = amount",
        "UPDATE funds.allocations SET paid = amount + 0.01",
        "ck_allocations_paid_and_reversed_within_amount",
    ),
    (
        "UPDATE funds.projects SET requires_elevated_review = true, elevated_review_on = DATE '2025-03-01'",
        "UPDATE funds.projects SET requires_elevated_review = true, elevated_review_on = NULL",
        "ck_projects_elevated_review_before_entry",
    ),
    (
        "UPDATE funds.projects SET status = 'accepted', evaluated_on = DATE '2025-11-01',"
        " accepted_on = DATE '2025-11-02'",
        "UPDATE funds.projects SET status = 'accepted', evaluated_on = NULL, accepted_on = DATE '2025-11-02'",
        "ck_projects_evaluated_before_acceptance",
    ),
    (
        "UPDATE funds.loans SET repaid = amount",
        "UPDATE funds.loans SET repaid = amount + 0.01",
        "ck_loans_repaid_within_amount",
    ),
    (
        "UPDATE funds.loans SET due_on = issued_on + 1",
        "UPDATE funds.loans SET due_on = issued_on",
        "ck_loans_due_after_issue",
    ),
    (
        "UPDATE funds.loans SET term_months = 1",
        "UPDATE funds.loans SET term_months = 0",
        "ck_loans_term_positive",
    ),
    (
        "UPDATE funds.funds SET amount = 0.01, allocated = 0, paid = 0",
        "UPDATE funds.funds SET amount = 0, allocated = 0, paid = 0",
        "ck_funds_amount_positive",
    ),
]


async def test_each_database_guard_alone(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    fund = await new_fund(api, admin, amount="1000000.00")
    _, allocation = await funded_project(api, admin, fund["id"], "500000.00")
    assert (await pay(api, tokens["town_kejing"], allocation["id"], "100000.00")).status_code == 201
    loan = await record_loan(api, tokens["town_kejing"], await known_borrower(stack), amount="10000.00")
    assert loan.status_code == 201, loan.text
    engine = stack.db("funds").engine
    await assert_each_guard_alone(engine, GUARDS)
