"""The dashboard's running counts always equal a fresh count of the commitments."""

import datetime

import pytest

from tests.factories import AnswerFactory, CommitmentFactory, OfficeFactory, QuestionFactory, government
from tracker.models import Commitment, CommitmentTally, Kind
from tracker.services.commitments import commitment_edit, commitment_hand_over, commitment_record_status
from tracker.services.tallies import tallies_rebuild, tally_counts

pytestmark = pytest.mark.django_db


def tallies() -> dict:
    return {(t.responsible_person_id, t.year, t.status, t.refusal): t.total for t in CommitmentTally.objects.filter(total__gt=0)}


def test_creating_recording_handing_over_and_deleting_keep_the_tallies_exact():
    made_2019 = AnswerFactory(question=QuestionFactory(asked_on=datetime.date(2019, 1, 7)))
    first = CommitmentFactory()
    second = CommitmentFactory(answer=made_2019)
    refusal = CommitmentFactory(kind=Kind.REFUSAL)
    assert tallies() == tally_counts()
    commitment_record_status(commitment=first, user=None, status="in_progress", observed_on=datetime.date(2019, 1, 1))
    commitment_record_status(commitment=second, user=None, status="fulfilled", observed_on=datetime.date(2020, 1, 1))
    commitment_record_status(commitment=refusal, user=None, status="position_changed", observed_on=datetime.date(2020, 1, 1))
    assert tallies() == tally_counts()
    commitment_hand_over(commitment=first, user=None, office=OfficeFactory(government=government("jambon")), reason="Overdracht.")
    commitment_edit(
        commitment=second,
        user=None,
        expected_version=second.version,
        title="Nieuw",
        kind=Kind.FUNDING,
        target_group="",
        quote=second.quote,
    )
    assert tallies() == tally_counts()
    second.status_updates.all().delete()
    second.delete()
    assert tallies() == tally_counts()
    assert sum(tallies().values()) == Commitment.objects.count() == 2


def test_the_triggers_key_the_year_made_and_refusals_as_a_fresh_count_does():
    def answered(day):
        return AnswerFactory(question=QuestionFactory(asked_on=day - datetime.timedelta(days=10)), answered_on=day)

    new_years_eve = answered(datetime.date(2018, 12, 31))
    promise = CommitmentFactory(answer=new_years_eve)
    refusal = CommitmentFactory(answer=new_years_eve, kind=Kind.REFUSAL)
    CommitmentFactory(answer=answered(datetime.date(2019, 1, 1)), kind=Kind.REFUSAL)
    assert tallies() == tally_counts()
    assert sorted((year, refusal) for _person, year, _status, refusal in tallies()) == [
        (2018, False),
        (2018, True),
        (2019, True),
    ]
    # A re-import that corrects the answer's date moves its commitments to another year.
    new_years_eve.commitments.update(made_on=datetime.date(2019, 1, 1))
    assert tallies() == tally_counts()
    assert {year for _person, year, _status, _refusal in tallies()} == {2019}
    commitment_record_status(commitment=refusal, user=None, status="position_changed", observed_on=datetime.date(2019, 2, 1))
    commitment_record_status(commitment=promise, user=None, status="lapsed", observed_on=datetime.date(2019, 2, 1))
    assert tallies() == tally_counts()


def test_a_rebuild_gives_the_same_tallies_as_the_triggers():
    for _ in range(3):
        CommitmentFactory()
    kept = tallies()
    assert tallies_rebuild() == len(kept)
    assert tallies() == kept


def test_the_dashboard_counts_come_from_the_tallies(viewer_client):
    CommitmentFactory(status="fulfilled", observed_on=datetime.date(2019, 1, 1))
    CommitmentFactory()
    response = viewer_client.get("/")
    counts = {status.value: count for status, count in response.context["status_counts"]}
    assert (counts["fulfilled"], counts["announced"], response.context["headline"]["total"]) == (1, 1, 2)
