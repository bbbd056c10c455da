"""The one-click unsubscribe link of every mail: no login, a confirm button on GET, the digest off on
POST (also a mail program's RFC 8058 one-click POST, which carries no CSRF token), and a clear page
for a link that is not valid."""

import pytest
from django.test import Client

from tests.factories import UserFactory
from tracker.mail import unsubscribe_token
from tracker.models import DigestFrequency, Profile
from tracker.roles import Role
from tracker.services.team import profile_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def nele():
    user = UserFactory(username="nele", role=Role.VIEWER, first_name="Nele", last_name="Peeters")
    profile_update(user=user, digest=DigestFrequency.DAILY, language="en", email="nele@example.org")
    return user


def url(user_id: int) -> str:
    return f"/unsubscribe/{unsubscribe_token(user_id)}/"


def digest_of(user) -> str:
    return Profile.objects.get(user=user).digest


def test_opening_the_link_asks_to_confirm_and_changes_nothing(anonymous_client, nele):
    response = anonymous_client.get(url(nele.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Stop the e-mail digest?" in html
    assert "Nele Peeters" in html
    assert '<form method="post">' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert digest_of(nele) == DigestFrequency.DAILY, "a link scanner that opens the link unsubscribes nobody"


def test_confirming_turns_the_digest_off_without_logging_in(nele):
    client = Client(enforce_csrf_checks=True)
    response = client.post(url(nele.pk))
    assert response.status_code == 200
    assert "The e-mail digest is off" in response.content.decode()
    assert digest_of(nele) == DigestFrequency.OFF
    assert Profile.objects.get(user=nele).language == "en", "only the digest changes"


def test_a_mail_programs_one_click_post_turns_it_off(nele):
    client = Client(enforce_csrf_checks=True)
    response = client.post(url(nele.pk), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert digest_of(nele) == DigestFrequency.OFF


def test_a_user_without_a_profile_is_unsubscribed_too(anonymous_client):
    user = UserFactory(username="zonder-profiel", role=Role.VIEWER, email="z@example.org")
    anonymous_client.post(url(user.pk))
    assert digest_of(user) == DigestFrequency.OFF


def test_the_page_is_in_the_users_language(anonymous_client, nele):
    profile_update(user=nele, digest=DigestFrequency.DAILY, language="nl")
    assert '<html lang="nl">' in anonymous_client.get(url(nele.pk)).content.decode()


@pytest.mark.parametrize(
    "token",
    [
        "1:not-a-signature",
        "garbage",
        "1",
        # Signed with the same key for another purpose: the salt keeps them apart.
        pytest.param("signed-elsewhere", id="other-salt"),
    ],
)
def test_a_link_that_is_not_valid_gets_a_clear_page_and_changes_nothing(anonymous_client, nele, token):
    if token == "signed-elsewhere":
        from django.core import signing

        token = signing.Signer().sign(str(nele.pk))
    for method in (anonymous_client.get, anonymous_client.post):
        response = method(f"/unsubscribe/{token}/")
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert digest_of(nele) == DigestFrequency.DAILY


def test_the_link_of_a_removed_or_deactivated_account_does_not_work(anonymous_client, nele):
    link = url(nele.pk)
    nele.is_active = False
    nele.save()
    assert anonymous_client.post(link).status_code == 400
    nele.delete()
    assert anonymous_client.get(link).status_code == 400


def test_the_link_in_a_sent_digest_works(mailoutbox, anonymous_client, nele):
    from tracker.mail import Recipient, build_message

    message = build_message(
        recipient=Recipient(nele.pk, "nele", "nele@example.org", "Nele", "en"),
        template="reminders",
        context={"overdue": [], "due_soon": [], "reminder_days": 7, "count": 0},
    )
    link = message.extra_headers["List-Unsubscribe"][1:-1].removeprefix("https://tracker.example.org")
    assert anonymous_client.post(link).status_code == 200
    assert digest_of(nele) == DigestFrequency.OFF


def test_only_get_and_post_are_answered(anonymous_client, nele):
    assert anonymous_client.put(url(nele.pk)).status_code == 405
