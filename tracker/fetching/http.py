"""A polite HTTP client: one request at a time, a pause between requests, a User-Agent that says
who is asking, timeouts, and retries with exponential backoff on what may pass (no answer, 5xx,
429 Too Many Requests, honouring Retry-After)."""

import datetime
import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import requests


class FetchError(Exception):
    """A request that failed for good (after its retries); the message names the address and why."""


@dataclass
class PoliteSession:
    user_agent: str
    pause: float = 1.0  # seconds from the end of one request to the start of the next
    retries: int = 4  # further attempts after no answer, a 5xx or a 429
    backoff: float = 2.0  # the first wait before a retry, doubled each time
    max_wait: float = 300.0  # no wait (backoff or Retry-After) is longer than this
    timeout: tuple[float, float] = (10.0, 60.0)  # connecting, then waiting for data
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    session: requests.Session = field(default_factory=requests.Session)
    _last: float | None = field(default=None, init=False, repr=False)

    def get(self, url: str, *, params: dict | None = None, accept: str = "*/*") -> requests.Response:
        """The answer to a GET, after retries where a retry may help; FetchError otherwise."""
        headers = {"User-Agent": self.user_agent, "Accept": accept}
        for attempt in range(self.retries + 1):
            self._wait_turn()
            try:
                response = self.session.get(url, params=params, headers=headers, timeout=self.timeout)
            except (requests.Timeout, requests.ConnectionError) as error:
                problem, wait = f"no answer ({type(error).__name__})", None
            else:
                if response.status_code == 429 or response.status_code >= 500:
                    problem, wait = f"HTTP {response.status_code}", retry_after(response)
                elif response.status_code >= 400:
                    raise FetchError(f"{response.url}: HTTP {response.status_code} {response.reason}".strip())
                else:
                    return response
            finally:
                self._last = self.clock()
            if attempt == self.retries:
                raise FetchError(f"{url}: {problem}, still after {attempt + 1} attempts")
            self.sleep(min(self.backoff * 2**attempt if wait is None else wait, self.max_wait))
        raise AssertionError("unreachable")

    def _wait_turn(self) -> None:
        if self._last is not None:
            remaining = self.pause - (self.clock() - self._last)
            if remaining > 0:
                self.sleep(remaining)


def retry_after(response: requests.Response) -> float | None:
    """The seconds a Retry-After header asks to wait (a number or an HTTP date), or None."""
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (moment - datetime.datetime.now(datetime.UTC)).total_seconds())
