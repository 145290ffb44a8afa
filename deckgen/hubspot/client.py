"""One HTTP conversation with HubSpot: bearer auth, bounded retries with backoff, dry runs.

The token goes to the configured base URL only: the address must be ``https://`` (``http://``
only on the loopback interface, for tests and local proxies), a redirect to another origin
(scheme, host or port) is refused as an error, and an answer larger than ``MAX_ANSWER_BYTES``
is refused instead of filling memory.
"""

from __future__ import annotations

import email.utils
import http.client
import ipaddress
import json
import random
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from deckgen.errors import PublishError

RETRYABLE = frozenset({429, 500, 502, 503, 504})
LONG_TEXT = 300
MAX_ANSWER_BYTES = 64 << 20
_CHUNK = 64 << 10
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


class HubSpotError(PublishError):
    """HubSpot answered with an error status that retrying will not fix."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry; ``sleep``, ``clock`` and ``jitter`` are injectable."""

    max_attempts: int = 6
    max_total_seconds: float = 120.0
    base_delay: float = 1.0
    max_delay: float = 30.0
    timeout: float = 30.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    jitter: Callable[[], float] = random.random

    def backoff(self, attempt: int) -> float:
        """Exponential delay before retry ``attempt`` (1-based), with equal jitter."""
        cap = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return cap / 2 + cap / 2 * self.jitter()


@dataclass(frozen=True)
class Upload:
    """A multipart/form-data body: plain text fields and one file."""

    fields: Mapping[str, str]
    file_name: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass
class _Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of a URL, the port made explicit."""
    parts = urllib.parse.urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    default = {"https": 443, "http": 80}.get(parts.scheme.lower())
    return parts.scheme.lower(), (parts.hostname or "").lower(), port or default


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine: localhost, 127.0.0.0/8 or ::1."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str:
    """``url`` without a trailing slash when it is a safe API address, else a PublishError."""
    scheme, host, port = origin(url)
    parts = urllib.parse.urlsplit(url)
    if not host or port == -1 or parts.username or parts.password or parts.query or parts.fragment:
        raise PublishError(f"HubSpot address {url!r} is not a plain https://host[:port][/path] URL")
    if scheme == "https" or (scheme == "http" and is_loopback(host)):
        return url.rstrip("/")
    raise PublishError(f"HubSpot address {url!r}: only https:// is allowed (http:// only on "
                       "localhost, 127.0.0.0/8 or ::1), so the token never travels in clear text")


class _SameOrigin(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only within the base URL's origin; anything else is an error."""

    def __init__(self, allowed: tuple[str, str, int | None]) -> None:
        self.allowed = allowed

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        target = urllib.parse.urljoin(req.full_url, newurl)
        if origin(target) != self.allowed:
            scheme, host, port = origin(target)
            raise _RedirectRefused(f"HubSpot answered {req.get_method()} "
                                   f"{urllib.parse.urlsplit(req.full_url).path} with a redirect "
                                   f"(HTTP {code}) to another server, {scheme}://{host}:{port}; "
                                   "refused, the token is sent to the configured address only")
        return super().redirect_request(req, fp, code, msg, headers, target)


class _RedirectRefused(urllib.error.URLError):
    """A redirect left the configured origin."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Retry(Exception):
    """A transient failure: what happened and how long HubSpot asked us to wait."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class HubSpotClient:
    """Send JSON and multipart requests to HubSpot; in a dry run, print them instead."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        token_env: str = "HUBSPOT_TOKEN",
        retry: RetryPolicy | None = None,
        dry_run: bool = False,
        echo: Callable[[str], None] = print,
    ) -> None:
        self.base_url = check_base_url(base_url)
        self.dry_run = dry_run
        self._opener = urllib.request.build_opener(_SameOrigin(origin(self.base_url)))
        self._token = token
        self._token_env = token_env
        self._retry = retry or RetryPolicy()
        self._echo = echo
        self._not_before = 0.0

    def get(self, path: str, params: Mapping[str, str] | None = None) -> dict[str, Any]:
        """GET ``path`` and return the JSON answer."""
        return self.request("GET", path, params=params)

    def post(self, path: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST a JSON body."""
        return self.request("POST", path, body=body)

    def patch(self, path: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """PATCH a JSON body."""
        return self.request("PATCH", path, body=body)

    def upload(self, path: str, upload: Upload) -> dict[str, Any]:
        """POST a multipart/form-data body."""
        return self.request("POST", path, upload=upload)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        upload: Upload | None = None,
    ) -> dict[str, Any]:
        """Send one request (retrying transient failures); ``{}`` in a dry run."""
        url = self.base_url + path + (f"?{urllib.parse.urlencode(params)}" if params else "")
        if self.dry_run:
            self._echo(self.mask(f"{method} {url}\n  Authorization: Bearer ***\n"
                                 f"  {self._describe(body, upload)}"))
            return {}
        data, content_type = _encode(body, upload)
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        if content_type:
            headers["Content-Type"] = content_type
        answer = self._with_retries(method, path, url, data, headers)
        if not answer.body.strip():
            return {}
        try:
            parsed = json.loads(answer.body)
        except (ValueError, RecursionError):
            raise PublishError(f"HubSpot answered {method} {path} with no JSON") from None
        return parsed if isinstance(parsed, dict) else {"results": parsed}

    def mask(self, text: str) -> str:
        """``text`` with the token replaced by ``***``."""
        return text.replace(self._token, "***") if self._token else text

    def _describe(self, body: Mapping[str, Any] | None, upload: Upload | None) -> str:
        if upload is not None:
            fields = ", ".join(f"{k}={v}" for k, v in upload.fields.items())
            return (f"multipart: file={upload.file_name} ({len(upload.content):,} bytes, "
                    f"{upload.content_type}), {fields}")
        if body is None:
            return "(no body)"
        return json.dumps(_shorten(body), ensure_ascii=False, sort_keys=True)

    def _with_retries(
        self, method: str, path: str, url: str, data: bytes | None, headers: dict[str, str]
    ) -> _Answer:
        policy = self._retry
        started = policy.clock()
        attempt = 0
        while True:
            attempt += 1
            wait = self._not_before - policy.clock()
            if wait > 0:
                policy.sleep(wait)
            try:
                return self._check(method, path, self._send(method, url, data, headers))
            except _Retry as problem:
                delay = problem.wait if problem.wait is not None else policy.backoff(attempt)
                elapsed = policy.clock() - started
                if attempt >= policy.max_attempts or elapsed + delay > policy.max_total_seconds:
                    raise PublishError(self.mask(
                        f"HubSpot did not complete {method} {path} after {attempt} attempts in "
                        f"{elapsed:.0f} s (last: {problem.reason}); try again later"
                    )) from None
                policy.sleep(delay)

    def _send(self, method: str, url: str, data: bytes | None, headers: dict[str, str]) -> _Answer:
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with self._opener.open(request, timeout=self._retry.timeout) as response:
                return _Answer(response.status, dict(response.headers.items()),
                               _read_bounded(response, method, url, self._retry.timeout))
        except urllib.error.HTTPError as error:
            with error:
                return _Answer(error.code, dict(error.headers.items()),
                               _read_bounded(error, method, url, self._retry.timeout))
        except _RedirectRefused as refused:
            raise PublishError(self.mask(refused.message)) from None
        except TimeoutError:
            raise _Retry("no answer within the time limit") from None
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            reason = getattr(error, "reason", error)
            raise _Retry(f"connection failed: {type(reason).__name__}") from None

    def _check(self, method: str, path: str, answer: _Answer) -> _Answer:
        if answer.status < 400:
            self._note_rate_limit(answer.headers)
            return answer
        error = _error_body(answer.body)
        detail = _one_line(str(error.get("message") or ""))
        if answer.status in RETRYABLE:
            if answer.status == 429 and error.get("policyName") == "DAILY":
                raise HubSpotError("HubSpot's daily API limit is used up; try again tomorrow", 429)
            wait = _retry_after(answer.headers) if answer.status == 429 else None
            raise _Retry(f"HTTP {answer.status}" + (f": {detail}" if detail else ""), wait)
        raise HubSpotError(self.mask(self._explain(method, path, answer.status, error, detail)),
                           answer.status)

    def _explain(
        self, method: str, path: str, status: int, error: Mapping[str, Any], detail: str
    ) -> str:
        where = f"{method} {path.split('?')[0]}"
        if status == 401:
            return (f"HubSpot rejected the token in ${self._token_env} (HTTP 401 on {where}): "
                    "it is invalid, expired or revoked; create a new private-app token "
                    "(docs/hubspot.md)")
        if status == 403:
            scope = likely_scope(method, path)
            return (f"HubSpot refused {where} (HTTP 403): the private app is probably missing the "
                    f"scope '{scope}'; add it to the app and paste the new token")
        category = error.get("category")
        label = f"HTTP {status}" + (f", {category}" if category else "")
        return f"HubSpot refused {where} ({label})" + (f": {detail}" if detail else "")

    def _note_rate_limit(self, headers: Mapping[str, str]) -> None:
        """After the last request of a window, wait for the window to pass before the next."""
        lowered = {k.lower(): v for k, v in headers.items()}
        remaining = lowered.get("x-hubspot-ratelimit-remaining")
        interval = lowered.get("x-hubspot-ratelimit-interval-milliseconds")
        if remaining is not None and remaining.strip() == "0" and interval:
            try:
                pause = min(float(interval) / 1000, self._retry.max_delay)
            except ValueError:
                return
            self._not_before = self._retry.clock() + pause


def likely_scope(method: str, path: str) -> str:
    """The private-app scope a request to ``path`` needs (for 403 messages)."""
    if path.startswith("/files/"):
        return "files"
    for marker, scope in (
        ("/objects/feedback_submissions", "crm.objects.feedback_submissions.read"),
        ("/properties/feedback_submissions", "crm.objects.feedback_submissions.read"),
        ("/objects/tickets", "tickets"),
        ("/properties/tickets", "tickets"),
        ("/pipelines/tickets", "tickets"),
        ("/objects/contacts", "crm.objects.contacts.read"),
        ("/associations/contacts/", "crm.objects.contacts.read"),
        ("/objects/notes", "crm.objects.contacts.write"),
        ("/objects/meetings", "crm.objects.contacts.write"),
        ("/owners", "crm.objects.owners.read"),
    ):
        if marker in path:
            return scope
    if "/objects/companies" in path or "/properties/companies" in path:
        return "crm.objects.companies.write" if method == "PATCH" else "crm.objects.companies.read"
    return "oauth"


def _encode(body: Mapping[str, Any] | None, upload: Upload | None) -> tuple[bytes | None, str]:
    if upload is not None:
        boundary = f"deckgen-{uuid.uuid4().hex}"
        parts: list[bytes] = []
        for name, value in upload.fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                         .encode() + value.encode() + b"\r\n")
        quoted = upload.file_name.replace('"', "%22")
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                     f'filename="{quoted}"\r\nContent-Type: {upload.content_type}\r\n\r\n'.encode()
                     + upload.content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return b"".join(parts), f"multipart/form-data; boundary={boundary}"
    if body is not None:
        return json.dumps(body).encode(), "application/json"
    return None, ""


def _read_bounded(response: Any, method: str, url: str, seconds: float) -> bytes:
    """The answer's body, read as it arrives: refused past ``MAX_ANSWER_BYTES``, and retried
    when it takes longer than ``seconds`` in all (a server trickling bytes never times out
    a single read)."""
    read = getattr(response, "read1", response.read)
    ends = time.monotonic() + seconds
    chunks: list[bytes] = []
    total = 0
    while chunk := read(_CHUNK):
        total += len(chunk)
        if total > MAX_ANSWER_BYTES:
            path = urllib.parse.urlsplit(url).path
            raise PublishError(f"HubSpot's answer to {method} {path} is larger than "
                               f"{MAX_ANSWER_BYTES >> 20} MB; refused")
        if time.monotonic() > ends:
            raise _Retry(f"the answer took more than {seconds:g} s to arrive")
        chunks.append(chunk)
    return b"".join(chunks)


def _error_body(raw: bytes) -> dict[str, Any]:
    try:
        parsed = json.loads(raw)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _retry_after(headers: Mapping[str, str]) -> float | None:
    lowered = {k.lower(): v for k, v in headers.items()}
    value = lowered.get("retry-after")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                return None
            return max(0.0, (when - datetime.now(UTC)).total_seconds())
    interval = lowered.get("x-hubspot-ratelimit-interval-milliseconds")
    if lowered.get("x-hubspot-ratelimit-remaining", "").strip() == "0" and interval:
        try:
            return float(interval) / 1000
        except ValueError:
            return None
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())[:LONG_TEXT]


def _shorten(value: Any) -> Any:
    if isinstance(value, str) and len(value) > LONG_TEXT:
        return f"{value[:LONG_TEXT]}… ({len(value):,} characters)"
    if isinstance(value, Mapping):
        return {k: _shorten(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shorten(v) for v in value]
    return value
