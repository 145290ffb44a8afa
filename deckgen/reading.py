"""Reading a file the user named: a regular file only, never more bytes than a cap allows.

Every read of a path that comes from the command line, the configuration or a glob goes
through :func:`read_capped` (or :func:`check_regular` before a library opens it), so a
directory, a FIFO, a device such as ``/dev/zero``, a symlink loop or an oversized file is one
line naming it instead of a hang, an exhausted memory or a silent "no file". ZIP members are
read streaming through :func:`read_zip_member`, bounded by an absolute size and a
compression ratio. The caps are arguments; their defaults are the ``[limits]`` settings.
"""

from __future__ import annotations

import errno
import os
import stat
import zipfile
from pathlib import Path

MiB = 1 << 20
_CHUNK = 1 << 20
TEMPLATE_MAX = 256 * MiB  # a template or a logo: pictures included, far below this


class ReadRefused(Exception):
    """A path cannot be read safely; the message says why in a few words (no path)."""


def describe_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular(path: Path, max_bytes: int) -> int:
    """The size of ``path`` when it is a regular file of at most ``max_bytes``; else refused."""
    try:
        info = path.stat()
    except OSError as exc:
        raise ReadRefused(os_reason(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise ReadRefused(f"{describe_kind(info.st_mode)}, not a file")
    if info.st_size > max_bytes:
        raise ReadRefused(f"{_size(info.st_size)}, over the limit of {_size(max_bytes)}"
                          " (raise it under [limits] in the configuration)")
    return info.st_size


def template_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a template or logo (missing, not a regular file, over
    :data:`TEMPLATE_MAX`), in a few words, or None when it can."""
    try:
        check_regular(path, TEMPLATE_MAX)
    except ReadRefused as exc:
        return "template not found" if str(exc) == "no such file" else str(exc)
    return None


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (checked again while reading)."""
    check_regular(path, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        raise ReadRefused(os_reason(exc)) from None
    with os.fdopen(handle, "rb", buffering=0) as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):  # swapped after the check
            raise ReadRefused("not a regular file")
        try:
            # One read of the size the file has (a buffer of the cap would be allocated
            # whole), then on in chunks should it have grown since.
            parts = [stream.read(min(info.st_size, max_bytes) + 1) or b""]
            total = len(parts[0])
            while total > info.st_size and total <= max_bytes:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                parts.append(chunk)
                total += len(chunk)
        except OSError as exc:
            raise ReadRefused(os_reason(exc)) from None
        except MemoryError:
            raise ReadRefused("not enough memory to read it") from None
    if total > max_bytes:
        raise ReadRefused(f"grew over the limit of {_size(max_bytes)} while being read")
    return parts[0] if len(parts) == 1 else b"".join(parts)


def read_zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int,
                    max_ratio: float) -> bytes:
    """One member's bytes, streamed: refused past ``max_bytes`` or a ``max_ratio`` expansion."""
    if info.file_size > max_bytes:
        raise ReadRefused(f"member {info.filename} holds {_size(info.file_size)}, over the "
                          f"limit of {_size(max_bytes)}")
    budget = min(max_bytes, int(max(info.compress_size, 1) * max_ratio))
    if info.file_size > budget:
        raise ReadRefused(f"member {info.filename} expands {info.file_size:,} bytes from "
                          f"{info.compress_size:,}: more than {max_ratio:g} times (a ZIP bomb?)")
    chunks: list[bytes] = []
    total = 0
    with archive.open(info) as stream:  # the header may lie about sizes: count real bytes
        while chunk := stream.read(_CHUNK):
            total += len(chunk)
            if total > budget:
                raise ReadRefused(f"member {info.filename} expands past {_size(budget)}: more "
                                  f"than its header says, or {max_ratio:g} times its packed size")
            chunks.append(chunk)
    return b"".join(chunks)


def os_reason(exc: OSError) -> str:
    """An operating-system error in a few words (a symlink loop named as such)."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.EISDIR:
        return "a folder, not a file"
    return exc.strerror or type(exc).__name__


def _size(n: int) -> str:
    return f"{n / MiB:,.1f} MB" if n >= MiB else f"{n:,} bytes"
