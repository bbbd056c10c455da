"""The report per minister: past due on the report date, falling due before the next report,
by the same rules as the overdue and due-soon lists."""

import datetime

import pytest

from tests.factories import AnswerFactory, CommitmentFactory, PersonFactory, QuestionFactory
from tracker.models import Kind, Status
from tracker.selectors.reports import minister_report

pytestmark = pytest.mark.django_db

REPORT_DATE = datetime.date(2026, 1, 1)
NEXT_REPORT = datetime.date(2026, 4, 1)


def promise_of(minister, title, deadline, **kwargs):
    answer = AnswerFactory(question=QuestionFactory(addressee=minister))
    return CommitmentFactory(answer=answer, title=title, deadline=deadline, **kwargs)


@pytest.fixture
def minister():
    return PersonFactory(first_name="Liesbeth", last_name="Homans")


def test_past_due_is_what_was_overdue_on_the_report_date_most_overdue_first(minister):
    promise_of(minister, "Een jaar te laat", datetime.date(2024, 12, 1))
    promise_of(minister, "Gisteren verstreken", datetime.date(2025, 12, 31))
    promise_of(minister, "Vandaag", REPORT_DATE)
    promise_of(minister, "Gedaan", datetime.date(2025, 6, 1), status=Status.FULFILLED, observed_on=datetime.date(2025, 5, 1))
    promise_of(PersonFactory(), "Van een ander", datetime.date(2025, 6, 1))
    report = minister_report(minister=minister, as_of=REPORT_DATE, until=NEXT_REPORT)
    assert [c.title for c in report.past_due] == ["Een jaar te laat", "Gisteren verstreken"]
    assert (report.past_due_count, report.long_overdue_count) == (2, 1)
    assert [c.days_overdue for c in report.past_due] == [396, 1], "days late counted on the report date"


def test_long_overdue_counts_what_is_late_by_more_than_the_configured_days(minister, settings):
    settings.TRACKER_LONG_OVERDUE_DAYS = 30
    promise_of(minister, "31 dagen te laat", REPORT_DATE - datetime.timedelta(days=31))
    promise_of(minister, "30 dagen te laat", REPORT_DATE - datetime.timedelta(days=30))
    report = minister_report(minister=minister, as_of=REPORT_DATE, until=NEXT_REPORT)
    assert (report.past_due_count, report.long_overdue_count) == (2, 1)
    assert [c.is_long_overdue for c in report.past_due] == [True, False]


def test_falling_due_runs_from_the_report_date_to_the_next_report_inclusive(minister):
    for title, deadline in [
        ("Vandaag", REPORT_DATE),
        ("Op de dag van het volgende rapport", NEXT_REPORT),
        ("Daarna", NEXT_REPORT + datetime.timedelta(days=1)),
    ]:
        promise_of(minister, title, deadline)
    report = minister_report(minister=minister, as_of=REPORT_DATE, until=NEXT_REPORT)
    assert [c.title for c in report.falling_due] == ["Vandaag", "Op de dag van het volgende rapport"]
    assert report.falling_due_count == 2
    assert report.past_due == []


def test_refusals_are_never_past_due_nor_falling_due(minister):
    answer = AnswerFactory(question=QuestionFactory(addressee=minister))
    CommitmentFactory(answer=answer, kind=Kind.REFUSAL)
    report = minister_report(minister=minister, as_of=REPORT_DATE, until=NEXT_REPORT)
    assert (report.past_due_count, report.falling_due_count) == (0, 0)


def test_the_full_lists_link_to_the_same_rows_in_the_commitment_list(minister, viewer_client):
    promise_of(minister, "Te laat", datetime.date(2025, 6, 1))
    promise_of(minister, "Binnenkort", datetime.date(2026, 2, 1))
    report = minister_report(minister=minister, as_of=REPORT_DATE, until=NEXT_REPORT)
    listed = viewer_client.get(f"/commitments/?{report.past_due_query}").context["page"].object_list
    assert [c.title for c in listed] == ["Te laat"]
    listed = viewer_client.get(f"/commitments/?{report.falling_due_query}").context["page"].object_list
    assert [c.title for c in listed] == ["Binnenkort"]
