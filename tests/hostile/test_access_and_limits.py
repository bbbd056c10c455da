"""The low findings of the security review, replayed as the attacker (an editor's account, or less)
did them. Each test describes the attack and what the application must do instead."""

import pytest

from tests.factories import CommitmentFactory
from tracker.models import StatusUpdate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("client_name", ["viewer_client", "editor_client"])
def test_opening_the_admin_without_admin_access_does_not_loop(request, client_name):
    """A viewer (or an editor) opens /admin/. The admin sent them to /admin/login/, which leads to
    /accounts/login/?next=/admin/, which sends a logged-in user back to /admin/: the browser looped
    until it gave up. They must get a 403 page saying the admin is for administrators."""
    client = request.getfixturevalue(client_name)
    response = client.get("/admin/", follow=True)  # the test client raises RedirectCycleError on a loop
    assert response.status_code == 403
    assert "The admin is for administrators." in response.content.decode()
    via_login = client.get("/admin/login/?next=/admin/", follow=True)
    assert via_login.status_code == 403


def test_refusals_name_the_role_that_is_missing_not_always_an_editor(admin_client, viewer_client):
    """An administrator tries to delete a status update in the admin, and a viewer forges the status
    form. The administrator must not be told to get an editor's account (no account may do this);
    the viewer must be told that recording a status needs an editor's account."""
    commitment = CommitmentFactory()
    update = StatusUpdate.objects.get(commitment=commitment)
    refused = admin_client.post(f"/admin/tracker/statusupdate/{update.pk}/delete/", {"post": "yes"})
    assert refused.status_code == 403
    assert "editor" not in refused.content.decode()
    forged = viewer_client.post(f"/commitments/{commitment.pk}/status/", {"status": "fulfilled", "observed_on": "2020-01-01"})
    assert forged.status_code == 403
    assert "Recording a status update needs an editor&#x27;s account." in forged.content.decode()
    assert StatusUpdate.objects.filter(commitment=commitment).count() == 1
