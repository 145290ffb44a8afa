"""The GitHub Actions workflows under docs/ci/ pass actionlint (the dev extra ships it)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

WORKFLOWS = sorted((Path(__file__).resolve().parents[1] / "docs" / "ci").glob("*.yml"))


def _actionlint() -> str:
    beside = Path(sys.executable).with_name("actionlint")
    found = str(beside) if beside.exists() else shutil.which("actionlint")
    if found is None:
        pytest.fail("actionlint is missing: pip install -e '.[dev]' installs it")
    return found


def test_there_are_the_two_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["sample-decks.yml", "weekly-reviews.yml"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_passes(workflow: Path) -> None:
    result = subprocess.run([_actionlint(), "-no-color", str(workflow)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_weekly_build_is_split_by_shard_over_the_matrix() -> None:
    text = (WORKFLOWS[1]).read_text("utf-8")
    assert "deckgen build --due" in text and "--shard ${{ matrix.shard }}/4" in text
    assert "secrets.HUBSPOT_TOKEN" in text and "upload-artifact" in text
