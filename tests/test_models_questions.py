import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import AnswerFactory, PersonFactory, QuestionFactory
from tracker.models import Question, session_year_of
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


# Late answers: twenty working days; the parliament's verdict wins where it is known.
ASKED = datetime.date(2019, 1, 7)  # a Monday without holidays in the next four weeks
DUE = datetime.date(2019, 2, 4)


@pytest.mark.django_db
def test_a_question_knows_when_its_answer_is_due_and_follows_a_change_of_date():
    question = QuestionFactory(asked_on=ASKED)
    assert question.answer_due_on == DUE
    question.asked_on = datetime.date(2019, 1, 14)
    question.save(update_fields=["asked_on"])
    question.refresh_from_db()
    assert question.answer_due_on == datetime.date(2019, 2, 11)


@pytest.mark.django_db
def test_moving_the_date_asked_of_an_answered_question_judges_its_answer_again():
    answer = AnswerFactory(question__asked_on=ASKED, answered_on=DUE + datetime.timedelta(days=3))
    question = Question.objects.get(pk=answer.question_id)
    assert (question.answered_on, question.answer_late) == (answer.answered_on, True)
    question.asked_on = datetime.date(2019, 1, 14)  # the term now ends on 11 February
    question.save(update_fields=["asked_on"])
    question.refresh_from_db()
    assert question.answer_late is False


@pytest.mark.django_db
def test_a_question_forgets_its_answer_when_the_answer_is_deleted():
    answer = AnswerFactory(question__asked_on=ASKED, answered_on=DUE + datetime.timedelta(days=3))
    answer.delete()
    question = Question.objects.get(pk=answer.question_id)
    assert (question.answered_on, question.answer_late) == (None, None)


@pytest.mark.django_db
def test_the_bulk_sync_of_answer_states_agrees_with_the_one_kept_on_save():
    for number, (days, in_time) in enumerate([(-1, None), (0, None), (1, None), (None, None), (5, True), (-5, False)], 1):
        answered_on = DUE + datetime.timedelta(days=days) if days is not None else None
        AnswerFactory(question__asked_on=ASKED, question__number=number, answered_on=answered_on, answered_in_time=in_time)
    QuestionFactory(asked_on=ASKED, number=99)
    kept = list(Question.objects.order_by("number").values_list("number", "answered_on", "answer_late"))
    Question.objects.update(answered_on=None, answer_late=None)
    Question.objects.all().sync_answer_state()
    assert list(Question.objects.order_by("number").values_list("number", "answered_on", "answer_late")) == kept
    assert [late for _n, _on, late in kept] == [False, False, True, False, False, True, None]


def late_numbers(as_of):
    return sorted(Question.objects.late(as_of=as_of).values_list("number", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("answered_on", "in_time", "late"),
    [
        (DUE, None, False),  # on the last day of the term: in time
        (DUE + datetime.timedelta(days=1), None, True),  # the day after: late
        (None, None, False),  # undated, no verdict: nobody can tell, so not counted late
        (DUE + datetime.timedelta(days=30), True, False),  # the parliament counted it in time (a recess, say)
        (DUE, False, True),  # the parliament says late
        (None, False, True),
    ],
)
def test_an_answered_question_is_late_by_its_date_unless_the_parliament_says_otherwise(answered_on, in_time, late):
    answer = AnswerFactory(question__asked_on=ASKED, question__number=7, answered_on=answered_on, answered_in_time=in_time)
    as_of = datetime.date(2020, 1, 1)
    assert (late_numbers(as_of) == [7]) is late
    assert answer.question.answer_lateness(as_of).late is late
    assert late_numbers(as_of) == sorted(Question.objects.answered_late().values_list("number", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize(("as_of", "late", "days"), [(DUE, False, 0), (DUE + datetime.timedelta(days=1), True, 1)])
def test_an_unanswered_question_is_late_from_the_day_after_its_term(as_of, late, days):
    question = QuestionFactory(asked_on=ASKED, number=8)
    assert (late_numbers(as_of) == [8]) is late
    lateness = question.answer_lateness(as_of)
    assert (lateness.late, lateness.answered, lateness.days) == (late, False, days)


@pytest.mark.django_db
def test_days_late_are_counted_from_the_term_to_the_answer_or_to_today():
    AnswerFactory(question__asked_on=ASKED, question__number=1, answered_on=DUE + datetime.timedelta(days=10))
    AnswerFactory(question__asked_on=ASKED, question__number=2, answered_on=None, answered_in_time=False)
    QuestionFactory(asked_on=ASKED, number=3)
    as_of = DUE + datetime.timedelta(days=4)
    rows = Question.objects.late(as_of=as_of).with_days_late(as_of=as_of).order_by("number")
    assert [(q.number, q.late_by.days if q.late_by is not None else None) for q in rows] == [(1, 10), (2, None), (3, 4)]
    assert [q.answer_lateness(as_of).days for q in rows] == [10, None, 4]
