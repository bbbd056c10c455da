"""Saving an answer: the commitments quoted in it follow its text and date; a lost quote is refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import CommitmentFactory, QuestionFactory
from tracker.models import Answer
from tracker.services.answers import answer_save

pytestmark = pytest.mark.django_db


def test_a_new_answer_is_created_and_saving_the_same_values_changes_nothing():
    question = QuestionFactory()
    values = {"text": "1. Ik zal het onderzoeken.", "answered_on": datetime.date(2018, 7, 20)}
    answer, changed = answer_save(question=question, values=values, user=None, reason="test")
    assert changed
    assert answer_save(question=question, values=values, user=None, reason="test") == (answer, False)
    assert Answer.history.count() == 1


def test_a_corrected_text_and_date_move_the_commitments_with_them():
    commitment = CommitmentFactory()
    answer = commitment.answer
    new_text = "Inleiding toegevoegd.\n\n" + answer.text
    answer_save(
        question=answer.question, values={"text": new_text, "answered_on": datetime.date(2018, 8, 1)}, user=None, reason="test"
    )
    commitment.refresh_from_db()
    assert commitment.quote_in_context()[1] == commitment.quote
    assert commitment.made_on == datetime.date(2018, 8, 1)


def test_a_text_that_drops_a_commitments_quote_is_refused_and_nothing_changes():
    commitment = CommitmentFactory()
    answer = commitment.answer
    with pytest.raises(ValidationError) as error:
        answer_save(question=answer.question, values={"text": "Iets heel anders."}, user=None, reason="test")
    assert commitment.reference in error.value.message_dict["text"][0]
    assert Answer.objects.get(pk=answer.pk).text == answer.text


@pytest.mark.parametrize(
    ("values", "field"),
    [({"answered_on": datetime.date(2017, 1, 1)}, "answered_on"), ({"source_url": "javascript:alert(1)"}, "source_url")],
)
def test_an_impossible_answer_is_refused_with_the_field(values, field):
    question = QuestionFactory()
    with pytest.raises(ValidationError) as error:
        answer_save(question=question, values={"text": "1. Antwoord.", **values}, user=None, reason="test")
    assert field in error.value.message_dict
    assert not Answer.objects.exists()


def test_the_quote_of_a_duplicate_merged_into_another_commitment_is_kept_in_the_answer_too():
    from tracker.services.merges import commitments_merge

    absorbed = CommitmentFactory()
    commitments_merge(kept=CommitmentFactory(), absorbed=absorbed, user=None, reason="Dubbel.")
    answer = absorbed.answer
    with pytest.raises(ValidationError) as error:
        answer_save(question=answer.question, values={"text": "Iets heel anders."}, user=None, reason="test")
    assert absorbed.reference in error.value.message_dict["text"][0]
