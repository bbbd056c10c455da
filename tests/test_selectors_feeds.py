"""What the private calendar and feeds read: whose token it is, what that person follows or looks
after, the deadlines for the calendar and the status updates that count for the feeds."""

import datetime

import pytest

from tests.factories import AnswerFactory, CommitmentFactory, PersonFactory, QuestionFactory, ThemeFactory, UserFactory
from tracker.models import Commitment, Kind, Status
from tracker.roles import Role
from tracker.selectors.feeds import (
    calendar_commitments,
    feed_profile,
    followed_or_assigned,
    following_feed_entries,
    minister_feed_entries,
)
from tracker.services.commitments import (
    commitment_assign,
    commitment_record_status,
    status_update_confirm,
    status_update_reject,
    status_update_void,
)
from tracker.services.team import follow, profile_of, profile_renew_feed_token

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 1, 1)


def promise(title, deadline=None, *, minister=None, **kwargs):
    question = QuestionFactory(addressee=minister or PersonFactory(), asked_on=datetime.date(2024, 10, 1))
    return CommitmentFactory(answer=AnswerFactory(question=question), title=title, deadline=deadline, **kwargs)


def followed_titles(user) -> list[str]:
    return sorted(Commitment.objects.filter(followed_or_assigned(user)).values_list("title", flat=True))


# Whose token it is.


def test_a_token_opens_its_owners_profile(viewer):
    profile = profile_of(viewer)
    assert feed_profile(profile.feed_token) == profile


def test_an_unknown_or_renewed_token_opens_nothing(viewer):
    old = profile_of(viewer).feed_token
    new = profile_renew_feed_token(user=viewer).feed_token
    assert feed_profile("x" * 43) is None
    assert feed_profile(old) is None
    assert feed_profile(new) is not None


def test_a_deactivated_account_or_one_without_a_role_opens_nothing(viewer, no_role_user):
    token = profile_of(viewer).feed_token
    viewer.is_active = False
    viewer.save()
    assert feed_profile(token) is None
    assert feed_profile(profile_of(no_role_user).feed_token) is None


# What a person follows or looks after.


def test_a_commitment_is_followed_directly_through_its_minister_theme_or_question_or_by_being_assigned(editor, administrator):
    minister = PersonFactory()
    theme = ThemeFactory(name="Armoedebestrijding")
    direct = promise("Zelf gevolgd")
    promise("Van de minister", minister=minister)
    promise("Met het thema", themes=[theme])
    by_question = promise("Uit de vraag")
    assigned = promise("Toegewezen")
    promise("Niet gevolgd")
    follow(user=editor, target=direct)
    follow(user=editor, target=minister)
    follow(user=editor, target=theme)
    follow(user=editor, target=by_question.answer.question)
    commitment_assign(commitment=assigned, assignee=editor, user=administrator)
    assert followed_titles(editor) == ["Met het thema", "Toegewezen", "Uit de vraag", "Van de minister", "Zelf gevolgd"]
    assert followed_titles(administrator) == []


def test_a_commitment_reached_in_several_ways_comes_once(editor):
    minister = PersonFactory()
    theme = ThemeFactory()
    commitment = promise("Op drie manieren", minister=minister, themes=[theme])
    for target in (commitment, minister, theme):
        follow(user=editor, target=target)
    assert followed_titles(editor) == ["Op drie manieren"]


# The calendar.


def test_the_calendar_holds_open_promises_nearest_deadline_first_and_those_passed_recently(viewer, editor):
    minister = PersonFactory()
    follow(user=viewer, target=minister)
    for title, deadline in [
        ("Over een jaar", datetime.date(2027, 1, 1)),
        ("Morgen", datetime.date(2026, 1, 2)),
        ("Vandaag", TODAY),
        ("Vorige maand", datetime.date(2025, 12, 1)),
        ("Lang geleden", datetime.date(2025, 6, 1)),
    ]:
        promise(title, deadline, minister=minister)
    promise(
        "Gedaan", datetime.date(2026, 2, 1), minister=minister, status=Status.FULFILLED, observed_on=datetime.date(2025, 1, 1)
    )
    promise("Weigering", minister=minister, kind=Kind.REFUSAL)
    titles = [c.title for c in calendar_commitments(viewer, today=TODAY)]
    assert titles == ["Vorige maand", "Vandaag", "Morgen", "Over een jaar"]


def test_the_calendar_is_capped_at_the_nearest_deadlines(viewer, monkeypatch):
    monkeypatch.setattr("tracker.selectors.feeds.CALENDAR_EVENTS", 2)
    monkeypatch.setattr("tracker.selectors.feeds.CALENDAR_OVERDUE_EVENTS", 1)
    minister = PersonFactory()
    follow(user=viewer, target=minister)
    for day in (1, 2, 3):
        promise(f"Over {day} maanden", datetime.date(2026, 1 + day, 1), minister=minister)
        promise(f"{day} weken geleden", TODAY - datetime.timedelta(weeks=day), minister=minister)
    titles = [c.title for c in calendar_commitments(viewer, today=TODAY)]
    assert titles == ["1 weken geleden", "Over 1 maanden", "Over 2 maanden"]


# The feeds.


@pytest.fixture
def four_eyes(settings):
    settings.TRACKER_FOUR_EYES = True


def test_the_feed_holds_the_updates_that_count_latest_first(editor, administrator, four_eyes):
    second = UserFactory(username="tweede-editor", role=Role.EDITOR)
    minister = PersonFactory()
    commitment = promise("Projectoproep", minister=minister)
    day = datetime.date(2025, 3, 1)
    delayed = commitment_record_status(commitment=commitment, user=editor, status=Status.DELAYED, observed_on=day)
    mistaken = commitment_record_status(commitment=commitment, user=editor, status=Status.IN_PROGRESS, observed_on=day)
    commitment_record_status(commitment=commitment, user=editor, status=Status.DELAYED, observed_on=day)
    status_update_void(update=mistaken, user=administrator, reason="Verkeerde toezegging.")
    rejected = commitment_record_status(commitment=commitment, user=editor, status=Status.LAPSED, observed_on=day)
    status_update_reject(update=rejected, user=second, note="Nog niet vervallen.")
    confirmed = commitment_record_status(commitment=commitment, user=editor, status=Status.FULFILLED, observed_on=day)
    status_update_confirm(update=confirmed, user=second)
    awaiting = promise("Wacht", minister=minister)
    commitment_record_status(commitment=awaiting, user=editor, status=Status.FULFILLED, observed_on=day)
    entries = minister_feed_entries(minister.pk)
    assert [(e.commitment.title, e.status) for e in entries] == [
        ("Wacht", Status.ANNOUNCED),
        ("Projectoproep", Status.FULFILLED),
        ("Projectoproep", Status.DELAYED),
        ("Projectoproep", Status.DELAYED),
        ("Projectoproep", Status.ANNOUNCED),
    ]
    assert entries[1].confirmation.decided_by == second
    assert delayed in entries


def test_the_minister_feed_holds_only_that_ministers_commitments():
    minister = PersonFactory()
    promise("Van haar", minister=minister)
    promise("Van een ander")
    assert [e.commitment.title for e in minister_feed_entries(minister.pk)] == ["Van haar"]


def test_the_following_feed_holds_what_the_user_follows_or_looks_after(editor, administrator):
    followed = promise("Gevolgd")
    assigned = promise("Toegewezen")
    promise("Niet gevolgd")
    follow(user=editor, target=followed)
    commitment_assign(commitment=assigned, assignee=editor, user=administrator)
    assert sorted(e.commitment.title for e in following_feed_entries(editor)) == ["Gevolgd", "Toegewezen"]


def test_the_feeds_are_capped(editor, monkeypatch):
    monkeypatch.setattr("tracker.selectors.feeds.FEED_ENTRIES", 3)
    commitment = promise("Veel updates")
    follow(user=editor, target=commitment)
    for month in range(1, 6):
        commitment_record_status(
            commitment=commitment, user=editor, status=Status.IN_PROGRESS, observed_on=datetime.date(2025, month, 1)
        )
    entries = following_feed_entries(editor)
    assert [e.observed_on.month for e in entries] == [5, 4, 3]
