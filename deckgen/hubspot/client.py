"""One HTTP conversation with HubSpot: bearer auth, pacing under the rate limits, bounded
retries with backoff, dry runs.

Every request waits for a free slot in a sliding window of ``Pacing.requests`` per
``Pacing.window`` seconds (and, for search requests, ``search_per_second`` per second), so a
long pull does not run into HubSpot's 429s; a 429 that comes anyway is waited out for at most
``Pacing.patience`` seconds. A create whose answer is lost (timeout, dropped connection, 5xx)
is retried only after ``recover`` has looked for the object the first attempt may have made.

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
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from deckgen.errors import PublishError
from deckgen.hubspot.terminal import TerminalStatus

RETRYABLE = frozenset({429, 500, 502, 503, 504})
LONG_TEXT = 300
MAX_ANSWER_BYTES = 64 << 20
_CHUNK = 64 << 10
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})
# Which deckgen command needs each private-app scope (for 403 messages; docs/hubspot.md).
NEEDED_BY = {
    "files": "deckgen publish",
    "crm.objects.contacts.write": "deckgen publish",
    "crm.objects.contacts.read": "deckgen publish (to find a note after a lost answer)",
    "crm.objects.companies.read": "deckgen pull, publish and hubspot set-phase",
    "crm.objects.companies.write": "deckgen hubspot set-phase",
    "tickets": "deckgen pull",
    "crm.objects.feedback_submissions.read": "deckgen pull",
    "crm.objects.owners.read": "deckgen pull",
}


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
class Pacing:
    """HubSpot's limits as deckgen keeps under them (``[hubspot.pacing]``): requests per
    window, search requests per second, and how long a 429 is waited out before giving up."""

    requests: int = 100
    window: float = 10.0
    search_per_second: int = 5
    patience: float = 300.0


class _Window:
    """A sliding window of the times requests ended: how long until one more may start."""

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._ended: deque[float] = deque()

    def wait(self, now: float) -> float:
        """Seconds to wait so that at most ``limit`` requests fall in the last ``seconds``."""
        while self._ended and self._ended[0] <= now - self.seconds:
            self._ended.popleft()
        if len(self._ended) < self.limit:
            return 0.0
        return max(0.0, self._ended[-self.limit] + self.seconds - now)

    def oldest(self) -> float | None:
        """When the oldest request still counted ended; None when none is."""
        return self._ended[0] if self._ended else None

    def record(self, moment: float) -> None:
        """Count a request that ended at ``moment`` (HubSpot received it before then)."""
        self._ended.append(moment)
        while len(self._ended) > self.limit:
            self._ended.popleft()


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
    """A transient failure: what happened, how long HubSpot asked us to wait, whether it was
    rate limiting (``policy``), and whether HubSpot may have acted on the request (``sent``)."""

    def __init__(self, reason: str, wait: float | None = None, *, sent: bool = False,
                 policy: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait
        self.sent = sent
        self.policy = policy


class HubSpotClient:
    """Send JSON and multipart requests to HubSpot; in a dry run, print them instead."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        token_env: str = "HUBSPOT_TOKEN",
        retry: RetryPolicy | None = None,
        pacing: Pacing | None = None,
        dry_run: bool = False,
        echo: Callable[[str], None] = print,
        status: TerminalStatus | None = None,
    ) -> None:
        self.base_url = check_base_url(base_url)
        self.dry_run = dry_run
        self._opener = urllib.request.build_opener(_SameOrigin(origin(self.base_url)))
        self._token = token
        self._token_env = token_env
        self._retry = retry or RetryPolicy()
        self._pacing = pacing or Pacing()
        self._burst = _Window(self._pacing.requests, self._pacing.window)
        self._searches = _Window(self._pacing.search_per_second, 1.0)
        self._echo = echo
        self._status = status
        self._not_before = 0.0
        self.sent = 0

    def get(self, path: str, params: Mapping[str, str] | None = None) -> dict[str, Any]:
        """GET ``path`` and return the JSON answer."""
        return self.request("GET", path, params=params)

    def post(self, path: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST a JSON body (HubSpot's read-only POSTs: search, batch read)."""
        return self.request("POST", path, body=body)

    def create(self, path: str, body: Mapping[str, Any],
               recover: Callable[[], dict[str, Any] | None]) -> dict[str, Any]:
        """POST a JSON body that creates an object; when an attempt's answer is lost,
        ``recover`` looks for the object it made before the create is sent again."""
        return self.request("POST", path, body=body, recover=recover)

    def patch(self, path: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """PATCH a JSON body."""
        return self.request("PATCH", path, body=body)

    def upload(self, path: str, upload: Upload) -> dict[str, Any]:
        """POST a multipart/form-data body (the file manager's duplicate check makes a retry
        return the stored file)."""
        return self.request("POST", path, upload=upload)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        upload: Upload | None = None,
        recover: Callable[[], dict[str, Any] | None] | None = None,
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
        answer = self._with_retries(method, path, url, data, headers, recover)
        if isinstance(answer, dict):
            return answer
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
        self, method: str, path: str, url: str, data: bytes | None, headers: dict[str, str],
        recover: Callable[[], dict[str, Any] | None] | None,
    ) -> _Answer | dict[str, Any]:
        policy = self._retry
        started = policy.clock()
        limited_since: float | None = None
        limited_for = 0.0  # seconds spent waiting out 429s: patience, not the retry budget
        attempt = 0
        while True:
            attempt += 1
            self._pace(method, path)
            try:
                return self._check(method, path, self._send(method, url, data, headers))
            except _Retry as problem:
                now = policy.clock()
                if problem.policy is not None:  # rate limited: patience, not attempts
                    attempt -= 1
                    limited_since = now if limited_since is None else limited_since
                    delay = problem.wait if problem.wait is not None else self._pacing.window
                    if now - limited_since + delay > self._pacing.patience:
                        raise PublishError(
                            f"HubSpot kept refusing {method} {path} for its rate limit "
                            f"({problem.policy}) longer than [hubspot.pacing] patience_seconds "
                            f"= {self._pacing.patience:g}; stopped, try again later") from None
                    limited_for += delay
                else:
                    delay = problem.wait if problem.wait is not None else policy.backoff(attempt)
                    elapsed = now - started - limited_for
                    if attempt >= policy.max_attempts or elapsed + delay > policy.max_total_seconds:
                        raise PublishError(self.mask(
                            f"HubSpot did not complete {method} {path} after {attempt} attempts "
                            f"in {elapsed:.0f} s (last: {problem.reason}); try again later"
                        )) from None
                self._wait(delay, f"retrying {method} {path} in {delay:.0f} s ({problem.reason})")
                if problem.sent and recover is not None:
                    found = recover()
                    if found is not None:
                        return found
            finally:
                if self._status is not None:
                    self._status.clear()

    def _pace(self, method: str, path: str) -> None:
        """Wait for a free slot in the burst window (and the search window for a search)."""
        now = self._retry.clock()
        wait = max(self._not_before - now, self._burst.wait(now),
                   self._searches.wait(now) if path.endswith("/search") else 0.0)
        if wait > 0:
            self._wait(wait, f"waiting {wait:.0f} s to stay under {self._pacing.requests} "
                             f"requests / {self._pacing.window:g} s")
        self.sent += 1
        if self._status is not None:
            self._status.show(f"HubSpot: request {self.sent}, {method} {path}")

    def _wait(self, seconds: float, why: str) -> None:
        if self._status is not None:
            self._status.show(f"HubSpot: {self.sent} requests so far; {why}")
        self._retry.sleep(seconds)

    def _ended(self, path: str) -> None:
        """Count a request that may have reached HubSpot in the pacing windows."""
        now = self._retry.clock()
        self._burst.record(now)
        if path.endswith("/search"):
            self._searches.record(now)

    def _send(self, method: str, url: str, data: bytes | None, headers: dict[str, str]) -> _Answer:
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        path = urllib.parse.urlsplit(url).path
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
        except urllib.error.URLError as error:  # raised before the request was sent in full
            raise self._unreachable(error.reason) from None
        except TimeoutError:
            raise _Retry(f"no answer within {self._retry.timeout:g} s", sent=True) from None
        except (http.client.HTTPException, OSError):
            raise _Retry("the connection closed before HubSpot answered", sent=True) from None
        finally:
            self._ended(path)

    def _unreachable(self, reason: object) -> Exception:
        """A sentence for a connection that could not be made (never an exception's name)."""
        _, host, port = origin(self.base_url)
        where = f"could not reach HubSpot at {host}" + (f":{port}" if port not in (80, 443)
                                                        else "")
        if isinstance(reason, socket.gaierror):
            return PublishError(f"{where}: name resolution failed — are you offline?")
        if isinstance(reason, ssl.SSLCertVerificationError):
            return PublishError(f"{where}: its TLS certificate was refused "
                                f"({reason.verify_message}); is a proxy intercepting HTTPS, or "
                                "is the system clock wrong?")
        if isinstance(reason, ssl.SSLError):
            return _Retry(f"{where}: the TLS handshake failed ({reason.reason or reason})")
        if isinstance(reason, ConnectionRefusedError):
            return _Retry(f"{where}: connection refused")
        if isinstance(reason, TimeoutError):
            return _Retry(f"{where}: no connection within {self._retry.timeout:g} s")
        if isinstance(reason, OSError) and reason.strerror:
            return _Retry(f"{where}: {reason.strerror.lower()}")
        return _Retry(f"{where}: {reason}")

    def _check(self, method: str, path: str, answer: _Answer) -> _Answer:
        if answer.status < 400:
            self._note_rate_limit(answer.headers)
            return answer
        error = _error_body(answer.body)
        detail = _one_line(str(error.get("message") or ""))
        if answer.status == 429:
            policy = str(error.get("policyName") or error.get("errorType") or "HTTP 429")
            if policy == "DAILY":
                raise HubSpotError("HubSpot's daily API limit is used up (policy DAILY); try "
                                   "again tomorrow", 429)
            raise _Retry(f"HTTP 429: {detail or 'rate limited'}", _retry_after(answer.headers),
                         policy=policy)
        if answer.status in RETRYABLE:
            raise _Retry(f"HTTP {answer.status}" + (f": {detail}" if detail else ""), sent=True)
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
            stated = _required_scope(error)
            scope = stated or likely_scope(method, path)
            needed = NEEDED_BY.get(scope, "this command")
            return (f"HubSpot refused {where} (HTTP 403): the private app is "
                    f"{'' if stated else 'probably '}missing the scope '{scope}', which "
                    f"{needed} needs; add it to the app and paste the new token")
        category = error.get("category")
        label = f"HTTP {status}" + (f", {category}" if category else "")
        return f"HubSpot refused {where} ({label})" + (f": {detail}" if detail else "")

    def _note_rate_limit(self, headers: Mapping[str, str]) -> None:
        """Follow HubSpot's own count: a lower limit than configured for the same window is
        adopted, and after the last request a window allows, the next waits until the oldest
        request this client counted has left HubSpot's window (not a whole window)."""
        lowered = {k.lower(): v for k, v in headers.items()}
        remaining = lowered.get("x-hubspot-ratelimit-remaining")
        interval = lowered.get("x-hubspot-ratelimit-interval-milliseconds")
        most = lowered.get("x-hubspot-ratelimit-max", "")
        if (most.strip().isdigit() and 0 < int(most) < self._burst.limit
                and interval == str(int(self._burst.seconds * 1000))):
            self._burst.limit = int(most)
        if remaining is not None and remaining.strip() == "0" and interval:
            try:
                pause = min(float(interval) / 1000, self._retry.max_delay)
            except ValueError:
                return
            now = self._retry.clock()
            oldest = self._burst.oldest()
            self._not_before = now + pause if oldest is None else min(now + pause, oldest + pause)


def likely_scope(method: str, path: str) -> str:
    """The private-app scope a request to ``path`` needs (for 403 messages)."""
    if path.startswith("/files/"):
        return "files"
    for marker, scope in (
        ("/crm/v4/objects/companies/", "crm.objects.companies.read"),
        ("/batch/read", "crm.objects.contacts.read"),
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


def _required_scope(error: Mapping[str, Any]) -> str | None:
    """The scope a 403 body names (``errors[].context.requiredGranularScopes``), if any."""
    for detail in error.get("errors") or []:
        context = detail.get("context") if isinstance(detail, dict) else None
        for key in ("requiredGranularScopes", "requiredScopes", "missingScopes"):
            scopes = context.get(key) if isinstance(context, dict) else None
            if isinstance(scopes, list) and scopes and isinstance(scopes[0], str):
                return scopes[0]
    return None


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
