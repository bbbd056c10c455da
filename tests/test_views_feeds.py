"""The private calendar and Atom feeds: opened by the token in their address with no login (calendar
programs and feed readers cannot log in), in the owner's language, a 404 for any bad token."""

import datetime

import pytest
from defusedxml import ElementTree
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from tests.factories import AnswerFactory, CommitmentFactory, PersonFactory, QuestionFactory, UserFactory
from tests.querycount import queries_for
from tracker.models import Status
from tracker.roles import Role
from tracker.services.commitments import commitment_assign, commitment_record_status, status_update_confirm
from tracker.services.team import follow, profile_of, profile_renew_feed_token, profile_update

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
NEXT_YEAR = datetime.date.today() + datetime.timedelta(days=365)


def promise(title, deadline=NEXT_YEAR, *, minister=None, **kwargs):
    question = QuestionFactory(addressee=minister or PersonFactory(), asked_on=datetime.date(2024, 10, 1))
    return CommitmentFactory(answer=AnswerFactory(question=question), title=title, deadline=deadline, **kwargs)


def calendar_url(user) -> str:
    return reverse("user_calendar", kwargs={"token": profile_of(user).feed_token})


def following_url(user) -> str:
    return reverse("following_feed", kwargs={"token": profile_of(user).feed_token})


def minister_url(user, person) -> str:
    return reverse("minister_feed", kwargs={"token": profile_of(user).feed_token, "person_id": person.pk})


def entries(response) -> list:
    return ElementTree.fromstring(response.content).findall(f"{ATOM}entry")


# The calendar.


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR, Role.ADMINISTRATOR])
def test_every_role_has_a_calendar_that_opens_without_a_login(anonymous_client, role):
    user = UserFactory(role=role)
    follow(user=user, target=promise("Projectoproep buddywerking"))
    response = anonymous_client.get(calendar_url(user))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="deadlines.ics"'
    assert "private" in response["Cache-Control"]
    assert not response.cookies
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]).endswith("Projectoproep buddywerking")


def test_the_calendar_has_the_deadlines_of_what_is_followed_or_assigned_linking_to_each(anonymous_client, editor, administrator):
    followed = promise("Gevolgd")
    assigned = promise("Toegewezen", NEXT_YEAR + datetime.timedelta(days=1))
    promise("Niet gevolgd")
    follow(user=editor, target=followed)
    commitment_assign(commitment=assigned, assignee=editor, user=administrator)
    calendar = Calendar.from_ical(anonymous_client.get(calendar_url(editor)).content)
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [f"{followed.reference} Gevolgd", f"{assigned.reference} Toegewezen"]
    assert str(events[0]["URL"]) == f"http://testserver/commitments/{followed.pk}/"
    assert events[0]["UID"] == f"commitment-{followed.pk}@testserver"
    assert str(calendar["X-WR-CALNAME"]) == f"Deadlines: {editor.get_full_name()}"


def test_the_calendar_speaks_its_owners_language(anonymous_client, viewer):
    profile_update(user=viewer, digest="weekly", language="nl")
    follow(user=viewer, target=promise("Projectoproep"))
    calendar = Calendar.from_ical(anonymous_client.get(calendar_url(viewer), HTTP_ACCEPT_LANGUAGE="en").content)
    assert str(calendar["X-WR-CALNAME"]).startswith("Termijnen: ")
    assert "Status: Aangekondigd" in str(calendar.walk("VEVENT")[0]["DESCRIPTION"])


def test_a_uid_stays_the_same_when_the_deadline_moves(anonymous_client, viewer):
    commitment = promise("Verschuift")
    follow(user=viewer, target=commitment)
    before = Calendar.from_ical(anonymous_client.get(calendar_url(viewer)).content).walk("VEVENT")[0]
    commitment.deadline = NEXT_YEAR + datetime.timedelta(days=30)
    commitment.save()
    after = Calendar.from_ical(anonymous_client.get(calendar_url(viewer)).content).walk("VEVENT")[0]
    assert before["UID"] == after["UID"]
    assert after.decoded("DTSTART") == NEXT_YEAR + datetime.timedelta(days=30)


def test_the_calendar_costs_the_same_number_of_queries_with_1_and_20_deadlines(anonymous_client, viewer):
    minister = PersonFactory()
    follow(user=viewer, target=minister)
    promise("Eerste", minister=minister)
    url = calendar_url(viewer)
    one = queries_for(anonymous_client, url)
    for day in range(19):
        promise(f"Belofte {day}", NEXT_YEAR + datetime.timedelta(days=day), minister=minister)
    assert queries_for(anonymous_client, url) == one <= 6


# Bad tokens: always the same 404.


def test_an_unknown_token_is_not_found(anonymous_client):
    assert anonymous_client.get("/calendar/" + "x" * 43 + ".ics").status_code == 404
    assert anonymous_client.get("/feeds/" + "x" * 43 + "/following.atom").status_code == 404
    assert anonymous_client.get("/calendar/short.ics").status_code == 404
    assert anonymous_client.get("/calendar/" + "x" * 43 + "%27.ics").status_code == 404


def test_a_renewed_token_closes_the_old_addresses_at_once(anonymous_client, viewer):
    person = PersonFactory()
    old = [calendar_url(viewer), following_url(viewer), minister_url(viewer, person)]
    profile_renew_feed_token(user=viewer)
    new = [calendar_url(viewer), following_url(viewer), minister_url(viewer, person)]
    assert [anonymous_client.get(url).status_code for url in old] == [404, 404, 404]
    assert [anonymous_client.get(url).status_code for url in new] == [200, 200, 200]


def test_a_deactivated_account_or_one_without_a_role_gets_the_same_404(anonymous_client, viewer, no_role_user):
    urls = [calendar_url(viewer), following_url(viewer), calendar_url(no_role_user), following_url(no_role_user)]
    viewer.is_active = False
    viewer.save()
    responses = [anonymous_client.get(url) for url in urls]
    assert [r.status_code for r in responses] == [404, 404, 404, 404]
    assert len({r.content for r in responses}) == 1, "nothing tells these apart from a token that never existed"


def test_a_logged_in_user_still_needs_the_token(viewer_client):
    assert viewer_client.get("/calendar/" + "x" * 43 + ".ics").status_code == 404


# The Atom feeds.


def test_the_minister_feed_lists_status_changes_with_the_commitment_the_status_the_note_and_who(anonymous_client, viewer, editor):
    minister = PersonFactory(first_name="Liesbeth", last_name="Homans")
    commitment = promise("Projectoproep buddywerking", minister=minister)
    update = commitment_record_status(
        commitment=commitment,
        user=editor,
        status=Status.DELAYED,
        observed_on=datetime.date(2025, 3, 1),
        note="Oproep uitgesteld.",
    )
    promise("Van een ander")
    response = anonymous_client.get(minister_url(viewer, minister))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert "private" in response["Cache-Control"]
    feed = ElementTree.fromstring(response.content)
    assert feed.findtext(f"{ATOM}title") == "Status changes: Liesbeth Homans"
    assert feed.findtext(f"{ATOM}id") == f"tag:testserver,2026:feeds/ministers/{minister.pk}"
    latest, first = feed.findall(f"{ATOM}entry")
    assert latest.findtext(f"{ATOM}title") == f"{commitment.reference} Projectoproep buddywerking: Delayed"
    assert latest.find(f"{ATOM}link").get("href") == f"http://testserver/commitments/{commitment.pk}/"
    assert latest.findtext(f"{ATOM}id") == f"tag:testserver,2026:status-update/{update.pk}"
    assert latest.findtext(f"{ATOM}author/{ATOM}name") == editor.get_full_name()
    summary = latest.findtext(f"{ATOM}summary")
    assert "<strong>Delayed</strong>, observed on 1 March 2025." in summary
    assert "Oproep uitgesteld." in summary
    assert f"Recorded by {editor.get_full_name()}" in summary
    assert first.findtext(f"{ATOM}title").endswith(": Announced")


def test_entry_ids_stay_the_same_from_one_reading_to_the_next(anonymous_client, viewer, editor):
    commitment = promise("Stabiel")
    follow(user=viewer, target=commitment)
    first = [e.findtext(f"{ATOM}id") for e in entries(anonymous_client.get(following_url(viewer)))]
    commitment_record_status(commitment=commitment, user=editor, status=Status.IN_PROGRESS, observed_on=datetime.date(2025, 3, 1))
    second = [e.findtext(f"{ATOM}id") for e in entries(anonymous_client.get(following_url(viewer)))]
    assert second[1:] == first


def test_a_confirmed_closing_status_names_both_editors(anonymous_client, viewer, editor, settings):
    settings.TRACKER_FOUR_EYES = True
    second = UserFactory(username="tweede-editor", role=Role.EDITOR)
    commitment = promise("Vier ogen")
    follow(user=viewer, target=commitment)
    update = commitment_record_status(
        commitment=commitment, user=editor, status=Status.FULFILLED, observed_on=datetime.date(2025, 3, 1)
    )
    assert [e.findtext(f"{ATOM}title") for e in entries(anonymous_client.get(following_url(viewer)))] == [
        f"{commitment.reference} Vier ogen: Announced"
    ], "awaiting confirmation, it does not count yet"
    status_update_confirm(update=update, user=second)
    latest = entries(anonymous_client.get(following_url(viewer)))[0]
    assert latest.findtext(f"{ATOM}title") == f"{commitment.reference} Vier ogen: Fulfilled"
    summary = latest.findtext(f"{ATOM}summary")
    assert f"Recorded by {editor.get_full_name()}" in summary
    assert f"Confirmed by {second.get_full_name()}" in summary
    assert latest.findtext(f"{ATOM}updated") >= latest.findtext(f"{ATOM}published")


def test_the_following_feed_is_in_its_owners_language(anonymous_client, viewer):
    profile_update(user=viewer, digest="weekly", language="nl")
    follow(user=viewer, target=promise("Projectoproep"))
    feed = ElementTree.fromstring(anonymous_client.get(following_url(viewer)).content)
    assert feed.findtext(f"{ATOM}title") == f"Wat {viewer.get_full_name()} volgt: statuswijzigingen"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert feed.find(f"{ATOM}entry").findtext(f"{ATOM}title").endswith(": Aangekondigd")


def test_a_feed_for_an_unknown_minister_is_not_found(anonymous_client, viewer):
    url = reverse("minister_feed", kwargs={"token": profile_of(viewer).feed_token, "person_id": 999999})
    assert anonymous_client.get(url).status_code == 404


@pytest.mark.parametrize("feed", ["following", "minister"])
def test_a_feed_costs_the_same_number_of_queries_with_1_and_20_updates(anonymous_client, viewer, editor, feed):
    minister = PersonFactory()
    follow(user=viewer, target=minister)
    url = following_url(viewer) if feed == "following" else minister_url(viewer, minister)
    promise("Eerste", minister=minister)
    one = queries_for(anonymous_client, url)
    for month in range(1, 11):
        commitment = promise(f"Belofte {month}", minister=minister)
        commitment_record_status(
            commitment=commitment, user=editor, status=Status.DELAYED, observed_on=datetime.date(2025, month, 1)
        )
    assert queries_for(anonymous_client, url) == one <= 6


def test_the_feed_addresses_ask_for_no_session(viewer):
    client = Client()
    response = client.get(following_url(viewer))
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert "csrftoken" not in response.cookies


def test_the_private_addresses_answer_get_and_head_but_no_post(anonymous_client, viewer):
    for url in (calendar_url(viewer), following_url(viewer)):
        assert anonymous_client.head(url).status_code == 200
        assert anonymous_client.post(url).status_code == 405
