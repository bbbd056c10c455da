"""The digest over real SMTP: an aiosmtpd server started by the test receives what Django's SMTP
backend sends, and the message is read back as a mail program would."""

import datetime
import email
import email.policy
import io
import socket
from zoneinfo import ZoneInfo

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.management import call_command

from tests.factories import AnswerFactory, CommitmentFactory, PersonFactory, QuestionFactory, UserFactory
from tracker.models import DigestFrequency, DigestSent, Status
from tracker.roles import Role
from tracker.services.commitments import commitment_record_status
from tracker.services.team import follow, profile_update

pytestmark = pytest.mark.django_db

RUN = datetime.date(2026, 3, 11)


class Inbox:
    """An aiosmtpd handler that keeps what it receives, or refuses every recipient."""

    def __init__(self, refuse: bool = False):
        self.refuse = refuse
        self.envelopes = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def messages(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(envelope.content, policy=email.policy.default) for envelope in self.envelopes]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    def start(refuse: bool = False) -> Inbox:
        inbox = Inbox(refuse=refuse)
        controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
        controller.start()
        started.append(controller)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", controller.port, 10
        settings.DEFAULT_FROM_EMAIL = "Toezeggingenregister <register@example.org>"
        return inbox

    started = []
    yield start
    for controller in started:
        controller.stop()


@pytest.fixture
def followed_news():
    minister = PersonFactory(first_name="Nadia", last_name="El Morabit")
    commitment = CommitmentFactory(
        answer=AnswerFactory(question=QuestionFactory(addressee=minister)), title="Uitbreiding huurpremie"
    )
    author = UserFactory(username="auteur", role=Role.EDITOR, first_name="Ann", last_name="Auteur")
    with time_machine.travel(datetime.datetime(2026, 3, 10, 11, 0, tzinfo=ZoneInfo("Europe/Brussels")), tick=False):
        commitment_record_status(
            commitment=commitment, user=author, status=Status.DELAYED, observed_on=datetime.date(2026, 3, 10)
        )
    nele = UserFactory(username="nele", role=Role.EDITOR, first_name="Nele", last_name="Peeters")
    profile_update(user=nele, digest=DigestFrequency.DAILY, language="nl", email="nele@example.org")
    follow(user=nele, target=minister)
    return commitment


def send() -> str:
    out = io.StringIO()
    call_command("send_digests", "--date", RUN.isoformat(), "--frequency", "daily", stdout=out)
    return out.getvalue()


def test_the_digest_arrives_over_smtp_with_both_parts_links_language_and_one_click_unsubscribe(smtp_server, followed_news):
    inbox = smtp_server()
    assert "1 sent" in send()
    [envelope] = inbox.envelopes
    assert (envelope.mail_from, envelope.rcpt_tos) == ("register@example.org", ["nele@example.org"])
    [message] = inbox.messages()
    assert message["From"] == "Toezeggingenregister <register@example.org>"
    assert message["To"] == "Nele Peeters <nele@example.org>"
    assert message["Subject"] == "Toezeggingenregister: 1 wijziging op 10 maart 2026"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip()  # folded onto a line of its own: it is long
    assert unsubscribe.startswith("<https://tracker.example.org/unsubscribe/")
    assert unsubscribe.endswith("/>")
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    link = f"https://tracker.example.org/commitments/{followed_news.pk}/"
    assert "Dag Nele Peeters," in text
    assert "Uitbreiding huurpremie (Nadia El Morabit)" in text
    assert link in text
    assert f'href="{link}"' in html
    assert unsubscribe[1:-1] in text
    assert f'href="{unsubscribe[1:-1]}"' in html
    assert '<html lang="nl">' in html
    assert DigestSent.objects.get().sent_at is not None


def test_a_server_that_refuses_the_recipient_fails_the_run_and_the_next_run_retries(smtp_server, followed_news):
    smtp_server(refuse=True)
    with pytest.raises(SystemExit) as exit_:
        send()
    assert exit_.value.code == 1
    assert not DigestSent.objects.exists()
    inbox = smtp_server()
    assert "1 sent" in send()
    assert len(inbox.envelopes) == 1


def test_an_unreachable_server_fails_the_run_without_hanging(settings, followed_news):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 5
    with pytest.raises(SystemExit):
        send()
    assert not DigestSent.objects.exists()
