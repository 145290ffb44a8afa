"""Building a whole portfolio: skipped and failing clients, summary, exit code, plain output."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from deckgen.cli import main
from deckgen.errors import TemplateError
from deckgen.indicators.selection import select_clients
from deckgen.pipelines import batch
from deckgen.pipelines.batch import BuildJob, build_many
from deckgen.sources.workspace import Workspace

BAD = "Cliente 0003 Serviço Ltda"


def fail_for(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make one client's deck fail, as a template error would (inherited by forked workers)."""
    real = batch.write_review

    def build(workspace: Workspace, query: str, *args: object, **kwargs: object) -> object:
        row = workspace.company_rows("companies", query).iloc[0]
        if row["name"] == name:
            raise TemplateError("review.pt-BR.pptx, slide 1, shape 'Title': boom")
        return real(workspace, query, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "write_review", build)


def test_one_failing_client_does_not_stop_the_others(
    portfolio_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_for(BAD, monkeypatch)
    seen: list[str] = []
    result = build_many(portfolio_workspace, select_clients(portfolio_workspace.companies),
                        BuildJob(tmp_path), on_done=lambda o: seen.append(o.name))
    assert [o.status for o in result.outcomes].count("built") == 7
    failed = [o for o in result.outcomes if o.status == "failed"]
    assert [(o.name, o.message) for o in failed] == [
        (BAD, "review.pt-BR.pptx, slide 1, shape 'Title': boom")]
    assert result.exit_code == 1 and sorted(seen) == sorted(o.name for o in result.outcomes)
    for outcome in result.outcomes:
        if outcome.status == "built":
            assert all(f.is_file() for f in outcome.files)
    assert [o.name for o in result.outcomes] == sorted(o.name for o in result.outcomes)


def test_churned_clients_and_clients_without_data_are_skipped(
    portfolio_workspace: Workspace, tmp_path: Path
) -> None:
    companies = portfolio_workspace.companies.copy()
    companies.loc[0, "churned_on"] = pd.Timestamp("2026-10-01")
    extra = companies.iloc[[1]].copy()
    extra["company_id"] = pd.array(["999"], dtype="string")
    extra["name"] = pd.array(["Zeta Sem Dados"], dtype="string")
    companies = pd.concat([companies, extra], ignore_index=True)
    workspace = dataclasses.replace(portfolio_workspace, companies=companies)
    chosen = select_clients(companies).iloc[[0, 1, -1]]  # Cliente 0000, 0001, Zeta
    result = build_many(workspace, chosen, BuildJob(tmp_path))
    assert [(o.name, o.status, o.message) for o in result.outcomes] == [
        ("Cliente 0000 Sistema Ltda", "skipped", "churned on 2026-10-01"),
        ("Cliente 0001 Relatório Ltda", "built", ""),
        ("Zeta Sem Dados", "skipped", "no ticket, survey answer or action in the exports"),
    ]
    assert result.exit_code == 0 and result.count("skipped") == 2


def test_build_all_over_processes_prints_lines_and_a_summary(
    portfolio_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_for(BAD, monkeypatch)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--all", "--jobs", "2", "--data",
                                       str(portfolio_dir), "--out", str(out)])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    built = [line for line in lines if line.startswith("built   Cliente")]
    assert len(built) == 7 and all(line.endswith("-revisao.pptx") for line in built)
    assert f"failed  {BAD}: review.pt-BR.pptx, slide 1, shape 'Title': boom" in lines
    summary = lines[lines.index("deckgen build"):]
    assert summary[2].split()[:2] == ["built", "7"]
    assert summary[3].split()[:2] == ["skipped", "0"]
    assert summary[4].split()[:3] == ["failed", "1", "Cliente"]
    assert summary[5].split()[0] == "time" and "2 processes" in summary[5]
    assert len(list(out.glob("*/*.pptx"))) == 7


def test_shards_split_the_portfolio(portfolio_dir: Path, tmp_path: Path) -> None:
    built: list[str] = []
    for index in (1, 2, 3):
        result = CliRunner().invoke(main, ["build", "--all", "--jobs", "1", "--shard",
                                           f"{index}/3", "--data", str(portfolio_dir),
                                           "--out", str(tmp_path / str(index))])
        assert result.exit_code == 0, result.output
        built += [p.parent.name for p in (tmp_path / str(index)).glob("*/*.pptx")]
    assert len(built) == 8 == len(set(built))


def test_due_builds_only_due_clients_and_batch_options_need_a_selection(
    portfolio_dir: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--due", "--on", "2026-11-20", "--owner", "carla dias",
                                  "--jobs", "1", "--data", str(portfolio_dir),
                                  "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    # Carla's clients due by Nov 20: 0000 (Aug 19 + 90), 0001 (Sep 24 + 30), 0004 (Aug 27 + 60)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cliente-0000-sistema-ltda", "cliente-0001-relatorio-ltda", "cliente-0004-ativo-ltda"]
    refused = runner.invoke(main, ["build", "Cliente 0000", "--jobs", "2",
                                   "--data", str(portfolio_dir)])
    assert refused.exit_code != 0 and "go with --all or --due" in refused.output
    bad = runner.invoke(main, ["build", "--all", "--shard", "4/3", "--data", str(portfolio_dir)])
    assert bad.exit_code != 0 and "shard index must be between 1 and 3" in bad.output
