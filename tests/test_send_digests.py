"""send_digests: each digest once per user and period, resumable after a crash, in the user's language,
with links and a one-click unsubscribe; Django's locmem backend receives the mail (pytest-django's
`mailoutbox`). The real SMTP conversation is in test_mail_smtp.py."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AnswerFactory, CommitmentFactory, PersonFactory, QuestionFactory, UserFactory
from tracker.models import DigestFrequency, DigestSent, Status
from tracker.roles import Role
from tracker.services.commitments import commitment_record_status
from tracker.services.team import follow, profile_update

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
RUN = datetime.date(2026, 3, 11)
DAY = RUN - datetime.timedelta(days=1)


def send(*arguments: str) -> str:
    out = io.StringIO()
    call_command("send_digests", "--date", RUN.isoformat(), *arguments, stdout=out)
    return out.getvalue()


def reader(username: str, *, digest=DigestFrequency.DAILY, language="en", role=Role.VIEWER, email=None):
    user = UserFactory(username=username, role=role)
    profile_update(user=user, digest=digest, language=language, email=email if email is not None else f"{username}@example.org")
    return user


@pytest.fixture
def minister():
    return PersonFactory(first_name="Nadia", last_name="El Morabit")


@pytest.fixture
def news(minister):
    """A status update recorded on DAY on a commitment of the minister, by an editor."""
    commitment = CommitmentFactory(
        answer=AnswerFactory(question=QuestionFactory(addressee=minister)), title="Uitbreiding huurpremie"
    )
    author = UserFactory(username="auteur", role=Role.EDITOR, first_name="Ann", last_name="Auteur")
    with time_machine.travel(datetime.datetime(2026, 3, 10, 11, 0, tzinfo=BRUSSELS), tick=False):
        commitment_record_status(
            commitment=commitment, user=author, status=Status.DELAYED, observed_on=DAY, note="Advies van de Raad van State."
        )
    return commitment


def test_a_reader_who_follows_the_minister_gets_one_digest_with_both_parts_links_and_unsubscribe_headers(
    mailoutbox, minister, news
):
    vera = reader("vera")
    follow(user=vera, target=minister)
    output = send("--frequency", "daily")
    assert "Daily digests for 2026-03-10 (1 recipient): 1 sent" in output
    [message] = mailoutbox
    assert message.to == [f"{vera.get_full_name()} <vera@example.org>"]
    assert message.subject == "Commitment tracker: 1 change on 10 March 2026"
    assert "Uitbreiding huurpremie (Nadia El Morabit)" in message.body
    assert "Delayed, observed 10 March 2026, recorded by Ann Auteur" in message.body
    assert f"https://tracker.example.org/commitments/{news.pk}/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="https://tracker.example.org/commitments/{news.pk}/"' in html
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://tracker.example.org/unsubscribe/")
    assert unsubscribe.endswith("/>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe[1:-1] in message.body
    assert unsubscribe[1:-1] in html
    sent = DigestSent.objects.get()
    assert (sent.user, sent.frequency, sent.period_start, sent.period_end, sent.items) == (vera, "daily", DAY, DAY, 1)
    assert sent.sent_at is not None


def test_the_digest_is_in_the_users_language(mailoutbox, minister, news):
    follow(user=reader("nele", language="nl"), target=minister)
    send("--frequency", "daily")
    [message] = mailoutbox
    assert message.subject == "Toezeggingenregister: 1 wijziging op 10 maart 2026"
    assert "Vertraagd, vastgesteld op 10 maart 2026, vastgelegd door Ann Auteur" in message.body
    assert '<html lang="nl">' in message.alternatives[0][0]


def test_running_twice_for_the_same_period_sends_nothing_twice(mailoutbox, minister, news):
    follow(user=reader("vera"), target=minister)
    send("--frequency", "daily")
    output = send("--frequency", "daily")
    assert len(mailoutbox) == 1
    assert "0 sent, 1 already sent" in output
    assert DigestSent.objects.count() == 1


def test_a_run_that_crashed_after_claiming_does_not_send_again_unless_asked(mailoutbox, monkeypatch, minister, news):
    follow(user=reader("vera"), target=minister)
    follow(user=reader("wout"), target=minister)

    def crash(self, messages):
        if messages[0].to[0].endswith("<wout@example.org>"):
            raise KeyboardInterrupt  # the process stopped mid-send: was the mail sent? Nobody knows.
        mailoutbox.extend(messages)
        return len(messages)

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", crash)
    with pytest.raises(KeyboardInterrupt):
        send("--frequency", "daily")
    monkeypatch.undo()
    claim = DigestSent.objects.get(user__username="wout")
    assert claim.sent_at is None, "claimed, never confirmed sent"
    assert [message.to[0].split("<")[1] for message in mailoutbox] == ["vera@example.org>"]

    output = send("--frequency", "daily")
    assert len(mailoutbox) == 1, "neither vera's nor wout's digest is sent again"
    assert "1 already sent" in output
    assert "1 claimed by an earlier run that stopped before confirming them sent" in output
    assert "--resend-unconfirmed sends them): wout." in output

    output = send("--frequency", "daily", "--resend-unconfirmed")
    assert [message.to[0] for message in mailoutbox[1:]] == [mailoutbox[1].to[0]]
    assert "wout@example.org" in mailoutbox[1].to[0]
    assert "1 unconfirmed sent again" in output
    assert DigestSent.objects.get(user__username="wout").sent_at is not None


def test_a_failed_send_gives_its_claim_back_and_the_exit_code_says_so(mailoutbox, monkeypatch, minister, news):
    import smtplib

    follow(user=reader("vera"), target=minister)

    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({"vera@example.org": (550, b"mailbox unavailable")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    with pytest.raises(SystemExit) as exit_:
        send("--frequency", "daily")
    assert exit_.value.code == 1
    assert not DigestSent.objects.exists(), "the claim is given back"
    monkeypatch.undo()
    assert "1 sent" in send("--frequency", "daily")
    assert len(mailoutbox) == 1


def test_dry_run_prints_the_digest_and_records_nothing(mailoutbox, minister, news):
    follow(user=reader("vera"), target=minister)
    output = send("--dry-run", "--frequency", "daily")
    assert "To: " in output
    assert "<vera@example.org>" in output
    assert "Subject: Commitment tracker: 1 change on 10 March 2026" in output
    assert "Uitbreiding huurpremie" in output
    assert "1 would be sent" in output
    assert mailoutbox == []
    assert not DigestSent.objects.exists()


def test_only_readers_with_an_address_and_that_frequency_get_one(mailoutbox, minister, news):
    wanted = reader("vera")
    follow(user=wanted, target=minister)
    for user in (
        reader("zonder-adres", email=""),
        reader("wekelijks", digest=DigestFrequency.WEEKLY),
        reader("uit", digest=DigestFrequency.OFF),
        reader("geen-rol", role=None),
    ):
        follow(user=user, target=minister)
    gone = reader("vertrokken")
    follow(user=gone, target=minister)
    gone.is_active = False
    gone.save()
    send("--frequency", "daily")
    assert [message.to[0] for message in mailoutbox] == [f"{wanted.get_full_name()} <vera@example.org>"]


def test_a_user_without_a_profile_gets_the_weekly_digest_in_english(mailoutbox, minister, news):
    user = UserFactory(username="nieuw", role=Role.VIEWER, email="nieuw@example.org")
    follow(user=user, target=minister)
    assert send("--frequency", "daily").count("0 sent") == 1
    call_command("send_digests", "--date", "2026-03-16", "--frequency", "weekly", stdout=io.StringIO())
    [message] = mailoutbox
    assert message.subject == "Commitment tracker: 1 change from 9 March to 15 March 2026"


def test_without_frequency_both_are_sent_and_a_user_can_be_chosen(mailoutbox, minister, news):
    follow(user=reader("vera"), target=minister)
    follow(user=reader("wout"), target=minister)
    output = send("--user", "wout")
    assert "Daily digests for 2026-03-10 (1 recipient): 1 sent" in output
    assert "Weekly digests for 2026-03-02 to 2026-03-08" in output
    assert len(mailoutbox) == 1
    assert "wout@example.org" in mailoutbox[0].to[0]


def test_a_chosen_user_who_gets_no_digest_is_told_why(minister, news):
    reader("wekelijks", digest=DigestFrequency.WEEKLY)
    reader("zonder-adres", email="")
    output = send("--frequency", "daily", "--user", "wekelijks", "--user", "zonder-adres", "--user", "niemand")
    assert "wekelijks: no daily digest: their digest is weekly." in output
    assert "zonder-adres: no daily digest: no e-mail address." in output
    assert "niemand: no daily digest: no such user." in output


def test_a_bad_date_is_refused_with_the_format():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--date '11/03/2026' is not a date: use YYYY-MM-DD"):
        call_command("send_digests", "--date", "11/03/2026")


def test_without_a_site_address_the_command_says_what_to_set(settings):
    from django.core.management.base import CommandError

    settings.TRACKER_SITE_URL = ""
    with pytest.raises(CommandError, match="SITE_URL is not set"):
        call_command("send_digests")


def queries_for(users: list, everyone: list) -> int:
    """The queries of a daily run in which *users* (of *everyone*) chose the daily digest."""
    for user in everyone:
        profile_update(user=user, digest=DigestFrequency.DAILY if user in users else DigestFrequency.OFF, language="en")
    with CaptureQueriesContext(connection) as captured:
        call_command("send_digests", "--date", RUN.isoformat(), "--frequency", "daily", stdout=io.StringIO())
    return len(captured.captured_queries)


def test_the_queries_of_a_run_grow_by_a_small_constant_per_user_not_with_what_they_follow(mailoutbox, minister, news):
    themes_and_more = [CommitmentFactory(answer=AnswerFactory(question=QuestionFactory(addressee=minister))) for _ in range(5)]
    users = [reader(f"lezer{index:02d}") for index in range(60)]
    for user in users:
        follow(user=user, target=minister)
        for commitment in themes_and_more:
            follow(user=user, target=commitment)
    ten, fifty = queries_for(users[:10], users), queries_for(users[10:], users)
    assert len(mailoutbox) == 60
    # Per digest: the claim (in a savepoint) and marking it sent; the rest is read once per run.
    per_user = 4
    assert fifty - ten == 40 * per_user, (ten, fifty)
    assert ten - 10 * per_user <= 16, "a fixed number for the period and the users, whatever their count"
