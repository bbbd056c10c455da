import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import CommitmentFactory, PersonFactory
from tests.querycount import queries_for
from tracker.models import Commitment, Kind, Status
from tracker.services.commitments import commitment_change_deadline, commitment_record_status

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def test_dashboard_shows_the_overdue_promises_most_overdue_first(viewer_client):
    CommitmentFactory(title="Een maand te laat", deadline=today() - datetime.timedelta(days=30))
    CommitmentFactory(title="Een jaar te laat", deadline=today() - datetime.timedelta(days=365))
    CommitmentFactory(title="Nog niet te laat", deadline=today() + datetime.timedelta(days=90))
    response = viewer_client.get("/")
    overdue = response.context["overdue"]
    assert [c.title for c in overdue] == ["Een jaar te laat", "Een maand te laat"]
    assert response.context["headline"]["overdue"] == 2
    assert "365 days late" in response.content.decode()


def test_the_headline_counts_are_the_overdue_long_overdue_due_soon_and_follow_up_rules(viewer_client):
    for days in (-400, -366, -365, -1, 0, 1, 30, 31):
        CommitmentFactory(deadline=today() + datetime.timedelta(days=days))
        CommitmentFactory(deadline=today() + datetime.timedelta(days=days), status=Status.DELAYED, observed_on=today())
        CommitmentFactory(deadline=today() + datetime.timedelta(days=days), status=Status.FULFILLED, observed_on=today())
    CommitmentFactory(kind=Kind.REFUSAL)
    as_of = today()
    headline = viewer_client.get("/").context["headline"]
    assert headline["overdue"] == Commitment.objects.overdue(as_of=as_of).count() == 8
    assert headline["long_overdue"] == Commitment.objects.long_overdue(as_of=as_of).count() == 4
    assert headline["due_soon"] == Commitment.objects.due_soon(as_of=as_of).count() == 6
    assert headline["needs_follow_up"] == Commitment.objects.needs_follow_up(as_of=as_of).count() == 9


def test_the_headline_counts_follow_the_configured_periods(viewer_client, settings):
    settings.TRACKER_LONG_OVERDUE_DAYS, settings.TRACKER_DUE_SOON_DAYS = 10, 5
    for days in (-11, -10, 5, 6):
        CommitmentFactory(deadline=today() + datetime.timedelta(days=days))
    response = viewer_client.get("/")
    assert (response.context["headline"]["long_overdue"], response.context["headline"]["due_soon"]) == (1, 1)
    assert [c.deadline for c in response.context["due_soon"]] == [today() + datetime.timedelta(days=5)]


def test_the_long_overdue_note_names_the_configured_days_in_both_languages(viewer_client, settings):
    settings.TRACKER_LONG_OVERDUE_DAYS = 90
    CommitmentFactory(deadline=today() - datetime.timedelta(days=91))
    assert "1 of them more than 90 days" in viewer_client.get("/").content.decode()
    viewer_client.cookies["django_language"] = "nl"
    assert "waarvan 1 meer dan 90 dagen" in viewer_client.get("/").content.decode()


def test_dashboard_counts_each_status_and_links_to_the_filtered_list(viewer_client):
    CommitmentFactory(status=Status.FULFILLED, observed_on=datetime.date(2019, 1, 1))
    CommitmentFactory(kind=Kind.REFUSAL)
    response = viewer_client.get("/")
    counts = dict((status.value, count) for status, count in response.context["status_counts"])
    assert counts["fulfilled"] == 1
    assert counts["position_maintained"] == 1
    assert counts["announced"] == 0
    assert 'href="/commitments/?status=fulfilled"' in response.content.decode()


def test_dashboard_lists_due_soon_and_follow_up(viewer_client):
    due = CommitmentFactory(title="Binnenkort", deadline=today() + datetime.timedelta(days=5))
    forgotten = CommitmentFactory(title="Vergeten")  # last checked in 2018
    response = viewer_client.get("/")
    assert due in response.context["due_soon"]
    assert forgotten in response.context["follow_up"]


def test_per_minister_record_counts_made_fulfilled_overdue_and_broken(viewer_client):
    minister = PersonFactory(first_name="Liesbeth", last_name="Homans")
    CommitmentFactory(responsible_person=minister, deadline=today() - datetime.timedelta(days=3))
    CommitmentFactory(responsible_person=minister, status=Status.FULFILLED, observed_on=datetime.date(2019, 1, 1))
    CommitmentFactory(responsible_person=minister, status=Status.NOT_FULFILLED, observed_on=datetime.date(2019, 1, 1))
    CommitmentFactory(responsible_person=minister, kind=Kind.REFUSAL)
    record = next(r for r in viewer_client.get("/").context["ministers"] if r.person == minister)
    assert (record.made, record.fulfilled, record.overdue, record.broken) == (3, 1, 1, 1)


def test_dashboard_chart_is_an_inline_svg_with_a_table_alternative(viewer_client):
    CommitmentFactory()
    html = viewer_client.get("/").content.decode()
    assert "<svg" in html
    assert 'role="img"' in html
    assert "Show as a table" in html


def test_empty_dashboard_says_so(viewer_client):
    html = viewer_client.get("/").content.decode()
    assert "Nothing is overdue." in html


def test_dashboard_costs_the_same_number_of_queries_for_1_and_30_commitments(viewer_client):
    CommitmentFactory(deadline=today() - datetime.timedelta(days=3))
    one = queries_for(viewer_client, "/")
    for index in range(29):
        CommitmentFactory(deadline=today() - datetime.timedelta(days=index + 1), status=Status.IN_PROGRESS if index % 2 else None)
    thirty = queries_for(viewer_client, "/")
    # 13: the slippage per minister (tracker.selectors.dashboard.slippage_by_minister) is one grouped read.
    assert one == thirty <= 13


def test_the_dashboard_figures_are_counted_once_then_kept(viewer_client):
    CommitmentFactory()
    first = queries_for(viewer_client, "/")  # with an empty cache
    with CaptureQueriesContext(connection) as kept:
        viewer_client.get("/")
    assert len(kept.captured_queries) == first - 5  # the panels still read, not the five counts


def test_a_status_recorded_since_the_figures_were_kept_counts_at_once(viewer_client, editor):
    commitment = CommitmentFactory()
    before = viewer_client.get("/").context["status_counts"]
    assert dict((status.value, count) for status, count in before)["in_progress"] == 0
    commitment_record_status(commitment=commitment, user=editor, status="in_progress", observed_on=commitment.made_on)
    after = viewer_client.get("/").context["status_counts"]
    assert dict((status.value, count) for status, count in after)["in_progress"] == 1


def test_a_deadline_moved_since_the_figures_were_kept_makes_the_promise_overdue_at_once(viewer_client, editor):
    commitment = CommitmentFactory(deadline=today() + datetime.timedelta(days=60))
    assert viewer_client.get("/").context["headline"]["overdue"] == 0
    commitment_change_deadline(commitment=commitment, deadline=today() - datetime.timedelta(days=3), reason="test", user=editor)
    assert viewer_client.get("/").context["headline"]["overdue"] == 1
