"""A fake HubSpot API on 127.0.0.1: the endpoints deckgen uses, their shapes, faults on demand."""

from __future__ import annotations

import hashlib
import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "pat-na1-test-0123456789abcdef"
NOTE_TO_COMPANY = 190
MEETING_TO_COMPANY = 188


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
    owners: list[dict[str, str]] = field(default_factory=list)
    pipelines: list[dict[str, Any]] = field(default_factory=list)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    meetings: dict[str, dict[str, Any]] = field(default_factory=dict)
    company_schema: set[str] = field(default_factory=lambda: {
        "name", "hubspot_owner_id", "fase_do_cliente", "cs_dias_entre_reunioes",
        "proprietario_cs", "notes_last_contacted", "hs_lifecyclestage_customer_date"})
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
        if method == "GET" and path == "/account-info/v3/details":
            return 200, {"portalId": self.portal_id, "uiDomain": "app.hubspot.com",
                         "timeZone": "America/Sao_Paulo", "dataHostingLocation": "na1"}
        if method == "GET" and path == "/crm/v3/owners":
            return 200, self.page(self.owners, query)
        if method == "GET" and path == "/crm/v3/pipelines/tickets":
            return 200, {"results": self.pipelines}
        if parts[:3] == ["crm", "v3", "objects"] and len(parts) >= 4:
            kind = parts[3]
            rest = parts[4:]
            if method == "POST" and kind in ("notes", "meetings") and not rest:
                return self.create_engagement(kind, _json(raw))
            if kind == "companies" and len(rest) == 1 and method == "GET":
                return 200, self.company(rest[0], query)
            if kind == "companies" and len(rest) == 1 and method == "PATCH":
                return 200, self.patch_company(rest[0], _json(raw))
            if method == "GET" and not rest and kind in ("companies", "tickets",
                                                         "feedback_submissions"):
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
        unknown = [name for name in changes if name not in self.company_schema]
        if unknown:
            raise ApiError(400, f"Property values were not valid: {unknown[0]} does not exist",
                           "VALIDATION_ERROR")
        self.companies[company_id].update({k: str(v) for k, v in changes.items()})
        return self.record(company_id, self.companies[company_id], {})

    def list_objects(self, kind: str, query: dict[str, str]) -> dict[str, Any]:
        store = {"companies": self.companies, "tickets": self.tickets,
                 "feedback_submissions": self.feedback}[kind]
        limit = int(query.get("limit", "10"))
        if limit > 100:
            raise ApiError(400, "limit must be at most 100", "VALIDATION_ERROR")
        size = min(limit, self.page_size)
        start = _offset(query)
        ids = sorted(store, key=int)
        results = []
        for record_id in ids[start:start + size]:
            entry = store[record_id]
            properties = entry if kind == "companies" else entry["properties"]
            record = self.record(record_id, properties, query)
            if query.get("associations") == "companies" and kind != "companies":
                links = [{"id": c, "type": f"{kind.rstrip('s')}_to_company"}
                         for c in entry.get("companies", [])]
                if links:
                    record["associations"] = {"companies": {"results": links}}
            results.append(record)
        answer: dict[str, Any] = {"results": results}
        if self.repeat_cursor is not None:
            answer["paging"] = {"next": {"after": self.repeat_cursor}}
        elif start + size < len(ids):
            after = str(start + size)
            answer["paging"] = {"next": {"after": after, "link": f"?after={after}"}}
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
