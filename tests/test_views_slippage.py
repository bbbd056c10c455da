"""Slippage on the pages: the commitment beside its current deadline, the list's filter and badge,
the dashboard's and the report's record per minister; each page at a constant number of queries."""

import datetime

import pytest

from tests.factories import AnswerFactory, CommitmentFactory, PersonFactory, QuestionFactory, RestatementFactory, move_deadline
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db

END_2019, END_2020 = datetime.date(2019, 12, 31), datetime.date(2020, 12, 31)


def slipped(minister=None, *, moves=2, title="Projectoproep buddywerking"):
    """A promise to end 2019, moved *moves* times by half a year (182 or 184 days) each."""
    answer = AnswerFactory(question=QuestionFactory(addressee=minister)) if minister else AnswerFactory()
    commitment = CommitmentFactory(answer=answer, title=title, deadline=END_2019, deadline_wording="tegen eind 2019")
    deadline = END_2019
    for move in range(moves):
        deadline = datetime.date(
            deadline.year + (deadline.month == 12), 6 if deadline.month == 12 else 12, 30 if deadline.month == 12 else 31
        )
        move_deadline(commitment, deadline, changed_on=datetime.date(2020, 1, 10) + datetime.timedelta(days=200 * move))
    return commitment


def test_the_commitment_shows_its_first_deadline_and_how_often_and_how_far_it_moved(viewer_client):
    commitment = CommitmentFactory(deadline=END_2019, deadline_wording="tegen eind 2019")
    restatement = RestatementFactory(commitment=commitment)
    move_deadline(commitment, datetime.date(2020, 6, 30), changed_on=restatement.made_on, restatement=restatement)
    move_deadline(commitment, END_2020, changed_on=datetime.date(2021, 1, 4), reason="Minister vroeg uitstel.")
    html = viewer_client.get(f"/commitments/{commitment.pk}/").content.decode()
    assert "first promised 31 Dec 2019" in html
    assert "moved 2× (+366 days)" in html
    assert "How the deadline moved" in html
    assert f"re-stated in vraag {restatement.answer.question.citation}" in html
    assert "Minister vroeg uitstel." in html
    assert "+182" in html
    assert "+184" in html


def test_a_commitment_whose_deadline_never_moved_shows_no_slippage(viewer_client):
    commitment = CommitmentFactory(deadline=END_2019)
    html = viewer_client.get(f"/commitments/{commitment.pk}/").content.decode()
    assert "first promised" not in html
    assert "How the deadline moved" not in html


def test_the_list_filters_commitments_whose_deadline_moved_at_least_n_times(viewer_client):
    slipped(moves=1, title="Eén keer")
    slipped(moves=3, title="Drie keer")
    CommitmentFactory(title="Nooit")
    titles = lambda response: sorted(c.title for c in response.context["page"].object_list)  # noqa: E731
    assert titles(viewer_client.get("/commitments/", {"moved": 1})) == ["Drie keer", "Eén keer"]
    assert titles(viewer_client.get("/commitments/", {"moved": 2})) == ["Drie keer"]
    assert titles(viewer_client.get("/commitments/")) == ["Drie keer", "Eén keer", "Nooit"]


def test_a_moved_count_that_is_not_a_positive_number_is_ignored_with_a_field_error(viewer_client):
    slipped(moves=1)
    CommitmentFactory()
    response = viewer_client.get("/commitments/", {"moved": "0"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 2
    assert "moved" in response.context["filter"].form.errors


def test_a_list_row_of_a_moved_commitment_has_a_moved_badge(viewer_client):
    slipped(moves=2)
    html = viewer_client.get("/commitments/").content.decode()
    assert 'class="slip-tag"' in html
    assert "moved 2×" in html


def test_the_dashboard_sums_the_slippage_per_minister(viewer_client):
    homans, bourgeois = PersonFactory(last_name="Homans"), PersonFactory(last_name="Bourgeois")
    slipped(homans, moves=2)
    slipped(homans, moves=1)
    CommitmentFactory(answer=AnswerFactory(question=QuestionFactory(addressee=homans)))
    CommitmentFactory(answer=AnswerFactory(question=QuestionFactory(addressee=bourgeois)))
    records = {record.person.last_name: record for record in viewer_client.get("/").context["ministers"]}
    homans_slip = records["Homans"].slippage
    assert (homans_slip.moved, homans_slip.moves, homans_slip.days) == (2, 3, 366 + 182)
    assert homans_slip.average_days == round((366 + 182) / 3)
    assert records["Bourgeois"].slippage.moved == 0
    html = viewer_client.get("/").content.decode()
    assert f"?minister={homans.pk}&amp;moved=1" in html


def test_the_dashboard_costs_the_same_number_of_queries_with_1_and_12_ministers_who_slipped(viewer_client):
    slipped(PersonFactory())
    one = queries_for(viewer_client, "/")
    for _ in range(11):
        slipped(PersonFactory())
    assert queries_for(viewer_client, "/") == one <= 13


def test_the_report_per_minister_says_how_many_deadlines_moved_and_by_how_much(viewer_client):
    minister = PersonFactory()
    slipped(minister, moves=2)
    slipped(minister, moves=1)
    slipped(moves=3)  # another minister's
    response = viewer_client.get("/reports/minister/", {"minister": minister.pk, "as_of": "2026-01-01"})
    report = response.context["report"]
    assert (report.slippage.moved, report.slippage.moves, report.slippage.days) == (2, 3, 366 + 182)
    assert "promises whose deadline moved: 3 moves, +548 days in all (+183 per move)" in response.content.decode()


def test_the_letter_to_the_minister_counts_the_moved_deadlines():
    from tests.test_letters_minister import letter_for

    minister = PersonFactory()
    slipped(minister, moves=2)
    letter = letter_for(minister)
    assert any(
        "De termijn van 1 toezegging werd al verschoven, 2 keer in totaal, samen 366 dagen." in p for p in letter.introduction
    )


def test_the_commitment_page_costs_no_more_queries_when_its_deadline_moved_whatever_the_moves(viewer_client):
    # The list of moves comes from the timeline, which reads the deadline changes anyway.
    steady = CommitmentFactory(deadline=END_2019)
    base = queries_for(viewer_client, f"/commitments/{steady.pk}/")
    once, often = slipped(moves=1), slipped(moves=6)
    assert queries_for(viewer_client, f"/commitments/{once.pk}/") == base
    assert queries_for(viewer_client, f"/commitments/{often.pk}/") == base
