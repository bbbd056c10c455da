"""The pages of one staff member: My work, following and what I follow, the profile."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import CommitmentFactory, PersonFactory, QuestionFactory, ThemeFactory, UserFactory
from tests.querycount import queries_for
from tracker.imports.runner import import_documents
from tracker.models import Follow, Profile, Status, Suggestion
from tracker.roles import Role
from tracker.services.commitments import commitment_assign, commitment_record_status
from tracker.services.team import follow, profile_of

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def days(count):
    return today() + datetime.timedelta(days=count)


@pytest.fixture
def colleague():
    return UserFactory(username="carla-collega", first_name="Carla", last_name="Collega", role=Role.EDITOR)


def mine(user, **kwargs):
    commitment = CommitmentFactory(**kwargs)
    commitment_assign(commitment=commitment, assignee=user, user=None)
    return commitment


def refs(commitments):
    return [c.reference for c in commitments]


# My work ---------------------------------------------------------------------------------------


def test_my_work_is_in_the_main_navigation_and_where_login_leads(editor):
    client = Client()
    from tests.factories import PASSWORD

    response = client.post("/accounts/login/", {"username": editor.username, "password": PASSWORD})
    assert response["Location"] == "/my-work/"
    html = client.get("/my-work/").content.decode()
    assert '<a href="/my-work/" aria-current="page">My work</a>' in html


def test_my_work_lists_what_is_assigned_to_me_overdue_first_with_days_late(editor_client, editor, colleague):
    later = mine(editor, title="Later", deadline=days(200))
    late = mine(editor, title="Te laat", deadline=days(-40))
    latest = mine(editor, title="Heel laat", deadline=days(-300))
    mine(colleague, title="Van Carla", deadline=days(-10))
    mine(editor, title="Gedaan", status=Status.FULFILLED, observed_on=datetime.date(2019, 1, 1))
    response = editor_client.get("/my-work/")
    work = response.context["work"]
    assert refs(work.assigned.rows) == refs([latest, late, later])
    assert (work.assigned.count, work.assigned_total, work.overdue) == (3, 4, 2)
    html = response.content.decode()
    assert '<span class="days-late">40</span>' in html
    assert "Van Carla" not in html


def test_my_work_shows_mine_due_soon_and_needing_follow_up_by_their_rules(editor_client, editor, settings):
    settings.TRACKER_DUE_SOON_DAYS = 30
    soon = mine(editor, title="Binnenkort", deadline=days(10))
    mine(editor, title="Ver weg", deadline=days(100))
    mine(editor, title="Vandaag", deadline=today())
    neglected = mine(editor, title="Vergeten", status=Status.IN_PROGRESS, observed_on=datetime.date(2019, 1, 1))
    work = editor_client.get("/my-work/").context["work"]
    assert [c.title for c in work.due_soon.rows] == ["Vandaag", "Binnenkort"]
    assert soon in work.due_soon.rows
    assert neglected in work.follow_up.rows
    assert work.due_soon.count == 2


def test_my_work_says_what_to_do_when_it_is_empty(editor_client, viewer_client):
    editor_html = editor_client.get("/my-work/").content.decode()
    assert "No open commitment is assigned to you." in editor_html
    assert "Open commitments nobody looks after" in editor_html
    assert 'href="/commitments/?assignee=none&amp;state=open&amp;sort=overdue"' in editor_html
    assert "You follow nothing yet." in editor_html
    assert "You look after no minister yet." in editor_html
    viewer_html = viewer_client.get("/my-work/").content.decode()
    assert "Editors look after commitments." in viewer_html
    assert "Suggestions to review" not in viewer_html, "viewers do not review suggestions"
    assert "awaiting my confirmation" not in viewer_html, "viewers do not confirm"


def test_my_work_lists_what_i_follow_with_links(viewer_client, viewer):
    minister = PersonFactory(first_name="Liesbeth", last_name="Homans")
    commitment = CommitmentFactory(title="Gevolgd", responsible_person=minister)
    theme = ThemeFactory(name="Wonen")
    question = QuestionFactory(subject="Sociale woningen")
    for target in (minister, commitment, theme, question):
        follow(user=viewer, target=target)
    html = viewer_client.get("/my-work/").content.decode()
    assert f'href="/commitments/?minister={minister.pk}">Liesbeth Homans</a>' in html
    assert f'href="/commitments/?theme={theme.pk}">Wonen</a>' in html
    assert f'href="{commitment.get_absolute_url()}">{commitment.reference} · <span lang="nl">Gevolgd</span>' in html
    assert f'href="{question.get_absolute_url()}">Question {question.citation}</a>' in html


def test_my_work_lists_suggestions_for_the_ministers_i_follow_or_whose_commitments_i_look_after(editor_client, editor):
    seed = settings.BASE_DIR / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"
    import_documents([(seed.name, seed.read_bytes())])
    pending = list(Suggestion.objects.pending())
    assert pending
    minister = pending[0].answer.question.addressee
    assert editor_client.get("/my-work/").context["work"].suggestions.rows == []
    follow(user=editor, target=minister)
    work = editor_client.get("/my-work/").context["work"]
    assert set(work.suggestions.rows) == set(pending)
    assert work.ministers == [minister]
    Follow.objects.all().delete()
    mine(editor, responsible_person=minister)
    assert set(editor_client.get("/my-work/").context["work"].suggestions.rows) == set(pending)


def test_my_work_lists_closing_statuses_awaiting_me_not_my_own(editor_client, editor, colleague, settings):
    settings.TRACKER_FOUR_EYES = True
    theirs = commitment_record_status(
        commitment=CommitmentFactory(title="Van Carla"), user=colleague, status=Status.FULFILLED, observed_on=days(-1)
    )
    own = commitment_record_status(
        commitment=CommitmentFactory(title="Van mij"), user=editor, status=Status.LAPSED, observed_on=days(-1)
    )
    response = editor_client.get("/my-work/")
    work = response.context["work"]
    assert work.to_confirm.rows == [theirs]
    assert work.mine_awaiting == [own]
    html = response.content.decode()
    assert f'action="/status-updates/{theirs.pk}/confirm/"' in html
    assert f'href="/status-updates/{theirs.pk}/reject/?next=/my-work/"' in html
    assert f'action="/status-updates/{own.pk}/confirm/"' not in html
    assert "it counts once another editor confirms it" in html


def test_my_work_costs_a_bounded_number_of_queries_whatever_the_data(editor_client, editor, colleague, settings):
    settings.TRACKER_FOUR_EYES = True
    small = queries_for(editor_client, "/my-work/")
    seed = settings.BASE_DIR / "tracker" / "demo" / "documents" / "vraag-551-2017-2018.txt"
    import_documents([(seed.name, seed.read_bytes())])
    for index in range(20):
        commitment = mine(editor, deadline=days(index - 10), status=Status.IN_PROGRESS, observed_on=datetime.date(2019, 1, 1))
        follow(user=editor, target=commitment)
        follow(user=editor, target=commitment.responsible_person)
        follow(user=editor, target=ThemeFactory())
        follow(user=editor, target=commitment.answer.question)
        commitment_record_status(commitment=CommitmentFactory(), user=colleague, status=Status.FULFILLED, observed_on=days(-1))
        commitment_record_status(commitment=commitment, user=editor, status=Status.LAPSED, observed_on=days(0))
    follow(user=editor, target=Suggestion.objects.first().answer.question.addressee)
    large = queries_for(editor_client, "/my-work/")
    work = editor_client.get("/my-work/").context["work"]
    assert work.to_confirm.count == 20
    assert work.following.total == 81
    assert work.suggestions.rows
    assert small <= large <= 16, (small, large)
    assert large - small <= 3, "only the counts of lists longer than a panel are added"


# Following -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["commitment", "minister", "theme", "question"])
def test_anyone_with_a_role_follows_and_unfollows_each_kind_of_thing(viewer_client, viewer, kind):
    commitment = CommitmentFactory()
    target = {
        "commitment": commitment,
        "minister": commitment.responsible_person,
        "theme": ThemeFactory(),
        "question": commitment.answer.question,
    }[kind]
    response = viewer_client.post(f"/follow/{kind}/{target.pk}/", {"next": "/commitments/?state=open"})
    assert response.status_code == 302
    assert response["Location"] == "/commitments/?state=open"
    assert Follow.objects.filter(user=viewer, **{kind: target}).count() == 1
    again = viewer_client.post(f"/follow/{kind}/{target.pk}/", follow=True)
    assert "You already follow" in again.content.decode()
    assert Follow.objects.filter(user=viewer).count() == 1
    response = viewer_client.post(f"/unfollow/{kind}/{target.pk}/", follow=True)
    assert "You no longer follow" in response.content.decode()
    assert not Follow.objects.filter(user=viewer).exists()


def test_following_goes_back_only_to_a_page_of_this_site(viewer_client):
    commitment = CommitmentFactory()
    response = viewer_client.post(f"/follow/commitment/{commitment.pk}/", {"next": "https://evil.example/"})
    assert response["Location"] == "/following/"


@pytest.mark.parametrize("url", ["/follow/planet/1/", "/follow/commitment/999999/", "/unfollow/theme/999999/"])
def test_following_something_that_does_not_exist_is_404(viewer_client, url):
    assert viewer_client.post(url).status_code == 404


def test_only_ministers_are_followed_as_ministers(viewer_client):
    asker = CommitmentFactory().answer.question.asker
    assert viewer_client.post(f"/follow/minister/{asker.pk}/").status_code == 404


def test_following_needs_a_post_and_a_role(viewer_client, no_role_user):
    commitment = CommitmentFactory()
    assert viewer_client.get(f"/follow/commitment/{commitment.pk}/").status_code == 405
    client = Client()
    client.force_login(no_role_user)
    assert client.post(f"/follow/commitment/{commitment.pk}/").status_code == 403
    assert not Follow.objects.exists()


def test_the_commitment_and_question_pages_have_a_follow_button_that_knows_its_state(viewer_client, viewer):
    commitment = CommitmentFactory()
    question = commitment.answer.question
    for page, kind, target in (
        (commitment.get_absolute_url(), "commitment", commitment),
        (question.get_absolute_url(), "question", question),
    ):
        html = viewer_client.get(page).content.decode()
        assert f'action="/follow/{kind}/{target.pk}/"' in html
        follow(user=viewer, target=target)
        html = viewer_client.get(page).content.decode()
        assert f'action="/unfollow/{kind}/{target.pk}/"' in html
        assert "Following" in html


def test_the_list_of_one_minister_or_theme_and_the_minister_report_offer_to_follow_them(viewer_client, viewer):
    theme = ThemeFactory(name="Armoede")
    commitment = CommitmentFactory(themes=[theme])
    minister = commitment.responsible_person
    html = viewer_client.get("/commitments/", {"minister": minister.pk}).content.decode()
    assert f'action="/follow/minister/{minister.pk}/"' in html
    assert f'aria-label="Follow {minister.full_name}"' in html
    html = viewer_client.get("/commitments/", {"theme": theme.pk}).content.decode()
    assert f'action="/follow/theme/{theme.pk}/"' in html
    follow(user=viewer, target=minister)
    html = viewer_client.get("/reports/minister/", {"minister": minister.pk, "as_of": today().isoformat()}).content.decode()
    assert f'action="/unfollow/minister/{minister.pk}/"' in html
    assert 'action="/follow/' not in viewer_client.get("/commitments/").content.decode(), "an unfiltered list follows nothing"


def test_the_following_page_groups_everything_with_unfollow_buttons(viewer_client, viewer):
    commitment = CommitmentFactory(title="Gevolgd")
    theme = ThemeFactory(name="Wonen")
    for target in (commitment, commitment.responsible_person, theme, commitment.answer.question):
        follow(user=viewer, target=target)
    html = viewer_client.get("/following/").content.decode()
    assert "4 things you follow" in html
    for heading in ("Ministers", "Themes", "Commitments", "Questions"):
        assert f'{heading} <span class="count-pill">1</span>' in html
    for kind, pk in (
        ("commitment", commitment.pk),
        ("minister", commitment.responsible_person.pk),
        ("theme", theme.pk),
        ("question", commitment.answer.question.pk),
    ):
        assert f'action="/unfollow/{kind}/{pk}/"' in html


def test_the_following_page_when_nothing_is_followed_says_how(viewer_client):
    html = viewer_client.get("/following/").content.decode()
    assert "You follow nothing yet." in html
    assert "Browse the commitments" in html


def test_the_following_page_costs_the_same_queries_for_1_and_40_things(viewer_client, viewer):
    follow(user=viewer, target=CommitmentFactory())
    one = queries_for(viewer_client, "/following/")
    for _ in range(10):
        commitment = CommitmentFactory()
        for target in (commitment, commitment.responsible_person, ThemeFactory(), commitment.answer.question):
            follow(user=viewer, target=target)
    assert queries_for(viewer_client, "/following/") == one <= 8


# The profile -----------------------------------------------------------------------------------


def test_the_header_names_the_user_and_links_to_the_profile(editor_client, editor):
    html = editor_client.get("/").content.decode()
    assert 'class="app-user-name" href="/profile/"' in html


def test_the_profile_shows_and_saves_e_mail_digest_and_language(editor_client, editor):
    page = editor_client.get("/profile/")
    assert page.status_code == 200
    assert page.context["form"].initial == {"email": editor.email, "digest": "weekly", "language": "en"}
    response = editor_client.post("/profile/", {"email": "eddy@example.org", "digest": "daily", "language": "nl"})
    assert response.status_code == 302
    editor.refresh_from_db()
    profile = Profile.objects.get(user=editor)
    assert (editor.email, profile.digest, profile.language) == ("eddy@example.org", "daily", "nl")
    assert "Your choices are saved." in editor_client.get("/profile/").content.decode()


def test_a_bad_profile_is_refused_with_field_errors_and_nothing_saved(editor_client, editor):
    response = editor_client.post("/profile/", {"email": "not an address", "digest": "hourly", "language": "fr"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"email", "digest", "language"}
    assert profile_of(editor).digest == "weekly"


def test_the_profile_warns_when_a_digest_has_no_address_to_go_to(editor_client, editor):
    editor.email = ""
    editor.save()
    assert "there is no e-mail address to send it to" in editor_client.get("/profile/").content.decode()
    editor_client.post("/profile/", {"email": "", "digest": "off", "language": "en"})
    assert "there is no e-mail address to send it to" not in editor_client.get("/profile/").content.decode()


def test_the_profile_shows_the_private_addresses_and_renewing_the_secret_replaces_them(editor_client, editor):
    old = profile_of(editor).feed_token
    html = editor_client.get("/profile/").content.decode()
    assert f"http://testserver{reverse('user_calendar', kwargs={'token': old})}" in html
    assert f"http://testserver{reverse('following_feed', kwargs={'token': old})}" in html
    assert 'action="/profile/renew-secret/"' in html
    response = editor_client.post("/profile/renew-secret/")
    assert response["Location"] == "/profile/#feeds"
    new = profile_of(editor).feed_token
    assert new != old
    html = editor_client.get("/profile/").content.decode()
    assert old not in html
    assert f"/calendar/{new}.ics" in html
    assert "the old ones no longer work" in html


def test_renewing_the_secret_needs_a_post(editor_client):
    assert editor_client.get("/profile/renew-secret/").status_code == 405


def test_a_person_without_a_role_has_a_profile_but_no_my_work(no_role_user):
    client = Client()
    client.force_login(no_role_user)
    assert client.get("/profile/").status_code == 200
    assert client.get("/my-work/").status_code == 403
    assert client.get("/following/").status_code == 403


def test_the_new_pages_use_no_inline_script_or_style(editor_client, editor, settings):
    import re

    settings.TRACKER_FOUR_EYES = True
    commitment = mine(editor)
    follow(user=editor, target=commitment)
    other = UserFactory(username="other-editor", role=Role.EDITOR)
    update = commitment_record_status(commitment=commitment, user=other, status=Status.FULFILLED, observed_on=today())
    for url in ("/my-work/", "/following/", "/profile/", f"/status-updates/{update.pk}/reject/", commitment.get_absolute_url()):
        html = editor_client.get(url).content.decode()
        assert "<script" not in html, url
        assert not re.search(r'\sstyle="', html), url
