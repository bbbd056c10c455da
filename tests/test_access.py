"""Refusals that fit the role: the 403 page names the role that would allow the action, read from the
roles' groups, and stays neutral when no other account would help."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import path
from django.views.decorators.http import require_GET

from tests.factories import CommitmentFactory
from tracker.access import Refused, permission_required, refusal
from tracker.models import StatusUpdate
from tracker.urls import urlpatterns as tracker_urlpatterns
from tracker.views.errors import permission_denied

pytestmark = pytest.mark.django_db


@require_GET
@permission_required("auth.add_user", action="Adding a user")
def administrators_only(request):
    return HttpResponse("added")


@require_GET
@permission_required("admin.delete_logentry", action="Deleting the admin's log")
def nobody(request):
    return HttpResponse("deleted")


# This module doubles as a URLconf (pytest.mark.urls below): the application's pages, plus two
# views guarded by permissions that only administrators, or no role at all, hold.
urlpatterns = [
    path("test/administrators-only/", administrators_only),
    path("test/nobody/", nobody),
    *tracker_urlpatterns,
]
handler403 = "tracker.views.errors.permission_denied"


def page(response) -> str:
    assert response.status_code == 403
    return response.content.decode()


def test_a_viewer_refused_a_status_update_is_told_it_needs_an_editors_account(viewer_client):
    commitment = CommitmentFactory()
    html = page(viewer_client.post(f"/commitments/{commitment.pk}/status/", {"status": "fulfilled"}))
    assert "Recording a status update needs an editor&#x27;s account." in html
    assert "Ask an administrator if you need more access." in html


def test_a_viewer_refused_the_import_page_is_told_it_needs_an_editors_account(viewer_client):
    assert "Importing documents needs an editor&#x27;s account." in page(viewer_client.get("/import/"))


def test_a_person_without_a_role_is_told_reading_needs_a_viewers_account(no_role_user, client):
    client.force_login(no_role_user)
    assert "Reading the dashboard needs a viewer&#x27;s account." in page(client.get("/"))
    assert "Reading questions needs a viewer&#x27;s account." in page(client.get("/questions/"))


@pytest.mark.urls("tests.test_access")
@pytest.mark.parametrize("client_name", ["viewer_client", "editor_client"])
def test_viewers_and_editors_refused_an_administrators_action_are_told_it_needs_an_administrator(request, client_name):
    html = page(request.getfixturevalue(client_name).get("/test/administrators-only/"))
    assert "Adding a user needs an administrator&#x27;s account." in html
    assert "editor&#x27;s account" not in html


@pytest.mark.urls("tests.test_access")
def test_an_administrator_may_do_the_administrators_action(admin_client):
    assert admin_client.get("/test/administrators-only/").content == b"added"


@pytest.mark.urls("tests.test_access")
@pytest.mark.parametrize("client_name", ["viewer_client", "editor_client", "admin_client"])
def test_an_action_no_role_allows_gets_a_neutral_refusal(request, client_name):
    html = page(request.getfixturevalue(client_name).get("/test/nobody/"))
    assert "This action is not possible on this item, whatever the account." in html
    assert " needs a" not in html


def test_an_administrator_refused_by_the_admin_is_not_sent_to_another_role(admin_client):
    update = StatusUpdate.objects.get(commitment=CommitmentFactory())
    html = page(admin_client.post(f"/admin/tracker/statusupdate/{update.pk}/delete/", {"post": "yes"}))
    assert "This is not possible here" in html
    assert "needs an" not in html


def test_the_role_named_follows_the_groups_permissions(viewer_client):
    """Take importing away from editors: the refusal now names the administrators."""
    Group.objects.get(name="Editor").permissions.remove(
        Group.objects.get(name="Editor").permissions.get(codename="add_importrun")
    )
    assert "Importing documents needs an administrator&#x27;s account." in page(viewer_client.get("/import/"))


def test_a_user_whose_role_grants_the_permission_gets_a_neutral_refusal(editor):
    refused = refusal(editor, permission="tracker.add_statusupdate", action="Recording a status update")
    assert type(refused) is PermissionDenied


def test_the_403_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/import/")
    with django_assert_num_queries(0):
        explained = permission_denied(request, Refused("Importing documents needs an editor's account."))
        neutral = permission_denied(request, PermissionDenied())
    assert "Importing documents needs an editor&#x27;s account." in explained.content.decode()
    assert "This is not possible here" in neutral.content.decode()


def test_the_refusal_is_in_the_users_language(viewer_client):
    commitment = CommitmentFactory()
    response = viewer_client.post(f"/commitments/{commitment.pk}/status/", {}, HTTP_ACCEPT_LANGUAGE="nl")
    assert "Een statusupdate vastleggen vraagt een redacteursaccount." in page(response)
