"""The bulk writer of the data generator: the same checks and the same current-status rule as one by one."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import AnswerFactory
from tracker.models import Commitment, DeadlineSource, Kind, Status, StatusUpdate
from tracker.services.bulk import BulkStatus, commitments_bulk_create

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 29)


def unsaved(answer, kind=Kind.ACTION) -> Commitment:
    quote = answer.text.split("\n")[0][3:].split(".")[0] + "."
    return Commitment(
        answer=answer,
        title="Gegenereerd",
        quote=quote,
        quote_start=answer.text.find(quote),
        kind=kind,
        responsible_person=answer.question.addressee,
        deadline=None,
        deadline_source=DeadlineSource.NONE,
        made_on=answer.made_on,
    )


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def test_each_commitment_gets_its_history_and_the_current_status_the_rule_names():
    answer = AnswerFactory()
    made = answer.made_on
    first, second = unsaved(answer), unsaved(AnswerFactory())
    histories = [
        [
            BulkStatus(Status.ANNOUNCED, made, at(made)),
            BulkStatus(Status.FULFILLED, made + datetime.timedelta(days=300), at(made + datetime.timedelta(days=301))),
            # Recorded later but observed earlier: joins the history without becoming current.
            BulkStatus(Status.IN_PROGRESS, made + datetime.timedelta(days=100), at(made + datetime.timedelta(days=400))),
        ],
        [BulkStatus(Status.ANNOUNCED, second.made_on, at(second.made_on))],
    ]
    assert commitments_bulk_create([first, second], histories, today=TODAY) == 4
    first.refresh_from_db()
    assert (first.current_status, first.status_observed_on) == (Status.FULFILLED, made + datetime.timedelta(days=300))
    assert first.last_recorded_at == at(made + datetime.timedelta(days=400))
    assert StatusUpdate.objects.count() == 4


@pytest.mark.parametrize(
    ("status", "days", "field"),
    [
        (Status.FULFILLED, 10_000, "observed_on"),
        (Status.FULFILLED, -30, "observed_on"),
        (Status.POSITION_MAINTAINED, 5, "status"),
    ],
)
def test_an_impossible_history_is_refused_and_nothing_is_written(status, days, field):
    answer = AnswerFactory()
    day = answer.made_on + datetime.timedelta(days=days)
    history = [BulkStatus(Status.ANNOUNCED, answer.made_on, at(answer.made_on)), BulkStatus(status, day, at(answer.made_on))]
    with pytest.raises(ValidationError) as error:
        commitments_bulk_create([unsaved(answer)], [history], today=TODAY)
    assert field in error.value.message_dict
    assert not Commitment.objects.exists()


def test_moved_deadlines_get_their_changes_and_the_figures_they_add_up_to():
    from tracker.models import DeadlineChange
    from tracker.services.bulk import BulkMove

    answer = AnswerFactory()
    quote = answer.text.split(".")[0].removeprefix("1. ") + "."
    commitment = Commitment(
        answer=answer,
        title="Verschoven",
        quote=quote,
        quote_start=answer.text.find(quote),
        kind=Kind.ACTION,
        responsible_person=answer.question.addressee,
        deadline=datetime.date(2019, 12, 31),
        deadline_source=DeadlineSource.STATED,
        deadline_wording="tegen eind 2019",
        made_on=answer.made_on,
    )
    at = timezone.now()
    moves = [
        BulkMove(
            new_deadline=datetime.date(2020, 6, 30), changed_on=datetime.date(2019, 12, 1), recorded_at=at, reason="Vertraging."
        ),
        BulkMove(
            new_deadline=datetime.date(2020, 12, 31), changed_on=datetime.date(2020, 6, 1), recorded_at=at, reason="Opnieuw."
        ),
    ]
    history = [BulkStatus(status=Status.ANNOUNCED, observed_on=answer.made_on, recorded_at=at)]
    commitments_bulk_create([commitment], [history], today=datetime.date(2026, 1, 1), moves=[moves])
    stored = Commitment.objects.get(pk=commitment.pk)
    assert (stored.first_deadline, stored.deadline, stored.deadline_moves, stored.deadline_slip_days) == (
        datetime.date(2019, 12, 31),
        datetime.date(2020, 12, 31),
        2,
        366,
    )
    assert list(DeadlineChange.objects.filter(commitment=stored).values_list("reason", flat=True)) == ["Vertraging.", "Opnieuw."]
