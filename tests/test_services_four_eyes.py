"""The four-eyes check: a status that closes a commitment counts once a second editor confirms it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction

from tests.factories import CommitmentFactory, UserFactory
from tests.test_tallies import tallies
from tracker.models import Commitment, Status, StatusUpdate, StatusUpdateConfirmation
from tracker.roles import Role
from tracker.services.commitments import (
    commitment_record_status,
    status_update_confirm,
    status_update_reject,
    status_update_void,
)
from tracker.services.tallies import tally_counts

pytestmark = pytest.mark.django_db

DAY = datetime.date(2020, 3, 1)


@pytest.fixture(autouse=True)
def four_eyes(settings):
    settings.TRACKER_FOUR_EYES = True


@pytest.fixture
def second_editor():
    return UserFactory(username="tweede-editor", role=Role.EDITOR)


def close(commitment, user, status=Status.FULFILLED):
    return commitment_record_status(commitment=commitment, user=user, status=status, observed_on=DAY, note="Gerealiseerd.")


def test_a_closing_status_awaits_confirmation_and_does_not_count_until_then(editor):
    commitment = CommitmentFactory()
    update = close(commitment, editor)
    assert update.needs_confirmation
    assert Commitment.objects.get(pk=commitment.pk).current_status == Status.ANNOUNCED
    assert list(StatusUpdate.objects.awaiting_confirmation()) == [update]


def test_an_open_status_counts_at_once(editor):
    commitment = CommitmentFactory()
    update = commitment_record_status(commitment=commitment, user=editor, status=Status.DELAYED, observed_on=DAY)
    assert not update.needs_confirmation
    assert Commitment.objects.get(pk=commitment.pk).current_status == Status.DELAYED


def test_a_second_editor_confirms_and_the_status_and_tallies_follow(editor, second_editor):
    commitment = CommitmentFactory()
    update = close(commitment, editor)
    confirmation = status_update_confirm(update=update, user=second_editor)
    assert (confirmation.confirmed, confirmation.decided_by) == (True, second_editor)
    assert Commitment.objects.get(pk=commitment.pk).current_status == Status.FULFILLED
    assert not StatusUpdate.objects.awaiting_confirmation().exists()
    assert tallies() == tally_counts()


def test_nobody_confirms_their_own_update(editor):
    update = close(CommitmentFactory(), editor)
    with pytest.raises(ValidationError, match="their own status update"):
        status_update_confirm(update=update, user=editor)
    assert not StatusUpdateConfirmation.objects.exists()


def test_a_rejection_needs_a_note_and_leaves_the_status_as_it_was(editor, second_editor):
    commitment = CommitmentFactory()
    update = close(commitment, editor, Status.NOT_FULFILLED)
    with pytest.raises(ValidationError) as error:
        status_update_reject(update=update, user=second_editor, note=" ")
    assert "note" in error.value.message_dict
    status_update_reject(update=update, user=second_editor, note="De oproep liep nog.")
    assert Commitment.objects.get(pk=commitment.pk).current_status == Status.ANNOUNCED
    assert not StatusUpdate.objects.awaiting_confirmation().exists()
    with pytest.raises(ValidationError, match="already confirmed or rejected"):
        status_update_confirm(update=update, user=second_editor)


def test_an_update_that_needs_no_confirmation_or_was_voided_cannot_be_confirmed(editor, second_editor, administrator):
    commitment = CommitmentFactory()
    open_one = commitment_record_status(commitment=commitment, user=editor, status=Status.DELAYED, observed_on=DAY)
    with pytest.raises(ValidationError, match="needs no confirmation"):
        status_update_confirm(update=open_one, user=second_editor)
    closing = close(commitment, editor)
    status_update_void(update=closing, user=administrator, reason="Verkeerde toezegging.")
    with pytest.raises(ValidationError, match="was voided"):
        status_update_confirm(update=closing, user=second_editor)


def test_a_decision_cannot_be_changed_even_by_sql(editor, second_editor):
    confirmation = status_update_confirm(update=close(CommitmentFactory(), editor), user=second_editor)
    with pytest.raises((IntegrityError, DatabaseError), match="append-only"), transaction.atomic():
        StatusUpdateConfirmation.objects.filter(pk=confirmation.pk).update(confirmed=False, note="toch niet")
