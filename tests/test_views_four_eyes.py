"""The four-eyes check on the site: a closing status awaits a second editor, shown as such and not as
the current status; another editor confirms it or rejects it with a note; nobody decides their own."""

import datetime
import re

import pytest
from django.test import Client

from tests.factories import CommitmentFactory, UserFactory
from tracker.models import Commitment, Status, StatusUpdate, StatusUpdateConfirmation
from tracker.roles import Role
from tracker.services.commitments import commitment_record_status, status_update_confirm, status_update_void

pytestmark = pytest.mark.django_db

DAY = datetime.date(2020, 3, 1)


@pytest.fixture(autouse=True)
def four_eyes(settings):
    settings.TRACKER_FOUR_EYES = True


@pytest.fixture
def recorder():
    return UserFactory(username="rita-recorder", first_name="Rita", last_name="Recorder", role=Role.EDITOR)


@pytest.fixture
def recorder_client(recorder):
    client = Client()
    client.force_login(recorder)
    return client


@pytest.fixture
def closing(recorder):
    """A commitment in progress on which Rita recorded that it is fulfilled: awaiting a second editor."""
    commitment = CommitmentFactory(status=Status.IN_PROGRESS, observed_on=datetime.date(2019, 1, 1))
    return commitment_record_status(
        commitment=commitment, user=recorder, status=Status.FULFILLED, observed_on=DAY, note="Oproep afgerond."
    )


def detail(client, update) -> str:
    return client.get(update.commitment.get_absolute_url()).content.decode()


def current(update) -> str:
    return Commitment.objects.get(pk=update.commitment_id).current_status


def test_recording_a_closing_status_says_it_awaits_confirmation(editor_client):
    commitment = CommitmentFactory(status=Status.IN_PROGRESS, observed_on=datetime.date(2019, 1, 1))
    response = editor_client.post(
        f"/commitments/{commitment.pk}/status/", {"status": "fulfilled", "observed_on": DAY.isoformat()}, follow=True
    )
    html = response.content.decode()
    assert (
        "Status recorded: Fulfilled. It awaits confirmation by another editor and counts once confirmed; "
        "until then the current status stays In progress."
    ) in html
    assert current(StatusUpdate.objects.get(status=Status.FULFILLED)) == Status.IN_PROGRESS


def test_an_open_status_is_recorded_as_before(editor_client):
    commitment = CommitmentFactory()
    response = editor_client.post(
        f"/commitments/{commitment.pk}/status/", {"status": "delayed", "observed_on": DAY.isoformat()}, follow=True
    )
    assert "Status recorded: Delayed." in response.content.decode()


def test_the_page_keeps_the_counted_status_and_shows_the_awaiting_one_as_such(viewer_client, closing):
    html = detail(viewer_client, closing)
    head = html[html.index('<header class="detail-head">') : html.index("</header>", html.index('<header class="detail-head">'))]
    assert "status-progress" in head, "the badge is the last status that counts"
    assert "status-fulfilled" not in head
    assert "a closing status awaits confirmation" in head
    event = re.search(rf'<li class="[^"]*event-awaiting[^"]*" id="update-{closing.pk}">.*?</li>', html, re.S).group(0)
    assert "Awaiting confirmation · does not count yet" in event
    assert "Awaiting confirmation by a second editor." in event
    assert "Confirm" not in event, "viewers do not decide"


def test_the_person_who_recorded_it_is_told_it_awaits_another_editor(recorder_client, closing):
    html = detail(recorder_client, closing)
    assert "Awaiting confirmation by another editor" in html
    assert f'action="/status-updates/{closing.pk}/confirm/"' not in html
    page = recorder_client.get(f"/status-updates/{closing.pk}/reject/")
    assert page.status_code == 200
    assert "Nobody confirms or rejects their own status update." in page.content.decode()


def test_another_editor_sees_confirm_and_reject(editor_client, closing):
    html = detail(editor_client, closing)
    assert "Rita Recorder recorded a closing status." in html
    assert f'action="/status-updates/{closing.pk}/confirm/"' in html
    assert f'href="/status-updates/{closing.pk}/reject/"' in html


def test_a_second_editor_confirms_and_the_timeline_shows_both_people(editor_client, editor, closing):
    editor.first_name, editor.last_name = "Eddy", "Peeters"
    editor.save()
    response = editor_client.post(f"/status-updates/{closing.pk}/confirm/")
    assert response.status_code == 302
    assert response["Location"] == closing.commitment.get_absolute_url()
    assert current(closing) == Status.FULFILLED
    html = editor_client.get(response["Location"]).content.decode()
    assert f"Confirmed: {closing.commitment.reference} is now Fulfilled." in html
    assert re.search(r"recorded by Rita Recorder on [^;<]+; confirmed by Eddy Peeters on ", html)
    assert "awaits confirmation" not in html


def test_confirming_from_my_work_goes_back_to_my_work_and_never_to_another_site(editor_client, recorder, closing):
    response = editor_client.post(f"/status-updates/{closing.pk}/confirm/", {"next": "/my-work/"})
    assert response["Location"] == "/my-work/"
    other = commitment_record_status(commitment=CommitmentFactory(), user=recorder, status=Status.LAPSED, observed_on=DAY)
    response = editor_client.post(f"/status-updates/{other.pk}/confirm/", {"next": "https://evil.example/"})
    assert response["Location"] == other.commitment.get_absolute_url()


def test_a_second_editor_rejects_with_a_note_and_the_status_never_counts(editor_client, editor, closing):
    editor.first_name, editor.last_name = "Eddy", "Peeters"
    editor.save()
    page = editor_client.get(f"/status-updates/{closing.pk}/reject/")
    assert page.status_code == 200
    assert "Why it is rejected" in page.content.decode()
    response = editor_client.post(f"/status-updates/{closing.pk}/reject/", {"note": "Alleen aangekondigd, niet gelanceerd."})
    assert response.status_code == 302
    decision = StatusUpdateConfirmation.objects.get(update=closing)
    assert (decision.confirmed, decision.decided_by, decision.note) == (False, editor, "Alleen aangekondigd, niet gelanceerd.")
    assert current(closing) == Status.IN_PROGRESS
    html = editor_client.get(closing.commitment.get_absolute_url()).content.decode()
    assert '<del class="rejected-update">' in html
    assert "Rejected by Eddy Peeters on" in html
    assert "Alleen aangekondigd, niet gelanceerd." in html
    assert "recorded by Rita Recorder" in html


def test_a_rejection_without_a_note_is_a_field_error(editor_client, closing):
    response = editor_client.post(f"/status-updates/{closing.pk}/reject/", {"note": "   "})
    assert response.status_code == 400
    assert response.context["reject_form"].errors["note"]
    assert not StatusUpdateConfirmation.objects.exists()


def test_nobody_confirms_or_rejects_their_own_status_a_form_error_not_a_500(recorder_client, closing):
    for url, data in (
        (f"/status-updates/{closing.pk}/confirm/", {}),
        (f"/status-updates/{closing.pk}/reject/", {"note": "Nee."}),
    ):
        response = recorder_client.post(url, data)
        assert response.status_code == 400
        assert "Nobody can confirm or reject their own status update: ask another editor." in response.content.decode()
    assert not StatusUpdateConfirmation.objects.exists()


def test_a_decided_status_cannot_be_decided_again(editor_client, administrator, closing):
    status_update_confirm(update=closing, user=administrator)
    response = editor_client.post(f"/status-updates/{closing.pk}/reject/", {"note": "Toch niet."})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This status update was already confirmed or rejected." in html
    assert "Confirmed by" in html
    assert editor_client.post(f"/status-updates/{closing.pk}/confirm/").status_code == 400


def test_a_voided_or_ordinary_update_has_nothing_to_confirm(editor_client, administrator, closing):
    status_update_void(update=closing, user=administrator, reason="Verkeerde toezegging.")
    page = editor_client.get(f"/status-updates/{closing.pk}/reject/").content.decode()
    assert "This status update was voided" in page
    ordinary = CommitmentFactory().status_updates.get()
    assert "needs no confirmation" in editor_client.get(f"/status-updates/{ordinary.pk}/reject/").content.decode()
    response = editor_client.post(f"/status-updates/{ordinary.pk}/confirm/")
    assert response.status_code == 400
    assert "This status update needs no confirmation." in response.content.decode()


def test_a_viewer_cannot_confirm_or_reject(viewer_client, closing):
    for url in (f"/status-updates/{closing.pk}/confirm/", f"/status-updates/{closing.pk}/reject/"):
        response = viewer_client.post(url, {"note": "Nee."})
        assert response.status_code == 403
        assert "needs an editor&#x27;s account" in response.content.decode()
    assert viewer_client.get(f"/status-updates/{closing.pk}/reject/").status_code == 403
    assert current(closing) == Status.IN_PROGRESS


def test_an_unknown_update_is_404(editor_client):
    assert editor_client.post("/status-updates/999999/confirm/").status_code == 404
    assert editor_client.get("/status-updates/999999/reject/").status_code == 404


def test_confirming_needs_a_post(editor_client, closing):
    assert editor_client.get(f"/status-updates/{closing.pk}/confirm/").status_code == 405


def test_the_detail_page_costs_the_same_queries_with_decided_and_awaiting_updates(editor_client, administrator, closing):
    from tests.querycount import queries_for

    url = closing.commitment.get_absolute_url()
    before = queries_for(editor_client, url)
    status_update_confirm(update=closing, user=administrator)
    for day in range(5):
        update = commitment_record_status(
            commitment=closing.commitment,
            user=administrator,
            status=Status.LAPSED,
            observed_on=DAY + datetime.timedelta(days=day),
        )
        if day % 2:
            status_update_confirm(update=update, user=closing.recorded_by)
    assert queries_for(editor_client, url) == before <= 14  # 12, and the re-statements and deadline changes
