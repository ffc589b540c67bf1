"""Who may administer accounts: the district's administrators; auditors read, never write.

Every other gateway route is either public (sign-in, JWKS, documents) or proxied to a service,
which checks the caller itself.
"""

from __future__ import annotations

from typing import Annotated

from shared.auth import Role
from shared.context import RequestContext, requires

ADMINS = (Role.DISTRICT_ADMIN,)
READERS = (Role.DISTRICT_ADMIN, Role.AUDITOR)

ReaderCtx = Annotated[RequestContext, requires(READERS)]
AdminCtx = Annotated[RequestContext, requires(ADMINS, write=True)]
# --- webhooks (issue 14) ---
# A department's system (integrator) keeps its own subscriptions; the district and auditors see all.
WEBHOOK_OWNERS = (Role.INTEGRATOR,)
WEBHOOK_READERS = (Role.INTEGRATOR, Role.DISTRICT_ADMIN, Role.AUDITOR)
WebhookOwnerCtx = Annotated[RequestContext, requires(WEBHOOK_OWNERS, write=True)]
WebhookReaderCtx = Annotated[RequestContext, requires(WEBHOOK_READERS)]
