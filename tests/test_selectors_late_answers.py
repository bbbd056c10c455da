import datetime

import pytest

from tests.factories import AnswerFactory, PersonFactory, QuestionFactory
from tracker.models import Question
from tracker.selectors.late_answers import late_answers, minister_ranking

pytestmark = pytest.mark.django_db

ASKED = datetime.date(2019, 1, 7)
DUE = datetime.date(2019, 2, 4)
AS_OF = datetime.date(2019, 3, 1)


def answered(minister, days_after_term, **fields):
    return AnswerFactory(
        question__asked_on=ASKED,
        question__addressee=minister,
        answered_on=DUE + datetime.timedelta(days=days_after_term),
        **fields,
    ).question


def test_ministers_are_ranked_by_late_answers_then_by_their_share():
    slow, careful, unknown = PersonFactory(last_name="Traag"), PersonFactory(last_name="Stipt"), PersonFactory(last_name="Nieuw")
    answered(slow, 5)
    answered(slow, -3)
    QuestionFactory(asked_on=ASKED, addressee=slow)  # unanswered, past the term
    answered(careful, 0)
    answered(careful, 2)
    QuestionFactory(asked_on=AS_OF, addressee=unknown)  # its term has not passed: not judged yet
    ranking = minister_ranking(Question.objects.all(), as_of=AS_OF)
    assert [(r.name.split()[-1], r.judged, r.answered_late, r.unanswered, r.late_percent) for r in ranking] == [
        ("Traag", 3, 1, 1, 67),
        ("Stipt", 2, 1, 0, 50),
    ]


def test_the_ranking_costs_two_queries_whatever_the_number_of_ministers(django_assert_num_queries):
    for _ in range(5):
        answered(PersonFactory(), 1)
    with django_assert_num_queries(2):  # the counts, then the names
        assert len(minister_ranking(Question.objects.all(), as_of=AS_OF)) == 5


def test_late_questions_come_latest_first_with_undated_late_answers_last():
    minister = PersonFactory()
    a_little = answered(minister, 2, question__number=1)
    undated = AnswerFactory(question__asked_on=ASKED, question__number=2, answered_on=None, answered_in_time=False).question
    waiting = QuestionFactory(asked_on=ASKED, number=3)  # 25 days past the term on AS_OF
    much = answered(minister, 40, question__number=4)
    answered(minister, 0, question__number=5)  # in time: not listed
    found = late_answers(params={}, as_of=AS_OF)
    assert list(found.late) == [much, waiting, a_little, undated]


def test_the_filters_narrow_both_the_list_and_the_ranking():
    one, other = PersonFactory(), PersonFactory()
    mine = answered(one, 3)
    answered(other, 3)
    found = late_answers(params={"minister": str(one.pk)}, as_of=AS_OF)
    assert list(found.late) == [mine]
    assert [record.minister_id for record in found.ranking] == [one.pk]
    assert late_answers(params={"session_year": "2020-2021"}, as_of=AS_OF).ranking == []


def test_the_ministers_record_is_read_once_then_kept(django_assert_num_queries):
    minister = PersonFactory(last_name="Traag")
    answered(minister, 5)
    first = late_answers(params={}, as_of=AS_OF).ranking
    with django_assert_num_queries(0):
        assert late_answers(params={}, as_of=AS_OF).ranking == first


def test_the_ministers_record_counts_an_answer_recorded_since_it_was_kept():
    minister = PersonFactory(last_name="Traag")
    answered(minister, 5)
    assert [record.late for record in late_answers(params={}, as_of=AS_OF).ranking] == [1]
    question = QuestionFactory(asked_on=ASKED, addressee=minister)
    assert [record.late for record in late_answers(params={}, as_of=AS_OF).ranking] == [2]
    AnswerFactory(question=question, answered_on=DUE - datetime.timedelta(days=1))
    assert [record.late for record in late_answers(params={}, as_of=AS_OF).ranking] == [1]


def test_the_ministers_record_is_kept_per_filter_and_per_day():
    slow, careful = PersonFactory(last_name="Traag"), PersonFactory(last_name="Stipt")
    answered(slow, 5)
    answered(careful, 3)
    everyone = late_answers(params={}, as_of=AS_OF).ranking
    one = late_answers(params={"minister": str(careful.pk)}, as_of=AS_OF).ranking
    assert len(everyone) == 2
    assert [record.minister_id for record in one] == [careful.pk]
    QuestionFactory(asked_on=ASKED, addressee=careful)  # unanswered: late once the term has passed
    before_the_term = late_answers(params={}, as_of=DUE - datetime.timedelta(days=1)).ranking
    after_the_term = late_answers(params={}, as_of=AS_OF).ranking
    assert {record.minister_id: record.unanswered for record in before_the_term}[careful.pk] == 0
    assert {record.minister_id: record.unanswered for record in after_the_term}[careful.pk] == 1
