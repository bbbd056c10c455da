"""Publishing: a commitment is published or internal, a status update's note public or staff only,
and the change is the editor's, kept in the history."""

import datetime

import pytest
from django.db import DatabaseError, IntegrityError, transaction

from tests.factories import CommitmentFactory, UserFactory
from tracker.models import Commitment, StatusUpdate
from tracker.services.commitments import commitment_record_status
from tracker.services.publishing import commitment_publish, commitments_publish, status_update_publish_note

pytestmark = pytest.mark.django_db


def test_a_new_commitment_is_internal_unless_the_setting_publishes_by_default(settings):
    assert CommitmentFactory().published is False
    settings.TRACKER_PUBLISH_BY_DEFAULT = True
    assert CommitmentFactory().published is True
    assert CommitmentFactory(published=False).published is False


def test_publishing_is_kept_in_the_history_with_who_did_it():
    editor = UserFactory()
    commitment = CommitmentFactory()
    assert commitment_publish(commitment=commitment, published=True, user=editor) is True
    assert commitment_publish(commitment=commitment, published=True, user=editor) is False
    commitment.refresh_from_db()
    assert commitment.published is True
    latest = commitment.history.latest()
    assert (latest.published, latest.history_user) == (True, editor)


def test_publishing_in_bulk_counts_only_what_changed():
    already, internal, other = CommitmentFactory(published=True), CommitmentFactory(), CommitmentFactory()
    assert commitments_publish(commitments=[already, internal], published=True, user=None) == 1
    assert set(Commitment.objects.published()) == {already, internal}
    assert other not in Commitment.objects.published()
    assert commitments_publish(commitments=[already, internal], published=False, user=None) == 2
    assert not Commitment.objects.published().exists()


def test_a_note_is_internal_unless_the_editor_makes_it_public():
    commitment = CommitmentFactory(published=True)
    update = commitment_record_status(
        commitment=commitment, user=None, status="in_progress", observed_on=commitment.made_on, note="Intern: bellen met kabinet."
    )
    assert (update.note_is_public, update.public_note) == (False, "")
    assert status_update_publish_note(update=update, public=True) is True
    update.refresh_from_db()
    assert (update.note_is_public, update.public_note) == (True, "Intern: bellen met kabinet.")
    assert status_update_publish_note(update=update, public=True) is False


def test_a_note_recorded_public_is_public():
    commitment = CommitmentFactory()
    update = commitment_record_status(
        commitment=commitment,
        user=None,
        status="in_progress",
        observed_on=commitment.made_on + datetime.timedelta(days=1),
        note="Oproep gepubliceerd.",
        note_is_public=True,
    )
    assert StatusUpdate.objects.get(pk=update.pk).public_note == "Oproep gepubliceerd."


def test_the_history_stays_append_only_except_for_the_notes_visibility():
    update = CommitmentFactory().status_updates.get()
    StatusUpdate.objects.filter(pk=update.pk).update(note_is_public=True)
    for change in ({"note": "herschreven"}, {"note": "herschreven", "note_is_public": False}, {"status": "delayed"}):
        with pytest.raises((IntegrityError, DatabaseError), match="append-only"), transaction.atomic():
            StatusUpdate.objects.filter(pk=update.pk).update(**change)
    update.refresh_from_db()
    assert (update.note, update.status, update.note_is_public) == ("", "announced", True)


def test_the_public_sees_only_valid_updates_of_published_commitments():
    published, internal = CommitmentFactory(published=True), CommitmentFactory()
    assert set(StatusUpdate.objects.public()) == set(published.status_updates.all())
    assert not StatusUpdate.objects.public().filter(commitment=internal).exists()
