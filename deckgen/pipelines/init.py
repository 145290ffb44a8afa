"""``deckgen init``: a commented ``deckgen.toml`` decided from a folder of exports.

:func:`~deckgen.sources.detect.detect` says what the files hold; this module decides the
configuration, asking ``ask(question, default)`` before each guess (the command line asks
on a terminal, or accepts every default), and writes every decision with its reason, and a
``TODO`` where it could not decide.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from deckgen.config import CONFIG_NAME
from deckgen.errors import ConfigError, InputError
from deckgen.io import atomic_write
from deckgen.sources.detect import Detected, Detection, detect
from deckgen.sources.names import fold, strip_accents

Ask = Callable[[str, str], str]
ROLES = ("support", "implementation", "technology", "other")
# Words that say which deck section a pipeline or type of request belongs to (folded).
ROLE_WORDS = {
    "support": ("suporte", "support", "atendimento", "service", "help"),
    "implementation": ("implanta", "onboarding", "implementa", "visita", "setup"),
    "technology": ("tecnolog", "technolog", "desenvolv", "develop", "engineer", "integra"),
}
# Status words that mean an action is done (folded); tickets use their close dates instead.
DONE_WORDS = ("conclu", "feito", "finaliz", "entregue", "fechad", "encerrad", "done",
              "complete", "closed", "resolv")
_NOT_KEY = re.compile(r"[^a-z0-9]+")


def accept_defaults(question: str, default: str) -> str:
    """The ``ask`` of ``--yes``: every default taken."""
    return default


@dataclass
class StreamPlan:
    """One ``[[streams]]`` entry and why."""

    key: str
    role: str
    match: list[str]
    why: str


@dataclass
class InitResult:
    """The configuration written, and its TODOs (each one line)."""

    path: Path
    text: str
    todos: list[str] = field(default_factory=list)


def _q(value: str) -> str:
    """A TOML basic string."""
    return json.dumps(value, ensure_ascii=False)


def _list(values: list[str]) -> str:
    return "[" + ", ".join(_q(v) for v in values) + "]"


def _key(value: str) -> str:
    return _NOT_KEY.sub("_", strip_accents(value).lower()).strip("_") or "stream"


def _role(value: str) -> str | None:
    folded = fold(value)
    return next((role for role, words in ROLE_WORDS.items()
                 if any(word in folded for word in words)), None)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def parse_stream_option(text: str) -> tuple[str, str | None, list[str]]:
    """``KEY[:ROLE]=VALUE,VALUE`` (``--stream``) as key, role and values; ValueError if not."""
    head, sep, values = text.partition("=")
    key, _, role = head.partition(":")
    key = key.strip()
    if not sep or not key or not _split(values):
        raise ValueError(f"{text!r}: write KEY[:ROLE]=VALUE,VALUE (e.g. csm:support=Erro,Dúvida)")
    if role and role.strip() not in ROLES:
        raise ValueError(f"{text!r}: role {role.strip()!r} is not one of {', '.join(ROLES)}")
    return key, role.strip() or None, _split(values)


def init_workspace(
    folder: Path,
    *,
    ask: Ask = accept_defaults,
    force: bool = False,
    streams: list[str] | tuple[str, ...] = (),
    name: str | None = None,
    language: str = "pt-BR",
) -> InitResult:
    """Decide and write ``folder/deckgen.toml``; refuses to replace one without ``force``."""
    if not folder.is_dir():
        raise InputError(str(folder), "folder not found")
    path = folder / CONFIG_NAME
    if path.exists() and not force:
        raise ConfigError(f"{path}: a configuration exists already; give --force to replace it")
    wanted = [parse_stream_option(s) for s in streams]
    detection = detect(folder)
    if "companies" not in detection.sources:
        seen = "; ".join(f"{f}: {why}" for f, why in detection.skipped) or "no files"
        raise InputError(str(folder), f"no companies export found (a file with headers such as "
                         f"'Record ID' and 'Company name'); {seen}")
    writer = _Writer(detection, ask, name, folder.resolve().name, language, wanted)
    text = writer.write()

    def write(target: Path) -> None:
        target.write_text(text, encoding="utf-8")

    atomic_write(path, write)
    return InitResult(path, text, writer.todos)


class _Writer:
    """The lines of the configuration, decided section by section."""

    def __init__(self, detection: Detection, ask: Ask, name: str | None, folder_name: str,
                 language: str, wanted: list[tuple[str, str | None, list[str]]]) -> None:
        self.detection = detection
        self.ask = ask
        self.name = name or folder_name
        self.named = name is not None
        self.language = language
        self.wanted = wanted
        self.lines: list[str] = []
        self.todos: list[str] = []

    def todo(self, text: str) -> None:
        self.todos.append(text)
        self.lines.append(f"# TODO: {text}")

    def yes(self, question: str) -> bool:
        return self.ask(f"{question} (y/n)", "y").strip().lower() in ("", "y", "yes", "s", "sim")

    def write(self) -> str:
        found = self.detection.sources
        self.lines += [
            f"# Written by `deckgen init` from the exports in {self.detection.folder.name}/.",
            "# Each decision says why; a TODO marks one no export could settle. Edit freely,",
            "# then run `deckgen check` (docs: README.md, 'The configuration file').",
            "",
            "[company]",
            f"name = {_q(self.name)}"
            + ("" if self.named else "  # the folder's name: write your company's"),
            f"language = {_q(self.language)}",
            'timezone = "America/Sao_Paulo"',
            "",
        ]
        self._sources(found)
        self._columns(found)
        if "tickets" in found:
            self._tickets(found["tickets"])
        else:
            self.lines += ["# No tickets export was found: the deck's ticket sections will say",
                           "# so. One stream is still required.",
                           "[[streams]]", 'key = "suporte"', 'label = "Suporte"',
                           'role = "support"', 'match = ["Suporte"]', ""]
        if "surveys" in found:
            self._surveys(found["surveys"])
        if "actions" in found:
            self._actions(found["actions"])
        playbooks = sorted(p.name for p in self.detection.folder.glob("playbook.*.toml"))
        if playbooks:
            self.lines += [f"[documents]  # this folder's own playbook: {', '.join(playbooks)}",
                           'playbook = "playbook.{language}.toml"', ""]
        for file, why in self.detection.skipped:
            if file != CONFIG_NAME and file not in playbooks:
                self.lines.append(f"# not used: {file}: {why}")
        return "\n".join(self.lines).rstrip() + "\n"

    def _sources(self, found: dict[str, Detected]) -> None:
        self.lines.append("[sources]  # chosen by their headers; a * stands for a date in a name")
        for source, item in found.items():
            day_first = self._day_first(item)
            read = [f"{len(item.mapped) + len(item.proposed)} known columns"]
            if item.raw.encoding:
                read.append(f"encoding {item.raw.encoding}")
            if item.raw.delimiter:
                read.append(f"delimiter {item.raw.delimiter!r}")
            if day_first is None:
                value = _q(item.pattern)
            else:
                value = f"{{ path = {_q(item.pattern)}, day_first = {str(day_first).lower()} }}"
                read.append(self._day_why(item))
            self.lines.append(f"{source} = {value}  # {', '.join(read)}")
        self.lines.append("")

    def _day_first(self, item: Detected) -> bool | None:
        if item.day_first is None:
            return None
        if not item.day_first_sure and not self.yes(
            f"{item.file}: every slash date fits both orders; read them day-first (31/12)?"
        ):
            return False
        return item.day_first

    def _day_why(self, item: Detected) -> str:
        if not item.day_first_sure:
            self.todo(f"{item.file}: no slash date has a day above 12; day-first is assumed "
                      "(DD/MM/YYYY, as in Brazil): check a date")
            return "day-first assumed"
        return "day-first: a slash date has a day above 12" if item.day_first else (
            "month-first: a slash date has a month position above 12")

    def _columns(self, found: dict[str, Detected]) -> None:
        for source, item in found.items():
            accepted = [r for r in item.proposed if self.yes(
                f"{item.file}: read {r.header!r} as {r.column} (it resembles {r.known!r})?")]
            item.proposed = accepted
            if not accepted and not item.ignored:
                continue
            self.lines.append(f"[columns.{source}]  # headers of this export the aliases miss")
            for r in accepted:
                self.lines.append(f"{r.column} = {_list([r.header])}  # resembles {r.known!r}")
            if item.ignored:
                self.lines.append(f"# ignored (no column resembles them): "
                                  f"{', '.join(item.ignored)}")
            self.lines.append("")

    def _tickets(self, item: Detected) -> None:
        values = item.values
        pipelines = values.get("pipeline", [])
        types = values.get("ticket_type", [])
        if len(pipelines) > 1 or not types:
            stream_from, why = "pipeline", f"{len(pipelines)} pipelines"
        else:
            stream_from, why = "ticket_type", (
                "one pipeline or none, and a type of request on every ticket")
        stream_from = self.ask("Streams (deck sections) from 'pipeline' or 'ticket_type'?",
                               stream_from).strip() or stream_from
        if stream_from not in ("pipeline", "ticket_type"):
            raise InputError("deckgen init", f"streams come from 'pipeline' or 'ticket_type', "
                             f"not {stream_from!r}")
        category_from = "category" if item.header("category") else "ticket_type"
        closed = self._closed(item)
        self.lines += [
            "[tickets]",
            f"stream_from = {_q(stream_from)}  # {why}",
            f"category_from = {_q(category_from)}  # "
            + ("the export has a category column" if category_from == "category"
               else "no category column: the type of request is the category"),
        ]
        self.lines += closed
        self.lines += self._priorities(item)
        self.lines.append("")
        self._streams(item, stream_from)
        self._sla(item)

    def _closed(self, item: Detected) -> list[str]:
        shares = item.closed_share
        if not shares:
            self.lines.append("# no status or close date column: a ticket counts as closed "
                              "when it has a close date")
            return []
        default = [s for s, share in shares.items() if share >= 0.99]
        chosen = _split(self.ask("Ticket statuses that mean closed (comma-separated)?",
                                 ", ".join(default)))
        open_ones = [s for s in shares if s not in chosen]
        return [f"closed_statuses = {_list(chosen)}  # every ticket in these has a close date; "
                f"open: {', '.join(open_ones) or 'none'}"]

    def _priorities(self, item: Detected) -> list[str]:
        found = [v for v, _ in item.values.get("priority", [])]
        if item.unknown_priorities:
            self.todo(f"priorities {', '.join(map(repr, item.unknown_priorities))} are not "
                      "understood (LOW/MEDIUM/HIGH/URGENT or Baixa/Média/Alta/Urgente): "
                      "rename them in the export, or drop the priority column")
        if not found:
            return ["# no priority column: urgency charts and prioritized tickets are left out"]
        return [f"# priorities read as urgent/high/medium/low: {', '.join(found)}",
                'prioritized_priorities = ["urgent", "high"]  # what "prioritized" means']

    def _streams(self, item: Detected, stream_from: str) -> None:
        noun = "pipeline" if stream_from == "pipeline" else "ticket type"
        counts = dict(item.values.get(stream_from, []))
        plans: dict[str, StreamPlan] = {}
        given: set[str] = set()
        for key, role, members in self.wanted:
            plans[key] = StreamPlan(key, role or _role(" ".join(members)) or "support",
                                    members, "given with --stream")
            given |= {fold(m) for m in members}
        unsure: list[str] = []
        for value in counts:
            if fold(value) in given:
                continue
            guess = _role(value)
            # A help desk's type of request is the team's work; an unknown pipeline may not be.
            fallback = "support" if stream_from == "ticket_type" else None
            default = f"{_key(value)}:{guess or fallback}" if guess or fallback else "-"
            answer = self.ask(f"Stream for {noun} {value!r} ({counts[value]} tickets), as "
                              "KEY:ROLE (roles: support, implementation, technology, other; "
                              "- leaves its tickets out)?", default).strip() or default
            if answer == "-":
                unsure.append(value)
                continue
            key, _, role = answer.partition(":")
            role = role if role in ROLES else (guess or "support")
            if key in plans:
                plans[key].match.append(value)
                plans[key].why += f", {value}"
                continue
            why = (f"{noun} {value!r}, {counts[value]} tickets; role from its name"
                   if guess else f"{noun} {value!r}, {counts[value]} tickets; role assumed")
            plans[key] = StreamPlan(key, role, [value], why)
        if stream_from == "ticket_type" and not self.wanted and any(
                p.why.startswith(noun) for p in plans.values()):
            self.todo("which ticket types form which team's stream is a business decision no "
                      "export states: one stream per ticket type is written below; merge them "
                      "into your teams' streams (one [[streams]] with several match values, "
                      "or `deckgen init --stream KEY:ROLE=TYPE,TYPE`)")
        if unsure:
            self.todo(f"{noun} {', '.join(map(repr, unsure))} names no deck section "
                      "(support, implementation, technology): its tickets are left out of the "
                      "decks; add it to a stream's match list if they belong there")
        if not plans:
            plans["suporte"] = StreamPlan("suporte", "support", ["Suporte"], "no value found")
        for plan in plans.values():
            label = plan.match[0] if len(plan.match) == 1 else plan.key
            self.lines += [f"[[streams]]  # {plan.why}", f"key = {_q(plan.key)}",
                           f"label = {_q(label)}", f"role = {_q(plan.role)}",
                           f"match = {_list(plan.match)}", ""]

    def _sla(self, item: Detected) -> None:
        if item.header("sla_status"):
            self.lines += ["[sla]  # compliance from HubSpot's SLA status column; add",
                           "# [[sla.targets]] to show your targets beside it", ""]
            return
        self.todo("no export states SLA targets and the tickets have no SLA status column: "
                  "add [[sla.targets]] (stream, category, first_response_hours, "
                  "resolution_hours) to show SLA compliance")
        self.lines.append("")

    def _surveys(self, item: Detected) -> None:
        types = [v for v, _ in item.values.get("survey_type", [])]
        nps = [t for t in types if "nps" in fold(t)]
        csat = [t for t in types if any(w in fold(t) for w in ("csat", "satisf"))]
        rest = [t for t in types if t not in nps and t not in csat]
        self.lines += ["[surveys]  # survey types found: " + (", ".join(types) or "none"),
                       f"nps_types = {_list(nps or ['NPS'])}",
                       f"csat_types = {_list(csat or ['CSAT'])}"]
        if rest:
            self.lines.append(f"# not counted (neither NPS nor CSAT): {', '.join(rest)}")
        self.lines.append("")

    def _actions(self, item: Detected) -> None:
        statuses = [v for v, _ in item.values.get("status", [])]
        if not statuses:
            return
        default = [s for s in statuses if any(w in fold(s) for w in DONE_WORDS)]
        chosen = _split(self.ask("Action-plan statuses that mean done (comma-separated)?",
                                 ", ".join(default)))
        self.lines += ["[actions]  # statuses found: " + ", ".join(statuses),
                       f"done_statuses = {_list(chosen)}", ""]
