"""The import contracts in pyproject.toml hold, and an import that points up breaks them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), str(root / "pyproject.toml"), "--no-cache"],
        cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "deckgen", tmp_path / "deckgen",
                    ignore=shutil.ignore_patterns("__pycache__", "templates"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.mark.parametrize(("module", "upward"), [
    ("model/review.py", "from deckgen.render.terms import term"),  # model → render
    ("indicators/tickets.py", "from deckgen.locale import Labels"),  # words in computing
    ("render/xlsx.py", "from deckgen.hubspot.client import HubSpotClient"),  # siblings
])
def test_an_upward_import_breaks_the_contracts(tmp_path: Path, module: str, upward: str) -> None:
    root = _copy(tmp_path)
    path = root / "deckgen" / module
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("from __future__ import annotations\n",
                                 f"from __future__ import annotations\n\n{upward}  # noqa\n", 1),
                    encoding="utf-8")
    result = _lint(root)
    assert result.returncode != 0
    importer = "deckgen." + module.removesuffix(".py").replace("/", ".")
    assert importer in result.stdout, result.stdout


def test_the_contracts_hold() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout
