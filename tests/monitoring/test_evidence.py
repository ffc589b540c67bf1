"""Evidence files (佐证材料): upload streamed to the object store, limits at their boundary, type by
content, scope of the household, auditor reads on record, withdrawal instead of deletion, and the
database's own guards. The store here is a local folder per test (tests/kit/test_objectstore.py runs
the S3 store against a real S3-compatible server)."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from services.monitoring.evidence.files import content_disposition, display_name
from services.monitoring.settings import MonitoringSettings
from shared.objectstore import LocalStore, S3Store, store_from_settings
from shared.settings import SuiteSettings
from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import (
    HOUSEHOLDS,
    count,
    create_household,
    declare,
    helper_id,
    step,
    town_official,
)
from tests.s3_server import ACCESS_KEY, SECRET_KEY, seaweedfs

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x01" * 500
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + b"0" * 300
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 300
LIMIT = 64 * 1024
WITHDRAWN_AT = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def store(stack: Stack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LocalStore:
    """A fresh folder store for this test, in place of the process's default one."""
    local = LocalStore(tmp_path / "objects")
    monkeypatch.setattr(stack.apps["monitoring"].state, "evidence_store", local, raising=False)
    return local


@pytest.fixture
def small_limit(stack: Stack, monkeypatch: pytest.MonkeyPatch) -> int:
    settings = stack.apps["monitoring"].state.component.settings
    assert isinstance(settings, MonitoringSettings)
    monkeypatch.setattr(settings, "evidence_max_bytes", LIMIT)
    return LIMIT


EVIDENCE = "/api/monitoring/v1/evidence"


def evidence_url(household_id: str) -> str:
    return f"{HOUSEHOLDS}/{household_id}/evidence"


def one(evidence_id: str, *rest: str) -> str:
    return "/".join([f"{EVIDENCE}/{evidence_id}", *rest])


async def upload(
    api: httpx.AsyncClient,
    token: str,
    household_id: str,
    content: bytes,
    *,
    filename: str = "photo.jpg",
    content_type: str = "image/jpeg",
    headers: dict[str, str] | None = None,
    **fields: Any,
) -> httpx.Response:
    data = {"kind": "visit_photo", **{k: str(v) for k, v in fields.items()}}
    return await api.post(
        evidence_url(household_id),
        data=data,
        files={"file": (filename, content, content_type)},
        headers=auth(token, **(headers or {})),
    )


def stored_objects(store: LocalStore) -> list[Path]:
    if not store.root.exists():
        return []
    return [p for p in store.root.rglob("*") if p.is_file() and ".partial" not in p.parts]


async def rows(stack: Stack) -> int:
    return await count(stack, "SELECT count(*) FROM monitoring.evidence")


# --------------------------------------------------------------------------- upload, list, download


async def test_upload_list_and_download(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, store: LocalStore
) -> None:
    household = await create_household(api, tokens["admin"])
    resp = await upload(
        api,
        tokens["village_beidahe"],
        household["id"],
        PNG,
        filename="入户走访.png",
        content_type="image/png",
        description="入户核实时拍摄",
    )
    assert resp.status_code == 201, resp.text
    created = resp.json()
    assert created["kind"] == "visit_photo" and created["kind_label"] == "走访照片"
    assert created["media_type"] == "image/png"
    assert created["size_bytes"] == len(PNG)
    assert created["sha256"] == hashlib.sha256(PNG).hexdigest()
    assert created["file_name"] == "入户走访.png"
    assert created["withdrawn"] is False
    assert resp.headers["etag"] == '"1"'
    # The key is ours — household and evidence id — never the client's file name.
    (path,) = stored_objects(store)
    assert path.relative_to(store.root).as_posix() == f"evidence/{household['id']}/{created['id']}"
    assert path.read_bytes() == PNG

    listed = await api.get(evidence_url(household["id"]), headers=auth(tokens["town_kejing"]))
    assert listed.status_code == 200
    assert [e["id"] for e in listed.json()["items"]] == [created["id"]]

    content = await api.get(one(created["id"], "content"), headers=auth(tokens["admin"]))
    assert content.status_code == 200
    assert content.content == PNG
    assert content.headers["content-type"] == "image/png"
    assert content.headers["content-length"] == str(len(PNG))
    assert content.headers["x-content-type-options"] == "nosniff"
    disposition = content.headers["content-disposition"]
    assert disposition.startswith(f'attachment; filename="evidence-{created["id"]}.png"')
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "入户走访.png"

    audit = await count(
        stack,
        "SELECT count(*) FROM monitoring.audit_log WHERE action = 'create' AND entity = 'evidence' "
        "AND entity_id = :id AND changes->>'sha256' = :sha",
        id=created["id"],
        sha=created["sha256"],
    )
    assert audit == 1


@pytest.mark.parametrize(
    ("client_name", "shown"),
    [
        ("../../etc/passwd.jpg", "passwd.jpg"),
        ("C:\\Users\\王\\Desktop\\照片.JPG", "照片.jpg"),
        ('x"; filename=evil.exe', "x%22 filename=evil.jpg"),  # httpx escapes the quote itself
        ("", "走访照片.jpg"),
        ("a" * 300 + ".jpg", "a" * 80 + ".jpg"),
    ],
)
async def test_client_file_names_are_cleaned(
    api: httpx.AsyncClient, tokens: dict[str, str], store: LocalStore, client_name: str, shown: str
) -> None:
    household = await create_household(api, tokens["admin"])
    resp = await upload(api, tokens["admin"], household["id"], JPEG, filename=client_name)
    assert resp.status_code == 201, resp.text
    assert resp.json()["file_name"] == shown
    (path,) = stored_objects(store)
    assert path.name == resp.json()["id"]


def test_display_names_carry_no_quoting_path_or_control_characters() -> None:
    assert display_name('a"b;c,d\r\n<e>|f?.exe', "image/png", "其他") == "abcde|f.png".replace("|", "")
    assert display_name("..", "application/pdf", "承诺授权书") == "承诺授权书.pdf"
    assert display_name("/", "image/jpeg", "走访照片") == "走访照片.jpg"
    assert display_name("report.final.PDF", "application/pdf", "x") == "report.final.pdf"
    header = content_disposition("照片 1.jpg", "evidence-1.jpg")
    assert header == "attachment; filename=\"evidence-1.jpg\"; filename*=UTF-8''%E7%85%A7%E7%89%87%201.jpg"


# --------------------------------------------------------------------------- limits


async def test_size_limit_exactly_the_maximum_passes_one_byte_more_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, store: LocalStore, small_limit: int
) -> None:
    household = await create_household(api, tokens["admin"])
    exactly = PDF + b"0" * (small_limit - len(PDF))
    assert len(exactly) == small_limit
    ok = await upload(
        api, tokens["admin"], household["id"], exactly, filename="会议记录.pdf", kind="review_minutes"
    )
    assert ok.status_code == 201, ok.text
    assert ok.json()["size_bytes"] == small_limit

    over = await upload(api, tokens["admin"], household["id"], exactly + b"0", filename="会议记录.pdf")
    assert over.status_code == 413
    assert over.json()["code"] == "file_too_large"
    assert await rows(stack) == 1
    assert len(stored_objects(store)) == 1  # the refused one left nothing behind
    assert list((store.root / ".partial").iterdir()) == []


async def test_the_default_limit_holds_through_the_gateway(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, store: LocalStore
) -> None:
    """20 MiB (the default) passes the gateway and the service's body limit; one byte more is our
    own 413, answered after the rest of the body was read (the client gets the answer, not a reset)."""
    limit = MonitoringSettings.model_fields["evidence_max_bytes"].default
    household = await create_household(api, tokens["admin"])
    exactly = PDF + b"0" * (limit - len(PDF))
    ok = await upload(api, tokens["admin"], household["id"], exactly, filename="扫描件.pdf")
    assert ok.status_code == 201, ok.text
    assert ok.json()["size_bytes"] == limit
    over = await upload(api, tokens["admin"], household["id"], exactly + b"0", filename="扫描件.pdf")
    assert (over.status_code, over.json()["code"]) == (413, "file_too_large")
    assert await rows(stack) == 1
    assert len(stored_objects(store)) == 1


async def test_type_is_sniffed_from_the_content_not_the_name_or_header(
    api: httpx.AsyncClient, tokens: dict[str, str], store: LocalStore
) -> None:
    household = await create_household(api, tokens["admin"])
    resp = await upload(
        api, tokens["admin"], household["id"], PDF, filename="承诺书.jpg", content_type="image/jpeg"
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["media_type"] == "application/pdf"
    assert resp.json()["file_name"] == "承诺书.pdf"
    content = await api.get(one(resp.json()["id"], "content"), headers=auth(tokens["admin"]))
    assert content.headers["content-type"] == "application/pdf"

    jpeg = await upload(
        api, tokens["admin"], household["id"], JPEG, filename="x.bin", content_type="text/plain"
    )
    assert jpeg.json()["media_type"] == "image/jpeg"


@pytest.mark.parametrize(
    ("content", "filename", "content_type"),
    [
        (EXE, "setup.exe", "application/x-msdownload"),
        (EXE, "photo.jpg", "image/jpeg"),  # renamed: still refused
        (b"<html><script>alert(1)</script></html>", "notice.png", "image/png"),
        (b"%PD", "short.pdf", "application/pdf"),  # shorter than any signature
        (b"GIF89a" + b"\x00" * 100, "notice.gif", "image/gif"),
    ],
)
async def test_other_types_are_refused(
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    stack: Stack,
    store: LocalStore,
    content: bytes,
    filename: str,
    content_type: str,
) -> None:
    household = await create_household(api, tokens["admin"])
    resp = await upload(
        api, tokens["admin"], household["id"], content, filename=filename, content_type=content_type
    )
    assert resp.status_code == 415
    assert resp.json()["code"] == "unsupported_file_type"
    assert await rows(stack) == 0
    assert stored_objects(store) == []


async def test_empty_truncated_and_malformed_uploads_are_refused_not_failed(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, store: LocalStore
) -> None:
    household = await create_household(api, tokens["admin"])
    url = evidence_url(household["id"])
    admin = tokens["admin"]

    empty = await upload(api, admin, household["id"], b"")
    assert (empty.status_code, empty.json()["code"]) == (422, "empty_file")

    no_file = await api.post(
        url, data={"kind": "consent"}, files={"other": ("", b"", "text/plain")}, headers=auth(admin)
    )
    assert no_file.status_code == 422
    no_file = await api.post(url, data={"kind": "consent"}, headers=auth(admin))
    assert no_file.status_code == 415  # a plain form is not multipart
    as_json = await api.post(url, json={"kind": "consent"}, headers=auth(admin))
    assert (as_json.status_code, as_json.json()["code"]) == (415, "multipart_required")

    boundary = "xianjieBoundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nconsent\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    multipart = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    truncated = await api.post(url, content=head + PDF, headers=auth(admin, **multipart))
    assert (truncated.status_code, truncated.json()["code"]) == (400, "upload_incomplete")
    garbage = await api.post(url, content=b"not a multipart body at all", headers=auth(admin, **multipart))
    assert garbage.status_code == 400

    bad_kind = await upload(api, admin, household["id"], PDF, kind="selfie")
    assert bad_kind.status_code == 422
    assert bad_kind.json()["errors"][0]["field"] == "kind"
    unknown_field = await upload(api, admin, household["id"], PDF, owner="me")
    assert unknown_field.status_code == 422

    assert await rows(stack) == 0
    assert stored_objects(store) == []  # every refusal after storing removed the object again


async def test_no_database_connection_is_held_while_a_file_uploads(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, store: LocalStore
) -> None:
    """A phone may take minutes to send a photo: the pool connection is not held meanwhile."""
    household = await create_household(api, tokens["admin"])
    boundary = "slowPhone"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nconsent\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="承诺授权书.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    first_half_sent, go_on = asyncio.Event(), asyncio.Event()

    async def slow_body() -> AsyncIterator[bytes]:
        yield head + PDF[:100]
        first_half_sent.set()
        await go_on.wait()
        yield PDF[100:] + f"\r\n--{boundary}--\r\n".encode()

    sending = asyncio.create_task(
        api.post(
            evidence_url(household["id"]),
            content=slow_body(),
            headers=auth(
                tokens["village_beidahe"], **{"Content-Type": f"multipart/form-data; boundary={boundary}"}
            ),
        )
    )
    await asyncio.wait_for(first_half_sent.wait(), 10)
    await asyncio.sleep(0.5)  # the service has read the household and is waiting for the file
    held = await count(
        stack,
        "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' "
        "AND query LIKE '%monitoring.households%'",
    )
    go_on.set()
    resp = await asyncio.wait_for(sending, 10)
    assert resp.status_code == 201, resp.text
    assert resp.json()["size_bytes"] == len(PDF)
    assert held == 0


def multipart(boundary: str, *parts: tuple[bytes, bytes], close: bool = True) -> bytes:
    """A body from (headers, content) pairs, closed or not."""
    body = b"".join(b"--" + boundary.encode() + b"\r\n" + h + b"\r\n\r\n" + c + b"\r\n" for h, c in parts)
    return body + (b"--" + boundary.encode() + b"--\r\n" if close else b"")


KIND_PART = (b'Content-Disposition: form-data; name="kind"', b"consent")
FILE_HEADER = (
    b'Content-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf'
)


@pytest.mark.parametrize(
    "body",
    [
        multipart("b", KIND_PART, (FILE_HEADER, PDF), (FILE_HEADER, PDF)),  # two files
        multipart("b", KIND_PART, (b'Content-Disposition: form-data; name="photo"; filename="x.pdf"', PDF)),
        multipart("b", (b'Content-Disposition: form-data; name="kind"', b"x" * 5000), (FILE_HEADER, PDF)),
        multipart("b", KIND_PART, KIND_PART, (FILE_HEADER, PDF)),  # a field twice
        multipart("b", *[KIND_PART] * 11, (FILE_HEADER, PDF)),
        multipart("b", KIND_PART, (b"Content-Disposition: form-data", PDF)),  # a part without a name
        multipart("other", KIND_PART, (FILE_HEADER, PDF)),  # not the announced boundary
        multipart("b", KIND_PART, (FILE_HEADER, PDF), close=False),
        multipart("b", KIND_PART, (b"No-Colon-Here", PDF)),
        b"--b\r\n" + b"X" * 70000,  # one endless header
        b"",
    ],
)
async def test_odd_multipart_bodies_are_refused_without_a_500(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, store: LocalStore, body: bytes
) -> None:
    household = await create_household(api, tokens["admin"])
    resp = await api.post(
        evidence_url(household["id"]),
        content=body,
        headers=auth(tokens["admin"], **{"Content-Type": "multipart/form-data; boundary=b"}),
    )
    assert 400 <= resp.status_code < 500, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    if resp.status_code != 201:
        assert await rows(stack) == 0
        assert stored_objects(store) == []


async def test_an_undecodable_file_name_falls_back_to_the_kind(
    api: httpx.AsyncClient, tokens: dict[str, str], store: LocalStore
) -> None:
    household = await create_household(api, tokens["admin"])
    header = b'Content-Disposition: form-data; name="file"; filename="\xff\xfe.pdf"'
    resp = await api.post(
        evidence_url(household["id"]),
        content=multipart("b", KIND_PART, (header, PDF)),
        headers=auth(tokens["admin"], **{"Content-Type": "multipart/form-data; boundary=b"}),
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["file_name"] == "承诺授权书.pdf"


async def test_mutated_uploads_never_answer_500(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, store: LocalStore
) -> None:
    """A valid body with bytes flipped, cut or repeated (seeded, bounded): a clear answer each time,
    and a file in the store exactly for each recorded row."""
    import random

    household = await create_household(api, tokens["admin"])
    valid = multipart("b", KIND_PART, (FILE_HEADER, PDF))
    chance = random.Random(419001)
    statuses = set()
    for _ in range(60):
        body = bytearray(valid)
        for _ in range(chance.randint(1, 4)):
            at = chance.randrange(len(body))
            match chance.randrange(3):
                case 0:
                    body[at] = chance.randrange(256)
                case 1:
                    del body[at : at + chance.randint(1, 40)]
                case _:
                    body[at:at] = body[at : at + chance.randint(1, 40)]
        resp = await api.post(
            evidence_url(household["id"]),
            content=bytes(body),
            headers=auth(tokens["admin"], **{"Content-Type": "multipart/form-data; boundary=b"}),
        )
        assert resp.status_code < 500, resp.text
        statuses.add(resp.status_code)
    assert len(stored_objects(store)) == await rows(stack)
    assert len(statuses) > 1


# --------------------------------------------------------------------------- what it supports


async def test_supported_visit_or_step_must_be_the_households(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, store: LocalStore
) -> None:
    household = await create_household(api, tokens["admin"])
    other = await create_household(api, tokens["admin"], head_name="李四")
    visit = await api.post(
        "/api/monitoring/v1/visits",
        json={
            "household_id": other["id"],
            "visited_at": "2026-03-01T10:00:00+08:00",
            "latitude": "35.1",
            "longitude": "112.5",
            "findings": "无异常",
        },
        headers=auth(tokens["village_beidahe"]),
    )
    assert visit.status_code == 201, visit.text
    refused = await upload(api, tokens["admin"], household["id"], JPEG, visit_id=visit.json()["id"])
    assert (refused.status_code, refused.json()["errors"][0]["field"]) == (422, "visit_id")
    accepted = await upload(api, tokens["admin"], other["id"], JPEG, visit_id=visit.json()["id"])
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["visit_id"] == visit.json()["id"]

    await declare(api, tokens["village_beidahe"], household["id"])
    assert (
        await step(api, tokens["village_beidahe"], household["id"], "start_verification")
    ).status_code == 200
    transition_id = await count(
        stack, "SELECT max(id) FROM monitoring.transitions WHERE household_id = :h", h=household["id"]
    )
    minutes = await upload(
        api,
        tokens["village_beidahe"],
        household["id"],
        PDF,
        kind="review_minutes",
        transition_id=transition_id,
    )
    assert minutes.status_code == 201, minutes.text
    assert minutes.json()["transition_id"] == transition_id
    wrong = await upload(api, tokens["admin"], other["id"], PDF, transition_id=transition_id)
    assert (wrong.status_code, wrong.json()["errors"][0]["field"]) == (422, "transition_id")
    both = await upload(
        api, tokens["admin"], other["id"], PDF, visit_id=visit.json()["id"], transition_id=transition_id
    )
    assert both.status_code == 422
    assert await rows(stack) == 2
    assert len(stored_objects(store)) == 2


# --------------------------------------------------------------------------- scope and roles


async def test_scope_is_the_households(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, store: LocalStore
) -> None:
    helper = await helper_id(api, tokens)
    household = await create_household(api, tokens["admin"], helper_user_id=helper)
    unassigned = await create_household(api, tokens["admin"], head_name="赵六")
    resp = await upload(api, tokens["helper_wang"], household["id"], JPEG)
    assert resp.status_code == 201, resp.text
    evidence_id = resp.json()["id"]
    other_town = await town_official(api, tokens["admin"], WANGWU)

    paths = [
        evidence_url(household["id"]),
        one(evidence_id),
        one(evidence_id, "content"),
    ]
    for path in paths:
        assert (await api.get(path, headers=auth(other_town))).status_code == 404, path
        assert (await api.get(path, headers=auth(tokens["dept_hrss"]))).status_code == 403, path
        for reader in ("admin", "town_kejing", "village_beidahe", "helper_wang", "auditor"):
            assert (await api.get(path, headers=auth(tokens[reader]))).status_code == 200, (reader, path)
    # An unknown id is as "not found" as one out of scope.
    assert (await api.get(one(str(uuid.uuid4())), headers=auth(tokens["admin"]))).status_code == 404
    assert (
        await api.get(evidence_url(unassigned["id"]), headers=auth(tokens["helper_wang"]))
    ).status_code == 404

    refused = [
        await upload(api, other_town, household["id"], JPEG),
        await upload(api, tokens["helper_wang"], unassigned["id"], JPEG),
        await upload(api, tokens["auditor"], household["id"], JPEG),
        await upload(api, tokens["dept_hrss"], household["id"], JPEG),
    ]
    assert [r.status_code for r in refused] == [404, 404, 403, 403]
    withdrawal = await api.post(
        one(evidence_id, "withdrawal"),
        json={"reason": "不在本镇"},
        headers=auth(other_town, **{"If-Match": '"1"'}),
    )
    assert withdrawal.status_code == 404
    wangwu_household = await create_household(
        api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE, head_name="钱七"
    )
    assert (await upload(api, tokens["town_kejing"], wangwu_household["id"], JPEG)).status_code == 404
    assert await rows(stack) == 1
    assert len(stored_objects(store)) == 1


async def test_every_auditor_read_is_on_record(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, store: LocalStore
) -> None:
    household = await create_household(api, tokens["admin"])
    evidence_id = (await upload(api, tokens["admin"], household["id"], PDF, kind="consent")).json()["id"]
    content_path = one(evidence_id, "content")
    listed = await api.get(evidence_url(household["id"]), headers=auth(tokens["auditor"]))
    downloaded = await api.get(content_path, headers=auth(tokens["auditor"]))
    assert (listed.status_code, downloaded.status_code) == (200, 200)
    assert downloaded.content == PDF
    reads = await count(
        stack,
        "SELECT count(*) FROM monitoring.audit_log WHERE actor_role = 'auditor' AND action = 'read' "
        "AND entity_id IN (:listed, :content)",
        listed=f"/v1/households/{household['id']}/evidence",
        content=f"/v1/evidence/{evidence_id}/content",
    )
    assert reads == 2


# --------------------------------------------------------------------------- withdrawal, not deletion


async def test_withdrawal_is_recorded_with_a_reason_and_keeps_the_file(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, store: LocalStore
) -> None:
    helper = await helper_id(api, tokens)
    household = await create_household(api, tokens["admin"], helper_user_id=helper)
    by_cadre = (await upload(api, tokens["village_beidahe"], household["id"], JPEG)).json()
    url = one(by_cadre["id"], "withdrawal")
    reason = {"reason": "照片拍错了农户"}

    assert (await api.post(url, json=reason, headers=auth(tokens["village_beidahe"]))).status_code == 428
    stale = await api.post(url, json=reason, headers=auth(tokens["village_beidahe"], **{"If-Match": '"7"'}))
    assert stale.status_code == 412
    too_short = await api.post(
        url, json={"reason": "x"}, headers=auth(tokens["village_beidahe"], **{"If-Match": '"1"'})
    )
    assert too_short.status_code == 422
    helper_refused = await api.post(
        url, json=reason, headers=auth(tokens["helper_wang"], **{"If-Match": '"1"'})
    )
    assert helper_refused.status_code == 403  # a helper withdraws only their own uploads
    assert (
        await api.post(url, json=reason, headers=auth(tokens["auditor"], **{"If-Match": '"1"'}))
    ).status_code == 403

    done = await api.post(url, json=reason, headers=auth(tokens["village_beidahe"], **{"If-Match": '"1"'}))
    assert done.status_code == 200, done.text
    assert done.json()["withdrawn"] is True
    assert done.json()["withdrawal_reason"] == "照片拍错了农户"
    assert done.json()["version"] == 2
    again = await api.post(url, json=reason, headers=auth(tokens["village_beidahe"], **{"If-Match": '"2"'}))
    assert (again.status_code, again.json()["code"]) == (409, "invalid_transition")

    listed = await api.get(evidence_url(household["id"]), headers=auth(tokens["admin"]))
    assert listed.json()["items"] == []
    with_withdrawn = await api.get(
        evidence_url(household["id"]), params={"include_withdrawn": "true"}, headers=auth(tokens["admin"])
    )
    assert [e["id"] for e in with_withdrawn.json()["items"]] == [by_cadre["id"]]
    content = await api.get(one(by_cadre["id"], "content"), headers=auth(tokens["admin"]))
    assert content.content == JPEG  # kept: withdrawn is not deleted
    assert len(stored_objects(store)) == 1
    assert (
        await count(
            stack,
            "SELECT count(*) FROM monitoring.audit_log WHERE action = 'withdraw' AND entity_id = :id "
            "AND changes->>'reason' = '照片拍错了农户'",
            id=by_cadre["id"],
        )
        == 1
    )

    own = (await upload(api, tokens["helper_wang"], household["id"], JPEG)).json()
    mine = await api.post(
        one(own["id"], "withdrawal"),
        json=reason,
        headers=auth(tokens["helper_wang"], **{"If-Match": '"1"'}),
    )
    assert mine.status_code == 200


async def test_an_idempotent_retry_stores_one_file(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, store: LocalStore
) -> None:
    household = await create_household(api, tokens["admin"])
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = await upload(api, tokens["admin"], household["id"], JPEG, headers=key)
    second = await upload(api, tokens["admin"], household["id"], JPEG, headers=key)
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json()["id"] == first.json()["id"]
    other_file = await upload(
        api, tokens["admin"], household["id"], PNG, content_type="image/png", headers=key
    )
    assert other_file.status_code == 422  # the same key for other content
    assert await rows(stack) == 1
    assert len(stored_objects(store)) == 1


# --------------------------------------------------------------------------- the database's guards


async def _insert(stack: Stack, household_id: str, **overrides: Any) -> None:
    values: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "household_id": household_id,
        "kind": "other",
        "visit_id": None,
        "transition_id": None,
        "key": f"evidence/{uuid.uuid4()}",
        "media_type": "application/pdf",
        "size": 10,
        "sha": "a" * 64,
        "withdrawn_at": None,
        "withdrawn_by": None,
        "reason": None,
    }
    values.update(overrides)
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO monitoring.evidence (id, household_id, kind, visit_id, transition_id, file_name, "
                "store_key, media_type, size_bytes, sha256, uploaded_by, uploaded_role, withdrawn_at, "
                "withdrawn_by, withdrawal_reason, version) VALUES (:id, :household_id, :kind, :visit_id, "
                ":transition_id, 'a.pdf', :key, :media_type, :size, :sha, 'u', 'village_cadre', "
                "CAST(:withdrawn_at AS timestamptz), :withdrawn_by, :reason, 1)"
            ),
            values,
        )


async def _refused(stack: Stack, sql: str, constraint: str, **params: Any) -> None:
    with pytest.raises(DBAPIError) as error:
        async with stack.db("monitoring").engine.begin() as conn:
            await conn.execute(text(sql), params)
    named = getattr(getattr(error.value.orig, "__cause__", None), "constraint_name", None)
    assert named == constraint, str(error.value)


@pytest.mark.parametrize(
    ("overrides", "constraint"),
    [
        ({"media_type": "application/x-msdownload"}, "ck_evidence_allowed_media_type"),
        ({"size": 0}, "ck_evidence_not_empty"),
        ({"sha": "Z" * 64}, "ck_evidence_sha256_hex"),
        ({"withdrawn_at": WITHDRAWN_AT, "withdrawn_by": "u"}, "ck_evidence_withdrawal_recorded"),
        (
            {"withdrawn_at": WITHDRAWN_AT, "withdrawn_by": "u", "reason": "  "},
            "ck_evidence_withdrawal_recorded",
        ),
        ({"visit_id": str(uuid.uuid4())}, "fk_evidence_visit_of_the_household"),
        ({"transition_id": 999999}, "fk_evidence_transition_of_the_household"),
    ],
)
async def test_database_refuses_an_invalid_row(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, overrides: dict[str, Any], constraint: str
) -> None:
    household = await create_household(api, tokens["admin"])
    await _insert(stack, household["id"])  # the valid row the others differ from
    with pytest.raises(DBAPIError) as error:
        await _insert(stack, household["id"], **overrides)
    assert constraint in str(error.value)


async def test_database_refuses_a_visit_of_another_household_and_two_supported_records(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    other = await create_household(api, tokens["admin"], head_name="李四")
    visit = await api.post(
        "/api/monitoring/v1/visits",
        json={
            "household_id": other["id"],
            "visited_at": "2026-03-01T10:00:00+08:00",
            "latitude": "35.1",
            "longitude": "112.5",
            "findings": "无异常",
        },
        headers=auth(tokens["admin"]),
    )
    visit_id = visit.json()["id"]
    await _insert(stack, other["id"], visit_id=visit_id)  # its own household's visit: fine
    with pytest.raises(DBAPIError) as error:
        await _insert(stack, household["id"], visit_id=visit_id)
    assert "fk_evidence_visit_of_the_household" in str(error.value)
    await declare(api, tokens["village_beidahe"], other["id"])
    await step(api, tokens["village_beidahe"], other["id"], "start_verification")
    transition_id = await count(
        stack, "SELECT max(id) FROM monitoring.transitions WHERE household_id = :h", h=other["id"]
    )
    with pytest.raises(DBAPIError) as error:
        await _insert(stack, other["id"], visit_id=visit_id, transition_id=transition_id)
    assert "ck_evidence_supports_one_record" in str(error.value)


async def test_database_keeps_evidence_and_its_withdrawal(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    evidence_id = str(uuid.uuid4())
    await _insert(stack, household["id"], id=evidence_id)
    table = "monitoring.evidence"
    await _refused(stack, f"DELETE FROM {table} WHERE id = :id", "evidence_is_kept", id=evidence_id)
    await _refused(
        stack,
        f"UPDATE {table} SET sha256 = repeat('b', 64) WHERE id = :id",
        "evidence_is_kept",
        id=evidence_id,
    )
    await _refused(
        stack,
        f"UPDATE {table} SET store_key = 'elsewhere' WHERE id = :id",
        "evidence_is_kept",
        id=evidence_id,
    )
    async with stack.db("monitoring").engine.begin() as conn:  # a withdrawal is the one change allowed
        await conn.execute(
            text(
                f"UPDATE {table} SET withdrawn_at = now(), withdrawn_by = 'u', withdrawal_reason = '重复上传', "
                "version = 2 WHERE id = :id"
            ),
            {"id": evidence_id},
        )
    await _refused(
        stack,
        f"UPDATE {table} SET withdrawn_at = NULL, withdrawn_by = NULL, withdrawal_reason = NULL WHERE id = :id",
        "evidence_is_kept",
        id=evidence_id,
    )
    await _refused(
        stack,
        "DELETE FROM monitoring.households WHERE id = :id",
        "fk_evidence_household_id_households",
        id=household["id"],
    )


# --------------------------------------------------------------------------- with an S3-compatible store


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with seaweedfs(tmp_path_factory.mktemp("seaweedfs")) as endpoint:
        yield endpoint


async def test_evidence_kept_in_an_s3_store(
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    stack: Stack,
    monkeypatch: pytest.MonkeyPatch,
    s3_endpoint: str,
) -> None:
    """The same API over a real S3 server, as production runs it: a 6 MiB photo goes up as a
    multipart upload (5 MiB parts) through the gateway and comes back byte for byte."""
    s3 = store_from_settings(
        SuiteSettings(
            object_store_url=s3_endpoint,
            object_store_bucket="evidence-test",
            object_store_access_key=ACCESS_KEY,
            object_store_secret_key=SECRET_KEY,
        ),
        prefix="monitoring",
    )
    assert isinstance(s3, S3Store)
    monkeypatch.setattr(stack.apps["monitoring"].state, "evidence_store", s3, raising=False)
    household = await create_household(api, tokens["admin"])
    photo = JPEG + bytes(range(256)) * (6 * 4096)
    resp = await upload(api, tokens["village_beidahe"], household["id"], photo, filename="入户.jpg")
    assert resp.status_code == 201, resp.text
    created = resp.json()
    assert created["sha256"] == hashlib.sha256(photo).hexdigest()
    assert (await s3.stat(f"evidence/{household['id']}/{created['id']}")).size == len(photo)

    content = await api.get(one(created["id"], "content"), headers=auth(tokens["auditor"]))
    assert content.status_code == 200
    assert content.headers["content-type"] == "image/jpeg"
    assert hashlib.sha256(content.content).hexdigest() == created["sha256"]

    refused = await upload(api, tokens["admin"], household["id"], EXE, filename="setup.exe")
    assert refused.status_code == 415
    assert await rows(stack) == 1
