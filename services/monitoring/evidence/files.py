"""What a file is, judged by its first bytes, and the name it is offered under.

The client's Content-Type and file name are claims, not facts: a ``.jpg`` holding a PDF is a PDF,
an ``.exe`` renamed to ``.png`` is refused. The file name is kept only to be shown again (cleaned,
with the extension of the type it really has); it never becomes a storage key or a path.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

# Magic numbers: JPEG (SOI + a marker), PNG (its 8-byte signature), PDF (the header at offset 0).
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
)
HEAD_BYTES = max(len(magic) for magic, _ in SIGNATURES)
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf"}
MAX_NAME_CHARS = 80
# Also U+FFFD: what undecodable bytes of a name became.
_UNSAFE = re.compile(r'[\\/:*?"<>|;,\x00-\x1f\x7f\ufffd]')


def sniff(head: bytes) -> str | None:
    """The media type the first bytes show, or None if it is none we accept."""
    for magic, media_type in SIGNATURES:
        if head.startswith(magic):
            return media_type
    return None


def display_name(client_name: str | None, media_type: str, fallback: str) -> str:
    """A name safe in a Content-Disposition header and on any file system: no path, no control or
    quoting characters, at most 80 characters, ending in the extension of the sniffed type."""
    name = unicodedata.normalize("NFC", client_name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("", name)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = stem.strip(" .")[:MAX_NAME_CHARS] or fallback
    return stem + EXTENSIONS[media_type]


def content_disposition(name: str, ascii_fallback: str) -> str:
    """``attachment`` with an ASCII name for old clients and the UTF-8 name (RFC 6266 / 8187)."""
    return f"attachment; filename=\"{ascii_fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
