"""The library in one object: a data folder read once, and every document built from it.

A script and the ``deckgen`` command take the same path::

    from datetime import date

    from deckgen.api import Workspace

    ws = Workspace("sample_data/gcertifica", out="out")
    built = ws.review("Farmavida", start=date(2026, 8, 18), end=date(2026, 11, 15))
    print(built.deck, built.workbook)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

import deckgen
from deckgen.clock import build_date
from deckgen.config import Config, load_config
from deckgen.errors import ConfigError, RenderError
from deckgen.sources.clients import export_client
from deckgen.sources.workspace import load_workspace

if TYPE_CHECKING:
    import pandas as pd

    from deckgen.hubspot.companies import PropertyChange
    from deckgen.hubspot.publish import PublishResult
    from deckgen.hubspot.pull import PullResult
    from deckgen.indicators.selection import DueClient, Shard
    from deckgen.model.portfolio import PortfolioReport
    from deckgen.model.review import Client
    from deckgen.pipelines.batch import BatchResult, Outcome
    from deckgen.pipelines.minutes import Minutes
    from deckgen.pipelines.review import BuiltReview
    from deckgen.render.pptx import RenderResult
    from deckgen.sources.summary import CheckSummary
    from deckgen.sources.workspace import Workspace as Tables

Echo = Callable[[str], None]


@dataclass
class WrittenPortfolio:
    """The CS Ops report computed, and the files written from it."""

    report: PortfolioReport
    deck: Path
    workbook: Path
    warnings: list[str] = field(default_factory=list)
    pdf: Path | None = None  # with ``pdf=True``


def publish_title(name: str, day: date) -> str:
    """The title of a note or meeting logged in HubSpot: ``<client> DD/MM/YYYY``."""
    return f"{name} {day:%d/%m/%Y}"


def require_pdf() -> None:
    """Fail early, before building anything, when LibreOffice is not installed."""
    from deckgen.render.pdf import require_soffice

    require_soffice()


def _known(language: str | None) -> str | None:
    """``language`` when deckgen has labels for it (or None); a configuration error otherwise."""
    if language is not None and language not in deckgen.languages():
        raise ConfigError(f"unknown language {language!r}; deckgen writes "
                          f"{', '.join(deckgen.languages())}")
    return language


class Workspace:
    """One data folder: its configuration, its exports read once, and what they can build.

    ``language`` (one of :func:`deckgen.languages`) overrides the configured one for every
    document; ``out`` is the output folder (default: ``[review] output``); ``sources`` limits
    reading to those exports (companies are always read). Every builder takes ``language``,
    ``out`` and ``today`` (default: :func:`deckgen.clock.build_date`) for one call, so one
    read of the exports can serve documents in several languages.
    """

    def __init__(
        self,
        data: str | Path = ".",
        *,
        config: str | Path | None = None,
        language: str | None = None,
        out: str | Path | None = None,
        sources: Iterable[str] | None = None,
    ) -> None:
        self.config: Config = load_config(Path(data), Path(config) if config is not None else None)
        self._language = _known(language)  # None: the configuration's
        self.out = Path(out) if out is not None else self.config.resolve(self.config.review.output)
        self._sources = None if sources is None else tuple(sources)
        self._tables: Tables | None = None

    def __repr__(self) -> str:
        return f"Workspace({str(self.config.data_dir)!r}, language={self.language!r})"

    @property
    def language(self) -> str:
        """The language documents are written in: the one given, else the configuration's."""
        return self._language or self.config.company.language

    @property
    def tables(self) -> Tables:
        """The exports, read and normalised on first use and kept for every later build."""
        if self._tables is None:
            from deckgen.hubspot.schema import portal_gaps

            self._tables = load_workspace(self.config, self._sources)
            self._tables.gaps.extend(portal_gaps(self.config))
        return self._tables

    def _in(self, language: str | None) -> str | None:
        """The language of one build: the one given, else the workspace's (None: configured)."""
        return _known(language) or self._language

    def output_folder(self, out: Path | None = None) -> Path:
        """``out`` (default: the workspace's), checked writable; reads no export."""
        folder = out or self.out
        probe = folder
        while not probe.exists():
            probe = probe.parent
        if not probe.is_dir() or not os.access(probe, os.W_OK):
            raise RenderError(f"{folder}: output folder is not writable")
        return folder

    # -- clients ---------------------------------------------------------------------------

    def company(self, query: str, *, dry_run: bool = False, echo: Echo = print) -> tuple[str, str]:
        """Record ID and name: from the companies export, else a numeric ID asked of HubSpot."""
        known = export_client(self.tables.companies, query)
        if known is not None:
            return known
        company_id = query.strip()
        if dry_run:
            return company_id, company_id
        from deckgen.hubspot.auth import connect
        from deckgen.hubspot.companies import get_company

        hub = connect(self.config.hubspot, echo=echo)
        return company_id, get_company(hub, company_id, ["name"]).get("name") or company_id

    def due(self, *, on: date | None = None, owner: str | None = None) -> list[DueClient]:
        """The reviews due on or before ``on`` (default: today), most overdue first."""
        from deckgen.indicators.selection import due_clients

        return due_clients(self.tables.companies, on or build_date(), owner)

    def select(
        self,
        *,
        due: bool = False,
        on: date | None = None,
        owner: str | None = None,
        phases: tuple[str, ...] = (),
        shard: Shard | None = None,
    ) -> pd.DataFrame:
        """The companies rows to build: all, or those ``due`` on or before ``on`` (today).

        A phase may be a label or, with a pulled portal schema, an option's internal value.
        """
        from deckgen.hubspot.schema import phase_labels
        from deckgen.indicators.selection import select_clients

        due_on = (on or build_date()) if due else None
        return select_clients(self.tables.companies, owner=owner,
                              phases=phase_labels(self.config, phases), due_on=due_on,
                              shard=shard)

    # -- documents -------------------------------------------------------------------------

    def review(
        self,
        client: str,
        *,
        start: date | None = None,
        end: date | None = None,
        template: Path | None = None,
        out: Path | None = None,
        today: date | None = None,
        language: str | None = None,
        next_meeting: date | None = None,
        internal: bool = False,
        pdf: bool = False,
    ) -> BuiltReview:
        """``<out>/<client>/<end>-revisao.pptx`` and ``indicadores.xlsx`` of one client
        (``internal``: with the appendix for the vendor's team; ``pdf``: the deck's PDF too,
        through LibreOffice); all appear together, or none."""
        from deckgen.pipelines.review import write_review

        folder = self.output_folder(out)
        return write_review(self.tables, client, folder, start=start, end=end, template=template,
                            today=today or build_date(), language=self._in(language),
                            next_meeting=next_meeting, internal=internal, pdf=pdf)

    def build_many(
        self,
        selected: pd.DataFrame,
        *,
        start: date | None = None,
        end: date | None = None,
        template: Path | None = None,
        out: Path | None = None,
        today: date | None = None,
        language: str | None = None,
        jobs: int | None = None,
        on_done: Callable[[Outcome], None] = lambda outcome: None,
        pdf: bool = False,
    ) -> BatchResult:
        """The review of every client of ``selected`` over ``jobs`` processes (default: cores),
        with ``pdf`` each deck's PDF inside its client's set."""
        from deckgen.pipelines.batch import BuildJob, build_many

        job = BuildJob(self.output_folder(out), start, end, template, today,
                       self._in(language), pdf)
        return build_many(self.tables, selected, job, jobs=jobs or os.cpu_count() or 1,
                          on_done=on_done)

    def minutes(
        self,
        client: str,
        *,
        start: date | None = None,
        end: date | None = None,
        template: Path | None = None,
        out: Path | None = None,
        today: date | None = None,
        language: str | None = None,
    ) -> Minutes:
        """The review minutes ``<out>/<client>/<end>-ata-revisao.docx`` and their HTML."""
        from deckgen.pipelines.minutes import write_minutes

        return write_minutes(self.tables, client, out or self.out, today=today or build_date(),
                             start=start, end=end, template=template, language=self._in(language))

    def kickoff(self, client: str, *, template: Path | None = None, out: Path | None = None,
                today: date | None = None, language: str | None = None) -> Path:
        """The internal kickoff minutes ``<out>/<client>/<date>-kickoff-interno.docx``."""
        from deckgen.pipelines.kickoff import write_kickoff

        return write_kickoff(self.tables, client, out or self.out, today=today or build_date(),
                             template=template, language=self._in(language))

    def client_kickoff(
        self, client: str, *, template: Path | None = None, out: Path | None = None,
        today: date | None = None, language: str | None = None,
    ) -> tuple[Path, RenderResult]:
        """The client kickoff deck ``<out>/<client>/<date>-kickoff-cliente.pptx``."""
        from deckgen.pipelines.client_kickoff import write_client_kickoff

        return write_client_kickoff(self.tables, client, out or self.out,
                                    today=today or build_date(), template=template,
                                    language=self._in(language))

    def handoff(self, client: str, *, template: Path | None = None, out: Path | None = None,
                today: date | None = None, language: str | None = None) -> Path:
        """The hand-over minutes ``<out>/<client>/<date>-passagem-de-bastao.docx``."""
        from deckgen.pipelines.handoff import write_handoff

        return write_handoff(self.tables, client, out or self.out, today=today or build_date(),
                             template=template, language=self._in(language))

    def portfolio(
        self,
        *,
        start: date | None = None,
        end: date | None = None,
        owner: str | None = None,
        template: Path | None = None,
        out: Path | None = None,
        today: date | None = None,
        language: str | None = None,
        pdf: bool = False,
    ) -> WrittenPortfolio:
        """The CS Ops report ``<out>/portfolio/<end>-portfolio[-<csm>].pptx`` and ``.xlsx``
        (with ``pdf``, the deck's PDF too); all appear together, or none."""
        from deckgen.indicators.period import resolve_period
        from deckgen.indicators.portfolio_report import compute_portfolio
        from deckgen.pipelines.portfolio_report import write_portfolio

        today = today or build_date()
        period = resolve_period(self.config, None, today=today, start=start, end=end)
        report = compute_portfolio(self.tables, period, today=today, owner=owner)
        built = write_portfolio(report, self.config, out or self.out, template=template,
                                language=self._in(language), pdf=pdf)
        return WrittenPortfolio(report, built.deck, built.workbook, built.warnings, built.pdf)

    def check(self) -> CheckSummary:
        """Every source read as ``build`` would, and the indicators its data cannot feed."""
        from deckgen.sources.summary import summarise

        return summarise(self.config)

    # -- HubSpot ---------------------------------------------------------------------------

    def publish(
        self,
        client: str | Client,
        files: Sequence[Path],
        *,
        minutes_html: str | None = None,
        kind: Literal["note", "meeting"] = "note",
        meeting_date: datetime | None = None,
        title: str | None = None,
        dry_run: bool = False,
        echo: Echo = print,
    ) -> PublishResult:
        """Upload ``files`` and log a note or meeting on the client's HubSpot company, once.

        ``client`` is a query (as for :meth:`company`) or a built report's client. A naive
        ``meeting_date`` is in the company's time zone; the title defaults to
        :func:`publish_title` of the meeting date, else of today.
        """
        from deckgen.hubspot.ledger import default_ledger_path
        from deckgen.hubspot.publish import publish_files
        from deckgen.sources.clients import client_slug

        if isinstance(client, str):
            company_id, name = self.company(client, dry_run=dry_run, echo=echo)
        else:
            company_id, name = client.id, client.name
        if meeting_date is not None and meeting_date.tzinfo is None:
            meeting_date = meeting_date.replace(tzinfo=ZoneInfo(self.config.company.timezone))
        day = meeting_date.date() if meeting_date else build_date()
        return publish_files(
            self.config.hubspot, company_id, client_slug(name), list(files),
            ledger_path=default_ledger_path(self.config.data_dir),
            minutes_html=minutes_html, kind=kind, meeting_date=meeting_date,
            title=title or publish_title(name, day), dry_run=dry_run, echo=echo,
            max_file_bytes=self.config.limits.bytes("publish"),
        )

    def set_phase(self, client: str, phase: str, *, dry_run: bool = False,
                  echo: Echo = print) -> tuple[str, PropertyChange]:
        """Set the company's ``[hubspot] phase_property`` (a dropdown by label or internal
        value; the internal value is sent); its name and the change made."""
        from deckgen.hubspot.auth import connect
        from deckgen.hubspot.companies import set_company_property
        from deckgen.hubspot.schema import company_property

        prop = self.config.hubspot.phase_property
        if not prop:
            raise ConfigError(f"{self.config.config_path}: hubspot.phase_property is not set (the "
                              "internal name of the company property that holds the phase)")
        company_id, name = self.company(client, dry_run=dry_run, echo=echo)
        hub = connect(self.config.hubspot, dry_run=dry_run, echo=echo)
        definition = company_property(hub, self.config, prop, "phase_property", echo)
        return name, set_company_property(hub, company_id, definition, phase)

    def doctor(self, *, echo: Echo = print) -> bool:
        """Check the portal against the configuration (properties, scopes); keep its schema.

        True when every configured property exists and every probed scope is granted.
        """
        from deckgen.hubspot.auth import connect
        from deckgen.hubspot.doctor import doctor

        return doctor(connect(self.config.hubspot, echo=echo), self.config, echo=echo)

    def pull(self, *, since: date | None = None, out: Path | None = None,
             echo: Echo = print) -> PullResult:
        """Download companies, tickets and survey answers as exports (default: the data folder)."""
        from deckgen.hubspot.auth import connect
        from deckgen.hubspot.pull import pull

        hub = connect(self.config.hubspot, echo=echo)
        return pull(hub, self.config, out or self.config.data_dir, since=since,
                    today=build_date(), echo=echo)
