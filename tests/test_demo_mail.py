"""The demo's editor has mail waiting: `send_digests --dry-run` and `send_reminders --dry-run` on the
data `make run` loads show theirs at once."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from tracker.models import Commitment, DigestFrequency, Follow, Profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo_data", stdout=io.StringIO())


def run(command: str, *arguments: str) -> str:
    out = io.StringIO()
    call_command(command, *arguments, stdout=out)
    return out.getvalue()


def test_the_demo_editor_has_an_address_a_daily_digest_promises_to_look_after_and_a_minister_to_follow(demo):
    editor = Commitment.objects.filter(assignee__isnull=False).first().assignee
    assert (editor.username, editor.email) == ("editor", "editor@example.org")
    assert Profile.objects.get(user=editor).digest == DigestFrequency.DAILY
    assigned = Commitment.objects.filter(assignee=editor)
    assert assigned.count() == 4
    assert assigned.overdue(as_of=timezone.localdate()).count() == 2
    assert Follow.objects.get(user=editor).minister.full_name == "Nadia El Morabit"


def test_the_demo_editors_digest_is_printed_at_once(demo, mailoutbox):
    output = run("send_digests", "--dry-run")
    assert "To: Editor <editor@example.org>" in output
    assert "STATUS UPDATES (1)" in output
    assert "BECAME OVERDUE (1)" in output
    assert "Aanpassing erkenningsregeling sociale verhuurkantoren (Nadia El Morabit) [assigned to you]" in output
    assert "Daily digests for" in output
    assert "1 would be sent" in output
    assert mailoutbox == []


def test_the_demo_editors_reminders_are_printed_at_once(demo):
    output = run("send_reminders", "--dry-run")
    assert "DEADLINE PASSED (1)" in output
    assert "DEADLINE COMING UP (1)" in output
    assert "2 reminders in 1 mail would be sent" in output


def test_loading_the_demo_again_leaves_the_editors_choices_alone(demo):
    editor = Profile.objects.get(user__username="editor").user
    from tracker.services.team import profile_update, unfollow

    profile_update(user=editor, digest=DigestFrequency.WEEKLY, language="nl")
    unfollow(user=editor, target=Follow.objects.get(user=editor).minister)
    call_command("load_demo_data", stdout=io.StringIO())
    assert Profile.objects.get(user=editor).digest == DigestFrequency.WEEKLY
    assert not Follow.objects.filter(user=editor).exists()
