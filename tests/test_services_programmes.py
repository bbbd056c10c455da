"""Programmes and their parts: one level, no refusals, and a programme is not fulfilled while a part is open."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import CommitmentFactory
from tracker.models import Commitment, Kind, Status, StatusUpdate
from tracker.services.commitments import Provenance, RestoredStatus, commitment_record_status, commitment_restore_history
from tracker.services.programmes import commitment_set_parent

pytestmark = pytest.mark.django_db

DAY = datetime.date(2020, 3, 1)


def part_of(programme, *parts):
    for part in parts:
        commitment_set_parent(commitment=part, parent=programme, user=None, reason="Maatregel van het actieplan.")


def test_a_commitment_becomes_a_part_of_a_programme_and_the_reason_is_in_its_history(editor):
    programme, measure = CommitmentFactory(), CommitmentFactory()
    assert commitment_set_parent(commitment=measure, parent=programme, user=editor, reason="Actie 3 van het plan.")
    assert list(programme.parts.all()) == [measure]
    latest = measure.history.first()
    assert (latest.parent_id, latest.history_user, latest.history_change_reason) == (
        programme.pk,
        editor,
        "Actie 3 van het plan.",
    )


def test_clearing_the_programme_detaches_the_part(editor):
    programme, measure = CommitmentFactory(), CommitmentFactory()
    part_of(programme, measure)
    assert commitment_set_parent(commitment=measure, parent=None, user=editor, reason="Geen deel van het plan.")
    assert Commitment.objects.get(pk=measure.pk).parent is None


def test_setting_the_same_programme_again_changes_nothing():
    programme, measure = CommitmentFactory(), CommitmentFactory()
    part_of(programme, measure)
    assert not commitment_set_parent(commitment=measure, parent=programme, user=None, reason="Nogmaals.")


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("itself", "cannot be a part of itself"),
        ("part_of_part", "is itself a part of"),
        ("programme_as_part", "has parts of its own"),
        ("refusal_part", "A refusal is neither"),
        ("refusal_programme", "A refusal is neither"),
    ],
)
def test_impossible_programmes_are_refused_with_a_clear_reason(case, message):
    programme, measure, other = CommitmentFactory(), CommitmentFactory(), CommitmentFactory()
    refusal = CommitmentFactory(kind=Kind.REFUSAL)
    part_of(programme, measure)
    child, parent = {
        "itself": (other, other),
        "part_of_part": (other, measure),
        "programme_as_part": (programme, other),
        "refusal_part": (refusal, programme),
        "refusal_programme": (other, refusal),
    }[case]
    with pytest.raises(ValidationError, match=message):
        commitment_set_parent(commitment=child, parent=parent, user=None, reason="Probeer.")
    assert Commitment.objects.get(pk=child.pk).parent_id == (programme.pk if child == measure else None)


def test_a_reason_is_required():
    with pytest.raises(ValidationError, match="reason"):
        commitment_set_parent(commitment=CommitmentFactory(), parent=CommitmentFactory(), user=None, reason=" ")


def test_a_programme_with_an_open_part_is_not_recorded_as_fulfilled_and_the_error_names_the_part():
    programme, done, still_open = CommitmentFactory(), CommitmentFactory(), CommitmentFactory()
    part_of(programme, done, still_open)
    commitment_record_status(commitment=done, user=None, status=Status.FULFILLED, observed_on=DAY)
    with pytest.raises(ValidationError) as refused:
        commitment_record_status(commitment=programme, user=None, status=Status.FULFILLED, observed_on=DAY)
    assert still_open.reference in refused.value.message_dict["status"][0]
    assert done.reference not in refused.value.message_dict["status"][0]
    assert StatusUpdate.objects.filter(commitment=programme).count() == 1


def test_recording_it_anyway_needs_a_note():
    programme, measure = CommitmentFactory(), CommitmentFactory()
    part_of(programme, measure)
    with pytest.raises(ValidationError) as refused:
        commitment_record_status(
            commitment=programme, user=None, status=Status.FULFILLED, observed_on=DAY, confirm_open_parts=True
        )
    assert "note" in refused.value.message_dict
    commitment_record_status(
        commitment=programme,
        user=None,
        status=Status.FULFILLED,
        observed_on=DAY,
        confirm_open_parts=True,
        note="Het plan is afgerond; maatregel 2 werd geschrapt.",
    )
    assert Commitment.objects.get(pk=programme.pk).current_status == Status.FULFILLED


def test_other_statuses_and_programmes_whose_parts_are_closed_are_not_held_back():
    programme, measure = CommitmentFactory(), CommitmentFactory()
    part_of(programme, measure)
    commitment_record_status(commitment=programme, user=None, status=Status.PARTIALLY_FULFILLED, observed_on=DAY)
    commitment_record_status(commitment=measure, user=None, status=Status.NOT_FULFILLED, observed_on=DAY)
    commitment_record_status(commitment=programme, user=None, status=Status.FULFILLED, observed_on=DAY)
    assert Commitment.objects.get(pk=programme.pk).current_status == Status.FULFILLED


def test_a_restored_history_is_not_held_back_by_open_parts():
    programme, measure = CommitmentFactory(), CommitmentFactory()
    part_of(programme, measure)
    entry = RestoredStatus(
        status=Status.FULFILLED, observed_on=DAY, recorded=Provenance(at=datetime.datetime(2020, 3, 2, tzinfo=datetime.UTC))
    )
    assert commitment_restore_history(commitment=programme, history=[entry]) == 1


def test_four_eyes_a_confirmed_fulfilled_programme_still_needs_the_second_editor(settings, editor):
    settings.TRACKER_FOUR_EYES = True
    programme, measure = CommitmentFactory(), CommitmentFactory()
    part_of(programme, measure)
    update = commitment_record_status(
        commitment=programme, user=editor, status=Status.FULFILLED, observed_on=DAY, confirm_open_parts=True, note="Afgerond."
    )
    assert update.needs_confirmation
    assert Commitment.objects.get(pk=programme.pk).current_status == Status.ANNOUNCED
