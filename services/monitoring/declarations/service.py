"""农户自主申报: the public channel (QR code on the village notice board, phone on 明白纸).

A declaration becomes an alert for the village's cadres as soon as it names a household: at once
when the ID number matches a current member of a household of the declared village (by its keyed
hash, as department batches match), else when a cadre registers the household and links it. The
applicant gets a tracking code and, with code and phone, the status and next step — never anything
about the household, and the same answer whether or not the ID number matched.
"""

from __future__ import annotations

import hmac
import secrets
import uuid

from services.monitoring.access import load_household
from services.monitoring.alerts.events import ALERT_RAISED, AlertRaised
from services.monitoring.declarations import phones, repository
from services.monitoring.declarations.events import DECLARATION_RECEIVED, DeclarationReceived
from services.monitoring.declarations.public import PublicRequest
from services.monitoring.declarations.schemas import (
    ACCOUNT_MAX_LENGTH,
    DeclarationContact,
    DeclarationCreate,
    DeclarationDismissal,
    DeclarationForm,
    DeclarationLink,
    DeclarationLookup,
    DeclarationProgress,
    DeclarationProgressOut,
    DeclarationReceipt,
    RiskCauseOption,
)
from services.monitoring.households.id_numbers import InvalidIdNumber, mask, parse, vault_for
from services.monitoring.models import (
    Alert,
    AlertSource,
    AlertStatus,
    DeclarationStatus,
    Household,
    RiskCause,
    SelfDeclaration,
)
from services.monitoring.settings import MonitoringSettings
from shared.context import RequestContext
from shared.errors import InvalidTransition, NotFound, ValidationFailed

# Crockford-like: no 0/O, 1/I/L look-alikes, so a code read out over the phone survives. 32
# symbols × 12 = 60 bits: with lookups rate-limited per client, guessing one is hopeless.
TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
TRACKING_LENGTH = 12
SUBMIT_PATH = "/api/monitoring/v1/public/declarations"
LOOKUP_PATH = "/api/monitoring/v1/public/declarations/lookup"

NEXT_STEPS = {
    DeclarationProgress.RECEIVED: "申报已受理。村（社区）干部将在近日与您联系、入户核实，请保持电话畅通。",
    DeclarationProgress.VERIFYING: "正在核实：入户核实、村级民主评议、公示和镇级审核，请配合干部了解情况。",
    DeclarationProgress.INCLUDED: "已纳入防返贫监测。帮扶责任人将与您联系，共同制定帮扶措施。",
    DeclarationProgress.NOT_INCLUDED: (
        "经核实暂不符合纳入监测的条件。情况如有变化，可再次申报或拨打明白纸上的电话咨询。"
    ),
}
_PROGRESS_OF_ALERT = {
    AlertStatus.OPEN: DeclarationProgress.RECEIVED,
    AlertStatus.VERIFYING: DeclarationProgress.VERIFYING,
    AlertStatus.CONFIRMED: DeclarationProgress.INCLUDED,
    AlertStatus.DISMISSED: DeclarationProgress.NOT_INCLUDED,
}


def new_tracking_code() -> str:
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))


def normalise_tracking_code(raw: str) -> str:
    """As printed (``ABCD-EFGH-JKMN``) or typed (lower case, blanks): the stored form."""
    return "".join(c for c in raw.upper() if c not in " -")


def format_tracking_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def progress(declaration: SelfDeclaration, alert_status: AlertStatus | None) -> DeclarationProgress:
    if declaration.status is DeclarationStatus.DISMISSED:
        return DeclarationProgress.NOT_INCLUDED
    if alert_status is None:
        return DeclarationProgress.RECEIVED
    return _PROGRESS_OF_ALERT[alert_status]


def _phone(raw: str) -> str:
    try:
        return phones.parse(raw)
    except phones.InvalidPhone as exc:
        raise ValidationFailed("body.phone", str(exc), "not a mainland mobile number") from exc


def _new_alert(household: Household, declaration: SelfDeclaration) -> Alert:
    return Alert(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        source=AlertSource.SELF_DECLARED,
        reason=declaration.account,
        risk_causes=list(declaration.risk_causes),
    )


def _announcement(alert: Alert) -> AlertRaised:
    return AlertRaised(
        alert_id=alert.id,
        household_id=alert.household_id,
        town_code=alert.town_code,
        village_code=alert.village_code,
        source=alert.source.value,
    )


async def _unique_tracking_code(public: PublicRequest) -> str:
    # 60 bits: a clash is all but impossible; the unique constraint is the guard, this the courtesy.
    while await repository.tracking_code_taken(public.db, code := new_tracking_code()):
        pass
    return code


async def declare(public: PublicRequest, data: DeclarationCreate) -> DeclarationReceipt:
    phone = _phone(data.phone)
    await public.count("declare-phone", phone, public.settings.self_declaration_phone_limit)
    try:
        id_number, _ = parse(data.id_number)
    except InvalidIdNumber as exc:
        raise ValidationFailed("body.id_number", str(exc), "invalid ID number") from exc
    village = public.component.divisions.require_village(data.village_code, field="body.village_code")
    id_numbers = vault_for(public.settings.id_number_key)
    phone_vault = phones.phone_vault_for(public.settings.id_number_key)
    digest = id_numbers.digest(id_number)
    declaration = SelfDeclaration(
        tracking_code=await _unique_tracking_code(public),
        town_code=village.town_code,
        village_code=village.code,
        applicant_name=data.applicant_name,
        id_number_hash=digest,
        id_number_cipher=id_numbers.seal(id_number),
        id_number_masked=mask(id_number),
        phone_hash=phone_vault.digest(phone),
        phone_cipher=phone_vault.seal(phone),
        phone_masked=phones.mask(phone),
        account=data.account,
        risk_causes=list(dict.fromkeys(data.risk_causes)),
        status=DeclarationStatus.WAITING,
    )
    household = await repository.household_in_village(public.db, digest, village.code)
    alert = None
    if household is not None:
        alert = _new_alert(household, declaration)
        public.db.add(alert)
        await public.db.flush()
        declaration.status, declaration.household_id, declaration.alert_id = (
            DeclarationStatus.ALERTED,
            household.id,
            alert.id,
        )
        await public.publish(ALERT_RAISED, alert.id, _announcement(alert))
    public.db.add(declaration)
    await public.db.flush()
    # Codes and ids only: the name, ID number and phone stay in their table.
    await public.audit(
        "create",
        "self_declaration",
        declaration.id,
        {"village_code": declaration.village_code, "alert_id": alert.id if alert else None},
    )
    await public.publish(
        DECLARATION_RECEIVED,
        declaration.id,
        DeclarationReceived(
            declaration_id=declaration.id,
            town_code=declaration.town_code,
            village_code=declaration.village_code,
            alert_id=alert.id if alert else None,
        ),
    )
    return DeclarationReceipt(
        tracking_code=format_tracking_code(declaration.tracking_code),
        next_step=NEXT_STEPS[DeclarationProgress.RECEIVED],
    )


def _not_found() -> NotFound:
    # One answer for an unknown code and for a wrong phone: the lookup is no oracle for either.
    return NotFound("查询码或手机号不正确", "no declaration with this code and phone")


async def look_up(public: PublicRequest, data: DeclarationLookup) -> DeclarationProgressOut:
    try:
        phone = phones.parse(data.phone)
    except phones.InvalidPhone:
        phone = ""
    wanted = phones.phone_vault_for(public.settings.id_number_key).digest(phone)
    tracked = await repository.by_tracking_code(public.db, normalise_tracking_code(data.tracking_code))
    if tracked is None or not phone or not hmac.compare_digest(tracked.declaration.phone_hash, wanted):
        raise _not_found()
    status = progress(tracked.declaration, tracked.alert_status)
    return DeclarationProgressOut(status=status, next_step=NEXT_STEPS[status])


def form(public: PublicRequest, village_code: str) -> DeclarationForm:
    village = public.component.divisions.by_code.get(village_code)
    if village is None or len(village_code) != 12:
        raise NotFound("没有这个村（社区）", f"no village {village_code}")
    divisions = public.component.divisions
    return DeclarationForm(
        village_code=village.code,
        village_name=village.name,
        town_code=village.town_code,
        town_name=divisions.name(village.town_code) or village.town_code,
        submit_to=SUBMIT_PATH,
        lookup_at=LOOKUP_PATH,
        account_max_length=ACCOUNT_MAX_LENGTH,
        risk_causes=[RiskCauseOption(value=c, label=c.label) for c in RiskCause],
        notice=(
            "家中遇到困难（因病、因灾、因意外、务工收入骤减等）可在此申报，无需登录。"
            "请如实填写姓名、身份证号和手机号；提交后请保存查询码，凭查询码和手机号查询办理进度。"
            "不便使用手机的，可拨打明白纸上的电话由村干部代为登记。"
        ),
    )


# --- cadres: the village's inbox -------------------------------------------------------------


async def visible(
    ctx: RequestContext, declaration_id: uuid.UUID, *, for_update: bool = False
) -> SelfDeclaration:
    """The declaration if it lies in the caller's territory; anyone else is told it does not exist."""
    found = await repository.get(ctx.session, ctx.principal, declaration_id, for_update=for_update)
    if found is None:
        raise NotFound("申报不存在或不在您的数据范围内", "declaration not found")
    return found


async def contact(ctx: RequestContext, declaration: SelfDeclaration) -> DeclarationContact:
    """The applicant's phone and ID number in full, for the cadre who calls back; the read is on record."""
    settings = ctx.settings_as(MonitoringSettings)
    await ctx.audit("reveal", "self_declaration", declaration.id, {"fields": ["phone", "id_number"]})
    return DeclarationContact(
        applicant_name=declaration.applicant_name,
        phone=phones.phone_vault_for(settings.id_number_key).open(declaration.phone_cipher),
        id_number=vault_for(settings.id_number_key).open(declaration.id_number_cipher),
    )


def _require_waiting(declaration: SelfDeclaration) -> None:
    if declaration.status is not DeclarationStatus.WAITING:
        raise InvalidTransition(
            f"该申报{declaration.status.label}，不能再处理", f"the declaration is {declaration.status.value}"
        )


async def link(ctx: RequestContext, declaration: SelfDeclaration, data: DeclarationLink) -> SelfDeclaration:
    """A cadre registered the household (or found it): the declaration becomes its alert."""
    ctx.require_if_match(declaration.version)
    _require_waiting(declaration)
    household = await load_household(ctx, data.household_id)
    alert = _new_alert(household, declaration)
    ctx.session.add(alert)
    await ctx.session.flush()
    declaration.status = DeclarationStatus.ALERTED
    declaration.household_id = household.id
    declaration.alert_id = alert.id
    await ctx.session.flush()
    await ctx.audit(
        "link", "self_declaration", declaration.id, {"household_id": household.id, "alert_id": alert.id}
    )
    await ctx.publish(ALERT_RAISED, alert.id, _announcement(alert))
    return declaration


async def dismiss(
    ctx: RequestContext, declaration: SelfDeclaration, data: DeclarationDismissal
) -> SelfDeclaration:
    """Nobody to register (no such person in the village, a repeat, a prank): closed with the reason."""
    ctx.require_if_match(declaration.version)
    _require_waiting(declaration)
    declaration.status = DeclarationStatus.DISMISSED
    declaration.dismissal_reason = data.reason
    await ctx.session.flush()
    await ctx.audit("dismiss", "self_declaration", declaration.id, {"reason": data.reason})
    return declaration
