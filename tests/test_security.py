"""Accounts and HTTP security: lockout, CSRF, headers, health check, error pages."""

import datetime
import re
from unittest import mock

import pytest
import time_machine
from django.db import OperationalError
from django.test import Client

from tests.factories import PASSWORD, UserFactory
from tracker.roles import Role

pytestmark = pytest.mark.django_db


def log_in(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failed_logins_lock_the_user_out_from_that_address_for_15_minutes():
    UserFactory(username="target", role=Role.EDITOR)
    client = Client()
    start = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        for _ in range(4):
            assert log_in(client, "target", "wrong").status_code == 200
        fifth = log_in(client, "target", "wrong")
        assert fifth.status_code == 429
        locked = log_in(client, "target", PASSWORD)
        assert locked.status_code == 429, "even the right password is refused while locked"
        assert "Try again in 15 minutes" in locked.content.decode()
        assert log_in(Client(), "target", PASSWORD, address="10.0.0.2").status_code == 302, "another address is not locked"
    with time_machine.travel(start + datetime.timedelta(minutes=16), tick=False):
        assert log_in(client, "target", PASSWORD).status_code == 302


def test_trying_again_during_the_lockout_restarts_the_15_minutes():
    UserFactory(username="insistent", role=Role.EDITOR)
    client = Client()
    start = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            log_in(client, "insistent", "wrong")
    with time_machine.travel(start + datetime.timedelta(minutes=10), tick=False):
        assert log_in(client, "insistent", "wrong-again").status_code == 429
    # 16 minutes after the first lockout, but 6 after the attempt at minute 10: still locked.
    with time_machine.travel(start + datetime.timedelta(minutes=16), tick=False):
        assert log_in(client, "insistent", PASSWORD).status_code == 429
    with time_machine.travel(start + datetime.timedelta(minutes=32), tick=False):
        assert log_in(client, "insistent", PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count_of_failures():
    UserFactory(username="forgetful", role=Role.VIEWER)
    client = Client()
    for _ in range(4):
        log_in(client, "forgetful", "wrong")
    assert log_in(client, "forgetful", PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        assert log_in(client, "forgetful", "wrong").status_code == 200


def test_logout_needs_a_post_request(editor_client):
    assert editor_client.get("/accounts/logout/").status_code == 405
    assert editor_client.post("/accounts/logout/").status_code == 302
    assert editor_client.get("/").status_code == 302


def test_every_form_is_protected_against_cross_site_requests(editor):
    from tests.factories import CommitmentFactory

    commitment = CommitmentFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    forged = client.post(f"/commitments/{commitment.pk}/status/", {"status": "fulfilled", "observed_on": "2020-01-01"})
    assert forged.status_code == 403
    page = client.get(f"/commitments/{commitment.pk}/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    genuine = client.post(
        f"/commitments/{commitment.pk}/status/",
        {"status": "fulfilled", "observed_on": "2020-01-01", "csrfmiddlewaretoken": token},
    )
    assert genuine.status_code == 302


def test_security_headers_are_sent_on_every_page(viewer_client):
    for response in (viewer_client.get("/"), Client().get("/accounts/login/")):
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_pages_use_no_inline_script_or_style(viewer_client):
    from tests.factories import CommitmentFactory

    commitment = CommitmentFactory()
    for url in ("/", "/commitments/", f"/commitments/{commitment.pk}/", "/questions/", "/accounts/password/"):
        html = viewer_client.get(url).content.decode()
        assert "<script" not in html, url
        assert not re.search(r'\sstyle="', html), url


def test_health_check_reports_the_database_without_a_login_or_data():
    response = Client().get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok", "database": "up"})
    assert "no-cache" in response["Cache-Control"]


def test_health_check_answers_503_when_the_database_does_not():
    with mock.patch("tracker.views.health.connection.cursor", side_effect=OperationalError("connection refused")):
        response = Client().get("/healthz")
    assert (response.status_code, response.json()["database"]) == (503, "down")


def test_not_found_and_forbidden_pages_are_in_the_applications_look(viewer_client):
    missing = viewer_client.get("/no/such/page/")
    assert missing.status_code == 404
    assert "This page does not exist" in missing.content.decode()
    assert "app.css" in missing.content.decode()
    forbidden = viewer_client.get("/import/")
    assert forbidden.status_code == 403
    assert "Your account has no access to this page" in forbidden.content.decode()


def test_an_unexpected_error_shows_the_500_page_without_details(viewer_client):
    viewer_client.raise_request_exception = False
    with mock.patch("tracker.views.dashboard.dashboard.figures", side_effect=ZeroDivisionError("secret detail")):
        response = viewer_client.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "secret detail" not in html
    assert "Traceback" not in html


def test_a_database_failure_during_a_request_shows_a_friendly_503(viewer_client):
    viewer_client.raise_request_exception = False
    with mock.patch("tracker.views.dashboard.dashboard.figures", side_effect=OperationalError("server closed the connection")):
        response = viewer_client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "The tracker is temporarily unavailable" in response.content.decode()


def test_passwords_are_checked_by_the_validators(editor_client):
    response = editor_client.post(
        "/accounts/password/", {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"}
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["new_password2"])
    assert "too short" in errors
    assert "too common" in errors


def test_sessions_expire(settings, editor_client):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    with time_machine.travel(datetime.timedelta(hours=9)):
        assert editor_client.get("/").status_code == 302


def test_an_over_long_username_is_refused_by_the_form_not_the_database():
    response = Client().post("/accounts/login/", {"username": "0" * 256, "password": "x"})
    assert response.status_code == 200
    assert "at most 150 characters" in " ".join(response.context["form"].errors["username"])


def test_a_form_with_more_fields_than_the_limit_gets_a_page_naming_the_limit(editor_client, settings):
    from tests.factories import CommitmentFactory

    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    commitment = CommitmentFactory()
    response = editor_client.post(f"/commitments/{commitment.pk}/status/", {f"field{n}": "x" for n in range(6)})
    assert response.status_code == 400
    assert "A form may send at most 5 fields." in response.content.decode()
    assert commitment.status_updates.count() == 1


def never_stored(response) -> bool:
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    return {"private", "no-store"} <= directives


def test_pages_and_downloads_of_a_logged_in_user_are_never_stored(viewer_client):
    from tests.factories import CommitmentFactory

    commitment = CommitmentFactory()
    for url in (
        "/",
        f"/commitments/{commitment.pk}/",
        "/commitments/export.csv",
        f"/commitments/{commitment.pk}/follow-up/?format=txt",
        "/export/?format=json",
        "/export/?format=csv",
        "/import/",  # a refusal too
    ):
        response = viewer_client.get(url)
        assert never_stored(response), (url, response["Cache-Control"])
        if response.streaming:
            b"".join(response.streaming_content)


def test_the_login_page_is_never_stored():
    assert never_stored(Client().get("/accounts/login/"))


def test_static_files_keep_whitenoises_public_cache_headers():
    response = Client().get("/static/tracker/css/app.css")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "no-store" not in response["Cache-Control"]
    assert "private" not in response["Cache-Control"]
