"""The domain rules on commitments: overdue, due soon, needs follow-up, default horizon, validation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import AnswerFactory, CommitmentFactory, QuestionFactory
from tracker.models import Commitment, DeadlineSource, Kind, Status

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)
YESTERDAY = TODAY - datetime.timedelta(days=1)


def overdue_ids(as_of=TODAY):
    return set(Commitment.objects.overdue(as_of=as_of).values_list("pk", flat=True))


def flagged_overdue(commitment, as_of=TODAY) -> bool:
    return Commitment.objects.with_overdue_flag(as_of=as_of).get(pk=commitment.pk).is_overdue


def test_commitment_with_deadline_yesterday_is_overdue():
    commitment = CommitmentFactory(deadline=YESTERDAY)
    assert overdue_ids() == {commitment.pk}
    assert flagged_overdue(commitment)


def test_commitment_with_deadline_today_is_not_yet_overdue():
    commitment = CommitmentFactory(deadline=TODAY)
    assert overdue_ids() == set()
    assert not flagged_overdue(commitment)


@pytest.mark.parametrize("status", [Status.IN_PROGRESS, Status.DELAYED])
def test_open_statuses_other_than_announced_can_be_overdue(status):
    commitment = CommitmentFactory(deadline=YESTERDAY, status=status)
    assert overdue_ids() == {commitment.pk}


@pytest.mark.parametrize("status", [Status.FULFILLED, Status.PARTIALLY_FULFILLED, Status.NOT_FULFILLED, Status.LAPSED])
def test_closed_commitment_is_never_overdue(status):
    CommitmentFactory(deadline=datetime.date(2019, 1, 1), status=status)
    assert overdue_ids() == set()


def test_refusal_is_never_overdue_and_has_no_deadline():
    refusal = CommitmentFactory(kind=Kind.REFUSAL, deadline=YESTERDAY)
    assert refusal.deadline is None
    assert refusal.deadline_source == DeadlineSource.NONE
    assert refusal.current_status == Status.POSITION_MAINTAINED
    assert overdue_ids() == set()
    assert Commitment.objects.open().filter(pk=refusal.pk).exists(), "a standing refusal is still followed up"


def test_long_overdue_counts_only_commitments_late_by_more_than_the_threshold():
    late_a_year_and_a_day = CommitmentFactory(deadline=TODAY - datetime.timedelta(days=366))
    CommitmentFactory(deadline=TODAY - datetime.timedelta(days=365))
    assert list(Commitment.objects.long_overdue(as_of=TODAY, days=365)) == [late_a_year_and_a_day]


def test_a_commitment_is_long_overdue_after_the_configured_days(settings):
    settings.TRACKER_LONG_OVERDUE_DAYS = 30
    long_late = CommitmentFactory(deadline=TODAY - datetime.timedelta(days=31))
    just_late = CommitmentFactory(deadline=TODAY - datetime.timedelta(days=30))
    CommitmentFactory(deadline=TODAY - datetime.timedelta(days=400), status=Status.FULFILLED)
    assert list(Commitment.objects.long_overdue(as_of=TODAY)) == [long_late]
    flags = dict(Commitment.objects.with_overdue_flag(as_of=TODAY).values_list("pk", "is_long_overdue"))
    assert (flags[long_late.pk], flags[just_late.pk]) == (True, False)
    assert sum(flags.values()) == 1, "a kept promise is never long overdue"


def test_due_soon_includes_today_and_the_last_day_of_the_window_but_not_the_day_after():
    today = CommitmentFactory(deadline=TODAY)
    last_day = CommitmentFactory(deadline=TODAY + datetime.timedelta(days=30))
    CommitmentFactory(deadline=TODAY + datetime.timedelta(days=31))
    CommitmentFactory(deadline=YESTERDAY)
    CommitmentFactory(deadline=TODAY + datetime.timedelta(days=3), status=Status.FULFILLED)
    due = set(Commitment.objects.due_soon(as_of=TODAY, days=30).values_list("pk", flat=True))
    assert due == {today.pk, last_day.pk}


def test_needs_follow_up_when_the_latest_status_is_older_than_the_period():
    # Statuses observed on 24 and 25 May; six months before 25 November is 25 May.
    checked_just_too_long_ago = CommitmentFactory(status=Status.IN_PROGRESS, observed_on=datetime.date(2026, 5, 24))
    CommitmentFactory(status=Status.IN_PROGRESS, observed_on=datetime.date(2026, 5, 25))
    CommitmentFactory(status=Status.FULFILLED, observed_on=datetime.date(2019, 1, 1))
    found = list(Commitment.objects.needs_follow_up(as_of=TODAY, months=6))
    assert found == [checked_just_too_long_ago]


def test_due_soon_reaches_the_configured_number_of_days_ahead(settings):
    settings.TRACKER_DUE_SOON_DAYS = 7
    last_day = CommitmentFactory(deadline=TODAY + datetime.timedelta(days=7))
    CommitmentFactory(deadline=TODAY + datetime.timedelta(days=8))
    assert list(Commitment.objects.due_soon(as_of=TODAY)) == [last_day]


def test_needs_follow_up_after_the_configured_number_of_months(settings):
    settings.TRACKER_FOLLOW_UP_MONTHS = 2
    checked_in_september = CommitmentFactory(status=Status.IN_PROGRESS, observed_on=datetime.date(2026, 9, 24))
    CommitmentFactory(status=Status.IN_PROGRESS, observed_on=datetime.date(2026, 9, 25))
    assert list(Commitment.objects.needs_follow_up(as_of=TODAY)) == [checked_in_september]


def test_needs_follow_up_counts_a_promise_nobody_ever_checked():
    never_checked = CommitmentFactory()  # only the initial "announced" of 2018
    assert never_checked in Commitment.objects.needs_follow_up(as_of=TODAY, months=6)


def test_overdue_list_is_sorted_by_how_late():
    later = CommitmentFactory(deadline=datetime.date(2024, 1, 1))
    earliest = CommitmentFactory(deadline=datetime.date(2019, 1, 1))
    assert list(Commitment.objects.overdue(as_of=TODAY).overdue_first()) == [earliest, later]


def test_days_overdue_annotation_counts_whole_days_and_is_empty_when_not_overdue():
    late = CommitmentFactory(deadline=TODAY - datetime.timedelta(days=10))
    on_time = CommitmentFactory(deadline=TODAY + datetime.timedelta(days=10))
    rows = {c.pk: c for c in Commitment.objects.with_overdue_flag(as_of=TODAY)}
    assert (rows[late.pk].is_overdue, rows[late.pk].days_overdue) == (True, 10)
    assert (rows[on_time.pk].is_overdue, rows[on_time.pk].days_overdue) == (False, None)


def test_without_a_stated_deadline_the_default_horizon_is_the_end_of_the_legislature():
    commitment = CommitmentFactory()  # answered 19 July 2018, legislature 2014-2019
    assert commitment.deadline == datetime.date(2019, 5, 26)
    assert commitment.deadline_source == DeadlineSource.DEFAULT_HORIZON
    assert commitment.deadline_wording == ""


def test_default_horizon_can_be_the_end_of_the_government(settings):
    settings.TRACKER_DEFAULT_HORIZON = "government"
    commitment = CommitmentFactory()
    assert commitment.deadline == datetime.date(2019, 7, 2)  # end of the Bourgeois government


def test_undated_answer_takes_the_question_date_for_the_default_horizon():
    answer = AnswerFactory(answered_on=None, question=QuestionFactory(asked_on=datetime.date(2019, 5, 20)))
    commitment = CommitmentFactory(answer=answer)
    assert commitment.made_on == datetime.date(2019, 5, 20)
    assert commitment.deadline == datetime.date(2019, 5, 26)


def test_stated_deadline_keeps_its_wording_and_is_marked_stated():
    commitment = CommitmentFactory(deadline=datetime.date(2019, 12, 31), deadline_wording="tegen eind 2019")
    assert (commitment.deadline_source, commitment.deadline_wording) == (DeadlineSource.STATED, "tegen eind 2019")


def test_quote_position_points_at_the_quote_in_the_answer():
    commitment = CommitmentFactory()
    before, quote, after = commitment.quote_in_context()
    assert quote == commitment.quote
    assert before + quote + after == commitment.answer.text


def test_clean_refuses_a_quote_that_is_not_in_the_answer():
    commitment = CommitmentFactory()
    commitment.quote = "Dit staat nergens in het antwoord."
    with pytest.raises(ValidationError) as error:
        commitment.clean()
    assert "does not occur in the answer" in str(error.value.message_dict["quote"])


def test_clean_refuses_a_deadline_before_the_question_date():
    commitment = CommitmentFactory()
    commitment.deadline = datetime.date(2017, 1, 1)
    with pytest.raises(ValidationError) as error:
        commitment.clean()
    assert "lies before the question was asked" in str(error.value.message_dict["deadline"])


def test_database_refuses_a_stated_deadline_without_wording():
    commitment = CommitmentFactory(deadline=datetime.date(2019, 12, 31), deadline_wording="tegen eind 2019")
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.filter(pk=commitment.pk).update(deadline_wording="")


def test_database_refuses_a_refusal_status_on_a_promise():
    commitment = CommitmentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.filter(pk=commitment.pk).update(current_status=Status.POSITION_MAINTAINED)


def test_database_refuses_a_deadline_without_a_source():
    commitment = CommitmentFactory(kind=Kind.REFUSAL)
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.filter(pk=commitment.pk).update(deadline=datetime.date(2020, 1, 1))


def test_reference_is_stable_and_human_readable():
    commitment = CommitmentFactory()
    assert commitment.reference == f"C-{commitment.pk:05d}"
    assert commitment.get_absolute_url() == f"/commitments/{commitment.pk}/"


def test_open_and_closed_partition_all_statuses():
    assert set(Status.open_values()) | set(Status.closed_values()) == set(Status.values)
    assert not set(Status.open_values()) & set(Status.closed_values())
