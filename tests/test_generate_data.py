"""The synthetic data generator, at a tiny size: consistent with the application's own rules."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models
from django.db.models import Count
from django.utils import timezone

from tracker.models import Answer, Commitment, DeadlineSource, Kind, Question, Status, StatusUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated():
    out = io.StringIO()
    call_command("generate_data", "--questions=120", "--commitments=200", "--updates=900", "--seed=7", "--chunk=50", stdout=out)
    return out.getvalue()


def test_the_requested_numbers_are_generated(generated):
    assert "120 questions" in generated
    assert "200 commitments" in generated
    assert "900 status updates" in generated
    assert (Question.objects.count(), Commitment.objects.count(), StatusUpdate.objects.count()) == (120, 200, 900)
    assert Answer.objects.count() >= 100


def test_every_commitment_quotes_its_answer_and_its_current_status_is_its_latest_update(generated):
    for commitment in Commitment.objects.select_related("answer"):
        assert commitment.quote_in_context()[1] == commitment.quote
        latest = commitment.status_updates.latest_first().first()
        assert (commitment.current_status, commitment.status_observed_on) == (latest.status, latest.observed_on)
        assert commitment.current_status in commitment.allowed_statuses()


def test_the_mix_has_overdue_refusals_stated_and_default_deadlines(generated):
    import datetime

    today = datetime.date.today()
    assert Commitment.objects.overdue(as_of=today).exists()
    assert Commitment.objects.filter(kind=Kind.REFUSAL).exists()
    sources = set(Commitment.objects.values_list("deadline_source", flat=True))
    assert {DeadlineSource.STATED, DeadlineSource.DEFAULT_HORIZON} <= sources
    assert Commitment.objects.values("current_status").annotate(n=Count("pk")).count() >= 5
    assert Commitment.objects.filter(current_status__in=Status.closed_values()).exists()


def test_question_numbers_are_unique_per_minister_and_session_year(generated):
    keys = list(Question.objects.values_list("session_year", "addressee", "number"))
    assert len(keys) == len(set(keys))


def test_the_same_seed_gives_the_same_data():
    call_command("generate_data", "--questions=30", "--commitments=40", "--updates=100", "--seed=3", stdout=io.StringIO())
    first = list(Commitment.objects.order_by("pk").values_list("title", "deadline", "current_status"))
    from tracker.models import DeadlineChange

    for model in (StatusUpdate, DeadlineChange, Commitment, Answer, Question):
        model.objects.all().delete()
    from tracker.models import Office, Person, Theme

    Office.objects.all().delete()
    Person.objects.all().delete()
    Theme.objects.all().delete()
    call_command("generate_data", "--questions=30", "--commitments=40", "--updates=100", "--seed=3", stdout=io.StringIO())
    assert list(Commitment.objects.order_by("pk").values_list("title", "deadline", "current_status")) == first


def test_generating_twice_needs_append(generated):
    with pytest.raises(CommandError, match="--append"):
        call_command("generate_data", "--questions=1", "--commitments=1", "--updates=1")


def test_impossible_sizes_are_refused():
    with pytest.raises(CommandError, match="updates >= commitments"):
        call_command("generate_data", "--questions=10", "--commitments=20", "--updates=5")


def test_some_deadlines_moved_and_their_figures_are_what_their_changes_add_up_to(generated):
    from tracker.models import DeadlineChange, slippage_from_changes

    moved = list(Commitment.objects.deadline_moved().prefetch_related("deadline_changes"))
    assert moved, "the generated data has slippage"
    for commitment in moved:
        changes = list(commitment.deadline_changes.all())
        assert slippage_from_changes(changes, deadline=commitment.deadline) == (
            commitment.first_deadline,
            commitment.deadline_moves,
            commitment.deadline_slip_days,
        )
    never = Commitment.objects.filter(deadline_moves=0).exclude(deadline=None)
    assert not never.exclude(first_deadline=models.F("deadline")).exists(), "the first deadline of the others is theirs"
    assert DeadlineChange.objects.filter(changed_on__gt=timezone.localdate()).count() == 0
