import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import AnswerFactory, PersonFactory, QuestionFactory
from tracker.models import session_year_of
from tracker.models.questions import numbered_parts, validate_session_year


@pytest.mark.parametrize(
    ("day", "session_year"),
    [
        (datetime.date(2018, 6, 29), "2017-2018"),  # the seed: before the summer recess
        (datetime.date(2018, 9, 23), "2017-2018"),  # the day before the fourth Monday of September 2018
        (datetime.date(2018, 9, 24), "2018-2019"),  # the fourth Monday of September 2018 opens the year
        (datetime.date(2019, 1, 15), "2018-2019"),
    ],
)
def test_session_year_of_a_date(day, session_year):
    assert session_year_of(day) == session_year


@pytest.mark.parametrize("value", ["2017-2019", "2017/2018", "17-18", "abcd-efgh"])
def test_session_year_must_be_two_consecutive_years(value):
    with pytest.raises(ValidationError):
        validate_session_year(value)


@pytest.mark.django_db
def test_the_same_number_may_be_used_by_two_ministers_in_one_session_year():
    QuestionFactory(number=551)
    QuestionFactory(number=551)  # another addressee: numbering restarts per minister


@pytest.mark.django_db
def test_the_database_refuses_a_second_question_with_the_same_natural_key():
    minister = PersonFactory()
    QuestionFactory(number=551, addressee=minister)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionFactory(number=551, addressee=minister)


@pytest.mark.django_db
def test_a_question_dated_outside_its_session_year_is_refused_in_plain_words():
    question = QuestionFactory.build(asked_on=datetime.date(2020, 1, 1), session_year="2017-2018")
    with pytest.raises(ValidationError) as error:
        question.clean()
    assert "does not fall in session year 2017-2018" in error.value.message_dict["session_year"][0]


@pytest.mark.django_db
def test_an_answer_dated_before_its_question_is_refused():
    answer = AnswerFactory.build(question=QuestionFactory(), answered_on=datetime.date(2000, 1, 1))
    with pytest.raises(ValidationError):
        answer.clean()


def test_numbered_parts_split_the_introduction_from_the_sub_questions():
    introduction, parts = numbered_parts("Inleiding.\n\n1. Eerste vraag?\n2. Tweede vraag?\nNog een regel.")
    assert introduction == "Inleiding."
    assert parts == [(1, "Eerste vraag?"), (2, "Tweede vraag?\nNog een regel.")]


@pytest.mark.django_db
def test_citation_is_how_the_parliament_cites_a_question():
    question = QuestionFactory(number=551, asked_on=datetime.date(2018, 6, 29))
    assert question.citation == "nr. 551 (2017-2018)"
