"""The profile page's API tokens: made (the key shown once), listed by their first characters, revoked."""

import re

import pytest
from django.test import Client

from tests.factories import UserFactory
from tracker.models import ApiToken
from tracker.roles import Role

pytestmark = pytest.mark.django_db


def new_key(html: str) -> str | None:
    match = re.search(r'id="new-api-key" value="([^"]+)"', html)
    return match.group(1) if match else None


def test_a_staff_member_makes_a_token_sees_its_key_once_and_reads_the_api_with_it(viewer_client, viewer):
    assert "Open-data API" in viewer_client.get("/profile/").content.decode()
    response = viewer_client.post("/profile/api-tokens/", {"name": "newsroom script"})
    assert response.status_code == 302
    assert response["Location"] == "/profile/#api"
    page = viewer_client.get("/profile/").content.decode()
    key = new_key(page)
    assert key
    assert "newsroom script" in page
    assert key[:8] in page
    assert new_key(viewer_client.get("/profile/").content.decode()) is None  # shown once
    token = ApiToken.objects.get(user=viewer)
    assert token.name == "newsroom script"
    assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/commitments/").status_code == 200


def test_revoking_a_token_closes_the_api_to_it_at_once(viewer_client, viewer):
    viewer_client.post("/profile/api-tokens/", {"name": ""})
    key = new_key(viewer_client.get("/profile/").content.decode())
    token = ApiToken.objects.get(user=viewer)
    response = viewer_client.post(f"/profile/api-tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert "The token is revoked" in viewer_client.get("/profile/").content.decode()
    assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/commitments/").status_code == 401
    assert token.key_start not in viewer_client.get("/profile/").content.decode()


def test_nobody_revokes_anothers_token_and_a_revoked_token_stays_revoked(viewer_client, editor_client, viewer):
    viewer_client.post("/profile/api-tokens/")
    token = ApiToken.objects.get(user=viewer)
    assert editor_client.post(f"/profile/api-tokens/{token.pk}/revoke/").status_code == 404
    assert viewer_client.post(f"/profile/api-tokens/{token.pk}/revoke/").status_code == 302
    assert viewer_client.post(f"/profile/api-tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert not token.is_active


def test_a_user_without_a_role_is_not_offered_a_token(no_role_user):
    client = Client()
    client.force_login(no_role_user)
    assert "Open-data API" not in client.get("/profile/").content.decode()
    assert client.post("/profile/api-tokens/").status_code == 403


def test_tokens_are_made_and_revoked_by_post_only(viewer_client, viewer):
    assert viewer_client.get("/profile/api-tokens/").status_code == 405
    assert not ApiToken.objects.exists()


def test_making_a_token_needs_the_csrf_token(viewer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(viewer)
    assert client.post("/profile/api-tokens/").status_code == 403
    assert not ApiToken.objects.exists()


def test_at_most_ten_tokens_work_at_once(viewer_client, viewer):
    for _ in range(10):
        viewer_client.post("/profile/api-tokens/")
    assert viewer_client.post("/profile/api-tokens/").status_code == 403
    assert ApiToken.objects.active().filter(user=viewer).count() == 10


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR, Role.ADMINISTRATOR])
def test_every_role_may_hold_a_token(role):
    client = Client()
    client.force_login(UserFactory(role=role))
    assert client.post("/profile/api-tokens/").status_code == 302


def test_an_administrator_sees_who_holds_tokens_and_revokes_them_in_the_admin(admin_client, viewer):
    from tests.factories import api_key_for

    key = api_key_for(viewer)
    token = ApiToken.objects.get(user=viewer)
    listing = admin_client.get("/admin/tracker/apitoken/").content.decode()
    assert token.key_start in listing
    assert key not in listing
    response = admin_client.post("/admin/tracker/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})
    assert response.status_code == 302
    token.refresh_from_db()
    assert not token.is_active
    assert Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/commitments/").status_code == 401
    assert admin_client.get(f"/admin/tracker/apitoken/{token.pk}/change/").status_code == 200
