"""What differs per parliament: the legal term to answer and the day a session year opens."""

import datetime

import pytest

from tests.factories import QuestionFactory
from tracker.assemblies import FLEMISH_PARLIAMENT, HOUSE_OF_REPRESENTATIVES, rules_for
from tracker.models import Assembly, Government, Legislature, default_horizon
from tracker.models.questions import answer_due_on, session_year_of

D = datetime.date


def test_a_flemish_minister_has_twenty_working_days_a_dutch_one_three_weeks():
    assert answer_due_on(D(2019, 1, 7), FLEMISH_PARLIAMENT) == D(2019, 2, 4)
    assert answer_due_on(D(2023, 10, 3), HOUSE_OF_REPRESENTATIVES) == D(2023, 10, 24)


@pytest.mark.parametrize(
    ("assembly", "day", "session_year"),
    [
        (FLEMISH_PARLIAMENT, D(2023, 9, 24), "2022-2023"),  # the Sunday before the fourth Monday
        (FLEMISH_PARLIAMENT, D(2023, 9, 25), "2023-2024"),  # the fourth Monday of September 2023
        (HOUSE_OF_REPRESENTATIVES, D(2023, 9, 18), "2022-2023"),
        (HOUSE_OF_REPRESENTATIVES, D(2023, 9, 19), "2023-2024"),  # Prinsjesdag 2023: the third Tuesday
        (HOUSE_OF_REPRESENTATIVES, D(2024, 9, 17), "2024-2025"),  # Prinsjesdag 2024
    ],
)
def test_a_session_year_opens_on_the_day_of_its_assembly(assembly, day, session_year):
    assert session_year_of(day, assembly) == session_year


def test_an_assembly_without_rules_of_its_own_follows_the_flemish_parliament():
    assert rules_for("some-new-assembly") is rules_for(FLEMISH_PARLIAMENT)


@pytest.mark.django_db
def test_a_question_in_the_tweede_kamer_is_due_three_weeks_after_it_was_asked():
    question = QuestionFactory(assembly=Assembly.objects.get(slug=HOUSE_OF_REPRESENTATIVES), asked_on=D(2023, 10, 3))
    assert question.answer_due_on == D(2023, 10, 24)


@pytest.mark.django_db
def test_the_default_horizon_comes_from_the_assemblys_own_legislatures(settings):
    flemish, house = (Assembly.objects.get(slug=slug) for slug in (FLEMISH_PARLIAMENT, HOUSE_OF_REPRESENTATIVES))
    assert default_horizon(D(2022, 6, 1), flemish) == D(2024, 6, 9)
    assert default_horizon(D(2022, 6, 1), house) == D(2023, 11, 22)
    assert default_horizon(D(2026, 1, 15), house) is None, "the current House has no known end"
    settings.TRACKER_DEFAULT_HORIZON = "government"
    assert default_horizon(D(2022, 6, 1), house) == D(2024, 7, 2), "the end of Rutte IV"
    assert default_horizon(D(2022, 6, 1), flemish) == D(2024, 9, 30), "the end of the Jambon government"


@pytest.mark.django_db
def test_every_government_answers_to_one_assembly():
    assert set(Government.objects.values_list("assembly__slug", flat=True)) == {FLEMISH_PARLIAMENT, HOUSE_OF_REPRESENTATIVES}
    assert Legislature.objects.filter(assembly__slug=HOUSE_OF_REPRESENTATIVES).count() == 4
