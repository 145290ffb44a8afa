"""The playbook files: shipped wording in both languages, workspace overrides, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.config import Config
from deckgen.errors import ConfigError
from deckgen.playbook import load_playbook


def config(tmp_path: Path, language: str = "pt-BR", playbook: str | None = None) -> Config:
    raw: dict[str, object] = {
        "company": {"name": "X", "language": language},
        "streams": [{"key": "s", "label": "S", "role": "support", "match": ["s"]}],
        "data_dir": tmp_path,
    }
    if playbook:
        raw["documents"] = {"playbook": playbook}
    return Config.model_validate(raw)


@pytest.mark.parametrize("language", ["pt-BR", "en"])
def test_shipped_playbooks_have_the_seed_checklists(tmp_path: Path, language: str) -> None:
    playbook = load_playbook(config(tmp_path, language))
    assert len(playbook.kickoff.checklist) == 5
    assert [len(s.items) for s in playbook.kickoff.checklist] == [4, 2, 1, 3, 1]
    assert [a.field for a in playbook.kickoff.actions] == [
        "proposal_attached", "owner_cs", "kickoff_registered"]
    assert [len(r.responsibilities) for r in playbook.handoff.roles] == [4, 3]
    assert [a.expect for a in playbook.handoff.actions] == ["Cliente ativo", None]
    assert playbook.client_kickoff.onboarding_checklist == []


def test_workspace_file_overrides_per_language(tmp_path: Path) -> None:
    (tmp_path / "pb.pt-BR.toml").write_text(
        '[handoff]\nnext_meetings = 6\n[review]\nfeedback_prompts = ["Como foi?"]\n',
        encoding="utf-8")
    playbook = load_playbook(config(tmp_path, playbook="pb.{language}.toml"))
    assert playbook.handoff.next_meetings == 6
    assert len(playbook.handoff.roles) == 2  # the rest of [handoff] is kept
    assert playbook.review.feedback_prompts == ["Como foi?"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[kickoff.actions]]\ntext = "x"\nfield = "owner_cz"\n',
         "kickoff.actions.0.field: unknown company column 'owner_cz' (did you mean 'owner_cs'?)"),
        ('[[client_kickoff.meetings]]\ntitle = "x"\nfield = "pain"\n',
         "client_kickoff.meetings.0.field: 'pain' is not a date column"),
        ("[files]\nkickoff = \"../x\"\n", "files.kickoff: '../x' is not a plain file name"),
        ("[handoff]\nrecurrence = 3\n", "handoff.recurrence: unknown key"),
        ("[handoff\n", "not valid TOML"),
    ],
)
def test_errors_name_file_and_key(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "pb.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_playbook(config(tmp_path, playbook="pb.toml"))
    assert message in str(caught.value) and "pb.toml" in str(caught.value)


def test_missing_workspace_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nope.toml: playbook file not found"):
        load_playbook(config(tmp_path, playbook="nope.toml"))
