"""Nothing is lost when several people work at once (PostgreSQL).

Two editors record a status update on the same commitment at the same moment, many times over:
every update is kept, and the current status is the one the rule names (the latest date
observed; on the same date, the update recorded last)."""

import http.cookiejar
import re
import threading
import urllib.parse
import urllib.request

import pytest
from django.db import connection, connections
from django.utils import timezone

from tests.factories import PASSWORD, CommitmentFactory, UserFactory
from tracker.models import Commitment, StatusUpdate
from tracker.roles import Role
from tracker.services.commitments import commitment_record_status

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

ROUNDS = 25


def assert_current_status_follows_the_rule(commitment: Commitment) -> None:
    commitment.refresh_from_db()
    latest = StatusUpdate.objects.filter(commitment=commitment).latest_first().first()
    assert (commitment.current_status, commitment.status_observed_on) == (latest.status, latest.observed_on)


def run_together(*functions) -> list[BaseException]:
    """Start the functions in threads released at the same instant; return their exceptions."""
    barrier = threading.Barrier(len(functions))
    errors: list[BaseException] = []

    def wrapper(function):
        try:
            barrier.wait(timeout=30)
            function()
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=wrapper, args=(function,)) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_simultaneous_status_updates_through_the_service_are_all_kept(postgres_only, reference_data):
    commitment = CommitmentFactory()
    first, second = UserFactory(username="first", role=Role.EDITOR), UserFactory(username="second", role=Role.EDITOR)
    today = timezone.localdate()
    for round_number in range(ROUNDS):
        errors = run_together(
            lambda n=round_number: commitment_record_status(
                commitment=Commitment.objects.get(pk=commitment.pk),
                user=first,
                status="in_progress",
                observed_on=today,
                note=f"A{n}",
            ),
            lambda n=round_number: commitment_record_status(
                commitment=Commitment.objects.get(pk=commitment.pk),
                user=second,
                status="delayed",
                observed_on=today,
                note=f"B{n}",
            ),
        )
        assert errors == []
        assert StatusUpdate.objects.filter(commitment=commitment).count() == 1 + 2 * (round_number + 1)
        assert_current_status_follows_the_rule(commitment)
    assert connection.vendor == "postgresql"


class Browser:
    """One person's session against the live server, over real HTTP."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def token(self, path: str) -> str:
        with self.opener.open(self.base_url + path, timeout=30) as response:
            return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()).group(1)

    def post(self, path: str, data: dict, *, token_from: str) -> int:
        payload = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.token(token_from)}).encode()
        request = urllib.request.Request(self.base_url + path, data=payload, headers={"Referer": self.base_url + token_from})
        with self.opener.open(request, timeout=30) as response:
            return response.status

    def log_in(self, username: str) -> None:
        self.post("/accounts/login/", {"username": username, "password": PASSWORD}, token_from="/accounts/login/")


def test_two_editors_recording_at_the_same_moment_over_http_lose_nothing(postgres_only, reference_data, live_server):
    commitment = CommitmentFactory()
    for name in ("anna", "bert"):
        UserFactory(username=name, role=Role.EDITOR)
    anna, bert = Browser(live_server.url), Browser(live_server.url)
    anna.log_in("anna")
    bert.log_in("bert")
    detail = f"/commitments/{commitment.pk}/"
    today = timezone.localdate().isoformat()
    sent = 0
    for round_number in range(ROUNDS):
        errors = run_together(
            lambda n=round_number: anna.post(
                f"{detail}status/",
                {"status": "in_progress", "observed_on": today, "note": f"anna {n}"},
                token_from=detail,
            ),
            lambda n=round_number: bert.post(
                f"{detail}status/",
                {"status": "fulfilled", "observed_on": today, "note": f"bert {n}"},
                token_from=detail,
            ),
        )
        assert errors == []
        sent += 2
    stored = StatusUpdate.objects.filter(commitment=commitment).exclude(note="").count()
    assert stored == sent == 2 * ROUNDS
    assert set(
        StatusUpdate.objects.filter(commitment=commitment).exclude(note="").values_list("recorded_by__username", flat=True)
    ) == {"anna", "bert"}
    assert_current_status_follows_the_rule(commitment)


def test_simultaneous_first_sightings_of_a_name_resolve_to_one_person(postgres_only, reference_data):
    from django.db import transaction

    from tracker.models import Person
    from tracker.services.people import person_resolve

    def resolve():
        with transaction.atomic():
            person_resolve(name="Nieuwe Naam Van Der Berg")

    for _ in range(5):
        Person.objects.filter(last_name__contains="Berg").delete()
        assert run_together(*([resolve] * 6)) == []
        assert Person.objects.filter(last_name__contains="Berg").count() == 1
