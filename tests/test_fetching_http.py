"""The polite HTTP client: pauses, a User-Agent, retries with backoff on what may pass, none on
what will not. No test reaches the internet: `responses` answers every request."""

import pytest
import requests
import responses

from tracker.fetching.http import FetchError, PoliteSession

URL = "https://ws.vlpar.be/e/opendata/schv/1450827"


class FakeTime:
    """A clock that only moves when the client sleeps (or a test says so)."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.fixture
def time_():
    return FakeTime()


@pytest.fixture
def http(time_):
    return PoliteSession(
        user_agent="commitment-tracker/1 (contact: ops@example.org)", pause=1.5, sleep=time_.sleep, clock=time_.clock
    )


@responses.activate
def test_every_request_names_the_tool_and_its_contact_and_what_it_accepts(http):
    responses.get(URL, json={"id": 1450827})
    http.get(URL, accept="application/json")
    request = responses.calls[0].request
    assert request.headers["User-Agent"] == "commitment-tracker/1 (contact: ops@example.org)"
    assert request.headers["Accept"] == "application/json"


@responses.activate
def test_requests_are_spaced_by_the_pause(http, time_):
    responses.get(URL, json={})
    http.get(URL)
    time_.now += 0.5  # the caller took half a second before asking again
    http.get(URL)
    http.get(URL)
    assert time_.sleeps == [1.0, 1.5]


@responses.activate
def test_a_server_error_is_retried_with_exponential_backoff(http, time_):
    http.pause = 0
    for status in (503, 502, 500):
        responses.get(URL, status=status)
    responses.get(URL, json={"id": 1})
    assert http.get(URL).json() == {"id": 1}
    assert time_.sleeps == [2.0, 4.0, 8.0]


@responses.activate
def test_too_many_requests_waits_as_long_as_retry_after_asks(http, time_):
    http.pause = 0
    responses.get(URL, status=429, headers={"Retry-After": "7"})
    responses.get(URL, json={})
    http.get(URL)
    assert time_.sleeps == [7.0]


@responses.activate
def test_retry_after_as_a_date_and_the_longest_wait_are_honoured(http, time_):
    http.pause, http.max_wait = 0, 60
    responses.get(URL, status=503, headers={"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"})
    responses.get(URL, json={})
    http.get(URL)
    assert time_.sleeps == [60]


@responses.activate
def test_no_answer_is_retried(http, time_):
    http.pause = 0
    responses.get(URL, body=requests.Timeout("read timed out"))
    responses.get(URL, body=requests.ConnectionError("reset"))
    responses.get(URL, json={})
    http.get(URL)
    assert time_.sleeps == [2.0, 4.0]


@responses.activate
def test_after_the_last_retry_the_failure_names_the_address_and_the_attempts(http):
    http.pause, http.retries = 0, 2
    responses.get(URL, status=503)
    with pytest.raises(FetchError, match=r"schv/1450827: HTTP 503, still after 3 attempts"):
        http.get(URL)
    assert len(responses.calls) == 3


@responses.activate
def test_a_client_error_is_not_retried(http, time_):
    responses.get(URL, status=404)
    with pytest.raises(FetchError, match="schv/1450827: HTTP 404 Not Found"):
        http.get(URL)
    assert (len(responses.calls), time_.sleeps) == (1, [])
