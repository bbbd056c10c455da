"""Merging duplicates into one commitment, and an administrator undoing it."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import CommitmentFactory
from tests.test_tallies import tallies
from tracker.models import Commitment, CommitmentMerge, Kind, Status
from tracker.services.commitments import commitment_record_status, commitments_refresh_current_status
from tracker.services.merges import commitment_merge_undo, commitments_merge
from tracker.services.programmes import commitment_set_parent
from tracker.services.tallies import tally_counts

pytestmark = pytest.mark.django_db


def merge(kept, absorbed, user=None):
    return commitments_merge(kept=kept, absorbed=absorbed, user=user, reason="Dezelfde projectoproep, twee keer ingevoerd.")


def test_merging_hides_the_duplicate_and_records_the_merge(editor):
    kept, absorbed = CommitmentFactory(), CommitmentFactory()
    record = merge(kept, absorbed, user=editor)
    assert (record.kept, record.absorbed, record.merged_by, record.is_standing) == (kept, absorbed, editor, True)
    assert list(Commitment.objects.all()) == [kept]
    assert Commitment.all_objects.get(pk=absorbed.pk).merged_into == kept
    assert absorbed.merged_into_id == kept.pk


def test_the_merge_is_in_both_audit_trails_with_the_reason(editor):
    kept, absorbed = CommitmentFactory(), CommitmentFactory()
    merge(kept, absorbed, user=editor)
    assert (
        kept.history.first().history_change_reason
        == f"{absorbed.reference} merged into it: Dezelfde projectoproep, twee keer ingevoerd."
    )
    assert absorbed.history.first().history_change_reason.startswith(f"Merged into {kept.reference}: ")
    assert absorbed.history.first().history_user == editor


def test_the_kept_status_is_the_latest_observation_across_both_histories():
    kept = CommitmentFactory(status=Status.IN_PROGRESS, observed_on=datetime.date(2019, 5, 1))
    absorbed = CommitmentFactory(status=Status.DELAYED, observed_on=datetime.date(2020, 2, 1))
    merge(kept, absorbed)
    kept.refresh_from_db()
    assert (kept.current_status, kept.status_observed_on) == (Status.DELAYED, datetime.date(2020, 2, 1))


def test_a_status_recorded_later_on_the_duplicate_goes_to_the_kept_commitment():
    kept, absorbed = CommitmentFactory(), CommitmentFactory()
    merge(kept, absorbed)
    update = commitment_record_status(
        commitment=absorbed, user=None, status=Status.IN_PROGRESS, observed_on=datetime.date(2020, 1, 1)
    )
    assert update.commitment_id == kept.pk
    assert Commitment.objects.get(pk=kept.pk).current_status == Status.IN_PROGRESS


def test_a_bulk_refresh_reads_the_merged_histories_too():
    kept = CommitmentFactory()
    absorbed = CommitmentFactory(status=Status.IN_PROGRESS, observed_on=datetime.date(2020, 2, 1))
    merge(kept, absorbed)
    Commitment.all_objects.update(current_status=Status.ANNOUNCED)
    commitments_refresh_current_status(Commitment.all_objects.all())
    assert dict(Commitment.all_objects.values_list("pk", "current_status")) == {
        kept.pk: Status.IN_PROGRESS,
        absorbed.pk: Status.IN_PROGRESS,
    }


def test_the_tallies_leave_the_merged_duplicate_out_and_take_it_back_on_undo(administrator):
    kept, absorbed = CommitmentFactory(), CommitmentFactory(status=Status.DELAYED, observed_on=datetime.date(2020, 2, 1))
    record = merge(kept, absorbed)
    assert sum(tallies().values()) == 1
    assert tallies() == tally_counts()
    commitment_merge_undo(merge=record, user=administrator, reason="Toch twee verschillende oproepen.")
    assert sum(tallies().values()) == 2
    assert tallies() == tally_counts()


def test_undo_brings_both_back_with_their_own_statuses_and_keeps_the_record(administrator):
    kept = CommitmentFactory(status=Status.IN_PROGRESS, observed_on=datetime.date(2019, 5, 1))
    absorbed = CommitmentFactory(status=Status.DELAYED, observed_on=datetime.date(2020, 2, 1))
    record = merge(kept, absorbed)
    commitment_merge_undo(merge=record, user=administrator, reason="Toch twee verschillende oproepen.")
    record.refresh_from_db()
    assert (record.is_standing, record.undone_by, record.undo_reason) == (
        False,
        administrator,
        "Toch twee verschillende oproepen.",
    )
    statuses = dict(Commitment.objects.values_list("pk", "current_status"))
    assert statuses == {kept.pk: Status.IN_PROGRESS, absorbed.pk: Status.DELAYED}
    assert absorbed.history.first().history_change_reason.startswith(f"Merge into {kept.reference} undone: ")
    assert kept.history.first().history_change_reason.startswith(f"Merge of {absorbed.reference} undone: ")


def test_an_undone_merge_cannot_be_undone_again_and_needs_a_reason(administrator):
    record = merge(CommitmentFactory(), CommitmentFactory())
    with pytest.raises(ValidationError, match="reason"):
        commitment_merge_undo(merge=record, user=administrator, reason="")
    commitment_merge_undo(merge=record, user=administrator, reason="Fout.")
    with pytest.raises(ValidationError, match="already undone"):
        commitment_merge_undo(merge=record, user=administrator, reason="Nogmaals.")


def test_after_an_undo_the_pair_can_be_merged_again():
    kept, absorbed = CommitmentFactory(), CommitmentFactory()
    commitment_merge_undo(merge=merge(kept, absorbed), user=None, reason="Te vroeg.")
    merge(kept, absorbed)
    assert CommitmentMerge.objects.filter(undone_at__isnull=True).count() == 1


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("same", "cannot be merged into itself"),
        ("kept_merged", "is already merged into"),
        ("absorbed_merged", "is already merged into"),
        ("families", "A refusal and a promise"),
        ("programme", "is a programme with parts"),
        ("holds_duplicates", "Duplicates were merged into"),
    ],
)
def test_impossible_merges_are_refused_and_nothing_is_written(case, message):
    first, second, third = CommitmentFactory(), CommitmentFactory(), CommitmentFactory()
    refusal = CommitmentFactory(kind=Kind.REFUSAL)
    kept, absorbed = {
        "same": (first, first),
        "kept_merged": (second, first),
        "absorbed_merged": (first, second),
        "families": (first, refusal),
        "programme": (first, second),
        "holds_duplicates": (first, second),
    }[case]
    if case in ("kept_merged", "absorbed_merged"):
        merge(third, second)
    if case == "programme":
        commitment_set_parent(commitment=third, parent=second, user=None, reason="Deel.")
    if case == "holds_duplicates":
        merge(second, third)
    standing = CommitmentMerge.objects.count()
    with pytest.raises(ValidationError, match=message):
        merge(kept, absorbed)
    assert CommitmentMerge.objects.count() == standing
    assert Commitment.all_objects.get(pk=first.pk).merged_into_id is None


def test_a_merge_needs_a_reason():
    with pytest.raises(ValidationError, match="reason"):
        commitments_merge(kept=CommitmentFactory(), absorbed=CommitmentFactory(), user=None, reason="")


def test_a_closing_status_of_the_duplicate_awaiting_confirmation_counts_for_the_kept_one_once_confirmed(settings, editor):
    from tests.factories import UserFactory
    from tracker.roles import Role
    from tracker.services.commitments import status_update_confirm

    settings.TRACKER_FOUR_EYES = True
    kept, absorbed = CommitmentFactory(), CommitmentFactory()
    awaiting = commitment_record_status(
        commitment=absorbed, user=editor, status=Status.FULFILLED, observed_on=datetime.date(2020, 1, 1)
    )
    merge(kept, absorbed)
    assert Commitment.objects.get(pk=kept.pk).current_status == Status.ANNOUNCED
    status_update_confirm(update=awaiting, user=UserFactory(username="tweede", role=Role.EDITOR))
    assert Commitment.objects.get(pk=kept.pk).current_status == Status.FULFILLED


def test_a_long_reason_is_kept_whole_on_the_merge_and_shortened_in_the_audit_trail():
    kept, absorbed = CommitmentFactory(), CommitmentFactory()
    reason = "Dezelfde belofte, opnieuw gedaan in een later antwoord en per vergissing apart ingevoerd door de redactie. " * 2
    record = commitments_merge(kept=kept, absorbed=absorbed, user=None, reason=reason)
    assert record.reason == reason.strip()
    assert len(absorbed.history.first().history_change_reason) == 100
