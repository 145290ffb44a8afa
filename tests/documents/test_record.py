"""Company record values and action states, from pandas cells as the workspace holds them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from deckgen.config import Config
from deckgen.indicators.record import action_states, document_value
from deckgen.playbook import ActionSpec, load_playbook


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        (pd.NA, None), (pd.NaT, None), (float("nan"), None), ("  ", None), ((), None),
        (("a", " ", "b"), ("a", "b")), (" x ", "x"), (pd.Timestamp("2026-03-01"), date(2026, 3, 1)),
        (True, True), (pd.array([5], dtype="Int64")[0], 5),
    ],
)
def test_plain(cell: object, value: object) -> None:
    assert document_value(cell) == value


def test_action_states(tmp_path: Path) -> None:
    config = Config.model_validate({
        "company": {"name": "X"}, "data_dir": tmp_path,
        "streams": [{"key": "s", "label": "S", "role": "support", "match": ["s"]}]})
    playbook = load_playbook(config)
    specs = [ActionSpec(text="a", field="proposal_attached"),
             ActionSpec(text="b", field="owner_cs"),
             ActionSpec(text="c", field="phase", expect="Cliente ativo"),
             ActionSpec(text="d", field="kickoff_registered")]
    record = {"proposal_attached": False, "owner_cs": "Ana", "phase": "cliente ATIVO",
              "kickoff_registered": None}
    states = action_states(record, specs, ["kickoff_registered"], playbook)
    assert [s.done for s in states] == [False, True, True, False]
    assert [s.known for s in states] == [True, True, True, False]
    assert [s.detail for s in states] == [None, "Ana", "cliente ATIVO", None]
