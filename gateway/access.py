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
