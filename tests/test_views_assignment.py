"""Assignment on the site: editors give a commitment to an editor on its page, or several at once
from the list; the list filters by who looks after what; the timeline keeps every change."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import CommitmentFactory, UserFactory
from tests.querycount import queries_for
from tracker.models import Commitment
from tracker.roles import Role
from tracker.services.commitments import commitment_assign

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague():
    return UserFactory(username="carla-collega", first_name="Carla", last_name="Collega", role=Role.EDITOR)


def titles(response):
    return [c.title for c in response.context["page"].object_list]


def assignee_of(commitment):
    return Commitment.objects.get(pk=commitment.pk).assignee


# On the commitment page ---------------------------------------------------------------------------


def test_an_editor_assigns_a_commitment_to_a_colleague_and_the_page_says_who_looks_after_it(editor_client, colleague):
    commitment = CommitmentFactory()
    response = editor_client.post(f"/commitments/{commitment.pk}/assignee/", {"assignee": colleague.pk})
    assert response.status_code == 302
    assert assignee_of(commitment) == colleague
    page = editor_client.get(commitment.get_absolute_url())
    html = page.content.decode()
    assert "Carla Collega looks after this commitment now." in html
    assert re.search(
        r"Looked after by</dt>\s*<dd[^>]*>\s*<div[^>]*>\s*<span><span class=\"assignee-name\">Carla Collega</span>", html
    )


def test_the_timeline_shows_each_assignment_with_peoples_names(editor_client, editor, colleague):
    editor.first_name, editor.last_name = "Eddy", "Peeters"
    editor.save()
    commitment = CommitmentFactory()
    editor_client.post(f"/commitments/{commitment.pk}/assignee/", {"assignee": editor.pk})
    editor_client.post(f"/commitments/{commitment.pk}/assignee/", {"assignee": colleague.pk})
    editor_client.post(f"/commitments/{commitment.pk}/assignee/", {"assignee": ""})
    html = editor_client.get(commitment.get_absolute_url()).content.decode()
    changes = re.findall(r'<span class="change-field">Assigned to</span>: <del>([^<]*)</del> → <ins>([^<]*)</ins>', html)
    assert changes == [("Carla Collega", "nobody"), ("Eddy Peeters", "Carla Collega"), ("nobody", "Eddy Peeters")]
    assert "recorded by Eddy Peeters" in html


def test_assign_to_me_takes_the_commitment_on(editor_client, editor):
    commitment = CommitmentFactory()
    html = editor_client.get(commitment.get_absolute_url()).content.decode()
    assert "Assign to me" in html
    response = editor_client.post(f"/commitments/{commitment.pk}/assignee/", {"assignee": editor.pk}, follow=True)
    assert assignee_of(commitment) == editor
    html = response.content.decode()
    assert "You look after this commitment now; it is on your My work page." in html
    assert "Assign to me" not in html


def test_assigning_the_same_person_again_changes_nothing_and_says_so(editor_client, colleague):
    commitment = CommitmentFactory()
    commitment_assign(commitment=commitment, assignee=colleague, user=None)
    response = editor_client.post(f"/commitments/{commitment.pk}/assignee/", {"assignee": colleague.pk}, follow=True)
    assert "Nothing changed: it was already so." in response.content.decode()


def test_only_active_editors_are_offered_and_anyone_else_is_refused_with_a_field_error(editor_client, viewer, colleague):
    gone = UserFactory(username="gone-editor", role=Role.EDITOR)
    gone.is_active = False
    gone.save()
    administrator = UserFactory(username="admin-too", role=Role.ADMINISTRATOR)
    commitment = CommitmentFactory()
    form = editor_client.get(commitment.get_absolute_url()).context["assign_form"]
    offered = {value for value, _label in form.fields["assignee"].choices}
    assert {"", colleague.pk, administrator.pk} <= offered
    assert viewer.pk not in offered
    assert gone.pk not in offered
    for pk in (viewer.pk, gone.pk, 999999):
        response = editor_client.post(f"/commitments/{commitment.pk}/assignee/", {"assignee": pk})
        assert response.status_code == 400
        assert response.context["assign_form"].errors["assignee"]
        assert assignee_of(commitment) is None


def test_a_viewer_sees_who_looks_after_a_commitment_but_no_assignment_form_and_is_refused(viewer_client, colleague):
    commitment = CommitmentFactory()
    commitment_assign(commitment=commitment, assignee=colleague, user=None)
    html = viewer_client.get(commitment.get_absolute_url()).content.decode()
    assert "Carla Collega" in html
    assert "Assign to me" not in html
    assert f'action="/commitments/{commitment.pk}/assignee/"' not in html
    response = viewer_client.post(f"/commitments/{commitment.pk}/assignee/", {"assignee": ""})
    assert response.status_code == 403
    assert "Assigning a commitment needs an editor&#x27;s account." in response.content.decode()
    assert assignee_of(commitment) == colleague


def test_assigning_an_unknown_commitment_is_404(editor_client, editor):
    assert editor_client.post("/commitments/999999/assignee/", {"assignee": editor.pk}).status_code == 404


def test_assigning_needs_a_post(editor_client):
    commitment = CommitmentFactory()
    assert editor_client.get(f"/commitments/{commitment.pk}/assignee/").status_code == 405


# The list: filter, row, bulk action --------------------------------------------------------------


def test_the_list_filters_by_me_by_nobody_and_by_an_editor(editor_client, editor, colleague):
    mine = CommitmentFactory(title="Van mij")
    theirs = CommitmentFactory(title="Van Carla")
    CommitmentFactory(title="Van niemand")
    commitment_assign(commitment=mine, assignee=editor, user=None)
    commitment_assign(commitment=theirs, assignee=colleague, user=None)
    assert titles(editor_client.get("/commitments/", {"assignee": "me"})) == ["Van mij"]
    assert titles(editor_client.get("/commitments/", {"assignee": "none"})) == ["Van niemand"]
    assert titles(editor_client.get("/commitments/", {"assignee": colleague.pk})) == ["Van Carla"]
    assert len(titles(editor_client.get("/commitments/", {"assignee": ""}))) == 3


def test_the_assigned_to_filter_offers_me_nobody_and_the_editors_only(viewer_client, viewer, colleague):
    choices = viewer_client.get("/commitments/").context["filter"].form.fields["assignee"].choices
    values = [value for value, _label in choices]
    assert values[:3] == ["", "me", "none"]
    assert str(colleague.pk) in values
    assert str(viewer.pk) not in values


def test_an_unknown_assignee_is_ignored_with_a_message(viewer_client):
    CommitmentFactory()
    response = viewer_client.get("/commitments/", {"assignee": "999999"})
    assert len(titles(response)) == 1
    assert "These filters were not understood and were ignored: Assigned to." in response.content.decode()


def test_the_assignee_filter_lives_in_the_url_and_in_the_page_links(editor_client, editor, settings):
    settings.TRACKER_PAGE_SIZE = 5
    for _ in range(7):
        commitment_assign(commitment=CommitmentFactory(), assignee=editor, user=None)
    html = editor_client.get("/commitments/", {"assignee": "me"}).content.decode()
    assert "assignee=me&amp;page=2" in html
    assert '<option value="me" selected>' in html


def test_each_list_row_names_who_looks_after_it(viewer_client, colleague):
    commitment_assign(commitment=CommitmentFactory(), assignee=colleague, user=None)
    html = viewer_client.get("/commitments/").content.decode()
    assert re.search(r'class="assignee-tag"[^>]*>.*Carla Collega</span>', html)


def test_editors_get_a_checkbox_per_row_and_the_bulk_form_viewers_do_not(editor_client, viewer_client):
    commitment = CommitmentFactory()
    editor_html = editor_client.get("/commitments/").content.decode()
    assert f'name="commitments" value="{commitment.pk}" form="bulk-assign"' in editor_html
    assert 'id="bulk-assign"' in editor_html
    assert "csrfmiddlewaretoken" in editor_html
    viewer_html = viewer_client.get("/commitments/").content.decode()
    assert 'name="commitments"' not in viewer_html
    assert 'id="bulk-assign"' not in viewer_html


def test_tick_all_on_this_page_ticks_every_row_and_keeps_the_filters(editor_client):
    for _ in range(3):
        CommitmentFactory()
    html = editor_client.get("/commitments/", {"state": "open"}).content.decode()
    assert 'href="?state=open&amp;select=all"' in html
    ticked = editor_client.get("/commitments/", {"state": "open", "select": "all"}).content.decode()
    assert len(re.findall(r'name="commitments" value="\d+" form="bulk-assign"[^>]*checked', ticked)) == 3
    assert "Untick all" in ticked
    assert 'name="query" value="state=open"' in ticked, "the list to go back to, without the one-off switch"


def test_the_bulk_action_assigns_the_ticked_commitments_and_returns_to_the_same_list(editor_client, colleague):
    first, second, untouched = CommitmentFactory(), CommitmentFactory(), CommitmentFactory()
    query = "state=open&sort=-deadline&page=1"
    response = editor_client.post(
        "/commitments/assign/", {"commitments": [first.pk, second.pk], "assignee": colleague.pk, "query": query}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/commitments/?{query}"
    assert [assignee_of(c) for c in (first, second, untouched)] == [colleague, colleague, None]
    page = editor_client.get(response["Location"])
    assert "2 commitments assigned to Carla Collega." in page.content.decode()


def test_the_bulk_action_counts_what_changed_and_what_already_was(editor_client, colleague):
    first, second = CommitmentFactory(), CommitmentFactory()
    commitment_assign(commitment=first, assignee=colleague, user=None)
    response = editor_client.post(
        "/commitments/assign/", {"commitments": [first.pk, second.pk], "assignee": colleague.pk}, follow=True
    )
    assert "1 commitment assigned to Carla Collega. 1 other already was." in response.content.decode()


def test_the_bulk_action_unassigns_with_nobody(editor_client, colleague):
    commitment = CommitmentFactory()
    commitment_assign(commitment=commitment, assignee=colleague, user=None)
    response = editor_client.post("/commitments/assign/", {"commitments": [commitment.pk], "assignee": "none"}, follow=True)
    assert assignee_of(commitment) is None
    assert "1 commitment is now unassigned." in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"assignee": "none"}, "Tick the commitments to assign first."),
        ({"commitments": ["1"], "assignee": ""}, "Choose who looks after the ticked commitments."),
        ({"commitments": ["abc"], "assignee": "none"}, "This form is incomplete or out of date: reload the list."),
    ],
    ids=["nothing ticked", "nobody chosen", "tampered"],
)
def test_an_incomplete_bulk_action_changes_nothing_and_says_why(editor_client, colleague, data, message):
    commitment = CommitmentFactory()
    commitment_assign(commitment=commitment, assignee=colleague, user=None)
    data = {**data, "query": "kind=action"}
    response = editor_client.post("/commitments/assign/", data)
    assert response["Location"] == "/commitments/?kind=action"
    assert message in editor_client.get(response["Location"]).content.decode()
    assert assignee_of(commitment) == colleague


def test_the_bulk_action_goes_back_to_the_list_only(editor_client, editor):
    commitment = CommitmentFactory()
    for query in ("https://evil.example/", "//evil.example/x", "a=1&b=<script>"):
        response = editor_client.post(
            "/commitments/assign/", {"commitments": [commitment.pk], "assignee": editor.pk, "query": query}
        )
        assert response["Location"].startswith("/commitments/")
        assert "<" not in response["Location"]


def test_a_viewer_is_refused_the_bulk_action_and_nothing_changes(viewer_client, colleague):
    commitment = CommitmentFactory()
    response = viewer_client.post("/commitments/assign/", {"commitments": [commitment.pk], "assignee": colleague.pk})
    assert response.status_code == 403
    assert "Assigning commitments needs an editor&#x27;s account." in response.content.decode()
    assert assignee_of(commitment) is None


def test_the_bulk_form_is_protected_against_cross_site_requests(editor, colleague):
    commitment = CommitmentFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    forged = client.post("/commitments/assign/", {"commitments": [commitment.pk], "assignee": colleague.pk})
    assert forged.status_code == 403
    assert assignee_of(commitment) is None


def test_the_list_costs_the_same_queries_for_25_and_50_rows_with_assignees_and_checkboxes(editor_client, settings):
    people = [UserFactory(username=f"editor-{n}", role=Role.EDITOR) for n in range(5)]
    today = timezone.localdate()

    def add(count):
        for index in range(count):
            commitment = CommitmentFactory(deadline=today - datetime.timedelta(days=index + 1))
            commitment_assign(commitment=commitment, assignee=people[index % len(people)], user=None)

    add(25)
    twenty_five = [queries_for(editor_client, "/commitments/", **params) for params in ({}, {"assignee": "none"})]
    add(25)
    settings.TRACKER_PAGE_SIZE = 50
    response = editor_client.get("/commitments/")
    assert len(response.context["page"].object_list) == 50
    fifty = [queries_for(editor_client, "/commitments/", **params) for params in ({}, {"assignee": "none"})]
    assert twenty_five == fifty
    assert max(fifty) <= 13  # as test_list_and_export_cost_the_same_number_of_queries_for_1_and_30_rows
