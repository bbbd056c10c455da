"""Voiding a mistaken status update on the site: administrators only; it stays visible, struck through."""

import datetime

import pytest

from tests.factories import CommitmentFactory
from tracker.models import Status, StatusUpdateVoid
from tracker.services.commitments import commitment_record_status, status_update_void

pytestmark = pytest.mark.django_db


@pytest.fixture
def mistake():
    commitment = CommitmentFactory()
    return commitment_record_status(
        commitment=commitment, user=None, status=Status.FULFILLED, observed_on=datetime.date(2020, 1, 1), note="Vergissing."
    )


def test_an_administrator_voids_an_update_with_a_reason_and_the_status_follows(admin_client, administrator, mistake):
    url = f"/status-updates/{mistake.pk}/void/"
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "Void this update" in page.content.decode()
    response = admin_client.post(url, {"reason": "Hoort bij C-00099."})
    assert response.status_code == 302
    assert response["Location"] == mistake.commitment.get_absolute_url()
    void = StatusUpdateVoid.objects.get()
    assert (void.update, void.voided_by, void.reason) == (mistake, administrator, "Hoort bij C-00099.")
    mistake.commitment.refresh_from_db()
    assert mistake.commitment.current_status == Status.ANNOUNCED


def test_the_timeline_shows_a_voided_update_struck_through_with_who_and_why(admin_client, administrator, mistake):
    administrator.first_name, administrator.last_name = "Ada", "Beheerder"
    administrator.save()
    status_update_void(update=mistake, user=administrator, reason="Typfout in het jaar.")
    html = admin_client.get(mistake.commitment.get_absolute_url()).content.decode()
    assert '<del class="voided-update">' in html
    assert "Voided by Ada Beheerder on" in html
    assert "Typfout in het jaar." in html
    assert html.count("Void this update…") == 1, "the update still counting can be voided; the voided one not again"


def test_a_void_without_a_reason_is_refused_with_a_field_error(admin_client, mistake):
    response = admin_client.post(f"/status-updates/{mistake.pk}/void/", {"reason": "  "})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"]
    assert not StatusUpdateVoid.objects.exists()


def test_the_last_update_that_counts_cannot_be_voided_and_the_page_says_why(admin_client):
    only = CommitmentFactory().status_updates.get()
    response = admin_client.post(f"/status-updates/{only.pk}/void/", {"reason": "Weg ermee."})
    assert response.status_code == 400
    assert "record the right status first" in response.content.decode()


@pytest.mark.parametrize("client_name", ["viewer_client", "editor_client"])
def test_readers_and_editors_cannot_void(request, client_name, mistake):
    client = request.getfixturevalue(client_name)
    assert client.get(f"/status-updates/{mistake.pk}/void/").status_code == 403
    assert client.post(f"/status-updates/{mistake.pk}/void/", {"reason": "Toch maar."}).status_code == 403
    assert not StatusUpdateVoid.objects.exists()
    assert "Void this update" not in client.get(mistake.commitment.get_absolute_url()).content.decode()


def test_an_unknown_update_is_a_404(admin_client):
    assert admin_client.get("/status-updates/999999/void/").status_code == 404


def test_an_editor_refused_a_void_is_told_it_needs_an_administrator(editor_client, mistake):
    response = editor_client.post(f"/status-updates/{mistake.pk}/void/", {"reason": "Toch maar."})
    assert "Voiding a status update needs an administrator" in response.content.decode()
