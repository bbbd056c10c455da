"""Publishing on the staff side: an editor publishes a commitment on its page or several from the
list, and shows a status update's note to the public or withdraws it; a viewer cannot."""

import pytest

from tests.factories import CommitmentFactory
from tracker.models import Commitment, StatusUpdate
from tracker.services.commitments import commitment_record_status

pytestmark = pytest.mark.django_db


def published(commitment) -> bool:
    return Commitment.objects.get(pk=commitment.pk).published


def test_an_editor_publishes_a_commitment_on_its_page_and_makes_it_internal_again(editor_client):
    commitment = CommitmentFactory()
    page = editor_client.get(commitment.get_absolute_url()).content.decode()
    assert '<span class="publication-tag">Internal</span>' in page
    response = editor_client.post(f"/commitments/{commitment.pk}/publication/", {"published": "1"}, follow=True)
    assert published(commitment) is True
    html = response.content.decode()
    assert "Published: the commitment is on the public site" in html
    assert '<span class="publication-tag is-published">Published</span>' in html
    editor_client.post(f"/commitments/{commitment.pk}/publication/", {"published": "0"})
    assert published(commitment) is False


def test_a_viewer_cannot_publish(viewer_client):
    commitment = CommitmentFactory()
    assert viewer_client.post(f"/commitments/{commitment.pk}/publication/", {"published": "1"}).status_code == 403
    assert published(commitment) is False
    assert "/publication/" not in viewer_client.get(commitment.get_absolute_url()).content.decode()


def test_publishing_needs_a_post(editor_client):
    commitment = CommitmentFactory()
    assert editor_client.get(f"/commitments/{commitment.pk}/publication/").status_code == 405


def test_an_editor_publishes_the_ticked_commitments_from_the_list_and_returns_to_it(editor_client):
    first, second, untouched = CommitmentFactory(), CommitmentFactory(), CommitmentFactory()
    response = editor_client.post(
        "/commitments/publication/",
        {"commitments": [first.pk, second.pk], "published": "1", "query": "state=open&sort=deadline", "assignee": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == "/commitments/?state=open&sort=deadline"
    assert [published(c) for c in (first, second, untouched)] == [True, True, False]
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["2 commitments published."]


def test_the_list_filters_published_and_internal_commitments(editor_client):
    public, internal = CommitmentFactory(published=True), CommitmentFactory()
    listed = editor_client.get("/commitments/", {"published": "no"}).context["page"].object_list
    assert [c.pk for c in listed] == [internal.pk]
    listed = editor_client.get("/commitments/", {"published": "yes"}).context["page"].object_list
    assert [c.pk for c in listed] == [public.pk]


def test_bulk_publishing_without_a_ticked_commitment_says_so_and_changes_nothing(editor_client):
    commitment = CommitmentFactory()
    response = editor_client.post("/commitments/publication/", {"published": "1", "query": ""}, follow=True)
    assert "Tick the commitments to publish first." in response.content.decode()
    assert published(commitment) is False


def test_the_list_offers_both_bulk_actions_in_one_form(editor_client):
    CommitmentFactory()
    html = editor_client.get("/commitments/").content.decode()
    assert 'formaction="/commitments/publication/"' in html
    assert 'name="published" value="1"' in html
    assert 'name="published" value="0"' in html


def test_an_editor_makes_a_note_public_and_withdraws_it(editor_client, editor):
    commitment = CommitmentFactory(published=True)
    update = commitment_record_status(
        commitment=commitment, user=editor, status="in_progress", observed_on=commitment.made_on, note="Besluit genomen."
    )
    html = editor_client.get(commitment.get_absolute_url()).content.decode()
    assert "Internal note" in html
    assert "Make the note public" in html
    response = editor_client.post(f"/status-updates/{update.pk}/note-visibility/", {"public": "1"})
    assert response["Location"] == f"{commitment.get_absolute_url()}#update-{update.pk}"
    assert StatusUpdate.objects.get(pk=update.pk).note_is_public is True
    editor_client.post(f"/status-updates/{update.pk}/note-visibility/", {"public": "0"})
    assert StatusUpdate.objects.get(pk=update.pk).note_is_public is False


def test_a_viewer_cannot_change_a_notes_visibility(viewer_client):
    update = CommitmentFactory().status_updates.get()
    assert viewer_client.post(f"/status-updates/{update.pk}/note-visibility/", {"public": "1"}).status_code == 403
    assert StatusUpdate.objects.get(pk=update.pk).note_is_public is False


def test_recording_a_status_with_a_public_note(editor_client):
    commitment = CommitmentFactory(published=True)
    editor_client.post(
        f"/commitments/{commitment.pk}/status/",
        {
            "status": "in_progress",
            "observed_on": commitment.made_on.isoformat(),
            "note": "Oproep gelanceerd.",
            "note_is_public": "on",
        },
    )
    update = StatusUpdate.objects.filter(commitment=commitment).latest("recorded_at")
    assert (update.note, update.note_is_public) == ("Oproep gelanceerd.", True)


def test_the_timeline_says_who_published_the_commitment_in_words(editor_client):
    commitment = CommitmentFactory()
    editor_client.post(f"/commitments/{commitment.pk}/publication/", {"published": "1"})
    html = editor_client.get(commitment.get_absolute_url()).content.decode()
    assert '<span class="change-field">Publication</span>: <del>internal</del> → <ins>published</ins>' in html
