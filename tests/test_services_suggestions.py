import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.chains import LATER, promise, restating
from tests.factories import CommitmentFactory, UserFactory
from tracker.models import Commitment, DeadlineChange, DeadlineSource, Kind, Restatement, Status, SuggestionState
from tracker.services.suggestions import suggestion_reject, suggestion_restate

pytestmark = pytest.mark.django_db


def test_a_restatement_records_the_later_answer_on_the_commitment(editor):
    commitment = promise()
    suggestion = restating(commitment)
    restatement = suggestion_restate(suggestion=suggestion, commitment=commitment, user=editor)
    assert (restatement.commitment, restatement.answer, restatement.quote) == (commitment, suggestion.answer, LATER)
    assert (restatement.made_on, restatement.recorded_by) == (suggestion.answer.made_on, editor)
    assert restatement.similarity == suggestion.match_similarity
    suggestion.refresh_from_db()
    assert (suggestion.state, suggestion.decided_by, suggestion.commitment) == (SuggestionState.RESTATED, editor, None)
    assert suggestion.restatement == restatement


def test_a_later_deadline_moves_the_commitments_deadline_with_the_slip_on_record(editor):
    commitment = promise()
    suggestion = restating(commitment)
    suggestion_restate(suggestion=suggestion, commitment=commitment, user=editor)
    commitment.refresh_from_db()
    assert (commitment.deadline, commitment.deadline_source, commitment.deadline_wording) == (
        datetime.date(2020, 12, 31),
        DeadlineSource.STATED,
        "in de loop van 2020",
    )
    assert (commitment.first_deadline, commitment.deadline_moves, commitment.deadline_slip_days) == (
        datetime.date(2019, 12, 31),
        1,
        366,
    )
    change = DeadlineChange.objects.get()
    assert (change.changed_on, change.slip_days, change.restatement) == (suggestion.answer.made_on, 366, suggestion.restatement)
    assert change.reason == "re-stated in vraag nr. 12 of 3 March 2020"
    history = commitment.history.first()
    assert (history.history_change_reason, history.history_user) == (change.reason, editor)


@pytest.mark.parametrize(
    ("deadline", "wording"),
    [(datetime.date(2019, 6, 30), "tegen de zomer"), (datetime.date(2019, 12, 31), "eind 2019"), (None, "")],
)
def test_an_earlier_equal_or_no_deadline_leaves_the_deadline_as_it_is(editor, deadline, wording):
    commitment = promise()
    suggestion = restating(commitment, deadline=deadline, wording=wording)
    restatement = suggestion_restate(suggestion=suggestion, commitment=commitment, user=editor)
    commitment.refresh_from_db()
    assert (commitment.deadline, commitment.deadline_moves, commitment.version) == (datetime.date(2019, 12, 31), 0, 1)
    assert (restatement.deadline, restatement.deadline_wording) == (deadline, wording)
    assert not DeadlineChange.objects.exists()


def test_a_closed_commitment_may_be_restated_but_its_deadline_stays(editor):
    commitment = promise()
    Commitment.objects.filter(pk=commitment.pk).update(current_status=Status.NOT_FULFILLED)
    suggestion = restating(commitment)
    suggestion_restate(suggestion=suggestion, commitment=commitment, user=editor)
    assert Restatement.objects.filter(commitment=commitment).exists()
    assert Commitment.objects.get(pk=commitment.pk).deadline == datetime.date(2019, 12, 31)


def test_a_merged_commitment_is_refused_naming_the_one_it_was_merged_into(editor):
    kept, merged = promise(), promise()
    Commitment.all_objects.filter(pk=merged.pk).update(merged_into=kept)
    suggestion = restating(kept)
    with pytest.raises(ValidationError) as refused:
        suggestion_restate(suggestion=suggestion, commitment=merged, user=editor)
    assert f"was merged into {kept.reference}" in str(refused.value)
    suggestion.refresh_from_db()
    assert suggestion.state == SuggestionState.PENDING
    assert not Restatement.objects.exists()


def test_a_suggestion_cannot_restate_a_commitment_of_its_own_answer(editor):
    commitment = promise()
    suggestion = restating(commitment)
    mine = CommitmentFactory(answer=suggestion.answer, quote=LATER, kind=Kind.ACTION)
    with pytest.raises(ValidationError, match="same answer"):
        suggestion_restate(suggestion=suggestion, commitment=mine, user=editor)


def test_a_decided_suggestion_cannot_be_restated(editor):
    commitment = promise()
    suggestion = restating(commitment)
    suggestion_reject(suggestion=suggestion, user=editor)
    with pytest.raises(ValidationError, match="already rejected"):
        suggestion_restate(suggestion=suggestion, commitment=commitment, user=editor)
    assert not Restatement.objects.exists()


def test_restating_another_commitment_than_the_match_records_its_own_similarity(editor):
    commitment = promise()
    other = promise(commitment.responsible_person, quote="Ik wil tegen eind 2019 de buddywerking evalueren.")
    suggestion = restating(commitment)
    restatement = suggestion_restate(suggestion=suggestion, commitment=other, user=UserFactory())
    assert restatement.commitment == other
    assert 0 < restatement.similarity < suggestion.match_similarity


def test_restating_locks_the_suggestion_and_the_commitment(editor):
    commitment = promise()
    suggestion = restating(commitment)
    with CaptureQueriesContext(connection) as queries:
        suggestion_restate(suggestion=suggestion, commitment=commitment, user=editor)
    if connection.features.has_select_for_update:
        locking = [query["sql"] for query in queries if "FOR UPDATE" in query["sql"]]
        assert any("tracker_suggestion" in sql for sql in locking)
        assert any("tracker_commitment" in sql for sql in locking)
