"""Object storage for uploaded files: a local folder by default, any S3-compatible store in production.

One small interface — ``put`` (from a stream of chunks), ``open`` (a stream back), ``stat``,
``delete`` — with two implementations:

- :class:`LocalStore` writes under one folder: each object goes to a temporary file first and is
  renamed into place only when complete (a reader never sees half an object; a failed upload leaves
  nothing), and a key can never name a path outside the folder.
- :class:`S3Store` talks to an S3-compatible server (MinIO, SeaweedFS, Ceph, a cloud's) through
  ``obstore``: a maintained, async-native client (Rust's ``object_store``) that streams an upload
  as a multipart upload and a download in chunks, so neither is ever held in memory whole. Chosen
  over aiobotocore (a far larger dependency, and streaming uploads are hand-made multipart there)
  and minio-py (synchronous). See docs/adr/0006-object-store.md.

Keys are chosen by the application (never taken from a client's file name): ``check_key`` allows
segments of ASCII letters, digits, ``.``, ``_`` and ``-`` joined by ``/``, nothing that could be
read as a path outside the store.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import anyio

from shared.settings import SuiteSettings

CHUNK_SIZE = 256 * 1024
_SEGMENT = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*$")
MAX_KEY_LENGTH = 512


class ObjectStoreError(Exception):
    """The store could not do what was asked (unreachable, refused); not the caller's fault."""


class ObjectNotFound(ObjectStoreError):
    pass


class InvalidKey(ValueError):
    pass


class ObjectTooLarge(Exception):
    """The stream passed through :func:`limited` went over its limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit} bytes")
        self.limit = limit


@dataclass(frozen=True)
class ObjectInfo:
    key: str
    size: int
    modified_at: datetime | None = None


@dataclass
class StoredObject:
    """An object opened for reading: its size is known before the first chunk is read."""

    info: ObjectInfo
    chunks: AsyncIterator[bytes]


class ObjectStore(Protocol):
    async def put(
        self, key: str, chunks: AsyncIterable[bytes], *, content_type: str | None = None
    ) -> ObjectInfo: ...

    async def open(self, key: str) -> StoredObject: ...

    async def stat(self, key: str) -> ObjectInfo: ...

    async def delete(self, key: str) -> None: ...


def check_key(key: str) -> str:
    """``key`` if it is a safe object key (see the module's text), else :class:`InvalidKey`."""
    if not key or len(key) > MAX_KEY_LENGTH:
        raise InvalidKey("empty or too long key")
    for segment in key.split("/"):
        if segment in ("", ".", "..") or not _SEGMENT.fullmatch(segment):
            raise InvalidKey(f"unsafe key segment {segment!r}")
    return key


async def limited(chunks: AsyncIterable[bytes], max_bytes: int) -> AsyncIterator[bytes]:
    """``chunks`` passed on, raising :class:`ObjectTooLarge` as soon as they add up to more than
    ``max_bytes`` (so a store stops writing at the first byte too many)."""
    seen = 0
    async for chunk in chunks:
        seen += len(chunk)
        if seen > max_bytes:
            raise ObjectTooLarge(max_bytes)
        yield chunk


class LocalStore:
    """Objects as files under ``root`` (``root/<key>``), written through ``root/.partial/``."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._partial = self.root / ".partial"

    def path_of(self, key: str) -> Path:
        path = (self.root / check_key(key)).resolve()
        # A symlink planted inside the folder must not lead out of it either.
        if not path.is_relative_to(self.root) or path.is_relative_to(self._partial):
            raise InvalidKey("key resolves outside the store")
        return path

    async def put(
        self, key: str, chunks: AsyncIterable[bytes], *, content_type: str | None = None
    ) -> ObjectInfo:
        final = self.path_of(key)
        await anyio.to_thread.run_sync(lambda: self._partial.mkdir(parents=True, exist_ok=True))
        partial = self._partial / f"{uuid.uuid4().hex}.part"
        size = 0
        try:
            async with await anyio.open_file(partial, "xb") as out:
                async for chunk in chunks:
                    size += len(chunk)
                    await out.write(chunk)
                await out.flush()
                await anyio.to_thread.run_sync(os.fsync, out.wrapped.fileno())
            await anyio.to_thread.run_sync(self._publish, partial, final)
        except BaseException:
            with contextlib.suppress(OSError):
                partial.unlink()
            raise
        return ObjectInfo(key=key, size=size, modified_at=datetime.now(UTC))

    @staticmethod
    def _publish(partial: Path, final: Path) -> None:
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, final)  # atomic on one file system: whole object or none

    async def stat(self, key: str) -> ObjectInfo:
        path = self.path_of(key)
        try:
            found = await anyio.to_thread.run_sync(path.stat)
        except FileNotFoundError as exc:
            raise ObjectNotFound(key) from exc
        return _info(key, found)

    async def open(self, key: str) -> StoredObject:
        path = self.path_of(key)
        try:
            handle = await anyio.open_file(path, "rb")
        except FileNotFoundError as exc:
            raise ObjectNotFound(key) from exc
        found = await anyio.to_thread.run_sync(os.fstat, handle.wrapped.fileno())
        info = _info(key, found)

        async def chunks() -> AsyncIterator[bytes]:
            async with handle:
                while chunk := await handle.read(CHUNK_SIZE):
                    yield chunk

        return StoredObject(info=info, chunks=chunks())

    async def delete(self, key: str) -> None:
        path = self.path_of(key)
        with contextlib.suppress(FileNotFoundError):
            await anyio.to_thread.run_sync(path.unlink)


def _info(key: str, found: os.stat_result) -> ObjectInfo:
    return ObjectInfo(key=key, size=found.st_size, modified_at=datetime.fromtimestamp(found.st_mtime, UTC))


class S3Store:
    """Objects in one bucket of an S3-compatible server (path-style requests, so any server works)."""

    def __init__(
        self,
        *,
        endpoint: str,
        bucket: str,
        access_key: str,
        secret_key: str,
        region: str = "us-east-1",
        prefix: str = "",
    ) -> None:
        from obstore.store import S3Store as ObstoreS3

        self.bucket = bucket
        self.prefix = check_key(prefix.strip("/")) + "/" if prefix.strip("/") else ""
        self._store = ObstoreS3(
            bucket,
            endpoint=endpoint,
            access_key_id=access_key,
            secret_access_key=secret_key,
            region=region,
            virtual_hosted_style_request=False,
            client_options={"allow_http": endpoint.startswith("http://")},
        )

    def _path(self, key: str) -> str:
        return self.prefix + check_key(key)

    async def put(
        self, key: str, chunks: AsyncIterable[bytes], *, content_type: str | None = None
    ) -> ObjectInfo:
        import obstore

        path = self._path(key)
        size = 0

        async def counted() -> AsyncIterator[bytes]:
            nonlocal size
            async for chunk in chunks:
                size += len(chunk)
                yield chunk

        attributes = {"Content-Type": content_type} if content_type else None
        try:
            # Parts of 5 MiB (the S3 minimum) stream out as they fill; an error aborts the upload.
            await obstore.put_async(self._store, path, counted(), attributes=attributes)
        except (ObjectTooLarge, InvalidKey):
            raise
        except Exception as exc:
            if _is_store_error(exc):
                raise ObjectStoreError(f"put {key}: {type(exc).__name__}") from exc
            raise
        return ObjectInfo(key=key, size=size, modified_at=datetime.now(UTC))

    async def stat(self, key: str) -> ObjectInfo:
        import obstore

        try:
            meta = await obstore.head_async(self._store, self._path(key))
        except FileNotFoundError as exc:
            raise ObjectNotFound(key) from exc
        except Exception as exc:
            raise ObjectStoreError(f"stat {key}: {type(exc).__name__}") from exc
        return ObjectInfo(key=key, size=int(meta["size"]), modified_at=meta["last_modified"])

    async def open(self, key: str) -> StoredObject:
        import obstore

        try:
            result = await obstore.get_async(self._store, self._path(key))
        except FileNotFoundError as exc:
            raise ObjectNotFound(key) from exc
        except Exception as exc:
            raise ObjectStoreError(f"get {key}: {type(exc).__name__}") from exc
        meta = result.meta
        info = ObjectInfo(key=key, size=int(meta["size"]), modified_at=meta["last_modified"])

        async def chunks() -> AsyncIterator[bytes]:
            async for chunk in result.stream(min_chunk_size=CHUNK_SIZE):
                yield bytes(chunk)

        return StoredObject(info=info, chunks=chunks())

    async def delete(self, key: str) -> None:
        import obstore

        try:
            await obstore.delete_async(self._store, self._path(key))
        except FileNotFoundError:
            return
        except Exception as exc:
            raise ObjectStoreError(f"delete {key}: {type(exc).__name__}") from exc


def _is_store_error(exc: BaseException) -> bool:
    """An error raised by obstore itself (not one our own chunk iterator raised through it)."""
    return type(exc).__module__.startswith("obstore") or isinstance(exc, OSError)


def store_from_settings(settings: SuiteSettings, *, prefix: str = "") -> ObjectStore:
    """The store the settings name: ``object_store_url`` empty → a folder under the data dir;
    ``file:///path`` → that folder; ``http(s)://host[:port]`` → an S3-compatible server."""
    url = settings.object_store_url.strip()
    if not url:
        return LocalStore(settings.data_dir / "objects" / prefix if prefix else settings.data_dir / "objects")
    if url.startswith("file://"):
        root = Path(url.removeprefix("file://"))
        return LocalStore(root / prefix if prefix else root)
    return S3Store(
        endpoint=url,
        bucket=settings.object_store_bucket,
        access_key=settings.object_store_access_key,
        secret_key=settings.object_store_secret_key,
        region=settings.object_store_region,
        prefix=prefix,
    )
