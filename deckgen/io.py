"""Writing files safely: a file appears whole at its final name, or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from deckgen.errors import RenderError


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(temp)`` on a temporary file beside ``path`` and move it into place.

    On any failure the temporary file is removed and a previous ``path`` is left untouched.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise RenderError(f"{path}: folder {folder} does not exist") from None
    except OSError as exc:
        raise RenderError(f"{path}: cannot write in folder {folder} ({exc.strerror})") from None
    os.close(handle)
    temp = Path(name)
    try:
        write(temp)
        os.chmod(temp, 0o666 & ~_umask())
        try:
            os.replace(temp, path)
        except OSError as exc:
            raise RenderError(f"{path}: cannot be replaced ({exc.strerror})") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@cache
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
