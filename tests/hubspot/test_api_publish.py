"""``Workspace.publish`` and ``set_phase`` on the fake HubSpot: titles and times by the clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_hubspot import FakeHubSpot

from deckgen.api import Workspace

EPOCH = "1795176000"  # 2026-11-20 12:00 UTC


def test_a_meeting_without_a_date_is_logged_at_the_clocks_now(
    fake: FakeHubSpot, data_dir: Path, deliverables: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result = Workspace(data_dir).publish("Padaria", deliverables[:1], kind="meeting",
                                         minutes_html="<p>Ata</p>", echo=lambda line: None)
    (meeting,) = fake.meetings.values()
    properties = meeting["properties"]
    assert properties["hs_meeting_title"] == "Padaria Pão Quente 20/11/2026"
    assert properties["hs_meeting_start_time"] == "2026-11-20T12:00:00.000Z"
    assert result.company_id == "101" and not result.engagement_reused


def test_a_company_only_hubspot_knows_is_named_by_hubspot(
    fake: FakeHubSpot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    fake.companies["205"] = {"name": "Metalúrgica Norte"}
    ws = Workspace(data_dir, sources=())
    assert ws.company("205") == ("205", "Metalúrgica Norte")
    ws.publish("205", [], minutes_html="<p>Ata</p>", kind="meeting", echo=lambda line: None)
    (meeting,) = fake.meetings.values()
    assert meeting["properties"]["hs_meeting_title"] == "Metalúrgica Norte 20/11/2026"


def test_set_phase_returns_the_name_and_the_change(fake: FakeHubSpot, data_dir: Path) -> None:
    name, change = Workspace(data_dir).set_phase("Transportes", "Adoção", echo=lambda line: None)
    assert name == "Transportes Rápidos"
    assert (change.company_id, change.old, change.new) == ("102", "Cliente ativo", "Adoção")
    assert fake.companies["102"]["fase_do_cliente"] == "adocao"  # the internal value
