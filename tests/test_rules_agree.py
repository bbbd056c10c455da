"""Where SQL must repeat a rule, the copy and the rule agree on the same data.

A migration keeps a frozen copy of the rule it applied (it must not follow later model code), and
a partial index embeds the condition of the rule it serves. These tests hold each copy to the
rule, so that neither drifts. The dashboard's tallies, kept by the triggers of migration 0006,
are held to a fresh count in tests/test_tallies.py.
"""

import datetime
import itertools
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from tests.factories import AnswerFactory, QuestionFactory
from tracker.models import Question
from tracker.models.commitments import OPEN_PROMISE, open_condition, open_promise_condition
from tracker.models.questions import answer_is_late

pytestmark = pytest.mark.django_db

VERDICTS = {"late by the parliament": False, "in time by the parliament": True, "no verdict": None}
ANSWERED = {"before the term": -1, "on its last day": 0, "after the term": 1, "undated": None}


@pytest.fixture
def questions_of_every_kind() -> dict[int, str]:
    """One question per verdict and answer date, and one unanswered past its term: their ids and what they are."""
    cases = {}
    for number, ((verdict, in_time), (when, offset)) in enumerate(itertools.product(VERDICTS.items(), ANSWERED.items()), start=1):
        question = QuestionFactory(number=number, asked_on=datetime.date(2019, 1, 7))
        answered_on = None if offset is None else question.answer_due_on + datetime.timedelta(days=offset)
        AnswerFactory(question=question, answered_on=answered_on, answered_in_time=in_time)
        cases[question.pk] = f"answered {when}, {verdict}"
    cases[QuestionFactory(number=99, asked_on=datetime.date(2019, 1, 7)).pk] = "unanswered"
    return cases


def answer_state(cases: dict[int, str]) -> dict[str, tuple]:
    rows = Question.objects.filter(pk__in=cases).values_list("pk", "answer_due_on", "answered_on", "answer_late")
    return {cases[pk]: tuple(state) for pk, *state in rows}


def by_the_python_rule(cases: dict[int, str]) -> dict[str, tuple]:
    expected = {}
    for question in Question.objects.filter(pk__in=cases).select_related("answer"):
        answer = getattr(question, "answer", None)
        late = (
            answer_is_late(due=question.answer_due_on, answered_on=answer.answered_on, in_time=answer.answered_in_time)
            if answer
            else None
        )
        expected[cases[question.pk]] = (question.answer_due_on, answer.answered_on if answer else None, late)
    return expected


def test_the_late_answer_rule_agrees_in_python_in_the_queryset_and_in_migration_0007(questions_of_every_kind):
    cases = questions_of_every_kind
    expected = by_the_python_rule(cases)
    assert [late for _due, _answered, late in expected.values()].count(True) == 5, "the cases cover both outcomes"
    assert answer_state(cases) == expected, "as Answer.save() keeps it"

    Question.objects.update(answered_on=None, answer_late=None)
    Question.objects.sync_answer_state()
    assert answer_state(cases) == expected, "as QuestionQuerySet.sync_answer_state() writes it in SQL"

    Question.objects.update(answer_due_on=None, answered_on=None, answer_late=None)
    import_module("tracker.migrations.0007_late_answers").fill_answer_state(apps, None)
    assert answer_state(cases) == expected, "as migration 0007 filled it in"


def migrated_commitment_indexes() -> dict:
    """The commitment's indexes as the migrations leave them: what the database was built with."""
    state = MigrationLoader(connection, ignore_no_migrations=True).project_state()
    return {index.name: index for index in state.models["tracker", "commitment"].options["indexes"]}


def test_the_open_promise_indexes_are_built_on_the_current_open_promise_rule():
    indexes = migrated_commitment_indexes()
    assert indexes["tracker_cmt_open_dl_idx"].condition == open_promise_condition()
    assert indexes["tracker_cmt_overdue_sort_idx"].expressions[0] == OPEN_PROMISE.desc()


def test_the_open_commitments_index_is_built_on_the_current_open_rule():
    assert migrated_commitment_indexes()["tracker_cmt_open_obs_idx"].condition == open_condition()
