"""A fake HubSpot API on 127.0.0.1: the endpoints deckgen uses, their shapes, faults on demand.

The data side follows HubSpot's published OpenAPI specs (CRM objects, properties, pipelines,
owners, associations v4, search): records hold internal values (enumeration option values,
owner ids, pipeline and stage ids), a write with an unknown property or an enumeration value
that is not an option's internal value is a 400 ``VALIDATION_ERROR``, list pages are at most
100 records and a search never pages past 10,000 results.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "pat-na1-test-0123456789abcdef"
# A workspace that pulls from the fake: the vendor, one support stream and the company
# properties deckgen reads; ``PULLED_SOURCES`` names the exports `pull` writes.
PORTAL_CONFIG = """\
[company]
name = "Acme Software"

[[streams]]
key = "support"
label = "Suporte"
role = "support"
match = ["Suporte"]

[hubspot]
phase_property = "fase_do_cliente"
interval_property = "cs_dias_entre_reunioes"
owner_cs_property = "proprietario_cs"
"""
PULLED_SOURCES = """
[sources]
companies = "hubspot-crm-exports-all-companies-*.csv"
tickets = "hubspot-crm-exports-all-tickets-*.csv"
surveys = "hubspot-crm-exports-all-feedback-submissions-*.csv"
"""
NOTE_TO_COMPANY = 190
MEETING_TO_COMPANY = 188
CONTACT_TO_COMPANY_PRIMARY = 1
CONTACT_TO_COMPANY = 279
SEARCH_CAP = 10_000
SEARCH_PAGE = 200
BATCH_INPUTS = 1_000
# The objects a record can be associated with through ``associations=`` and the v4 batch read.
LINKS = ("companies", "contacts", "tickets")


def _prop(name: str, label: str, kind: str = "string", field_type: str = "text",
          options: tuple[tuple[str, str], ...] = (), owner: bool = False) -> dict[str, Any]:
    """One property definition as ``GET /crm/v3/properties/{object}`` lists it."""
    definition: dict[str, Any] = {
        "name": name, "label": label, "type": kind, "fieldType": field_type,
        "groupName": "information", "description": "", "hidden": False,
        "options": [{"label": text, "value": value, "displayOrder": i, "hidden": False}
                    for i, (text, value) in enumerate(options)],
        "calculated": False, "hasUniqueValue": False, "formField": True,
    }
    if owner:
        definition["referencedObjectType"] = "OWNER"
        definition["externalOptions"] = True
    return definition


def default_properties() -> dict[str, list[dict[str, Any]]]:
    """A portal's property definitions: HubSpot's standard ones and G-Certifica's custom ones."""
    common = [_prop("hs_object_id", "Record ID", "number", "number"),
              _prop("hs_lastmodifieddate", "Last modified date", "datetime", "date"),
              _prop("createdate", "Create date", "datetime", "date")]
    return {
        "companies": [*common,
            _prop("name", "Company name"),
            _prop("hubspot_owner_id", "Company owner", "enumeration", "select", owner=True),
            _prop("notes_last_contacted", "Last contacted", "datetime", "date"),
            _prop("hs_lifecyclestage_customer_date", "Became a Customer Date", "datetime",
                  "date"),
            _prop("fase_do_cliente", "Fase do cliente", "enumeration", "select", (
                ("Onboarding", "onboarding"), ("Adoção", "adocao"),
                ("Cliente ativo", "cliente_ativo"), ("Churn", "churn"))),
            _prop("cs_dias_entre_reunioes", "[CS] Dias entre reuniões", "number", "number"),
            _prop("proprietario_cs", "Proprietário CS", "enumeration", "select", owner=True),
            _prop("objetivo_da_contratacao", "Objetivo da contratação", "string", "textarea"),
        ],
        "tickets": [*common,
            _prop("subject", "Ticket name"),
            _prop("content", "Ticket description", "string", "textarea"),
            _prop("hs_pipeline", "Pipeline", "enumeration", "select"),
            _prop("hs_pipeline_stage", "Ticket status", "enumeration", "radio"),
            _prop("hs_ticket_priority", "Priority", "enumeration", "select", (
                ("Low", "LOW"), ("Medium", "MEDIUM"), ("High", "HIGH"), ("Urgent", "URGENT"))),
            _prop("hs_ticket_category", "Category", "enumeration", "checkbox", (
                ("Product issue", "PRODUCT_ISSUE"), ("Billing issue", "BILLING_ISSUE"),
                ("Feature request", "FEATURE_REQUEST"), ("General inquiry", "GENERAL_INQUIRY"))),
            _prop("closed_date", "Close date", "datetime", "date"),
            _prop("first_agent_reply_date", "First agent reply date", "datetime", "date"),
            _prop("hubspot_owner_id", "Ticket owner", "enumeration", "select", owner=True),
            _prop("hs_time_to_close_sla_status", "Time to close SLA status", "enumeration",
                  "select", (("Due", "DUE"), ("Overdue", "OVERDUE"),
                             ("Completed on time", "COMPLETED_ON_TIME"),
                             ("Completed late", "COMPLETED_LATE"))),
            _prop("tipo_de_ss", "Tipo de SS", "enumeration", "select", (
                ("Melhoria", "melhoria"), ("Correção", "correcao"))),
            _prop("estimativa_hh", "Estimativa HH", "number", "number"),
        ],
        "feedback_submissions": [*common,
            _prop("hs_survey_type", "Survey type", "enumeration", "select", (
                ("NPS", "NPS"), ("CSAT", "CSAT"), ("CES", "CES"), ("Custom", "CUSTOM"))),
            _prop("hs_value", "Response value", "number", "number"),
            _prop("hs_content", "Response", "string", "textarea"),
            _prop("hs_submission_timestamp", "Submission date", "datetime", "date"),
        ],
        "contacts": [*common, _prop("firstname", "First name"), _prop("email", "Email")],
    }


@dataclass
class Fault:
    """Answer the next matching request(s) badly: 429 (``policy`` TEN_SECONDLY_ROLLING or
    DAILY), 500, 401, 403, slow, drop, drop_after (do the work, then hang up without an
    answer), redirect (``status`` 301/302/307/308 to ``location``), huge (an endless body)
    or trickle (one byte every ``delay`` seconds)."""

    kind: str
    times: int = 1
    path: str = ""
    retry_after: str | None = "1"
    delay: float = 1.0
    location: str = ""
    status: int = 302
    policy: str = "TEN_SECONDLY_ROLLING"
    scope: str = ""


class ApiError(Exception):
    def __init__(self, status: int, message: str, category: str | None,
                 headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}
        self.body = {"status": "error", "message": message,
                     **({"category": category} if category else {}),
                     "correlationId": str(uuid.uuid4()), **extra}


def rate_limited(policy: str, headers: dict[str, str]) -> ApiError:
    """HubSpot's own 429: ``errorType`` RATE_LIMIT and the policy that was exceeded."""
    return ApiError(429, f"You have reached your {policy.lower()} limit.", None, headers,
                    errorType="RATE_LIMIT", policyName=policy,
                    groupName=f"publicapi:private-app:{TOKEN[-6:]}")


@dataclass
class Limiter:
    """A sliding window: at most ``requests`` per ``seconds``, counted when they arrive."""

    requests: int
    seconds: float
    policy: str = "TEN_SECONDLY_ROLLING"
    announce: bool = True  # send X-HubSpot-RateLimit-* on every answer (search does not)
    hits: list[float] = field(default_factory=list)

    def admit(self) -> dict[str, str]:
        """Count one request; its rate-limit headers, or the 429 HubSpot would answer."""
        moment = time.monotonic()
        self.hits = [t for t in self.hits if t > moment - self.seconds]
        headers = {"X-HubSpot-RateLimit-Max": str(self.requests),
                   "X-HubSpot-RateLimit-Interval-Milliseconds": str(int(self.seconds * 1000))}
        if len(self.hits) >= self.requests:
            raise rate_limited(self.policy, headers | {"X-HubSpot-RateLimit-Remaining": "0"})
        self.hits.append(moment)
        if not self.announce:
            return {}
        return headers | {"X-HubSpot-RateLimit-Remaining": str(self.requests - len(self.hits))}


@dataclass
class FakeHubSpot:
    """State of one fake account; ``url`` once started."""

    token: str = TOKEN
    page_size: int = 100
    portal_id: int = 4242
    rate_remaining: str = "150"
    companies: dict[str, dict[str, str]] = field(default_factory=dict)
    tickets: dict[str, dict[str, Any]] = field(default_factory=dict)
    feedback: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Contacts: ``{"properties": {...}, "companies": [ids], "primary": id}``; feedback
    # submissions may carry ``companies``, ``contacts`` and ``tickets`` id lists.
    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    owners: list[dict[str, str]] = field(default_factory=list)
    pipelines: list[dict[str, Any]] = field(default_factory=list)
    properties: dict[str, list[dict[str, Any]]] = field(default_factory=default_properties)
    # Object types this portal does not have (a 404 on every endpoint of the object).
    missing_objects: set[str] = field(default_factory=set)
    search_cap: int = SEARCH_CAP
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    meetings: dict[str, dict[str, Any]] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    # The fault layer's rate limits (None: unlimited): every request, and search requests.
    limiter: Limiter | None = None
    search_limiter: Limiter | None = None
    # Requests the limiters answered with 429.
    refused: list[str] = field(default_factory=list)
    # RETURN_EXISTING matches a file by folder and name only (its content is not compared).
    files_match_by_name: bool = False
    log: list[tuple[str, str, str]] = field(default_factory=list)
    # Every Authorization header received, in order (a server that must never see the token).
    authorizations: list[str] = field(default_factory=list)
    # When set, every list page answers with this same ``paging.next.after`` cursor.
    repeat_cursor: str | None = None
    url: str = ""
    _next_id: int = 1000
    _sorted: dict[str, tuple[int, list[str]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        fake = self

        class Handler(_Handler):
            state = fake

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        host, port = self._server.server_address[:2]
        self.url = f"http://{host}:{port}"
        threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True).start()

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def fail(self, kind: str, *, times: int = 1, path: str = "", **options: Any) -> None:
        """Make the next ``times`` requests whose path starts with ``path`` fail as ``kind``."""
        self.faults.append(Fault(kind, times, path, **options))

    def new_id(self) -> str:
        with self._lock:
            self._next_id += 1
            return str(self._next_id)

    def requests(self, method: str, prefix: str) -> list[str]:
        """Bodies of the requests received with this method and path prefix."""
        return [body for m, p, body in self.log if m == method and p.startswith(prefix)]

    def limit(self, requests: int, seconds: float, *, search: int | None = None,
              announce: bool = True) -> None:
        """Answer 429 past ``requests`` per ``seconds`` (and ``search`` searches a second);
        without ``announce``, successful answers carry no rate-limit headers."""
        self.limiter = Limiter(requests, seconds, announce=announce)
        self.search_limiter = Limiter(search, 1.0, "SECONDLY") if search else None

    def admit(self, path: str) -> dict[str, str]:
        """Rate-limit headers for one request, or the limiters' 429."""
        with self._lock:
            try:
                headers = self.limiter.admit() if self.limiter else {}
                if self.search_limiter and path.endswith("/search"):
                    self.search_limiter.admit()
            except ApiError:
                self.refused.append(path)
                raise
        return headers

    def take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if path.startswith(fault.path) and fault.times > 0:
                    fault.times -= 1
                    return fault
        return None

    # --- endpoints ------------------------------------------------------------------------
    def route(self, method: str, path: str, query: dict[str, str], headers: Any,
              raw: bytes) -> tuple[int, Any]:
        parts = path.strip("/").split("/")
        found = self.engagement_lookup(method, parts, query, raw)
        if found is not None:
            return 200, found
        if method == "POST" and path == "/files/v3/files":
            return self.upload(headers, raw)
        if method == "GET" and path == "/files/v3/files":
            return 200, {"results": [f["public"] for f in self.files.values()][:1]}
        if method == "GET" and path == "/account-info/v3/details":
            return 200, {"portalId": self.portal_id, "uiDomain": "app.hubspot.com",
                         "timeZone": "America/Sao_Paulo", "dataHostingLocation": "na1"}
        if method == "GET" and path == "/crm/v3/owners":
            return 200, self.page(self.owners, query)
        if method == "GET" and path == "/crm/v3/pipelines/tickets":
            return 200, {"results": self.pipelines}
        if method == "GET" and parts[:3] == ["crm", "v3", "properties"] and len(parts) in (4, 5):
            return 200, self.property_definitions(parts[3], parts[4] if len(parts) == 5 else None)
        if (method == "POST" and parts[:3] == ["crm", "v4", "associations"] and len(parts) == 7
                and parts[5:] == ["batch", "read"]):
            return self.batch_associations(parts[3], parts[4], _json(raw))
        if parts[:3] == ["crm", "v3", "objects"] and len(parts) >= 4:
            kind = parts[3]
            rest = parts[4:]
            if kind in self.missing_objects:
                raise ApiError(404, f"Unable to infer object type from: {kind}",
                               "OBJECT_NOT_FOUND")
            if method == "POST" and rest == ["search"] and kind in self.stores():
                return 200, self.search(kind, _json(raw))
            if method == "POST" and kind in ("notes", "meetings") and not rest:
                return self.create_engagement(kind, _json(raw))
            if kind == "companies" and len(rest) == 1 and method == "GET":
                return 200, self.company(rest[0], query)
            if kind == "companies" and len(rest) == 1 and method == "PATCH":
                return 200, self.patch_company(rest[0], _json(raw))
            if method == "GET" and not rest and kind in self.stores():
                return 200, self.list_objects(kind, query)
        raise ApiError(404, f"No route for {method} {path}", "OBJECT_NOT_FOUND")

    def engagement_lookup(self, method: str, parts: list[str], query: dict[str, str],
                          raw: bytes) -> dict[str, Any] | None:
        """A company's notes or meetings (v4 associations), and notes or meetings by id."""
        if (method == "GET" and parts[:3] == ["crm", "v4", "objects"] and len(parts) == 7
                and parts[3] == "companies" and parts[5] == "associations"
                and parts[6] in ("notes", "meetings")):
            store = self.notes if parts[6] == "notes" else self.meetings
            type_id = MEETING_TO_COMPANY if parts[6] == "meetings" else NOTE_TO_COMPANY
            linked = [{"toObjectId": int(i), "associationTypes": [
                {"category": "HUBSPOT_DEFINED", "typeId": type_id + 1, "label": None}]}
                for i, r in store.items()
                if any(str(a["to"]["id"]) == parts[4] for a in r["associations"])]
            return self.page(linked, query | {"limit": query.get("limit", "500")})
        if (method == "POST" and parts[:3] == ["crm", "v3", "objects"] and len(parts) == 6
                and parts[3] in ("notes", "meetings") and parts[4:] == ["batch", "read"]):
            store = self.notes if parts[3] == "notes" else self.meetings
            body = _json(raw)
            inputs = body.get("inputs") or []
            if len(inputs) > 100:
                raise ApiError(400, "Batch read accepts at most 100 inputs", "VALIDATION_ERROR")
            wanted = ",".join(body.get("properties") or [])
            return {"status": "COMPLETE", "results": [
                self.record(str(i["id"]), store[str(i["id"])]["properties"],
                            {"properties": wanted})
                for i in inputs if str(i.get("id")) in store]}
        return None

    def upload(self, headers: Any, raw: bytes) -> tuple[int, Any]:
        content_type = headers.get("Content-Type", "")
        if not content_type.startswith("multipart/form-data"):
            raise ApiError(415, "Content type must be multipart/form-data", "VALIDATION_ERROR")
        message = BytesParser(policy=policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + raw)
        fields: dict[str, str] = {}
        upload: tuple[str, bytes] | None = None
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if name == "file" and filename:
                upload = (filename, payload)
            elif isinstance(name, str):
                fields[name] = payload.decode()
        if upload is None:
            raise ApiError(400, "file is required", "VALIDATION_ERROR")
        try:
            options = json.loads(fields["options"])
        except (KeyError, ValueError):
            raise ApiError(400, "options must be a JSON object", "VALIDATION_ERROR") from None
        if options.get("access") not in ("PRIVATE", "PUBLIC_INDEXABLE", "PUBLIC_NOT_INDEXABLE",
                                          "HIDDEN_PRIVATE", "HIDDEN_INDEXABLE",
                                          "HIDDEN_NOT_INDEXABLE", "SENSITIVE"):
            raise ApiError(400, "options.access is required", "VALIDATION_ERROR")
        if ("folderPath" in fields) == ("folderId" in fields):
            raise ApiError(400, "Exactly one of folderPath or folderId is required",
                           "VALIDATION_ERROR")
        folder = fields.get("folderPath", "")
        filename, content = upload
        digest = hashlib.sha256(content).hexdigest()
        if options.get("duplicateValidationStrategy") == "RETURN_EXISTING":
            for existing in self.files.values():
                same = (existing["folder"], existing["filename"]) == (folder, filename)
                if same and (self.files_match_by_name or existing["sha"] == digest):
                    return 200, existing["public"]
        file_id = self.new_id()
        stem, _, extension = filename.rpartition(".")
        public = {
            "id": file_id, "name": stem or filename, "extension": extension,
            "path": f"{folder}/{filename}", "parentFolderId": "77", "size": len(content),
            "access": options["access"], "archived": False, "type": "OTHER",
            "url": f"https://f.hubspotusercontent.net/hubfs/{self.portal_id}{folder}/{filename}",
            "createdAt": "2026-05-10T12:00:00.000Z", "updatedAt": "2026-05-10T12:00:00.000Z",
        }
        self.files[file_id] = {"folder": folder, "filename": filename, "sha": digest,
                               "content": content, "public": public}
        return 201, public

    def create_engagement(self, kind: str, body: dict[str, Any]) -> tuple[int, Any]:
        properties = body.get("properties")
        if not isinstance(properties, dict) or not properties.get("hs_timestamp"):
            raise ApiError(400, "Property hs_timestamp is required", "VALIDATION_ERROR")
        if kind == "meetings":
            for name in ("hs_meeting_title", "hs_meeting_start_time", "hs_meeting_end_time"):
                if not properties.get(name):
                    raise ApiError(400, f"Property {name} is required", "VALIDATION_ERROR")
        expected = NOTE_TO_COMPANY if kind == "notes" else MEETING_TO_COMPANY
        for association in body.get("associations", []):
            target = str(association.get("to", {}).get("id"))
            if target not in self.companies:
                raise ApiError(400, f"Company {target} does not exist", "VALIDATION_ERROR")
            types = association.get("types") or [{}]
            if any(t.get("associationCategory") != "HUBSPOT_DEFINED"
                   or t.get("associationTypeId") != expected for t in types):
                raise ApiError(400, f"Invalid association type for {kind}", "VALIDATION_ERROR")
        for file_id in filter(None, str(properties.get("hs_attachment_ids", "")).split(";")):
            if file_id not in self.files:
                raise ApiError(400, f"Attachment {file_id} does not exist", "VALIDATION_ERROR")
        record_id = self.new_id()
        record = {"id": record_id, "properties": properties, "createdAt": "2026-05-10T12:00:00Z",
                  "updatedAt": "2026-05-10T12:00:00Z", "archived": False,
                  "associations": body.get("associations", [])}
        (self.notes if kind == "notes" else self.meetings)[record_id] = record
        return 201, {k: v for k, v in record.items() if k != "associations"}

    def company(self, company_id: str, query: dict[str, str]) -> dict[str, Any]:
        if company_id not in self.companies:
            raise ApiError(404, "Object not found. objectId are usually numeric.",
                           "OBJECT_NOT_FOUND")
        return self.record(company_id, self.companies[company_id], query)

    def patch_company(self, company_id: str, body: dict[str, Any]) -> dict[str, Any]:
        if company_id not in self.companies:
            raise ApiError(404, "Object not found.", "OBJECT_NOT_FOUND")
        changes = body.get("properties") or {}
        self.validate("companies", changes)
        self.companies[company_id].update({k: str(v) for k, v in changes.items()})
        return self.record(company_id, self.companies[company_id], {})

    def list_objects(self, kind: str, query: dict[str, str]) -> dict[str, Any]:
        limit = int(query.get("limit", "10"))
        if limit > 100:
            raise ApiError(400, "limit must be at most 100", "VALIDATION_ERROR")
        size = min(limit, self.page_size)
        start = _offset(query)
        ids = self.sorted_ids(kind)
        wanted = [a for a in query.get("associations", "").split(",") if a]
        results = []
        for record_id in ids[start:start + size]:
            record = self.record(record_id, self.values(kind, record_id), query)
            links = {to: {"results": [{"id": other, "type": f"{_singular(kind)}_to_"
                                       f"{_singular(to)}"} for other in targets]}
                     for to in wanted if (targets := self.links(kind, record_id, to))}
            if links:
                record["associations"] = links
            results.append(record)
        answer: dict[str, Any] = {"results": results}
        if self.repeat_cursor is not None:
            answer["paging"] = {"next": {"after": self.repeat_cursor}}
        elif start + size < len(ids):
            after = str(start + size)
            answer["paging"] = {"next": {"after": after, "link": f"?after={after}"}}
        return answer

    # --- data side: schema, associations, search -----------------------------------------
    def stores(self) -> dict[str, dict[str, Any]]:
        """The record stores by object type."""
        return {"companies": self.companies, "tickets": self.tickets,
                "feedback_submissions": self.feedback, "contacts": self.contacts}

    def values(self, kind: str, record_id: str) -> dict[str, Any]:
        """A record's stored property values (internal values)."""
        entry = self.stores()[kind][record_id]
        return entry if kind == "companies" else entry["properties"]

    def sorted_ids(self, kind: str) -> list[str]:
        """The ids of one object type in id order (cached while the store keeps its size)."""
        store = self.stores()[kind]
        cached = self._sorted.get(kind)
        if cached is None or cached[0] != len(store):
            cached = (len(store), sorted(store, key=int))
            self._sorted[kind] = cached
        return cached[1]

    def links(self, kind: str, record_id: str, to: str) -> list[str]:
        """The ids a record is associated with in object type ``to``."""
        if kind == "companies" or to not in LINKS:
            return []
        return [str(i) for i in self.stores()[kind][record_id].get(to, [])]

    def property_definitions(self, kind: str, name: str | None) -> dict[str, Any]:
        """``GET /crm/v3/properties/{object}[/{name}]``."""
        if kind in self.missing_objects or kind not in self.properties:
            raise ApiError(404, f"Unable to infer object type from: {kind}", "OBJECT_NOT_FOUND")
        if name is None:
            return {"results": self.properties[kind]}
        for definition in self.properties[kind]:
            if definition["name"] == name:
                return definition
        raise ApiError(404, f"Property {name} does not exist", "OBJECT_NOT_FOUND")

    def validate(self, kind: str, changes: dict[str, Any]) -> None:
        """A write's properties as HubSpot checks them: known names, option values only."""
        known = {d["name"]: d for d in self.properties.get(kind, [])}
        for name, value in changes.items():
            definition = known.get(name)
            if definition is None:
                raise ApiError(400, f'Property values were not valid: [{{"isValid":false,'
                               f'"message":"Property \\"{name}\\" does not exist",'
                               f'"error":"PROPERTY_DOESNT_EXIST","name":"{name}"}}]',
                               "VALIDATION_ERROR")
            if definition["type"] != "enumeration" or definition.get("referencedObjectType"):
                continue
            allowed = {o["value"] for o in definition["options"]}
            given = str(value).split(";") if definition["fieldType"] == "checkbox" else [
                str(value)]
            for item in given:
                if item and item not in allowed:
                    raise ApiError(400, f'Property values were not valid: [{{"isValid":false,'
                                   f'"message":"{item} was not one of the allowed options",'
                                   f'"error":"INVALID_OPTION","name":"{name}"}}]',
                                   "VALIDATION_ERROR")

    def batch_associations(self, kind: str, to: str, body: dict[str, Any]) -> tuple[int, Any]:
        """``POST /crm/v4/associations/{from}/{to}/batch/read``: 207 when some have none."""
        if kind in self.missing_objects or kind not in self.stores():
            raise ApiError(404, f"Unable to infer object type from: {kind}", "OBJECT_NOT_FOUND")
        inputs = body.get("inputs")
        if not isinstance(inputs, list) or not inputs:
            raise ApiError(400, "inputs is required", "VALIDATION_ERROR")
        if len(inputs) > BATCH_INPUTS:
            raise ApiError(400, f"Batch input size {len(inputs)} exceeds the limit of "
                           f"{BATCH_INPUTS}", "VALIDATION_ERROR")
        store = self.stores()[kind]
        results, errors = [], []
        for item in inputs:
            record_id = str(item.get("id"))
            targets = self.links(kind, record_id, to) if record_id in store else []
            if not targets:
                errors.append({"status": "error", "category": "OBJECT_NOT_FOUND",
                               "message": f"No {to} is associated with {kind} {record_id}",
                               "context": {"fromObjectId": [record_id]}})
                continue
            primary = store[record_id].get("primary") if kind == "contacts" else None
            to_list = []
            for other in targets:
                types = [{"category": "HUBSPOT_DEFINED", "typeId": CONTACT_TO_COMPANY,
                          "label": None}]
                if other == primary:
                    types.insert(0, {"category": "HUBSPOT_DEFINED",
                                     "typeId": CONTACT_TO_COMPANY_PRIMARY, "label": "Primary"})
                to_list.append({"toObjectId": int(other), "associationTypes": types})
            results.append({"from": {"id": record_id}, "to": to_list})
        answer: dict[str, Any] = {"status": "COMPLETE", "results": results,
                                  "startedAt": "2026-05-10T12:00:00Z",
                                  "completedAt": "2026-05-10T12:00:01Z"}
        if errors:
            answer |= {"numErrors": len(errors), "errors": errors}
        return (207 if errors else 200), answer

    def search(self, kind: str, body: dict[str, Any]) -> dict[str, Any]:
        """``POST /crm/v3/objects/{object}/search``: filters, one sort, 200 a page, 10,000 cap."""
        limit = int(body.get("limit", 10))
        if limit > SEARCH_PAGE:
            raise ApiError(400, f"limit must be at most {SEARCH_PAGE}", "VALIDATION_ERROR")
        after = int(body.get("after") or 0)
        if after + limit > self.search_cap:
            raise ApiError(400, "There was a problem with the request.", "VALIDATION_ERROR",
                           errors=[{"message": f"Cannot page past {self.search_cap} results",
                                    "code": "INVALID_LIMIT"}])
        groups = body.get("filterGroups") or []
        matching = [i for i in self.sorted_ids(kind)
                    if not groups or any(all(_matches(self.values(kind, i), f)
                                             for f in g.get("filters", [])) for g in groups)]
        for sort in reversed(body.get("sorts") or []):
            name = sort.get("propertyName", "")
            matching.sort(key=lambda i, n=name: _sortable(self.values(kind, i).get(n)),
                          reverse=sort.get("direction") == "DESCENDING")
        query = {"properties": ",".join(body.get("properties") or [])}
        page = [self.record(i, self.values(kind, i), query) for i in matching[after:after + limit]]
        answer: dict[str, Any] = {"total": len(matching), "results": page}
        if after + limit < len(matching):
            answer["paging"] = {"next": {"after": str(after + limit)}}
        return answer

    def page(self, items: list[dict[str, Any]], query: dict[str, str]) -> dict[str, Any]:
        start = _offset(query)
        size = min(int(query.get("limit", "100")), self.page_size)
        answer: dict[str, Any] = {"results": items[start:start + size]}
        if self.repeat_cursor is not None:
            answer["paging"] = {"next": {"after": self.repeat_cursor}}
        elif start + size < len(items):
            answer["paging"] = {"next": {"after": str(start + size)}}
        return answer

    @staticmethod
    def record(record_id: str, properties: dict[str, Any], query: dict[str, str]) -> dict[str, Any]:
        wanted = [p for p in query.get("properties", "").split(",") if p]
        shown = {k: v for k, v in properties.items() if not wanted or k in wanted}
        shown["hs_object_id"] = record_id
        return {"id": record_id, "properties": shown, "createdAt": "2026-01-01T00:00:00Z",
                "updatedAt": "2026-05-01T00:00:00Z", "archived": False}


class _QuietServer(ThreadingHTTPServer):
    """No traceback on stderr when a client hung up before a slow answer was written."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        return


def _singular(kind: str) -> str:
    return {"companies": "company", "feedback_submissions": "feedback_submission"}.get(
        kind, kind.rstrip("s"))


def _sortable(value: Any) -> tuple[int, float, str]:
    """A property value as a sort key: dates and numbers by value, text by text, empty first."""
    if value in (None, ""):
        return (0, 0.0, "")
    number = _number(value)
    return (1, number, "") if number is not None else (2, 0.0, str(value))


def _number(value: Any) -> float | None:
    """A number, an epoch in milliseconds or an ISO date as a number (milliseconds)."""
    text = str(value)
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000
    except ValueError:
        return None


def _matches(values: dict[str, Any], spec: dict[str, Any]) -> bool:
    """One search filter (EQ, NEQ, GT, GTE, LT, LTE, HAS_PROPERTY) against a record."""
    value = values.get(spec.get("propertyName", ""))
    operator = spec.get("operator", "EQ")
    if operator == "HAS_PROPERTY":
        return value not in (None, "")
    if operator == "NOT_HAS_PROPERTY":
        return value in (None, "")
    if value in (None, ""):
        return False
    wanted = spec.get("value")
    left, right = _number(value), _number(wanted)
    if left is None or right is None:
        left, right = str(value), str(wanted)  # type: ignore[assignment]
    comparisons = {"EQ": left == right, "NEQ": left != right, "GT": left > right,
                   "GTE": left >= right, "LT": left < right, "LTE": left <= right}
    if operator not in comparisons:
        raise ApiError(400, f"Unsupported operator {operator}", "VALIDATION_ERROR")
    return comparisons[operator]


def _offset(query: dict[str, str]) -> int:
    """The ``after`` cursor as a position; one this server did not give (``repeat_cursor``)
    restarts at the beginning."""
    after = query.get("after", "0")
    return int(after) if after.isdigit() else 0


def _json(raw: bytes) -> dict[str, Any]:
    try:
        parsed = json.loads(raw or b"{}")
    except ValueError:
        raise ApiError(400, "Invalid input JSON", "VALIDATION_ERROR") from None
    if not isinstance(parsed, dict):
        raise ApiError(400, "Invalid input JSON", "VALIDATION_ERROR")
    return parsed


class _Handler(BaseHTTPRequestHandler):
    state: FakeHubSpot

    def do_GET(self) -> None:
        self.handle_any("GET")

    def do_POST(self) -> None:
        self.handle_any("POST")

    def do_PATCH(self) -> None:
        self.handle_any("PATCH")

    def handle_any(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        split = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(split.query).items()}
        self.state.log.append((method, split.path, raw.decode("utf-8", "replace")))
        self.state.authorizations.append(self.headers.get("Authorization") or "")
        fault = self.state.take_fault(split.path)
        limits = {"X-HubSpot-RateLimit-Max": "190",
                  "X-HubSpot-RateLimit-Remaining": self.state.rate_remaining,
                  "X-HubSpot-RateLimit-Interval-Milliseconds": "10000"}
        try:
            limits = self.state.admit(split.path) if self.state.limiter else limits
            if fault is not None:
                self.apply(fault)
                if fault.kind in ("drop", "redirect", "huge", "trickle"):
                    return
            if self.headers.get("Authorization") != f"Bearer {self.state.token}":
                raise ApiError(401, "Authentication credentials not found. This API supports "
                               "OAuth 2.0 authentication.", "INVALID_AUTHENTICATION")
            status, body = self.state.route(method, split.path, query, self.headers, raw)
            headers = {}
        except ApiError as error:
            status, body, headers = error.status, error.body, error.headers
        if fault is not None and fault.kind == "drop_after":
            self.close_connection = True  # the work is done; the answer is lost
            return
        self.reply(status, body, limits | headers)

    def apply(self, fault: Fault) -> None:
        if fault.kind == "429":
            headers = {"X-HubSpot-RateLimit-Max": "190", "X-HubSpot-RateLimit-Remaining": "0",
                       "X-HubSpot-RateLimit-Interval-Milliseconds": "10000"}
            if fault.retry_after is not None:
                headers["Retry-After"] = fault.retry_after
            raise rate_limited(fault.policy, headers)
        if fault.kind == "500":
            raise ApiError(500, "internal error", "INTERNAL_ERROR")
        if fault.kind == "401":
            raise ApiError(401, "The OAuth token used to make this call expired.",
                           "EXPIRED_AUTHENTICATION")
        if fault.kind == "403":
            details = [{"message": "One or more of the following scopes are required.",
                        "context": {"requiredGranularScopes": [fault.scope]}}]
            raise ApiError(403, "This app hasn't been granted all required scopes to make this "
                           "call.", "MISSING_SCOPES", **({"errors": details} if fault.scope
                                                         else {}))
        if fault.kind == "slow":
            time.sleep(fault.delay)
        if fault.kind == "drop":
            self.close_connection = True
        if fault.kind == "redirect":
            self.send_response(fault.status)
            self.send_header("Location", fault.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
        if fault.kind == "trickle":  # a valid answer, one byte per ``delay`` seconds
            body = b'{"id": "101", "properties": {}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(fault.delay)
            except OSError:
                return
        if fault.kind == "huge":  # a body without end, until the client hangs up
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.close_connection = True
            try:
                self.wfile.write(b'{"results": [')
                for _ in range(200_000):
                    self.wfile.write(b"0," * 512)
            except OSError:
                return

    def reply(self, status: int, body: Any, headers: dict[str, str]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        return


@contextmanager
def running(server: FakeHubSpot) -> Iterator[FakeHubSpot]:
    """``server`` started, with deckgen's environment pointing at it, and stopped after."""
    import pytest

    server.start()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("HUBSPOT_TOKEN", TOKEN)
            patch.setenv("DECKGEN_HUBSPOT_URL", server.url)
            patch.setenv("NO_PROXY", "127.0.0.1")
            yield server
    finally:
        server.stop()
