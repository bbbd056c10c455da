"""send_reminders: the assignee and the followers of an open promise are reminded REMINDER_DAYS days
before its deadline and on the day it becomes overdue, each once; one mail per user and run."""

import datetime
import io
import smtplib

import pytest
from django.core.management import call_command

from tests.factories import AnswerFactory, CommitmentFactory, PersonFactory, QuestionFactory, ThemeFactory, UserFactory
from tracker.models import DigestFrequency, ReminderKind, ReminderSent, Status
from tracker.roles import Role
from tracker.services.commitments import commitment_assign, commitment_change_deadline
from tracker.services.team import follow, profile_update

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2026, 3, 20)
WEEK_BEFORE = DEADLINE - datetime.timedelta(days=7)
DAY_AFTER = DEADLINE + datetime.timedelta(days=1)


def remind(day: datetime.date, *arguments: str) -> str:
    out = io.StringIO()
    call_command("send_reminders", "--date", day.isoformat(), *arguments, stdout=out)
    return out.getvalue()


def person(username: str, *, role=Role.EDITOR, digest=DigestFrequency.WEEKLY, language="en"):
    user = UserFactory(username=username, role=role)
    profile_update(user=user, digest=digest, language=language, email=f"{username}@example.org")
    return user


def recipients(mailoutbox) -> list[str]:
    return sorted(message.to[0].split("<")[-1].rstrip(">") for message in mailoutbox)


@pytest.fixture
def minister():
    return PersonFactory(first_name="Nadia", last_name="El Morabit")


@pytest.fixture
def promise(minister, settings):
    settings.TRACKER_REMINDER_DAYS = 7
    return CommitmentFactory(
        answer=AnswerFactory(question=QuestionFactory(addressee=minister)), title="Uitbreiding huurpremie", deadline=DEADLINE
    )


@pytest.fixture
def assignee(promise):
    user = person("ed")
    commitment_assign(commitment=promise, assignee=user, user=None)
    return user


def test_the_assignee_is_reminded_a_week_before_and_the_day_after_the_deadline_once_each(mailoutbox, promise, assignee):
    assert "0 reminders in 0 mails" in remind(WEEK_BEFORE - datetime.timedelta(days=1))
    assert "1 reminder in 1 mail sent" in remind(WEEK_BEFORE)
    [message] = mailoutbox
    assert message.subject == "Commitment tracker: a deadline coming up"
    assert "Uitbreiding huurpremie (Nadia El Morabit) [assigned to you]" in message.body
    assert "Deadline 20 March 2026, in 7 days; announced." in message.body
    assert f"https://tracker.example.org/commitments/{promise.pk}/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "0 reminders" in remind(WEEK_BEFORE), "once"
    assert "0 reminders" in remind(DEADLINE), "the deadline itself is not overdue yet"
    assert "1 reminder" in remind(DAY_AFTER)
    assert mailoutbox[-1].subject == "Commitment tracker: a deadline passed"
    assert "Deadline 20 March 2026, 1 day ago; still announced." in mailoutbox[-1].body
    assert "0 reminders" in remind(DAY_AFTER)
    assert len(mailoutbox) == 2
    assert sorted(ReminderSent.objects.values_list("kind", flat=True)) == [ReminderKind.DUE_SOON, ReminderKind.OVERDUE]


@pytest.mark.parametrize("way", ["commitment", "minister", "theme", "question"])
def test_followers_are_reminded_however_they_follow(mailoutbox, minister, promise, way):
    theme = ThemeFactory(name="Wonen", slug="wonen")
    promise.themes.add(theme)
    target = {"commitment": promise, "minister": minister, "theme": theme, "question": promise.answer.question}[way]
    follow(user=person("fien", role=Role.VIEWER), target=target)
    remind(WEEK_BEFORE)
    assert recipients(mailoutbox) == ["fien@example.org"]
    assert "[assigned to you]" not in mailoutbox[0].body


def test_followers_who_turned_the_digest_off_are_not_reminded_but_the_assignee_is(mailoutbox, minister, promise):
    follow(user=person("stil", role=Role.VIEWER, digest=DigestFrequency.OFF), target=minister)
    busy = person("druk", digest=DigestFrequency.OFF)
    commitment_assign(commitment=promise, assignee=busy, user=None)
    remind(WEEK_BEFORE)
    assert recipients(mailoutbox) == ["druk@example.org"]


def test_a_moved_deadline_gets_reminders_of_its_own(mailoutbox, promise, assignee):
    remind(WEEK_BEFORE)
    later = DEADLINE + datetime.timedelta(days=30)
    commitment_change_deadline(commitment=promise, user=assignee, deadline=later, reason="Uitstel.")
    assert "1 reminder" in remind(later - datetime.timedelta(days=7))
    assert len(mailoutbox) == 2


def test_a_day_without_a_run_is_caught_up_the_next_day(mailoutbox, promise, assignee):
    assert "1 reminder" in remind(WEEK_BEFORE + datetime.timedelta(days=1))
    assert "in 6 days" in mailoutbox[0].body
    assert "1 reminder" in remind(DAY_AFTER + datetime.timedelta(days=2))
    assert "3 days ago" in mailoutbox[1].body


def test_kept_promises_and_refusals_are_not_reminded(mailoutbox, minister, promise, assignee):
    from tracker.services.commitments import commitment_record_status

    commitment_record_status(commitment=promise, user=assignee, status=Status.FULFILLED, observed_on=datetime.date(2026, 1, 5))
    assert "0 reminders" in remind(WEEK_BEFORE)


def test_several_reminders_make_one_mail_per_user(mailoutbox, minister, promise, assignee):
    second = CommitmentFactory(
        answer=AnswerFactory(question=QuestionFactory(addressee=minister)),
        title="Renovatie",
        deadline=DEADLINE - datetime.timedelta(days=8),
    )
    commitment_assign(commitment=second, assignee=assignee, user=None)
    follow(user=person("fien", role=Role.VIEWER), target=minister)
    assert "4 reminders in 2 mails sent" in remind(WEEK_BEFORE)
    message = next(m for m in mailoutbox if "ed@example.org" in m.to[0])
    assert message.subject == "Commitment tracker: 2 deadlines to watch"
    assert message.body.index("DEADLINE PASSED") < message.body.index("Renovatie") < message.body.index("DEADLINE COMING UP")


def test_reminders_are_in_the_users_language(mailoutbox, minister, promise):
    follow(user=person("nele", role=Role.VIEWER, language="nl"), target=minister)
    remind(WEEK_BEFORE)
    assert mailoutbox[0].subject == "Toezeggingenregister: een termijn nadert"
    assert "Termijn 20 maart 2026, over 7 dagen; aangekondigd." in mailoutbox[0].body


def test_a_failed_send_gives_the_reminders_back_for_the_next_run(mailoutbox, monkeypatch, promise, assignee):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    with pytest.raises(SystemExit) as exit_:
        remind(WEEK_BEFORE)
    assert exit_.value.code == 1
    assert not ReminderSent.objects.exists()
    monkeypatch.undo()
    assert "1 reminder in 1 mail sent" in remind(WEEK_BEFORE)


def test_dry_run_prints_and_records_nothing(mailoutbox, promise, assignee):
    output = remind(WEEK_BEFORE, "--dry-run")
    assert "Subject: Commitment tracker: a deadline coming up" in output
    assert "1 reminder in 1 mail would be sent" in output
    assert mailoutbox == []
    assert not ReminderSent.objects.exists()


def test_the_queries_do_not_grow_with_the_number_of_followers(django_assert_max_num_queries, mailoutbox, minister, promise):
    for index in range(30):
        follow(user=person(f"volger{index}", role=Role.VIEWER), target=minister)
    with django_assert_max_num_queries(10 + 30 * 4):
        remind(WEEK_BEFORE)
    assert len(mailoutbox) == 30
