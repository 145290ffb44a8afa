"""Retries, rate limits and error messages of the HTTP client, against the fake server."""

from __future__ import annotations

import pytest
from fake_hubspot import TOKEN, FakeHubSpot

from deckgen.errors import PublishError
from deckgen.hubspot.client import HubSpotClient, RetryPolicy

COMPANY = "/crm/v3/objects/companies/101"


class Clock:
    """A clock that only moves when the client sleeps; records every sleep."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def policy(self, **options: float) -> RetryPolicy:
        return RetryPolicy(sleep=self.sleep, clock=lambda: self.now, jitter=lambda: 1.0,
                           **options)  # type: ignore[arg-type]


def client(fake: FakeHubSpot, clock: Clock, token: str = TOKEN, **options: float) -> HubSpotClient:
    return HubSpotClient(fake.url, token, retry=clock.policy(**options))


def test_429_waits_retry_after_then_succeeds(fake: FakeHubSpot) -> None:
    clock = Clock()
    fake.fail("429", retry_after="2")
    answer = client(fake, clock).get(COMPANY, {"properties": "name"})
    assert answer["properties"]["name"] == "Padaria Pão Quente"
    assert clock.sleeps[0] == 2.0
    assert len(fake.requests("GET", COMPANY)) == 2


def test_429_without_retry_after_waits_the_rate_limit_interval(fake: FakeHubSpot) -> None:
    clock = Clock()
    fake.fail("429", retry_after=None)
    client(fake, clock).get(COMPANY)
    # X-HubSpot-RateLimit-Remaining: 0 and Interval-Milliseconds: 10000 → 10 s.
    assert 10.0 in clock.sleeps


def test_repeated_500_gives_up_with_a_clear_message(fake: FakeHubSpot) -> None:
    clock = Clock()
    fake.fail("500", times=50)
    with pytest.raises(PublishError) as caught:
        client(fake, clock, max_attempts=4).get(COMPANY)
    assert str(caught.value) == (
        f"HubSpot did not complete GET {COMPANY} after 4 attempts in 7 s "
        "(last: HTTP 500: internal error); try again later"
    )
    assert len(fake.requests("GET", COMPANY)) == 4
    assert clock.sleeps == [1.0, 2.0, 4.0]


def test_total_time_is_bounded(fake: FakeHubSpot) -> None:
    clock = Clock()
    fake.fail("500", times=50)
    with pytest.raises(PublishError, match="after 3 attempts"):
        client(fake, clock, max_attempts=20, max_total_seconds=5).get(COMPANY)
    assert sum(clock.sleeps) <= 5


def test_backoff_is_capped_and_jittered() -> None:
    policy = RetryPolicy(base_delay=1, max_delay=8, jitter=lambda: 0.0)
    assert [policy.backoff(n) for n in (1, 2, 3, 4, 5, 6)] == [0.5, 1, 2, 4, 4, 4]


def test_dropped_connection_is_retried(fake: FakeHubSpot) -> None:
    clock = Clock()
    fake.fail("drop")
    assert client(fake, clock).get(COMPANY)["id"] == "101"
    assert len(clock.sleeps) == 1


def test_slow_answer_times_out_and_is_retried(fake: FakeHubSpot) -> None:
    clock = Clock()
    fake.fail("slow", delay=0.5)
    assert client(fake, clock, timeout=0.1).get(COMPANY)["id"] == "101"
    assert len(fake.requests("GET", COMPANY)) == 2


def test_other_4xx_is_not_retried(fake: FakeHubSpot) -> None:
    clock = Clock()
    with pytest.raises(PublishError) as caught:
        client(fake, clock).get("/crm/v3/objects/companies/999")
    assert str(caught.value) == (
        "HubSpot refused GET /crm/v3/objects/companies/999 (HTTP 404, OBJECT_NOT_FOUND): "
        "Object not found. objectId are usually numeric."
    )
    assert clock.sleeps == []


def test_401_names_the_variable_and_hides_the_token(fake: FakeHubSpot) -> None:
    with pytest.raises(PublishError) as caught:
        client(fake, Clock(), token="pat-na1-wrong-secret").get(COMPANY)
    message = str(caught.value)
    assert message.startswith("HubSpot rejected the token in $HUBSPOT_TOKEN (HTTP 401 on GET")
    assert "pat-na1-wrong-secret" not in message


@pytest.mark.parametrize(("method", "path", "scope"), [
    ("POST", "/files/v3/files", "files"),
    ("GET", "/crm/v3/objects/tickets", "tickets"),
    ("GET", "/crm/v3/objects/feedback_submissions", "crm.objects.feedback_submissions.read"),
    ("PATCH", COMPANY, "crm.objects.companies.write"),
])
def test_403_names_the_missing_scope(fake: FakeHubSpot, method: str, path: str,
                                     scope: str) -> None:
    fake.fail("403", path=path)
    body = {"properties": {"name": "x"}} if method != "GET" else None
    with pytest.raises(PublishError) as caught:
        client(fake, Clock()).request(method, path, body=body)
    assert f"probably missing the scope '{scope}'" in str(caught.value)


def test_last_request_of_a_window_pauses_the_next(fake: FakeHubSpot) -> None:
    clock = Clock()
    hub = client(fake, clock)
    fake.rate_remaining = "0"
    hub.get(COMPANY)
    hub.get(COMPANY)
    assert clock.sleeps == [10.0]  # X-HubSpot-RateLimit-Interval-Milliseconds: 10000


def test_a_redirect_within_the_base_url_is_followed_with_the_token(fake: FakeHubSpot) -> None:
    fake.fail("redirect", path="/crm/v3/objects/companies/old",
              location=f"{fake.url}{COMPANY}", status=301)
    answer = client(fake, Clock()).get("/crm/v3/objects/companies/old")
    assert answer["properties"]["name"] == "Padaria Pão Quente"
    assert fake.authorizations == [f"Bearer {TOKEN}"] * 2


@pytest.mark.parametrize("url", ["https://api.hubapi.com", "https://api.hubapi.com/",
                                 "http://127.0.0.1:8080", "http://127.9.9.9",
                                 "http://localhost:3000", "http://[::1]:3000"])
def test_https_and_loopback_addresses_are_accepted(url: str) -> None:
    assert HubSpotClient(url, TOKEN).base_url == url.rstrip("/")


@pytest.mark.parametrize("url", ["http://api.hubapi.com", "http://192.168.0.1",
                                 "http://localhost.evil.com", "file:///etc/passwd"])
def test_other_addresses_are_refused(url: str) -> None:
    with pytest.raises(PublishError, match="only https:// is allowed|not a plain"):
        HubSpotClient(url, TOKEN)


def test_an_answer_trickling_past_the_time_limit_is_retried_then_given_up(
        fake: FakeHubSpot) -> None:
    clock = Clock()
    fake.fail("trickle", times=2, delay=0.2)
    with pytest.raises(PublishError) as caught:
        client(fake, clock, max_attempts=2, timeout=0.5).get(COMPANY)
    assert str(caught.value) == (
        f"HubSpot did not complete GET {COMPANY} after 2 attempts in 1 s "
        "(last: the answer took more than 0.5 s to arrive); try again later")
