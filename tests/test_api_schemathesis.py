"""Schemathesis, a client nobody here wrote, reads the API's published OpenAPI schema and calls
every operation with the requests it derives from it: valid ones and invalid ones (bad filters,
odd ids), anonymously and with a staff token. No answer may be a server error, and every answer
must be one the schema documents: its status code, its content type and its body.

Bounded: at most 25 examples per operation, no deadline (a request's time varies with the
machine). The calls go through Django's WSGI application, in the test's database."""

import datetime

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import CommitmentFactory, OfficeFactory, ThemeFactory, UserFactory, api_key_for, move_deadline
from tracker.models import Status
from tracker.roles import Role
from tracker.services.commitments import commitment_record_status, commitment_set_themes

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
BOUNDS = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@pytest.fixture(autouse=True)
def keep_the_tests_connection():
    """Django closes the database connection after each request it serves through WSGI; inside a
    test that would end the test's transaction. Its own test client turns that off the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def api_data(db):
    """Some data to read: published and internal commitments, with their questions, answers,
    status updates, minister, office and government."""
    office = OfficeFactory()
    theme = ThemeFactory(slug="armoede")
    for published in (True, True, False):
        commitment = CommitmentFactory(published=published, responsible_office=office, answer__question__addressee=office.person)
        commitment_set_themes(commitment=commitment, themes=[theme], user=None)
        commitment_record_status(
            commitment=commitment,
            user=None,
            status=Status.IN_PROGRESS,
            observed_on=datetime.date(2019, 1, 1),
            note="Intern",
            evidence_url="https://www.vlaanderen.be/besluit",
        )
    move_deadline(commitment, datetime.date(2021, 1, 1), changed_on=datetime.date(2019, 6, 1))
    CommitmentFactory(published=True, answer__answered_on=None, status=Status.FULFILLED)


# The schema as the API publishes it (reading it needs no database). Loaded when the module is, as
# schemathesis.pytest.from_fixture does not run on pytest 9 (it reads a node attribute pytest 9 dropped).
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())


@schema.parametrize()
@BOUNDS
def test_the_api_keeps_to_its_schema_for_anonymous_callers(case):
    case.call_and_validate(checks=CHECKS)


@pytest.fixture
def staff_headers(db):
    return {"Authorization": f"Token {api_key_for(UserFactory(role=Role.VIEWER))}"}


@schema.parametrize()
@BOUNDS
def test_the_api_keeps_to_its_schema_for_staff(case, staff_headers):
    case.call_and_validate(headers=staff_headers, checks=CHECKS)
