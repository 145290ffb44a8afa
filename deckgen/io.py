"""Writing files safely: a file (or a set of files) appears whole at its final names, or not at all.

Temporary files are named ``.NAME.deckgen-PID-XXXX.tmp`` beside their final name, so a later
build can tell those of a killed run (whose process is gone) from those of a run in progress
and remove them (:func:`remove_stale_temporaries`).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import FrameType

from deckgen.errors import RenderError

_TEMPORARY = re.compile(r"^\..+\.deckgen-(\d+)-[^/]*\.tmp$")
_TEMPORARY_FOLDER = re.compile(r"^\.deckgen-pdf-(\d+)-")  # LibreOffice's, see render/pdf.py
_LEGACY_TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # before the PID was named
_LEGACY_AGE = 3600.0  # seconds: an unnamed temporary file this old belongs to no live build
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
_NO_MEMORY = "not enough memory to produce it; nothing was written"


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(temp)`` on a temporary file beside ``path`` and move it into place.

    Missing folders are created (and removed again if the write fails). On any failure the
    temporary file is removed and a previous ``path`` is left untouched; a full disk is one
    line naming the folder, running out of memory one line naming ``path``.
    """
    folder = path.parent if str(path.parent) else Path(".")
    created = make_folders(folder)
    temp: Path | None = None
    try:
        temp = _temporary(path)
        write(temp)
        os.chmod(temp, 0o666 & ~_umask())
        try:
            os.replace(temp, path)
        except OSError as exc:
            raise RenderError(f"{path}: cannot be replaced ({exc.strerror})") from None
    except BaseException as exc:
        if temp is not None:
            temp.unlink(missing_ok=True)
        remove_empty(created)
        if isinstance(exc, MemoryError) and not _TEMPORARY.match(path.name):
            raise RenderError(f"{path}: {_NO_MEMORY}") from None  # (a set names its own file)
        full = disk_full(exc)
        if full is not None:
            raise RenderError(f"{folder}: {full}; nothing was written") from None
        raise


def _temporary(path: Path) -> Path:
    """A new empty temporary file beside ``path``, named after it and this process."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.deckgen-{os.getpid()}-",
                                        suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise RenderError(f"{path}: folder {folder} does not exist") from None
    except OSError as exc:
        full = disk_full(exc)
        reason = full or f"cannot write in folder {folder} ({exc.strerror})"
        raise RenderError(f"{folder}: {full}" if full else f"{path}: {reason}") from None
    os.close(handle)
    return Path(name)


def disk_full(exc: BaseException) -> str | None:
    """"the disk is full" when ``exc`` (or what caused it) is a full disk or quota, else None."""
    seen: list[BaseException] = [exc]
    while seen:
        current = seen.pop()
        if isinstance(current, OSError) and current.errno in _FULL:
            return "the disk quota is full" if current.errno == errno.EDQUOT else \
                "the disk is full"
        # a library's own error may carry the OSError as its cause or its argument
        seen += [e for e in (current.__cause__, current.__context__, *current.args[:1])
                 if isinstance(e, BaseException)]
    return None


def make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, innermost first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    if missing:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            remove_empty(missing)
            reason = disk_full(exc) or exc.strerror
            raise RenderError(f"{folder}: cannot create the output folder ({reason})") from None
    return missing


def remove_empty(folders: list[Path]) -> None:
    """Remove folders (innermost first) a failed write created, when nothing else is in them."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files of killed runs in ``folder``; return what was removed.

    A temporary file whose process is gone is stale; one of an older deckgen, which did not
    name its process, is stale after an hour.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        try:
            folder_match = _TEMPORARY_FOLDER.match(entry.name)
            if folder_match and entry.is_dir(follow_symlinks=False):
                if _gone(int(folder_match.group(1))):
                    shutil.rmtree(entry.path, ignore_errors=True)
                    removed.append(Path(entry.path))
                continue
            if not entry.is_file(follow_symlinks=False):
                continue
            if match is not None:
                stale = _gone(int(match.group(1)))
            else:
                stale = bool(_LEGACY_TEMPORARY.match(entry.name)) and \
                    now - entry.stat(follow_symlinks=False).st_mtime > _LEGACY_AGE
            if stale:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _gone(pid: int) -> bool:
    """Whether no process ``pid`` runs (a process of another user still counts as running)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


class OutputSet:
    """Files that appear together: each written to a temporary name, all renamed at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pending: list[tuple[Path, Path]] = []
        self.outdated: list[Path] = []

    def temporary(self, final: Path) -> Path:
        """Where to write the file that will become ``final`` (a file of the set's folder)."""
        temp = _temporary(final)
        self.pending.append((temp, final))
        return temp

    def outdates(self, path: Path) -> None:
        """Remove ``path`` when the set is renamed into place (say, the PDF of a replaced deck,
        which no longer matches it), and keep it when the set fails."""
        self.outdated.append(path)

    def _commit(self) -> None:
        for temp, _ in self.pending:
            if not temp.is_file() or temp.stat().st_size == 0:
                raise RenderError(f"{temp}: was not written completely; nothing was replaced")
        for temp, final in self.pending:
            try:
                os.replace(temp, final)
            except OSError as exc:
                raise RenderError(f"{final}: cannot be replaced ({exc.strerror})") from None
        for path in self.outdated:
            path.unlink(missing_ok=True)

    def _discard(self) -> None:
        for temp, _ in self.pending:
            temp.unlink(missing_ok=True)


class Terminated(SystemExit):
    """SIGTERM arrived while an output set was being written (exit status 143)."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated(128 + signum)


@contextmanager
def output_set(folder: Path) -> Iterator[OutputSet]:
    """An :class:`OutputSet` in ``folder`` (created if missing): on leaving the block every file
    is renamed into place; on an error, SIGINT or SIGTERM none is, the temporary files (and
    the folders this created) are removed and previous files stay whole; running out of memory
    is one line naming the file being produced. Stale temporary files of killed runs are
    removed first.
    """
    created = make_folders(folder)
    remove_stale_temporaries(folder)
    files = OutputSet(folder)
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if main else None
    try:
        yield files
        files._commit()
    except BaseException as exc:
        files._discard()
        remove_empty(created)
        if isinstance(exc, MemoryError):  # the document being produced is the last begun
            where = files.pending[-1][1] if files.pending else folder
            raise RenderError(f"{where}: {_NO_MEMORY}") from None
        full = disk_full(exc)
        if full is not None:
            raise RenderError(f"{folder}: {full}; nothing was written") from None
        raise
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


@cache
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
