"""A check for the API fuzz run (tests/e2e/test_api_fuzz.py): a request the document calls valid is
never refused by the service's own request schema.

``positive_data_acceptance`` is configured (tests/e2e/schemathesis.toml) to accept the refusals only
the data can decide — a domain rule answered 422 with a stable code (an unknown town, an end before
a start), a stale or missing version (412/428). This check keeps the rest of it: a 422 whose errors
come from the request's schema (pydantic's error types) means the document is looser than the
service, which is exactly what a generated client cannot survive.
"""

from __future__ import annotations

import json
from typing import Any

import schemathesis

# A domain rule (ValidationFailed), a record named that does not exist or is out of scope, and a
# rule across fields checked by the model itself ("ends before it starts"): the data decides.
DOMAIN_ERROR_TYPES = {"validation_failed", "unknown_reference", "value_error"}


@schemathesis.check
def schema_valid_request_passes_validation(ctx: Any, response: Any, case: Any) -> bool | None:
    meta = case.meta
    if meta is None or response.status_code != 422:
        return None
    if any(component.mode.is_negative for component in meta.components.values()):
        return None
    try:
        problem = json.loads(response.text)
    except ValueError:
        return None
    schema_errors = [e for e in problem.get("errors") or [] if e.get("type") not in DOMAIN_ERROR_TYPES]
    if schema_errors:
        raise AssertionError(f"a schema-valid request was refused by the service's schema: {schema_errors}")
    return None
