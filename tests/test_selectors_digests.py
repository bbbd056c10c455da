"""What a digest holds: for one user and one period, what changed on what they follow or look after."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import AnswerFactory, CommitmentFactory, PersonFactory, QuestionFactory, ThemeFactory, UserFactory
from tracker.models import DigestFrequency, Kind, Status, Suggestion
from tracker.roles import Role
from tracker.selectors.digests import digest_for, digest_period, followings, period_changes
from tracker.services.commitments import (
    commitment_assign,
    commitment_change_deadline,
    commitment_edit,
    commitment_record_status,
    status_update_confirm,
    status_update_reject,
    status_update_void,
)
from tracker.services.team import follow

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
RUN = datetime.date(2026, 3, 11)  # a Wednesday: the daily digest covers Tuesday 10 March
DAY = RUN - datetime.timedelta(days=1)


def at(day: datetime.date, hour: int = 10, minute: int = 0):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BRUSSELS), tick=False)


def digest(user, *, frequency=DigestFrequency.DAILY, today=RUN):
    changes = period_changes(digest_period(frequency, today=today))
    return digest_for(
        user_id=user.pk,
        following=followings([user.pk]).get(user.pk),
        changes=changes,
        can_review=user.has_perm("tracker.change_suggestion"),
    )


def titles(lines) -> list[str]:
    return [line.commitment.title for line in lines]


@pytest.fixture
def colleague():
    return UserFactory(username="collega", role=Role.EDITOR)


@pytest.fixture
def minister():
    return PersonFactory(first_name="Nadia", last_name="El Morabit")


def commitment_of(minister, **kwargs):
    return CommitmentFactory(answer=AnswerFactory(question=QuestionFactory(addressee=minister)), **kwargs)


def test_a_daily_digest_covers_the_day_before_and_a_weekly_one_the_last_whole_week():
    assert digest_period("daily", today=RUN) == digest_period("daily", today=RUN)
    daily = digest_period("daily", today=RUN)
    assert (daily.start, daily.end, daily.as_of) == (DAY, DAY, RUN)
    weekly = digest_period("weekly", today=RUN)
    assert (weekly.start, weekly.end) == (datetime.date(2026, 3, 2), datetime.date(2026, 3, 8))
    monday = digest_period("weekly", today=datetime.date(2026, 3, 9))
    assert (monday.start, monday.end) == (datetime.date(2026, 3, 2), datetime.date(2026, 3, 8)), "on Monday: the week just ended"


def test_the_period_runs_from_midnight_to_midnight_in_brussels(viewer, colleague, minister):
    follow(user=viewer, target=minister)
    inside, before, after = (commitment_of(minister, title=title) for title in ("Binnen", "Ervoor", "Erna"))
    with at(DAY, 0, 5):
        commitment_record_status(commitment=inside, user=colleague, status=Status.IN_PROGRESS, observed_on=DAY)
    with at(DAY - datetime.timedelta(days=1), 23, 55):
        commitment_record_status(
            commitment=before, user=colleague, status=Status.IN_PROGRESS, observed_on=DAY - datetime.timedelta(days=1)
        )
    with at(RUN, 0, 5):
        commitment_record_status(commitment=after, user=colleague, status=Status.IN_PROGRESS, observed_on=RUN)
    assert titles(digest(viewer).status_changes) == ["Binnen"]


@pytest.mark.parametrize("way", ["commitment", "minister", "theme", "question", "assigned"])
def test_a_status_update_reaches_whoever_follows_the_commitment_in_any_way_or_looks_after_it(way, editor, colleague, minister):
    theme = ThemeFactory(name="Wonen", slug="wonen")
    commitment = commitment_of(minister, title="Huurpremie", themes=[theme])
    commitment_of(minister, title="Iets anders")  # followed only through the minister
    target = {"commitment": commitment, "minister": minister, "theme": theme, "question": commitment.answer.question}.get(way)
    if target is not None:
        follow(user=editor, target=target)
    else:
        commitment_assign(commitment=commitment, assignee=editor, user=colleague)
    with at(DAY):
        commitment_record_status(commitment=commitment, user=colleague, status=Status.DELAYED, observed_on=DAY, note="Uitstel.")
    [line] = digest(editor).status_changes
    assert (line.commitment.title, line.change.status, line.change.note, line.change.recorded_by) == (
        "Huurpremie",
        Status.DELAYED,
        "Uitstel.",
        colleague.get_full_name(),
    )
    assert line.assigned == (way == "assigned")


def test_nothing_followed_nothing_in_the_digest(viewer, colleague, minister):
    commitment = commitment_of(minister)
    with at(DAY):
        commitment_record_status(commitment=commitment, user=colleague, status=Status.DELAYED, observed_on=DAY)
    assert digest(viewer).is_empty


def test_what_the_user_did_themselves_is_left_out(editor, colleague, minister):
    follow(user=editor, target=minister)
    mine, theirs = commitment_of(minister, title="Zelf"), commitment_of(minister, title="Collega")
    with at(DAY):
        commitment_record_status(commitment=mine, user=editor, status=Status.DELAYED, observed_on=DAY)
        commitment_record_status(commitment=theirs, user=colleague, status=Status.DELAYED, observed_on=DAY)
    assert titles(digest(editor).status_changes) == ["Collega"]


def test_a_closing_status_awaiting_confirmation_is_marked_and_one_confirmed_in_the_period_is_included(
    settings, editor, colleague, minister, administrator
):
    settings.TRACKER_FOUR_EYES = True
    viewer = UserFactory(username="lezer", role=Role.VIEWER)
    follow(user=viewer, target=minister)
    waiting, rejected, voided, earlier = (
        commitment_of(minister, title=t) for t in ("Wacht", "Afgewezen", "Vernietigd", "Eerder")
    )
    with at(DAY - datetime.timedelta(days=3)):
        earlier_update = commitment_record_status(
            commitment=earlier, user=editor, status=Status.FULFILLED, observed_on=DAY - datetime.timedelta(days=3)
        )
    with at(DAY):
        commitment_record_status(commitment=waiting, user=editor, status=Status.FULFILLED, observed_on=DAY)
        update = commitment_record_status(commitment=rejected, user=editor, status=Status.FULFILLED, observed_on=DAY)
        status_update_reject(update=update, user=colleague, note="Geen bewijs.")
        update = commitment_record_status(commitment=voided, user=editor, status=Status.DELAYED, observed_on=DAY)
        commitment_record_status(commitment=voided, user=editor, status=Status.IN_PROGRESS, observed_on=DAY)
        status_update_void(update=update, user=administrator, reason="Verkeerde toezegging.")
        status_update_confirm(update=earlier_update, user=colleague)
    lines = {line.commitment.title: line.change for line in digest(viewer).status_changes}
    assert set(lines) == {"Wacht", "Vernietigd", "Eerder"}
    assert lines["Wacht"].awaiting_confirmation
    assert lines["Vernietigd"].status == Status.IN_PROGRESS, "the voided update is left out, the later one stays"
    assert (lines["Eerder"].awaiting_confirmation, lines["Eerder"].confirmed_by) == (False, colleague.get_full_name())


def test_deadline_changes_come_from_the_history_first_old_to_last_new(viewer, colleague, minister):
    follow(user=viewer, target=minister)
    moved = commitment_of(minister, title="Verschoven", deadline=datetime.date(2026, 6, 30))
    twice = commitment_of(minister, title="Tweemaal", deadline=datetime.date(2026, 6, 30))
    back = commitment_of(minister, title="Terug", deadline=datetime.date(2026, 6, 30))
    edited = commitment_of(minister, title="Bewerkt", deadline=datetime.date(2026, 6, 30))
    with at(DAY):
        commitment_change_deadline(commitment=moved, user=colleague, deadline=datetime.date(2026, 12, 31), reason="Vertraging.")
        for deadline in (datetime.date(2026, 9, 30), datetime.date(2027, 3, 31)):
            twice = commitment_change_deadline(commitment=twice, user=colleague, deadline=deadline, reason="Opnieuw.")
        for deadline in (datetime.date(2026, 9, 30), datetime.date(2026, 6, 30)):
            back = commitment_change_deadline(commitment=back, user=colleague, deadline=deadline, reason="Vergissing.")
        commitment_edit(
            commitment=edited,
            user=colleague,
            expected_version=edited.version,
            title="Bewerkt!",
            kind=edited.kind,
            target_group="",
            quote=edited.quote,
        )
    changes = {line.commitment.title: line.change for line in digest(viewer).deadline_changes}
    assert set(changes) == {"Verschoven", "Tweemaal"}
    assert (changes["Verschoven"].old, changes["Verschoven"].new) == (datetime.date(2026, 6, 30), datetime.date(2026, 12, 31))
    assert (changes["Verschoven"].changed_by, changes["Verschoven"].reason) == (colleague.get_full_name(), "Vertraging.")
    assert (changes["Tweemaal"].old, changes["Tweemaal"].new) == (datetime.date(2026, 6, 30), datetime.date(2027, 3, 31))


def test_a_promise_whose_deadline_lay_in_the_period_and_is_still_open_became_overdue(viewer, minister):
    follow(user=viewer, target=minister)
    commitment_of(minister, title="Gisteren", deadline=DAY)
    commitment_of(minister, title="Vandaag", deadline=RUN)  # a deadline of today is not overdue yet
    commitment_of(minister, title="Eergisteren", deadline=DAY - datetime.timedelta(days=1))  # the period before
    commitment_of(minister, title="Gehouden", deadline=DAY, status=Status.FULFILLED)
    assert titles(digest(viewer).newly_overdue) == ["Gisteren"]


def test_all_promises_falling_due_soon_are_listed_but_only_those_new_in_the_window_make_a_digest(settings, viewer, minister):
    settings.TRACKER_DUE_SOON_DAYS = 30
    follow(user=viewer, target=minister)
    commitment_of(minister, title="Al eerder", deadline=RUN + datetime.timedelta(days=10))
    assert [line.new for line in digest(viewer).due_soon] == [False]
    assert digest(viewer).is_empty, "the same list as yesterday is not news"
    commitment_of(minister, title="Nieuw", deadline=RUN + datetime.timedelta(days=30))
    commitment_of(minister, title="Te ver", deadline=RUN + datetime.timedelta(days=31))
    commitment_of(minister, title="Weigering", kind=Kind.REFUSAL)
    result = digest(viewer)
    assert [(line.commitment.title, line.new) for line in result.due_soon] == [("Al eerder", False), ("Nieuw", True)]
    assert result.news == 1


def test_new_suggestions_go_to_reviewers_for_the_ministers_they_follow_or_look_after(editor, viewer, colleague, minister):
    other = PersonFactory(first_name="Karel", last_name="Dehaene")
    follow(user=editor, target=minister)
    follow(user=viewer, target=minister)
    looked_after = commitment_of(other)
    commitment_assign(commitment=looked_after, assignee=editor, user=colleague)
    with at(DAY):
        for person, title in ((minister, "Voor Nadia"), (other, "Voor Karel"), (PersonFactory(), "Voor een ander")):
            answer = AnswerFactory(question=QuestionFactory(addressee=person))
            Suggestion.objects.create(
                answer=answer, sentence="Ik zal iets doen.", sentence_start=0, fingerprint=title, kind=Kind.ACTION, title=title
            )
    with at(DAY - datetime.timedelta(days=2)):
        answer = AnswerFactory(question=QuestionFactory(addressee=minister))
        Suggestion.objects.create(
            answer=answer, sentence="Oud.", sentence_start=0, fingerprint="oud", kind=Kind.ACTION, title="Oud"
        )
    assert sorted(suggestion.title for suggestion in digest(editor).suggestions) == ["Voor Karel", "Voor Nadia"]
    assert digest(viewer).suggestions == [], "viewers do not review"


def test_a_weekly_digest_holds_the_whole_week(viewer, colleague, minister):
    follow(user=viewer, target=minister)
    monday, sunday, next_monday = (commitment_of(minister, title=t) for t in ("Maandag", "Zondag", "Volgende maandag"))
    for commitment, day in (
        (monday, datetime.date(2026, 3, 2)),
        (sunday, datetime.date(2026, 3, 8)),
        (next_monday, datetime.date(2026, 3, 9)),
    ):
        with at(day, 12):
            commitment_record_status(commitment=commitment, user=colleague, status=Status.IN_PROGRESS, observed_on=day)
    assert titles(digest(viewer, frequency="weekly").status_changes) == ["Maandag", "Zondag"]


def test_the_period_is_read_in_a_fixed_number_of_queries_whatever_it_holds(django_assert_max_num_queries, colleague, minister):
    for index in range(30):
        commitment = commitment_of(minister, title=f"T{index}", deadline=DAY)
        with at(DAY):
            commitment_record_status(commitment=commitment, user=colleague, status=Status.DELAYED, observed_on=DAY)
    with django_assert_max_num_queries(8):
        changes = period_changes(digest_period("daily", today=RUN))
    assert len(changes.commitments) == 30
