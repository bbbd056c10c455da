"""Slippage on record: every change of a deadline is a DeadlineChange, and the figures kept on the
commitment (first deadline, moves, days slipped) are what those changes add up to."""

import datetime

import pytest

from tests.factories import CommitmentFactory, RestatementFactory, move_deadline
from tracker.models import Commitment, DeadlineChange, Slippage, slippage_from_changes
from tracker.services.commitments import commitment_change_deadline
from tracker.services.slippage import commitment_refresh_slippage

pytestmark = pytest.mark.django_db

END_2019, IN_2020, END_2020 = datetime.date(2019, 12, 31), datetime.date(2020, 6, 30), datetime.date(2020, 12, 31)


def stored(commitment: Commitment) -> tuple:
    commitment = Commitment.all_objects.get(pk=commitment.pk)
    return commitment.first_deadline, commitment.deadline_moves, commitment.deadline_slip_days


def summed(commitment: Commitment) -> tuple:
    changes = DeadlineChange.objects.filter(commitment=commitment)
    return slippage_from_changes(changes, deadline=Commitment.all_objects.get(pk=commitment.pk).deadline)


def test_a_new_commitment_has_its_deadline_as_the_first_one_and_no_moves():
    commitment = CommitmentFactory(deadline=END_2019, deadline_wording="tegen eind 2019")
    assert stored(commitment) == (END_2019, 0, 0) == summed(commitment)


def test_two_moves_count_twice_and_add_their_days():
    commitment = CommitmentFactory(deadline=END_2019, deadline_wording="tegen eind 2019")
    move_deadline(commitment, IN_2020, changed_on=datetime.date(2020, 3, 3), wording="in de loop van 2020")
    move_deadline(commitment, END_2020, changed_on=datetime.date(2021, 2, 1))
    assert stored(commitment) == (END_2019, 2, (END_2020 - END_2019).days) == summed(commitment)
    assert stored(commitment)[2] == 366


def test_a_deadline_brought_forward_is_a_move_with_negative_days():
    commitment = CommitmentFactory(deadline=END_2020)
    move_deadline(commitment, END_2019, changed_on=datetime.date(2019, 1, 1))
    assert stored(commitment) == (END_2020, 1, -366) == summed(commitment)


def test_setting_a_first_deadline_or_removing_one_is_recorded_but_is_not_a_move(editor):
    refusal_like = CommitmentFactory(deadline=END_2019)
    move_deadline(refusal_like, None, changed_on=datetime.date(2019, 3, 1))
    move_deadline(refusal_like, END_2020, changed_on=datetime.date(2019, 4, 1))
    assert DeadlineChange.objects.filter(commitment=refusal_like).count() == 2
    assert stored(refusal_like) == (END_2019, 0, 0) == summed(refusal_like)


def test_changing_the_deadline_from_the_commitment_page_records_a_change_with_the_reason(editor):
    commitment = CommitmentFactory(deadline=END_2019)
    commitment_change_deadline(commitment=commitment, user=editor, deadline=END_2020, reason="Minister vroeg uitstel.")
    change = DeadlineChange.objects.get(commitment=commitment)
    assert (change.old_deadline, change.new_deadline, change.slip_days, change.reason) == (
        END_2019,
        END_2020,
        366,
        "Minister vroeg uitstel.",
    )
    assert change.recorded_by == editor
    assert stored(commitment) == (END_2019, 1, 366) == summed(commitment)


def test_the_same_date_again_records_nothing(editor):
    commitment = CommitmentFactory(deadline=END_2019)
    commitment_change_deadline(commitment=commitment, user=editor, deadline=END_2019, reason="Bevestigd.")
    assert not DeadlineChange.objects.filter(commitment=commitment).exists()


def test_refreshing_puts_figures_that_drifted_back_in_step_with_the_changes():
    commitment = CommitmentFactory(deadline=END_2019)
    move_deadline(commitment, END_2020, changed_on=datetime.date(2020, 1, 5))
    Commitment.all_objects.filter(pk=commitment.pk).update(deadline_moves=7, deadline_slip_days=1, first_deadline=None)
    commitment.refresh_from_db()
    assert commitment_refresh_slippage(commitment) is True
    assert stored(commitment) == (END_2019, 1, 366)
    assert commitment_refresh_slippage(commitment) is False


def test_a_move_from_a_restatement_says_where_it_was_restated():
    commitment = CommitmentFactory(deadline=END_2019)
    restatement = RestatementFactory(commitment=commitment)
    move_deadline(commitment, END_2020, changed_on=restatement.made_on, restatement=restatement)
    change = DeadlineChange.objects.select_related("restatement__answer__question").get(commitment=commitment)
    assert change.source == f"re-stated in vraag {restatement.answer.question.citation}"


def test_the_average_slip_is_per_move():
    assert Slippage(moved=2, moves=3, days=100).average_days == 33
    assert Slippage().average_days is None


def test_the_stored_figures_of_every_commitment_equal_what_its_changes_add_up_to(editor):
    commitments = [CommitmentFactory(deadline=END_2019) for _ in range(4)]
    move_deadline(commitments[0], END_2020, changed_on=datetime.date(2020, 1, 1))
    move_deadline(commitments[1], IN_2020, changed_on=datetime.date(2020, 1, 1))
    move_deadline(commitments[1], END_2019, changed_on=datetime.date(2020, 2, 1))
    commitment_change_deadline(commitment=commitments[2], user=editor, deadline=IN_2020, reason="Uitstel.")
    for commitment in commitments:
        assert stored(commitment) == summed(commitment), commitment.reference
    totals = Commitment.objects.filter(pk__in=[c.pk for c in commitments]).slippage()
    assert totals == {"moved": 3, "moves": 4, "days": 366 + 0 + (IN_2020 - END_2019).days}
