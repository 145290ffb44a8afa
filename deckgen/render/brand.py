"""The ``brand`` every document shows: vendor name, vendor and client logos, theme colours.

Logos are read from the workspace under the ``[limits] image_mb`` cap, checked to be a PNG or
JPEG picture (an SVG is rasterised to PNG), and handed to templates as the path of a vetted
copy, so what a document embeds is exactly what was checked.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import os
import re
import shutil
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from deckgen.config import Config
from deckgen.errors import ConfigError
from deckgen.reading import ReadRefused, read_capped
from deckgen.sources.clients import client_slug

LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
_EXTERNAL_REF = re.compile(r"""\bhref\s*=\s*["'](?!data:|#)""", re.IGNORECASE)
_MAX_PIXELS = 40_000_000  # a logo larger than this is a mistake, or a decompression bomb
_SVG_WIDTH_PX = 1200


@dataclass(frozen=True)
class Brand:
    """What a template knows of whose document it is (``brand.vendor``, ``brand.colors``…)."""

    vendor: str
    vendor_logo: str | None = None  # a PNG or JPEG file, None: no logo (its picture removed)
    client_logo: str | None = None
    colors: dict[str, str] = field(default_factory=dict)  # name → "#RRGGBB", as configured


def brand_for(config: Config, client_id: str | None = None,
              client_name: str | None = None) -> Brand:
    """The brand of one client's document (no client: the vendor's alone)."""
    settings = config.brand
    vendor_logo = _logo(config, settings.logo, "brand.logo") if settings.logo else None
    client_logo = None
    if settings.client_logos and (client_id or client_name):
        found = client_logo_file(config, client_id, client_name)
        client_logo = _logo(config, found, "brand.client_logos") if found else None
    return Brand(settings.vendor or config.company.name, vendor_logo, client_logo,
                 dict(settings.colors))


def client_logo_file(config: Config, client_id: str | None, client_name: str | None) -> str | None:
    """The client's logo in the ``client_logos`` folder (``<Record ID>`` or ``<slug>`` with
    a picture suffix, any case), relative to the data folder; None when it has none."""
    folder_name = config.brand.client_logos
    assert folder_name is not None
    folder = config.resolve(folder_name)
    try:
        names = {entry.name.lower(): entry.name for entry in os.scandir(folder)}
    except OSError as exc:
        raise ConfigError(f"{config.config_path}: brand.client_logos: {folder}: cannot list the "
                          f"folder ({exc.strerror})") from None
    stems = [s for s in (client_id, client_slug(client_name) if client_name else None) if s]
    for stem in stems:
        for suffix in LOGO_SUFFIXES:
            name = names.get(f"{stem}{suffix}".lower())
            if name is not None:
                return str(Path(folder_name) / name)
    return None


# Logos already checked in this process: (path, size, modification time, cap) → vetted copy.
_checked: dict[tuple[str, int, int, int], str] = {}


def _logo(config: Config, relative: str, key: str) -> str:
    """The path of a vetted PNG/JPEG copy of the logo at ``relative``; ConfigError otherwise."""
    path = config.resolve(relative)
    problem = config.outside(relative)
    if problem:
        raise ConfigError(f"{path}: {key}: the logo {problem}")
    cap = config.limits.bytes("image")
    try:
        info = path.stat()
        known = _checked.get((str(path.resolve()), info.st_size, info.st_mtime_ns, cap))
    except OSError:
        known = None
    if known is not None and Path(known).is_file():
        return known
    try:
        data = read_capped(path, cap)
    except ReadRefused as exc:
        raise ConfigError(f"{path}: {key}: cannot read the logo: {exc}") from None
    if path.suffix.lower() == ".svg" or data.lstrip()[:5] in (b"<?xml", b"<svg "):
        data, suffix = _svg_to_png(data, path), ".png"
    else:
        suffix = _picture_suffix(data, path)
    copy = str(_vetted_copy(data, suffix))
    _checked[(str(path.resolve()), info.st_size, info.st_mtime_ns, cap)] = copy
    return copy


def _picture_suffix(data: bytes, path: Path) -> str:
    """``.png`` or ``.jpg`` when ``data`` is a readable picture of that kind."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format
                width, height = image.size
                image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ConfigError(f"{path}: not a picture deckgen can read (use PNG, JPEG or SVG)"
                          ) from None
    if kind not in ("PNG", "JPEG"):
        raise ConfigError(f"{path}: a {kind} picture; export the logo as PNG or JPEG")
    if width * height > _MAX_PIXELS:
        raise ConfigError(f"{path}: {width} × {height} pixels is too large for a logo")
    return ".png" if kind == "PNG" else ".jpg"


def _svg_to_png(data: bytes, path: Path) -> bytes:
    """The SVG rasterised to a PNG about 1200 pixels wide (no external files, no fonts)."""
    import resvg_py  # imported here: only SVG logos need it

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not an SVG file (not UTF-8 text)") from None
    if _EXTERNAL_REF.search(text):
        raise ConfigError(f"{path}: the SVG refers to another file; embed it or export the "
                          "logo as PNG")
    try:
        png = bytes(resvg_py.svg_to_bytes(svg_string=text, skip_system_fonts=True,
                                          width=_SVG_WIDTH_PX))
    except BaseException as exc:  # noqa: BLE001 - the Rust binding raises its own kinds
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise ConfigError(f"{path}: cannot draw the SVG ({exc}); export the logo as PNG"
                          ) from None
    _picture_suffix(png, path)
    return png


_copies: Path | None = None
_copies_owner = 0


def logo_folder() -> Path:
    """The folder of this process's vetted logos, removed when the process ends. A batch makes
    it before forking workers, which exit without cleaning up: they share the parent's."""
    global _copies, _copies_owner
    if _copies is None or not _copies.is_dir():
        _copies = Path(tempfile.mkdtemp(prefix="deckgen-logos-"))
        _copies_owner = os.getpid()
        atexit.register(_remove_copies, _copies, _copies_owner)
    return _copies


def _vetted_copy(data: bytes, suffix: str) -> Path:
    """``data`` in this process's logo folder, named by its content (written once)."""
    target = logo_folder() / f"{hashlib.sha256(data).hexdigest()[:24]}{suffix}"
    if not target.is_file():
        temp = target.with_suffix(f".{os.getpid()}.tmp")
        temp.write_bytes(data)
        os.replace(temp, target)
    return target


def _remove_copies(folder: Path, owner: int) -> None:
    """Remove the logo folder when the process that made it ends (not a forked worker)."""
    if os.getpid() == owner:
        shutil.rmtree(folder, ignore_errors=True)
